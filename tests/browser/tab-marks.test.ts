// Issue #16: "Tab to a mark, Enter opens, Esc closes and focus returns", in
// real Chromium with real key presses. Marks are CSS Custom Highlights (no
// element to focus): our UI host carries one button that stands for the
// current mark (lib/page/card/focus-stop.ts), first in <html> so the first Tab
// lands on it. Read through the accessibility tree (roles and names, with
// Playwright's getByRole) and the debug channel.
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { markTextInPage, waitFor } from '../support/browser';
import { inContentWorld, ready } from '../support/content-world';
import { useExtension } from '../support/fixtures';
import { ReaderPage, type DebugMark } from '../support/reader-page';

const dialogOf = (page: Page): Locator => page.locator('backstory-ui').locator('[role=dialog]');
/** What has focus: our stop's accessible name, a role in our UI, or the page element's tag#id / text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const a = document.activeElement;
    if (a?.localName === 'backstory-ui') {
      const inner = a.shadowRoot!.activeElement;
      return inner?.getAttribute('aria-label') ?? `our ${inner?.getAttribute('role') ?? inner?.localName}`;
    }
    return a ? `${a.localName}${a.id ? `#${a.id}` : ''}:${(a.textContent ?? '').trim().slice(0, 30)}` : null;
  });
const current = (page: Page) => page.evaluate(markTextInPage, 'backstory-current');
/** Chromium's own accessibility tree: the focused node's role, name and description (what a screen reader is told). */
async function focusedInAxTree(page: Page): Promise<{ role: string; name: string; description: string } | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    type AxValue = { value?: unknown };
    type AxNode = { role?: AxValue; name?: AxValue; description?: AxValue; properties?: { name: string; value: AxValue }[] };
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
    // The document itself reports `focused` too: the focused element is the node under it that does.
    const node = nodes.find((n) => n.role?.value !== 'RootWebArea' && n.properties?.some((p) => p.name === 'focused' && p.value.value === true));
    return node ? { role: String(node.role?.value), name: String(node.name?.value), description: String(node.description?.value ?? '') } : null;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

