// Who is a side: whether a speaker the report names stands for one side of a dispute (a union's chairman, an
// opposition senator, a rival company, a councillor "who has clashed with" the one accused) or for none (an analyst,
// an academic, an auditor), read from how the report introduces them. The words are in data/interest-phrases.json.
import { anyOf, INTEREST_PHRASES } from './interest-phrases';
import type { Corpus, ReportView, SentenceView } from './view';

const SIDE_ROLE = anyOf(INTEREST_PHRASES.sideRoles);
const OPPONENT = anyOf(INTEREST_PHRASES.opponentMarkers);
const NEUTRAL = anyOf(INTEREST_PHRASES.neutralRoles);
export const PARTY_DOCUMENT = new RegExp(`^(?:the|their|its|his|her) (?:${INTEREST_PHRASES.partyDocuments.join('|')})$`, 'iu');
export const DISPARAGING = anyOf(INTEREST_PHRASES.disparagingPatterns);
export const UNBACKED = anyOf(INTEREST_PHRASES.unbackedMarkers);

export type Standing = 'side' | 'rival' | 'neutral' | null;

/**
 * How the report introduces a speaker: the words before their first mention in its sentence ("GLZ chairman", "Rival
 * exchange", "Opposition senator"), the speech tag itself, and the apposition after it (", who has clashed with X
 * over the budget,"). A neutral role wins over a side's.
 */
export function standingOf(view: ReportView, corpus: Corpus, entity: string | null, claimant: string, s: SentenceView): Standing {
  // "an independent member of parliament", "independent candidate": a politician without a party, not a neutral expert.
  const text = introductionOf(view, entity, claimant, s).replace(/\bindependent\s+(?=(?:member|MP|lawmaker|legislator|senator|deputy|councillor|councilor|candidate|politician|assemblyman|assemblywoman)\b)/gi, '');
  if (NEUTRAL.test(text)) return 'neutral';
  if (/\b(?:rival|competitor)\b/i.test(text)) return 'rival';
  if (OPPONENT.test(text) || SIDE_ROLE.test(text)) return 'side';
  if (entity && corpus.entityById.get(entity)?.type === 'organisation') return 'side';
  return null;
}

/** How the report introduces a speaker: their speech tag, the words before their first mention and the apposition after it. */
export function introductionOf(view: ReportView, entity: string | null, claimant: string, s: SentenceView): string {
  const windows = [claimant];
  const first = entity ? view.mentions.find((m) => m.entity === entity) : undefined;
  if (first) {
    const sent = view.sentences.find((x) => x.start <= first.start && first.start < x.end) ?? s;
    const before = view.text.slice(Math.max(sent.start, first.start - 80), first.start);
    const after = /^[^,]*,\s*((?:who|whose|the|a|an|its|his|her)\b[^,]{0,100}),/.exec(view.text.slice(first.end, sent.end))?.[1] ?? '';
    windows.push(before, after);
  }
  return windows.join(' | ');
}
