// The IndexedDB half of the benchmark: bundled into an IIFE and run in a page on
// loopback (Chromium's real IndexedDB, not fake-indexeddb). It uses the
// background's own code: openBackstoryDb, loadKb (validate, compile the
// matcher, one transaction) and dbReader + entityCard (what getCard answers).
import { activeMatcher, dbReader, loadKb } from '../../lib/db/kb-store';
import { openBackstoryDb } from '../../lib/db/open';
import { entityCard } from '../../lib/kb/card';
import { parseKbDocument } from '../../lib/kb/document';
import { matcherAliases } from '../../lib/match/aliases';
import { compileMatcher } from '../../lib/match/compile';

const now = (): number => performance.now();

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
}

function deleteDb(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
    req.onblocked = () => resolve();
  });
}

const api = {
  /**
   * Install a KB from `url` into a fresh database `name` and time it; then
   * `lookups` point lookups of random entities (one transaction each, as the
   * card does) and `cards` full card assemblies.
   */
  async run(name: string, url: string, lookups: number, cards: number) {
    await deleteDb(name);
    const raw: unknown = await (await fetch(url)).json();
    // Breakdown of the non-IndexedDB part of loadKb (it redoes both inside).
    let t = now();
    const kb = parseKbDocument(raw);
    const validateMs = now() - t;
    t = now();
    compileMatcher(matcherAliases(kb.entities));
    const compileMs = now() - t;

    const db = await openBackstoryDb(name);
    t = now();
    const result = await loadKb(db, raw, { force: true });
    const loadMs = now() - t;
    if (!result.ok) throw new Error(result.message);
    db.close();

    // Lookups on a freshly opened database (as after a service-worker wake-up).
    const db2 = await openBackstoryDb(name);
    t = now();
    const matcherRow = await activeMatcher(db2);
    const matcherReadMs = now() - t;
    const reader = dbReader(db2);
    const ids = kb.entities.map((e) => e.id);
    let seed = 12345;
    const nextId = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return ids[seed % ids.length]!;
    };
    for (let i = 0; i < 20; i++) await reader.entity(nextId());
    const lookupMs: number[] = [];
    let found = 0;
    for (let i = 0; i < lookups; i++) {
      const id = nextId();
      const t0 = now();
      const e = await reader.entity(id);
      lookupMs.push(now() - t0);
      if (e) found++;
    }
    const cardMs: number[] = [];
    for (let i = 0; i < cards; i++) {
      const id = nextId();
      const t0 = now();
      await entityCard(reader, id);
      cardMs.push(now() - t0);
    }
    db2.close();
    await deleteDb(name);
    return {
      entities: kb.entities.length,
      validateMs,
      compileMs,
      loadMs,
      matcherReadMs,
      matcherBytes: matcherRow ? JSON.stringify(matcherRow.compiled).length : 0,
      lookupP50: quantile(lookupMs, 0.5),
      lookupP95: quantile(lookupMs, 0.95),
      lookupFound: found / lookups,
      cardP50: quantile(cardMs, 0.5),
      cardP95: quantile(cardMs, 0.95),
    };
  },
};

(window as unknown as { __idb: typeof api }).__idb = api;
export type IdbApi = typeof api;
