// A large reader's KB grows one report at a time without being put together
// again (lib/reader-kb/append.ts): importing reports one by one through the
// append path gives the cards, caveats and corroboration a derivation from
// scratch gives; a report whose effect reaches further (one republishing a
// bundled report) takes the full path; deleting a report afterwards still
// removes what came only from it. The append path is forced here from the
// second report on (in use it starts at APPEND_FROM reports).
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { getDerived, listReaderReports, openReaderDb, ReaderStoreError } from '../../lib/db/reader-store';
import { createReaderLayer } from '../../lib/reader-kb/background';
import { deriveFromScratch } from '../../lib/reader-kb/incremental';
import { applyReaderChange, createReaderLibrary, maintainReaderKb } from '../../lib/reader-kb/library';
import { hydrateMatcher } from '../../lib/match/compile';
import { scan } from '../../lib/match/scan';
import { closedAfterEach, installedKb, textReportLibrary } from '../support/reader-setup';
import { cards, meaning } from '../support/reader-meaning';
import { buildKbFromDisk } from '../../scripts/read-data';
import { fileLike as file, fixtureFile as fixture } from '../support/reader-files';

const bundled = buildKbFromDisk();

const FOLLOW_UP = fixture('follow-up.txt', 'reader/incremental');
// Restates the follow-up's claim in nearly the same words, and repeats one sentence of it exactly: corroboration across reports.
const RESTATED = file(
  'restated.txt',
  `Builder wins Tallinn ferry terminal contract\n\nPublished: 2026-04-03\n\nKadri Saarepuu, the authority's spokeswoman, said work would start in June. Mart Kaskemaa, who heads the builders' union, said the contract would bring about 300 jobs to the port.\n\nAnu Rebane, a harbour pilot, said the new terminal was overdue.\n`,
);
const DRONES = fixture('drones.txt', 'reader/incremental');
const REPUBLISHED = fixture('republished.txt', 'reader/incremental');

let n = 0;
const opened = closedAfterEach();

async function setup() {
  const id = n++;
  const readerDb = await openReaderDb(`reader-append-${id}`);
  opened.push(readerDb);
  const paths: string[] = [];
  const library = textReportLibrary(readerDb, bundled, async (change) => {
    const result = await applyReaderChange(readerDb, bundled, change, { appendFrom: 1 });
    paths.push(result?.appended ? 'append' : 'full');
  });
  const kb = await installedKb(`bundled-append-${id}`, bundled, opened);
  return { readerDb, library, kb, paths };
}

