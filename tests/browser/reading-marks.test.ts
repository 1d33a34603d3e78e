// The reading flow in real Chromium with the built extension: the marks on
// fixture pages equal the hand-written golden lists (tests/golden/pages), on
// static, live-updating and single-page-app pages; the page's DOM is unchanged
// and nothing shifts; settings apply live; a large page is read in slices.
//
// Marks are read two ways: the content script's own state through its debug
// channel (`globalThis.__backstory`, evaluated in the content script's isolated
// world over CDP: it is invisible to the page), and the page's CSS highlight
// registry from the main world (the registry is per document, shared between
// worlds: both must agree).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { pageHighlightsInPage, pointAtInPage, ROOT, waitFor, type StaticServer } from '../support/browser';
import { inContentWorld } from '../support/content-world';
import { EVERY_MENTION, useExtension } from '../support/fixtures';
import { ReaderPage, type DebugMark } from '../support/reader-page';

type Mark = Pick<DebugMark, 'text' | 'entity' | 'reason'>;

const golden = (name: string): Mark[] => JSON.parse(readFileSync(join(ROOT, 'tests/golden/pages', `${name}.json`), 'utf8')) as Mark[];

/** Wait until the content script is running and idle, then read its marks. */
const marksOf = (page: Page): Promise<DebugMark[]> => new ReaderPage(page).marks();

/** Our highlights as the page's main world sees them: [name, text] in document order. */
const pageHighlights = (page: Page): Promise<[string, string][]> => page.evaluate(pageHighlightsInPage);

const plain = (marks: Mark[]) => marks.map(({ text, entity, reason }) => ({ text, entity, reason }));

