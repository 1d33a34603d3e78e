// The card as a preview (issue #16), in real Chromium with the built
// extension: its box, no scrolling part, no text under 14 px, its parts in
// order, no report id; caveats labelled with the publisher of the report they
// come from; "This page repeats…" only on a page that makes the claim; the
// page's theme; "More in the side panel"; the default marks (first mention in
// the article body, the caveat style); and the keyboard path (focus on the
// page, the shortcut to a mark, Enter, Esc, focus back).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { inContentWorld, ready } from './content-world';
import { markTextInPage, launchWithExtension, pointAtInPage, ROOT, serveDir, setStoredSettings, waitFor, type ExtensionBrowser, type StaticServer } from './harness';

declare const chrome: { storage: { session: { get(key: string): Promise<Record<string, unknown>>; remove(key: string): Promise<void> } } };

interface Mark {
  text: string;
  entity: string | null;
  highlight: string | null;
}

const dialogOf = (page: Page): Locator => page.locator('backstory-ui').locator('[role=dialog]');

/** Scroll the first occurrence of `text` inside `scope` into view and return the centre of its second letter. */
function pointAt(page: Page, text: string, scope: string): Promise<{ x: number; y: number }> {
  return page.evaluate(pointAtInPage, { text, scope });
}

/** Hover a name until its card has opened with its content (not the loading state). */
async function openByHover(page: Page, text: string, scope = 'article'): Promise<Locator> {
  const p = await pointAt(page, text, scope);
  await page.mouse.move(p.x, p.y);
  const dialog = dialogOf(page);
  await dialog.waitFor({ timeout: 15_000 });
  // The card with its content, compared with the page's text (the card chunk reads it in slices).
  await dialog.locator('[data-part=more]').waitFor({ timeout: 15_000 });
  await dialog.locator('[data-page-read=true]').waitFor({ timeout: 10_000 });
  return dialog;
}

/** What a user sees of the card's box: size, scrolling parts, smallest text, parts in order, its text. */
function measure(dialog: Locator) {
  return dialog.evaluate((card) => {
    const box = card.getBoundingClientRect();
    const scrolling: string[] = [];
    let minFont = Infinity;
    for (const el of [card, ...card.querySelectorAll('*')]) {
      const cs = getComputedStyle(el);
      if (/(auto|scroll)/.test(cs.overflowY + cs.overflowX) && (el.scrollHeight > el.clientHeight || el.scrollWidth > el.clientWidth)) scrolling.push(el.className);
      const hasText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim() !== '');
      if (hasText && cs.visibility !== 'hidden') minFont = Math.min(minFont, parseFloat(cs.fontSize));
    }
    const parts = [...card.querySelectorAll('[data-part]')].map((e) => e.getAttribute('data-part'));
    const clipped = [...card.querySelectorAll('[data-part=repeats], [data-part=caveats] > li:first-child, [data-part=why], [data-part=more], [data-part=not-this]')]
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.top < box.top || r.bottom > box.bottom || r.left < box.left || r.right > box.right;
      })
      .map((e) => e.getAttribute('data-part') ?? 'first caveat');
    // A part that does not fit is left out whole (it wraps out of the box), never cut through a line.
    const main = card.querySelector('.bs-pv-main')!.getBoundingClientRect();
    const cut = [...card.querySelectorAll('.bs-pv-main > *, .bs-pv-main li')]
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.height > 0 && r.left < main.right && r.top < main.bottom && r.bottom > main.bottom + 0.5;
      })
      .map((e) => e.className);
    return { width: box.width, height: box.height, scrolling, minFont, parts, clipped, cut, text: card.textContent ?? '', title: card.querySelector('h2')?.textContent };
  });
}

const marksOf = (page: Page) => inContentWorld<Mark[]>(page, '__backstory.marks()');

