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

/** A 32-bit FNV-1a hash of a shingle. */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Shingle hashes kept per report: the smallest ones (a bottom-k sketch). */
export const SKETCH_SIZE = 64;

/**
 * What the index keeps of a report, small enough to store beside it
 * (lib/db/reader-store `sketches`) so the index is rebuilt without reading
 * report texts: the hash of its folded words, its shingle count, and the
 * smallest shingle hashes.
 */
export interface ReportSketch {
  exact: string;
  size: number;
  sketch: number[];
}

export function sketchOf(text: string): ReportSketch {
  return analyse(text).sketch;
}

/** Everything the index derives from one text: its exact key, shingles, their hashes and its sketch. */
interface Analysis {
  exact: string;
  shingles: Set<string>;
  hashes: Set<number>;
  sketch: ReportSketch;
}

function analyseNow(text: string): Analysis {
  const w = words(text);
  const sh = new Set<string>();
  if (w.length < SHINGLE) {
    if (w.length > 0) sh.add(w.join(' '));
  } else for (let i = 0; i + SHINGLE <= w.length; i++) sh.add(w.slice(i, i + SHINGLE).join(' '));
  const hashes = new Set([...sh].map(hash32));
  const exact = contentHash(w.join(' '));
  return { exact, shingles: sh, hashes, sketch: { exact, size: sh.size, sketch: [...hashes].sort((a, b) => a - b).slice(0, SKETCH_SIZE) } };
}

// A check, then an add, reads the same new text several times (needsText, find, add): it is analysed once.
let lastText: string | null = null;
let lastAnalysis: Analysis | null = null;
function analyse(text: string): Analysis {
  if (text !== lastText || !lastAnalysis) {
    lastAnalysis = analyseNow(text);
    lastText = text;
  }
  return lastAnalysis;
}

/** A report analysed once (e.g. the bundled reports, the same in every check), to add to any number of indexes. */
export interface AnalysedReport {
  report: KnownReport;
  sketch: ReportSketch;
  shingles: Set<string>;
}

export function analyseReport(report: KnownReport, text: string): AnalysedReport {
  const a = analyseNow(text);
  return { report, sketch: a.sketch, shingles: a.shingles };
}

interface Entry {
  report: KnownReport;
  sketch: ReportSketch;
  /** The full shingle set, when the text is at hand (added from text, or hydrated for a check). */
  shingles: Set<string> | null;
  removed: boolean;
}

/** Bottom-k estimate of Jaccard similarity and of the share of the smaller set found in the larger. */
function estimate(a: ReportSketch, b: ReportSketch): { jaccard: number; containment: number } {
  const bs = new Set(b.sketch);
  const union = [...new Set([...a.sketch, ...b.sketch])].sort((x, y) => x - y).slice(0, SKETCH_SIZE);
  const as = new Set(a.sketch);
  const both = union.filter((h) => as.has(h) && bs.has(h)).length;
  const j = union.length === 0 ? 0 : both / union.length;
  // |A ∩ B| ≈ j (|A| + |B|) / (1 + j)
  const shared = (j * (a.size + b.size)) / (1 + j);
  return { jaccard: j, containment: Math.min(1, shared / Math.max(1, Math.min(a.size, b.size))) };
}

/** Estimates below these are not checked exactly (they are far from the thresholds). */
const CANDIDATE_JACCARD = REPUBLISHED_JACCARD - 0.2;
const CANDIDATE_CONTAINMENT = REPUBLISHED_CONTAINMENT - 0.25;

/**
 * The reports we have, for duplicate checks as reports are added one by one.
 * A persistent shingle index: each report is kept as its sketch, and an
 * inverted index from sketch hashes to reports gives the few candidates that
 * share any run of words with a new text; only those are compared exactly.
 */
export class DuplicateIndex {
  private readonly exact = new Map<string, KnownReport>();
  private readonly entries: Entry[] = [];
  private readonly byId = new Map<string, Entry>();
  private readonly postings = new Map<number, Entry[]>();

