// Headline overreach: the headline asserts what the body does not support.
//   - The body says there is no evidence of what a headline clause asserts
//     ("Begins to Arm Russia" vs "There is no public evidence it is currently
//     supplying arms to Russia").
//   - The headline ties two events together ("… after the destruction of the
//     Chinese drone …") and the body says the link "may or may not be a
//     coincidence".
import { contentKeys } from './text';
import type { CaveatDraft } from './types';
import { quoteDraft, type ReportView } from './view';

const NO_EVIDENCE = /\b(?:there (?:is|was) )?no (?:public |hard |direct |concrete |firm )?(?:evidence|proof)(?: so far)?(?: (?:that|of))?\s+([^.;]*)/gi;
const COINCIDENCE = /\b(?:may or may not be|might be|could be|is|was) (?:a |pure |just )?coincidence\b|\bcoincidental\b/i;
const LINK = /\b(?:after|following|because of|due to|in response to|in retaliation for|amid)\b/i;

/** Headline clauses: split at commas, colons and the linking words, which start a clause. */
function headlineClauses(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const cuts = [0];
  for (const m of text.matchAll(/[,:;?]|\s(?=(?:after|following|because of|due to|in response to|amid|while|as)\s)/gi)) cuts.push(m.index + (m[0].trim() === '' ? 1 : 1));
  cuts.push(text.length);
  for (let i = 0; i + 1 < cuts.length; i++) {
    let s = cuts[i]!;
    let e = cuts[i + 1]!;
    while (s < e && /[\s,:;?]/.test(text[s]!)) s++;
    while (e > s && /[\s,:;?]/.test(text[e - 1]!)) e--;
    if (e > s) spans.push([s, e]);
  }
  return spans;
}

export function headlineOverreach(view: ReportView): CaveatDraft[] {
  const head = view.headline;
  if (!head) return [];
  const body = view.sentences.filter((s) => s !== head && s.text !== head.text && !s.heading);
  const clauses = headlineClauses(head.text);
  const out: CaveatDraft[] = [];
  const flagged = new Set<string>();

  // 1. "no evidence that X" against a headline clause asserting X.
  for (const s of body) {
    NO_EVIDENCE.lastIndex = 0;
    for (const m of s.text.matchAll(NO_EVIDENCE)) {
      const what = contentKeys(m[1]!);
      if (what.size === 0) continue;
      for (const [cs, ce] of clauses) {
        const clause = head.text.slice(cs, ce);
        if (/\b(?:may|might|could|reportedly|no|not)\b/i.test(clause)) continue;
        const keys = contentKeys(clause);
        const shared = [...keys].filter((k) => what.has(k));
        // At least two shared content words, one of them not a name (in a title-case headline, case tells nothing).
        const names = new Set(head.mentions.filter((x) => x.start >= cs && x.end <= ce).flatMap((x) => [...contentKeys(head.text.slice(x.start, x.end))]));
        const nonName = shared.filter((k) => !names.has(k));
        if (shared.length < 2 || nonName.length === 0) continue;
        const key = `${cs}`;
        if (flagged.has(key)) continue;
        flagged.add(key);
        const evidence = s.text.slice(m.index).replace(/\s+$/, '');
        out.push(
          quoteDraft(view, head.start + cs, head.start + ce, {
            kind: 'headline-overreach',
            severity: 'high',
            label: 'Headline claims more than the body',
            explanation: `The headline states “${clause}”, but the body says “${evidence}”: the headline presents as fact what the report itself says there is no evidence for.`,
            reasoning: 'Rule headline-no-evidence: a headline clause shares its key words with a body sentence that says there is no evidence of it.',
            rule: 'headline-no-evidence',
            confidence: 0.8,
            related: [{ report: view.id, quote: evidence }],
            claimant: { name: head.attribution.claimant, role: 'reporter', entity: null },
          }),
        );
      }
    }
  }

  // 2. A headline link between events that the body calls a possible coincidence.
  const coincidence = body.find((s) => COINCIDENCE.test(s.text));
  if (coincidence) {
    for (const [cs, ce] of clauses) {
      const clause = head.text.slice(cs, ce);
      if (!LINK.test(clause.split(/\s+/)[0] ?? '') && !/^(?:after|following|because of|due to|in response to|amid)\b/i.test(clause)) continue;
      if (flagged.has(`${cs}`)) continue;
      flagged.add(`${cs}`);
      const hedge = coincidence.text.match(COINCIDENCE)![0];
      const [qs, qe] = [coincidence.text.indexOf(hedge), coincidence.text.indexOf(hedge) + hedge.length];
      const sentenceStart = coincidence.text.lastIndexOf(',', qs) + 1;
      const related = coincidence.text.slice(sentenceStart, qe).trim();
      out.push(
        quoteDraft(view, head.start + cs, head.start + ce, {
          kind: 'headline-overreach',
          severity: 'medium',
          label: 'Headline claims more than the body',
          explanation: `The headline links the story to an event (“${clause}”), but the body only says the timing “${hedge}”: the connection is the headline’s, not the report’s.`,
          reasoning: 'Rule headline-link-coincidence: the headline ties two events with "after"/"following"/"because of" and the body calls the link a possible coincidence.',
          rule: 'headline-link-coincidence',
          confidence: 0.75,
          related: [{ report: view.id, quote: related }],
          claimant: { name: head.attribution.claimant, role: 'reporter', entity: null },
        }),
      );
    }
  }
  return out;
}
