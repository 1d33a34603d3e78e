// compileMatcher: alias list → CompiledMatcher (plain JSON, deterministic).
// hydrateMatcher: CompiledMatcher → Matcher (typed arrays, what `scan` walks).
//
// See README.md for the data structure and the rules.
import { aliasKey, aliasKeyVariants, charInfo, defaultCaseSensitive, DIGIT, exactHash, fromCodes, UPPER } from './chars';
import { isPackedMatcher, unpackMatcher, type PackedMatcher } from './packed';
import type { CompiledMatcher, MatchAlias, MatchAliasInput } from './types';

/** Alias flag bits (CompiledMatcher.aliasFlags is '0' + these bits, one char per alias). */
export const F_CASE_SENSITIVE = 1;
export const F_NEEDS_CONTEXT = 2;
/** Alias ends in a digit or an uppercase letter: a plural "s" may follow ("MQ-9s", "UAVs"). */
export const F_PLURAL = 4;
/** Alias ends in s/S: a bare apostrophe after it is a possessive ("Reuters'"). */
export const F_ENDS_S = 8;
/** Alias ends in a digit: "." or "," followed by a digit continues a number ("Mugin-5.1"), no boundary. */
export const F_ENDS_DIGIT = 16;

/**
 * Nodes with at most this many children are searched linearly; larger ones
 * through a dense row, or by binary search (a node's children are sorted by
 * label), which needs no table built at hydrate.
 */
export const LINEAR_MAX = 4;

const COUNT_BASE = 0x30;
/** Counts are stored as String.fromCharCode(0x30 + n); this keeps them below the surrogate range. */
const MAX_COUNT = 0xd7ff - COUNT_BASE;

/** The runtime form of a compiled matcher. Build it with `hydrateMatcher`. */
export interface Matcher {
  readonly compiled: CompiledMatcher;
  /** Number of aliases in the (merged) table. */
  readonly aliasCount: number;
  /** Alias a of the table, entity ids resolved; built on first use and cached. */
  alias(a: number): MatchAlias;
  /** The whole alias table (built on first access: prefer `alias(a)` in hot paths). */
  readonly aliases: readonly MatchAlias[];
  /** Flag bits per alias (F_CASE_SENSITIVE, …). */
  readonly aliasFlags: Uint8Array;
  /** Root children: folded char → node (0 = none). */
  readonly root: Int32Array;
  /**
   * Node records, NODE_STRIDE ints per node, so that one cache line holds a
   * node, its siblings and the next node's starts: [childStart, termStart,
   * label | (denseRow + 1) << 16]. Children of k are childStart(k) ..
   * childStart(k+1)-1, its aliases terms[termStart(k) .. termStart(k+1)-1];
   * label is the folded char on the edge into k; denseRow (-1: none) is k's
   * row in `dense`. A sentinel record closes the last node.
   */
  readonly nodes: Int32Array;
  /**
   * Terminal records, TERM_STRIDE ints each, in node order: [alias, flags,
   * hashA, hashB]. For a case-sensitive alias hashA/hashB are exactHash of
   * its (≤ 2) exact keys, computed on first use (flags & TERM_READY), so a
   * walk rejects a wrong-case match with one compare; a hash hit is then
   * verified char by char.
   */
  readonly terms: Int32Array;
  /**
   * Shortcut for the first two chars when both are ASCII word chars:
   * pair[(fold0 << 7) | fold1] = the depth-2 node, 0 when no alias starts
   * with these two chars, -1 when the depth-1 node has an alias of its own
   * (then the generic walk runs, so that alias is checked).
   */
  readonly pair: Int32Array;
  /**
   * Rows of 128 bytes for the first DENSE_ROWS big nodes (BFS order, so
   * shallow first) with at most 255 children: dense[row * 128 + asciiLabel]
   * is 1 + the child's position among the node's children, 0 for none.
   */
  readonly dense: Uint8Array;
  /** Exact keys of case-sensitive aliases, filled with csHash*. */
  readonly exactKeys: (string[] | undefined)[];
}

