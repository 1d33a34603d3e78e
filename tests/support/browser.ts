// What every real-browser test shares: launching Chromium with the built
// extension and serving fixture pages (scripts/chromium.ts, shared with
// `npm run demo` and the benchmark), the stored settings, and reading our marks
// from a page's highlight registry.
export * from '../../scripts/chromium';
export { markInViewInPage, pointAtInPage, settledInPage } from '../../scripts/in-page';

import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../scripts/chromium';

/** The service worker's storage API (runs there, through `worker.evaluate`). */
declare const chrome: { storage: { local: { set(items: object): Promise<void>; remove(key: string): Promise<void> } } };

/** Replace the stored settings as the options page would (null: remove them, back to the defaults). */
export function setStoredSettings(browser: ExtensionBrowser, settings: Record<string, unknown> | null): Promise<void> {
  return browser.worker.evaluate(async (s) => {
    if (s === null) await chrome.storage.local.remove('settings');
    else await chrome.storage.local.set({ settings: s });
  }, settings);
}

/** Our passive marks on a page (not the open card's `backstory-active` nor the keyboard's `backstory-current`), from its highlight registry. */
export function markCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    let n = 0;
    for (const [name, h] of CSS.highlights) if (name.startsWith('backstory-') && name !== 'backstory-active' && name !== 'backstory-current') n += h.size;
    return n;
  });
}

/** The text of the mention whose card is open on a page (the `backstory-active` highlight), or null. */
export function activeMention(page: Page): Promise<string | null> {
  return page.evaluate(markTextInPage, 'backstory-active');
}

/**
 * In the page: the text of the first range of highlight `name` (the open card's
 * `backstory-active`, the keyboard's `backstory-current`), or null. Self-contained, for `page.evaluate`.
 */
export function markTextInPage(name: string): string | null {
  const h = CSS.highlights.get(name);
  if (!h || h.size === 0) return null;
  const r = [...(h as unknown as Iterable<AbstractRange>)][0]!;
  const range = document.createRange();
  range.setStart(r.startContainer, r.startOffset);
  range.setEnd(r.endContainer, r.endOffset);
  return range.toString();
}

/** What markInViewInPage looks for to find a person mark: `page.evaluate(markInViewInPage, PERSON_MARK)`. */
export const PERSON_MARK = { highlight: 'backstory-person' };

/** [highlight name, text], and with `ids` the id of the nearest element that has one. */
export type HighlightRow = [name: string, text: string] & { 2?: string };

/**
 * In the page: every passive mark (not the open card's nor the keyboard's), as
 * [highlight name, text], in document order; `every`: every highlight of any
 * name (the release build's names are random); `ids`: with the id of the
 * nearest element that has one, as a third item. Self-contained, so both
 * Playwright and Puppeteer (Firefox) can pass it to `page.evaluate`.
 */
export function pageHighlightsInPage(options: { every?: boolean; ids?: boolean } | void): HighlightRow[] {
  const { every = false, ids = false } = options || {};
  const out: { name: string; range: Range }[] = [];
  for (const [name, highlight] of CSS.highlights) {
    if (!every && (!name.startsWith('backstory-') || name === 'backstory-active' || name === 'backstory-current')) continue;
    for (const r of highlight as unknown as Iterable<AbstractRange>) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      out.push({ name, range });
    }
  }
  out.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
  const idOf = (n: Node | null): string => {
    for (let p = n; p; p = p.parentNode) if (p.nodeType === 1 && (p as Element).id) return (p as Element).id;
    return '';
  };
  return out.map((o) => (ids ? [o.name, o.range.toString(), idOf(o.range.startContainer)] : [o.name, o.range.toString()]) as HighlightRow);
}
