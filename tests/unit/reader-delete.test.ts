// Deleting a report from a large reader's KB without deriving it again
// (lib/reader-kb/remove.ts): what came only from the report goes (its claims,
// caveats, new names, the conflicts it took part in on both sides, its share
// of corroboration), and the KB means what a derivation from scratch of the
// remaining reports gives: records, cards, support, caveats and the page
// matcher's marks. A deletion whose effect reaches further (a later report
// named one of its new names) takes the full path, with the same result. The
// incremental paths are forced from the first report on (in use they start at
// APPEND_FROM reports).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { getDerived, listReaderReports, openReaderDb, type ReaderDatabase } from '../../lib/db/reader-store';
import { createReaderLayer } from '../../lib/reader-kb/background';
import { deriveFromScratch } from '../../lib/reader-kb/incremental';
import { applyReaderChange, maintainReaderKb } from '../../lib/reader-kb/library';
import { hydrateMatcher } from '../../lib/match/compile';
import { scan } from '../../lib/match/scan';
import type { PackedMatcher } from '../../lib/match/packed';
import { buildKbFromDisk } from '../../scripts/read-data';
import { fileLike as file, fixtureFile as fixture } from '../support/reader-files';
import { cards, meaning } from '../support/reader-meaning';
import { closedAfterEach, installedKb, textReportLibrary } from '../support/reader-setup';

const bundled = buildKbFromDisk();

const FERRY = fixture('ferry.txt');
const FOLLOW_UP = fixture('follow-up.txt', 'reader/incremental');
const DRONES = fixture('drones.txt', 'reader/incremental');
const WIND = fixture('wind.md');
// Restates the follow-up's claim and repeats one of its sentences (corroboration across reports), and introduces a name of its own (Anu Rebane).
const RESTATED = file(
  'restated.txt',
  `Builder wins Tallinn ferry terminal contract\n\nPublished: 2026-04-03\n\nKadri Saarepuu, the authority's spokeswoman, said work would start in June. Mart Kaskemaa, who heads the builders' union, said the contract would bring about 300 jobs to the port.\n\nAnu Rebane, a harbour pilot, said the new terminal was overdue.\n`,
);

let n = 0;
const opened = closedAfterEach();

async function setup() {
  const id = n++;
  const readerDb = await openReaderDb(`reader-delete-${id}`);
  opened.push(readerDb);
  const paths: string[] = [];
  const library = textReportLibrary(readerDb, bundled, async (change) => {
    const result = await applyReaderChange(readerDb, bundled, change, { appendFrom: 1 });
    paths.push(result?.removedIncrementally ? `removed ${result.removedIncrementally}${result.full ? '+full' : ''}` : result?.appended ? 'append' : 'full');
  }, 1);
  const kb = await installedKb(`bundled-delete-${id}`, bundled, opened);
  const importAll = async (files: typeof FERRY[]) => {
    for (const f of files) expect((await library.importFiles([f])).outcomes[0]!.status).toBe('added');
  };
  return { readerDb, library, kb, paths, importAll };
}

async function scratch(readerDb: ReaderDatabase) {
  return deriveFromScratch(bundled, await listReaderReports(readerDb)).derived;
}

const TEXT = 'Anu Rebane met Kadri Saarepuu and Mart Kaskemaa in Tallinn; Vladimir Putin was not there. Anu Rebane’s view, KADRI SAAREPUU said of the drones in Ukraine.';
function marks(compiled: PackedMatcher) {
  const m = hydrateMatcher(compiled);
  return scan(m, TEXT).map((x) => [TEXT.slice(x.start, x.end), [...m.alias(x.alias).entityIds].sort()]);
}