export const NODE_STRIDE = 3;
export const TERM_STRIDE = 4;
/** Set in a terminal record's flags once its case-sensitive hashes are filled in. */
export const TERM_READY = 0x100;
/** Budget of dense rows (128 bytes each): 1,024 rows = 128 KB. */
export const DENSE_ROWS = 1024;

function flagsOf(exactKey: string, caseSensitive: boolean, needsContext: boolean): number {
  let f = 0;
  if (caseSensitive) f |= F_CASE_SENSITIVE;
  if (needsContext) f |= F_NEEDS_CONTEXT;
  const last = exactKey.charCodeAt(exactKey.length - 1);
  const info = charInfo(last);
  if (info & (DIGIT | UPPER)) f |= F_PLURAL;
  if (info & DIGIT) f |= F_ENDS_DIGIT;
  if (last === 0x73 || last === 0x53) f |= F_ENDS_S;
  return f;
}

interface Draft {
  text: string;
  entityIds: string[];
  caseSensitive: boolean;
  needsContext: boolean;
  keys: { exact: string; folded: string }[];
}

/**
 * Build the matcher once (build time or background). Aliases whose key is
 * empty (only spaces/invisible chars) are dropped. Aliases with the same key
 * and the same case sensitivity (case-sensitive: same normalised text;
 * case-insensitive: same folded text) are merged into one alias whose
 * entityIds are the union (first-seen order) and which needs context if any
 * of them does; it keeps the first one's text. Alias indices in results are
 * indices into the merged table.
 */
export function compileMatcher(aliases: readonly MatchAliasInput[]): CompiledMatcher {
  const drafts: Draft[] = [];
  const byKey = new Map<string, Draft>();
  for (const input of aliases) {
    const keys = aliasKeyVariants(input.text);
    if (keys.length === 0) continue;
    const caseSensitive = input.caseSensitive ?? defaultCaseSensitive(input.text);
    const needsContext = input.needsContext ?? false;
    const mergeKey = caseSensitive ? `C${keys[0]!.exact}` : `I${keys[0]!.folded}`;
    const existing = byKey.get(mergeKey);
    if (existing) {
      for (const id of input.entityIds) if (!existing.entityIds.includes(id)) existing.entityIds.push(id);
      existing.needsContext ||= needsContext;
      continue;
    }
    const draft: Draft = { text: input.text, entityIds: [...new Set(input.entityIds)], caseSensitive, needsContext, keys };
    byKey.set(mergeKey, draft);
    drafts.push(draft);
  }

  // Entity table.
  const entities: string[] = [];
  const entityIndex = new Map<string, number>();
  const aliasEntities: (number | number[])[] = [];
  for (const d of drafts) {
    const idx = d.entityIds.map((id) => {
      let k = entityIndex.get(id);
      if (k === undefined) {
        k = entities.length;
        entities.push(id);
        entityIndex.set(id, k);
      }
      return k;
    });
    aliasEntities.push(idx.length === 1 ? idx[0]! : idx);
  }

  // Keys, sorted by code units (the trie's child order).
  const keyed: { key: string; alias: number }[] = [];
  drafts.forEach((d, alias) => {
    const seen = new Set<string>();
    for (const k of d.keys) {
      if (seen.has(k.folded)) continue;
      seen.add(k.folded);
      keyed.push({ key: k.folded, alias });
    }
  });
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.alias - b.alias));

  // Breadth-first trie, level by level. At depth d the nodes are the distinct
  // length-d prefixes in sorted order; because keys are sorted, a key's
  // length-d prefix equals the previous active key's iff they share the
  // depth-(d-1) node and the char at d-1.
  const labels: number[] = [0x20];
  const childCounts: number[] = [0];
  const nodeOf = new Int32Array(keyed.length); // current node of each key (depth d)
  const termNodes: { node: number; alias: number }[] = [];
  let active: number[] = [];
  for (let i = 0; i < keyed.length; i++) active.push(i);
  for (let d = 0; active.length > 0; d++) {
    const next: number[] = [];
    let prevParent = -1;
    let prevChar = -1;
    let prevNode = -1;
    for (const i of active) {
      const key = keyed[i]!.key;
      const parent = nodeOf[i]!;
      const ch = key.charCodeAt(d);
      let node: number;
      if (parent === prevParent && ch === prevChar) node = prevNode;
      else {
        node = labels.length;
        labels.push(ch);
        childCounts.push(0);
        childCounts[parent]!++;
        prevParent = parent;
        prevChar = ch;
        prevNode = node;
      }
      nodeOf[i] = node;
      if (key.length === d + 1) termNodes.push({ node, alias: keyed[i]!.alias });
      else next.push(i);
    }
    active = next;
  }
  for (const c of childCounts) {
    if (c > MAX_COUNT) throw new Error(`compileMatcher: a trie node has ${c} children (limit ${MAX_COUNT})`);
  }

  // Terminals: by node; within a node case-sensitive aliases first, then by index.
  termNodes.sort((a, b) => {
    if (a.node !== b.node) return a.node - b.node;
    const ca = drafts[a.alias]!.caseSensitive ? 0 : 1;
    const cb = drafts[b.alias]!.caseSensitive ? 0 : 1;
    return ca - cb || a.alias - b.alias;
  });
  const termCounts = new Array<number>(labels.length).fill(0);
  const termAliases: number[] = [];
  let lastNode = -1;
  let lastAlias = -1;
  for (const t of termNodes) {
    if (t.node === lastNode && t.alias === lastAlias) continue;
    termCounts[t.node]!++;
    termAliases.push(t.alias);
    lastNode = t.node;
    lastAlias = t.alias;
  }
  for (const c of termCounts) {
    if (c > MAX_COUNT) throw new Error(`compileMatcher: ${c} aliases share one key (limit ${MAX_COUNT})`);
  }

  return {
    format: 'backstory-match',
    version: 1,
    entities,
    aliasText: drafts.map((d) => d.text),
    aliasEntities,
    aliasFlags: fromCodes(drafts.map((d) => COUNT_BASE + flagsOf(d.keys[0]!.exact, d.caseSensitive, d.needsContext))),
    nodeLabels: fromCodes(labels),
    nodeChildCounts: fromCodes(childCounts.map((c) => COUNT_BASE + c)),
    nodeTermCounts: fromCodes(termCounts.map((c) => COUNT_BASE + c)),
    termAliases,
  };
}

