// What a claim is about: the entity that is the subject of the reported
// statement, not every entity that stands next to it. "Officials said China
// sold drones to Russia" is about China; Russia is the object, the officials
// are the speaker.
import type { Attribution } from './document';
import type { MentionInSentence } from './attribution';

// The object of a preposition is not the subject; the one told ("told Harbour Wire that …") never is.
const PREP_BEFORE = /\b(?:to|in|at|from|of|with|on|for|by|about|into|over|against|between|near|after|before|during|via|under|toward|towards|than|per|told|tells|tell)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+|his\s+|her\s+)?$/i;
const ADDRESSEE = /\b(?:told|tells|tell)\s+(?:the\s+)?$/i;

/**
 * The subject of a sentence's claim: the first mention that is not the speaker,
 * not inside the speech tag, and not the object of a preposition; else the
 * speaker (someone speaking about themselves); else the first mention.
 */
export function claimSubject(sentence: string, mentions: readonly MentionInSentence[], attribution: Attribution): string | null {
  if (mentions.length === 0) return null;
  // "It has insisted …", "He said …": the sentence is about the speaker a pronoun stands for.
  if (attribution.entity && /^\s*(?:It|He|She|They)\b/.test(sentence)) return attribution.entity;
  const tag = speechTagSpan(sentence, attribution);
  // A dateline ("BOLOGNA, May 18 (Harbour Wire) -") names the agency, not what the sentence is about.
  const dateline = /^[A-Z][A-Z .'’-]{2,40},[^\n]{0,40}?\([^)]{2,40}\)\s*[-–—]\s*/.exec(sentence)?.[0].length ?? 0;
  const candidates = mentions.filter(
    (m) => m.start >= dateline && m.entity !== attribution.entity && !(tag && m.start >= tag[0] && m.end <= tag[1]) && !ADDRESSEE.test(sentence.slice(Math.max(0, m.start - 12), m.start)),
  );
  const free = freeMentions(sentence, candidates);
  return free[0]?.entity ?? attribution.entity ?? candidates[0]?.entity ?? null;
}

/** Where the speaker's phrase is in the sentence ("According to X,", "X said"), if it can be found. */
export function speechTagSpan(sentence: string, a: Attribution): [number, number] | null {
  if (a.role === 'reporter' || a.claimant === '') return null;
  const at = sentence.indexOf(a.claimant);
  if (at < 0) return null;
  return [at, at + a.claimant.length];
}

/** The entities a claim-level caveat is about: the claim's subject and its speaker. */
export function subjectAndSpeaker(subject: string | null, attribution: Attribution): string[] {
  return [...new Set([subject, attribution.entity].filter((x): x is string => x !== null))];
}

/**
 * The subject among the mentions inside [start, end) of a text: the first that
 * is not the object of a preposition and not `exclude` (the speaker).
 */
export function subjectIn(text: string, mentions: readonly { start: number; end: number; entity: string }[], start: number, end: number, exclude: string | null): string | null {
  const inside = mentions.filter((m) => m.start >= start && m.end <= end && m.entity !== exclude);
  return freeMentions(text, inside)[0]?.entity ?? null;
}

/** Mentions that are not the object of a preposition, nor joined by "and"/"or" to one that is ("from Iran and North Korea"), nor the possessor of the next mention. */
function freeMentions<M extends { start: number; end: number }>(text: string, mentions: readonly M[]): M[] {
  const out: M[] = [];
  let previousObject: M | null = null;
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    // A possessor of the next name ("Iran’s Shahed drone") is not the head: the thing possessed is.
    const next = mentions[i + 1];
    if (next && /^['’]s\s+(?:the\s+)?$/.test(text.slice(m.end, next.start))) continue;
    const before = text.slice(Math.max(0, m.start - 30), m.start);
    const coordinated = previousObject !== null && /^\s*(?:,\s*)?(?:and|or)?\s*(?:the\s+)?$/.test(text.slice(previousObject.end, m.start));
    if (PREP_BEFORE.test(before) || coordinated) {
      previousObject = m;
      continue;
    }
    previousObject = null;
    out.push(m);
  }
  return out;
}
