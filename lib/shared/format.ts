// Pure helpers for the card components: labels and dates as readers see them.
import type { EntityType, Severity } from '../kb/schema';
import type { MentionReason } from '../match/types';

export const TYPE_LABEL: Record<EntityType, string> = {
  person: 'Person',
  organisation: 'Organisation',
  place: 'Place',
  weapon: 'Weapon',
  event: 'Event',
  agreement: 'Agreement',
};

/** Most severe first (type-only import of the schema: no zod in the content script). */
export const SEVERITY_ORDER: readonly Severity[] = ['high', 'medium', 'low'];

export const SEVERITY_LABEL: Record<Severity, string> = { high: 'High', medium: 'Medium', low: 'Low' };
/** A shape per severity, so severity is never told by colour alone (with the word). */
export const SEVERITY_ICON: Record<Severity, string> = { high: '▲', medium: '◆', low: '●' };

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Dates as people write them: "2023-02-24" → "24 February 2023", "2023-03" → "March 2023", "2024" → "2024"; anything else as is. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  const month = mo ? MONTHS[Number(mo) - 1] : undefined;
  if (!month) return y!;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/**
 * The character span of a claim's sentence in its report. Claim ids are
 * `<report id>@<start offset>` (lib/kb/build.ts), and the quote is the exact
 * sentence, so the span is [start, start + quote.length).
 */
export function claimSpan(claimId: string, quote: string): { quoteStart?: number; quoteEnd?: number } {
  const m = /@(\d+)$/.exec(claimId);
  if (!m) return {};
  const start = Number(m[1]);
  return { quoteStart: start, quoteEnd: start + quote.length };
}

/** "Why this link", in words. */
export function reasonText(reason: MentionReason, alias: string, surface: string): string {
  const name = `“${surface || alias}”`;
  const via = surface && alias && surface !== alias ? ` (the name “${alias}”)` : '';
  switch (reason) {
    case 'alias':
      return `Linked because ${name}${via} is a name of this entry.`;
    case 'context-full-name':
      return `${name}${via} is a short name; linked because the full name appears earlier on this page.`;
    case 'context-nearby':
      return `${name}${via} is a short or ambiguous name; linked because other people, places or organisations from the reports are named nearby.`;
    case 'ambiguous':
      return `${name}${via} fits more than one entry, so Backstory does not guess.`;
  }
}

/** Short rule name as the reports' reviewers use it. */
export const REASON_RULE: Record<MentionReason, string> = {
  alias: 'exact name',
  'context-full-name': 'full name earlier on the page',
  'context-nearby': 'other entities nearby',
  ambiguous: 'ambiguous',
};

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