  /** Add a report from its text. */
  add(report: KnownReport, text: string): void {
    const a = analyse(text);
    this.insert(report, a.sketch, a.shingles);
  }

  /** Add a report analysed beforehand (`analyseReport`); its shingles are shared, never changed. */
  addAnalysed(r: AnalysedReport): void {
    this.insert(r.report, r.sketch, r.shingles);
  }

  /** Add a report from its stored sketch (no text needed until it is a candidate). */
  addSketch(report: KnownReport, sketch: ReportSketch): void {
    this.insert(report, sketch, null);
  }

  private insert(report: KnownReport, sketch: ReportSketch, sh: Set<string> | null): void {
    this.remove(report.id);
    this.exact.set(sketch.exact, report);
    const entry: Entry = { report, sketch, shingles: sh, removed: false };
    this.entries.push(entry);
    this.byId.set(report.id, entry);
    for (const h of sketch.sketch) {
      let list = this.postings.get(h);
      if (!list) this.postings.set(h, (list = []));
      list.push(entry);
    }
  }

  remove(id: string): void {
    const entry = this.byId.get(id);
    if (!entry) return;
    entry.removed = true;
    this.byId.delete(id);
    for (const [k, r] of this.exact) if (r.id === id) this.exact.delete(k);
  }

  private candidates(text: string): { mine: ReportSketch; list: Entry[] } {
    const { sketch: mine, hashes: all } = analyse(text);
    // Every shingle of the new text against the stored sketches: a stored report inside a longer new page is found too.
    const shared = new Map<Entry, number>();
    for (const h of all) for (const e of this.postings.get(h) ?? []) if (!e.removed) shared.set(e, (shared.get(e) ?? 0) + 1);
    const list = [...shared].filter(([e, n]) => {
      const est = estimate(mine, e.sketch);
      const storedInMine = n / Math.max(1, e.sketch.sketch.length);
      return est.jaccard >= CANDIDATE_JACCARD || est.containment >= CANDIDATE_CONTAINMENT || storedInMine >= CANDIDATE_CONTAINMENT;
    });
    return { mine, list: list.map(([e]) => e) };
  }

  /** Reports known only by their sketch that must be read to check `text` (give their texts to `hydrate`). */
  needsText(text: string): string[] {
    if (this.exact.has(analyse(text).exact)) return [];
    return this.candidates(text)
      .list.filter((e) => e.shingles === null)
      .map((e) => e.report.id);
  }

  /** The text of a report known by its sketch, for an exact check. */
  hydrate(id: string, text: string): void {
    const e = this.byId.get(id);
    if (e && e.shingles === null) e.shingles = shingles(text);
  }

  find(text: string): Duplicate | null {
    const a = analyse(text);
    const same = this.exact.get(a.exact);
    if (same) return { of: same, kind: 'same-text', similarity: 1 };
    const { list } = this.candidates(text);
    if (list.length === 0) return null;
    const mine = a.shingles;
    let best: Duplicate | null = null;
    for (const e of list) {
      // A candidate whose text was not given is judged on its sketch's estimate.
      let j: number;
      let c: number;
      if (e.shingles) {
        j = jaccard(mine, e.shingles);
        c = Math.min(mine.size, e.shingles.size) >= 20 ? containment(mine, e.shingles) : 0;
      } else {
        const est = estimate(a.sketch, e.sketch);
        const all = a.hashes;
        const storedInMine = e.sketch.sketch.filter((h) => all.has(h)).length / Math.max(1, e.sketch.sketch.length);
        j = est.jaccard;
        c = Math.min(mine.size, e.sketch.size) >= 20 ? Math.max(est.containment, e.sketch.size <= mine.size ? storedInMine : 0) : 0;
      }
      if ((j >= REPUBLISHED_JACCARD || c >= REPUBLISHED_CONTAINMENT) && (!best || j > best.similarity)) best = { of: e.report, kind: 'republished', similarity: j };
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
