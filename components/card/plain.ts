// Plain language for the card and the side panel: a reader's label and a
// one-line explanation per caveat kind, reports named by publisher and date,
// and the support line. No ids, no internal names. (A local table: the KB's
// own plain labels, when a card carries them, are preferred where they exist.)
import type { CardCaveat, CardFact, EntityCard, ReportRef } from '../../lib/kb/card';
import { CAVEAT_KINDS } from '../../lib/kb/caveats/kinds';
import type { CaveatKind } from '../../lib/kb/schema';
import { formatDate, plural } from '../../lib/shared/format';

/** Support counts (lib/kb/card.ts may carry them: optional until it does). */
export interface Support {
  independentSources: number;
  reports: number;
  repeats: number;
}

export interface Speaker {
  kind: 'named' | 'unnamed' | 'report' | 'unknown';
  name?: string;
}

/** The fields a card may carry beyond the ones every KB version has. */
export type RichCard = EntityCard & { support?: Support };
export type RichFact = CardFact & { support?: Support; speaker?: Speaker };
export type RichCaveat = CardCaveat & { scope?: 'claim' | 'report'; evidence?: { quote: string; report: ReportRef }[] };

export interface KindText {
  /** A reader's label (the KB's one table, lib/kb/caveats/kinds.ts). */
  label: string;
  /** One line: what it means (completes "In X's report of D: …"). */
  line: string;
  /** Completes "This page repeats a claim that …". */
  claim: string;
}

/** How a caveat line reads on the card: the label comes from the KB's one table of kinds. */
const KIND_LINES: Record<CaveatKind, Omit<KindText, 'label'>> = {
  'anonymous-source': { line: 'the claim rests on unnamed sources', claim: 'rests on unnamed sources' },
  unsourced: { line: 'it gives no source for this', claim: 'its report gives no source for' },
  hedged: { line: 'the report itself is unsure (“reportedly”, “may”)', claim: 'its report itself is unsure about' },
  denial: { line: 'those concerned deny it', claim: 'those concerned deny' },
  'no-comment': { line: 'those concerned would not comment', claim: 'those concerned would not comment on' },
  conflict: { line: 'other reports tell it differently', claim: 'other reports tell differently' },
  'internal-inconsistency': { line: 'the report contradicts itself', claim: 'its report contradicts elsewhere' },
  repetition: { line: 'the story is told twice from one source', claim: 'is told twice from one source' },
  republished: { line: 'copied from another outlet, not a new source', claim: 'comes from a copied report, not a new source' },
  'headline-overreach': { line: 'the report’s own headline says more than its text', claim: 'a headline makes and its text does not back' },
  misspelling: { line: 'a name is misspelled', claim: 'misspells a name' },
  misnaming: { line: 'it names the wrong person, place or thing', claim: 'names the wrong person, place or thing' },
  'wrong-date': { line: 'it gives a wrong date', claim: 'gives a wrong date' },
  'factual-error': { line: 'it gets a fact wrong', claim: 'gets a fact wrong' },
  'missing-context': { line: 'it leaves out context needed to read it right', claim: 'needs context its report leaves out' },
  'self-serving': { line: 'this is the party’s own account of itself', claim: 'is the party’s own account of itself' },
  'interested-party': { line: 'it is said by a side with a stake against those it is about', claim: 'is an accusation by a side with a stake against those it is about' },
  undated: { line: 'the report does not say when it was written', claim: 'comes from a report that does not say when it was written' },
  'no-publisher': { line: 'the report does not say who published it', claim: 'comes from a report whose publisher is unknown' },
};

export const CAVEAT_KIND_TEXT = Object.fromEntries(
  (Object.keys(KIND_LINES) as CaveatKind[]).map((k) => [k, { label: CAVEAT_KINDS[k].label, ...KIND_LINES[k] }]),
) as Record<CaveatKind, KindText>;

export function kindText(kind: string): KindText {
  return CAVEAT_KIND_TEXT[kind as CaveatKind] ?? { label: 'Caveat', line: 'an editor flagged this', claim: 'an editor flagged' };
}

