// The reader's KB written one report at a time (lib/reader-kb/incremental.ts),
// through the options page's library on fake-indexeddb: an import derives only
// the new reports and gives the same KB as deriving everything at once; a
// delete re-derives only what depended on the deleted report; across the
// bundled and the reader's reports, a repeated source counts once and a
// contradiction is a caveat on both sides.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { getDerived, openReaderDb } from '../../lib/db/reader-store';
import type { KbDocument } from '../../lib/kb/document';
import { createReaderLayer } from '../../lib/reader-kb/background';
import { deriveFromScratch } from '../../lib/reader-kb/incremental';
import { applyReaderChange } from '../../lib/reader-kb/library';
import type { ReaderDerived } from '../../lib/reader-kb/pipeline';
import { closedAfterEach, installedKb, textReportLibrary } from '../support/reader-setup';
import { buildKbFromDisk } from '../../scripts/read-data';
import { fixtureFile } from '../support/reader-files';

const bundled = buildKbFromDisk();

const fixture = fixtureFile;

// A second report that names the first one's new person, and a new one of its own.
const FOLLOW_UP = fixture('follow-up.txt', 'reader/incremental');

// Contradicts bundled report 002 ("the Russian military has not yet deployed Chinese drones in Ukraine").
const DRONES = fixture('drones.txt', 'reader/incremental');

// Republishes the same original as bundled report 003 (Swarajya), in other words.
const REPUBLISHED = fixture('republished.txt', 'reader/incremental');

let n = 0;
const opened = closedAfterEach();

async function setup() {
  const id = n++;
  const readerDb = await openReaderDb(`reader-incr-${id}`);
  opened.push(readerDb);
  /** The pieces each change derived. */
  const derivedPieces: string[][] = [];
  const library = textReportLibrary(readerDb, bundled, async (change) => {
    const result = await applyReaderChange(readerDb, bundled, change);
    derivedPieces.push(result?.changed.map((p) => p.kb.reports[0]!.headline) ?? []);
  });
  const kb = await installedKb(`bundled-incr-${id}`, bundled, opened);
  const layer = createReaderLayer({ kb, openReaderDb: async () => readerDb, fetchBundle: async () => bundled });
  return { readerDb, library, layer, derivedPieces };
}

/** What a reader sees of a KB: reports, entities with their aliases, reports and support, claims, caveats, and the page matcher. */
function view(d: ReaderDerived | null) {
  if (!d) return null;
  const kb: Pick<KbDocument, 'reports' | 'entities' | 'claims' | 'caveats'> = d.kb;
  return {
    reports: kb.reports.map((r) => [r.id, r.headline]),
    entities: kb.entities.map((e) => ({ id: e.id, name: e.name, aliases: e.aliases.map((a) => [a.text, a.mentions, a.reports]), reports: e.reports, support: e.support, caveats: e.caveats, facts: e.facts })),
    claims: kb.claims.map((c) => [c.id, c.text, c.support]),
    caveats: kb.caveats.map((c) => [c.id, c.kind, c.report, c.quote, c.explanation]),
    entitiesList: d.entities,
    matcher: JSON.stringify(d.compiled),
  };
}

