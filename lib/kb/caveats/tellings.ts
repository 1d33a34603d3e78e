// A report that tells its story twice (report 002: a first version, then a
// reworded one under a second headline). The repetition is not corroboration:
// both tellings are one report resting on the same sources. Where the tellings
// differ, that is worth a caveat too:
//   - a remark moves from one speaker to another (internal inconsistency);
//   - a hedge ("reportedly") is dropped in the retelling (internal inconsistency);
//   - officials' view is restated in the report's own voice (unsourced);
//   - a factual detail appears in one telling only, with no source (unsourced);
//   - a date or figure appears in one telling only (internal inconsistency).
// Sentences are paired by weighted content-word overlap within the report; a
// retelling is recognised when at least three sentences after a split point
// pair one-to-one with sentences before it, covering much of the later part.
import { hedgeCues } from '../attribution';
import { statedDates } from '../dates';
import { clauseSpans, contentTokens, quotedSpans } from './text';
import type { CaveatDraft } from './types';
import { coveringAttribution, quoteDraft, type ReportView, type SentenceView } from './view';

export interface Telling {
  /** Index (in view.sentences) of the first sentence of the second telling. */
  split: number;
  /** The heading that opens the second telling, if any. */
  heading: SentenceView | null;
  /** Pairs [first-telling sentence, second-telling sentence], in second-telling order. */
  pairs: { first: SentenceView; second: SentenceView; sim: number }[];
}

const PAIR_MIN = 0.45;
/** Pairing threshold once a retelling is established (sentences are then known to be retold). */
const RETOLD_MIN = 0.35;
const CLAUSE_MIN = 0.5;

type Bag = Map<string, number>;

function bagOf(text: string, mentions: readonly { entity: string }[]): Bag {
  const bag: Bag = new Map();
  for (const t of contentTokens(text)) bag.set(t.key, 1);
  for (const m of mentions) bag.set(`@${m.entity}`, 1);
  return bag;
}

class Weights {
  private readonly df = new Map<string, number>();
  constructor(
    bags: readonly Bag[],
    private readonly n = bags.length,
  ) {
    for (const b of bags) for (const k of b.keys()) this.df.set(k, (this.df.get(k) ?? 0) + 1);
  }
  w(key: string): number {
    const idf = Math.log(1 + this.n / (this.df.get(key) ?? 1));
    return /\d/.test(key) ? idf * 1.5 : idf;
  }
  sim(a: Bag, b: Bag): { sim: number; shared: number; dice: number } {
    let shared = 0;
    let wa = 0;
    let wb = 0;
    let sw = 0;
    for (const k of a.keys()) {
      const w = this.w(k);
      wa += w;
      if (b.has(k)) {
        sw += w;
        shared++;
      }
    }
    for (const k of b.keys()) wb += this.w(k);
    const denom = Math.min(wa, wb);
    return { sim: denom > 0 ? sw / denom : 0, shared, dice: wa + wb > 0 ? (2 * sw) / (wa + wb) : 0 };
  }
}

const cache = new WeakMap<ReportView, Telling | null>();