describe('reading flow: marks', () => {
  // These tests read every mention (markMode 'every'); the default, first mention only, is tested in card-preview.test.ts.
  const ext = useExtension({ settings: EVERY_MENTION });
  const { errors, setSettings } = ext;
  let server: StaticServer;
  let page: Page;
  beforeAll(() => {
    ({ server, page } = ext);
  });

  for (const name of ['sample-news', 'reading-article', 'reading-lookalikes']) {
    it(`marks on ${name} equal the golden list`, async () => {
      await page.goto(`${server.url}/${name}.html`);
      const marks = await marksOf(page);
      expect(plain(marks)).toEqual(golden(name));
      // The page's highlight registry holds exactly these ranges, each in its type's highlight.
      const seen = await pageHighlights(page);
      expect(seen.map(([, text]) => text)).toEqual(marks.map((m) => m.text));
      expect(seen.map(([hl]) => hl)).toEqual(marks.map((m) => m.highlight));
      expect(errors).toEqual([]);
    });
  }

  it('changes nothing in the page DOM and shifts no layout', async () => {
    await page.addInitScript(() => {
      const w = window as unknown as { __shifts: number[] };
      w.__shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__shifts.push((e as unknown as { value: number }).value);
      }).observe({ type: 'layout-shift', buffered: true });
    });
    // Off for this site first: the reference serialisation, and proof that nothing happens.
    await setSettings({ blockedSites: ['127.0.0.1'] });
    await page.goto(`${server.url}/reading-article.html`);
    await waitFor(() => inContentWorld<boolean>(page, 'typeof __backstory === "object"').catch(() => false), { what: 'the content script' });
    await inContentWorld(page, '__backstory.idle()');
    const off = await page.evaluate(() => ({
      body: new XMLSerializer().serializeToString(document.body),
      hosts: document.querySelectorAll('backstory-ui').length,
      sheets: document.adoptedStyleSheets.length,
      highlights: [...CSS.highlights.keys()],
      rects: [...document.querySelectorAll('body *')].map((e) => {
        const r = e.getBoundingClientRect();
        return r.width === 0 && r.height === 0 && r.left === 0 && r.top === 0 ? 'not rendered' : [r.left + scrollX, r.top + scrollY, r.width, r.height].join(',');
      }),
    }));
    expect(off.hosts).toBe(0);
    expect(off.sheets).toBe(0);
    expect(off.highlights).toEqual([]);
    expect(await inContentWorld(page, '__backstory.active()')).toBe(false);

    // On: scan, hover a mention until its card opens, use the keyboard; the body is the same.
    await setSettings(null);
    await page.reload();
    const marks = await marksOf(page);
    expect(marks.length).toBeGreaterThan(10);
    const box = await page.evaluate(pointAtInPage, { text: 'Bakhmut', scope: 'p', containing: 'Mugin-5s' });
    await page.mouse.move(box.x, box.y);
    await page.locator('backstory-ui').locator('[role=dialog]').waitFor({ timeout: 15_000 });
    await page.keyboard.press('Alt+Shift+N');
    const on = await page.evaluate(() => ({
      body: new XMLSerializer().serializeToString(document.body),
      hosts: document.querySelectorAll('backstory-ui').length,
      hostParent: document.querySelector('backstory-ui')?.parentElement?.tagName,
      hostRect: JSON.stringify(document.querySelector('backstory-ui')!.getBoundingClientRect()),
      rects: [...document.querySelectorAll('body *')].map((e) => {
        const r = e.getBoundingClientRect();
        return r.width === 0 && r.height === 0 && r.left === 0 && r.top === 0 ? 'not rendered' : [r.left + scrollX, r.top + scrollY, r.width, r.height].join(',');
      }),
      shifts: (window as unknown as { __shifts: number[] }).__shifts,
      sheetRules: [...document.adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)),
    }));
    expect(on.body).toBe(off.body);
    expect(on.hosts).toBe(1);
    expect(on.hostParent).toBe('HTML');
    expect(JSON.parse(on.hostRect)).toMatchObject({ width: 0, height: 0 });
    expect(on.rects).toEqual(off.rects);
    expect(on.shifts.reduce((a, b) => a + b, 0)).toBe(0);
    // The one stylesheet we add styles nothing but our highlights.
    expect(on.sheetRules.length).toBeGreaterThan(0);
    for (const rule of on.sheetRules) expect(rule).toMatch(/^::highlight\(backstory-[a-z-]+\) \{/);
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
  });

  it('follows a live blog: new entries marked, changed text re-read, removed text unmarked', async () => {
    await page.goto(`${server.url}/reading-live.html?manual`);
    const before = await marksOf(page);
    expect(before.filter((m) => m.entity === 'dmytro-kuleba' || m.entity === 'kyiv').map((m) => m.text)).toEqual(['Dmytro Kuleba', 'Kyiv']);
    expect(before.some((m) => m.entity === 'washington')).toBe(false);
    await page.evaluate(() => (window as unknown as { startLive(): void }).startLive());
    await page.waitForFunction(() => document.body.dataset.liveDone === '1', undefined, { timeout: 10_000 });
    const after = await marksOf(page);
    expect(plain(after)).toEqual(golden('reading-live'));
    const seen = await pageHighlights(page);
    expect(seen.map(([, text]) => text)).toEqual(after.map((m) => m.text));
    const stats = await inContentWorld<{ mutationBatches: number }>(page, '__backstory.stats()');
    expect(stats.mutationBatches).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('reads a single-page-app navigation as a new page (old context forgotten)', async () => {
    await page.goto(`${server.url}/reading-spa.html`);
    expect(plain(await marksOf(page))).toEqual(golden('reading-spa'));
    await page.click('#next');
    await page.waitForURL(/story-2/);
    await waitFor(async () => (await marksOf(page)).some((m) => m.text === 'Europe'), { what: 'the new story read' });
    expect(plain(await marksOf(page))).toEqual(golden('reading-spa.story-2'));
    const stats = await inContentWorld<{ fullScans: number }>(page, '__backstory.stats()');
    expect(stats.fullScans).toBe(2);
    expect(errors).toEqual([]);
  });

  it('applies settings live: types, first mention only, style, off and on', async () => {
    await setSettings(null);
    await page.goto(`${server.url}/reading-article.html`);
    const all = await marksOf(page);
    const people = all.filter((m) => m.highlight === 'backstory-person').length;
    expect(people).toBeGreaterThan(5);

    await setSettings({ entityTypes: ['place', 'organisation', 'weapon', 'event', 'agreement'] });
    await waitFor(async () => (await marksOf(page)).every((m) => m.highlight !== 'backstory-person'), { what: 'people hidden' });
    expect((await pageHighlights(page)).some(([hl]) => hl === 'backstory-person')).toBe(false);

    await setSettings({ markMode: 'first' });
    await waitFor(async () => {
      const marks = await marksOf(page);
      return marks.length > 0 && new Set(marks.map((m) => m.entity)).size === marks.length;
    }, { what: 'first mentions only' });
    const firsts = await marksOf(page);
    // First mentions in the article body only (not its nav or footer), and very common places left out: one per entity, a subset.
    const entities = new Set(all.map((m) => m.entity));
    expect(firsts.length).toBeGreaterThan(5);
    for (const m of firsts) expect(entities.has(m.entity)).toBe(true);

    await setSettings({ highlightStyle: 'background' });
    await waitFor(() => page.evaluate(() => [...document.adoptedStyleSheets].some((s) => [...s.cssRules].some((r) => r.cssText.includes('background-color') && r.cssText.includes('backstory-place')))), {
      what: 'background style',
    });

    await setSettings({ blockedSites: ['127.0.0.1'] });
    await waitFor(() => page.evaluate(() => CSS.highlights.size === 0 && document.adoptedStyleSheets.length === 0 && !document.querySelector('backstory-ui')), { what: 'everything removed' });

    await setSettings(null);
    await waitFor(async () => (await marksOf(page)).length === all.length, { what: 'marks back' });
    expect(plain(await marksOf(page))).toEqual(golden('reading-article'));
    expect(errors).toEqual([]);
  });

  it('reads a 1 MB page in slices, marking every mention, and hit-tests a mark on it', async () => {
    // As in the performance notes: ~200k words of prose (1.2 M characters, ~20k
    // text nodes) with ~1,800 mentions, some inside links and split by markup.
    let seed = 7;
    const rand = (n: number) => {
      // mulberry32
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
    };
    const words = 'the of and to in a that said officials was for on with as talks government would its by from have at were which week their after since more about been also other report new year than but could over under people'.split(' ');
    const names = ['Vladimir Putin', 'Moscow', 'China', 'NATO', 'Kyiv', '<b>Xi</b> Jinping', '<a href="#">Antony <em>Blinken</em></a>', 'Shahed-136', 'Beijing', 'Jens Stoltenberg'];
    const paras: string[] = [];
    let mentions = 0;
    for (let p = 0; p < 2400; p++) {
      const w: string[] = [];
      for (let i = 0; i < 100; i++) {
        w.push(words[rand(words.length)]!);
        if (i % 25 === 24) w.push(`<a href="#">${words[rand(words.length)]}</a>`);
      }
      if (rand(10) < 9) {
        w.splice(rand(100), 0, names[rand(names.length)]!);
        mentions++;
      }
      paras.push(`${p % 40 === 0 ? `<h2>Section ${p / 40}</h2>` : ''}<p>${w.join(' ')}.</p>`);
    }
    const body = `<article>${paras.join('\n')}</article>`;
    // A news page says what it is about in its title: without it, a "Moscow" in the first paragraph, with nothing else of the KB before it, is rightly not linked (lib/link/linker.ts).
    await page.route('**/big.html', (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: `<!doctype html><html><head><meta charset="utf-8"><title>Vladimir Putin in Moscow: a long read</title></head><body>${body}</body></html>` }),
    );
    // Speed is the benchmark's (npm run bench: long tasks, slice times); here, the
    // behaviour: every mention is marked, and the scan yielded to the page between
    // slices instead of running as one task.
    await page.goto(`${server.url}/big.html`);
    const chars = await page.evaluate(() => document.body.textContent!.length);
    const marks = await marksOf(page);
    const stats = await inContentWorld<{ slices: number }>(page, '__backstory.stats()');
    expect(chars).toBeGreaterThan(1_000_000);
    expect(mentions).toBeGreaterThan(1500);
    expect(marks.length).toBe(mentions);
    expect(stats.slices).toBeGreaterThan(1);

    const point = await page.evaluate(() => {
      const p = [...document.querySelectorAll('p')].slice(200).find((x) => x.textContent!.includes('Moscow'))!;
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.textContent!.indexOf('Moscow');
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(n, i + 2);
        r.setEnd(n, i + 3);
        p.scrollIntoView();
        const b = r.getBoundingClientRect();
        return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
      }
      return null;
    });
    const bench = await inContentWorld<{ us: number; hit: string | null }>(page, `__backstory.benchHit(${point!.x}, ${point!.y}, 1)`);
    expect(bench.hit).toBe('Moscow');
    expect(errors).toEqual([]);
  });
});
