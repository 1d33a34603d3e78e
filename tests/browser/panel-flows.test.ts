// The side panel, popup and options in real Chromium with the built extension.
// The panel's page is opened as a tab (`sidepanel.html?tab=<id>`, the
// test/Firefox override) next to the news page, so Playwright drives it as a
// page (side-panel-real.test.ts checks Chrome's real side panel over CDP);
// the popup likewise (`popup.html?tab=<id>`). Marks are read from the news
// page's CSS highlight registry (main world), as in reading-marks.test.ts.
//
// Flows: (1) hover a name and read its card; (2) open the panel and jump to a
// mention; the panel follows the page's own changes, shows caveats, what the
// page leaves out, other reports and a timeline, and reads a report; (3) switch
// the site off in the popup and on again in the options, the page changing live.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageSaysEach } from '../../lib/panel/leaves-out';
import { buildKbFromDisk } from '../../scripts/read-data';
import { activeMention, launchWithExtension, markCount, PAGES_DIR, pointAtInPage, serveDir, setStoredSettings, waitFor, type ExtensionBrowser, type StaticServer } from './harness';

const kb = buildKbFromDisk();

declare const chrome: {
  tabs: {
    query(q: object): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: object, options?: object): Promise<{ res?: unknown; err?: unknown } | undefined>;
  };
  storage: { local: { set(items: object): Promise<void>; get(key: string): Promise<Record<string, unknown>> } };
};

/** A page written for this test: the sample page plus a paragraph that quotes one conflict caveat verbatim. */
function writePages(dir: string, quote: string): void {
  const sample = readFileSync(join(PAGES_DIR, 'sample-news.html'), 'utf8');
  const extra = `<p id="quoted">Earlier coverage put it this way: ${quote}</p>`;
  writeFileSync(join(dir, 'news.html'), sample.replace('</article>', `${extra}</article>`));
}

