// Appending to a compiled matcher (issue #18, point 9): a reader's KB of
// 10,000 reports has ~100,000 aliases, which `compileMatcher` takes 1–2 s to
// compile (every alias normalised, every key sorted). One report adds a few
// names: `mergeMatchers(base, delta)` takes the base's trie as it is and
// inserts the delta's keys in one breadth-first pass over the base's nodes (no
// Unicode work, no sorting of the base), so the stored matcher grows with each
// report and the page keeps one trie to walk.
//
// The result matches what compiling both alias lists at once would match: the
// same spans and entities (tests/property/match-append.property.test.ts). The
// delta's aliases come after the base's in the alias table, which only
// matters between two aliases of the same span and the same case rule (the
// lower index wins); those are merged into one alias anyway. The linker's data
// of the delta is appended as it was compiled with the delta (its entities'
// context words and related entities as the delta knew them); the base's is
// kept. `appendToPacked` does the same on the packed form.
import { aliasKeyVariants, fromCodes } from './chars';
import { F_CASE_SENSITIVE, F_NEEDS_CONTEXT } from './compile';
import { packMatcher, unpackMatcher, type PackedMatcher } from './packed';
import type { CompiledMatcher, LinkData } from './types';

const COUNT_BASE = 0x30;

/** Every table of a packed matcher decoded (the packed form's lazy view read whole). */
export function unpackCompiled(p: PackedMatcher): CompiledMatcher {
  const u = unpackMatcher(p);
  const v = u.view;
  const all = <T>(xs: ArrayLike<T>): T[] => Array.from({ length: xs.length }, (_, i) => xs[i]!);
  const link = v.link
    ? { ...v.link, names: [...v.link.names], related: all(v.link.related), words: all(v.link.words), shortOf: all(v.link.shortOf) }
    : undefined;
  return {
    format: 'backstory-match',
    version: 1,
    entities: [...v.entities],
    aliasText: [...v.aliasText],
    aliasEntities: all(v.aliasEntities),
    aliasFlags: v.aliasFlags,
    nodeLabels: v.nodeLabels,
    nodeChildCounts: v.nodeChildCounts,
    nodeTermCounts: v.nodeTermCounts,
    termAliases: Array.from({ length: u.termCount }, (_, t) => u.termAlias(t)),
    ...(link ? { link } : {}),
  };
}

interface NewNode {
  label: number;
  children: number[];
  terms: number[];
}

