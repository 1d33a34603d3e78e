// Callback types shared by the card components.
import type { MentionReason } from '../../lib/match/types';

/** Ask for a report to be opened (the side panel), optionally at a quote. */
export type OpenReport = (request: { id: string; quoteStart?: number; quoteEnd?: number }) => void;

/** What was matched on the page, for "why this link". */
export interface MentionInfo {
  /** The text as the page writes it. */
  surface: string;
  /** The KB alias that matched. */
  alias: string;
  reason: MentionReason;
}
