// Provenance of the report itself: no date of its own, no publisher named.
// One finding per report, quoting its headline (the report as a whole is the
// subject); the card shows it once, not once per entity.
import { CAVEAT_KINDS } from './kinds';
import type { CaveatDraft } from './types';
import { quoteDraft, type ReportView } from './view';

function headlineSpan(view: ReportView): [number, number] | null {
  const h = view.headline ?? view.sentences[0];
  return h ? [h.start, h.end] : null;
}

export function undated(view: ReportView): CaveatDraft[] {
  const d = view.report.date;
  if (!d.inferred) return [];
  const span = headlineSpan(view);
  if (!span) return [];
  const worked = d.value ? ` The date used here (${d.value}) is worked out: ${d.reason}` : '';
  return [
    quoteDraft(view, span[0], span[1], {
      kind: 'undated',
      severity: 'low',
      label: CAVEAT_KINDS.undated.label,
      explanation: `${CAVEAT_KINDS.undated.explanation}${worked}`,
      reasoning: 'Rule report-undated: the text states no date of its own.',
      rule: 'report-undated',
      confidence: 0.9,
      claimant: null,
      entities: [],
    }),
  ];
}

export function noPublisher(view: ReportView): CaveatDraft[] {
  if (view.report.publisher !== 'unknown' || view.report.republishedFrom) return [];
  const span = headlineSpan(view);
  if (!span) return [];
  return [
    quoteDraft(view, span[0], span[1], {
      kind: 'no-publisher',
      severity: 'low',
      label: CAVEAT_KINDS['no-publisher'].label,
      explanation: CAVEAT_KINDS['no-publisher'].explanation,
      reasoning: `Rule report-no-publisher: neither the text nor its metadata names who published it (${view.report.publisherReason}).`,
      rule: 'report-no-publisher',
      confidence: 0.9,
      claimant: null,
      entities: [],
    }),
  ];
}