/** The base and the delta as one matcher (see the top of the file). */
export function mergeMatchers(base: CompiledMatcher, delta: CompiledMatcher): CompiledMatcher {
  const nBase = base.nodeLabels.length;
  // Base trie: where each node's children and terminals start (prefix sums, as hydrate computes them).
  const childStart = new Int32Array(nBase + 1);
  const termStart = new Int32Array(nBase + 1);
  for (let k = 0, c = 1, t = 0; k < nBase; k++) {
    childStart[k] = c;
    termStart[k] = t;
    c += base.nodeChildCounts.charCodeAt(k) - COUNT_BASE;
    t += base.nodeTermCounts.charCodeAt(k) - COUNT_BASE;
    childStart[k + 1] = c;
    termStart[k + 1] = t;
  }
  const label = (k: number) => base.nodeLabels.charCodeAt(k);
  const baseFlags = (a: number) => base.aliasFlags.charCodeAt(a) - COUNT_BASE;

  // Entities: the delta's mapped into the base's table (new ones appended).
  const entities = [...base.entities];
  const entityAt = new Map(entities.map((id, i) => [id, i]));
  const entityMap = delta.entities.map((id) => {
    let k = entityAt.get(id);
    if (k === undefined) {
      k = entities.push(id) - 1;
      entityAt.set(id, k);
    }
    return k;
  });
  const aliasText = [...base.aliasText];
  const aliasEntities = [...base.aliasEntities];
  const flags = [...base.aliasFlags].map((c) => c.charCodeAt(0));

  // Nodes added under base nodes, and terminals added to base nodes.
  const added: NewNode[] = [];
  const addedChildren = new Map<number, number[]>();
  const addedTerms = new Map<number, number[]>();
  const childOf = (node: number, ch: number): number => {
    if (node < nBase) {
      let lo = childStart[node]!;
      let hi = childStart[node + 1]! - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const l = label(mid);
        if (l === ch) return mid;
        if (l < ch) lo = mid + 1;
        else hi = mid - 1;
      }
    }
    const list = node < nBase ? addedChildren.get(node) : added[node - nBase]!.children;
    for (const x of list ?? []) if (added[x - nBase]!.label === ch) return x;
    return -1;
  };
  const makeChild = (node: number, ch: number): number => {
    const id = nBase + added.push({ label: ch, children: [], terms: [] }) - 1;
    if (node < nBase) {
      const list = addedChildren.get(node) ?? [];
      list.push(id);
      addedChildren.set(node, list);
    } else added[node - nBase]!.children.push(id);
    return id;
  };
  const walk = (key: string, create: boolean): number => {
    let node = 0;
    for (let i = 0; i < key.length && node >= 0; i++) {
      const ch = key.charCodeAt(i);
      const next = childOf(node, ch);
      node = next >= 0 ? next : create ? makeChild(node, ch) : -1;
    }
    return node;
  };
  const termsAt = (node: number): number[] => (node < nBase ? Array.from({ length: termStart[node + 1]! - termStart[node]! }, (_, t) => base.termAliases[termStart[node]! + t]!) : []);

  const aliasMap: number[] = [];
  for (let d = 0; d < delta.aliasText.length; d++) {
    const text = delta.aliasText[d]!;
    const keys = aliasKeyVariants(text);
    const df = delta.aliasFlags.charCodeAt(d) - COUNT_BASE;
    const cs = (df & F_CASE_SENSITIVE) !== 0;
    const ents = delta.aliasEntities[d]!;
    const mapped = (typeof ents === 'number' ? [ents] : ents).map((e) => entityMap[e]!);
    // An alias whose names were all taken out (`removeFromMatcher`) is not inserted.
    if (mapped.length === 0) {
      aliasMap.push(-1);
      continue;
    }
    // The same alias in the base (same case rule and key): its entities gain the delta's.
    const node = keys.length > 0 ? walk(keys[0]!.folded, false) : -1;
    let same = -1;
    if (node >= 0 && node < nBase) {
      for (const a of termsAt(node)) {
        if (((baseFlags(a) & F_CASE_SENSITIVE) !== 0) !== cs) continue;
        const k0 = aliasKeyVariants(aliasText[a]!)[0];
        if (k0 && (cs ? k0.exact === keys[0]!.exact : k0.folded === keys[0]!.folded)) {
          same = a;
          break;
        }
      }
    }
    if (same >= 0) {
      const old = aliasEntities[same]!;
      const list = typeof old === 'number' ? [old] : [...old];
      for (const e of mapped) if (!list.includes(e)) list.push(e);
      aliasEntities[same] = list.length === 1 ? list[0]! : list;
      if (df & F_NEEDS_CONTEXT) flags[same] = flags[same]! | F_NEEDS_CONTEXT;
      aliasMap.push(same);
      continue;
    }
    const a = aliasText.push(text) - 1;
    aliasEntities.push(mapped.length === 1 ? mapped[0]! : mapped);
    flags.push(df);
    aliasMap.push(a);
    const seen = new Set<string>();
    for (const k of keys) {
      if (seen.has(k.folded)) continue;
      seen.add(k.folded);
      const at = walk(k.folded, true);
      if (at < nBase) addedTerms.set(at, [...(addedTerms.get(at) ?? []), a]);
      else added[at - nBase]!.terms.push(a);
    }
  }

  // The trie again, breadth first: each node's children are its base children and its added ones, by label.
  const labels: number[] = [];
  const childCounts: number[] = [];
  const termCounts: number[] = [];
  const termAliases: number[] = [];
  const nodeLabel = (x: number) => (x < nBase ? label(x) : added[x - nBase]!.label);
  const order = (a: number, b: number) => ((flags[a]! & F_CASE_SENSITIVE ? 0 : 1) - (flags[b]! & F_CASE_SENSITIVE ? 0 : 1)) || a - b;
  let queue: number[] = [0];
  while (queue.length > 0) {
    const next: number[] = [];
    for (const x of queue) {
      labels.push(nodeLabel(x));
      const extra = (x < nBase ? addedChildren.get(x) : added[x - nBase]!.children) ?? [];
      let children: number[];
      if (x < nBase) {
        children = [];
        for (let c = childStart[x]!; c < childStart[x + 1]!; c++) children.push(c);
        if (extra.length > 0) children = [...children, ...extra].sort((p, q) => nodeLabel(p) - nodeLabel(q));
      } else children = [...extra].sort((p, q) => nodeLabel(p) - nodeLabel(q));
      childCounts.push(COUNT_BASE + children.length);
      for (const c of children) next.push(c);
      const more = x < nBase ? (addedTerms.get(x) ?? []) : added[x - nBase]!.terms;
      const terms = more.length > 0 ? [...new Set([...termsAt(x), ...more])].sort(order) : termsAt(x);
      termCounts.push(COUNT_BASE + terms.length);
      for (const t of terms) termAliases.push(t);
    }
    queue = next;
  }

  const link = base.link && delta.link ? mergeLink(base.link, delta.link, entityMap, aliasMap, entities.length, base.entities.length, aliasText.length, base.aliasText.length) : base.link;
  return {
    format: 'backstory-match',
    version: 1,
    entities,
    aliasText,
    aliasEntities,
    aliasFlags: fromCodes(flags.map((f) => COUNT_BASE + f)),
    nodeLabels: fromCodes(labels),
    nodeChildCounts: fromCodes(childCounts),
    nodeTermCounts: fromCodes(termCounts),
    termAliases,
    ...(link ? { link } : {}),
  };
}

