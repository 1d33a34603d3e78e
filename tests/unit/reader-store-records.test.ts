// The reader's derived KB in IndexedDB records (lib/db/reader-store.ts,
// version 3): a reader's database from version 2 (the KB as one record) is
// converted on opening and gives the same cards; a change writes only the
// records it changed; a large KB reads back as it was written; a write that
// fails half-way (a full disk) says so in words and leaves the previous KB
// whole. fake-indexeddb here; Chromium's own limit on one value is shown by
// scripts/bench/reader-record-probe.ts and `npm run bench -- --only reader`.
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { getDerived, listPieces, listReaderReports, openReaderDb, putDerived, ReaderStoreError, type ReaderDatabase } from '../../lib/db/reader-store';
import { entityCard } from '../../lib/kb/card';
import type { KbDocument } from '../../lib/kb/document';
import { createReaderLayer } from '../../lib/reader-kb/background';
import { deriveFromScratch } from '../../lib/reader-kb/incremental';
import { applyReaderChange } from '../../lib/reader-kb/library';
import { mergedReader, readerKbReader } from '../../lib/reader-kb/merge';
import type { ReaderDerived } from '../../lib/reader-kb/pipeline';
import { closedAfterEach, installedKb, textReportLibrary } from '../support/reader-setup';
import { buildKbFromDisk } from '../../scripts/read-data';
import { scaleReaderDerived } from '../../scripts/bench/reader-gen';
import { fileLike, fixtureFile } from '../support/reader-files';

const bundled = buildKbFromDisk();
const file = fileLike;
const fixture = (name: string) => fixtureFile(name);
const FOLLOW_UP = file(
  'follow-up.txt',
  `Tallinn terminal contract goes to local builder\n\nPublished: 2026-04-02\n\nThe Tallinn Harbour Authority awarded the construction contract for the new ferry terminal to a local builder on Thursday.\n\nKadri Saarepuu, the authority's spokeswoman, said work would start in June. Mart Kaskemaa, who leads the builders' union, said the contract would bring 300 jobs to the port.\n`,
);

let n = 0;
const opened = closedAfterEach();

async function library(readerDb: ReaderDatabase) {
  const derivedPieces: number[] = [];
  return {
    derivedPieces,
    library: textReportLibrary(readerDb, bundled, async (change) => {
      const result = await applyReaderChange(readerDb, bundled, change);
      derivedPieces.push(result?.changed.length ?? 0);
    }),
  };
}

async function bundledService(id: number) {
  return installedKb(`bundled-records-${id}`, bundled, opened);
}

/** Everything a reader's KB holds, in order. */
function view(d: ReaderDerived | null) {
  if (!d) return null;
  const { reports, entities, claims, caveats, hash }: KbDocument = d.kb;
  return { bundledHash: d.bundledHash, readerHash: d.readerHash, hash, reports, entities, claims, caveats, list: d.entities, matcher: JSON.stringify(d.compiled) };
}

/** Record each put into the derived KB's stores (by store and key) while `run` runs. */
async function recordingPuts<T>(run: () => Promise<T>, fail?: { store: string; after: number }): Promise<{ result: T | Error; puts: Map<string, unknown[]> }> {
  const proto = globalThis.IDBObjectStore.prototype;
  const put = proto.put;
  const puts = new Map<string, unknown[]>();
  proto.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    const list = puts.get(this.name) ?? [];
    if (fail && this.name === fail.store && list.length >= fail.after) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    list.push(value);
    puts.set(this.name, list);
    return put.call(this, value, key);
  };
  try {
    return { result: await run().catch((e: Error) => e), puts };
  } finally {
    proto.put = put;
  }
}

