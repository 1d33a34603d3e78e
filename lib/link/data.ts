// The page linker's data, compiled from the KB once (background, CLI) and sent
// to the content script inside the compiled matcher (`CompiledMatcher.link`),
// so the content script bundles none of it.
//
// - per alias: its case rule, whether it is a short form that needs an
//   introduction, whether the name is widely shared (data/entities.json);
// - per entity: its type, display name, the entities the reports name in the
//   same sentences, and salient words of those sentences (its context profile);
// - the word classes of data/linking.json (titles, ordinary capitalised words…).
// Plain JSON (strings and arrays), deterministic for the same KB.
import lexiconJson from '../../data/linking.json';
import { matcherAliases } from '../match/aliases';
import type { KbDocument } from '../kb/document';
import { LinkLexicon, type Alias, type EntityType } from '../kb/schema';
import { compileMatcher } from '../match/compile';
import type { CompiledMatcher, LinkData } from '../match/types';

/** Alias bits in LinkData.aliasBits ('0' + bits). */
export const L_SHORT = 1;
export const L_SHARED = 2;
export const L_CASE_CAPITALISED = 4;
export const L_CASE_ANY = 8;
export const L_CASE_EXACT = 16;

const TYPE_CHAR: Record<EntityType, string> = { person: 'p', place: 'l', organisation: 'o', weapon: 'w', event: 'e', agreement: 'a' };

/** Context words kept per entity. */
const WORDS_MAX = 16;

type KbForLinking = Pick<KbDocument, 'entities' | 'reports'>;

/** The word classes of data/linking.json, validated (throws a readable zod error on a bad edit). */
export function linkLexicon(): LinkLexicon {
  return LinkLexicon.parse(lexiconJson);
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/\p{L}[\p{L}\p{M}'’-]{3,}/gu) ?? [];
}

/**
 * Salient words per entity: words of the report sentences that name it, weighted
 * by how rare they are across all sentences (tf · idf), at least in two of its
 * sentences, never a word of a KB name (names count as entities, not words).
 */
function contextWords(kb: KbForLinking, stopWords: readonly string[]): Map<string, string[]> {
  const stop = new Set(stopWords);
  const nameWords = new Set<string>();
  for (const e of kb.entities) for (const a of [e.name, ...e.aliases.map((x) => x.text)]) for (const w of wordsOf(a)) nameWords.add(w);
  const df = new Map<string, number>();
  const perEntity = new Map<string, Map<string, number>>();
  let sentences = 0;
  for (const r of kb.reports) {
    for (const [s, e] of r.sentences) {
      sentences++;
      const words = new Set(wordsOf(r.text.slice(s, e)).filter((w) => !stop.has(w) && !w.split(/[-'’]/).some((part) => nameWords.has(part))));
      for (const w of words) df.set(w, (df.get(w) ?? 0) + 1);
      const named = new Set(r.mentions.filter(([ms, me]) => ms >= s && me <= e).map((m) => m[2]));
      for (const id of named) {
        let tf = perEntity.get(id);
        if (!tf) perEntity.set(id, (tf = new Map()));
        for (const w of words) tf.set(w, (tf.get(w) ?? 0) + 1);
      }
    }
  }
  const out = new Map<string, string[]>();
  for (const [id, tf] of perEntity) {
    const scored = [...tf]
      .filter(([w, n]) => n >= 2 && (df.get(w) ?? 0) <= sentences * 0.15)
      .map(([w, n]) => [w, n * Math.log(sentences / (df.get(w) ?? 1))] as const)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    out.set(
      id,
      scored.slice(0, WORDS_MAX).map(([w]) => w),
    );
  }
  return out;
}

/** Relatedness both ways: B is among A's most frequent neighbours, or A among B's. */
function symmetric(lists: number[][]): number[][] {
  const out = lists.map((l) => [...l]);
  lists.forEach((l, a) => {
    for (const b of l) if (!out[b]!.includes(a)) out[b]!.push(a);
  });
  return out;
}

function bitsOf(alias: Pick<Alias, 'case' | 'shortForm' | 'shared' | 'caseSensitive'> | undefined, caseSensitive: boolean): number {
  let b = 0;
  if (alias?.shortForm) b |= L_SHORT;
  if (alias?.shared) b |= L_SHARED;
  const rule = alias?.case ?? (caseSensitive ? 'exact' : alias ? 'capitalised' : 'any');
  b |= rule === 'exact' ? L_CASE_EXACT : rule === 'any' ? L_CASE_ANY : L_CASE_CAPITALISED;
  return b;
}

/** The linker's data for a compiled matcher of the KB's page aliases. */
export function compileLinkData(kb: KbForLinking, compiled: CompiledMatcher, lexicon: LinkLexicon = linkLexicon()): LinkData {
  const byText = new Map<string, Alias>();
  for (const e of kb.entities) for (const a of e.aliases) if (!byText.has(a.text)) byText.set(a.text, a);
  const entityIndex = new Map(compiled.entities.map((id, i) => [id, i]));
  const kbEntity = new Map(kb.entities.map((e) => [e.id, e]));
  const words = contextWords(kb, lexicon.stopWords);
  const qualifiers: Record<string, string[]> = {};
  const shortOf: number[][] = compiled.entities.map(() => []);
  const bits = compiled.aliasText.map((text, a) => {
    const data = byText.get(text);
    const flags = compiled.aliasFlags.charCodeAt(a) - 0x30;
    const b = bitsOf(data, (flags & 1) !== 0);
    if (data?.qualifiers.length) qualifiers[a] = data.qualifiers;
    if (b & L_SHORT) {
      const ents = compiled.aliasEntities[a];
      for (const i of typeof ents === 'number' ? [ents] : (ents ?? [])) shortOf[i]!.push(a);
    }
    return String.fromCharCode(0x30 + b);
  });
  const { about: _about, ...lex } = lexicon;
  return {
    v: 1,
    aliasBits: bits.join(''),
    qualifiers,
    types: compiled.entities.map((id) => TYPE_CHAR[kbEntity.get(id)?.type ?? 'organisation']).join(''),
    names: compiled.entities.map((id) => kbEntity.get(id)?.name ?? id),
    related: symmetric(
      compiled.entities.map((id) =>
        (kbEntity.get(id)?.related ?? [])
          .map((r) => entityIndex.get(r.id))
          .filter((i): i is number => i !== undefined),
      ),
    ),
    words: compiled.entities.map((id) => words.get(id) ?? []),
    shortOf,
    lex,
  };
}

/** The matcher the pages use: the KB's page aliases plus the linker's data. One code path for the background and the CLI. */
export function compilePageMatcher(kb: KbForLinking): CompiledMatcher {
  const exact = new Set(kb.entities.flatMap((e) => e.aliases.filter((a) => a.case === 'exact').map((a) => a.text)));
  const compiled = compileMatcher(matcherAliases(kb.entities).map((a) => (exact.has(a.text) ? { ...a, caseSensitive: true } : a)));
  return { ...compiled, link: compileLinkData(kb, compiled) };
}