/** The delta's linker data after the base's: per new alias its bits and qualifiers; per new entity its type, name, related entities, words and short forms. */
function mergeLink(base: LinkData, delta: LinkData, entityMap: readonly number[], aliasMap: readonly number[], nEntities: number, nBaseEntities: number, nAliases: number, nBaseAliases: number): LinkData {
  let aliasBits = base.aliasBits;
  const qualifiers = { ...base.qualifiers };
  aliasMap.forEach((a, d) => {
    if (a < nBaseAliases) return;
    aliasBits += delta.aliasBits[d] ?? '0';
    const q = delta.qualifiers[d];
    if (q) qualifiers[a] = q;
  });
  const perEntity = <T>(own: readonly T[], theirs: readonly T[], empty: () => T): T[] => {
    const out = Array.from({ length: nEntities }, (_, i) => (i < nBaseEntities ? own[i]! : empty()));
    entityMap.forEach((e, d) => {
      if (e >= nBaseEntities) out[e] = theirs[d] ?? empty();
    });
    return out;
  };
  const types = perEntity([...base.types], [...delta.types], () => 'o').join('');
  const names = perEntity(base.names, delta.names, () => '');
  const related = perEntity(base.related, delta.related.map((l) => l.map((e) => entityMap[e]!)), () => []);
  const words = perEntity(base.words, delta.words, () => []);
  const shortOf = perEntity(base.shortOf, [], () => []).map((l) => [...l]);
  delta.shortOf.forEach((list, d) => {
    const e = entityMap[d]!;
    for (const a of list) if (aliasMap[a]! >= 0 && !shortOf[e]!.includes(aliasMap[a]!)) shortOf[e]!.push(aliasMap[a]!);
  });
  if (aliasBits.length !== nAliases) aliasBits = aliasBits.padEnd(nAliases, '0');
  return { ...base, aliasBits, qualifiers, types, names, related, words, shortOf };
}

/** `mergeMatchers` on the packed form (what the reader's KB stores): unpack, merge, pack. */
export function appendToPacked(base: PackedMatcher, delta: CompiledMatcher): PackedMatcher {
  return packMatcher(mergeMatchers(unpackCompiled(base), delta));
}

/**
 * Names taken out of a compiled matcher (a deleted report's new names,
 * lib/reader-kb/remove.ts): each entry an entity id and the alias texts it
 * loses (null: all of them). The entity is dropped from those aliases; an
 * alias left naming no entity loses its terminals, so no walk ends on it
 * (its table entries and trie nodes stay, so every index stays valid: a full
 * compile drops them). An alias still naming other entities keeps the text
 * and flags it was compiled with (needing context if any of its merged forms
 * did), as `mergeMatchers` keeps them. Linker data is kept as it is.
 */
export function removeFromMatcher(base: CompiledMatcher, removed: readonly (readonly [string, readonly string[] | null])[]): CompiledMatcher {
  if (removed.length === 0) return base;
  const entityAt = new Map(base.entities.map((id, i) => [id, i]));
  const whole = new Set<number>();
  const byKey = new Map<number, Set<string>>();
  for (const [id, texts] of removed) {
    const e = entityAt.get(id);
    if (e === undefined) continue;
    if (texts === null) whole.add(e);
    else for (const t of texts) for (const k of aliasKeyVariants(t)) byKey.set(e, (byKey.get(e) ?? new Set()).add(k.folded));
  }
  if (whole.size === 0 && byKey.size === 0) return base;
  const aliasEntities = [...base.aliasEntities];
  const dead = new Set<number>();
  aliasEntities.forEach((ents, a) => {
    const list = typeof ents === 'number' ? [ents] : ents;
    if (!list.some((e) => whole.has(e) || byKey.has(e))) return;
    let folded: Set<string> | null = null;
    const keep = list.filter((e) => {
      if (whole.has(e)) return false;
      const keys = byKey.get(e);
      if (!keys) return true;
      folded ??= new Set(aliasKeyVariants(base.aliasText[a]!).map((k) => k.folded));
      return ![...folded].some((k) => keys.has(k));
    });
    if (keep.length === list.length) return;
    if (keep.length === 0) dead.add(a);
    aliasEntities[a] = keep.length === 1 ? keep[0]! : keep;
  });
  if (dead.size === 0) return { ...base, aliasEntities };
  // Terminals of dead aliases out, node by node (the trie's shape is kept).
  const termCounts: number[] = [];
  const termAliases: number[] = [];
  for (let k = 0, t = 0; k < base.nodeTermCounts.length; k++) {
    const n = base.nodeTermCounts.charCodeAt(k) - COUNT_BASE;
    let kept = 0;
    for (let i = 0; i < n; i++, t++) {
      const a = base.termAliases[t]!;
      if (dead.has(a)) continue;
      termAliases.push(a);
      kept++;
    }
    termCounts.push(COUNT_BASE + kept);
  }
  return { ...base, aliasEntities, nodeTermCounts: fromCodes(termCounts), termAliases };
}
