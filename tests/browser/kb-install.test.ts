// After install, the KB is in the extension's own IndexedDB with the counts
// that `npm run kb -- stats` prints.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kbStats } from '../../lib/kb/document';
import { buildKbFromDisk } from '../../scripts/read-data';
import { launchWithExtension, waitFor, type ExtensionBrowser } from './harness';

describe('KB install in Chromium', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('loads the bundled KB into the extension IndexedDB with the CLI counts', async () => {
    const expected = kbStats(buildKbFromDisk());
    const stored = await waitFor(
      () =>
        browser.worker.evaluate(async () => {
          const db = await new Promise<IDBDatabase | null>((resolve) => {
            const req = indexedDB.open('backstory');
            // Never create the database ourselves: that would race the worker's own upgrade.
            req.onupgradeneeded = () => req.transaction?.abort();
            req.onsuccess = () => resolve(req.result);
            req.onerror = () => resolve(null);
          });
          if (!db) return null;
          if (!db.objectStoreNames.contains('meta')) return null;
          const get = <T>(store: string, key?: IDBValidKey) =>
            new Promise<T>((resolve, reject) => {
              const req = key === undefined ? db.transaction(store).objectStore(store).count() : db.transaction(store).objectStore(store).get(key);
              req.onsuccess = () => resolve(req.result as T);
              req.onerror = () => reject(req.error);
            });
          const meta = await get<{ stats: Record<string, number> } | undefined>('meta', 'active');
          if (!meta) return null;
          const counts = {
            reports: await get<number>('reports'),
            entities: await get<number>('entities'),
            claims: await get<number>('claims'),
            caveats: await get<number>('caveats'),
          };
          db.close();
          return { stats: meta.stats, counts };
        }),
      { what: 'the KB in IndexedDB' },
    );
    expect(stored.stats).toEqual(expected);
    expect(stored.counts).toEqual({ reports: expected.reports, entities: expected.entities, claims: expected.claims, caveats: expected.caveats });
  });
});
