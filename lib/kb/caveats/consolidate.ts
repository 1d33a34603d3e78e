// One caveat per problem, on the entities it is about, ranked by how much it
// changes what a reader should believe. Runs on the located caveats (editor's
// notes and automatic findings together), after the rules:
//   1. report-level kinds (republished, told twice, undated, no publisher):
//      one caveat per report and kind, about no single entity;
//   2. the same claim flagged again (the same kind on overlapping text, a
//      retelling, an exact repeat, or the same event in another report): one
//      caveat with every quote as evidence;
//   3. two caveats of different kinds on overlapping text of one report: the
//      entities they share stay only on the one that matters more;
//   4. at most CAVEATS_PER_ENTITY per entity, those that matter most.
import type { KbCaveat, KbClaim } from '../document';
import { CAVEAT_KINDS, caveatOrder } from './kinds';

/** Caveats an entity carries at most (the card shows the same number). */
export const CAVEATS_PER_ENTITY = 8;

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

function rank(a: KbCaveat, b: KbCaveat): number {
  return caveatOrder(a, b) || Number(b.origin === 'editor') - Number(a.origin === 'editor') || b.confidence - a.confidence || a.report.localeCompare(b.report) || a.start - b.start;
}

function absorb(keep: KbCaveat, drop: KbCaveat): void {
  for (const a of drop.appearances) {
    if (!keep.appearances.some((x) => x.report === a.report && overlaps(x, a))) keep.appearances.push(a);
  }
  keep.claims = [...new Set([...keep.claims, ...drop.claims])];
  // An editor's note says what it is about; an automatic finding it absorbs does not widen that.
  if (keep.origin !== 'editor') keep.entities = [...new Set([...keep.entities, ...drop.entities])];
  for (const r of drop.related) if (!keep.related.some((x) => x.report === r.report && x.quote === r.quote)) keep.related.push(r);
  keep.confidence = Math.max(keep.confidence, drop.confidence);
}

function foldQuote(q: string): string {
  return q.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export function consolidate(caveats: readonly KbCaveat[], claims: readonly KbClaim[]): KbCaveat[] {
  const claimById = new Map(claims.map((c) => [c.id, c]));
  /** Claims that say the same thing: retellings, exact repeats and the same event elsewhere. */
  const sameClaim = (a: string, b: string): boolean => {
    if (a === b) return true;
    const ca = claimById.get(a);
    const cb = claimById.get(b);
    if (!ca || !cb) return false;
    return ca.retells === b || cb.retells === a || ca.corroboration.claims.includes(b) || foldQuote(ca.text) === foldQuote(cb.text);
  };
  const sorted = caveats.map((c) => ({ ...c, entities: [...c.entities], appearances: [...c.appearances], related: [...c.related], claims: [...c.claims] })).sort(rank);

  // 1 and 2: merge.
  const kept: KbCaveat[] = [];
  for (const c of sorted) {
    const scope = CAVEAT_KINDS[c.kind].scope;
    c.scope = scope;
    if (scope === 'report') c.entities = [];
    // Editor's notes each carry their own reasoning: they absorb automatic findings, never each other.
    const twin = kept.find((k) => {
      if (k.kind !== c.kind) return false;
      if (k.origin === 'editor' && c.origin === 'editor') return false;
      if (scope === 'report') return k.report === c.report;
      if (k.report === c.report && k.appearances.some((a) => a.report === c.report && c.appearances.some((b) => b.report === c.report && overlaps(a, b)))) return true;
      if (foldQuote(k.quote) === foldQuote(c.quote) && k.quote.length >= 20) return true;
      // The same claim: only when each caveat is about one claim (a broad caveat covering many is not "the same claim").
      const kc = k.claims.slice(0, 1);
      const cc = c.claims.slice(0, 1);
      return k.claims.length <= 2 && c.claims.length <= 2 && kc.some((a) => cc.some((b) => a !== b && sameClaim(a, b)));
    });
    if (twin) absorb(twin, c);
    else kept.push(c);
  }

  // 3: overlapping text of one report: shared entities stay on the caveat that matters more.
  for (let i = 0; i < kept.length; i++) {
    const c = kept[i]!;
    if (c.scope === 'report') continue;
    for (let j = 0; j < i; j++) {
      const k = kept[j]!;
      if (k.report !== c.report || k.scope === 'report' || !overlaps(k, c)) continue;
      // It stays in the KB (the report view shows it), but no card shows it twice over the same words.
      c.entities = c.entities.filter((e) => !k.entities.includes(e));
    }
  }

  // 4: the cap per entity, in rank order.
  const count = new Map<string, number>();
  for (const c of kept) {
    c.entities = c.entities.filter((e) => {
      const n = count.get(e) ?? 0;
      if (n >= CAVEATS_PER_ENTITY) return false;
      count.set(e, n + 1);
      return true;
    });
  }
  return kept;
}