describe('the reader’s derived KB as records', { timeout: 120_000 }, () => {
  it('a version 2 database (the KB as one record) opens converted, with the same KB and cards, and keeps growing one report at a time', async () => {
    const id = n++;
    // A reader's data as version 2 stored it: made with today's code, then written in the old layout.
    const source = await openReaderDb(`records-source-${id}`);
    opened.push(source);
    const { library: sourceLibrary } = await library(source);
    await sourceLibrary.importFiles([fixture('ferry.txt'), FOLLOW_UP]);
    const reports = await listReaderReports(source);
    const pieces = await listPieces(source, reports.map((r) => r.id));
    const original = (await getDerived(source))!;
    const v2 = await openDB(`records-old-${id}`, 2, {
      upgrade(db) {
        db.createObjectStore('reports', { keyPath: 'id' });
        db.createObjectStore('derived', { keyPath: 'key' });
        db.createObjectStore('meta', { keyPath: 'key' });
        db.createObjectStore('pieces', { keyPath: 'id' });
        db.createObjectStore('sketches', { keyPath: 'id' });
      },
    });
    const { crossCaveats: _unknownInV2, ...asStored } = original;
    await Promise.all([
      ...reports.map((r) => v2.put('reports', r)),
      ...pieces.map((p) => v2.put('pieces', p)),
      v2.put('derived', { ...asStored, key: 'active' }),
      v2.put('derived', { key: 'stamp', bundledHash: original.bundledHash, readerHash: original.readerHash, reports: reports.length }),
    ]);
    v2.close();

    const readerDb = await openReaderDb(`records-old-${id}`);
    opened.push(readerDb);
    expect(readerDb.version).toBe(4);
    expect(await readerDb.get('derived', 'active')).toBeUndefined();
    expect(view(await getDerived(readerDb))).toEqual(view(original));
    // The background answers the same cards as from the old record, bundled entities and new names alike.
    const kb = await bundledService(id);
    const layer = createReaderLayer({ kb, openReaderDb: async () => readerDb, fetchBundle: async () => bundled });
    const fromOld = mergedReader(await kb.reader(), readerKbReader(original.kb));
    const ids = original.entities.map((e) => e.id);
    expect(ids.some((e) => e.startsWith('new-'))).toBe(true);
    expect(ids.some((e) => !e.startsWith('new-'))).toBe(true);
    // From the records as asked for, then from memory once the layer has read the KB whole: the same cards.
    const cold = await Promise.all(ids.map((e) => layer.card(e)));
    await layer.loaded();
    for (const [i, e] of ids.entries()) {
      const expected = await entityCard(fromOld, e);
      expect(cold[i]).toEqual(expected);
      expect(await layer.card(e)).toEqual(expected);
    }
    const [kadri] = await layer.findByName('Kadri Saarepuu');
    expect((await layer.card(kadri!))?.reports.map((r) => r.headline)).toEqual(['Harbour board approves new ferry terminal for Tallinn', 'Tallinn terminal contract goes to local builder']);

    // The converted database goes on one report at a time.
    const { library: lib, derivedPieces } = await library(readerDb);
    await lib.importFiles([fixture('wind.md')]);
    expect(derivedPieces).toEqual([1]);
    expect(view(await getDerived(readerDb))).toEqual(view(deriveFromScratch(bundled, await listReaderReports(readerDb)).derived));
  });

  it('importing one report writes its own records and only the others that changed', async () => {
    const readerDb = await openReaderDb(`records-incr-${n++}`);
    opened.push(readerDb);
    const { library: lib } = await library(readerDb);
    await lib.importFiles([fixture('ferry.txt'), fixture('wind.md')]);
    const before = (await getDerived(readerDb))!;
    const { result, puts } = await recordingPuts(() => lib.importFiles([FOLLOW_UP]));
    expect(result).not.toBeInstanceOf(Error);
    const after = (await getDerived(readerDb))!;
    const added = (await listReaderReports(readerDb)).at(-1)!;
    expect(after.kb.reports.map((r) => r.id)).toEqual([...before.kb.reports.map((r) => r.id), added.id]);
    // The new report's record, and no other report's.
    expect((puts.get('kbReports') ?? []).map((r) => (r as { id: string }).id)).toEqual([added.id]);
    // Every other record written is new or differs from what was stored (an earlier report's claim whose support grew, an entity both name).
    for (const [store, key] of [
      ['kbClaims', 'claims'],
      ['kbCaveats', 'caveats'],
      ['kbEntities', 'entities'],
    ] as const) {
      const old = new Map(before.kb[key].map((x) => [x.id, JSON.stringify(x)]));
      const written = (puts.get(store) ?? []) as { id: string }[];
      for (const record of written) expect(old.get(record.id)).not.toBe(JSON.stringify(record));
      expect(written.length).toBeLessThan(after.kb[key].length);
    }
    // The follow-up names Kadri Saarepuu, whom the first report introduced: her record was written again, with both reports.
    const kadri = ((puts.get('kbEntities') ?? []) as { name: string; reports: { report: string }[] }[]).find((e) => e.name === 'Kadri Saarepuu');
    expect(kadri?.reports.map((r) => r.report)).toEqual([before.kb.reports[0]!.id, added.id]);
    // Unchanged records are not written, and yet the KB read back is the one a full derivation gives.
    expect(view(after)).toEqual(view(deriveFromScratch(bundled, await listReaderReports(readerDb)).derived));
  });

  it('a KB of 1,500 reports reads back as it was written, record for record', async () => {
    const readerDb = await openReaderDb(`records-large-${n++}`);
    opened.push(readerDb);
    const { library: lib } = await library(readerDb);
    await lib.importFiles([fixture('ferry.txt'), FOLLOW_UP, fixture('wind.md')]);
    const large = scaleReaderDerived((await getDerived(readerDb))!, 500);
    expect(large.kb.reports).toHaveLength(1500);
    await putDerived(readerDb, large);
    const back = await getDerived(readerDb);
    expect(view(back)).toEqual(view(large));
    expect(await readerDb.count('kbReports')).toBe(1500);
  });

  it('a full disk half-way through writing a change: a clear message, the previous KB whole, and the next import catches up', async () => {
    const id = n++;
    const readerDb = await openReaderDb(`records-quota-${id}`);
    opened.push(readerDb);
    const { library: lib } = await library(readerDb);
    await lib.importFiles([fixture('ferry.txt'), FOLLOW_UP]);
    const before = view(await getDerived(readerDb));
    const kb = await bundledService(id);
    const layer = createReaderLayer({ kb, openReaderDb: async () => readerDb, fetchBundle: async () => bundled });
    const [kadri] = await layer.findByName('Kadri Saarepuu');
    const cardBefore = await layer.card(kadri!);

    // The disk fills at the change's last write, after its piece and all its records were queued.
    const { result, puts } = await recordingPuts(() => lib.importFiles([fixture('wind.md')]), { store: 'derived', after: 0 });
    expect((puts.get('pieces') ?? []).length).toBe(1);
    expect((puts.get('kbReports') ?? []).length).toBe(1);
    expect((puts.get('kbClaims') ?? []).length).toBeGreaterThan(0);
    expect(result).toBeInstanceOf(ReaderStoreError);
    expect((result as ReaderStoreError).kind).toBe('quota');
    expect((result as Error).message).toMatch(/^The browser has no room left to store the names your reports add\. Your other reports are kept\./);

    // Nothing of the failed change's derivation was kept: the previous KB, whole, and its cards.
    expect(view(await getDerived(readerDb))).toEqual(before);
    expect(await readerDb.count('pieces')).toBe(2);
    expect(await layer.card(kadri!)).toEqual(cardBefore);
    // The report itself was stored before the derivation failed: the next change derives it too.
    await lib.importFiles([file('later.txt', 'Harbour strike ends\n\nPublished: 2026-05-01\n\nDockers in Tallinn ended their strike on Monday, the union said.\n')]);
    const reports = await listReaderReports(readerDb);
    expect(reports).toHaveLength(4);
    expect(view(await getDerived(readerDb))).toEqual(view(deriveFromScratch(bundled, reports).derived));
  });
});