/** The report's second telling, or null when it tells its story once. */
export function findTelling(view: ReportView): Telling | null {
  if (cache.has(view)) return cache.get(view)!;
  const body = view.sentences.filter((s) => !s.heading && s !== view.headline);
  const bags = body.map((s) => bagOf(s.text, s.mentions));
  const weights = new Weights(bags);
  const candidates: { i: number; j: number; sim: number }[] = [];
  for (let i = 0; i < body.length; i++) {
    for (let j = i + 1; j < body.length; j++) {
      if (body[i]!.text === body[j]!.text) continue; // a printed duplicate, not a retelling
      const { sim, shared } = weights.sim(bags[i]!, bags[j]!);
      if (sim >= PAIR_MIN && shared >= 3) candidates.push({ i, j, sim });
    }
  }
  candidates.sort((a, b) => b.sim - a.sim || a.i - b.i || a.j - b.j);
  let best: Telling | null = null;
  // Try every split: the pairs must cross it (first before, second after).
  for (let k = 1; k < body.length; k++) {
    const usedI = new Set<number>();
    const usedJ = new Set<number>();
    const pairs: Telling['pairs'] = [];
    for (const c of candidates) {
      if (c.i >= k || c.j < k || usedI.has(c.i) || usedJ.has(c.j)) continue;
      usedI.add(c.i);
      usedJ.add(c.j);
      pairs.push({ first: body[c.i]!, second: body[c.j]!, sim: c.sim });
    }
    const later = body.length - k;
    if (pairs.length < 3 || pairs.length < 0.4 * Math.min(k, later)) continue;
    if (!best || pairs.length > best.pairs.length) {
      const firstSecond = body[k]!;
      best = { split: firstSecond.index, heading: null, pairs: pairs.sort((a, b) => a.second.index - b.second.index) };
    }
  }
  if (best) {
    // Start the second telling at the first paired sentence after the split, and take the heading just before it.
    const startIdx = Math.min(...best.pairs.map((p) => p.second.index));
    const lastFirst = Math.max(...best.pairs.map((p) => p.first.index));
    best.split = startIdx;
    for (let i = startIdx - 1; i > lastFirst && i >= 0; i--) {
      const s = view.sentences[i]!;
      if (s.heading && s.text.split(/\s+/).length >= 3) best.heading = s;
      if (!s.heading) break;
    }
    // Final pairs: each later sentence with its best counterpart in the first telling. A retelling may
    // split one sentence in two, so two later sentences can share a counterpart. The score balances
    // containment (overlap) against size (Dice), so a short fragment does not outbid the full retelling.
    const pairs: Telling['pairs'] = [];
    for (let j = 0; j < body.length; j++) {
      if (body[j]!.index < best.split) continue;
      let top: { i: number; score: number; sim: number } | null = null;
      for (let i = 0; i < body.length && body[i]!.index < best.split; i++) {
        const { sim, shared, dice } = weights.sim(bags[i]!, bags[j]!);
        if (sim < RETOLD_MIN || shared < 3) continue;
        const score = (sim + dice) / 2;
        if (!top || score > top.score) top = { i, score, sim };
      }
      if (top) pairs.push({ first: body[top.i]!, second: body[j]!, sim: top.sim });
    }
    best.pairs = pairs;
  }
  cache.set(view, best);
  return best;
}

const snip = (s: string, n = 90) => (s.length <= n ? s : `${s.slice(0, s.lastIndexOf(' ', n))}…`);

function hasCheckable(s: SentenceView): boolean {
  if (/\d/.test(s.text)) return true;
  if (/\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/.test(s.text)) return true;
  if (s.attribution.role === 'outlet' || s.attribution.via !== null || /^(?:media-reports|outlet-unnamed-sources)$/.test(s.attribution.role)) return true;
  return quotedSpans(s.text).some(([a, b]) => s.text.slice(a, b).split(/\s+/).length >= 4);
}

/** The person a sentence gives a remark to: its speaker, or the person it opens with. */
function speakerOf(view: ReportView, s: SentenceView): string | null {
  const a = coveringAttribution(view, s);
  if (a.entity && view.mentions.some((m) => m.entity === a.entity && m.type === 'person')) return a.entity;
  const first = s.mentions[0];
  if (first && first.type === 'person' && first.start < 25) return first.entity;
  return null;
}

// A clause that reports someone's words is attributed even in the report's voice ("with both leaders emphasizing …").
const REPORTING = /\b(?:said|says|stated|states|according|describ\w*|echoed|characteri[sz]\w*|emphasi[sz]\w*|stress\w*|express\w*|reiterat\w*|highlight\w*|voiced|warned|revealed|confirmed|told|called for|urged)\b/i;

const EVENT_VERB = /\b(?:ramped up|stepped up|increased|decreased|produced|deployed|supplied|shipped|delivered|launched|signed|bought|sold|killed|seized|captured|built|exported|imported|tested|fired|shot down|began|started|commenced|agreed)\b/i;