describe('Tab reaches the marks', () => {
  // The default marking: the first mention of each name in the article body.
  const ext = useExtension({ expectNoPageErrors: true });
  let page: Page;
  let marks: DebugMark[];
  const typeOf = (m: DebugMark) => m.highlight!.replace('backstory-', '');
  const stopName = (i: number) => {
    const m = marks[i]!;
    const type = m.entity === null ? null : typeOf(m);
    const what = m.entity === null ? `“${m.text}”, a name that fits ${m.candidates!.length} entries` : `${m.text}, ${type === 'org' ? 'organisation' : type}`;
    return `${what}. Mark ${i + 1} of ${marks.length} on this page. Enter opens its card; Tab goes to the next.`;
  };

  beforeAll(async () => {
    page = ext.page;
    await page.goto(`${ext.server.url}/reading-article.html`);
    await ready(page);
    // The card chunk's look at the page (common places left unmarked) settles which names are marked.
    await waitFor(async () => (await new ReaderPage(page).timeline()).some((e) => e.name === 'page-analysed'), { what: 'the page analysis' });
    await inContentWorld(page, '__backstory.idle()');
    marks = await inContentWorld<DebugMark[]>(page, '__backstory.marks()');
    // The stop comes with the card chunk, at idle once the page has marks.
    await page.locator('backstory-ui').getByRole('button', { name: `Backstory: ${marks.length} marked names on this page.` }).waitFor();
  });

  it('the first Tab from the page start lands on the first mark, without scrolling; Tab goes to the next mark', async () => {
    expect(marks.length).toBeGreaterThan(4);
    // Our host is the first child of <html> (before <head>): the page's first Tab stop.
    expect(await page.evaluate(() => document.documentElement.firstElementChild?.localName)).toBe('backstory-ui');
    const scrollBefore = await page.evaluate(() => scrollY);
    let tabs = 0;
    while (tabs < 40 && !(await focused(page))?.includes('Mark 1 of')) {
      await page.keyboard.press('Tab');
      tabs++;
    }
    expect(tabs).toBe(1);
    expect(await focused(page)).toBe(stopName(0));
    // The same in the browser's accessibility tree: the focused node is a button with that name.
    await expect.poll(() => focusedInAxTree(page)).toEqual({ role: 'button', name: stopName(0), description: 'Escape leaves the marks.' });
    expect(await current(page)).toBe(marks[0]!.text);
    expect(await page.evaluate(() => scrollY)).toBe(scrollBefore);
    // The outline sits over the mark.
    const box = await page.getByRole('button', { name: stopName(0), exact: true }).boundingBox();
    const markBox = await page.evaluate(() => {
      const h = CSS.highlights.get('backstory-current')!;
      const r = [...(h as unknown as Iterable<AbstractRange>)][0]!;
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      const b = range.getBoundingClientRect();
      return { x: b.x, y: b.y };
    });
    expect(Math.abs(box!.x - markBox.x)).toBeLessThanOrEqual(1);
    expect(Math.abs(box!.y - markBox.y)).toBeLessThanOrEqual(1);

    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe(stopName(1));
    expect(await current(page)).toBe(marks[1]!.text);
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe(stopName(0));
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe(stopName(1));
  });

  it('Enter opens the mark’s card with focus in it; Esc closes it, focus returns to the same mark, and Tab goes on to the next', async () => {
    await page.keyboard.press('Enter');
    const dialog = dialogOf(page);
    await dialog.waitFor({ timeout: 15_000 });
    expect(await inContentWorld(page, '__backstory.card()')).toEqual({ text: marks[1]!.text, entity: marks[1]!.entity, pinned: true });
    await expect.poll(() => focused(page)).toBe('our dialog');

    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await focused(page)).toBe(stopName(1));
    expect(await current(page)).toBe(marks[1]!.text);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe(stopName(2));
  });

  it('Alt+Shift+N moves the same current mark, and the stop follows it', async () => {
    await page.keyboard.press('Alt+Shift+N');
    const now = await current(page);
    expect(now).not.toBe(marks[2]!.text);
    expect(await focused(page)).toContain(`${now}, `);
    await page.keyboard.press('Shift+Tab');
    // Back to the mark before the mention Alt+Shift+N reached (every mention is reachable with it, only marks with Tab).
    expect(await focused(page)).toMatch(/Mark \d+ of/);
  });

  it('a page’s synthetic Tab, Enter and click do nothing', async () => {
    await page.keyboard.press('Tab');
    const before = await focused(page);
    const fired = await page.evaluate(() => {
      // The debug build's root is open, so the page can reach the button itself here (a release build's is closed).
      const host = document.documentElement.firstElementChild!;
      const button = host.shadowRoot!.querySelector('button')!;
      const opts = { bubbles: true, composed: true, cancelable: true };
      for (const target of [button, document.body, document]) {
        target.dispatchEvent(new KeyboardEvent('keydown', { ...opts, key: 'Tab', code: 'Tab' }));
        target.dispatchEvent(new KeyboardEvent('keydown', { ...opts, key: 'Enter', code: 'Enter' }));
      }
      button.click();
      return true;
    });
    expect(fired).toBe(true);
    expect(await focused(page)).toBe(before);
    expect(await dialogOf(page).count()).toBe(0);
    expect(await inContentWorld(page, '__backstory.card()')).toBeNull();
  });

  it('Tab past the last mark reaches the page’s next focusable element after it, and the current mark goes', async () => {
    let guard = 0;
    while (guard++ < marks.length + 2 && !(await focused(page))?.includes(`Mark ${marks.length} of`)) await page.keyboard.press('Tab');
    expect(await focused(page)).toBe(stopName(marks.length - 1));
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe(NEXT_AFTER_LAST_MARK);
    expect(await current(page)).toBeNull();
  });

  it('Esc on the stop leaves the marks: the next Tab goes on to the page', async () => {
    await page.goto(`${ext.server.url}/reading-article.html`);
    await ready(page);
    await page.locator('backstory-ui').getByRole('button', { name: /marked names on this page/ }).waitFor();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatch(/Mark 1 of/);
    await page.keyboard.press('Escape');
    expect(await current(page)).toBeNull();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe(FIRST_PAGE_FOCUSABLE);
    // Shift+Tab from the page's first link comes back to the marks: the last one in view, so nothing scrolls.
    const scrollBefore = await page.evaluate(() => scrollY);
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toMatch(/Mark \d+ of/);
    expect(await focused(page)).not.toMatch(/Mark 1 of/);
    expect(await page.evaluate(() => scrollY)).toBe(scrollBefore);
    const box = (await page.getByRole('button', { name: /Mark \d+ of/ }).boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(800);
  });

  it('the stop goes when the marks go (no type marked), and comes back with them', async () => {
    const stops = () => page.locator('backstory-ui').getByRole('button').count();
    expect(await stops()).toBe(1);
    await ext.setSettings({ entityTypes: [] });
    await expect.poll(stops).toBe(0);
    expect(await inContentWorld<unknown[]>(page, '__backstory.marks()')).toEqual([]);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.evaluate(() => scrollTo(0, 0));
    await page.keyboard.press('Tab');
    expect(await focused(page)).not.toMatch(/Mark|Backstory/);
    await ext.setSettings(null);
    await expect.poll(stops).toBe(1);
  });

  it('the stop goes when Backstory is turned off for the site', async () => {
    const host = new URL(ext.server.url).hostname;
    await ext.setSettings({ siteMode: 'all-except', blockedSites: [host] });
    await expect.poll(() => page.evaluate(() => [...document.documentElement.children].filter((e) => e !== document.head && e !== document.body).length)).toBe(0);
    await page.keyboard.press('Tab');
    expect(await focused(page)).not.toMatch(/Mark|Backstory/);
    await ext.setSettings(null);
  });
});

describe('the Tab stop’s outline', () => {
  const ext = useExtension({ expectNoPageErrors: true });
  it('shows on the mark in the page’s own theme: dark blue on a light page, light blue on a dark one', async () => {
    const page = ext.page;
    await page.goto(`${ext.server.url}/sample-news.html`);
    await ready(page);
    await page.locator('backstory-ui').getByRole('button', { name: /marked names on this page/ }).waitFor();
    const outline = () =>
      page.evaluate(() => {
        const b = document.documentElement.firstElementChild!.shadowRoot!.activeElement!;
        const cs = getComputedStyle(b);
        return `${cs.outlineStyle} ${cs.outlineColor}`;
      });
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatch(/Mark 1 of/);
    expect(await outline()).toBe('solid rgb(29, 78, 216)');
    await page.addStyleTag({ content: 'body{background:#111!important;color:#eee!important}' });
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatch(/Mark 2 of/);
    expect(await outline()).toBe('solid rgb(147, 197, 253)');
  });
});

/** reading-article.html: the page's first focusable element after the last mark, and its first focusable element. */
const NEXT_AFTER_LAST_MARK = 'textarea#c:I doubt Xi Jinping will ever v'; // the comment form, right after the article
const FIRST_PAGE_FOCUSABLE = 'a:World';
