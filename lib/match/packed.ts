// The packed form of a compiled matcher (issue #18, point 9): what the
// background stores once and sends to each page, so that a content script's
// hydrate is a few linear passes over a handful of strings.
//
// Why: the JSON form (`CompiledMatcher`) carries the alias table, the trie's
// terminal list and the linker's per-entity data as arrays of numbers and
// strings. At 100,000 aliases that is ~17 MB and millions of small JS values
// that JSON.parse (Chrome's message deserialiser) must allocate before hydrate
// starts: ~0.3 s. Packed, every table is one string (mostly ASCII, so V8 keeps
// it one byte per char), numbers are fixed-width base-64 digits, lists are an
// offsets string plus an items string, and context words are indices into one
// vocabulary. Per-entity data is decoded only when the linker asks for it.
//
// `packMatcher(compiled)` is deterministic (same input, byte-identical JSON);
// `hydrateMatcher` (./compile.ts) accepts either form.
import type { CompiledMatcher, LinkData } from './types';

export interface PackedLink {
  /** One char per alias, as LinkData.aliasBits. */
  aliasBits: string;
  qualifiers: Record<string, string[]>;
  types: string;
  /** Display names, '\n'-separated, one per entity. */
  names: string;
  /** Per entity: related entity indices (packed list). */
  related: PackedList;
  /** Per entity: short-form alias indices (packed list). */
  shortOf: PackedList;
  /** Per entity: context words as indices into `vocab` (packed list). */
  words: PackedList;
  /** Distinct context words, '\n'-separated. */
  vocab: string;
  lex: LinkData['lex'];
}

/** A list of number lists: `at` holds count+1 offsets into `items` (`wa` digits each); items are `w` digits each. */
export interface PackedList {
  w: number;
  wa: number;
  at: string;
  items: string;
}

export interface PackedMatcher {
  format: 'backstory-match-packed';
  version: 1;
  /**
   * Set when the text tables (entities, aliasText, link.names, link.vocab) are
   * kept to Latin-1: every char above U+00FF, and U+0001 itself, is written as
   * U+0001 + 4 hex digits (see `toLatin1`). A message whose strings are all
   * Latin-1 stays one byte per char in V8, which parses about a quarter faster
   * than the two-byte string one en dash would make of it. Absent: raw text.
   */
  latin1?: true;
  /** Entity ids, '\n'-separated. */
  entities: string;
  /** How many (so hydrate need not count them). */
  entityCount: number;
  /** Alias texts, '\n'-separated (white space inside an alias is matched as one space anyway). */
  aliasText: string;
  /** Digits per number in `aliasEntities`, `ambiguous` and `termAliases`. */
  w: number;
  /** Per alias one number: < entity count, the entity; otherwise entity count + an offset into `ambiguous`. */
  aliasEntities: string;
  /** At each offset: a count n, then n entity indices. */
  ambiguous: string;
  aliasFlags: string;
  nodeLabels: string;
  nodeChildCounts: string;
  nodeTermCounts: string;
  /** One number per terminal record (see CompiledMatcher.termAliases). */
  termAliases: string;
  link?: PackedLink;
}

// Base-64 digits ('0'-'9', 'A'-'Z', 'a'-'z', '-', '_'): ASCII, nothing JSON escapes.
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) VALUE[DIGITS.charCodeAt(i)] = i;

/** Digits needed for numbers up to max. */
export function widthFor(max: number): number {
  let w = 1;
  while (64 ** w <= max) w++;
  return w;
}