export function tellingFindings(view: ReportView): CaveatDraft[] {
  const t = findTelling(view);
  if (!t) return [];
  const out: CaveatDraft[] = [];
  const first = view.sentences.filter((s) => s.index < t.split && !s.heading && s !== view.headline);
  const second = view.sentences.filter((s) => s.index >= t.split && !s.heading);
  const sources = [...new Set(view.sentences.filter((s) => s.attribution.role === 'outlet' || s.attribution.via).map((s) => (s.attribution.role === 'outlet' ? s.attribution.claimant : s.attribution.via!).replace(/^(?:a|an|the)\s+|\s+report$/gi, '')))];
  const sourceNote = sources.length > 0 ? ` Both tellings rest on the same sources (${sources.join(', ')}).` : '';
  const open = t.heading ?? view.sentences[t.split]!;
  const head = view.headline;

  // The story told twice.
  out.push(
    quoteDraft(view, open.start, open.end, {
      kind: 'repetition',
      severity: 'medium',
      label: 'Tells its story twice',
      explanation: `From here the report tells its story a second time, reworded (${t.pairs.length} facts appear in both tellings). Repetition is not corroboration: both tellings are one report.${sourceNote}`,
      reasoning: `Rule story-told-twice: ${t.pairs.length} sentences after this point pair one-to-one with sentences before it (weighted content-word overlap ≥ ${PAIR_MIN}).`,
      rule: 'story-told-twice',
      confidence: 0.9,
      context: head ? `First telling begins: “${snip(head.text)}”` : null,
      related: head ? [{ report: view.id, quote: head.text }] : [],
      claimant: null,
      claims: t.pairs.flatMap((p) => [p.first.claim?.id, p.second.claim?.id]).filter((x): x is string => !!x),
    }),
  );

  for (const p of t.pairs) {
    // Retold facts a reader could take as corroborated.
    if (hasCheckable(p.first) || hasCheckable(p.second)) {
      out.push(
        quoteDraft(view, p.second.start, p.second.end, {
          kind: 'repetition',
          severity: 'low',
          label: 'Retold, not corroborated',
          explanation: `This retells what the first telling already said (“${snip(p.first.text)}”). The same report saying it twice adds no support.${p.second.attribution.role === 'outlet' || p.second.attribution.via ? ` Both versions rest on the one ${p.second.attribution.role === 'outlet' ? p.second.attribution.claimant : p.second.attribution.via} report.` : ''}`,
          reasoning: `Rule retold-fact: the sentence pairs with one in the first telling (similarity ${p.sim.toFixed(2)}) and states a figure, a date, a named source or a quotation.`,
          rule: 'retold-fact',
          confidence: 0.85,
          related: [{ report: view.id, quote: p.first.text }],
          appearances: [{ report: view.id, quote: p.first.text, start: p.first.start }],
          claimant: { name: p.second.attribution.claimant, role: p.second.attribution.role, entity: p.second.attribution.entity },
        }),
      );
    }

    // A remark that moves from one speaker to another. Only pairs anchored by a
    // distinctive name that each telling uses once, so the pairing is certain.
    const sa = speakerOf(view, p.first);
    const sb = speakerOf(view, p.second);
    if (sa && sb && sa !== sb) {
      const anchors = p.first.mentions
        .map((m) => m.entity)
        .filter((e) => e !== sa && e !== sb && p.second.mentions.some((m) => m.entity === e))
        .filter((e) => first.filter((s) => s.mentions.some((m) => m.entity === e)).length === 1 && second.filter((s) => s.mentions.some((m) => m.entity === e)).length === 1);
      if (anchors.length > 0) {
        const nameOf = (id: string) => view.mentions.find((m) => m.entity === id)?.surface ?? id;
        out.push(
          quoteDraft(view, p.second.start, p.second.end, {
            kind: 'internal-inconsistency',
            severity: 'medium',
            label: 'Speaker changes between tellings',
            explanation: `The first telling gives this remark to ${nameOf(sa)} (“${snip(p.first.text)}”); the retelling gives it to ${nameOf(sb)}. The report contradicts itself on who said it.`,
            reasoning: `Rule speaker-moved: paired sentences (both name ${anchors.map(nameOf).join(', ')}, once in each telling) have different speakers.`,
            rule: 'speaker-moved',
            confidence: 0.8,
            related: [{ report: view.id, quote: p.first.text }],
            appearances: [{ report: view.id, quote: p.first.text, start: p.first.start }],
            entities: [sa, sb, ...anchors],
            claimant: { name: nameOf(sb), role: p.second.attribution.role, entity: sb },
          }),
        );
      }
    }

    // A date or number in one telling only.
    const numbersOf = (s: SentenceView) => new Set((s.text.match(/\d[\d,.]*%?/g) ?? []).map((x) => x.replace(/[,.]$/, '')));
    const na = numbersOf(p.first);
    for (const d of statedDates(p.second.text, null)) {
      if ([...(d.text.match(/\d+/g) ?? [])].every((n) => na.has(n))) continue;
      if (!/\d{4}/.test(d.text) && !/\d/.test(d.text)) continue;
      const start = p.second.start + d.start;
      out.push(
        quoteDraft(view, start, start + d.text.length, {
          kind: 'internal-inconsistency',
          severity: 'low',
          label: 'Detail in one telling only',
          explanation: `Only the retelling gives the date “${d.text}”; the first telling of the same sentence (“${snip(p.first.text)}”) has no such date. The two tellings do not agree on what they know.`,
          reasoning: 'Rule detail-one-telling: paired sentences of the two tellings; a stated date appears in only one of them.',
          rule: 'detail-one-telling',
          confidence: 0.75,
          related: [{ report: view.id, quote: p.first.text }],
          claimant: null,
        }),
      );
    }
  }

  out.push(...clauseFindings(view, first, second));
  return out;
}

