// One caveat per problem, on the entities it is about, ranked by how much it
// changes what a reader should believe. Runs on the located caveats (editor's
// notes and automatic findings together), after the rules:
//   1. report-level kinds (republished, told twice, undated, no publisher):
//      one caveat per report and kind, about no single entity;
//   2. the same claim flagged again (the same kind on overlapping text, a
//      retelling, an exact repeat, or the same event in another report; for the
//      sourcing kinds whichever rule found each telling; the same party's denial
//      in another report): one caveat with every quote as evidence;
//   3. two caveats of different kinds on overlapping text of one report: the
//      entities they share stay only on the one that matters more;
//   4. at most CAVEATS_PER_ENTITY per entity, those that matter most.
import type { KbCaveat, KbClaim } from '../document';
import { CAVEAT_KINDS, caveatOrder } from './kinds';

/** Caveats an entity carries at most: the card's own limit (CARD_LIMITS.caveats), so a finding past it joins one the card shows rather than fall off the card unseen. */
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

/** Kinds a report can lean on for many claims: grouped per report and entity. */
const GROUPED = new Set<KbCaveat['kind']>(['anonymous-source', 'unsourced', 'hedged', 'denial']);

/** A different finding on the same words: it becomes part of the caveat that matters more. */
function fold(keep: KbCaveat, drop: KbCaveat): void {
  absorb(keep, drop);
  if (!keep.related.some((r) => r.report === drop.report && r.quote === drop.quote)) keep.related.push({ report: drop.report, quote: drop.quote });
  if (keep.origin === 'auto') keep.explanation = `${keep.explanation} Also: ${drop.label.toLowerCase()}: ${drop.explanation}`;
}

/** Two denials by the same party (the claimant) about the same entities: the party's one answer to one charge. */
function sameDenial(a: KbCaveat, b: KbCaveat): boolean {
  const who = a.claimant?.entity ?? null;
  if (who === null || who !== (b.claimant?.entity ?? null)) return false;
  return a.entities.length > 0 && a.entities.length === b.entities.length && a.entities.every((e) => b.entities.includes(e));
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
    // An editor may mark a note as about the page itself; otherwise the kind decides.
    const scope = c.scope === 'report' ? 'report' : CAVEAT_KINDS[c.kind].scope;
    c.scope = scope;
    if (scope === 'report') c.entities = [];
    // Editor's notes each carry their own reasoning: they absorb automatic findings, never each other.
    const twin = kept.find((k) => {
      if (k.kind !== c.kind) return false;
      if (k.origin === 'editor' && c.origin === 'editor') return false;
      if (scope === 'report') return k.report === c.report && k.scope === 'report' && CAVEAT_KINDS[k.kind].scope === 'report';
      // The same claim restated ("officials revealed that …" and, in the retelling, "reports emerged suggesting …"): one
      // weakness of its sourcing, whichever rule found each telling.
      const kc0 = k.claims.slice(0, 1);
      const cc0 = c.claims.slice(0, 1);
      if (GROUPED.has(c.kind) && k.origin === 'auto' && c.origin === 'auto' && k.claims.length <= 2 && c.claims.length <= 2 && kc0.some((a) => cc0.some((b) => a !== b && sameClaim(a, b)))) return true;
      // The same party denying the same charge in another report ("has called the allegation a smear", "has always been
      // responsible"): one denial, every report's words as evidence.
      if (c.kind === 'denial' && k.origin === 'auto' && c.origin === 'auto' && k.report !== c.report && sameDenial(k, c)) return true;
      // Two automatic rules of one kind find different problems (a name spelt two ways, a weekday that does not fit its date).
      if (k.origin === 'auto' && c.origin === 'auto' && k.rule !== c.rule) return false;
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

  // 2b: one report leaning on the same kind of weak support (unnamed sources of one kind, no source,
  // hedges, the party's denials) for several claims about the same entities is one problem: one caveat,
  // every quote as evidence.
  const grouped = new Map<KbCaveat, number>();
  for (let i = 0; i < kept.length; i++) {
    const c = kept[i]!;
    if (c.origin !== 'auto' || !GROUPED.has(c.kind) || c.entities.length === 0) continue;
    // Same entities exactly: a hedge by the subject's adversary is not grouped with the subject's own.
    const same = (x: KbCaveat) => x.entities.length === c.entities.length && x.entities.every((e) => c.entities.includes(e));
    const k = kept.slice(0, i).find((x) => x.origin === 'auto' && x.kind === c.kind && x.report === c.report && x.claimant?.role === c.claimant?.role && same(x));
    if (!k) continue;
    absorb(k, c);
    grouped.set(k, (grouped.get(k) ?? 0) + 1);
    kept.splice(i--, 1);
  }
  for (const [k, n] of grouped) k.explanation = `${k.explanation} The same holds for ${n} other ${n === 1 ? 'passage' : 'passages'} about it, listed with this one.`;

  // 3: overlapping text of one report (a caveat's own quote or any passage merged into it): shared entities stay on the caveat that matters more.
  // A caveat left about nobody is folded into that one (its finding added, its quote kept as
  // evidence), so no finding disappears from every card.
  for (let i = 0; i < kept.length; i++) {
    const c = kept[i]!;
    if (c.scope === 'report') continue;
    const had = c.entities.length;
    const before = c.entities;
    let holder: KbCaveat | null = null;
    for (let j = 0; j < i; j++) {
      const k = kept[j]!;
      if (k.report !== c.report || k.scope === 'report' || !(overlaps(k, c) || k.appearances.some((a) => a.report === c.report && overlaps(a, c)))) continue;
      if (c.entities.some((e) => k.entities.includes(e))) holder ??= k;
      c.entities = c.entities.filter((e) => !k.entities.includes(e));
    }
    if (had > 0 && c.entities.length === 0 && holder) {
      // An editor's note stays as written, on what the editor said it is about.
      if (c.origin === 'editor') c.entities = before;
      else {
        fold(holder, c);
        kept.splice(i--, 1);
      }
    }
  }

  // 4: the cap per entity, in rank order.
  // A finding the cap leaves on no card joins the same kind of finding the entity already shows
  // (one more quote as evidence) rather than vanish; with none to join, it stays in the KB only.
  const count = new Map<string, number>();
  const extra = new Map<KbCaveat, number>();
  for (let i = 0; i < kept.length; i++) {
    const c = kept[i]!;
    const had = c.entities;
    c.entities = c.entities.filter((e) => {
      const n = count.get(e) ?? 0;
      if (n >= CAVEATS_PER_ENTITY) return false;
      count.set(e, n + 1);
      return true;
    });
    if (had.length === 0 || c.entities.length > 0 || c.origin !== 'auto') continue;
    const host = kept.slice(0, i).find((k) => k.origin === 'auto' && k.kind === c.kind && had.some((e) => k.entities.includes(e)));
    if (!host) continue;
    absorb(host, c);
    host.entities = host.entities.filter((e) => count.has(e));
    extra.set(host, (extra.get(host) ?? 0) + 1);
    kept.splice(i--, 1);
  }
  for (const [k, n] of extra) k.explanation = `${k.explanation} The same holds for ${n} other ${n === 1 ? 'passage' : 'passages'} about it, listed with this one.`;
  return kept;
}
