// `npm run bench -- --only reader`: the reader's scale (issue #18). A page
// matcher of 100,000 aliases (the real KB plus synthetic entities with the
// linker's data filled in, scripts/bench/reader-gen.ts) in its packed form
// (lib/match/packed.ts), as a content script receives it:
// - matcher_hydrate_ms_100k: JSON.parse of the message text + hydrateMatcher,
//   on a fresh page each time (cold, as every page pays it), median of 3;
//   the JSON form of today's CompiledMatcher beside it for comparison;
// - scan_vs_floor_100k / scan_vs_floor_10k_reader: the full read of a 1 MB
//   page (scan, link, highlight) over the bare TreeWalker walk, 10k and 100k
//   alias matchers with the same linker data, interleaved reps;
// - content_script_heap_mb_100k: JS heap the page gains by loading the 100k
//   matcher and reading the page once.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { KbDocument } from '../../lib/kb/document';
import { packMatcher } from '../../lib/match/packed';
import type { BenchApi } from './page-entry';
import { generatePage } from './gen';
import { contentHash } from '../../lib/kb/text';
import { deriveFromScratch } from '../../lib/reader-kb/incremental';
import { claimKeysOf } from '../../lib/reader-kb/append';
import type { PackReport } from '../../lib/reader-kb/pack';
import { readerScaleMatcher, scaleReaderDerived, syntheticReaderReports } from './reader-gen';
import { bundleIife, median } from './util';
import { ROOT, type StaticServer } from '../chromium';

type Api<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => R : never };
function call<K extends keyof BenchApi>(page: Page, method: K, ...args: Parameters<Api<BenchApi>[K]>): Promise<Awaited<ReturnType<Api<BenchApi>[K]>>> {
  return page.evaluate(`window.__bench[${JSON.stringify(method)}](...${JSON.stringify(args)})`) as Promise<Awaited<ReturnType<Api<BenchApi>[K]>>>;
}

export interface ReaderMatcherResult {
  aliases: { '10k': number; '100k': number };
  packedBytes: number;
  jsonBytes: number;
  hydrate: { parseMs: number; hydrateMs: number }[];
  hydrateJson: { parseMs: number; hydrateMs: number } | null;
  hydrateJsonAll: { parseMs: number; hydrateMs: number }[];
  matcher_hydrate_ms_100k: number;
  matcher_hydrate_ms_100k_json: number;
  scan: { floorMs: number; ms10k: number; ms100k: number; ratio10k: number; ratio100k: number; mentions10k: number; mentions100k: number; reps: number };
  content_script_heap_mb_100k: number;
}