function encode(values: ArrayLike<number>, w: number): string {
  const parts: string[] = [];
  let chunk = '';
  for (let i = 0; i < values.length; i++) {
    let v = values[i]!;
    let s = '';
    for (let k = 0; k < w; k++) {
      s = DIGITS[v & 63]! + s;
      v = Math.floor(v / 64);
    }
    chunk += s;
    if (chunk.length > 4096) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return parts.join('');
}

/** The number at position i of a fixed-width digit string. */
export function digitsAt(s: string, i: number, w: number): number {
  let v = 0;
  for (let k = i * w, end = k + w; k < end; k++) {
    const d = VALUE[s.charCodeAt(k) & 127]!;
    if (d < 0) throw new Error('packed matcher: bad digit');
    v = v * 64 + d;
  }
  return v;
}

function packList(lists: readonly (readonly number[])[]): PackedList {
  const items: number[] = [];
  const at: number[] = [0];
  for (const l of lists) {
    items.push(...l);
    at.push(items.length);
  }
  let max = 0;
  for (const x of items) if (x > max) max = x;
  const w = widthFor(max);
  const wa = widthFor(items.length);
  return { w, wa, at: encode(at, wa), items: encode(items, w) };
}

/** List i of a packed list. */
export function listAt(p: PackedList, i: number): number[] {
  const n = p.at.length / p.wa - 1;
  if (!(i >= 0 && i < n)) return [];
  const s = digitsAt(p.at, i, p.wa);
  const e = digitsAt(p.at, i + 1, p.wa);
  const out: number[] = [];
  for (let k = s; k < e; k++) out.push(digitsAt(p.items, k, p.w));
  return out;
}

const oneLine = (s: string) => s.replace(/[\n\r]/g, ' ');

function joinIds(ids: readonly string[], what: string): string {
  for (const id of ids) if (/[\n\r]/.test(id)) throw new Error(`packMatcher: ${what} “${id.slice(0, 40)}” contains a line break`);
  return toLatin1(ids.join('\n'));
}

/** Text with every code unit above U+00FF (and U+0001) as U+0001 + 4 hex digits. */
export function toLatin1(s: string): string {
  // eslint-disable-next-line no-control-regex -- U+0001 is the escape char, so it is escaped itself
  return s.replace(/[\u0001\u0100-\uffff]/g, (c) => `\u0001${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The inverse of `toLatin1`: every U+0001 starts an escape. */
export function fromLatin1(s: string): string {
  if (s.indexOf('\u0001') < 0) return s;
  const parts = s.split('\u0001');
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i++) out += String.fromCharCode(parseInt(parts[i]!.slice(0, 4), 16)) + parts[i]!.slice(4);
  return out;
}

export function packMatcher(c: CompiledMatcher): PackedMatcher {
  const nEntities = c.entities.length;
  const ambiguous: number[] = [];
  const aliasEntities = c.aliasEntities.map((e) => {
    if (typeof e === 'number') return e;
    const at = ambiguous.length;
    ambiguous.push(e.length, ...e);
    return nEntities + at;
  });
  const w = widthFor(Math.max(nEntities + ambiguous.length, c.aliasText.length));
  return {
    format: 'backstory-match-packed',
    version: 1,
    latin1: true,
    entities: joinIds(c.entities, 'entity id'),
    entityCount: nEntities,
    aliasText: toLatin1(c.aliasText.map(oneLine).join('\n')),
    w,
    aliasEntities: encode(aliasEntities, w),
    ambiguous: encode(ambiguous, w),
    aliasFlags: c.aliasFlags,
    nodeLabels: c.nodeLabels,
    nodeChildCounts: c.nodeChildCounts,
    nodeTermCounts: c.nodeTermCounts,
    termAliases: encode(c.termAliases, w),
    ...(c.link ? { link: packLink(c.link) } : {}),
  };
}

function packLink(d: LinkData): PackedLink {
  const vocab: string[] = [];
  const index = new Map<string, number>();
  const words = d.words.map((ws) =>
    ws.map((word) => {
      const w = oneLine(word);
      let k = index.get(w);
      if (k === undefined) index.set(w, (k = vocab.push(w) - 1));
      return k;
    }),
  );
  return {
    aliasBits: d.aliasBits,
    qualifiers: d.qualifiers,
    types: d.types,
    names: toLatin1(d.names.map(oneLine).join('\n')),
    related: packList(d.related),
    shortOf: packList(d.shortOf),
    words: packList(words),
    vocab: toLatin1(vocab.join('\n')),
    lex: d.lex,
  };
}

/** What pages receive: the packed form (the JSON form still hydrates, e.g. in tests). */
export type PageMatcherData = CompiledMatcher | PackedMatcher;

export function isPackedMatcher(x: unknown): x is PackedMatcher {
  return typeof x === 'object' && x !== null && (x as { format?: unknown }).format === 'backstory-match-packed';
}

function validatePacked(p: PackedMatcher): void {
  const str = (x: unknown) => typeof x === 'string';
  const ok =
    p.version === 1 &&
    (p.latin1 === undefined || p.latin1 === true) &&
    [p.entities, p.aliasText, p.aliasEntities, p.ambiguous, p.aliasFlags, p.nodeLabels, p.nodeChildCounts, p.nodeTermCounts, p.termAliases].every(str) &&
    Number.isInteger(p.w) &&
    Number.isInteger(p.entityCount) &&
    p.entityCount >= 0 &&
    p.w >= 1 &&
    p.w <= 5 &&
    p.aliasEntities.length === p.aliasFlags.length * p.w &&
    p.termAliases.length % p.w === 0 &&
    p.nodeLabels.length > 0 &&
    p.nodeChildCounts.length === p.nodeLabels.length &&
    p.nodeTermCounts.length === p.nodeLabels.length;
  if (!ok) throw new Error('hydrateMatcher: not a backstory-match-packed v1 matcher');
}

/** A read-only array whose items are computed on first access (the linker indexes per-entity data; most is never read on a page). */
function lazyArray<T>(length: number, at: (i: number) => T): T[] {
  const cache = new Map<number, T>();
  const get = (i: number) => {
    let v = cache.get(i);
    if (v === undefined && !cache.has(i)) cache.set(i, (v = at(i)));
    return v as T;
  };
  return new Proxy([] as T[], {
    get(target, key, receiver) {
      if (typeof key === 'string') {
        if (key === 'length') return length;
        const i = Number(key);
        if (Number.isInteger(i) && String(i) === key) return i >= 0 && i < length ? get(i) : undefined;
      }
      if (key === Symbol.iterator) return function* () { for (let i = 0; i < length; i++) yield get(i); };
      return Reflect.get(target, key, receiver);
    },
    has: (target, key) => (typeof key === 'string' && Number.isInteger(Number(key)) ? Number(key) >= 0 && Number(key) < length : Reflect.has(target, key)),
  });
}

function lazy<T>(make: () => T): () => T {
  let v: T | undefined;
  return () => (v ??= make());
}

export interface UnpackedMatcher {
  /** A CompiledMatcher-shaped view: trie strings as they are; tables decoded on first access. */
  view: CompiledMatcher;
  aliasCount: number;
  termCount: number;
  termAlias(t: number): number;
  /** All terminal aliases at once, into out[t * stride], and the alias's flags into out[t * stride + 1] (one loop). Throws on an alias out of range. */
  termAliasesInto(out: Int32Array, stride: number, aliasFlags: Uint8Array): void;
  /** Entity indices of alias a. */
  aliasEntityIndices(a: number): number[];
}

/** Check a packed matcher and give `hydrateMatcher` what it needs, decoding nothing large up front. */
export function unpackMatcher(p: PackedMatcher): UnpackedMatcher {
  validatePacked(p);
  const w = p.w;
  const aliasCount = p.aliasFlags.length;
  const text = p.latin1 === true ? fromLatin1 : (x: string) => x;
  const entities = lazy(() => (p.entities === '' ? [] : text(p.entities).split('\n')));
  const nEntities = p.entityCount;
  const aliasText = lazy(() => (aliasCount === 0 ? [] : text(p.aliasText).split('\n')));
  const aliasEntityIndices = (a: number): number[] => {
    const v = digitsAt(p.aliasEntities, a, w);
    if (v < nEntities) return [v];
    const at = v - nEntities;
    const n = digitsAt(p.ambiguous, at, w);
    const out: number[] = [];
    for (let k = 1; k <= n; k++) out.push(digitsAt(p.ambiguous, at + k, w));
    return out;
  };
  const link = p.link ? unpackLink(p.link, nEntities, text) : undefined;
  const aliasEntities = lazy(() =>
    lazyArray(aliasCount, (a) => {
      const x = aliasEntityIndices(a);
      return x.length === 1 ? x[0]! : x;
    }),
  );
  const termAliases = lazy(() => lazyArray(p.termAliases.length / w, (t) => digitsAt(p.termAliases, t, w)));
  const view = {
    format: 'backstory-match',
    version: 1,
    get entities() {
      return entities();
    },
    get aliasText() {
      return aliasText();
    },
    get aliasEntities() {
      return aliasEntities();
    },
    aliasFlags: p.aliasFlags,
    nodeLabels: p.nodeLabels,
    nodeChildCounts: p.nodeChildCounts,
    nodeTermCounts: p.nodeTermCounts,
    get termAliases() {
      return termAliases();
    },
    ...(link ? { link } : {}),
  } as CompiledMatcher;
  const termAliasesInto = (out: Int32Array, stride: number, aliasFlags: Uint8Array) => {
    const str = p.termAliases;
    const nAliases = aliasFlags.length;
    let bad = 0;
    for (let r = 0, k = 0; k < str.length; r += stride) {
      let v = 0;
      for (let end = k + w; k < end; k++) {
        const d = VALUE[str.charCodeAt(k) & 127]!;
        bad |= d;
        v = v * 64 + d;
      }
      if (v >= nAliases) bad = -1;
      out[r] = v;
      out[r + 1] = aliasFlags[v]!;
    }
    if (bad < 0) throw new Error('hydrateMatcher: alias index out of range or bad digit');
  };
  return { view, aliasCount, termCount: p.termAliases.length / w, termAlias: (t) => digitsAt(p.termAliases, t, w), termAliasesInto, aliasEntityIndices };
}

function unpackLink(d: PackedLink, nEntities: number, text: (s: string) => string): LinkData {
  const names = lazy(() => (nEntities === 0 ? [] : text(d.names).split('\n')));
  const vocab = lazy(() => text(d.vocab).split('\n'));
  return {
    v: 1,
    aliasBits: d.aliasBits,
    qualifiers: d.qualifiers,
    types: d.types,
    get names() {
      return names();
    },
    related: lazyArray(nEntities, (i) => listAt(d.related, i)),
    shortOf: lazyArray(nEntities, (i) => listAt(d.shortOf, i)),
    words: lazyArray(nEntities, (i) => listAt(d.words, i).map((k) => vocab()[k] ?? '')),
    lex: d.lex,
  };
}
