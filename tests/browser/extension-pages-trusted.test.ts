// Issue #17, point 2: our extension pages act only on a person's input. A
// script-made click or submit on the options page changes nothing; the same
// action by a real (trusted) click does. (The card's closed shadow root has its
// own guard: hostile-adversary.test.ts.)
import { describe, expect, it } from 'vitest';
import { useExtension } from '../support/fixtures';

declare const chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };

describe('extension pages ignore script-made actions', () => {
  const ext = useExtension();

  it('the options page adds a site only on a real click', async () => {
    const options = await ext.browser.context.newPage();
    await options.goto(`chrome-extension://${ext.browser.extensionId}/options.html`);
    const input = options.locator('.op-add input').first();
    await input.waitFor(); // the options page has rendered its form
    // A script types a site, clicks the submit button, presses Enter, then asks
    // the form to submit (a submit the browser dispatches, with no button): all dropped.
    await options.evaluate(async () => {
      const field = document.querySelector<HTMLInputElement>('.op-add input')!;
      field.value = 'untrusted.example';
      field.dispatchEvent(new InputEvent('input', { bubbles: true }));
      // Let Preact render the typed value before acting on it.
      await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      const button = document.querySelector<HTMLButtonElement>('.op-add button[type="submit"]')!;
      button.click();
      button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      document.querySelector<HTMLFormElement>('.op-add')!.requestSubmit();
    });
    // Prove the page is live (a real action is handled) before reading the state.
    await input.fill('trusted.example');
    await options.locator('.op-add button[type="submit"]').first().click();
    await expect.poll(() => options.locator('[aria-label="Remove trusted.example"]').count()).toBe(1);
    expect(await options.locator('[aria-label="Remove untrusted.example"]').count()).toBe(0);
    const stored = await ext.browser.worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings as { blockedSites?: string[] });
    expect(stored.blockedSites).toEqual(['trusted.example']);
    await options.close();
  });
});
