// Parties to a conflict, read from data/parties.json (zod-validated): which
// entities speak for a party, the words that name it, and who is whose
// adversary. The rules ask these questions; they name no entity themselves.
import raw from '../../data/parties.json';
import { PartiesFile } from './schema';

const file = PartiesFile.parse(raw);

export interface Party {
  name: string;
  demonym: string | null;
  entities: readonly string[];
  words: readonly string[];
  seats: readonly string[];
}

export const PARTIES: readonly Party[] = file.parties;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every word that names a party, as one case-sensitive alternation for a RegExp. */
export const PARTY_WORDS = [...new Set(PARTIES.flatMap((p) => p.words))].sort((a, b) => b.length - a.length).map(escape).join('|');

const partyOfEntity = new Map<string, Party>();
for (const p of PARTIES) for (const e of p.entities) partyOfEntity.set(e, p);

/** The party an entity speaks for, if any. */
export function partyOf(entityId: string | null | undefined): Party | null {
  return entityId ? (partyOfEntity.get(entityId) ?? null) : null;
}

/**
 * The party an entity speaks for: listed in data/parties.json, or a place or
 * organisation whose own name is a party's word (a reader's report brings
 * "Israel" or "Hamas" as a new entity, with an id the data cannot list).
 */
export function partyOfNamed(e: { id: string; name: string; type: string } | undefined): Party | null {
  if (!e) return null;
  const listed = partyOf(e.id);
  if (listed || (e.type !== 'place' && e.type !== 'organisation')) return listed;
  return PARTIES.find((p) => p.name === e.name || p.words.includes(e.name)) ?? null;
}

/** The party a word names ("Chinese", "Kremlin"), if any. */
export function partyOfWord(word: string): Party | null {
  return PARTIES.find((p) => p.words.includes(word) || p.demonym === word) ?? null;
}

const enemies = new Set(file.adversaries.flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]));

export function adversaries(a: Party | null, b: Party | null): boolean {
  return a !== null && b !== null && enemies.has(`${a.name}|${b.name}`);
}

/** The entity a demonym's country is ("Iranian" → the first entity of Iran), if the party lists one. */
export function demonymEntity(demonym: string): string | null {
  return PARTIES.find((p) => p.demonym === demonym || p.words.includes(demonym))?.entities[0] ?? null;
}