describe('the card is a preview', () => {
  let browser: ExtensionBrowser;
  let server: StaticServer;
  let page: Page;
  const errors: string[] = [];

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
    await setStoredSettings(browser, null);
    await page.mouse.move(1, 1);
  });

  it('fits its box (≤ 360 × 340), never scrolls, has no text under 14 px nor a report id, and shows its parts in order', async () => {
    for (const [url, name, expected] of [
      ['sample-news.html', 'Shahed-136', ['what', 'support', 'fact', 'caveats', 'why', 'more', 'not-this']],
      ['card-repeats.html', 'Bloomberg report', null],
      ['card-repeats.html', 'Shahed drone', ['what', 'support', 'fact', 'repeats', 'why', 'more', 'not-this']],
    ] as const) {
      await page.goto(`${server.url}/${url}`);
      await ready(page);
      await page.mouse.move(1, 1);
      const dialog = await openByHover(page, name);
      const m = await measure(dialog);
      expect(m.width).toBeLessThanOrEqual(360);
      expect(m.height).toBeLessThanOrEqual(340);
      expect(m.scrolling).toEqual([]);
      expect(m.minFont).toBeGreaterThanOrEqual(14);
      expect(m.text).not.toMatch(/\b\d{3}_[0-9a-f]{16}\b|\breport \d{3}\b/);
      if (expected) expect(m.parts).toEqual(expected);
      // What this page repeats, the first caveat line, the why line and the actions are never clipped away: inside the card's box.
      expect(m.clipped, `${url}: ${name}`).toEqual([]);
      expect(m.cut).toEqual([]);
      // Whatever it holds, the parts come in this order.
      const order = ['what', 'support', 'fact', 'caveats', 'repeats', 'why', 'more', 'not-this'];
      expect([...m.parts].sort((a, b) => order.indexOf(a!) - order.indexOf(b!))).toEqual(m.parts);
      await page.keyboard.press('Escape');
      await expect.poll(() => dialogOf(page).count()).toBe(0);
    }
  });

  it('labels a caveat from another report with that report’s publisher and date, and says the page repeats the claim only where it does', async () => {
    await page.goto(`${server.url}/card-repeats.html`);
    await ready(page);
    const dialog = await openByHover(page, 'Shahed drone');
    const repeats = (await dialog.locator('[data-part=repeats]').textContent())!;
    // The page (The Evening Wire) repeats a claim from Anue Juheng's report: the caveat is that report's, and says so.
    expect(repeats).toBe('This page repeats a claim that rests on unnamed sources (Anue Juheng’s report of July 2024).');
    // The repeated claim's caveat takes the caveat lines' place.
    expect(await dialog.locator('[data-part=caveats]').count()).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialogOf(page).count()).toBe(0);

    // The same entity on a page that does not make that claim: no such line.
    await page.goto(`${server.url}/sample-news.html`);
    await ready(page);
    const other = await openByHover(page, 'Shahed-136');
    expect(await other.locator('[data-part=repeats]').count()).toBe(0);
    // There, a caveat from another report is named by that report: publisher (when known) and date.
    const lines = await other.locator('[data-part=caveats] li').allTextContents();
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^In (?:[A-Z][\w ]+’s report|a report) of (?:\d{1,2} )?[A-Z][a-z]+ \d{4}: /);
    expect(await other.textContent()).not.toContain('This page repeats');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialogOf(page).count()).toBe(0);
  });

  it('follows the page’s own theme: a dark page gets a dark card, a light page a light one', async () => {
    await page.goto(`${server.url}/sample-news.html`);
    await ready(page);
    let dialog = await openByHover(page, 'Shahed-136');
    expect(await dialog.getAttribute('class')).toContain('bs-theme-light');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialogOf(page).count()).toBe(0);
    await page.addStyleTag({ content: 'body{background:#111!important;color:#eee!important}' });
    await page.mouse.move(1, 1);
    dialog = await openByHover(page, 'Shahed-136');
    expect(await dialog.getAttribute('class')).toContain('bs-theme-dark');
    const bg = await dialog.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(bg).toBe('rgb(29, 35, 43)');
    await page.keyboard.press('Escape');
  });

  it('"More in the side panel" asks for the panel at this entity', async () => {
    await page.goto(`${server.url}/sample-news.html`);
    await ready(page);
    await browser.worker.evaluate(() => chrome.storage.session.remove('pendingReport'));
    const dialog = await openByHover(page, 'Shahed-136');
    await dialog.locator('[data-part=more]').click();
    const pending = await waitFor(() => browser.worker.evaluate(async () => (await chrome.storage.session.get('pendingReport')).pendingReport as { id: string; entity?: string } | undefined), {
      what: 'pendingReport',
    });
    expect(pending.entity).toBe('shahed-136');
    expect(pending.id).toMatch(/^\d{3}_[0-9a-f]{16}$/);
  });

  it('marks by default only the first mention in the article body (not nav, footer, related links), and a repeated caveated claim in the caveat style', async () => {
    await page.goto(`${server.url}/card-repeats.html`);
    await ready(page);
    const all = await inContentWorld<Mark[]>(page, '__backstory.allMentions()');
    // The nav, the related list and the footer name Iran and the Shahed too: tracked, not marked.
    expect(all.filter((m) => m.entity === 'iran').length).toBeGreaterThanOrEqual(3);
    const marks = await waitFor(async () => {
      const ms = await marksOf(page);
      return ms.some((m) => m.highlight === 'backstory-caveat') ? ms : null;
    }, { what: 'the caveat style' });
    const entities = marks.map((m) => m.entity);
    expect(new Set(entities).size).toBe(entities.length);
    // Each mark is in the article's own text (headline and paragraphs), not in its related-links list.
    const body = await page.evaluate(() => [...document.querySelectorAll('article h1, article > p')].map((e) => e.textContent).join('\n'));
    for (const m of marks) expect(body).toContain(m.text);
    expect(marks.find((m) => m.entity === 'shahed-136')).toMatchObject({ text: 'Shahed drone', highlight: 'backstory-caveat' });
    // Russia is named on the page, but not in the caveated claim the page repeats: the quiet style.
    expect(marks.find((m) => m.entity === 'russia')?.highlight).toBe('backstory-place');
    // The registry agrees.
    expect(await page.evaluate(() => CSS.highlights.get('backstory-caveat')?.size)).toBe(marks.filter((m) => m.highlight === 'backstory-caveat').length);

    // "All mentions" marks every one of them, the nav's and footer's too.
    await setStoredSettings(browser, { markMode: 'every' });
    await waitFor(async () => (await marksOf(page)).length === all.length, { what: 'every mention marked' });
  });

  it('marks the sample page by default as its golden list: first mentions in the article body (none from the nav)', async () => {
    const golden = JSON.parse(readFileSync(join(ROOT, 'tests/golden/pages/sample-news.first.json'), 'utf8')) as { text: string; entity: string; reason: string }[];
    await page.goto(`${server.url}/sample-news.html`);
    await ready(page);
    const plain = (ms: (Mark & { reason: string })[]) => ms.map(({ text, entity, reason }) => ({ text, entity, reason }));
    // The card chunk's look at the page may still change a mark's style: wait for the list, not for time.
    await waitFor(async () => JSON.stringify(plain(await inContentWorld(page, '__backstory.marks()'))) === JSON.stringify(golden), { what: 'the golden first-mention marks' });
  });

  it('keyboard: from a focused link, the shortcut reaches a mark, Enter opens its card with focus, Esc closes it and focus returns', async () => {
    await page.goto(`${server.url}/sample-news.html`);
    await ready(page);
    await page.focus('nav a');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    await page.keyboard.press('Alt+Shift+N');
    const current = () => page.evaluate(markTextInPage, 'backstory-current');
    await expect.poll(current).not.toBeNull();
    const name = (await current())!;
    await page.keyboard.press('Enter');
    const dialog = dialogOf(page);
    await dialog.locator('[data-part=more], .bs-choices').first().waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => document.querySelector('backstory-ui')!.shadowRoot!.activeElement?.getAttribute('role'))).toBe('dialog');
    expect(name.length).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(focused);
  });

  it('the first-run page opens once on install and shows a marked paragraph, a real card, the two mark styles, the keys and how to turn a site off', async () => {
    const url = `chrome-extension://${browser.extensionId}/welcome.html`;
    // Opened by the background on install (this browser profile is new).
    await waitFor(async () => browser.context.pages().some((p) => p.url() === url), { what: 'the first-run page' });
    const welcome = browser.context.pages().find((p) => p.url() === url)!;
    await welcome.locator('[data-testid=sample-card] [role=dialog] [data-part=more]').waitFor({ timeout: 10_000 });
    const card = welcome.locator('[data-testid=sample-card] [role=dialog]');
    expect(await card.locator('h2').textContent()).toBe('Shahed-136');
    // The sample paragraph repeats a caveated claim: the card says so, and the name has the caveat style.
    expect(await card.locator('[data-part=repeats]').textContent()).toContain('This page repeats a claim');
    expect(await welcome.locator('[data-testid=sample-paragraph] .wl-mark-caveat').textContent()).toBe('Shahed drone');
    expect(await welcome.locator('[data-testid=legend] dd').count()).toBe(2);
    expect(await welcome.locator('[data-testid=shortcuts]').textContent()).toContain('Alt+Shift+N');
    expect(await welcome.textContent('main')).toContain('turns it off on the site you are on');
    await welcome.close();
  });

  it('the popup shows the legend and the shortcuts', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.getByText('What the marks mean, and the keys').click();
    await popup.locator('[data-testid=legend]').waitFor();
    expect(await popup.locator('[data-testid=legend] dd').count()).toBe(2);
    expect(await popup.locator('[data-testid=shortcuts] dt').allTextContents()).toEqual(['Tab', 'Alt+Shift+N', 'Alt+Shift+P', 'Enter', 'Esc']);
    await popup.close();
  });
});
