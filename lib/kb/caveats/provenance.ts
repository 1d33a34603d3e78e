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

/**
 * The same passage pasted twice (two or more sentences repeated word for
 * word, as when a page carries its article twice): one report-level caveat.
 * Reworded retellings are tellings.ts's to find.
 */
export function duplicatedText(view: ReportView): CaveatDraft[] {
  const fold = (t: string) => t.toLowerCase().replace(/\s+/g, ' ').trim();
  const seen = new Map<string, number>();
  const body = view.sentences.filter((s) => !s.heading);
  for (let i = 0; i < body.length; i++) {
    const key = fold(body[i]!.text);
    const j = seen.get(key);
    if (j !== undefined && key.length >= 40 && body[i + 1] && body[j + 1] && fold(body[i + 1]!.text) === fold(body[j + 1]!.text)) {
      const first = body[j]!;
      const copy = body[i]!;
      return [
        quoteDraft(view, copy.start, copy.end, {
          kind: 'repetition',
          severity: 'medium',
          label: 'Text repeated',
          explanation: 'From here the report repeats, word for word, text it has already given. The repeat is one report, not a second source.',
          reasoning: 'Rule duplicated-text: two or more consecutive sentences appear twice, word for word.',
          rule: 'duplicated-text',
          confidence: 0.95,
          claimant: null,
          entities: [],
          appearances: [{ report: view.id, quote: first.text, start: first.start }],
        }),
      ];
    }
    if (!seen.has(key)) seen.set(key, i);
  }
  return [];
}