/** Check the shape of a compiled matcher (e.g. one received in a message). Throws on a malformed one. */
function validate(c: CompiledMatcher): void {
  const ok =
    c !== null &&
    typeof c === 'object' &&
    c.format === 'backstory-match' &&
    c.version === 1 &&
    Array.isArray(c.entities) &&
    Array.isArray(c.aliasText) &&
    Array.isArray(c.aliasEntities) &&
    typeof c.aliasFlags === 'string' &&
    typeof c.nodeLabels === 'string' &&
    typeof c.nodeChildCounts === 'string' &&
    typeof c.nodeTermCounts === 'string' &&
    Array.isArray(c.termAliases) &&
    c.aliasEntities.length === c.aliasText.length &&
    c.aliasFlags.length === c.aliasText.length &&
    c.nodeLabels.length > 0 &&
    c.nodeChildCounts.length === c.nodeLabels.length &&
    c.nodeTermCounts.length === c.nodeLabels.length;
  if (!ok) throw new Error('hydrateMatcher: not a backstory-match v1 compiled matcher');
}

// Hydrate is split into small functions of one loop each. A content script runs
// it once, cold: V8 optimises a long loop by on-stack replacement, which
// compiles the whole enclosing function, so one big function with seven loops
// paid for several big compiles.

/** The node records from the three trie strings (childStart, termStart, label); the big nodes' ids into `big`. */
function fillNodes(labelStr: string, childStr: string, termStr: string, nodes: Int32Array, big: number[]): { children: number; terms: number; dense: number } {
  const n = labelStr.length;
  let nextChild = 1;
  let nextTerm = 0;
  let denseCandidates = 0;
  let bad = 0;
  for (let k = 0, r = 0; k < n; k++, r += NODE_STRIDE) {
    nodes[r] = nextChild;
    nodes[r + 1] = nextTerm;
    nodes[r + 2] = labelStr.charCodeAt(k);
    const cnt = childStr.charCodeAt(k) - COUNT_BASE;
    const terms = termStr.charCodeAt(k) - COUNT_BASE;
    bad |= cnt | terms;
    if (cnt > LINEAR_MAX && k > 0) {
      big.push(k);
      if (cnt <= 255) denseCandidates++;
    }
    nextChild += cnt;
    nextTerm += terms;
  }
  if (bad < 0) throw new Error('hydrateMatcher: bad trie counts');
  nodes[n * NODE_STRIDE] = nextChild;
  nodes[n * NODE_STRIDE + 1] = nextTerm;
  return { children: nextChild, terms: nextTerm, dense: denseCandidates };
}