export async function readerMatcherSection(
  browser: Browser,
  server: StaticServer,
  dir: string,
  kb: KbDocument,
  opts: { smoke: boolean; reps: number; bundle: string },
  log: (s: string) => void,
): Promise<ReaderMatcherResult> {
  const big = opts.smoke ? 10_000 : 100_000;
  const small = opts.smoke ? 1_000 : 10_000;
  const t0 = performance.now();
  const c100 = readerScaleMatcher(kb, big);
  const c10 = readerScaleMatcher(kb, small);
  const packed100 = JSON.stringify(packMatcher(c100));
  const json100 = JSON.stringify(c100);
  writeFileSync(join(dir, 'reader-p100k.json'), packed100);
  writeFileSync(join(dir, 'reader-j100k.json'), json100);
  writeFileSync(join(dir, 'reader-p10k.json'), JSON.stringify(packMatcher(c10)));
  // Mentions of entities both matchers know (the synthetic entities are a common prefix), and of the real KB.
  const pool = c10.aliasText.filter((t, a) => typeof c10.aliasEntities[a] === 'number' && /^[A-Z][a-z]+(?: [A-Z][a-z]+)+$/.test(t)).slice(0, 2000);
  const gen = generatePage({ chars: opts.smoke ? 100 * 1024 : 1024 * 1024, synthetic: pool, real: [], density: 600, seed: 18 });
  writeFileSync(join(dir, 'reader-page.html'), gen.html);
  log(`reader: matchers of ${c10.aliasText.length} and ${c100.aliasText.length} aliases built in ${((performance.now() - t0) / 1000).toFixed(1)} s; packed ${(packed100.length / 1e6).toFixed(1)} MB vs JSON ${(json100.length / 1e6).toFixed(1)} MB`);

  const open = async (file: string) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url}/${file}`, { waitUntil: 'load', timeout: 180_000 });
    await page.addScriptTag({ content: opts.bundle });
    await call(page, 'setup');
    return page;
  };

  // Cold hydrate: a fresh browser context (its own renderer, so no code warmed by an earlier load) per load,
  // as each page's content script pays it; packed and JSON forms interleaved, 3 each.
  const hydrate: { parseMs: number; hydrateMs: number }[] = [];
  const json: { parseMs: number; hydrateMs: number }[] = [];
  for (let i = 0; i < 6; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/blank.html`);
    await page.addScriptTag({ content: opts.bundle });
    await call(page, 'setup');
    const packed = i % 2 === 0;
    const r = await call(page, 'loadMatcher', packed ? 'p100k' : 'j100k', packed ? '/reader-p100k.json' : '/reader-j100k.json', null);
    (packed ? hydrate : json).push({ parseMs: r.parseMs, hydrateMs: r.hydrateMs });
    await context.close();
  }
  const hydrateMs = median(hydrate.map((h) => h.parseMs + h.hydrateMs));
  const jsonMs = median(json.map((h) => h.parseMs + h.hydrateMs));
  const hydrateJson = json[json.length - 1]!;
  log(`reader: hydrate ${big} aliases (parse + hydrate, cold), packed ${hydrate.map((h) => `${h.parseMs.toFixed(1)} + ${h.hydrateMs.toFixed(1)}`).join(', ')} ms; JSON form ${json.map((h) => `${h.parseMs.toFixed(1)} + ${h.hydrateMs.toFixed(1)}`).join(', ')} ms`);

  // Heap: the page before and after loading the 100k matcher and reading the page once.
  const page = await open('reader-page.html');
  const cdp = await page.context().newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
  };
  await call(page, 'floor');
  const before = await heap();
  await call(page, 'loadMatcher', 'p100k', '/reader-p100k.json', null);
  await call(page, 'ours', 'p100k');
  const heapMb = ((await heap()) - before) / 1024 / 1024;
  await call(page, 'loadMatcher', 'p10k', '/reader-p10k.json', null);

  // Scan: interleaved reps, order rotated.
  for (const name of ['p10k', 'p100k']) await call(page, 'ours', name);
  const reps = Math.max(3, opts.reps);
  const ops = ['floor', 'p10k', 'p100k'];
  const ms: Record<string, number[]> = { floor: [], p10k: [], p100k: [] };
  const ratio: Record<string, number[]> = { p10k: [], p100k: [] };
  const mentions: Record<string, number> = {};
  for (let rep = 0; rep < reps; rep++) {
    const one: Record<string, number> = {};
    for (const op of ops.map((_, i) => ops[(i + rep) % ops.length]!)) {
      if (op === 'floor') one.floor = (await call(page, 'floor')).ms;
      else {
        const r = await call(page, 'ours', op);
        one[op] = r.ms;
        mentions[op] = r.mentions;
      }
    }
    for (const k of ops) ms[k]!.push(one[k]!);
    ratio.p10k!.push(one.p10k! / one.floor!);
    ratio.p100k!.push(one.p100k! / one.floor!);
  }
  await page.close();
  const scan = {
    floorMs: median(ms.floor!),
    ms10k: median(ms.p10k!),
    ms100k: median(ms.p100k!),
    ratio10k: median(ratio.p10k!),
    ratio100k: median(ratio.p100k!),
    mentions10k: mentions.p10k!,
    mentions100k: mentions.p100k!,
    reps,
  };
  log(`reader: 1 MB page, floor ${scan.floorMs.toFixed(1)} ms, ${small} aliases ${scan.ms10k.toFixed(1)} ms (${scan.ratio10k.toFixed(2)}×), ${big} aliases ${scan.ms100k.toFixed(1)} ms (${scan.ratio100k.toFixed(2)}×); heap +${heapMb.toFixed(1)} MB`);
  return {
    aliases: { '10k': c10.aliasText.length, '100k': c100.aliasText.length },
    packedBytes: packed100.length,
    jsonBytes: json100.length,
    hydrate,
    hydrateJson,
    hydrateJsonAll: json,
    matcher_hydrate_ms_100k: hydrateMs,
    matcher_hydrate_ms_100k_json: jsonMs,
    scan,
    content_script_heap_mb_100k: heapMb,
  };
}

