// Duplicate reports: the same text (after folding case, quotes and spacing), or
// a republished copy (most of its 5-word shingles shared with a report we
// have). A duplicate would count one source twice, so it is not added.
import { contentHash } from '../kb/text';

const SHINGLE = 5;
/** Jaccard similarity of 5-word shingles at or above which two texts are one report. */
export const REPUBLISHED_JACCARD = 0.5;
/** Share of the smaller text's shingles found in the other at or above which it is a copy inside a longer page. */
export const REPUBLISHED_CONTAINMENT = 0.8;

export function words(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[’‘ʼ′]/g, "'")
      .match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? []
  );
}

/** Hashes of the text's 5-word shingles (a text shorter than 5 words is one shingle). */
export function shingles(text: string, k = SHINGLE): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  if (w.length < k) {
    if (w.length > 0) out.add(w.join(' '));
    return out;
  }
  for (let i = 0; i + k <= w.length; i++) out.add(w.slice(i, i + k).join(' '));
  return out;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / (a.size + b.size - shared);
}

function containment(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / small.size;
}

export interface KnownReport {
  id: string;
  title: string;
  /** Bundled with Backstory (true) or the reader's own. */
  bundled: boolean;
}

export interface Duplicate {
  of: KnownReport;
  kind: 'same-text' | 'republished';
  similarity: number;
}

/** The reports we have, for duplicate checks as reports are added one by one. */
export class DuplicateIndex {
  private readonly exact = new Map<string, KnownReport>();
  private readonly sets: { report: KnownReport; shingles: Set<string> }[] = [];

  add(report: KnownReport, text: string): void {
    this.exact.set(contentHash(words(text).join(' ')), report);
    this.sets.push({ report, shingles: shingles(text) });
  }

  remove(id: string): void {
    for (const [k, r] of this.exact) if (r.id === id) this.exact.delete(k);
    const i = this.sets.findIndex((s) => s.report.id === id);
    if (i >= 0) this.sets.splice(i, 1);
  }

  find(text: string): Duplicate | null {
    const same = this.exact.get(contentHash(words(text).join(' ')));
    if (same) return { of: same, kind: 'same-text', similarity: 1 };
    const mine = shingles(text);
    let best: Duplicate | null = null;
    for (const s of this.sets) {
      const j = jaccard(mine, s.shingles);
      const c = Math.min(mine.size, s.shingles.size) >= 20 ? containment(mine, s.shingles) : 0;
      if ((j >= REPUBLISHED_JACCARD || c >= REPUBLISHED_CONTAINMENT) && (!best || j > best.similarity)) best = { of: s.report, kind: 'republished', similarity: j };
    }
    return best;
  }
}

/** One line for a reader: why a file was skipped. */
export function describeDuplicate(d: Duplicate): string {
  const where = d.of.bundled ? 'a report bundled with Backstory' : 'a report you already added';
  return d.kind === 'same-text'
    ? `the same text as “${d.of.title}” (${where})`
    : `a republished copy of “${d.of.title}” (${where}; ${Math.round(d.similarity * 100)}% of its 5-word runs are shared)`;
}
