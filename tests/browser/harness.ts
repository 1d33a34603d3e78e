// The real-browser harness lives in scripts/chromium.ts, shared with `npm run demo`.
export * from '../../scripts/chromium';

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
  return page.evaluate(() => {
    const h = CSS.highlights.get('backstory-active');
    if (!h || h.size === 0) return null;
    const r = [...h][0] as AbstractRange;
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range.toString();
  });
}

/**
 * In the page: the centre and text of the first person mark inside the viewport,
 * or null. Self-contained, so both Playwright and Puppeteer (Firefox) can pass
 * it to `page.evaluate`.
 */
export function visiblePersonMark(): { x: number; y: number; text: string } | null {
  for (const [name, h] of CSS.highlights) {
    if (name !== 'backstory-person') continue;
    for (const r of h as unknown as Iterable<AbstractRange>) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      const b = range.getClientRects()[0];
      if (b && b.top > 0 && b.bottom < innerHeight) return { x: b.left + b.width / 2, y: b.top + b.height / 2, text: range.toString() };
    }
  }
  return null;
}