function decodeFlags(flagStr: string): Uint8Array {
  const n = flagStr.length;
  const aliasFlags = new Uint8Array(n);
  for (let a = 0; a < n; a++) aliasFlags[a] = flagStr.charCodeAt(a) - COUNT_BASE;
  return aliasFlags;
}

/** Check each terminal's alias and copy its flags in. */
function fillTermFlags(terms: Int32Array, count: number, aliasFlags: Uint8Array): void {
  const nAliases = aliasFlags.length;
  for (let t = 0, r = 0; t < count; t++, r += TERM_STRIDE) {
    const a = terms[r]!;
    if (!(a >= 0 && a < nAliases)) throw new Error('hydrateMatcher: alias index out of range');
    terms[r + 1] = aliasFlags[a]!;
  }
}

const labelOf = (nodes: Int32Array, k: number): number => nodes[k * NODE_STRIDE + 2]! & 0xffff;

function fillRootAndPair(nodes: Int32Array, root: Int32Array, pair: Int32Array): void {
  for (let c = nodes[0]!; c < nodes[NODE_STRIDE]!; c++) root[labelOf(nodes, c)] = c;
  for (let f0 = 0; f0 < 128; f0++) {
    const r1 = root[f0]!;
    if (r1 === 0) continue;
    if (nodes[r1 * NODE_STRIDE + 1] !== nodes[(r1 + 1) * NODE_STRIDE + 1]) {
      pair.fill(-1, f0 << 7, (f0 + 1) << 7);
      continue;
    }
    for (let c = nodes[r1 * NODE_STRIDE]!; c < nodes[(r1 + 1) * NODE_STRIDE]!; c++) {
      const l = labelOf(nodes, c);
      if (l < 128) pair[(f0 << 7) | l] = c;
    }
  }
}

/** Dense ASCII rows for the first `rows` big nodes with ≤ 255 children (BFS order = shallow first, where most walks are). */
function fillDense(nodes: Int32Array, big: readonly number[], dense: Uint8Array, rows: number): void {
  let row = 0;
  for (const k of big) {
    const cs = nodes[k * NODE_STRIDE]!;
    const ce = nodes[(k + 1) * NODE_STRIDE]!;
    if (row < rows && ce - cs <= 255) {
      nodes[k * NODE_STRIDE + 2] = labelOf(nodes, k) | ((row + 1) << 16);
      const base = row++ * 128;
      for (let c = cs; c < ce; c++) {
        const l = labelOf(nodes, c);
        if (l < 128) dense[base + l] = c - cs + 1;
      }
    }
  }
}

/**
 * Turn the JSON form into typed arrays (linear in its size; no sorting, no
 * Unicode work). Do it once per page/context, then `scan` many times.
 */
