// "Save this page" and open tabs kept current (issue #18), in real Chromium
// with the built extension: a fixture article with a name no KB knows; its
// title, publisher and date proposed from the page's metadata and edited;
// after Save the new name is marked on that page and on a second open page
// without a reload, and its card cites the saved report by the title the
// reader gave it. A page cannot start a save: synthetic events do nothing, and
// a forged save message from a tab (even from our own content script's world)
// is refused by the background.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, ROOT, serveDir, waitFor, type ExtensionBrowser, type StaticServer } from './harness';
import { inContentWorld, ready } from './content-world';

declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number }[]> };
  commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> };
  contextMenus: { update(id: string, props: object): Promise<void> };
};

const FIXTURES = join(ROOT, 'tests/fixtures/save');
const NAME = 'Maarja Tammeleht';
const EDITED_TITLE = 'Keepers come back to the Vormsi lighthouse';

const markedTexts = async (page: Page) => (await inContentWorld<{ text: string }[]>(page, '__backstory.marks()')).map((m) => m.text);

/** How many reports the reader has stored (read in one of our extension pages). */
const storedReports = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('backstory-reader');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('reports')) return resolve(0);
          const count = db.transaction('reports').objectStore('reports').count();
          count.onsuccess = () => (db.close(), resolve(count.result));
          count.onerror = () => reject(count.error);
        };
      }),
  );

/** Hover `name` on the page until its card opens; the card's text. */
async function cardText(page: Page, name: string): Promise<string> {
  const p = await page.evaluate((text) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent!.indexOf(text);
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(n, i + 1);
      r.setEnd(n, i + 2);
      const b = r.getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    }
    throw new Error(`not found: ${text}`);
  }, name);
  await page.mouse.move(1, 1);
  await page.mouse.move(p.x, p.y);
  const dialog = page.locator('backstory-ui').locator('[role=dialog]');
  await dialog.waitFor({ timeout: 5000 });
  await expect.poll(() => dialog.locator('h2').textContent()).toBe(name);
  await expect.poll(async () => (await dialog.textContent()) ?? '').toContain('Vormsi');
  const text = (await dialog.textContent()) ?? '';
  await page.keyboard.press('Escape');
  return text;
}