describe('the reader’s KB, one report at a time', { timeout: 120_000 }, () => {
  it('importing reports one by one derives only each new report and gives the KB a full derivation gives', async () => {
    const { library, readerDb, derivedPieces } = await setup();
    for (const f of [fixture('ferry.txt'), FOLLOW_UP, fixture('wind.md')]) await library.importFiles([f]);
    // Each import ran the pipeline on its own report only.
    expect(derivedPieces).toEqual([['Harbour board approves new ferry terminal for Tallinn'], ['Tallinn terminal contract goes to local builder'], [expect.any(String)]]);
    const { reports } = await library.list();
    const scratch = deriveFromScratch(bundled, reports);
    expect(view(await getDerived(readerDb))).toEqual(view(scratch.derived));
    // The follow-up's mentions of Kadri Saarepuu are linked to the entity the first report introduced.
    const kadri = scratch.derived.kb.entities.find((e) => e.name === 'Kadri Saarepuu')!;
    expect(kadri.reports.map((r) => r.report)).toEqual(reports.slice(0, 2).map((r) => r.id));
  });

  it('deleting a report removes what came only from it and re-derives only the reports that named its new names', async () => {
    const { library, readerDb, derivedPieces, layer } = await setup();
    await library.importFiles([fixture('ferry.txt'), FOLLOW_UP, fixture('wind.md')]);
    const before = (await library.list()).reports;
    derivedPieces.length = 0;
    await library.deleteReports([before[0]!.id]);
    // Only the follow-up named Kadri Saarepuu (introduced by the deleted report): it alone was derived again.
    expect(derivedPieces).toEqual([['Tallinn terminal contract goes to local builder']]);
    const after = (await library.list()).reports;
    expect(after.map((r) => r.id)).toEqual([before[1]!.id, before[2]!.id]);
    expect(view(await getDerived(readerDb))).toEqual(view(deriveFromScratch(bundled, after).derived));
    // The deleted report's own caveats and claims are gone; the follow-up still names Kadri Saarepuu, now on its own.
    const derived = (await getDerived(readerDb))!;
    expect(derived.kb.claims.some((c) => c.report === before[0]!.id)).toBe(false);
    expect(derived.kb.caveats.some((c) => c.report === before[0]!.id || c.related.some((r) => r.report === before[0]!.id))).toBe(false);
    const [kadri] = await layer.findByName('Kadri Saarepuu');
    expect((await layer.card(kadri!))?.reports.map((r) => r.headline)).toEqual(['Tallinn terminal contract goes to local builder']);
  });

  it('a saved report contradicting a bundled one: the conflict caveat on both sides, the bundled side naming the saved report by its title', async () => {
    const { library, layer } = await setup();
    const { outcomes } = await library.importFiles([DRONES]);
    expect(outcomes[0]!.status).toBe('added');
    const mine = (await library.list()).reports[0]!;
    // The reader's side: the saved report's sentence, set against the bundled report's.
    const readerSide = (await layer.readerReportView(mine.id))!.caveats.find((c) => c.kind === 'conflict');
    expect(readerSide?.quote).toBe('Russian troops have used Chinese drones in Ukraine for months');
    expect(readerSide?.explanation).toContain('“the Russian military has not yet deployed Chinese drones in Ukraine”');
    // The bundled side, on the card of a bundled entity: report 002's sentence, now also set against the saved report, named by its title.
    const china = await layer.card('china');
    const conflicts = china!.caveats.filter((c) => c.kind === 'conflict' && c.quote === 'the Russian military has not yet deployed Chinese drones in Ukraine');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.explanation).toContain('your report “Officials say Chinese drones are in use at the front” (2026-03-20');
    // It still names the bundled report it conflicted with before.
    expect(conflicts[0]!.explanation).toContain('report 000');
    // Bundled alone, no caveat mentions the saved report.
    const alone = bundled.caveats.filter((c) => c.explanation.includes('Officials say'));
    expect(alone).toEqual([]);
  });

  it('a saved report republishing the same original as a bundled one adds a report, not an independent source', async () => {
    const { library, layer } = await setup();
    const { outcomes } = await library.importFiles([REPUBLISHED]);
    expect(outcomes[0]!.status).toBe('added');
    const xi = bundled.entities.find((e) => e.id === 'xi-jinping')!;
    const card = await layer.card('xi-jinping');
    expect(card?.reports.length).toBe(xi.reports.length + 1);
    // Report 003 and the saved report are one original text (Swarajya's): counted once.
    expect(card?.support?.independentSources).toBe(xi.support.independentSources);
    expect(card?.support?.reports).toBe(xi.support.reports + 1);
  });
});
