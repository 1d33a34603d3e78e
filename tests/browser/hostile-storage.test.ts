// Corrupt storage (issue #17, self-repair), in real Chromium with the built
// extension: records in the background's IndexedDB are broken or removed
// behind its back. Pages keep their marks (only the bad record's entity is
// missing, and only until it is put back), the record is re-seeded from the
// bundled KB, and a real hover on the repaired entity opens its card.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, setStoredSettings, waitFor, type ExtensionBrowser } from './harness';
import { CHROME_EXTENSION_DIR, serveHostile, Watched, type HostileServers } from './hostile-harness';
import { EVERY_MENTION } from '../support/fixtures';

let browser: ExtensionBrowser;
let servers: HostileServers;

beforeAll(async () => {
  [browser, servers] = await Promise.all([launchWithExtension({ extensionDir: CHROME_EXTENSION_DIR }), serveHostile()]);
  // Written for every mention marked (the default is the first in the article body: card-preview.test.ts).
  await setStoredSettings(browser, EVERY_MENTION);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await servers?.close();
});

/** In the service worker: put `rows` into stores of the background's database, or delete keys (row null). */
function tamper(rows: { store: string; key: string; row: unknown }[]): Promise<void> {
  return browser.worker.evaluate(
    (rows) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('backstory');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction([...new Set(rows.map((r) => r.store))], 'readwrite');
          for (const r of rows) {
            if (r.row === null) tx.objectStore(r.store).delete(r.key);
            else tx.objectStore(r.store).put(r.row);
          }
          tx.oncomplete = () => (db.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    rows,
  );
}

/** In the service worker: the record as stored now. */
function stored(store: string, key: string): Promise<unknown> {
  return browser.worker.evaluate(
    ({ store, key }) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('backstory');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction(store, 'readonly').objectStore(store).get(key);
          get.onsuccess = () => (db.close(), resolve(get.result ?? null));
          get.onerror = () => reject(get.error);
        };
      }),
    { store, key },
  );
}

const open = () => Watched.open(browser.context, browser.extensionId, `${servers.a}/overrides.html`);
const texts = async (w: Watched) => (await w.marks()).map((m) => m.text);

describe('a corrupt knowledge base in IndexedDB', () => {
  let xi: { id: string; name: string };

  it('a healthy start, for reference', async () => {
    const w = await open();
    expect(await texts(w)).toEqual(['Vladimir Putin', 'Xi Jinping', 'Moscow', 'Beijing', 'Kyiv']);
    await w.close();
    xi = (await stored('entities', 'xi-jinping')) as typeof xi;
    expect(xi.name).toBe('Xi Jinping');
  });

  it('one corrupt entity record: the rest of the page is marked, and the record is put back from the bundle', async () => {
    await tamper([{ store: 'entities', key: 'xi-jinping', row: { id: 'xi-jinping', name: 42, facts: 'not a list' } }]);
    const w = await open();
    const marked = await texts(w);
    expect(marked).toEqual(expect.arrayContaining(['Vladimir Putin', 'Moscow', 'Beijing', 'Kyiv']));
    await waitFor(async () => ((await stored('entities', 'xi-jinping')) as { name?: unknown } | null)?.name === 'Xi Jinping', { what: 'the entity to be re-seeded' });
    expect(await stored('entities', 'xi-jinping')).toEqual(xi);
    await w.close();
    // The next page has it again, and its card opens on a real hover.
    const again = await open();
    expect(await texts(again)).toEqual(['Vladimir Putin', 'Xi Jinping', 'Moscow', 'Beijing', 'Kyiv']);
    expect((await again.hover('Xi Jinping')).title).toBe('Xi Jinping');
    await again.close();
  });

  it('a corrupt matcher row: pages are still marked (its repair is awaited, not skipped)', async () => {
    await tamper([{ store: 'matcher', key: 'active', row: { key: 'active', hash: 'x', compiled: { format: 'broken' } } }]);
    const w = await open();
    expect(await texts(w)).toEqual(['Vladimir Putin', 'Xi Jinping', 'Moscow', 'Beijing', 'Kyiv']);
    expect((await w.hover('Vladimir Putin')).title).toBe('Vladimir Putin');
    expect(((await stored('matcher', 'active')) as { compiled: { format: string } }).compiled.format).toBe('backstory-match-packed');
    expect(w.errors).toEqual([]);
    await w.close();
  });
});
