// Functions that run in a page (`page.evaluate(fn, arg)`), shared by the
// browser tests (tests/support/browser.ts) and the scripts that drive Chromium
// (demo, screenshots). Each is self-contained: Playwright and Puppeteer send
// its source to the page.

/**
 * The centre of the `letter`-th letter of the `nth` occurrence of `text` inside
 * `scope` (the first element matching it whose text includes `containing`, if
 * given), scrolled to the middle of the view.
 */
export function pointAtInPage({ text, scope = 'body', nth = 0, containing, letter = 1 }: { text: string; scope?: string; nth?: number; containing?: string; letter?: number }): { x: number; y: number } {
  const root = [...document.querySelectorAll(scope)].find((el) => containing === undefined || el.textContent!.includes(containing));
  if (!root) throw new Error(`no ${scope}${containing ? ` containing “${containing}”` : ''}`);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const i = n.textContent!.indexOf(text);
    if (i < 0 || seen++ < nth) continue;
    n.parentElement!.scrollIntoView({ block: 'center' });
    const r = document.createRange();
    r.setStart(n, i + letter);
    r.setEnd(n, i + letter + 1);
    const b = r.getBoundingClientRect();
    return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
  }
  throw new Error(`text not found: ${text}`);
}

/**
 * In the page: the centre and text of the first mark inside the viewport, or
 * null; only of highlight `highlight` and reading `text`, when given (any name:
 * the release build's names are random). Self-contained, so both Playwright
 * and Puppeteer (Firefox) can pass it to `page.evaluate`.
 */
export function markInViewInPage({ highlight, text }: { highlight?: string; text?: string } = {}): { x: number; y: number; text: string } | null {
  for (const [name, h] of CSS.highlights) {
    if (highlight !== undefined && name !== highlight) continue;
    for (const r of h as unknown as Iterable<AbstractRange>) {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      const b = range.getClientRects()[0];
      if (text !== undefined && range.toString() !== text) continue;
      if (b && b.top > 0 && b.bottom < innerHeight) return { x: b.left + b.width / 2, y: b.top + b.height / 2, text: range.toString() };
    }
  }
  return null;
}

/**
 * Resolves when the page looks settled: its fonts loaded, every finite animation
 * and transition (a card's entrance, the reader's focus flash) finished, and
 * a frame painted after that. What a screenshot waits for instead of a fixed time.
 */
export async function settledInPage(): Promise<void> {
  await document.fonts.ready;
  const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
  await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}
