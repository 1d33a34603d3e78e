// The one table of caveat kinds: what a reader sees for each (a plain label and
// a one-line explanation), whether it is about a claim or about the report as a
// whole, and how much it changes what a reader should believe. The card, the
// panel and the build all rank caveats from here; nothing else defines an order.
import type { CaveatKind, Severity } from '../schema';

export type CaveatScope = 'claim' | 'report';

export interface CaveatKindInfo {
  /** Short badge a reader understands, no internal terms. */
  label: string;
  /** One line: why this matters to the reader. */
  explanation: string;
  /** Lower ranks change belief more: a denial of the claim before a spelling slip. */
  rank: number;
  scope: CaveatScope;
}

/** Severity order, most severe first. The one place that defines it. */
export const SEVERITY_ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

export const CAVEAT_KINDS: Record<CaveatKind, CaveatKindInfo> = {
  'factual-error': { label: 'Factual error', explanation: 'An editor found this to be wrong, for the reason given.', rank: 0, scope: 'claim' },
  denial: { label: 'Denied', explanation: 'The party it is about denies it, and the report does not settle who is right.', rank: 1, scope: 'claim' },
  conflict: { label: 'Reports disagree', explanation: 'Other statements about the same thing say something different.', rank: 2, scope: 'claim' },
  'internal-inconsistency': { label: 'Report contradicts itself', explanation: 'The report says different things about this in different places.', rank: 3, scope: 'claim' },
  'wrong-date': { label: 'Wrong date', explanation: 'The date given does not fit the events described.', rank: 4, scope: 'claim' },
  'headline-overreach': { label: 'Headline says more', explanation: 'The report’s own headline says more than its text supports.', rank: 5, scope: 'claim' },
  'anonymous-source': { label: 'Unnamed source', explanation: 'Nobody is named for this, so a reader cannot check who said it or how they know.', rank: 6, scope: 'claim' },
  'interested-party': { label: 'Said by an adversary', explanation: 'This is said by a side with a stake against the party it is about; it is an accusation, not a finding.', rank: 7, scope: 'claim' },
  'self-serving': { label: 'Own account', explanation: 'This is how the party describes itself or its own product or policy, not an independent view.', rank: 8, scope: 'claim' },
  unsourced: { label: 'No source given', explanation: 'The report states this without saying where it comes from.', rank: 9, scope: 'claim' },
  hedged: { label: 'Not confirmed', explanation: 'The wording presents this as possible or reported, not as established.', rank: 10, scope: 'claim' },
  'missing-context': { label: 'Missing context', explanation: 'Something a reader needs to weigh this is left out.', rank: 11, scope: 'claim' },
  'no-comment': { label: 'No reply', explanation: 'The party concerned did not comment, so only one side is given.', rank: 12, scope: 'claim' },
  misnaming: { label: 'Wrong name', explanation: 'The report calls something by a name that is not its own.', rank: 13, scope: 'claim' },
  misspelling: { label: 'Misspelt', explanation: 'A name is spelt in a nonstandard way; it is the same thing.', rank: 14, scope: 'claim' },
  republished: { label: 'Republished', explanation: 'This text is copied from another outlet: it is not an independent report.', rank: 15, scope: 'report' },
  repetition: { label: 'Told twice', explanation: 'The report repeats its own story; a repeat is not a second source.', rank: 16, scope: 'report' },
  undated: { label: 'No date', explanation: 'The report does not say when it was written, so a reader cannot tell how current it is.', rank: 17, scope: 'report' },
  'no-publisher': { label: 'Publisher unknown', explanation: 'The report does not say who published it, so its record cannot be weighed.', rank: 18, scope: 'report' },
};

type Ranked = { severity: Severity; kind: CaveatKind; scope?: CaveatScope };

/** How much a caveat changes belief: its kind's rank; an editor's note about the page itself (its furniture, its byline) after every kind. */
function rankOf(c: Ranked): number {
  return CAVEAT_KINDS[c.kind].rank + (c.scope === 'report' && CAVEAT_KINDS[c.kind].scope === 'claim' ? 100 : 0);
}

/** Sort key: severity first, then how much the kind changes belief. */
export function caveatOrder(a: Ranked, b: Ranked): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || rankOf(a) - rankOf(b);
}

/** Alias for readers of the card contract. */
export const caveatLabels = CAVEAT_KINDS;