export interface ReaderKbResult {
  import: { reports: number; perReportMs: number[]; outcomes: string[]; entities: number; longTasks: number[] };
  import_ms_per_report: number;
  long_tasks_during_import: number;
  lookup: { reports: number; entities: number; storeMs: number; loadMs: number; coldMs: number; inMemoryMs: number; p50: number; p95: number; lookups: number };
  lookup_ms_p95_10k_reports: number;
  /** Reading the stored reader's KB of 10,000 reports back whole from IndexedDB (its records, in one read transaction: the side panel's search index). */
  reader_kb_load_ms_10k_reports: number;
  atScale: {
    reports: number;
    entities: number;
    seedMs: number;
    assembleMs: number;
    storeMs: number;
    indexMs: number;
    perReport: number[];
    outcomes: string[];
    changed: number[];
    deriveMs: number[];
    appended: number[];
    stored: { reports: number; pieces: number; records: number };
    phraseLookup: { records: number; keys: number; mb: number; ids: number };
    deleteMs: number[];
    deleteDerive: { ms: number[]; removed: number[]; fullPath: string[] };
    /** One more deletion through the full path (NaN in a smoke run). */
    fullDeleteMs: number;
  };
  /** Median time to import one report into a reader's KB that already holds 10,000 reports. */
  import_ms_per_report_at_10k: number;
  /** Median of 3: deleting one report (from the options page's library, the worker's part included) from a reader's KB of 10,000 reports. */
  delete_ms_per_report_at_10k: number;
  /** One deletion through the full path in the same run (what a deletion cost before lib/reader-kb/remove.ts). */
  delete_ms_full_path_at_10k: number;
  /** Records of the corroboration lookup (`claimKeys`: repeat keys and 3-word phrases → claims) in that KB, and their JSON size. */
  reader_phrase_lookup_records_10k: number;
  reader_phrase_lookup_mb_10k: number;
  /** Keys in those records (one record per key before the lookup was bucketed). */
  reader_phrase_lookup_keys_10k: number;
  /** Distinct corroboration keys per report of the bundled (real) reports: the bench's copies share theirs, 10,000 distinct reports would not. */
  reader_phrase_keys_per_report_real: number;
}

/**
 * The reader's KB at work in Chromium (scripts/bench/reader-kb-entry.ts):
 * - import_ms_per_report: 50 synthetic reports (scripts/bench/reader-gen.ts)
 *   imported one at a time through the options page's library with the
 *   pipeline in a worker; median per report; long tasks on the page meanwhile;
 * - lookup_ms_p95_10k_reports: card lookups through the background's merged
 *   reader over a reader's KB of 10,000 reports (the 50 derived for real,
 *   copied 200 times with their own ids), stored in the reader's database,
 *   p95 after the first (cold) lookup; reader_kb_load_ms_10k_reports: reading
 *   that KB back from IndexedDB;
 * - import_ms_per_report_at_10k: 3 more reports imported one at a time into a
 *   reader's database already holding 10,000 reports (the 50's pieces copied
 *   200 times), median per report;
 * - delete_ms_per_report_at_10k: then 3 reports from the middle of that KB
 *   deleted one at a time through the library (lib/reader-kb/remove.ts in the
 *   worker), median; reader_phrase_lookup_records_10k / _mb_10k: the size of
 *   its corroboration lookup (`claimKeys`).
 */
