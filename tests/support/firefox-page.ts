// Firefox pages as a test sees them (tests/browser/firefox-*.test.ts): WebDriver
// BiDi reaches only the page's world, which is exactly an attacker's view, so
// marks are read from the shared highlight registry and the open card shows as
// the one highlight holding just the hovered name.
import type { Page } from 'puppeteer-core';
import { setViewportSize, type FirefoxWithExtension } from '../../scripts/firefox';
import { waitFor } from './browser';

/** Every range in the page's highlight registry: [highlight, text, id of the nearest element with an id]. */
export function ranges(page: Page): Promise<[string, string, string][]> {
  return page.evaluate(() => {
    const out: { name: string; range: Range }[] = [];
    for (const [name, h] of CSS.highlights) {
      for (const r of h as unknown as Iterable<AbstractRange>) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        out.push({ name, range });
      }
    }
    // A range into text the page has just removed (until Backstory drops it) is listed last, its id prefixed "detached:".
    const live = out.filter((o) => o.range.startContainer.isConnected);
    const detached = out.filter((o) => !o.range.startContainer.isConnected);
    live.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
    const idOf = (n: Node | null): string => {
      for (let p = n; p; p = p.parentNode) if (p.nodeType === 1 && (p as Element).id) return (p as Element).id;
      return '';
    };
    return [...live.map((o) => ({ ...o, prefix: '' })), ...detached.map((o) => ({ ...o, prefix: 'detached:' }))].map(
      (o): [string, string, string] => [o.name, o.range.toString(), o.prefix + idOf(o.range.startContainer)],
    );
  });
}

/** The highlight that holds only `text` (the open card's mention), or null. */
export async function cardHighlight(page: Page, text: string): Promise<string | null> {
  const all = await ranges(page);
  const counts = new Map<string, number>();
  for (const [name] of all) counts.set(name, (counts.get(name) ?? 0) + 1);
  const hit = all.find(([name, t]) => t === text && counts.get(name) === 1);
  return hit ? hit[0] : null;
}

export async function openMarked(firefox: FirefoxWithExtension, url: string, expected: number): Promise<Page> {
  const page = await firefox.newPage();
  await setViewportSize(page, { width: 1200, height: 800 });
  await page.goto(url, { waitUntil: 'load' });
  await waitFor(async () => (await ranges(page)).length >= expected, { what: `the marks on ${url}`, timeout: 30_000 });
  return page;
}

/** A real pointer rests on the first mark reading `text`; resolves with the card's highlight name. */
export async function hover(page: Page, text: string): Promise<string> {
  const p = await page.evaluate((text) => {
    for (const [, h] of CSS.highlights) {
      for (const r of h as unknown as Iterable<AbstractRange>) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const b = range.getClientRects()[0];
        if (range.toString() === text && b) return { x: b.left + Math.min(b.width / 2, 12), y: b.top + b.height / 2 };
      }
    }
    return null;
  }, text);
  if (!p) throw new Error(`no mark ${text}`);
  await page.mouse.move(p.x + 30, p.y + 80);
  await page.mouse.move(p.x, p.y, { steps: 4 });
  return waitFor(() => cardHighlight(page, text), { what: `the card for ${text}`, timeout: 15_000 });
}
