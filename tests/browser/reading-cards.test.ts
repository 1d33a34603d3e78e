// Cards in real Chromium with the built extension: hover intent (dwell, grace
// into the card, Esc), the keyboard path (shortcut, Enter, focus in and back),
// the card's content and actions (report → side panel request, gear → options),
// the trigger and display settings, and no page errors.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchWithExtension, serveDir, waitFor, type ExtensionBrowser, type StaticServer, setStoredSettings } from './harness';
import { inContentWorld, ready } from './content-world';

type Chrome = {
  storage: {
    local: { set(items: object): Promise<void>; remove(key: string): Promise<void> };
    session: { get(key: string): Promise<Record<string, unknown>>; remove(key: string): Promise<void> };
  };
};
declare const chrome: Chrome;


/** Scroll the `nth` occurrence of `text` (inside `scope`) into view and return the centre of its first letters. */
function pointAt(page: Page, text: string, scope = 'body', nth = 0): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ text, scope, nth }) => {
      const root = document.querySelector(scope)!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.textContent!.indexOf(text);
        if (i < 0 || seen++ < nth) continue;
        n.parentElement!.scrollIntoView({ block: 'center' });
        const r = document.createRange();
        r.setStart(n, i + 1);
        r.setEnd(n, i + 2);
        const b = r.getBoundingClientRect();
        return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
      }
      throw new Error(`text not found: ${text}`);
    },
    { text, scope, nth },
  );
}

const dialogOf = (page: Page): Locator => page.locator('backstory-ui').locator('[role=dialog]');

/** The content script's timing marks (lib/page/hover.ts, lib/page/card-layer.tsx), from the page's timeline. */
const timingMarks = (page: Page) =>
  page.evaluate(() => ({
    dwellEnd: performance.getEntriesByName('backstory:dwell-end').map((e) => e.startTime),
    cardPainted: performance.getEntriesByName('backstory:card-painted').map((e) => e.startTime),
  }));

/** Count, from the page's side, every time a card (a dialog) shows in our shadow root, from now on. */
function watchForCards(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { __cardsShown: number };
    w.__cardsShown = 0;
    const watch = (root: ShadowRoot) => {
      const seen = () => {
        if (root.querySelector('[role=dialog], .bs-popover:not([aria-hidden])')) w.__cardsShown++;
      };
      seen();
      new MutationObserver(seen).observe(root, { subtree: true, childList: true, attributes: true });
    };
    const host = document.querySelector('backstory-ui');
    if (host?.shadowRoot) return watch(host.shadowRoot);
    const mo = new MutationObserver(() => {
      const h = document.querySelector('backstory-ui');
      if (!h?.shadowRoot) return;
      mo.disconnect();
      watch(h.shadowRoot);
    });
    mo.observe(document.documentElement, { childList: true });
  });
}
const cardsShown = (page: Page) => page.evaluate(() => (window as unknown as { __cardsShown: number }).__cardsShown);

