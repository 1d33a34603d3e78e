// The linker's output in a page, for the UI: the reader's "Not this"
// corrections applied as each block is linked, the card's "Why this link"
// line and the side panel's "Not linked" list. Runs in the engine chunk
// (/linker.js, lib/link/chunk.ts): the content script's core only calls it.
import type { Matcher } from '../match/compile';
import type { ContextState } from '../match/resolve';
import type { Mention } from '../match/types';
import { applyCorrections, type CorrectionsData } from './correct';
import type { LinkState, Rejected } from './state';
import { nameOf, whyLinked, whyNotLinked } from './why';

type Spot = (matcher: Matcher, text: string, state: ContextState) => Mention[];

/** Rejected candidates kept per page (the linker's own cap). */
const MAX_REJECTED = 500;

/**
 * `spot` with the site's corrections applied to every block it links: a
 * corrected link is not returned (so never marked) and is kept among the
 * page's rejected candidates with reason 'corrected'. `current` is read per
 * block, so a new correction applies to the next read.
 */
export function withCorrections(spot: Spot, current: () => CorrectionsData, site: string): Spot {
  return (matcher, text, state) => {
    const mentions = spot(matcher, text, state);
    const file = current();
    if (mentions.length === 0 || file.corrections.length === 0) return mentions;
    const { kept, dropped } = applyCorrections(mentions, file, site);
    const rejected = (state as Partial<LinkState>).rejected;
    if (rejected)
      for (const m of dropped)
        if (rejected.length < MAX_REJECTED)
          rejected.push({ start: m.start, end: m.end, surface: m.surface, alias: m.alias, candidates: m.entityId !== null ? [m.entityId] : [...m.candidates], reason: 'corrected' });
    return kept;
  };
}

/** What the card says about its link: one plain line, and the other KB entities the name could be. */
export interface LinkExplanation {
  why: string;
  alternatives: { id: string; name: string }[];
}

/** A linked mention as the page keeps it (lib/page/core/marks.ts PageMention fits). */
export interface LinkedMention {
  readonly entityId: string | null;
  readonly candidates: readonly string[];
  readonly why?: readonly string[];
  readonly alternatives?: readonly string[];
}

export function explainLink(matcher: Matcher, m: LinkedMention): LinkExplanation | null {
  if (m.entityId === null) return null;
  // The alternatives are offered by the card ("Or did you mean …?"), not repeated in the line.
  return { why: whyLinked(matcher, { entityId: m.entityId, candidates: [...m.candidates], why: m.why ? [...m.why] : undefined }), alternatives: (m.alternatives ?? []).map((id) => ({ id, name: nameOf(matcher, id) })) };
}

/** One line of the side panel's "Not linked" list. */
export interface NotLinkedItem {
  surface: string;
  /** Why not, in plain words. */
  reason: string;
  /** How many times the page has these words for this reason. */
  count: number;
}

/** The page's rejected candidates, one line per surface and reason (reading order, at most `max`). */
export function notLinkedList(matcher: Matcher, state: ContextState, max = 40): NotLinkedItem[] {
  const rejected: readonly Rejected[] = (state as Partial<LinkState>).rejected ?? [];
  const out = new Map<string, NotLinkedItem>();
  for (const r of rejected) {
    const reason = whyNotLinked(matcher, r);
    const k = `${r.surface.toLowerCase()}\u0000${reason}`;
    const seen = out.get(k);
    if (seen) seen.count++;
    else if (out.size < max) out.set(k, { surface: r.surface, reason, count: 1 });
  }
  return [...out.values()];
}