/** A report's publisher, or null when the KB does not know it. */
export function publisherOf(r: ReportRef): string | null {
  const p = r.publisher?.trim();
  return p && p.toLowerCase() !== 'unknown' ? p : null;
}

/** The reader's own reports have ids numbered from 500 (lib/reader-kb/add.ts `newReportId`). */
const READERS_REPORT = /^[5-9]\d\d_/;

/**
 * "Anue Juheng’s report of July 2024"; without a known publisher, "a report of
 * 24 February 2023". The reader's own reports are named by their titles
 * ("your report “Harbour board approves …”"): that is how the reader knows them.
 */
export function reportName(r: ReportRef): string {
  const publisher = publisherOf(r);
  const date = r.date ? formatDate(r.date) : '';
  if (READERS_REPORT.test(r.id) && r.headline?.trim()) return `your report “${r.headline.replace(/\s+/g, ' ').trim()}”${publisher ? ` (${publisher})` : ''}`;
  return `${publisher ? `${publisher}’s report` : 'a report'}${date ? ` of ${date}` : ''}`;
}

/** "Anue Juheng’s report of July 2024", capitalised, for a source line under a quote. */
export function reportByline(r: ReportRef): string {
  return capitalise(reportName(r));
}

function capitalise(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/** "In Anue Juheng’s report of July 2024: the claim rests on people the report does not name." */
export function caveatLine(c: Pick<CardCaveat, 'kind' | 'report'>): string {
  return whoseLine(c.kind, c.report);
}

/** Whose a caveat is, and what it means, in one line. */
export function whoseLine(kind: string, report: ReportRef): string {
  return `${capitalise(`in ${reportName(report)}`)}: ${kindText(kind).line}.`;
}

/**
 * A support line from counts: "In 3 reports, 2 independent sources"; "In 1
 * report"; "Only one source, repeated by 3 reports" (repetition is not
 * corroboration).
 */
export function supportText(s: Support): string {
  if (s.reports <= 1) return `In ${plural(s.reports, 'report')}`;
  if (s.independentSources <= 1) return `Only one source, repeated by ${s.reports} reports`;
  return `In ${s.reports} reports, ${plural(s.independentSources, 'independent source')}`;
}

/** The support line of a fact or claim that carries support counts; null without. */
export function factSupportLine(s: Support | undefined): string | null {
  return s ? supportText(s) : null;
}

/** "In 4 reports, 3 independent sources", or, without support counts, "In 4 reports". */
export function supportLine(card: RichCard): string {
  const s = card.support;
  // An entity can be known from reports that only describe or misspell it (no mention counted): those count too.
  const reports = s?.reports ?? Math.max(card.totals.reports, new Set(cardReports(card).map((r) => r.id)).size);
  if (reports === 0) return 'Not in any report yet';
  return s ? supportText({ ...s, reports }) : `In ${plural(reports, 'report')}`;
}

/** Who a fact is from, in words, when it is not the report's own voice. */
export function factSpeaker(f: RichFact): string | null {
  const sp = f.speaker;
  if (sp) {
    if (sp.kind === 'named' && sp.name) return `${sp.name}, in`;
    if (sp.kind === 'unnamed') return `${sp.name ? capitalise(sp.name) : 'Unnamed sources'}, in`;
    return null;
  }
  const a = f.attribution;
  if (!a || a.role === 'reporter' || !a.claimant) return null;
  return `${capitalise(a.claimant)}, in`;
}

/**
 * Text from the KB that names reports by their internal number ("per report
 * 000", "report 003 uses it…") with the report named as a reader knows it
 * (publisher and date). An unknown number reads "one of the reports".
 */
export function plainReportRefs(text: string, reports: readonly ReportRef[]): string {
  return text.replace(/\breport (\d{3})\b(?: \(publisher unknown\))?/g, (_, n: string) => {
    const r = reports.find((x) => x.id.startsWith(`${n}_`));
    return r ? reportName(r) : 'one of the reports';
  });
}

/** Every report a card refers to. */
export function cardReports(card: EntityCard): ReportRef[] {
  return [card.descriptionSource.report, ...card.reports, ...card.facts.map((f) => f.report), ...card.caveats.map((c) => c.report)];
}
