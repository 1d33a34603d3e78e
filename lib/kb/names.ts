// Candidate proper names in report text, and whether the gazetteer covers them.
//
// Used offline (tests, data review) to keep data/entities.json and
// data/ignore-names.json complete: every capitalised name in a report must be
// an alias, an ignored word or phrase, or a sequence of those. Pure and
// deterministic: no Node, DOM or extension APIs.
import { aliasKey, defaultCaseSensitive } from '../match/chars';

export interface NameCandidate {
  /** The name as it stands in the text (a trailing possessive "’s" is left out). */
  text: string;
  start: number;
  end: number;
}

/**
 * Lowercase words allowed inside a name when a capitalised word follows:
 * "Secretary of State", "United States and the U.S.", "Ursula von der Leyen".
 */
export const NAME_CONNECTORS: ReadonlySet<string> = new Set(['of', 'the', 'for', 'and', 'von', 'der', 'de']);

// A token: an initialism with dots ("U.S.") or letters/digits joined by
// apostrophes and hyphens, including the Unicode hyphen and non-breaking
// hyphen ("Xi’an", "Mugin-5", "AK-47", "Russia-China", "Xi’s").
const TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}\p{M}]+(?:['’\-\u2010\u2011][\p{L}\p{N}\p{M}]+)*/gu;
const CAPITALISED = /^\p{Lu}/u;
const POSSESSIVE = /['’]s$/u;
/** Only horizontal white space (including no-break space) joins tokens of one name. */
const JOINER = /^[^\S\r\n\u2028\u2029]+$/u;

/**
 * Maximal runs of capitalised tokens: a run starts and ends with a token whose
 * first character is an uppercase letter (\p{Lu}); tokens are separated only by
 * horizontal white space; lowercase connectors (NAME_CONNECTORS) may sit inside
 * a run when a capitalised token follows. Punctuation and line breaks end a
 * run. A possessive ("China’s") ends its run and is left out of the name.
 * Pure numbers never start a run.
 */
export function findCapitalisedNames(text: string): NameCandidate[] {
  const out: NameCandidate[] = [];
  let runStart = -1;
  let runEnd = -1;
  let lastEnd = -1;

  const close = () => {
    if (runStart >= 0) out.push({ text: text.slice(runStart, runEnd), start: runStart, end: runEnd });
    runStart = -1;
    runEnd = -1;
  };

  for (const m of text.matchAll(TOKEN)) {
    const token = m[0];
    const start = m.index;
    if (runStart >= 0 && !JOINER.test(text.slice(lastEnd, start))) close();
    lastEnd = start + token.length;
    if (CAPITALISED.test(token)) {
      const possessive = POSSESSIVE.test(token) && token.length > 2;
      if (runStart < 0) runStart = start;
      runEnd = possessive ? lastEnd - 2 : lastEnd;
      if (possessive) close();
    } else if (runStart < 0 || !NAME_CONNECTORS.has(token)) {
      close();
    }
    // else: a connector inside a run; kept only if a capitalised token follows.
  }
  close();
  return out;
}

/** The aliases of a gazetteer, keyed the way the page matcher keys them. */
export interface AliasIndex {
  /** aliasKey().exact of case-sensitive aliases. */
  exact: ReadonlySet<string>;
  /** aliasKey().folded of case-insensitive aliases. */
  folded: ReadonlySet<string>;
}

export function makeAliasIndex(aliases: Iterable<{ text: string; caseSensitive?: boolean | undefined }>): AliasIndex {
  const exact = new Set<string>();
  const folded = new Set<string>();
  for (const alias of aliases) {
    const key = aliasKey(alias.text.normalize('NFC'));
    if (alias.caseSensitive ?? defaultCaseSensitive(alias.text)) exact.add(key.exact);
    else folded.add(key.folded);
  }
  return { exact, folded };
}

/** Ignored names, keyed case-sensitively (apostrophes, hyphens and spaces normalised). */
export function makeIgnoreSet(names: Iterable<string>): ReadonlySet<string> {
  return new Set([...names].map((n) => aliasKey(n.normalize('NFC')).exact));
}

export interface Coverage {
  covered: boolean;
  /** Pieces used, in order, when covered. */
  pieces: { text: string; by: 'alias' | 'ignore' | 'connector' }[];
  /** When not covered: the tokens (or hyphen parts) no alias or ignored entry accounts for. */
  uncovered: string[];
}

/**
 * Whether a candidate name is covered: it equals an alias (matched as the page
 * matcher would: case-folded unless the alias is case-sensitive) or an ignored
 * entry (case-sensitive), or it splits into consecutive pieces that each are
 * one, a connector, or a hyphenated token whose capitalised parts each are
 * one ("Russia-China", "US-made"). Longer pieces are preferred.
 */
export function coverName(candidate: string, aliases: AliasIndex, ignore: ReadonlySet<string>): Coverage {
  const tokens = aliasKey(candidate.normalize('NFC')).exact.split(' ').filter((t) => t !== '');
  const n = tokens.length;
  const kindOf = (piece: string): 'alias' | 'ignore' | null => {
    const key = aliasKey(piece);
    if (aliases.exact.has(key.exact) || aliases.folded.has(key.folded)) return 'alias';
    if (ignore.has(key.exact)) return 'ignore';
    return null;
  };
  const hyphenPieces = (token: string): Coverage['pieces'] | null => {
    if (!token.includes('-')) return null;
    const pieces: Coverage['pieces'] = [];
    for (const part of token.split('-')) {
      if (!CAPITALISED.test(part)) continue;
      const by = kindOf(part);
      if (by === null) return null;
      pieces.push({ text: part, by });
    }
    return pieces;
  };

  // memo[i]: the pieces covering tokens[i..n), or null when impossible.
  const memo = new Map<number, Coverage['pieces'] | null>();
  const cover = (i: number): Coverage['pieces'] | null => {
    if (i === n) return [];
    const cached = memo.get(i);
    if (cached !== undefined) return cached;
    let result: Coverage['pieces'] | null = null;
    const token = tokens[i]!;
    if (NAME_CONNECTORS.has(token)) {
      const rest = cover(i + 1);
      if (rest) result = [{ text: token, by: 'connector' }, ...rest];
    }
    for (let j = n; result === null && j > i; j--) {
      const piece = tokens.slice(i, j).join(' ');
      const by = kindOf(piece);
      if (by === null) continue;
      const rest = cover(j);
      if (rest) result = [{ text: piece, by }, ...rest];
    }
    if (result === null) {
      const parts = hyphenPieces(token);
      const rest = parts ? cover(i + 1) : null;
      if (parts && rest) result = [...parts, ...rest];
    }
    memo.set(i, result);
    return result;
  };

  const pieces = cover(0);
  if (pieces) return { covered: true, pieces, uncovered: [] };

  // Not covered: name the tokens that no piece through them accounts for.
  const accounted = new Array<boolean>(n).fill(false);
  for (let i = 0; i < n; i++) {
    if (NAME_CONNECTORS.has(tokens[i]!) || hyphenPieces(tokens[i]!)) accounted[i] = true;
    for (let j = i + 1; j <= n; j++) {
      if (kindOf(tokens.slice(i, j).join(' ')) !== null) accounted.fill(true, i, j);
    }
  }
  const uncovered: string[] = [];
  tokens.forEach((t, i) => {
    if (accounted[i]) return;
    const parts = t.includes('-') ? t.split('-').filter((p) => CAPITALISED.test(p) && kindOf(p) === null) : [];
    uncovered.push(...(parts.length > 0 ? parts : [t]));
  });
  return { covered: false, pieces: [], uncovered };
}

/** Shorthand for coverName(...).covered. */
export function isCoveredName(candidate: string, aliases: AliasIndex, ignore: ReadonlySet<string>): boolean {
  return coverName(candidate, aliases, ignore).covered;
}