describe('a large reader’s KB, appended to one report at a time', { timeout: 120_000 }, () => {
  it('reports imported one by one through the append path mean what a derivation from scratch gives: records, cards, support, caveats', async () => {
    const { library, readerDb, kb, paths } = await setup();
    for (const f of [fixture('ferry.txt'), FOLLOW_UP, DRONES, RESTATED, fixture('wind.md')]) {
      const { outcomes } = await library.importFiles([f]);
      expect(outcomes[0]!.status).toBe('added');
    }
    // The first report makes the KB; every later one is appended.
    expect(paths).toEqual(['full', 'append', 'append', 'append', 'append']);
    const reports = await listReaderReports(readerDb);
    const scratch = deriveFromScratch(bundled, reports).derived;
    const stored = (await getDerived(readerDb))!;
    expect(meaning(stored)).toEqual(meaning(scratch));
    // Corroboration across the reader's reports: the restated report's sentence counts two reports.
    const restated = stored.kb.claims.find((c) => c.report === reports[3]!.id && c.text.startsWith('Kadri Saarepuu'));
    expect(restated?.support.reports).toBe(2);
    // The conflict with a bundled report, on both sides.
    expect(stored.kb.caveats.some((c) => c.kind === 'conflict' && c.report === reports[2]!.id)).toBe(true);
    await cards(readerDb, kb, bundled, scratch);
  });

  it('the page matcher with the appended names marks what a matcher compiled whole marks', async () => {
    const { library, readerDb, paths, kb } = await setup();
    for (const f of [fixture('ferry.txt'), FOLLOW_UP, RESTATED]) await library.importFiles([f]);
    const stored = (await getDerived(readerDb))!;
    const scratch = deriveFromScratch(bundled, await listReaderReports(readerDb)).derived;
    const text = 'Anu Rebane met Kadri Saarepuu and Mart Kaskemaa in Tallinn; Vladimir Putin was not there. Anu Rebane’s view, KADRI SAAREPUU said.';
    const marks = (m: ReturnType<typeof hydrateMatcher>) => scan(m, text).map((x) => [x.start, x.end, [...m.alias(x.alias).entityIds].sort()]);
    expect(marks(hydrateMatcher(stored.compiled))).toEqual(marks(hydrateMatcher(scratch.compiled)));
    expect(marks(hydrateMatcher(stored.compiled)).map(([s, e]) => text.slice(s as number, e as number))).toContain('Anu Rebane');
    // What the background sends pages: the stored matcher with the appended names inserted.
    const layer = createReaderLayer({ kb, openReaderDb: async () => readerDb, fetchBundle: async () => bundled });
    const served = await layer.matcher();
    expect(marks(hydrateMatcher(served!.compiled))).toEqual(marks(hydrateMatcher(scratch.compiled)));
    // The upkeep after enough appended names compiles the matcher whole (the linker's data recounted over every report), and builds the lookups again.
    expect(await maintainReaderKb(readerDb, bundled, { compactAfter: 1, appendFrom: 1 })).toEqual({ compiled: true, prepared: true, folded: false });
    expect(JSON.stringify((await getDerived(readerDb))!.compiled)).toBe(JSON.stringify(scratch.compiled));
    expect(await maintainReaderKb(readerDb, bundled, { compactAfter: 1, appendFrom: 1 })).toEqual({ compiled: false, prepared: true, folded: false });
    await library.importFiles([fixture('wind.md')]);
    expect(paths.at(-1)).toBe('append');
    // The appended report's index entries, folded into the index, read back as the same KB.
    const withDelta = meaning(await getDerived(readerDb));
    expect(await readerDb.get('derived', 'index-delta')).toBeDefined();
    expect(await maintainReaderKb(readerDb, bundled, { compactAfter: Infinity, appendFrom: 1, foldAt: 1 })).toEqual({ compiled: false, prepared: true, folded: true });
    expect(await readerDb.get('derived', 'index-delta')).toBeUndefined();
    expect(meaning(await getDerived(readerDb))).toEqual(withDelta);
    expect(withDelta).toEqual(meaning(deriveFromScratch(bundled, await listReaderReports(readerDb)).derived));
  });

  it('a report republishing a bundled one takes the full path; a delete afterwards removes what came only from the deleted report', async () => {
    const { library, readerDb, paths } = await setup();
    for (const f of [fixture('ferry.txt'), FOLLOW_UP, REPUBLISHED, RESTATED]) await library.importFiles([f]);
    expect(paths).toEqual(['full', 'append', 'full', 'append']);
    const before = await listReaderReports(readerDb);
    expect(meaning(await getDerived(readerDb))).toEqual(meaning(deriveFromScratch(bundled, before).derived));
    await library.deleteReports([before[0]!.id]);
    const after = await listReaderReports(readerDb);
    const stored = (await getDerived(readerDb))!;
    expect(meaning(stored)).toEqual(meaning(deriveFromScratch(bundled, after).derived));
    expect(stored.kb.claims.some((c) => c.report === before[0]!.id)).toBe(false);
    // And the next report is appended again.
    await library.importFiles([fixture('wind.md')]);
    expect(paths.at(-1)).toBe('append');
    expect(meaning(await getDerived(readerDb))).toEqual(meaning(deriveFromScratch(bundled, await listReaderReports(readerDb)).derived));
  });

  it('a version 3 database opens as version 4 and is appended to: the lookups are built from its records at the first append', async () => {
    const id = n++;
    // A reader's KB made with today's code on the full path, then copied into a database of version 3's layout.
    const source = await openReaderDb(`reader-append-src-${id}`);
    opened.push(source);
    const full = createReaderLibrary({ db: source, bundled: async () => bundled, parseHtml: () => { throw new Error('no HTML here'); }, derive: (change) => applyReaderChange(source, bundled, change, { appendFrom: Infinity }) });
    for (const f of [fixture('ferry.txt'), FOLLOW_UP]) await full.importFiles([f]);
    const stores = ['reports', 'derived', 'meta', 'pieces', 'sketches', 'kbReports', 'kbEntities', 'kbClaims', 'kbCaveats', 'kbNames'] as const;
    const v3 = await openDB(`reader-append-v3-${id}`, 3, {
      upgrade(db) {
        for (const store of ['reports', 'pieces', 'sketches', 'kbReports', 'kbEntities', 'kbClaims'] as const) db.createObjectStore(store, { keyPath: 'id' });
        db.createObjectStore('derived', { keyPath: 'key' });
        db.createObjectStore('meta', { keyPath: 'key' });
        db.createObjectStore('kbCaveats', { keyPath: 'id' }).createIndex('report', 'report');
        db.createObjectStore('kbNames', { keyPath: 'name' });
      },
    });
    for (const store of stores) for (const row of await source.getAll(store)) await v3.put(store, row);
    v3.close();

    const readerDb = await openReaderDb(`reader-append-v3-${id}`);
    opened.push(readerDb);
    expect(readerDb.version).toBe(4);
    expect(await readerDb.count('registry')).toBe(0);
    expect(await readerDb.count('claimKeys')).toBe(0);
    let appended = 0;
    const lib = createReaderLibrary({ db: readerDb, bundled: async () => bundled, parseHtml: () => { throw new Error('no HTML here'); }, derive: async (change) => void (appended += (await applyReaderChange(readerDb, bundled, change, { appendFrom: 1 }))?.appended ?? 0) });
    await lib.importFiles([RESTATED]);
    expect(appended).toBe(1);
    expect(await readerDb.count('registry')).toBeGreaterThan(0);
    expect(await readerDb.count('claimKeys')).toBeGreaterThan(0);
    expect(meaning(await getDerived(readerDb))).toEqual(meaning(deriveFromScratch(bundled, await listReaderReports(readerDb)).derived));
  });

  it('a full disk during an append: a clear message, the previous KB whole, and the next import derives both reports', async () => {
    const { library, readerDb, paths } = await setup();
    for (const f of [fixture('ferry.txt'), FOLLOW_UP]) await library.importFiles([f]);
    const before = meaning(await getDerived(readerDb));
    const proto = globalThis.IDBObjectStore.prototype;
    const put = proto.put;
    proto.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if (this.name === 'derived') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.call(this, value, key);
    };
    let error: unknown = null;
    try {
      await library.importFiles([RESTATED]);
    } catch (e) {
      error = e;
    } finally {
      proto.put = put;
    }
    expect(error).toBeInstanceOf(ReaderStoreError);
    expect((error as Error).message).toMatch(/^The browser has no room left to store the names your reports add\. Your other reports are kept\./);
    expect(meaning(await getDerived(readerDb))).toEqual(before);
    // The report was stored before its derivation failed: the next import takes the full path and derives it too.
    await library.importFiles([fixture('wind.md')]);
    expect(paths.at(-1)).toBe('full');
    const reports = await listReaderReports(readerDb);
    expect(reports).toHaveLength(4);
    expect(meaning(await getDerived(readerDb))).toEqual(meaning(deriveFromScratch(bundled, reports).derived));
  });
});
