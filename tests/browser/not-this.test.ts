// Issue #14, points 5 and 6, in real Chromium with the built extension: the
// card says why its name is linked; "Not this" on the card removes the mark
// from every mention of those words on that page at once, the card closes,
// and the correction stays after a reload, on that site only; Undo in the
// settings page's "Corrections" brings the marks back live in the open tab;
// the side panel lists what the linker did not link, with the reason in
// plain words.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { launchWithExtension, ROOT, serveDir, setStoredSettings, waitFor, type ExtensionBrowser, type StaticServer } from './harness';
import { EVERY_MENTION } from '../support/fixtures';
import { ReaderPage, type DebugMark } from '../support/reader-page';

declare const chrome: { tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(tabId: number, message: object, options: object): Promise<unknown> }; storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };

const DIR = join(ROOT, 'tests/fixtures/linking');

const linked = (marks: DebugMark[], text: string, entity: string) => marks.filter((m) => m.text === text && m.entity === entity).length;

describe('"Not this", "Why this link" and "Not linked"', () => {
  let browser: ExtensionBrowser;
  let server: StaticServer;
  let page: Page;
  /** The same pages on another site: localhost instead of 127.0.0.1. */
  let otherSite: string;

  beforeAll(async () => {
    server = await serveDir(DIR);
    otherSite = server.url.replace('127.0.0.1', 'localhost');
    browser = await launchWithExtension();
    await setStoredSettings(browser, EVERY_MENTION);
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.setViewportSize({ width: 1100, height: 700 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the card says why the name is linked; "Not this" unmarks it on that site, after a reload too, and Undo in settings brings it back live', async () => {
    const reader = new ReaderPage(page);
    await reader.goto(`${server.url}/summit.html`);
    const before = await reader.marks();
    const washingtons = linked(before, 'Washington', 'washington');
    expect(washingtons).toBeGreaterThan(0);
    const others = before.filter((m) => m.entity !== 'washington').length;

    const card = await reader.hover('Washington');
    await expect.poll(() => card.locator('h2').textContent()).toBe('Washington');
    // One plain line: the page's other names that made the link.
    await expect.poll(() => card.locator('[data-part=why]').textContent()).toMatch(/^Linked because the page also mentions .+ and .+$/);

    // The page cannot say it: a script's click on the button (the tests' UI root is open) is dropped.
    await page.evaluate(() => (document.querySelector('backstory-ui')!.shadowRoot!.querySelector('[data-part=not-this]') as HTMLElement).click());
    expect(await reader.dialog.count()).toBe(1);
    expect(linked(await reader.marks(), 'Washington', 'washington')).toBe(washingtons);
    expect(await browser.worker.evaluate(async () => (await chrome.storage.local.get('corrections')).corrections)).toBeUndefined();

    // A real click (trusted, with a user gesture) on "Not this".
    await card.locator('[data-part=not-this]').click();
    await expect.poll(() => reader.dialog.count()).toBe(0);
    await expect.poll(async () => linked(await reader.marks(), 'Washington', 'washington')).toBe(0);
    // Every other mark stays.
    expect((await reader.marks()).filter((m) => m.entity !== 'washington').length).toBe(others);
    // Stored in the extension's own storage, per site and per surface.
    const stored = await browser.worker.evaluate(async () => (await chrome.storage.local.get('corrections')).corrections);
    expect(stored).toMatchObject({ version: 1, corrections: [{ site: '127.0.0.1', surface: 'washington', entity: 'washington' }] });

    // The side panel's summary of this page lists it as not linked, and says why.
    const tabId = await waitFor(() => browser.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? 0), { what: 'the tab id' });
    const summary = await browser.worker.evaluate((id) => chrome.tabs.sendMessage(id, { id: 1, type: 'pageSummary', timestamp: Date.now() }, { frameId: 0 }), tabId);
    expect((summary as { res: { notLinked: unknown[] } }).res.notLinked).toContainEqual({ surface: 'Washington', reason: 'You said “Washington” on this site is not Washington (undo in Backstory’s settings)', count: washingtons });

    // Still gone after a reload.
    await reader.goto(`${server.url}/summit.html`);
    expect(linked(await reader.marks(), 'Washington', 'washington')).toBe(0);
    expect((await reader.marks()).length).toBeGreaterThan(0);

    // Another site still links it.
    const other = new ReaderPage(await browser.context.newPage());
    await other.goto(`${otherSite}/summit.html`);
    expect(linked(await other.marks(), 'Washington', 'washington')).toBe(washingtons);
    await other.page.close();

    // Undo from the settings page: the open tab gets its marks back without a reload.
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const row = options.locator('[data-setting=corrections] tr[data-correction="127.0.0.1 washington washington"]');
    await expect.poll(() => row.locator('td').nth(2).textContent()).toBe('Washington');
    await row.getByRole('button', { name: /^Undo/ }).click();
    await expect.poll(() => row.count()).toBe(0);
    await expect.poll(async () => linked(await reader.marks(), 'Washington', 'washington'), { timeout: 10_000 }).toBe(washingtons);
    await options.close();
  });

  it('"Not this" takes away only that name: the other marks stay on screen through the reread, frame by frame', async () => {
    await browser.worker.evaluate(() => (chrome.storage.local as unknown as { remove(k: string): Promise<void> }).remove('corrections'));
    const reader = new ReaderPage(page);
    await page.bringToFront();
    await reader.goto(`${server.url}/summit.html`);
    const washingtons = linked(await reader.marks(), 'Washington', 'washington');
    expect(washingtons).toBeGreaterThan(0);
    const card = await reader.hover('Washington');
    await expect.poll(() => card.locator('h2').textContent()).toBe('Washington');
    // Every frame from here on: how many mark ranges the page shows (all highlights of ours).
    await reader.debug(`(() => {
      const shown = () => Object.values(__backstory.stats().highlights).reduce((a, b) => a + b, 0);
      globalThis.__frames = [shown()];
      const tick = () => { globalThis.__frames.push(shown()); if (!globalThis.__framesStop) requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
    })()`);
    const [shownBefore] = await reader.debug<number[]>('globalThis.__frames');
    expect(shownBefore! - washingtons).toBeGreaterThan(0);
    await card.locator('[data-part=not-this]').click();
    await expect.poll(async () => linked(await reader.marks(), 'Washington', 'washington')).toBe(0);
    const frames = await reader.debug<number[]>('(globalThis.__framesStop = true, globalThis.__frames)');
    expect(frames.length).toBeGreaterThan(2);
    // At worst the Washington marks (and the card's focus mark) left; the rest never blinked out.
    expect(Math.min(...frames)).toBeGreaterThanOrEqual(shownBefore! - washingtons - 1);
  });

  it('the side panel lists a namesake it did not link, with the reason in plain words', async () => {
    const reader = new ReaderPage(page);
    await page.bringToFront();
    await reader.goto(`${server.url}/heldout-recipe.html`);
    const tabId = await waitFor(() => browser.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? 0), { what: 'the tab id' });
    const panel = await browser.context.newPage();
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${tabId}`);
    const section = panel.locator('[data-section=not-linked]');
    await section.waitFor({ timeout: 10_000 });
    await expect.poll(() => section.textContent()).toContain('Could be another Moscow: too little else on this page is about Moscow’s world');
    await panel.close();
  });
});
