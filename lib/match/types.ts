// Types of the core matcher. Pure data: no DOM, no Node, no extension APIs.

/** One alias as the KB gives it to the matcher. */
export interface MatchAliasInput {
  /** e.g. "Xi Jinping", "Mugin-5", "US", "Xi'an". */
  text: string;
  /** Usually one; two or more make the alias ambiguous (the UI shows a choice). */
  entityIds: string[];
  /**
   * Default: true when the alias has no lowercase letter ("US", "SCO", "U.S.")
   * or is 3 characters (code points, after normalisation) or fewer ("Xi").
   */
  caseSensitive?: boolean;
  /** Short or ambiguous alias ("Xi", "Kremlin", "US"): links only with supporting context. */
  needsContext?: boolean;
}

/** One alias of the compiled table (after merging duplicates). */
export interface MatchAlias {
  text: string;
  entityIds: string[];
  caseSensitive: boolean;
  needsContext: boolean;
}

/** A raw hit of `scan`. Offsets are UTF-16 offsets into the scanned string. */
export interface RawMatch {
  start: number;
  /** End (exclusive) of the alias proper: "Putin" in "Putin's" ends after the "n". */
  end: number;
  /** End including an allowed suffix ("'s", "'", plural "s"); equals `end` when there is none. */
  suffixEnd: number;
  /** Index into the compiled alias table (`CompiledMatcher.aliasText` etc.). */
  alias: number;
}

export type MentionReason = 'alias' | 'context-full-name' | 'context-nearby' | 'ambiguous';

export interface Mention {
  start: number;
  /** End of the alias proper (see RawMatch.end). */
  end: number;
  /** End including the suffix (see RawMatch.suffixEnd). */
  suffixEnd: number;
  /** text.slice(start, end) */
  surface: string;
  /** The linked entity, or null when the mention is ambiguous. */
  entityId: string | null;
  /** [entityId] when linked; every candidate when ambiguous. */
  candidates: string[];
  alias: number;
  reason: MentionReason;
  /** Why the linker linked it, as a code and its arguments (lib/link/linker.ts `Why`; plain words: lib/link/why.ts). */
  why?: string[];
  /** Other KB entities the same words could name (the card offers them). */
  alternatives?: string[];
}

/**
 * The compiled matcher: plain JSON data (survives `JSON.parse(JSON.stringify(x))`
 * unchanged, so it can cross Chrome's JSON-serialised extension messages).
 * Deterministic: the same input gives a byte-identical `JSON.stringify`.
 *
 * The trie is stored in breadth-first order, children of a node sorted by char
 * code, so the children of node k are the nodes childStart(k) ..
 * childStart(k) + count(k) - 1, where childStart is a prefix sum of the counts.
 * That lets the trie travel as three strings and one number array.
 */
export interface CompiledMatcher {
  format: 'backstory-match';
  version: 1;
  /** Distinct entity ids, in first-seen order. */
  entities: string[];
  /** Alias table, parallel arrays. */
  aliasText: string[];
  /** Entity index (into `entities`) per alias, or an array of indices for ambiguous aliases. */
  aliasEntities: (number | number[])[];
  /**
   * One char per alias: String.fromCharCode(0x30 + bits), bits = 1 case-sensitive,
   * 2 needs context, 4 ends in a digit/uppercase letter (plural "s" allowed),
   * 8 ends in s/S, 16 ends in a digit (see F_* in compile.ts).
   */
  aliasFlags: string;
  /** Trie: one UTF-16 code unit per node, the (case-folded, normalised) char on the edge into it; node 0 is the root. */
  nodeLabels: string;
  /** Trie: one char per node, String.fromCharCode(0x30 + number of children). */
  nodeChildCounts: string;
  /** Trie: one char per node, String.fromCharCode(0x30 + number of aliases ending there). */
  nodeTermCounts: string;
  /** Aliases ending at each terminal node, in node order; within a node case-sensitive first, then by index. */
  termAliases: number[];
  /** The page linker's data (lib/link/data.ts); absent in bare matchers (tests, benchmarks). */
  link?: LinkData;
}

/** What the page linker knows beyond the aliases (built by lib/link/data.ts from the KB). */
export interface LinkData {
  v: 1;
  /** One char per alias: '0' + bits (L_SHORT, L_SHARED, L_CASE_* in lib/link/data.ts). */
  aliasBits: string;
  /** Alias index → names that may follow a comma and still mean this place. */
  qualifiers: Record<string, string[]>;
  /** One char per entity: p person, l place, o organisation, w weapon, e event, a agreement. */
  types: string;
  /** Display name per entity. */
  names: string[];
  /** Per entity: indices of the entities the reports name in the same sentences, most often first. */
  related: number[][];
  /** Per entity: salient words of the report sentences that name it. */
  words: string[][];
  /** Per entity: its short-form aliases (surnames), which its full name introduces. */
  shortOf: number[][];
  /** Word classes (data/linking.json). */
  lex: {
    titles: string[];
    honorifics: string[];
    ordinaryWords: string[];
    modifiers: string[];
    nameHeads: string[];
    nameSuffixes: string[];
    orgSuffixes: string[];
    placeDesignators: string[];
    regions: string[];
    /** Absent in matchers stored before these classes existed. */
    thingNouns?: string[];
    namedAfterNouns?: string[];
    relativeWords?: string[];
    placeNouns?: string[];
  };
}
