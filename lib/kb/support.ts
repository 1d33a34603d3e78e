// Corroboration that means something: how many independent original sources,
// distinct reports and repeats stand behind a claim. Reports that share most
// of their text (5-word shingles, Jaccard) or that republish the same original
// are one source; a report repeating its own sentence adds a repeat only.
import type { Attribution, KbClaim, KbReport, Speaker, Support } from './document';

const SHINGLE = 5;
/** Two reports sharing at least this share of their 5-word shingles are copies of one text. */
export const COPY_JACCARD = 0.5;

function words(text: string): string[] {
  return text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function shingles(text: string, n = SHINGLE): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + n <= w.length; i++) out.add(w.slice(i, i + n).join(' '));
  return out;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * One key per original text: reports that share most of their text, or that
 * say they republish the same original, get the same key (the earliest id).
 */
export function originalTextKeys(reports: readonly Pick<KbReport, 'id' | 'text' | 'republishedFrom'>[]): Map<string, string> {
  const parent = new Map(reports.map((r) => [r.id, r.id]));
  const find = (id: string): string => {
    let x = id;
    while (parent.get(x) !== x) x = parent.get(x)!;
    return x;
  };
  const union = (a: string, b: string) => {
    const [ra, rb] = [find(a), find(b)].sort();
    parent.set(rb!, ra!);
  };
  const sh = reports.map((r) => shingles(r.text));
  for (let i = 0; i < reports.length; i++) {
    for (let j = i + 1; j < reports.length; j++) {
      const a = reports[i]!;
      const b = reports[j]!;
      const sameOriginal = a.republishedFrom && b.republishedFrom && normalOrigin(a.republishedFrom) === normalOrigin(b.republishedFrom);
      if (sameOriginal || jaccard(sh[i]!, sh[j]!) >= COPY_JACCARD) union(a.id, b.id);
    }
  }
  return new Map(reports.map((r) => [r.id, find(r.id)]));
}

function normalOrigin(o: { publisher: string; url: string | null }): string {
  return (o.url ?? o.publisher).toLowerCase().replace(/^https?:\/\/(?:www\.)?/, '').replace(/[/?#].*$/, '') || o.publisher.toLowerCase();
}

/** A sentence's text folded for exact-repeat detection. */
export function repeatKey(text: string): string {
  return words(text).join(' ');
}

/**
 * Support per claim. `same` links claims about the same event (other reports,
 * the report's other telling); exact repeats of a sentence are linked here too.
 * A claim's source is the outlet or person it is credited to when named, else
 * the original text of its report.
 */
export function claimSupport(
  claims: readonly KbClaim[],
  reports: readonly Pick<KbReport, 'id' | 'text' | 'republishedFrom'>[],
  same: ReadonlyMap<string, readonly string[]>,
): Map<string, Support> {
  const original = originalTextKeys(reports);
  const byId = new Map(claims.map((c) => [c.id, c]));
  const byRepeat = new Map<string, string[]>();
  for (const c of claims) {
    const k = repeatKey(c.text);
    if (k.split(' ').length < 4) continue;
    // Appended in place: copying the list per claim is quadratic in a common sentence's repeats.
    const list = byRepeat.get(k);
    if (list) list.push(c.id);
    else byRepeat.set(k, [c.id]);
  }
  const sourceOf = (c: KbClaim): string => {
    const named = namedSource(c.attribution);
    return named ? `named:${named.toLowerCase()}` : `text:${original.get(c.report) ?? c.report}`;
  };
  const restated = restatements(claims);
  const out = new Map<string, Support>();
  for (const c of claims) {
    const group = new Set([c.id, ...(same.get(c.id) ?? []), ...(byRepeat.get(repeatKey(c.text)) ?? []), ...(restated.get(c.id) ?? [])]);
    const members = [...group].map((id) => byId.get(id)).filter((x): x is KbClaim => x !== undefined);
    out.set(c.id, {
      independentSources: new Set(members.map(sourceOf)).size,
      reports: new Set(members.map((m) => m.report)).size,
      repeats: members.length,
    });
  }
  return out;
}

/** Sentences in different reports that say the same thing in nearly the same words (3-word shingles, Jaccard ≥ RESTATED_JACCARD). */
export const RESTATED_JACCARD = 0.5;

function restatements(claims: readonly KbClaim[]): Map<string, string[]> {
  const sh = claims.map((c) => shingles(c.text, 3));
  const index = new Map<string, number[]>();
  sh.forEach((set, i) =>
    set.forEach((g) => {
      // Appended in place: a phrase thousands of sentences share would be copied once per sentence.
      const holders = index.get(g);
      if (holders) holders.push(i);
      else index.set(g, [i]);
    }),
  );
  const out = new Map<string, string[]>();
  for (let i = 0; i < claims.length; i++) {
    const seen = new Set<number>();
    for (const g of sh[i]!) {
      const holders = index.get(g)!;
      // A phrase every other sentence uses says nothing about sameness.
      if (holders.length > 50) continue;
      for (const j of holders) if (j > i && claims[j]!.report !== claims[i]!.report) seen.add(j);
    }
    for (const j of seen) {
      if (jaccard(sh[i]!, sh[j]!) < RESTATED_JACCARD) continue;
      out.set(claims[i]!.id, [...(out.get(claims[i]!.id) ?? []), claims[j]!.id]);
      out.set(claims[j]!.id, [...(out.get(claims[j]!.id) ?? []), claims[i]!.id]);
    }
  }
  return out;
}

/** The original source a claim is credited to, when the report names one (an outlet, a person, an office). */
export function namedSource(a: Attribution): string | null {
  if (a.role === 'reporter' || a.role === 'media-reports' || a.role === 'anonymous-officials') return null;
  if (a.role === 'outlet-unnamed-sources') return a.entity ?? a.claimant;
  return a.entity ?? (PRONOUN.test(a.claimant) ? null : a.claimant);
}

const PRONOUN = /^(?:he|she|they|it|we|i)$/i;

/** Whose claim it is, for the reader. */
export function speakerOf(a: Attribution, entityName: (id: string) => string | undefined = () => undefined): Speaker {
  const name = (a.entity ? entityName(a.entity) : undefined) ?? a.claimant;
  switch (a.role) {
    case 'reporter':
      return a.claimant && a.claimant !== 'unknown' ? { kind: 'report', name: a.claimant } : { kind: 'report' };
    case 'anonymous-officials':
    case 'media-reports':
      return { kind: 'unnamed', name: a.claimant };
    case 'outlet-unnamed-sources':
      return { kind: 'unnamed', name: a.entity ? `${name}, citing unnamed sources` : a.claimant };
    default:
      if (!a.entity && PRONOUN.test(a.claimant)) return { kind: 'unknown' };
      return { kind: 'named', name };
  }
}

/**
 * An entity's support over its claims: the reports about it, and how many of
 * them are independent (a republished copy or a near-copy of another report's
 * text counts once). Unlike a claim's, the sources here are reports, not the
 * people quoted in them: "In 4 reports, 3 independent sources" never counts
 * more sources than reports.
 */
export function totalSupport(claims: readonly KbClaim[], reports: ReadonlyMap<string, string>): Support {
  const sources = new Set<string>();
  for (const c of claims) sources.add(reports.get(c.report) ?? c.report);
  return { independentSources: sources.size, reports: new Set(claims.map((c) => c.report)).size, repeats: claims.length };
}
