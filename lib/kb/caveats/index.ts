// Automatic findings computed from the reports themselves. Each one rests on an
// exact quote; the rule that produced it is its `reasoning` (and `rule`).
// The rules live in lib/kb/caveats/:
//   sourcing.ts    anonymous and unnamed sources, figures with no source, undisclosed evidence, claims offered without evidence
//   statements.ts  hedges, denials, refusals to comment, republication
//   headline.ts    headlines that claim more than the body supports
//   tellings.ts    a report that tells its story twice, and where its tellings differ
//   names.ts       misspelt and garbled names, one name spelt two ways
//   conflicts.ts   statements about one event that disagree, within or across reports
// Pure and deterministic: rules run in a fixed order and the result is sorted.
import { conflictFindings } from './conflicts';
import { headlineOverreach } from './headline';
import { blameShift, chooserPraise, interestFindings, ownRecord, ownRelease, sideAccuses, sideDisparages } from './interest';
import { ownPraise } from './interest-own-praise';
import { nameFindings } from './names';
import { duplicatedText, noPublisher, undated } from './provenance';
import { anonymousSources, unbackedClaims, undisclosedInformation, unsourcedFigures } from './sourcing';
import { denials, hedged, noComment, republished } from './statements';
import { continuedUnnamed, relayedHearsay, unsourcedAssertions, vagueMany } from './sourcing-more';
import { foldHedgesIntoAnonymous, rebuttals } from './statements-more';
import { findTelling, tellingFindings } from './tellings';
import { anonymityGrants, firstPersonAnswers, morePhrases, outletCouldNotCheck, sweepingClaims, unnamedSpeakers } from './voice';
import type { CaveatDraft, DetectorInput } from './types';
import { answerLine, buildCorpus, type Corpus } from './view';

export type { CaveatDraft, DetectorInput } from './types';

import { SEVERITY_ORDER as SEVERITY_RANK } from './kinds';

export function detectCaveats(input: DetectorInput): CaveatDraft[] {
  return analyse(input).drafts;
}

/** The automatic findings and the provenance of every claim, from one reading of the reports. */
export function analyse({ reports, claims, entities }: DetectorInput): { drafts: CaveatDraft[]; provenance: Map<string, ClaimProvenance> } {
  const corpus = buildCorpus(reports, claims, entities);
  return { drafts: findings(corpus), provenance: provenanceOf(corpus) };
}

/** Rules that find a group or person speaking unnamed (not an anonymity grant, not relayed hearsay). */
const ANSWER_GROUP_RULES = new Set(['anonymous-group', 'anonymous-group-more', 'unnamed-person-at', 'unnamed-person-who', 'unnamed-relation', 'those-close-to', 'vague-many', 'unnamed-speaker']);

/** Rules that find a claim the report asserts in its own voice. */
const ASSERTION_RULES = new Set(['unsourced-assertion', 'sweeping-claim']);

function findings(corpus: Corpus): CaveatDraft[] {
  const drafts: CaveatDraft[] = [];
  for (const view of corpus.reports) {
    drafts.push(
      ...headlineOverreach(view),
      ...anonymousSources(view),
      ...unsourcedFigures(view),
      ...undisclosedInformation(view),
      ...unbackedClaims(view),
      ...hedged(view),
      ...denials(view),
      ...noComment(view),
      ...republished(view),
      ...undated(view),
      ...noPublisher(view),
      ...duplicatedText(view),
      ...tellingFindings(view),
      ...nameFindings(view, corpus),
      ...interestFindings(view, corpus),
      ...ownRelease(view, corpus),
      ...ownRecord(view, corpus),
      ...ownPraise(view, corpus),
      ...chooserPraise(view, corpus),
      ...sideAccuses(view, corpus),
      ...blameShift(view, corpus),
      ...sideDisparages(view, corpus),
      ...relayedHearsay(view),
      ...vagueMany(view),
      ...unsourcedAssertions(view),
      ...rebuttals(view),
      ...unnamedSpeakers(view),
      ...anonymityGrants(view),
      ...sweepingClaims(view),
      ...firstPersonAnswers(view),
      ...outletCouldNotCheck(view),
      ...morePhrases(view),
    );
    // In an interview's answer, the people the one interviewed cites ("Workers at the mine told me …", "mothers believe")
    // are the interviewee's own account, on the record under their name, not the report's unnamed sources.
    for (let i = drafts.length - 1; i >= 0; i--) {
      const d = drafts[i]!;
      if (d.report !== view.id || d.kind !== 'anonymous-source' || !ANSWER_GROUP_RULES.has(d.rule ?? '') || d.start === undefined) continue;
      const s = view.sentences.find((x) => x.start <= d.start! && d.start! < x.end);
      // Also what they were told ("People who still work there have told me …"): the interviewee vouches for it under their name.
      if (s && answerLine(view, s)) drafts.splice(i, 1);
    }
    // A claim the report itself hedges ("is understood to have failed an inspection, although this could not be confirmed") is
    // not asserted as fact: the hedge is the finding, not also an unsourced assertion.
    for (let i = drafts.length - 1; i >= 0; i--) {
      const d = drafts[i]!;
      if (d.report !== view.id || d.kind !== 'unsourced' || !ASSERTION_RULES.has(d.rule ?? '') || d.start === undefined) continue;
      const end = d.start + d.quote.length;
      if (drafts.some((h) => h.kind === 'hedged' && h.report === view.id && h.start !== undefined && h.start < end && d.start! < h.start + h.quote.length)) drafts.splice(i, 1);
    }
    // "One said …", "Another said …" continue the unnamed sources before them.
    continuedUnnamed(view, drafts);
    // One caveat per claim: a hedge in a claim resting on an unnamed source goes with that caveat.
    foldHedgesIntoAnonymous(view, drafts);
  }
  drafts.push(...conflictFindings(corpus));
  return mergeOverlapping(drafts);
}