/** Clause-level comparison of the tellings: hedges dropped, attribution dropped, details with no counterpart. */
function clauseFindings(view: ReportView, first: readonly SentenceView[], second: readonly SentenceView[]): CaveatDraft[] {
  const out: CaveatDraft[] = [];
  type Clause = { s: SentenceView; start: number; end: number; text: string; bag: Bag };
  const clausesOf = (ss: readonly SentenceView[]): Clause[] =>
    ss.flatMap((s) =>
      mergeShort(s.text, clauseSpans(s.text)).map(([a, b]) => ({
        s,
        start: s.start + a,
        end: s.start + b,
        text: s.text.slice(a, b),
        bag: bagOf(s.text.slice(a, b), s.mentions.filter((m) => m.start >= a && m.end <= b)),
      })),
    );
  const ca = clausesOf(first);
  const cb = clausesOf(second);
  const weights = new Weights([...ca, ...cb].map((c) => c.bag));
  for (const c of cb) {
    let best: { c: Clause; sim: number } | null = null;
    for (const d of ca) {
      const { sim, shared } = weights.sim(c.bag, d.bag);
      if (shared >= 3 && sim >= CLAUSE_MIN && (!best || sim > best.sim)) best = { c: d, sim };
    }
    const ownAttribution = coveringAttribution(view, c.s);
    if (best) {
      const other = best.c;
      const hedgesBefore = hedgeCues(other.text).map((h) => h.cue);
      const hedgesNow = hedgeCues(c.text);
      if (hedgesBefore.length > 0 && hedgesNow.length === 0) {
        out.push(
          quoteDraft(view, c.start, c.end, {
            kind: 'internal-inconsistency',
            severity: 'medium',
            label: 'Hedge dropped in retelling',
            explanation: `The first telling hedges this (“${hedgesBefore.join('”, “')}”: “${snip(other.text)}”); the retelling states it as fact. The report’s own evidence did not change.`,
            reasoning: 'Rule hedge-dropped: a clause of the second telling pairs with a hedged clause of the first and has no hedge.',
            rule: 'hedge-dropped',
            confidence: 0.8,
            related: [{ report: view.id, quote: other.text }],
            appearances: [{ report: view.id, quote: other.text, start: other.start }],
            claimant: { name: ownAttribution.claimant, role: ownAttribution.role, entity: ownAttribution.entity },
          }),
        );
      }
      const otherAttribution = coveringAttribution(view, other.s);
      if (otherAttribution.role !== 'reporter' && ownAttribution.role === 'reporter' && !REPORTING.test(c.text)) {
        out.push(
          quoteDraft(view, c.start, c.end, {
            kind: 'unsourced',
            severity: 'medium',
            label: 'Source dropped in retelling',
            explanation: `In the first telling this is what ${otherAttribution.claimant} say (“${snip(other.text)}”); the retelling states it in the report’s own voice, with no source.`,
            reasoning: 'Rule attribution-dropped: a clause of the second telling pairs with an attributed clause of the first but is itself unattributed.',
            rule: 'attribution-dropped',
            confidence: 0.8,
            related: [{ report: view.id, quote: other.text }],
            claimant: { name: ownAttribution.claimant, role: 'reporter', entity: null },
          }),
        );
      }
      continue;
    }
    // No counterpart: a factual detail that only this telling gives, in the report's own voice.
    if (ownAttribution.role === 'reporter' && EVENT_VERB.test(c.text) && contentTokens(c.text).length >= 4) {
      out.push(
        quoteDraft(view, c.start, c.end, {
          kind: 'unsourced',
          severity: 'medium',
          label: 'Detail with no source',
          explanation: 'This detail appears only in the retelling and the report gives no source for it: nothing in the first telling, or in this one, supports it.',
          reasoning: 'Rule one-telling-unsourced: a clause of the second telling with a factual verb, no counterpart in the first telling, and no attribution.',
          rule: 'one-telling-unsourced',
          confidence: 0.7,
          claimant: { name: ownAttribution.claimant, role: 'reporter', entity: null },
        }),
      );
    }
  }
  return out;
}

/** Merge clauses of fewer than four words into their neighbour ("In contrast," "Notably,"). */
function mergeShort(text: string, spans: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const span of spans) {
    const words = text.slice(span[0], span[1]).split(/\s+/).length;
    const last = out[out.length - 1];
    if (last && (words < 4 || text.slice(last[0], last[1]).split(/\s+/).length < 4)) last[1] = span[1];
    else out.push([span[0], span[1]]);
  }
  return out;
}
