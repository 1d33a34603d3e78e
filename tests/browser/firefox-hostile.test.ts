// Hostile pages in real Firefox (issue #17, "same in Firefox"): the built
// add-on with its real random per-install names and closed shadow root
// (scripts/firefox.ts, pageNames 'random'). Tests see only the page's world
// here (WebDriver BiDi does not reach the content script's), which is exactly
// the attacker's view: marks are read from the shared highlight registry (the
// fixtures register no highlight of their own), and the open card shows as the
// one highlight holding just the hovered name. Fixtures: tests/fixtures/hostile.
import type { Page } from 'puppeteer-core';
import { cardHighlight, hover, openMarked, ranges } from '../support/firefox-page';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from '../../scripts/firefox';
import { serveDir, waitFor, type StaticServer } from './harness';
import { HOSTILE_DIR } from './hostile-harness';
import { fireSyntheticEvents } from '../support/synthetic-events';

let firefox: FirefoxWithExtension;
let server: StaticServer;

beforeAll(async () => {
  [firefox, server] = await Promise.all([launchFirefoxWithExtension({ pageNames: 'random' }), serveDir(HOSTILE_DIR)]);
}, 120_000);
afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

const open = (path: string, expected: number) => openMarked(firefox, `${server.url}/${path}`, expected);

describe('Firefox: a page hunting for and driving a reading extension', () => {
  let page: Page;
  beforeAll(async () => {
    page = await open('adversary.html', 5);
  }, 60_000);
  afterAll(() => page?.close());

  it('is marked, under names that say nothing', async () => {
    const seen = await ranges(page);
    expect(seen.map(([, t]) => t)).toEqual(['Vladimir Putin', 'Xi Jinping', 'Moscow', 'Beijing', 'Kyiv']);
    expect(seen.filter(([name]) => /backstory/i.test(name))).toEqual([]);
  });

  it('a real hover opens the card; the page finds no open root, global, attribute or named element of ours', async () => {
    const active = await hover(page, 'Xi Jinping');
    expect(active).not.toMatch(/backstory/i);
    const seen = await page.evaluate(() => {
      const log = (window as unknown as { __attack: { globalsBefore: string[]; bodyBefore: string; attachShadow: number; upgraded: number } }).__attack;
      const before = new Set(log.globalsBefore);
      const extra = [...document.documentElement.children].filter((e) => e !== document.head && e !== document.body);
      return {
        openRoots: [...document.querySelectorAll('*')].filter((e) => e.shadowRoot !== null).length,
        named: [...document.querySelectorAll('*')].filter((e) => /backstory/i.test(e.localName)).length,
        newGlobals: Object.getOwnPropertyNames(window).filter((k) => !before.has(k)),
        bodyUnchanged: new XMLSerializer().serializeToString(document.body) === log.bodyBefore,
        host: extra.map((e) => ({ shadowRoot: e.shadowRoot, defined: customElements.get(e.localName) !== undefined })),
        attachShadow: log.attachShadow,
        upgraded: log.upgraded,
      };
    });
    expect(seen).toEqual({ openRoots: 0, named: 0, newGlobals: [], bodyUnchanged: true, host: [{ shadowRoot: null, defined: false }], attachShadow: 0, upgraded: 0 });
  });

  it('synthetic events and forged commands drive nothing: the card stays open', async () => {
    await page.evaluate(fireSyntheticEvents);
    await page.evaluate(() => {
      const CE = (window as unknown as { __OriginalCustomEvent: typeof CustomEvent }).__OriginalCustomEvent;
      document.dispatchEvent(new CE('backstory:disable', { bubbles: true }));
      window.postMessage({ type: 'backstory', enabled: false }, '*');
    });
    expect(await cardHighlight(page, 'Xi Jinping')).not.toBeNull();
    // A real Escape closes it.
    await page.keyboard.press('Escape');
    await page.mouse.move(1, 1);
    await waitFor(async () => (await cardHighlight(page, 'Xi Jinping')) === null, { what: 'the card to close' });
  });
});

describe('Firefox: text no reader sees', () => {
  let page: Page;
  beforeAll(async () => {
    page = await open('unseen.html', 5);
  }, 60_000);
  afterAll(() => page?.close());

  const placed = async () => (await ranges(page)).map(([, t, id]) => `${id}:${t}`);

  it('marks the visible text only', async () => {
    // Firefox has no -webkit-user-modify: that region is plain text there (Chromium makes it an editor), so it is marked.
    expect(await page.evaluate(() => (document.querySelector('#user-modify p') as HTMLElement).isContentEditable)).toBe(false);
    // The default marking: the first visible mention of each name (a repeat such as the user-modify paragraph's is left plain).
    expect(await placed()).toEqual(['seen:Vladimir Putin', 'seen:Xi Jinping', 'seen:Moscow', 'late:Beijing', 'late:Kyiv']);
  });

  it('a region made editable later loses its marks at once', async () => {
    await page.evaluate(() => document.getElementById('late')!.setAttribute('contenteditable', 'true'));
    const now = await placed();
    expect(now.filter((p) => p.startsWith('late:'))).toEqual([]);
    expect(now).toEqual(expect.arrayContaining(['seen:Vladimir Putin', 'seen:Xi Jinping', 'seen:Moscow']));
  });

  it('text hidden later by a class loses its marks at once, and is marked again when shown', async () => {
    const seen = async () => (await placed()).filter((p) => p.startsWith('seen:'));
    await page.evaluate(() => document.getElementById('seen')!.classList.add('gone'));
    expect(await seen()).toEqual([]);
    await page.evaluate(() => document.getElementById('seen')!.classList.remove('gone'));
    await waitFor(async () => (await seen()).length === 3, { what: 'the shown paragraph to be marked again' });
  });

  it('a real hover still opens the card', async () => {
    expect(await hover(page, 'Xi Jinping')).not.toBeNull();
  });
});
