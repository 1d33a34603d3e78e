// Automatic findings computed from the reports themselves. Each one rests on an
// exact quote; the rule that produced it is its `reasoning`.
import type { KbClaim, KbReport } from './document';
import type { CaveatKind, Entity, QuoteRef, Severity } from './schema';

export interface CaveatDraft {
  kind: CaveatKind;
  severity: Severity;
  label: string;
  report: string;
  quote: string;
  /** Where the quote starts, when the detector knows (quotes can repeat in a report). */
  start?: number;
  explanation: string;
  reasoning: string;
  origin: 'auto' | 'editor';
  /** Defaults to the entities of the sentences the quote overlaps. */
  entities?: string[];
  related?: QuoteRef[];
}

export interface DetectorInput {
  reports: readonly KbReport[];
  claims: readonly KbClaim[];
  entities: readonly Entity[];
}

export function detectCaveats({ reports, claims }: DetectorInput): CaveatDraft[] {
  const drafts: CaveatDraft[] = [];
  for (const claim of claims) {
    const a = claim.attribution;
    if (a.role === 'anonymous-officials' || a.role === 'outlet-unnamed-sources') {
      drafts.push({
        kind: 'anonymous-source',
        severity: 'medium',
        label: 'Anonymous source',
        report: claim.report,
        quote: claim.text,
        start: claim.start,
        explanation: `This rests on ${a.claimant}, who are not named; the report gives no way to check them.`,
        reasoning: `Attribution cue "${a.cue}" with an unnamed claimant.`,
        origin: 'auto',
      });
    }
    if (claim.hedges.length > 0) {
      drafts.push({
        kind: 'hedged',
        severity: 'low',
        label: 'Hedged',
        report: claim.report,
        quote: claim.text,
        start: claim.start,
        explanation: `The report itself hedges this (${claim.hedges.map((h) => `“${h}”`).join(', ')}): it is not stated as established.`,
        reasoning: 'Hedge words in the sentence, not followed by a capability verb.',
        origin: 'auto',
      });
    }
  }
  for (const report of reports) {
    for (const note of report.notes) {
      if (note.quote === null) continue;
      const kind: CaveatKind | null =
        note.kind === 'republished' ? 'republished' : note.kind === 'tells-story-twice' ? 'repetition' : note.kind === 'headline-overreach' ? 'headline-overreach' : null;
      if (!kind) continue;
      drafts.push({
        kind,
        severity: kind === 'headline-overreach' ? 'high' : 'medium',
        label: kind === 'republished' ? 'Republished' : kind === 'repetition' ? 'Tells its story twice' : 'Headline claims more than the body',
        report: report.id,
        quote: note.quote,
        explanation: note.text,
        reasoning: 'From the report metadata.',
        origin: 'auto',
      });
    }
  }
  return drafts;
}
