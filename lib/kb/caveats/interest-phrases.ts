// The words the interest rules read, from data/interest-phrases.json (zod-validated when the module loads, so a
// bad pattern fails the build naming its key). The rules are code; the genre's words are data.
import { z } from 'zod';
import raw from '../../../data/interest-phrases.json';

const pattern = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .superRefine((src, ctx) => {
    try {
      new RegExp(src, 'iu');
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: `not a valid regular expression: ${(e as Error).message}` });
    }
  });
const patterns = z.array(pattern).min(1);

export const InterestPhrasesFile = z
  .object({
    $comment: z.string().optional(),
    /** A body vouching for its own conduct, product or record ("acted with the utmost restraint", "set the standard for"). */
    vouchPatterns: patterns,
    /** A body saying it kept the rules ("followed the law to the letter"): its own account, unless it restates its denial just before. */
    compliancePatterns: patterns,
    /** A person's role that speaks for a side ("GLZ chairman X", "her coach"): their charge is that side's. */
    sideRoles: patterns,
    /** How a report marks a speaker as the other side ("Opposition senator", "Rival exchange", "who has clashed with"). */
    opponentMarkers: patterns,
    /** A speaker of no side (an analyst, an academic, an auditor): their criticism is not an interested party's. */
    neutralRoles: patterns,
    /** A side's own document that can accuse ("The letter accused the family of …"). */
    partyDocuments: patterns,
    /** A side's words for what the other side does ("an attack on", "irresponsible", "harassment of", "a cover-up"). */
    disparagingPatterns: patterns,
    /** A superlative that blames rather than praises ("the worst", "the most dangerous", "the biggest fraud"): never self-praise. */
    negativeSuperlatives: patterns,
    /** A body putting its own failure down to someone else ("the outage was caused by … at a third-party data centre", "blamed a supplier"). */
    blameShiftPatterns: patterns,
    /** "without providing evidence": a person's accusation the sourcing rules already flag as unbacked, the caveat that matters more. */
    unbackedMarkers: patterns,
  })
  .strict();

export const INTEREST_PHRASES = InterestPhrasesFile.parse(raw);

/** One case-insensitive regular expression matching any of the patterns from a word boundary. */
export const anyOf = (list: readonly string[]) => new RegExp(`\\b(?:${list.join('|')})`, 'iu');
