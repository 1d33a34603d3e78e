// Adding reports one file at a time: read → convert → duplicate check → a
// new pack report. Shared by `npm run kb -- add` and the options page; the
// caller stores each report (one per transaction in the browser) and derives
// the KB afterwards.
import { contentHash } from '../kb/text';
import type { KbDocument } from '../kb/document';
import { describeDuplicate, DuplicateIndex } from './duplicates';
import { reportFromFile, type ParseHtml } from './import-file';
import type { PackReport } from './pack';

export type AddOutcome =
  | { file: string; status: 'added'; id: string; title: string }
  | { file: string; status: 'duplicate'; reason: string; of: string }
  | { file: string; status: 'failed'; reason: string };

/** A duplicate index over the bundled reports and the reader's own. */
export function duplicateIndex(bundled: Pick<KbDocument, 'reports'> | null, mine: readonly PackReport[]): DuplicateIndex {
  const index = new DuplicateIndex();
  for (const r of bundled?.reports ?? []) index.add({ id: r.id, title: r.headline, bundled: true }, r.text);
  for (const r of mine) index.add({ id: r.id, title: r.title, bundled: false }, r.text);
  return index;
}

/**
 * A new report id in the bundled reports' shape. The 3-digit prefix counts
 * from 500 so the build's per-report caveat ids (which use it) stay apart from
 * the bundled reports'.
 */
export function newReportId(text: string, taken: ReadonlySet<string>): string {
  const hash = contentHash(text).padEnd(16, '0').slice(0, 16);
  for (let n = 0; ; n++) {
    const id = `${String(500 + ((taken.size + n) % 500)).padStart(3, '0')}_${hash}`;
    if (!taken.has(id)) return id;
  }
}

export interface AddContext {
  index: DuplicateIndex;
  /** Report ids in use (the reader's). */
  taken: Set<string>;
  parseHtml?: ParseHtml;
  now: number;
  source: PackReport['source'];
}

type Converted = { title: string; text: string; url: string | null };

/** One file → its report text, or the failed outcome that says why it could not be read. */
export function convertFile(file: string, bytes: Uint8Array, parseHtml: ParseHtml | undefined): { converted: Converted } | { failed: AddOutcome } {
  let converted;
  try {
    converted = reportFromFile(file, bytes, parseHtml);
  } catch (error) {
    return { failed: { file, status: 'failed', reason: `could not be read (${(error as Error)?.message ?? String(error)})` } };
  }
  if (!converted.ok) return { failed: { file, status: 'failed', reason: converted.reason } };
  return { converted };
}

/** One file → an outcome, and the report to store when it is added. The index and ids are updated. */
export function prepareReport(file: string, bytes: Uint8Array, ctx: AddContext): { outcome: AddOutcome; report: PackReport | null } {
  const read = convertFile(file, bytes, ctx.parseHtml);
  return 'failed' in read ? { outcome: read.failed, report: null } : prepareText(file, read.converted, ctx);
}

/** A report text (already converted) → an outcome. */
export function prepareText(file: string, converted: Converted, ctx: AddContext): { outcome: AddOutcome; report: PackReport | null } {
  const dup = ctx.index.find(converted.text);
  if (dup) return { outcome: { file, status: 'duplicate', reason: describeDuplicate(dup), of: dup.of.id }, report: null };
  const id = newReportId(converted.text, ctx.taken);
  ctx.taken.add(id);
  const report: PackReport = { id, file: file.replace(/^.*[\\/]/, ''), title: converted.title || '(no headline)', text: converted.text, url: converted.url, addedAt: ctx.now, source: ctx.source };
  ctx.index.add({ id, title: report.title, bundled: false }, report.text);
  return { outcome: { file, status: 'added', id, title: report.title }, report };
}

/** One line per outcome, as the CLI prints it and the options page shows it. */
export function describeOutcome(o: AddOutcome): string {
  if (o.status === 'added') return `added: “${o.title}”`;
  if (o.status === 'duplicate') return `skipped as a duplicate: ${o.reason}`;
  return `failed: ${o.reason}`;
}