describe('deleting a report from a large reader’s KB', { timeout: 120_000 }, () => {
  it('takes out what came only from it: the KB, cards, support and page marks are those of the remaining reports derived from scratch', async () => {
    const { library, readerDb, kb, paths, importAll } = await setup();
    await importAll([FERRY, FOLLOW_UP, DRONES, RESTATED, WIND]);
    const reports = await listReaderReports(readerDb);
    const restated = reports[3]!;
    const before = (await getDerived(readerDb))!;
    // Before: the follow-up's sentence the restated report repeats counts two reports, and Anu Rebane is known.
    const repeated = before.kb.claims.find((c) => c.report === reports[1]!.id && c.support.reports === 2);
    expect(repeated).toBeDefined();
    expect(before.kb.entities.some((e) => e.name === 'Anu Rebane')).toBe(true);
    expect(marks(before.compiled).map(([t]) => t)).toContain('Anu Rebane');

    await library.deleteReports([restated.id]);
    expect(paths.at(-1)).toBe('removed 1');
    const expected = await scratch(readerDb);
    const stored = (await getDerived(readerDb))!;
    expect(meaning(stored)).toEqual(meaning(expected));
    // What the reader sees: its name, claims and corroboration are gone.
    expect(stored.kb.entities.some((e) => e.name === 'Anu Rebane')).toBe(false);
    expect(stored.kb.claims.some((c) => c.report === restated.id)).toBe(false);
    expect(stored.kb.claims.find((c) => c.id === repeated!.id)?.support.reports).toBe(1);
    await cards(readerDb, kb, bundled, expected);
    // The page matcher no longer marks its name, as the background serves it and as stored.
    const layer = createReaderLayer({ kb, openReaderDb: async () => readerDb, fetchBundle: async () => bundled });
    const served = (await layer.matcher())!.compiled;
    expect(marks(served)).toEqual(marks(expected.compiled));
    expect(marks(served).map(([t]) => t)).not.toContain('Anu Rebane');
    expect(marks(stored.compiled)).toEqual(marks(expected.compiled));
  });

  it('a conflict it created on a bundled report goes with it, on both sides', async () => {
    const { library, readerDb, kb, paths, importAll } = await setup();
    await importAll([FERRY, DRONES, WIND]);
    const drones = (await listReaderReports(readerDb))[1]!;
    const conflicts = (await getDerived(readerDb))!.kb.caveats.filter((c) => c.kind === 'conflict');
    expect(conflicts.some((c) => c.report === drones.id)).toBe(true);
    expect(conflicts.some((c) => c.report !== drones.id && c.related.some((r) => r.report === drones.id))).toBe(true);

    await library.deleteReports([drones.id]);
    expect(paths.at(-1)).toBe('removed 1');
    const stored = (await getDerived(readerDb))!;
    expect(stored.kb.caveats.some((c) => c.report === drones.id || c.related.some((r) => r.report === drones.id))).toBe(false);
    const expected = await scratch(readerDb);
    expect(meaning(stored)).toEqual(meaning(expected));
    await cards(readerDb, kb, bundled, expected);
  });

  it('a report whose new names a later report named takes the full path, with the same result', async () => {
    const { library, readerDb, paths, importAll } = await setup();
    await importAll([FERRY, FOLLOW_UP, RESTATED]);
    const ferry = (await listReaderReports(readerDb))[0]!;
    await library.deleteReports([ferry.id]);
    expect(paths.at(-1)).toBe('full');
    expect(meaning(await getDerived(readerDb))).toEqual(meaning(await scratch(readerDb)));
  });

  it('after deletions the KB grows and is compacted as before: a deleted report imported again, the index delta folded, the matcher compiled whole', async () => {
    const { library, readerDb, paths, importAll } = await setup();
    await importAll([FERRY, FOLLOW_UP, DRONES, RESTATED, WIND]);
    const reports = await listReaderReports(readerDb);
    // Two at once: each taken out on its own.
    await library.deleteReports([reports[3]!.id, reports[2]!.id]);
    expect(paths.at(-1)).toBe('removed 2');
    expect(meaning(await getDerived(readerDb))).toEqual(meaning(await scratch(readerDb)));
    // Imported again: appended, its names (the same ids) back in the index and on the page.
    await importAll([RESTATED]);
    expect(paths.at(-1)).toBe('append');
    const expected = await scratch(readerDb);
    const stored = (await getDerived(readerDb))!;
    expect(meaning(stored)).toEqual(meaning(expected));
    expect(marks(stored.compiled)).toEqual(marks(expected.compiled));
    expect(marks(stored.compiled).map(([t]) => t)).toContain('Anu Rebane');
    // The upkeep: the delta folded into the index, then the matcher compiled whole; the same KB.
    expect(await maintainReaderKb(readerDb, bundled, { compactAfter: Infinity, appendFrom: 1, foldAt: 1 })).toMatchObject({ folded: true });
    expect(meaning(await getDerived(readerDb))).toEqual(meaning(expected));
    expect(await maintainReaderKb(readerDb, bundled, { compactAfter: 1, appendFrom: 1 })).toMatchObject({ compiled: true });
    expect(JSON.stringify((await getDerived(readerDb))!.compiled)).toBe(JSON.stringify(expected.compiled));
  });
});
