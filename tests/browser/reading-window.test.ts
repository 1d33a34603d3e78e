// The highlight window (lib/page/core/highlight-window.ts) in real Chromium with the
// built extension: on a long page every mention is marked (the index: hover,
// keyboard, panel counts) but only those within WINDOW_MARGIN viewport heights
// of the visible area have their range registered in CSS.highlights; scrolling
// moves the window; a mention outside the initial window still opens its card.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { WINDOW_MARGIN } from '../../lib/page/core/highlight-window';
import { pointAtInPage, type StaticServer } from '../support/browser';
import { inContentWorld, ready } from '../support/content-world';
import { EVERY_MENTION, useExtension } from '../support/fixtures';

const PARAGRAPHS = 240;
const FILLER = 'The delegates met again in the afternoon and the talks went on late into the evening, with long statements from every side about the harbour, the grain and the river crossings. ';

function longPage(): string {
  const ps: string[] = [];
  for (let i = 0; i < PARAGRAPHS; i++) ps.push(`<p id="p${i}">Item ${i}. ${FILLER}Der Spiegel reported on it. ${FILLER}</p>`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Long page</title></head><body><main>${ps.join('\n')}</main></body></html>`;
}


interface Registry {
  /** Paragraph numbers whose mention's range is registered in one of our type highlights. */
  registered: number[];
  /** Paragraph numbers whose mention lies wholly inside the window band, and those touching it at all. */
  inside: number[];
  touching: number[];
}

/** What the page's main world sees in CSS.highlights, and where the band is. */
function registry(page: Page, margin: number): Promise<Registry> {
  return page.evaluate((margin) => {
    const vh = innerHeight;
    const top = -margin * vh;
    const bottom = vh + margin * vh;
    const para = (n: Node) => Number((n.parentElement!.closest('p') as HTMLElement).id.slice(1));
    const registered: number[] = [];
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('backstory-') || name === 'backstory-active' || name === 'backstory-current') continue;
      for (const r of h) registered.push(para(r.startContainer));
    }
    const inside: number[] = [];
    const touching: number[] = [];
    const slack = 40;
    for (const p of document.querySelectorAll('main p')) {
      const text = p.firstChild as Text;
      const i = text.data.indexOf('Der Spiegel');
      const range = document.createRange();
      range.setStart(text, i);
      range.setEnd(text, i + 'Der Spiegel'.length);
      const rect = range.getBoundingClientRect();
      const n = Number(p.id.slice(1));
      if (rect.top >= top + slack && rect.bottom <= bottom - slack) inside.push(n);
      if (rect.bottom >= top - slack && rect.top <= bottom + slack) touching.push(n);
    }
    return { registered: registered.sort((a, b) => a - b), inside, touching };
  }, margin);
}

describe('reading flow: the highlight window', () => {
  const ext = useExtension({
    expectNoPageErrors: true,
    // Written for every mention marked (the default is the first in the article body: card-preview.test.ts).
    settings: EVERY_MENTION,
    viewport: { width: 1000, height: 700 },
    pages: () => {
      const dir = mkdtempSync(join(tmpdir(), 'backstory-window-'));
      writeFileSync(join(dir, 'long.html'), longPage());
      return dir;
    },
  });
  let server: StaticServer;
  let page: Page;
  beforeAll(() => {
    ({ server, page } = ext);
  });

  const expectWindow = (r: Registry) => {
    // Every mention wholly inside the band is registered; nothing outside it is.
    for (const n of r.inside) expect(r.registered, `paragraph ${n} is in the window`).toContain(n);
    for (const n of r.registered) expect(r.touching, `paragraph ${n} is registered but outside the window`).toContain(n);
    expect(new Set(r.registered).size, 'each range registered once').toBe(r.registered.length);
  };

  it('marks every mention but registers only those near the viewport', async () => {
    await page.goto(`${server.url}/long.html`);
    await ready(page);
    const marks = await inContentWorld<{ text: string; highlight: string | null }[]>(page, '__backstory.marks()');
    expect(marks).toHaveLength(PARAGRAPHS);
    expect(marks.every((m) => m.text === 'Der Spiegel' && m.highlight === 'backstory-organisation')).toBe(true);
    const r = await registry(page, WINDOW_MARGIN);
    expect(r.registered.length).toBeGreaterThan(0);
    expect(r.registered.length).toBeLessThan(PARAGRAPHS / 2);
    expect(r.registered).toContain(0);
    expect(r.registered).not.toContain(PARAGRAPHS - 1);
    expectWindow(r);
    const stats = await inContentWorld<{ shownMarks: number }>(page, '__backstory.stats()');
    expect(stats.shownMarks).toBe(r.registered.length);
  });

  it('registers the marks far below once the reader scrolls there, and drops those left behind', async () => {
    await page.evaluate(() => document.getElementById('p200')!.scrollIntoView({ block: 'center' }));
    await inContentWorld(page, '__backstory.idle()');
    await expect.poll(async () => (await registry(page, WINDOW_MARGIN)).registered.includes(200)).toBe(true);
    const r = await registry(page, WINDOW_MARGIN);
    expect(r.registered).not.toContain(0);
    expectWindow(r);
    // And back to the top.
    await page.evaluate(() => scrollTo(0, 0));
    await expect.poll(async () => (await registry(page, WINDOW_MARGIN)).registered.includes(0)).toBe(true);
    expectWindow(await registry(page, WINDOW_MARGIN));
  });

  it('hovering a mention outside the initial window opens its card', async () => {
    await page.goto(`${server.url}/long.html`);
    await ready(page);
    expect((await registry(page, WINDOW_MARGIN)).registered).not.toContain(180);
    const p = await page.evaluate(pointAtInPage, { text: 'Der Spiegel', scope: '#p180' });
    await page.mouse.move(p.x, p.y);
    const dialog = page.locator('backstory-ui').locator('[role=dialog]');
    await dialog.waitFor({ timeout: 15_000 });
    await expect.poll(() => dialog.locator('h2').textContent()).toBe('Der Spiegel');
    expect(await inContentWorld(page, '__backstory.card()')).toEqual({ text: 'Der Spiegel', entity: 'der-spiegel', pinned: false });
  });
});
