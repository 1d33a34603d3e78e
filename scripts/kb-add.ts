// `npm run kb -- add FILE|FOLDER... [--pack PACK.json]`: adds reports to a KB
// pack on disk (lib/reader-kb) through the same pipeline as the bundled
// reports. Each file gets one line: added, skipped as a duplicate (and of
// what), or failed (and why, on stderr). Nothing already in the pack is lost;
// the pack is written whole or not at all; exit 1 if any file failed.
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { MAX_REPORT_BYTES } from '../lib/kb/extract/files';
import { describeOutcome, duplicateIndex, prepareReport, type AddContext } from '../lib/reader-kb/add';
import { emptyPack, parsePackText, type Pack } from '../lib/reader-kb/pack';
import { deriveReaderKb, knownFromKb } from '../lib/reader-kb/pipeline';
import { buildKbFromDisk } from './read-data';

export const DEFAULT_PACK = 'backstory-pack.json';

/** Files named on the command line; a folder stands for the files in it (recursively, sorted). */
function expand(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let dir = false;
    try {
      dir = statSync(p).isDirectory();
    } catch {
      // reported when read
    }
    if (!dir) {
      out.push(p);
      continue;
    }
    for (const entry of readdirSync(p, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue;
      out.push(...expand([join(p, entry.name)]));
    }
  }
  return out;
}

export function runAdd(argv: readonly string[], out: (s: string) => void = (s) => process.stdout.write(s), err: (s: string) => void = (s) => process.stderr.write(s), now = Date.now()): number {
  const args = [...argv];
  let packPath = DEFAULT_PACK;
  const at = args.indexOf('--pack');
  if (at >= 0) {
    if (!args[at + 1]) {
      err('usage: npm run kb -- add FILE... [--pack PACK.json]\n');
      return 1;
    }
    packPath = args[at + 1]!;
    args.splice(at, 2);
  }
  if (args.length === 0) {
    err('usage: npm run kb -- add FILE... [--pack PACK.json]\n');
    return 1;
  }
  let pack: Pack = emptyPack(now);
  if (existsSync(packPath)) {
    const parsed = parsePackText(readFileSync(packPath, 'utf8'));
    if (!parsed.ok) {
      err(`${packPath}: ${parsed.error} Nothing was changed.\n`);
      return 1;
    }
    pack = parsed.pack;
  }
  const bundled = buildKbFromDisk();
  const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true } });
  const ctx: AddContext = {
    index: duplicateIndex(bundled, pack.reports),
    taken: new Set(pack.reports.map((r) => r.id)),
    parseHtml: (html) => new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document,
    now,
    source: 'cli',
  };
  let failed = 0;
  let added = 0;
  let skipped = 0;
  for (const file of expand(args)) {
    let bytes: Uint8Array;
    try {
      const st = statSync(file);
      if (!st.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'not a regular file' });
      if (st.size > MAX_REPORT_BYTES) {
        err(`${file}: failed: too large (${(st.size / 1024 / 1024).toFixed(1)} MB; the limit is 5 MB)\n`);
        failed++;
        continue;
      }
      bytes = readFileSync(file);
    } catch (error) {
      err(`${file}: failed: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})\n`);
      failed++;
      continue;
    }
    const { outcome, report } = prepareReport(file, bytes, ctx);
    if (report) pack.reports.push(report);
    if (outcome.status === 'failed') {
      failed++;
      err(`${file}: ${describeOutcome(outcome)}\n`);
    } else {
      if (outcome.status === 'added') added++;
      else skipped++;
      out(`${file}: ${describeOutcome(outcome)}\n`);
    }
  }
  void window.happyDOM.close();
  if (added > 0) {
    const derived = deriveReaderKb(bundled, pack.reports, knownFromKb(bundled), pack.review);
    pack = { ...pack, kbHash: bundled.hash, entities: derived.entities };
    // Whole or nothing: write beside it, then rename over the old pack.
    const tmp = `${packPath}.tmp-${process.pid}`;
    writeFileSync(tmp, `${JSON.stringify(pack, null, 2)}\n`);
    renameSync(tmp, packPath);
  }
  const fresh = pack.entities.filter((e) => e.isNew).length;
  out(`${added} added, ${skipped} skipped as duplicates, ${failed} failed. ${added > 0 ? 'Wrote' : 'Unchanged:'} ${packPath} (${pack.reports.length} reports, ${fresh} new names).\n`);
  return failed > 0 ? 1 : 0;
}
