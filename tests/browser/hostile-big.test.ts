// Hostile pages by size and motion: a million DOM nodes, very deep nesting, and
// a page that mutates its DOM without pause. Same checks as hostile-pages:
// no errors, no layout shift, the page's scripts keep working, marks right.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor, type ExtensionBrowser } from './harness';
import { useHostileBrowser } from '../support/fixtures';
import { expectPageScriptsWork, Watched, type HostileServers, type Mark } from './hostile-harness';

let browser: ExtensionBrowser;
let servers: HostileServers;
// Written for every mention marked (the default is the first in the article body: card-preview.test.ts).
useHostileBrowser((b, s) => ([browser, servers] = [b, s]), { markMode: 'every' });

const open = (path: string, options?: { waitForBackstory?: boolean }) => Watched.open(browser.context, browser.extensionId, `${servers.a}/${path}`, options);
const texts = (marks: Mark[]) => marks.map((m) => m.text);

async function expectHealthy(w: Watched, clickOn: string) {
  const scripts = await expectPageScriptsWork(w, clickOn);
  expect(scripts.after, "the page's own counter keeps going").toBeGreaterThan(scripts.before);
  expect(scripts.clicked, "the page's own click handler fires").toBe(true);
  expect((await w.layoutShifts()).shifts, 'no layout shift').toEqual([]);
  expect(w.errors, 'no errors in any world of the page').toEqual([]);
}

describe('a page with a million DOM nodes', () => {
  let w: Watched;
  beforeAll(async () => {
    w = await open('million.html');
  }, 120_000);
  afterAll(() => w?.close());

  it('has a million nodes', async () => {
    const nodes = await w.eval('probe', () => {
      let n = 0;
      const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
      while (walker.nextNode()) n++;
      return n;
    });
    expect(nodes).toBeGreaterThanOrEqual(1_000_000);
  });

  it('marks every name, from the top of the page to the bottom', async () => {
    // What is marked is what the index holds (hover, keyboard, panel): all of it.
    const marked = await w.debugMarks();
    expect(marked.map((m) => m.text)).toEqual(['Vladimir Putin', 'Xi Jinping', 'Moscow', ...Array<string>(250).fill('Kyiv'), 'Beijing']);
    expect(marked.every((m) => m.highlight !== null)).toBe(true);
    // The highlight registry holds the marks near the viewport only (lib/page/core/highlight-window.ts):
    // the top of the page, none stale, each one of the marks above.
    const registered = await w.marks();
    expect(registered.filter((m) => m.stale)).toEqual([]);
    expect(texts(registered.slice(0, 3))).toEqual(['Vladimir Putin', 'Xi Jinping', 'Moscow']);
    expect(registered.length).toBeLessThan(marked.length);
    const stats = (await w.debugStats()) as unknown as { shownMarks: number };
    expect(registered.filter((m) => m.name !== 'backstory-active' && m.name !== 'backstory-current')).toHaveLength(stats.shownMarks);
  });

  it('reads the whole page in slices, yielding to the page between them', async () => {
    // The behaviour, not a timing (task lengths are the benchmark's): every block
    // read, in many slices rather than one task. (Before the reader found the
    // viewport by binary search, the rect reads forced layout of every off-screen
    // section in one 23 s task.)
    const built = await w.eval('main', () => (window as unknown as { __generatedIn: number }).__generatedIn);
    expect(built).toBeGreaterThan(0);
    const stats = await w.debugStats();
    expect(stats!.blocksRead).toBeGreaterThanOrEqual(250_000);
    expect(stats!.slices).toBeGreaterThan(1);
  });

  it('opens a card on hover', async () => {
    const card = await w.hover('Vladimir Putin');
    expect(card.title).toBe('Vladimir Putin');
    await w.closeCard();
  });

  it('keeps the page healthy', async () => {
    await expectHealthy(w, 'lead');
  });
});

describe('very deep nesting', () => {
  let w: Watched;
  beforeAll(async () => {
    w = await open('deep.html');
  }, 60_000);
  afterAll(() => w?.close());

  it('marks text 5,000 blocks and 5,000 inline elements down, and a name split over inline elements', async () => {
    const marks = await w.marks();
    expect(marks.map((m) => [m.text, m.where, m.split])).toEqual([
      ['Vladimir Putin', 'top', false],
      ['Xi Jinping', 'innermost', true],
      ['Moscow', 'innermost', false],
      ['Kyiv', 'deep-block-text', false],
      ['Beijing', 'deep-inline', false],
    ]);
    expect(marks.filter((m) => m.stale)).toEqual([]);
  });

  it('opens cards on the deepest marks', async () => {
    expect((await w.hover('Xi Jinping')).title).toBe('Xi Jinping');
    expect((await w.hover('Beijing')).title).toBe('Beijing');
    await w.closeCard();
  });

  it('keeps the page healthy', async () => {
    await expectHealthy(w, 'top');
  });
});

describe('a page that mutates its DOM non-stop', () => {
  let w: Watched;
  beforeAll(async () => {
    // Work never settles while the page churns: do not wait for idle here.
    w = await open('churn.html', { waitForBackstory: false });
    await waitFor(async () => (await w.marks()).some((m) => m.where === 'lead'), { what: 'the first marks', timeout: 20_000 });
  }, 60_000);
  afterAll(() => w?.close());

  it('keeps up while the page churns, and the page keeps working', async () => {
    const writes = await w.eval('main', () => (window as unknown as { __churn: { writes: number } }).__churn.writes);
    await w.frames(60);
    expect(await w.eval('main', () => (window as unknown as { __churn: { writes: number } }).__churn.writes)).toBeGreaterThan(writes);
    await expectHealthy(w, 'lead');
    const stats = await w.debugStats();
    expect(stats!.mutationBatches).toBeGreaterThan(5);
  });

  it('marks exactly the names in the final DOM once the page stops, with no stale or leaked marks', async () => {
    await w.eval('main', () => (window as unknown as { __stopChurn(): void }).__stopChurn());
    await w.idle();
    // What the page shows now: one expected mark per slot that holds a name.
    const expected = await w.eval('probe', () => {
      const names = ['Vladimir Putin', 'Beijing', 'Kyiv', 'Moscow', 'Ukraine'];
      const out: string[] = ['Vladimir Putin', 'Xi Jinping'];
      for (const slot of document.querySelectorAll('#slots .slot')) {
        const name = names.find((n) => slot.textContent!.includes(n));
        if (name) out.push(name);
      }
      return out;
    });
    const marks = await w.marks();
    expect(marks.filter((m) => m.stale), 'no mark on text that left the page').toEqual([]);
    expect(texts(marks)).toEqual(expected);
    // And the highlights hold no more ranges than there are marks (nothing leaked).
    const stats = (await w.debugStats()) as unknown as { highlights: Record<string, number> };
    const ranges = Object.entries(stats.highlights)
      .filter(([name]) => name !== 'backstory-active' && name !== 'backstory-current')
      .reduce((n, [, size]) => n + size, 0);
    expect(ranges).toBe(marks.length);
  });
});
