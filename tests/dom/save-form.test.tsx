// The "Save this page" form (components/popup/SavePage.tsx): the page's
// metadata proposed in editable fields, a page that cannot be read said in
// words, and a submit event a script made (not the reader's click) saves
// nothing. The trusted click that does save is tested in Chromium
// (tests/browser/reader-save.test.ts).
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { SavePage } from '../../components/popup/SavePage';
import type { DraftResult, SaveFields } from '../../lib/reader-kb/save';

let host: HTMLElement | null = null;
afterEach(() => {
  if (host) render(null, host);
  host?.remove();
  host = null;
});

async function mount(load: () => Promise<DraftResult>, save: (f: SaveFields) => Promise<never>) {
  host = document.createElement('div');
  document.body.append(host);
  await act(async () => {
    render(<SavePage load={load} save={save} onDone={() => undefined} />, host!);
  });
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
  return host;
}

const DRAFT: DraftResult = { ok: true, draft: { title: 'Lighthouse keepers return', publisher: 'Coastline Courier', date: '2026-11-03', url: 'https://coastline.example/a', body: 'Maarja Tammeleht spoke.\n\nMore text.' } };

describe('save form', () => {
  it('proposes the page’s title, publisher and date in labelled fields, and the article text', async () => {
    const el = await mount(async () => DRAFT, async () => Promise.reject(new Error('not called')));
    const form = el.querySelector('form[aria-label="Save this page"]')!;
    const byLabel = (text: string) => [...form.querySelectorAll('label')].find((l) => l.textContent?.startsWith(text))!.querySelector('input')!;
    expect(byLabel('Title').value).toBe('Lighthouse keepers return');
    expect(byLabel('Publisher').value).toBe('Coastline Courier');
    expect(byLabel('Date').value).toBe('2026-11-03');
    expect((form.querySelector('textarea[aria-label="Article text"]') as HTMLTextAreaElement).value).toBe('Maarja Tammeleht spoke.\n\nMore text.');
    expect(form.textContent).toContain('(5 words)');
    expect(form.textContent).toContain('From https://coastline.example/a');
  });

  it('a submit a script dispatches (untrusted) saves nothing', async () => {
    let saved = 0;
    const el = await mount(async () => DRAFT, async () => {
      saved++;
      return Promise.reject(new Error('should not be called'));
    });
    const form = el.querySelector('form')!;
    await act(async () => {
      form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    });
    expect(saved).toBe(0);
    expect(el.querySelector('[data-testid="save-result"]')).toBeNull();
  });

  it('a page that cannot be read is said in words, as an alert', async () => {
    const el = await mount(async () => ({ ok: false, reason: 'Nothing to save: no article text found in the page.' }), async () => Promise.reject(new Error('not called')));
    expect(el.querySelector('[role=alert]')?.textContent).toBe('Nothing to save: no article text found in the page.');
    expect(el.querySelector('form')).toBeNull();
  });
});
