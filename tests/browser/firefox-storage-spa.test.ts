// Issue #17 in real Firefox, for the two classes Chromium's suite covers through
// the service worker (hostile-storage.test.ts, hostile-spa.test.ts): a corrupt
// knowledge base record is skipped and put back from the bundle while pages stay
// marked, and a single-page app that navigates hundreds of times ends with marks
// on its current view only. Our own first-run page (its origin is fixed at launch,
// scripts/firefox.ts; the first-run tab it opens on install) is the way into the
// add-on's IndexedDB.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from '../../scripts/firefox';
import { cardHighlight, hover, openMarked, ranges } from '../support/firefox-page';
import { serveDir, waitFor, type StaticServer } from './harness';
import { HOSTILE_DIR } from './hostile-harness';

let firefox: FirefoxWithExtension;
let server: StaticServer;
let ext: Page;

beforeAll(async () => {
  [firefox, server] = await Promise.all([launchFirefoxWithExtension(), serveDir(HOSTILE_DIR)]);
  // BiDi may not navigate to our pages, but the add-on opens its first-run page on install: use that tab.
  // (Puppeteer may still report that tab's first URL, so ask each tab where it is.)
  const ours = async () => {
    for (const p of await firefox.browser.pages()) {
      const href = await p.evaluate(() => location.href).catch(() => '');
      if (href.startsWith(firefox.extensionOrigin)) return p;
    }
    return undefined;
  };
  ext = await waitFor(ours, { what: 'the first-run page', timeout: 30_000 });
}, 120_000);
afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

/** In our first-run page (the add-on's origin): put a row into a store of the background's database. */
function tamper(store: string, row: unknown): Promise<void> {
  return ext.evaluate(
    (store, row) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('backstory');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(store, 'readwrite');
          tx.objectStore(store).put(row);
          tx.oncomplete = () => (db.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    store,
    row,
  );
}

/** The record as stored now. */
function stored(store: string, key: string): Promise<{ name?: unknown } | null> {
  return ext.evaluate(
    (store, key) =>
      new Promise<{ name?: unknown } | null>((resolve, reject) => {
        const open = indexedDB.open('backstory');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction(store, 'readonly').objectStore(store).get(key);
          get.onsuccess = () => (db.close(), resolve((get.result as { name?: unknown } | undefined) ?? null));
          get.onerror = () => reject(get.error);
        };
      }),
    store,
    key,
  );
}

const texts = async (page: Page) => (await ranges(page)).map(([, t]) => t);

describe('Firefox: a corrupt knowledge base record', () => {
  it('is skipped (the rest of the page is marked), put back from the bundle, and its card opens again', async () => {
    const healthy = await openMarked(firefox, `${server.url}/spa.html`, 5);
    expect(await texts(healthy)).toEqual(['Vladimir Putin', 'Xi Jinping', 'Moscow', 'Beijing', 'Kyiv']);
    await healthy.close();
    const xi = await stored('entities', 'xi-jinping');
    expect(xi?.name).toBe('Xi Jinping');

    await tamper('entities', { id: 'xi-jinping', name: 42, facts: 'not a list' });
    const broken = await openMarked(firefox, `${server.url}/spa.html`, 4);
    expect(await texts(broken)).toEqual(expect.arrayContaining(['Vladimir Putin', 'Moscow', 'Beijing', 'Kyiv']));
    await waitFor(async () => (await stored('entities', 'xi-jinping'))?.name === 'Xi Jinping', { what: 'the entity to be re-seeded' });
    expect(await stored('entities', 'xi-jinping')).toEqual(xi);
    await broken.close();

    const again = await openMarked(firefox, `${server.url}/spa.html`, 5);
    expect(await texts(again)).toEqual(['Vladimir Putin', 'Xi Jinping', 'Moscow', 'Beijing', 'Kyiv']);
    expect(await hover(again, 'Xi Jinping')).not.toBeNull();
    await again.close();
  });
});

describe('Firefox: a single-page app after 200 navigations', () => {
  it('marks its current view only, and a real hover opens the card', async () => {
    const page = await openMarked(firefox, `${server.url}/spa.html`, 5);
    let view = 1;
    for (let i = 0; i < 200; i++) {
      view = await page.evaluate(() => (window as unknown as { __navigate(): number }).__navigate());
      // The view's marks are placed (the default marking: each name's first mention in the view).
      await waitFor(async () => {
        const r = await ranges(page);
        return r.length === 5 && r.every(([, , id]) => id.startsWith(`v${view}-`));
      }, { what: `the marks of view ${view}` });
    }
    expect(view).toBe(201);
    const marks = await ranges(page);
    expect(marks.map(([, t]) => t)).toEqual(['Vladimir Putin', 'Xi Jinping', 'Moscow', 'Beijing', 'Kyiv']);
    expect(await hover(page, 'Xi Jinping')).not.toBeNull();
    expect(await cardHighlight(page, 'Xi Jinping')).not.toBeNull();
    await page.close();
  }, 300_000);
});
