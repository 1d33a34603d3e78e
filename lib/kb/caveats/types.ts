// Shared types of the caveat detector.
import type { ClaimantRole, KbClaim, KbReport } from '../document';
import type { CaveatKind, Entity, QuoteRef, Severity } from '../schema';

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
  /** Claims it applies to beyond those its quote overlaps (e.g. every claim credited to an outlet that cites no sources). */
  claims?: string[];
  /** Other places the same claim or problem appears (the caveat's own quote is added first). */
  appearances?: { report: string; quote: string; start: number }[];
  /** 0..1; defaults by origin. */
  confidence?: number;
  context?: string | null;
  claimant?: { name: string; role: ClaimantRole; entity: string | null } | null;
  /** Overrides the kind's scope (an editor's note about the page rather than a claim). */
  scope?: 'claim' | 'report';
  /** Id of the automatic rule. */
  rule?: string;
}

export interface DetectorInput {
  reports: readonly KbReport[];
  claims: readonly KbClaim[];
  entities: readonly Entity[];
}