/**
 * One finding per problem: drafts of the same kind whose quotes overlap in the
 * same report are merged into the strongest (severity, then confidence, then
 * the earlier rule), keeping every claim, appearance and related quote.
 */
function mergeOverlapping(drafts: readonly CaveatDraft[]): CaveatDraft[] {
  const out: CaveatDraft[] = [];
  const range = (d: CaveatDraft) => [d.start ?? 0, (d.start ?? 0) + d.quote.length] as const;
  for (const d of drafts) {
    const [s, e] = range(d);
    const twin = out.find((o) => o.kind === d.kind && o.report === d.report && range(o)[0] < e && s < range(o)[1]);
    if (!twin) {
      out.push({ ...d });
      continue;
    }
    const better =
      SEVERITY_RANK[d.severity] < SEVERITY_RANK[twin.severity] ||
      (SEVERITY_RANK[d.severity] === SEVERITY_RANK[twin.severity] && (d.confidence ?? 0) > (twin.confidence ?? 0));
    const keep = better ? { ...d } : twin;
    const drop = better ? twin : d;
    keep.claims = [...new Set([...(keep.claims ?? []), ...(drop.claims ?? [])])];
    keep.appearances = [...(keep.appearances ?? []), ...(drop.appearances ?? [])];
    keep.related = [...(keep.related ?? []), ...(drop.related ?? [])];
    if (better) out[out.indexOf(twin)] = keep;
  }
  return out;
}

// ---------- provenance of claims ----------

const OUTLET_ROLES = new Set(['outlet', 'outlet-unnamed-sources']);

export interface ClaimProvenance {
  sources: string[];
  retells: string | null;
}

/**
 * Where each claim comes from: the outlet it is credited to, the original of a
 * republished report, else the report itself. A report's second telling
 * retells its first, and is no new source.
 */
export function claimProvenance({ reports, claims, entities }: DetectorInput): Map<string, ClaimProvenance> {
  return provenanceOf(buildCorpus(reports, claims, entities));
}

function provenanceOf(corpus: Corpus): Map<string, ClaimProvenance> {
  const out = new Map<string, ClaimProvenance>();
  for (const view of corpus.reports) {
    const own = view.report.republishedFrom?.publisher ?? (view.report.publisher !== 'unknown' ? `${view.report.publisher} (report ${view.id.slice(0, 3)})` : `report ${view.id.slice(0, 3)}`);
    const telling = findTelling(view);
    const retold = new Map<string, string>();
    for (const p of telling?.pairs ?? []) if (p.first.claim && p.second.claim) retold.set(p.second.claim.id, p.first.claim.id);
    for (const s of view.sentences) {
      if (!s.claim) continue;
      const a = s.attribution;
      const outlet = OUTLET_ROLES.has(a.role) && a.entity ? corpus.entityById.get(a.entity)?.name ?? a.claimant : null;
      const via = a.via ? viaName(a.via, corpus) : null;
      out.set(s.claim.id, { sources: [outlet ?? via ?? own], retells: retold.get(s.claim.id) ?? null });
    }
  }
  return out;
}

function viaName(via: string, corpus: Corpus): string {
  const lower = via.toLowerCase();
  const e = corpus.entities.find((x) => [x.name, ...x.aliases.map((a) => a.text)].some((t) => lower.includes(t.toLowerCase())));
  return e?.name ?? via.replace(/^(?:a|an|the)\s+|\s+report$/gi, '');
}

