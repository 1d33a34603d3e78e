// What a claim is about: the entity that is the subject of the reported
// statement, not every entity that stands next to it. "Officials said China
// sold drones to Russia" is about China; Russia is the object, the officials
// are the speaker.
import type { Attribution } from './document';
import type { MentionInSentence } from './attribution';

// The object of a preposition is not the subject; the one told ("told Harbour Wire that …") never is.
const PREP_BEFORE = /\b(?:to|in|at|from|of|with|on|for|by|about|into|over|against|between|near|after|before|during|via|under|toward|towards|than|per|told|tells|tell)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+|his\s+|her\s+)?$/i;
const ADDRESSEE = /\b(?:told|tells|tell)\s+(?:the\s+)?$/i;
// A thing the claim compares its subject with ("similar to Iran’s drone", "like X", "based on X") or
// leaves aside ("without naming X") is not what the claim is about. (A thing being copied is: the
// claim is about making a copy of it.)
const COMPARED_BEFORE =
  /\b(?:similar\s+to|(?<!\b(?:would|could|I|we|they|you|to|not|’d|'d)\s)like|unlike|akin\s+to|compared\s+(?:with|to)|in\s+comparison\s+(?:with|to)|based\s+on|modell?ed\s+(?:on|after)|resembl(?:ing|es?)|rather\s+than|instead\s+of|(?:without|not)\s+(?:mentioning|naming|citing|referring\s+to)|mentioning|naming)\s+(?:either\s+|neither\s+|both\s+)?(?:the\s+|a\s+|an\s+|its\s+|their\s+|his\s+|her\s+)?(?:[\p{Ll}\p{Lu}][\p{L}-]*\s+){0,2}$/iu;
// A name inside a relative clause (", with which Russia has launched …") belongs to that clause, not to the claim.
const RELATIVE_BEFORE = /,\s*(?:[a-z]+\s+)?(?:which|whom|whose|where)\s+(?:[a-z]+\s+){0,2}(?:the\s+)?$/;
// With no free name, what the sentence relates is its topic ("the meeting between X and Y", "trade with X", "the town of X").
const RELATIONAL_BEFORE = /\b(?:between|with|of)\s+(?:the\s+)?$/i;
// A place the claim happens in ("deployed drones in Ukraine") is where, not who.
const LOCATIVE_BEFORE = /\b(?:in|at|near|inside|across|throughout|over|from|into|to)\s+(?:the\s+)?$/i;

/**
 * The subject of a sentence's claim: the first mention that is not the speaker,
 * not inside the speech tag, and not the object of a preposition; else the
 * speaker (someone speaking about themselves); else the first mention.
 */
export function claimSubject(sentence: string, mentions: readonly MentionInSentence[], attribution: Attribution, demonym: Demonyms | null = null): string | null {
  if (mentions.length === 0) return null;
  // "It has insisted …", "He said …": the sentence is about the speaker a pronoun stands for.
  if (attribution.entity && /^\s*(?:It|He|She|They)\b/.test(sentence)) return attribution.entity;
  const tag = speechTagSpan(sentence, attribution);
  // A dateline ("BOLOGNA, May 18 (Harbour Wire) -", "HANOI -") names where it was filed or the agency, and a
  // transcript's speaker label ("LEE:") who speaks: neither is what the sentence is about.
  const dateline = /^(?:[A-Z][A-Z .'’-]{2,40}(?:,[^\n]{0,40}?)?\s+[-–—]\s+|[A-Z][A-Z .'’-]{2,40},[^\n]{0,40}?\([^)]{2,40}\)\s*[-–—]\s*|\p{Lu}[\p{Lu}'’-]+(?: \p{Lu}[\p{Lu}'’-]+){0,2}:\s+)/u.exec(sentence)?.[0].length ?? 0;
  const candidates = mentions.filter(
    (m) => m.start >= dateline && m.entity !== attribution.entity && !(tag && m.start >= tag[0] && m.end <= tag[1]) && !ADDRESSEE.test(sentence.slice(Math.max(0, m.start - 12), m.start)),
  );
  const free = freeMentions(sentence, candidates);
  const fallback = candidates.find((m) => !compared(sentence, candidates, m) && !(m.type === 'place' && LOCATIVE_BEFORE.test(sentence.slice(Math.max(0, m.start - 30), m.start))));
  // "Chinese and Russian companies engaged in talks": with no name free, a country's adjective stands for it.
  const adjectives = demonym ? freeMentions(sentence, demonymMentions(sentence, mentions, demonym).filter((m) => m.start >= dateline && !(tag && m.start >= tag[0] && m.end <= tag[1]))) : [];
  return free[0]?.entity ?? attribution.entity ?? adjectives[0]?.entity ?? (fallback && (!PREP_BEFORE.test(sentence.slice(Math.max(0, fallback.start - 30), fallback.start)) || RELATIONAL_BEFORE.test(sentence.slice(Math.max(0, fallback.start - 30), fallback.start))) ? fallback.entity : null);
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
    if (compared(text, mentions, m)) {
      previousObject = m;
      continue;
    }
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

/** Where the noun phrase a mention heads begins: before its possessors ("Iran’s Shahed drone" begins at "Iran"). */
function phraseStart<M extends { start: number; end: number }>(text: string, mentions: readonly M[], m: M): number {
  let start = m.start;
  for (let i = mentions.indexOf(m) - 1; i >= 0; i--) {
    const p = mentions[i]!;
    if (!/^['’]s\s+(?:the\s+)?$/.test(text.slice(p.end, start))) break;
    start = p.start;
  }
  return start;
}

/** A mention the claim compares with or leaves aside ("similar to X", "based on Y’s Z", "without naming X"). */
function compared<M extends { start: number; end: number }>(text: string, mentions: readonly M[], m: M): boolean {
  const at = phraseStart(text, mentions, m);
  const before = text.slice(Math.max(0, at - 60), at);
  // "…, a term that often refers to the alliance NATO": a name inside an appositive's relative clause describes the term.
  const appositive = /,[’”'"]?\s*(?:a|an)\s+[a-z]+\s+(?:that|which)\b[^,;]*$/.test(text.slice(Math.max(0, at - 120), at));
  return COMPARED_BEFORE.test(before) || RELATIVE_BEFORE.test(before) || appositive;
}

/**
 * Everything a claim is about jointly with its subject: the subject and the
 * names joined to it by "and" or commas ("Putin and Xi signed", "the United
 * States, Germany and other countries warned").
 */
export function coSubjects<M extends { start: number; end: number; entity: string }>(text: string, mentions: readonly M[], subject: string | null): string[] {
  if (!subject) return [];
  const out = [subject];
  const i = mentions.findIndex((m) => m.entity === subject);
  if (i < 0) return out;
  for (let j = i + 1; j < mentions.length; j++) {
    const gap = text.slice(mentions[j - 1]!.end, mentions[j]!.start);
    if (!/^\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)(?:the\s+)?$/.test(gap)) break;
    out.push(mentions[j]!.entity);
  }
  return [...new Set(out)];
}

/** Maps a capitalised adjective ("Chinese") to the place entity it is formed from, or null. */
export type Demonyms = (word: string) => string | null;

const DEMONYM_SUFFIX = /(?:ian|an|ese|ish|i|ean)$/;

/**
 * Country adjectives by word formation, for any one-word place in the KB: the
 * adjective shares all but at most the place name's last letter ("China" →
 * "Chinese", "Ukraine" → "Ukrainian", "Iran" → "Iranian").
 */
export function demonymsOf(places: readonly { id: string; name: string }[]): Demonyms {
  const single = places.filter((p) => /^\p{Lu}\p{Ll}{3,}$/u.test(p.name));
  const cache = new Map<string, string | null>();
  return (word) => {
    if (cache.has(word)) return cache.get(word)!;
    let hit: string | null = null;
    if (DEMONYM_SUFFIX.test(word)) {
      const w = word.toLowerCase();
      for (const p of single) {
        const n = p.name.toLowerCase();
        if (w !== n && w.length > n.length - 1 && w.startsWith(n.slice(0, n.length - 1))) {
          hit = p.id;
          break;
        }
      }
    }
    cache.set(word, hit);
    return hit;
  };
}

/** Country adjectives used before a common noun ("Chinese drones", "Chinese and Russian companies"), outside any name. */
function demonymMentions(sentence: string, mentions: readonly MentionInSentence[], demonym: Demonyms): MentionInSentence[] {
  const out: MentionInSentence[] = [];
  for (const m of sentence.matchAll(/\b(\p{Lu}\p{Ll}{3,})(?=\s+(?:and\s+\p{Lu}\p{Ll}+\s+)?\p{Ll})/gu)) {
    const start = m.index;
    const end = start + m[1]!.length;
    if (mentions.some((x) => x.start < end && start < x.end)) continue;
    // "the Ukrainian town of Bakhmut": the adjective describes the name that follows, which is the head.
    if (/^\s+\p{Ll}+\s+of\s+(?:the\s+)?$/u.test(sentence.slice(end, mentions.find((x) => x.start >= end)?.start ?? end))) continue;
    const entity = demonym(m[1]!);
    if (entity) out.push({ start, end, entity, type: 'place' });
  }
  return out;
}