describe('side panel, popup and options', () => {
  let browser: ExtensionBrowser;
  let server: StaticServer;
  let dir: string;
  let news: Page;
  let tabId: number;
  let panel: Page;
  const quoted = 'only days before the invasion';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'backstory-panel-'));
    writePages(dir, quoted);
    server = await serveDir(dir);
    browser = await launchWithExtension({ extensionDir: process.env.BACKSTORY_EXTENSION_DIR || undefined });
    // Written for every mention marked (the default is the first in the article body: card-preview.test.ts).
    await setStoredSettings(browser, { markMode: 'every' });
    news = browser.context.pages()[0] ?? (await browser.context.newPage());
    await news.setViewportSize({ width: 1100, height: 420 });
    await news.goto(`${server.url}/news.html`);
    await waitFor(() => markCount(news), { what: 'marks on the news page' });
    await news.bringToFront();
    tabId = await waitFor(() => browser.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? 0), { what: 'the news tab id' });
    // The content script answers for that tab: the id is the news page's.
    const reply = await browser.worker.evaluate((id) => chrome.tabs.sendMessage(id, { id: 1, type: 'pageSummary', timestamp: Date.now() }, { frameId: 0 }), tabId);
    expect((reply?.res as { url?: string } | undefined)?.url).toBe(`${server.url}/news.html`);
    panel = await browser.context.newPage();
    await panel.setViewportSize({ width: 400, height: 900 });
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${tabId}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('(1) hovering a name opens its card', async () => {
    await news.bringToFront();
    const point = await news.evaluate(pointAtInPage, { text: 'Blinken', scope: 'article p', containing: 'Antony Blinken', letter: 2 });
    await news.mouse.move(point.x - 200, point.y - 100);
    await news.mouse.move(point.x, point.y, { steps: 4 });
    expect(await waitFor(() => activeMention(news), { what: 'the card for Blinken' })).toBe('Antony Blinken');
    await news.keyboard.press('Escape');
    await waitFor(async () => (await activeMention(news)) === null, { what: 'the card to close' });
    await news.mouse.move(5, 5);
  });

  it('(2) the panel summarises the page; choosing a name scrolls the page to it and opens its card', async () => {
    await news.evaluate(() => window.scrollTo(0, 0));
    await panel.bringToFront();
    const stoltenberg = panel.locator('[data-entity="jens-stoltenberg"]');
    await stoltenberg.waitFor({ timeout: 15_000 });
    // Grouped by type, with counts.
    const groups = await panel.locator('.bp-group').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-type')));
    expect(groups).toEqual(expect.arrayContaining(['person', 'place', 'organisation']));
    expect(await panel.locator('[data-entity="vladimir-putin"] .bp-entity-count').textContent()).toMatch(/^\d+×$/);
    const before = await news.evaluate(() => window.scrollY);
    await stoltenberg.click();
    expect(await waitFor(() => activeMention(news), { what: 'the card for Stoltenberg on the news page' })).toBe('Jens Stoltenberg');
    expect(await news.evaluate(() => window.scrollY)).toBeGreaterThan(before);
    // The mention is in the news page's viewport.
    const inView = await news.evaluate(() => {
      const q = document.querySelector('blockquote')!.getBoundingClientRect();
      return q.top < window.innerHeight && q.bottom > 0;
    });
    expect(inView).toBe(true);
  });

  it('(2) shows caveats, what the page leaves out (not what it quotes), other reports and a timeline', async () => {
    await panel.bringToFront();
    const caveats = panel.locator('[data-section="caveats"] .bp-caveat');
    expect(await caveats.count()).toBeGreaterThan(0);
    expect(await caveats.first().locator('.bs-badge').getAttribute('class')).toMatch(/bs-sev-high/);
    const leaves = panel.locator('[data-section="leaves-out"] .bp-caveat');
    await waitFor(() => leaves.count(), { what: 'the "leaves out" list' });
    const more = panel.locator('[data-section="leaves-out"] .bp-more');
    if (await more.count()) await more.click();
    const quotes = await leaves.locator('.bs-quote').allTextContents();
    expect(quotes.length).toBeGreaterThan(0);
    // The page quotes this conflict's evidence verbatim, so it is not "left out"; nor the Mugin-5 one, which the
    // page says in other words ("they had shot down a China-made Mugin-5 drone"). Nothing listed is said on the page.
    expect(quotes.some((q) => q.includes(quoted))).toBe(false);
    expect(quotes.some((q) => q.includes('China-made Mugin-5 drone'))).toBe(false);
    const pageWords = await news.evaluate(() => document.body.innerText);
    expect(pageSaysEach(pageWords, quotes)).toEqual(quotes.map(() => false));
    expect(await panel.locator('[data-section="reports"] .bp-report').count()).toBe(5);
    expect(await panel.locator('[data-section="timeline"] time').count()).toBeGreaterThan(0);
  });

  it('(2) follows the page as it changes (a new paragraph with a new name)', async () => {
    expect(await panel.locator('[data-entity="volodymyr-zelenskyy"]').count()).toBe(0);
    await news.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Ukrainian President Volodymyr Zelenskyy said he was ready to speak with Xi Jinping.';
      document.querySelector('article')!.append(p);
    });
    await panel.locator('[data-entity="volodymyr-zelenskyy"]').waitFor({ timeout: 15_000 });
  });

  it('(2) reads a report in the panel: opened at a quote, marks show cards inline, and it counts as opened', async () => {
    await panel.bringToFront();
    const first = panel.locator('[data-section="reports"] .bp-report').first();
    const id = await first.getAttribute('data-report');
    expect(await first.textContent()).toContain('not opened yet');
    await first.click();
    await panel.locator(`.bp-reader[data-report="${id}"] .bp-article`).waitFor();
    const marks = panel.locator('.bp-reader .bp-mark');
    expect(await marks.count()).toBeGreaterThan(5);
    const entity = await marks.first().getAttribute('data-entity');
    await marks.first().click();
    await panel.locator(`.bp-inline-card[data-card="${entity}"]`).waitFor();
    await panel.keyboard.press('Escape');
    await waitFor(async () => (await panel.locator('.bp-inline-card').count()) === 0, { what: 'the inline card to close' });
    await panel.locator('.bp-back').click();
    await waitFor(async () => ((await panel.locator(`[data-section="reports"] .bp-report[data-report="${id}"]`).textContent()) ?? '').includes('opened'), {
      what: 'the report marked as opened',
    });
    // A caveat's evidence opens the reader at the quote, highlighted and in view.
    const caveat = panel.locator('[data-section="caveats"] .bp-caveat').first();
    await caveat.locator('.bp-evidence > summary').click();
    const caveatId = (await caveat.getAttribute('data-caveat'))!;
    const quote = kb.caveats.find((c) => c.id === caveatId)!.quote;
    await caveat.locator('.bs-linkish').click();
    const focus = panel.locator('#bp-focus');
    await focus.waitFor();
    const focused = await panel.evaluate(() => [...document.querySelectorAll('.bp-focus')].map((e) => e.textContent).join(''));
    expect(focused).toBe(quote);
    expect(await focus.evaluate((el) => el === document.activeElement)).toBe(true);
    await waitFor(
      async () => {
        const box = await focus.boundingBox();
        return !!box && box.y >= 0 && box.y + box.height <= 900;
      },
      { what: 'the quote scrolled into view' },
    );
    // Seen reports are in the extension's IndexedDB.
    const seen = await browser.worker.evaluate(
      () =>
        new Promise<string[]>((resolve, reject) => {
          const req = indexedDB.open('backstory');
          req.onsuccess = () => {
            const r = req.result.transaction('seenReports').objectStore('seenReports').getAllKeys();
            r.onsuccess = () => resolve(r.result.map(String));
            r.onerror = () => reject(r.error);
          };
          req.onerror = () => reject(req.error);
        }),
    );
    expect(seen).toContain(id);
    await panel.keyboard.press('Escape');
    await panel.locator('.bp-summary').waitFor();
  });

  it('(3) the popup switches the site off and the page loses its marks live; the options turn it back on', async () => {
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 320, height: 420 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await waitFor(async () => /\d+\s*names? from Backstory/.test((await popup.locator('[data-testid="found"]').textContent()) ?? ''), { what: 'the popup’s count' });
    const site = popup.locator('[data-testid="site-switch"]');
    expect(await site.getAttribute('aria-checked')).toBe('true');
    expect(await markCount(news)).toBeGreaterThan(0);
    await site.click();
    await waitFor(async () => (await markCount(news)) === 0, { what: 'the marks to disappear' });
    expect(await site.getAttribute('aria-checked')).toBe('false');
    const stored = await browser.worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings as { blockedSites: string[] });
    expect(stored.blockedSites).toEqual(['127.0.0.1']);
    // The panel says so, with the switch.
    await panel.locator('[data-empty="off-site"]').waitFor({ timeout: 10_000 });
    await popup.close();

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.locator('[aria-label="Remove 127.0.0.1"]').click();
    await waitFor(() => markCount(news), { what: 'the marks to come back' });
    await panel.locator('[data-entity="jens-stoltenberg"]').waitFor({ timeout: 10_000 });
    // An invalid site is refused with a clear error.
    await options.locator('.op-add input').fill('not a site');
    await options.locator('.op-add button[type="submit"]').click();
    expect(await options.locator('.op-error').textContent()).toMatch(/no spaces/);
    await options.close();
  });

  it('says when Backstory cannot run on a page', async () => {
    const blank = await browser.context.newPage();
    await blank.goto('about:blank');
    await blank.bringToFront();
    const blankId = await browser.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? 0);
    const p = await browser.context.newPage();
    await p.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${blankId}`);
    await p.locator('[data-empty="unavailable"]').waitFor({ timeout: 15_000 });
    await p.close();
    await blank.close();
  });

  it('makes no network request beyond the extension and the test server', async () => {
    const requests: string[] = [];
    panel.on('request', (r) => requests.push(r.url()));
    await panel.reload();
    await panel.locator('[data-section="entities"]').waitFor();
    for (const url of requests) expect(url.startsWith(`chrome-extension://${browser.extensionId}/`)).toBe(true);
  });
});