export function hydrateMatcher(input: CompiledMatcher | PackedMatcher): Matcher {
  // The packed form (./packed.ts, what pages receive): its tables are decoded on demand.
  let compiled: CompiledMatcher;
  let termAlias: (t: number) => number;
  let termAliasesInto: ((out: Int32Array, stride: number, aliasFlags: Uint8Array) => void) | null = null;
  let termCount: number;
  let entityIndices: (a: number) => number[];
  if (isPackedMatcher(input)) {
    const u = unpackMatcher(input);
    compiled = u.view;
    termAlias = u.termAlias;
    termAliasesInto = u.termAliasesInto;
    termCount = u.termCount;
    entityIndices = u.aliasEntityIndices;
  } else {
    compiled = input;
    validate(compiled);
    termAlias = (t) => compiled.termAliases[t]!;
    termCount = compiled.termAliases.length;
    entityIndices = (a) => {
      const e = compiled.aliasEntities[a];
      return e === undefined ? [] : typeof e === 'number' ? [e] : e;
    };
  }
  const n = compiled.nodeLabels.length;
  // One pass over the three trie strings. (TextEncoder would decode them natively,
  // but in Chromium it costs more than this loop: it converts through Blink.)
  const nodes = new Int32Array((n + 1) * NODE_STRIDE);
  /** Nodes with more than LINEAR_MAX children (candidates for dense rows). */
  const big: number[] = [];
  const counts = fillNodes(compiled.nodeLabels, compiled.nodeChildCounts, compiled.nodeTermCounts, nodes, big);
  if (counts.children !== n || counts.terms !== termCount) {
    throw new Error('hydrateMatcher: inconsistent trie');
  }
  const nextTerm = counts.terms;
  const aliasFlags = decodeFlags(compiled.aliasFlags);
  const nAliases = aliasFlags.length;
  const terms = new Int32Array(nextTerm * TERM_STRIDE);
  if (termAliasesInto) termAliasesInto(terms, TERM_STRIDE, aliasFlags);
  else {
    for (let t = 0; t < nextTerm; t++) {
      const a = termAlias(t);
      terms[t * TERM_STRIDE] = typeof a === 'number' && a >= 0 && a < nAliases ? a : -1;
    }
    fillTermFlags(terms, nextTerm, aliasFlags);
  }

  const root = new Int32Array(65536);
  const pair = new Int32Array(128 * 128);
  fillRootAndPair(nodes, root, pair);

  // Big nodes: dense ASCII rows for the first DENSE_ROWS; the others (and non-ASCII labels) are binary-searched.
  const rows = Math.min(counts.dense, DENSE_ROWS);
  const dense = new Uint8Array(rows * 128);
  fillDense(nodes, big, dense, rows);

  // The alias objects are built lazily: 100k of them cost 20-60 ms, and a page
  // only ever needs the few it mentions.
  const cache: (MatchAlias | undefined)[] = new Array<MatchAlias | undefined>(nAliases);
  const alias = (a: number): MatchAlias => {
    let x = cache[a];
    if (x === undefined) {
      const f = aliasFlags[a]!;
      const idx = entityIndices(a);
      x = {
        text: compiled.aliasText[a] ?? '',
        entityIds: idx.map((i) => compiled.entities[i] ?? ''),
        caseSensitive: (f & F_CASE_SENSITIVE) !== 0,
        needsContext: (f & F_NEEDS_CONTEXT) !== 0,
      };
      cache[a] = x;
    }
    return x;
  };
  let all: MatchAlias[] | undefined;

  return {
    compiled,
    aliasCount: nAliases,
    alias,
    get aliases(): readonly MatchAlias[] {
      if (!all) {
        all = [];
        for (let a = 0; a < nAliases; a++) all.push(alias(a));
      }
      return all;
    },
    aliasFlags,
    root,
    nodes,
    terms,
    pair,
    dense,
    exactKeys: new Array<string[] | undefined>(nAliases),
  };
}

/** compileMatcher + hydrateMatcher, for callers that do both in one place (build time, tests). */
export function createMatcher(aliases: readonly MatchAliasInput[]): Matcher {
  return hydrateMatcher(compileMatcher(aliases));
}

/** Exact (case-kept) keys of alias a, computed on first use. */
export function exactKeysOf(m: Matcher, a: number): string[] {
  let keys = m.exactKeys[a];
  if (keys === undefined) {
    const text = m.compiled.aliasText[a] ?? '';
    keys = aliasKeyVariants(text).map((k) => k.exact);
    if (keys.length === 0) keys = [aliasKey(text).exact];
    m.exactKeys[a] = keys;
  }
  return keys;
}

/** Fill in the case-sensitive hashes of terminal record x. */
export function prepareTerm(m: Matcher, x: number): void {
  const r = x * TERM_STRIDE;
  const keys = exactKeysOf(m, m.terms[r]!);
  m.terms[r + 2] = exactHash(keys[0]!);
  m.terms[r + 3] = exactHash(keys[keys.length - 1]!);
  m.terms[r + 1] = m.terms[r + 1]! | TERM_READY;
}
