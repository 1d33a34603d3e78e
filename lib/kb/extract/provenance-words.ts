// The words the report-provenance rules in meta.ts read (data/provenance-phrases.json), zod-validated when the
// module loads so a bad file fails the build naming its key. The genre's words, never an outlet's name.
import { z } from 'zod';
import raw from '../../../data/provenance-phrases.json';

const phrases = z.array(z.string().trim().min(1, 'must not be empty')).min(1);

export const ProvenancePhrasesFile = z
  .object({
    $comment: z.string().optional(),
    /** What a newsroom calls one of its texts ("This explainer was first published by …"). */
    pieceNouns: phrases,
    /** What an outlet calls itself in a footer ("The X is a nonprofit newsroom covering …"). */
    outletSelfNouns: phrases,
    /** Words before an outlet's name in the body ("told The X", "obtained by The X"): a byline field named so is the outlet. */
    outletCueVerbs: phrases,
  })
  .strict();

export const PROVENANCE_PHRASES = ProvenancePhrasesFile.parse(raw);

/** A list as one alternation, longest first, spaces matching any white space. */
export function alternation(list: readonly string[]): string {
  return [...list]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'))
    .join('|');
}