describe('save this page', () => {
  let browser: ExtensionBrowser;
  let server: StaticServer;
  let article: Page;
  let other: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await serveDir(FIXTURES);
    browser = await launchWithExtension();
    other = await browser.context.newPage();
    other.on('pageerror', (e) => errors.push(String(e)));
    await other.goto(`${server.url}/other.html`);
    await ready(other);
    article = await browser.context.newPage();
    article.on('pageerror', (e) => errors.push(String(e)));
    await article.goto(`${server.url}/lighthouse.html`);
    await ready(article);
  });
  afterAll(async () => {
    expect(errors).toEqual([]);
    await browser?.close();
    await server?.close();
  });

  it('the new name is not known before the save', async () => {
    expect(await markedTexts(article)).not.toContain(NAME);
    expect(await markedTexts(other)).not.toContain(NAME);
  });

  it('a page cannot save: synthetic events do nothing, a forged message from a tab is refused', async () => {
    const refusedBefore = await browser.worker.evaluate(() => (globalThis as unknown as { __backstoryRouter: { refused: number } }).__backstoryRouter.refused);
    // The page's own scripts: the shortcut's keys and a context menu, synthesised, and a posted message.
    await article.evaluate(() => {
      for (const type of ['keydown', 'keyup'] as const) document.dispatchEvent(new KeyboardEvent(type, { key: 'S', code: 'KeyS', altKey: true, shiftKey: true, bubbles: true }));
      document.body.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true }));
      window.postMessage({ type: 'saveReport', data: { file: 'x', title: 'Forged', text: 'Forged\n\nMaarja Tammeleht forged this.', url: null } }, '*');
    });
    // A compromised content script (our own isolated world) sending the save message itself.
    const reply = await inContentWorld<unknown>(
      article,
      `chrome.runtime.sendMessage({ id: 7, type: 'saveReport', data: { file: 'forged.html', title: 'Forged', text: 'Forged\\n\\nMaarja Tammeleht forged this report.', url: null }, timestamp: Date.now() }).then((r) => r ?? null, (e) => 'error: ' + e.message)`,
    );
    expect(reply === null || (typeof reply === 'string' && reply.startsWith('error'))).toBe(true);
    await expect.poll(() => browser.worker.evaluate(() => (globalThis as unknown as { __backstoryRouter: { refused: number } }).__backstoryRouter.refused)).toBe(refusedBefore + 1);
    // No save window opened, nothing stored, nothing marked.
    expect(browser.context.pages().some((p) => p.url().includes('save=1'))).toBe(false);
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    expect(await storedReports(options)).toBe(0);
    await options.close();
    expect(await markedTexts(article)).not.toContain(NAME);
  });

  it('proposes title, publisher and date from the page’s metadata; after Save the name is marked on both open pages, without reload, and its card cites the saved report', async () => {
    await article.bringToFront();
    const tabId = await waitFor(() => browser.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? 0), { what: 'the article tab id' });
    // The save form as the context menu and the shortcut open it (the popup page in its save mode, for that tab).
    const save = await browser.context.newPage();
    save.on('pageerror', (e) => errors.push(String(e)));
    await save.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}&save=1`);
    const form = save.getByRole('form', { name: 'Save this page' });
    await form.waitFor({ timeout: 10_000 });
    expect(await form.getByLabel('Title').inputValue()).toBe('Lighthouse keepers return to Vormsi island');
    expect(await form.getByLabel('Publisher').inputValue()).toBe('Coastline Courier');
    expect(await form.getByLabel('Date').inputValue()).toBe('2026-11-03');
    const body = await form.getByLabel('Article text').inputValue();
    expect(body).toContain('Maarja Tammeleht, who leads the island');
    // The page's navigation and footer are not part of the article.
    expect(body).not.toContain('Weather');
    await form.getByLabel('Title').fill(EDITED_TITLE);
    const navigations: string[] = [];
    article.on('framenavigated', (f) => f === article.mainFrame() && navigations.push(f.url()));
    other.on('framenavigated', (f) => f === other.mainFrame() && navigations.push(f.url()));
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => save.getByTestId('save-result').textContent(), { timeout: 30_000 }).toBe(`Saved: “${EDITED_TITLE}”. Its names are marked on your open pages.`);

    // The article page: marked without a reload; the card names the report by the title the reader gave it.
    await waitFor(async () => (await markedTexts(article)).includes(NAME), { what: 'the saved name marked on the article', timeout: 15_000 });
    expect(await cardText(article, NAME)).toContain(EDITED_TITLE);
    // The other open page (hidden behind the others until shown) gets it too, without a reload.
    await other.bringToFront();
    await waitFor(async () => (await markedTexts(other)).includes(NAME), { what: 'the saved name marked on the second tab', timeout: 15_000 });
    expect(navigations).toEqual([]);
    expect(await storedReports(save)).toBe(1);
    await save.close();
  });

  it('the toolbar popup’s “Save this page…”: saving the same page again says it is already saved, and stores nothing', async () => {
    await article.bringToFront();
    const tabId = await waitFor(() => browser.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? 0), { what: 'the article tab id' });
    const save = await browser.context.newPage();
    await save.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await save.getByRole('button', { name: 'Save this page…' }).click();
    const form = save.getByRole('form', { name: 'Save this page' });
    await form.getByLabel('Title').fill(EDITED_TITLE);
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => save.getByTestId('save-result').textContent(), { timeout: 30_000 }).toContain('skipped as a duplicate');
    expect(await storedReports(save)).toBe(1);
    await save.close();
  });

  it('deleting the saved report on the options page unmarks the name on the open tabs, without reload; importing it as a file marks it again', async () => {
    const navigations: string[] = [];
    for (const p of [article, other]) p.on('framenavigated', (f) => f === p.mainFrame() && navigations.push(f.url()));
    const options = await browser.context.newPage();
    options.on('pageerror', (e) => errors.push(String(e)));
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const section = options.locator('section', { has: options.getByRole('heading', { name: 'Your reports' }) });
    await section.getByRole('button', { name: `Delete “${EDITED_TITLE}”` }).click();
    await expect.poll(() => storedReports(options)).toBe(0);
    await article.bringToFront();
    await waitFor(async () => !(await markedTexts(article)).includes(NAME), { what: 'the deleted report’s name unmarked', timeout: 15_000 });

    // An import through the options page reaches the open tabs the same way.
    await section.locator('input[accept=".txt,.html,.md"]').setInputFiles({ name: 'keepers.txt', mimeType: 'text/plain', buffer: Buffer.from(`Island heritage trust\n\nMaarja Tammeleht said the keepers would arrive in December.\n`) });
    await expect.poll(() => storedReports(options), { timeout: 30_000 }).toBe(1);
    await article.bringToFront();
    await waitFor(async () => (await markedTexts(article)).includes(NAME), { what: 'the imported report’s name marked', timeout: 15_000 });
    await other.bringToFront();
    await waitFor(async () => (await markedTexts(other)).includes(NAME), { what: 'the imported report’s name marked on the second tab', timeout: 15_000 });
    expect(navigations).toEqual([]);
    await options.close();
  });

  it('search in the side panel finds a name, a claim and report text, bundled and the reader’s own, and opens them', async () => {
    const panel = await browser.context.newPage();
    panel.on('pageerror', (e) => errors.push(String(e)));
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
    const field = panel.getByRole('searchbox', { name: 'Search names, claims and report text' });
    const status = panel.getByRole('search', { name: 'Search the reports' }).getByRole('status');
    const group = (name: string) => panel.getByRole('list', { name });
    const reader = panel.locator('article.bp-article');
    const focused = () => reader.locator('.bp-focus').allTextContents().then((t) => t.join(''));

    // A name from the reader's own report, by the beginning of a word and without its diacritics; keyboard only.
    await field.focus();
    await field.fill('tammel');
    await expect.poll(() => status.textContent()).toMatch(/^Found 1 name/);
    await field.press('ArrowDown');
    await expect.poll(() => panel.evaluate(() => document.activeElement?.textContent ?? '')).toContain(NAME);
    // ↓ past the name reaches the claims; ↑ comes back; Enter opens.
    await panel.keyboard.press('ArrowDown');
    await expect.poll(() => panel.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/^“/);
    await panel.keyboard.press('ArrowUp');
    await expect.poll(() => panel.evaluate(() => document.activeElement?.textContent ?? '')).toContain(NAME);
    await panel.keyboard.press('Enter');
    await expect.poll(() => panel.locator('#bp-reader-h').textContent()).toBe('Island heritage trust');
    await expect.poll(() => panel.locator('.bp-inline-card .bp-inline-title').textContent()).toBe(NAME);

    // A claim of the bundled KB, by words of its quote: the report opens with that sentence highlighted.
    await field.fill('Putin');
    await expect.poll(() => group('Names').locator('button').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Vladimir Putin')]));
    const claim = group('Claims').locator('button').first();
    const quote = ((await claim.locator('.bp-search-snippet').textContent()) ?? '').replace(/^“|”$/g, '');
    expect(quote).toContain('Putin');
    await claim.click();
    await expect.poll(focused).toBe(quote);

    // Words of a report's text: that report opens at them.
    await field.fill('keepers would arrive');
    const hit = group('Report text').getByRole('button', { name: /Island heritage trust/ });
    await hit.click();
    await expect.poll(focused).toBe('keepers would arrive');

    await field.fill('zzzqqq');
    await expect.poll(() => status.textContent()).toBe('Nothing found.');
    await panel.close();
  });

  it('offers the context menu item and the keyboard shortcut Alt+Shift+S, apart from the page’s Alt+Shift+N / Alt+Shift+P', async () => {
    // The page's context menu item exists (updating an item that does not exist fails).
    expect(await browser.worker.evaluate(() => chrome.contextMenus.update('backstory-save-page', {}).then(() => 'ok', (e: Error) => e.message))).toBe('ok');
    const commands = await browser.worker.evaluate(() => chrome.commands.getAll());
    const save = commands.find((c) => c.name === 'save-page');
    expect(save?.shortcut).toBe('Alt+Shift+S');
    expect(commands.map((c) => c.shortcut).filter((k) => k === 'Alt+Shift+N' || k === 'Alt+Shift+P')).toEqual([]);
  });
});
