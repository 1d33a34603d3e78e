// Cards in real Chromium with the built extension: hover intent (dwell, grace
// into the card, Esc), the keyboard path (shortcut, Enter, focus in and back),
// the card's content and actions (report → side panel request, gear → options),
// the trigger and display settings, and no page errors.
import type { Locator, Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { markTextInPage, waitFor, type ExtensionBrowser, type StaticServer } from '../support/browser';
import { inContentWorld, ready } from '../support/content-world';
import { EVERY_MENTION, useExtension } from '../support/fixtures';
import { ReaderPage, type TimelineEvent } from '../support/reader-page';

type Chrome = {
  storage: {
    local: { set(items: object): Promise<void>; remove(key: string): Promise<void> };
    session: { get(key: string): Promise<Record<string, unknown>>; remove(key: string): Promise<void> };
  };
};
declare const chrome: Chrome;


/** Scroll the `nth` occurrence of `text` (inside `scope`) into view and return the centre of its first letters. */
const pointAt = (page: Page, text: string, scope = 'body', nth = 0) => new ReaderPage(page).pointAt(text, scope, nth);

const dialogOf = (page: Page): Locator => page.locator('backstory-ui').locator('[role=dialog]');

/** The content script's debug timeline (lib/page/core/debug.ts: hover intent, card paint), from its own world. */
const timeline = (page: Page) => new ReaderPage(page).timeline();
/** The times of the dwell ends and card paints recorded since the page loaded. */
const timingMarks = async (page: Page) => {
  const events = await timeline(page);
  const at = (name: string) => events.filter((e) => e.name === name).map((e) => e.at);
  return { dwellEnd: at('dwell-end'), cardPainted: at('card-painted') };
};

/**
 * Record, from the page's side, every card (a dialog) that shows in our shadow
 * root from now on: its title, and when it first showed (performance.now(): the
 * page and the content script share the document's clock).
 */
function watchForCards(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { __cardTitles: string[]; __firstCardAt: number | null };
    w.__cardTitles = [];
    w.__firstCardAt = null;
    const watch = (root: ShadowRoot) => {
      const seen = () => {
        const shown = root.querySelector('[role=dialog], .bs-popover:not([aria-hidden])');
        if (!shown) return;
        w.__firstCardAt ??= performance.now();
        const title = shown.querySelector('h2')?.textContent;
        if (title && !w.__cardTitles.includes(title)) w.__cardTitles.push(title);
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
/** The titles of the cards the page saw (watchForCards). */
const cardTitles = (page: Page) => page.evaluate(() => (window as unknown as { __cardTitles: string[] }).__cardTitles);
const firstCardAt = (page: Page) => page.evaluate(() => (window as unknown as { __firstCardAt: number | null }).__firstCardAt);
/** The number of pointer positions the content script has handled (its hit tests fed to the hover intent). */
const pointerEvents = async (page: Page) => (await timeline(page)).filter((e) => e.name === 'pointer').length;

describe('reading flow: cards', () => {
  // These tests read every mention (markMode 'every'); the default, first mention only, is tested in card-preview.test.ts.
  const ext = useExtension({ expectNoPageErrors: true, settings: EVERY_MENTION });
  const { setSettings } = ext;
  let browser: ExtensionBrowser;
  let server: StaticServer;
  let page: Page;
  beforeAll(() => {
    ({ browser, server, page } = ext);
  });
  beforeEach(async () => {
    await setSettings(null);
    await page.mouse.move(1, 1);
  });

  it('opens the hovered name’s card after the dwell, stays open while the pointer moves into it, closes after', async () => {
    await page.goto(`${server.url}/reading-article.html`);
    await ready(page);
    await watchForCards(page);
    const p = await pointAt(page, 'Der Spiegel reported');
    await page.mouse.move(p.x, p.y);
    const dialog = dialogOf(page);
    await dialog.waitFor({ timeout: 15_000 });
    // Not before the dwell: the page first saw the card after the content script ended the dwell.
    const [dwellEnd0] = (await timingMarks(page)).dwellEnd;
    expect(await firstCardAt(page)).toBeGreaterThanOrEqual(dwellEnd0!);
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

    // Move into the card (through the gap): the hover intent knows the pointer is on the
    // card, and no grace period or dwell is left running that could close it.
    const box = (await dialog.boundingBox())!;
    const before = (await timeline(page)).length;
    await page.mouse.move(box.x + box.width / 2, box.y + 30, { steps: 4 });
    await expect.poll(async () => (await inContentWorld<TimelineEvent[]>(page, `__backstory.timeline(${before})`)).some((e) => e.name === 'enter-card')).toBe(true);
    await expect.poll(() => inContentWorld(page, '__backstory.hover()')).toEqual({ dwelling: false, grace: false });
    expect(await dialog.count()).toBe(1);
    // Leave both: it closes after the grace period (it was never clicked, so not pinned).
    await page.mouse.move(box.x + box.width / 2, Math.max(2, box.y - 300 > 0 ? box.y - 300 : box.y + box.height + 200), { steps: 2 });
    await page.mouse.move(2, 2);
    await expect.poll(() => dialog.count(), { timeout: 15_000 }).toBe(0);
  });

  it('a pointer passing over a name without resting never shows a card', async () => {
    await page.goto(`${server.url}/reading-article.html`);
    await ready(page);
    await watchForCards(page);
    const p = await pointAt(page, 'Bakhmut');
    await page.mouse.move(p.x - 80, p.y);
    await page.mouse.move(p.x + 80, p.y, { steps: 8 });
    await page.mouse.move(2, 2, { steps: 4 });
    // Then rest on another name until its card opens: a dwell started on the way
    // over Bakhmut (same delay, earlier) would have ended, and shown its card, first.
    const q = await pointAt(page, 'Der Spiegel reported');
    await page.mouse.move(q.x, q.y);
    await expect.poll(() => dialogOf(page).locator('h2').textContent(), { timeout: 15_000 }).toBe('Der Spiegel');
    expect(await cardTitles(page)).toEqual(['Der Spiegel']);
    expect((await timingMarks(page)).dwellEnd).toHaveLength(1);
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
    // Then rest on another name until its card opens (the same 3 s dwell): Bakhmut's
    // dwell, had it gone on, would have ended, and shown its card, first.
    const q = await pointAt(page, 'Der Spiegel reported');
    await page.mouse.move(q.x, q.y);
    await expect.poll(() => dialogOf(page).locator('h2').textContent(), { timeout: 15_000 }).toBe('Der Spiegel');
    expect(await cardTitles(page)).toEqual(['Der Spiegel']);
    expect((await timingMarks(page)).dwellEnd).toHaveLength(1);
    await page.keyboard.press('Escape');
  });

  it('Esc closes a hovered card', async () => {
    await page.goto(`${server.url}/reading-article.html`);
    await ready(page);
    const p = await pointAt(page, 'Bakhmut');
    await page.mouse.move(p.x, p.y);
    await dialogOf(page).waitFor({ timeout: 15_000 });
    await expect.poll(() => dialogOf(page).locator('h2').textContent()).toBe('Bakhmut');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialogOf(page).count()).toBe(0);
  });

  it('keyboard: Alt+Shift+N/P move through the marks, Enter opens the card with focus, Esc returns focus', async () => {
    await page.goto(`${server.url}/reading-article.html`);
    await ready(page);
    await page.focus('text=Maria Ortega');
    const current = () => page.evaluate(markTextInPage, 'backstory-current');
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
    await dialog.waitFor({ timeout: 15_000 });
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
    await dialog.waitFor({ timeout: 15_000 });
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
    const options = browser.context.waitForEvent('page', { timeout: 15_000 });
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
    const handled = await pointerEvents(page);
    await page.mouse.move(p.x, p.y);
    // The content script handled the pointer on the name, and no dwell started: nothing will open by itself.
    await expect.poll(() => pointerEvents(page)).toBeGreaterThan(handled);
    expect((await timeline(page)).filter((e) => e.name === 'dwell-start')).toEqual([]);
    expect(await dialogOf(page).count()).toBe(0);
    await page.mouse.click(p.x, p.y);
    await dialogOf(page).waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => document.querySelector('backstory-ui')!.shadowRoot!.activeElement?.getAttribute('role'))).toBe('dialog');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialogOf(page).count()).toBe(0);

    await setSettings({ trigger: 'modifier-hover' });
    await expect.poll(async () => (await inContentWorld<{ trigger: string }>(page, '__backstory.settings()')).trigger).toBe('modifier-hover');
    await page.mouse.move(2, 2);
    const moved = await pointerEvents(page);
    await page.mouse.move(p.x, p.y);
    await expect.poll(() => pointerEvents(page)).toBeGreaterThan(moved);
    expect((await timeline(page)).filter((e) => e.name === 'dwell-start')).toEqual([]);
    expect(await dialogOf(page).count()).toBe(0);
    await page.keyboard.down('Alt');
    await page.mouse.move(p.x + 1, p.y);
    await dialogOf(page).waitFor({ timeout: 15_000 });
    await page.keyboard.up('Alt');
    await page.keyboard.press('Escape');
  });

  it('a hover delay setting is honoured', async () => {
    await setSettings({ hoverDelayMs: 1500 });
    await page.goto(`${server.url}/reading-article.html`);
    await ready(page);
    await watchForCards(page);
    const p = await pointAt(page, 'Bakhmut');
    await page.mouse.move(p.x, p.y);
    await dialogOf(page).waitFor({ timeout: 15_000 });
    // The dwell that opened it was the setting's, and the page saw no card before it ended.
    const dwells = (await timeline(page)).filter((e) => e.name === 'dwell-end');
    expect(dwells.map((e) => e.detail)).toEqual([{ delay: 1500 }]);
    expect(await firstCardAt(page)).toBeGreaterThanOrEqual(dwells[0]!.at);
    await page.keyboard.press('Escape');
  });
});