describe('reading flow: cards', () => {
  let browser: ExtensionBrowser;
  let server: StaticServer;
  let page: Page;
  const errors: string[] = [];

  // These tests read every mention (markMode 'every'); the default, first mention only, is tested in card-preview.test.ts.
  const setSettings = (settings: Record<string, unknown> | null) => setStoredSettings(browser, { markMode: 'every', ...settings });

  beforeAll(async () => {
    server = await serveDir();
    browser = await launchWithExtension();
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1200, height: 800 });
    page.on('pageerror', (e) => errors.push(String(e)));
  });
  afterAll(async () => {
    expect(errors).toEqual([]);
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    await setSettings(null);
    await page.mouse.move(1, 1);
  });

  it('opens the hovered name’s card after the dwell, stays open while the pointer moves into it, closes after', async () => {
    await page.goto(`${server.url}/reading-article.html`);
    await ready(page);
    const p = await pointAt(page, 'Der Spiegel reported');
    await page.mouse.move(p.x, p.y);
    await page.waitForTimeout(150);
    expect(await dialogOf(page).count()).toBe(0); // not before the dwell
    const dialog = dialogOf(page);
    await dialog.waitFor({ timeout: 3000 });
    // A labelled dialog: aria-labelledby names the entity.
    const label = await dialog.evaluate((el) => el.getRootNode() instanceof ShadowRoot && (el.getRootNode() as ShadowRoot).getElementById(el.getAttribute('aria-labelledby')!)?.textContent);
    expect(label).toBe('Der Spiegel');
    await expect.poll(() => dialog.locator('h2').textContent()).toBe('Der Spiegel');
    expect(await dialog.textContent()).toContain('More in the side panel');
    expect(await inContentWorld(page, '__backstory.card()')).toEqual({ text: 'Der Spiegel', entity: 'der-spiegel', pinned: false });
    // The content script marked the dwell's end, then the card's paint after it (what the benchmark times).
    await expect.poll(async () => (await timingMarks(page)).cardPainted.length).toBe(1);
    const { dwellEnd, cardPainted } = await timingMarks(page);
    expect(dwellEnd).toHaveLength(1);
    expect(cardPainted[0]).toBeGreaterThan(dwellEnd[0]!);

    // Move into the card (through the gap) and stay there past the grace period.
    const box = (await dialog.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 30, { steps: 4 });
    await page.waitForTimeout(700);
    expect(await dialog.count()).toBe(1);
    // Leave both: it closes after the grace period (it was never clicked, so not pinned).
    await page.mouse.move(box.x + box.width / 2, Math.max(2, box.y - 300 > 0 ? box.y - 300 : box.y + box.height + 200), { steps: 2 });
    await page.mouse.move(2, 2);
    await expect.poll(() => dialog.count(), { timeout: 3000 }).toBe(0);
  });

  it('a pointer passing over a name without resting never shows a card', async () => {
    await page.goto(`${server.url}/reading-article.html`);
    await ready(page);
    await watchForCards(page);
    const p = await pointAt(page, 'Bakhmut');
    await page.mouse.move(p.x - 80, p.y);
    await page.mouse.move(p.x + 80, p.y, { steps: 8 });
    await page.mouse.move(2, 2, { steps: 4 });
    await page.waitForTimeout(1200); // past the 500 ms dwell
    expect(await cardsShown(page)).toBe(0);
    expect(await dialogOf(page).count()).toBe(0);
    expect(await timingMarks(page)).toEqual({ dwellEnd: [], cardPainted: [] });
  });

  it('a pointer resting for less than the dwell prepares the card hidden, then throws it away: no card shows', async () => {
    await setSettings({ hoverDelayMs: 3000 });
    await page.goto(`${server.url}/reading-article.html`);
    await ready(page);
    await watchForCards(page);
    const p = await pointAt(page, 'Bakhmut');
    await page.mouse.move(p.x, p.y);
    // Prepared: in our shadow root, invisible, not a dialog.
    const prepared = page.locator('backstory-ui').locator('.bs-popover[aria-hidden=true]');
    await prepared.waitFor({ state: 'attached', timeout: 2500 });
    expect(await prepared.evaluate((el) => [getComputedStyle(el).visibility, (el as HTMLElement).inert])).toEqual(['hidden', true]);
    expect(await prepared.locator('h2').textContent()).toBe('Bakhmut');
    expect(await dialogOf(page).count()).toBe(0);
    expect(await inContentWorld(page, '__backstory.card()')).toBeNull();
    await page.mouse.move(2, 2);
    await expect.poll(() => page.locator('backstory-ui').locator('.bs-popover').count()).toBe(0);
    await page.waitForTimeout(3300); // past the dwell it would have had
    expect(await cardsShown(page)).toBe(0);
    expect(await timingMarks(page)).toEqual({ dwellEnd: [], cardPainted: [] });
  });

  it('Esc closes a hovered card', async () => {
    await page.goto(`${server.url}/reading-article.html`);
    await ready(page);
    const p = await pointAt(page, 'Bakhmut');
    await page.mouse.move(p.x, p.y);
    await dialogOf(page).waitFor({ timeout: 3000 });
    await expect.poll(() => dialogOf(page).locator('h2').textContent()).toBe('Bakhmut');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialogOf(page).count()).toBe(0);
  });

  it('keyboard: Alt+Shift+N/P move through the marks, Enter opens the card with focus, Esc returns focus', async () => {
    await page.goto(`${server.url}/reading-article.html`);
    await ready(page);
    await page.focus('text=Maria Ortega');
    const current = () =>
      page.evaluate(() => {
        const h = CSS.highlights.get('backstory-current');
        if (!h || h.size !== 1) return null;
        const r = [...h][0]!;
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString();
      });
    const live = () => page.locator('backstory-ui').locator('[role=status]').textContent();
    const total = (await inContentWorld<unknown[]>(page, '__backstory.marks()')).length;

    await page.keyboard.press('Alt+Shift+N');
    expect(await current()).toBe('Europe');
    await expect.poll(live).toBe(`Europe, place. 1 of ${total}. Press Enter to open its card.`);
    await page.keyboard.press('Alt+Shift+N');
    expect(await current()).toBe('PUTIN');
    await page.keyboard.press('Alt+Shift+N');
    expect(await current()).toBe('Xi');
    await page.keyboard.press('Alt+Shift+P');
    expect(await current()).toBe('PUTIN');
    await page.keyboard.press('Alt+Shift+P');
    await page.keyboard.press('Alt+Shift+P');
    expect(await current()).toBe('Shahed drones'); // wrapped around to the last mark
    await expect.poll(live).toContain('wrapped around');
    await page.keyboard.press('Alt+Shift+N');
    expect(await current()).toBe('Europe');

    await page.keyboard.press('Enter');
    const dialog = dialogOf(page);
    await dialog.waitFor({ timeout: 3000 });
    await expect.poll(() => dialog.locator('h2').textContent()).toBe('Europe');
    expect(page.url()).not.toContain('#'); // Enter did not follow the focused link
    const focus = await page.evaluate(() => {
      const host = document.querySelector('backstory-ui')!;
      const inner = host.shadowRoot!.activeElement;
      return { outer: document.activeElement?.tagName, inner: inner?.getAttribute('role') };
    });
    expect(focus).toEqual({ outer: 'BACKSTORY-UI', inner: 'dialog' });
    expect(await inContentWorld(page, '__backstory.card()')).toMatchObject({ entity: 'europe', pinned: true });

    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Maria Ortega');
  });

  it('shows the preview: type, caveat lines; the fact’s source asks for the side panel; settings apply; the gear opens options', async () => {
    await page.goto(`${server.url}/sample-news.html`);
    await ready(page);
    await browser.worker.evaluate(() => chrome.storage.session.remove('pendingReport'));
    const p = await pointAt(page, 'Shahed-136', 'article');
    await page.mouse.move(p.x, p.y);
    const dialog = dialogOf(page);
    await dialog.waitFor({ timeout: 3000 });
    await expect.poll(() => dialog.locator('h2').textContent()).toBe('Shahed-136');
    const text = (await dialog.textContent())!;
    expect(text).toContain('Weapon');
    expect(text).toContain('In 2 reports');
    // Caveat lines say whose they are, in words.
    const caveats = await dialog.locator('[data-part=caveats] li').allTextContents();
    expect(caveats.length).toBeGreaterThan(0);
    for (const c of caveats) expect(c).toMatch(/In .*report.*: /);

    // Clicking inside pins the card; the fact's source records the request for the side panel, at the quote.
    await dialog.locator('.bs-pv-source').click();
    const pending = await waitFor(() => browser.worker.evaluate(async () => (await chrome.storage.session.get('pendingReport')).pendingReport as { id: string; quoteStart?: number } | undefined), {
      what: 'pendingReport',
    });
    expect(pending!.id).toMatch(/^\d{3}_[0-9a-f]{16}$/);
    expect(typeof pending!.quoteStart).toBe('number');
    expect(await inContentWorld(page, '__backstory.card()')).toMatchObject({ pinned: true });

    // Settings apply to the open card: no caveats, dark theme.
    await setSettings({ showCaveats: false, theme: 'dark' });
    await expect.poll(() => dialog.locator('[data-part=caveats]').count()).toBe(0);
    expect(await dialog.getAttribute('class')).toContain('bs-theme-dark');

    // The gear asks the background to open the options page.
    const options = browser.context.waitForEvent('page', { timeout: 5000 });
    await dialog.getByRole('button', { name: 'Backstory settings' }).click();
    const opened = await options;
    expect(opened.url()).toContain(`chrome-extension://${browser.extensionId}/`);
    await opened.close();
    await page.bringToFront();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('trigger setting: click opens (and focuses) the card, hover alone does not; Alt+hover in modifier mode', async () => {
    await setSettings({ trigger: 'click' });
    await page.goto(`${server.url}/reading-article.html`);
    await ready(page);
    const p = await pointAt(page, 'Bakhmut');
    await page.mouse.move(p.x, p.y);
    await page.waitForTimeout(900);
    expect(await dialogOf(page).count()).toBe(0);
    await page.mouse.click(p.x, p.y);
    await dialogOf(page).waitFor({ timeout: 3000 });
    expect(await page.evaluate(() => document.querySelector('backstory-ui')!.shadowRoot!.activeElement?.getAttribute('role'))).toBe('dialog');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialogOf(page).count()).toBe(0);

    await setSettings({ trigger: 'modifier-hover' });
    await page.mouse.move(2, 2);
    await page.mouse.move(p.x, p.y);
    await page.waitForTimeout(900);
    expect(await dialogOf(page).count()).toBe(0);
    await page.keyboard.down('Alt');
    await page.mouse.move(p.x + 1, p.y);
    await dialogOf(page).waitFor({ timeout: 3000 });
    await page.keyboard.up('Alt');
    await page.keyboard.press('Escape');
  });

  it('a hover delay setting is honoured', async () => {
    await setSettings({ hoverDelayMs: 1500 });
    await page.goto(`${server.url}/reading-article.html`);
    await ready(page);
    const p = await pointAt(page, 'Bakhmut');
    await page.mouse.move(p.x, p.y);
    await page.waitForTimeout(900);
    expect(await dialogOf(page).count()).toBe(0);
    await dialogOf(page).waitFor({ timeout: 3000 });
    await page.keyboard.press('Escape');
  });
});