export async function readerKbSection(browser: Browser, server: StaticServer, dir: string, kb: KbDocument, opts: { smoke: boolean }, log: (s: string) => void): Promise<ReaderKbResult> {
  const count = opts.smoke ? 10 : 50;
  const factor = opts.smoke ? 20 : 200;
  const lookups = opts.smoke ? 100 : 1000;
  const files = syntheticReaderReports(count);
  writeFileSync(join(dir, 'reader-bundled.json'), JSON.stringify(kb));
  const entry = await bundleIife(join(ROOT, 'scripts/bench/reader-kb-entry.ts'));
  const workerCode = await bundleIife(join(ROOT, 'lib/reader-kb/derive-worker.ts'));
  const page = await browser.newPage();
  await page.goto(`${server.url}/blank.html`);
  await page.addScriptTag({ content: entry });
  const imp = (await page.evaluate(`window.__readerKb.importReports(${JSON.stringify(files)}, '/reader-bundled.json', ${JSON.stringify(workerCode)})`)) as ReaderKbResult['import'] & { perReport: number[]; reports: number };
  const perReportMs = imp.perReport;
  log(`reader: imported ${imp.reports} of ${count} reports one at a time, median ${median(perReportMs).toFixed(0)} ms per report (first ${perReportMs[0]!.toFixed(0)}, last ${perReportMs[perReportMs.length - 1]!.toFixed(0)}); ${imp.longTasks.length} long tasks on the page`);

  // A reader's KB of count × factor reports, for lookups.
  const t0 = performance.now();
  const packs: PackReport[] = files.map((f, i) => ({ id: `${String(500 + (i % 500)).padStart(3, '0')}_${contentHash(f.text).padEnd(16, '0').slice(0, 16)}`, file: f.file, title: f.text.split('\n')[0]!, text: f.text, url: null, addedAt: i, source: 'file' }));
  const base = deriveFromScratch(kb, packs);
  const scaled = scaleReaderDerived(base.derived, factor);
  writeFileSync(join(dir, 'reader-10k.json'), JSON.stringify(scaled));
  log(`reader: a KB of ${scaled.kb.reports.length} reader reports, ${scaled.kb.entities.length} entities, built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const look = (await page.evaluate(`window.__readerKb.lookups('/reader-bundled.json', '/reader-10k.json', ${lookups})`)) as ReaderKbResult['lookup'];
  log(`reader: card lookups over ${look.reports} reader reports: stored in ${look.storeMs.toFixed(0)} ms, read back whole in ${look.loadMs.toFixed(0)} ms, first card (cold) ${look.coldMs.toFixed(0)} ms, in memory after ${look.inMemoryMs.toFixed(0)} ms, p50 ${look.p50.toFixed(2)} ms, p95 ${look.p95.toFixed(2)} ms`);

  // Importing into a reader's database that already holds count × factor reports.
  writeFileSync(join(dir, 'reader-base.json'), JSON.stringify({ pieces: base.pieces, packs }));
  const more = syntheticReaderReports(count + 3).slice(count);
  // Reports to delete: copies of base reports whose new names no other report names (a deletion that takes the full path is timed once, below).
  const named = new Map<string, number>();
  for (const p of base.pieces) for (const e of p.kb.entities) named.set(e.id, (named.get(e.id) ?? 0) + 1);
  const deleteAt = base.pieces.flatMap((p, i) => (p.fresh.every((e) => named.get(e.id) === 1) ? [i] : [])).slice(0, 3);
  // The full path's floor: a report with no new names (no later report is derived again; every piece is still read, put together and written).
  const fullAt = Math.max(0, base.pieces.findIndex((p, i) => p.fresh.length === 0 && !deleteAt.includes(i)));
  const atScale = (await page.evaluate(`window.__readerKb.importAtScale('/reader-bundled.json', '/reader-base.json', ${factor}, ${JSON.stringify(more)}, ${JSON.stringify(workerCode)}, ${JSON.stringify(deleteAt)}, ${fullAt})`)) as ReaderKbResult['atScale'];
  log(
    `reader: a database of ${atScale.reports} reports (${atScale.entities} entities) seeded in ${(atScale.seedMs / 1000).toFixed(1)} s, assembled in ${(atScale.assembleMs / 1000).toFixed(1)} s, stored in ${(atScale.storeMs / 1000).toFixed(1)} s, its append lookups in ${(atScale.indexMs / 1000).toFixed(1)} s; ` +
      `importing ${more.length} more: ${atScale.perReport.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(', ')} (${atScale.outcomes.join(', ')}; pieces derived ${atScale.changed.join(', ')}, appended ${atScale.appended.join(', ')}; the KB written in ${atScale.deriveMs.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(', ')}); now ${atScale.stored.reports} reports, ${atScale.stored.pieces} pieces, ${atScale.stored.records} report records`,
  );
  // The bench's 10,000 are 200 copies of 50 reports whose sentences share their phrases: the lookup of 10,000 distinct reports is projected
  // from the bundled (real) reports' distinct keys per report.
  const realKeys = new Set(kb.claims.flatMap((c) => claimKeysOf(c.text)));
  const perReport = realKeys.size / Math.max(1, kb.reports.length);
  log(
    `reader: deleting ${atScale.deleteMs.length} reports from it: ${atScale.deleteMs.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(', ')} (taken out incrementally ${atScale.deleteDerive.removed.join(', ')}${atScale.deleteDerive.fullPath.some((r) => r) ? `; full path: ${atScale.deleteDerive.fullPath.map((r) => r || '-').join(', ')}` : ''}; the worker's part ${atScale.deleteDerive.ms.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(', ')}; one more through the full path: ${(atScale.fullDeleteMs / 1000).toFixed(1)} s); ` +
      `its phrase lookup: ${atScale.phraseLookup.keys} keys in ${atScale.phraseLookup.records} records, ${atScale.phraseLookup.ids} claim ids, ${atScale.phraseLookup.mb.toFixed(1)} MB as JSON; ` +
      `the bundled reports have ${perReport.toFixed(0)} distinct keys per report: 10,000 distinct reports would hold about ${((perReport * 10_000) / 1e6).toFixed(1)} million`,
  );
  await page.close();
  return {
    import: { reports: imp.reports, perReportMs, outcomes: imp.outcomes, entities: imp.entities, longTasks: imp.longTasks },
    import_ms_per_report: median(perReportMs),
    long_tasks_during_import: imp.longTasks.length,
    lookup: { ...look, lookups },
    lookup_ms_p95_10k_reports: look.p95,
    reader_kb_load_ms_10k_reports: look.loadMs,
    atScale,
    import_ms_per_report_at_10k: median(atScale.perReport),
    delete_ms_per_report_at_10k: median(atScale.deleteMs),
    delete_ms_full_path_at_10k: atScale.fullDeleteMs,
    reader_phrase_lookup_records_10k: atScale.phraseLookup.records,
    reader_phrase_lookup_mb_10k: atScale.phraseLookup.mb,
    reader_phrase_lookup_keys_10k: atScale.phraseLookup.keys,
    reader_phrase_keys_per_report_real: perReport,
  };
}
