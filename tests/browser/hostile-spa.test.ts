// A single-page app that navigates hundreds of times (issue #17, flat memory),
// in real Chromium with the built extension: each navigation pushes a URL and
// replaces the view. Afterwards Backstory holds only the current view: its
// tracked mentions, the blocks in its highlight window and the ranges in the
// page's highlight registry all belong to the last view (nothing of the old
// views is kept alive), and a real hover opens the card.
// (The heap itself after 2,000 navigations: `npm run bench`, spa_heap_growth_mb_2000.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser } from './harness';
import { Watched, type HostileServers } from './hostile-harness';
import { EVERY_MENTION, useHostileBrowser } from '../support/fixtures';

const NAVIGATIONS = 300;

let browser: ExtensionBrowser;
let servers: HostileServers;
let w: Watched;

// Written for every mention marked (the default is the first in the article body: card-preview.test.ts).
useHostileBrowser((b, s) => ([browser, servers] = [b, s]), EVERY_MENTION);
beforeAll(async () => {
  w = await Watched.open(browser.context, browser.extensionId, `${servers.a}/spa.html`);
}, 60_000);
afterAll(() => w?.close());

describe(`a single-page app after ${NAVIGATIONS} navigations`, () => {
  let view = 1;
  beforeAll(async () => {
    for (let i = 0; i < NAVIGATIONS; i++) {
      view = await w.eval('main', () => (window as unknown as { __navigate(): number }).__navigate());
      await w.idle();
    }
  }, 300_000);

  it('navigated', async () => {
    expect(view).toBe(NAVIGATIONS + 1);
    expect(await w.eval('main', () => location.pathname)).toBe(`/spa/view-${NAVIGATIONS + 1}`);
  });

  it('marks the current view, and only it: every range in the registry is in the current view', async () => {
    const marks = await w.marks();
    expect(marks.map((m) => m.text)).toEqual(['Vladimir Putin', 'Xi Jinping', 'Moscow', 'Beijing', 'Kyiv', 'Vladimir Putin', 'Xi Jinping', 'Moscow', 'Beijing', 'Kyiv']);
    expect(marks.every((m) => m.where.startsWith(`v${view}-`) && !m.stale)).toBe(true);
  });

  it('holds nothing of the old views: tracked mentions and highlight-window blocks are the current view’s', async () => {
    expect((await w.eval('backstory', () => (globalThis as unknown as { __backstory: { allMentions(): unknown[] } }).__backstory.allMentions().length))).toBe(10);
    const stats = (await w.debugStats())!;
    expect(stats.fullScans).toBeGreaterThanOrEqual(NAVIGATIONS);
    expect(stats.windowBlocks).toBeLessThanOrEqual(10);
  });

  it('a real hover opens the card', async () => {
    expect((await w.hover('Xi Jinping')).title).toBe('Xi Jinping');
    await w.closeCard();
    expect(w.errors).toEqual([]);
  });
});
