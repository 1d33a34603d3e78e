// The KB's cards as the page sees them: one request per batch of ids, cached
// for the page's life (a failed request is forgotten so the next asks again),
// and each entity's type, which decides its mark (an unknown id is never painted).
import type { EntityCard } from '../../kb/card';
import type { EntityType } from '../../kb/schema';

export interface CardSource {
  card(id: string): Promise<EntityCard | null>;
  cards(ids: readonly string[]): Promise<(EntityCard | null)[]>;
  /** Fetch the cards of `ids` not asked for yet (one batch) and record their types. */
  loadTypes(ids: string[]): Promise<void>;
  /** The entity's type; undefined while unknown or when the KB has no card for it. */
  typeOf(id: string): EntityType | undefined;
  /** Forget every card and type (the KB changed). */
  clear(): void;
}

export function createCardSource(getCards: (ids: string[]) => Promise<(EntityCard | null)[]>): CardSource {
  const cache = new Map<string, Promise<EntityCard | null>>();
  const types = new Map<string, EntityType | null>();
  const remember = (id: string, p: Promise<EntityCard | null>) => {
    cache.set(id, p);
    p.catch(() => cache.delete(id));
  };
  const source: CardSource = {
    card: (id) => {
      let p = cache.get(id);
      if (!p) {
        p = getCards([id]).then((cards) => cards[0] ?? null);
        remember(id, p);
      }
      return p;
    },
    cards: (ids) => Promise.all(ids.map((id) => source.card(id))),
    loadTypes: async (ids) => {
      const missing = ids.filter((id) => !cache.has(id));
      if (missing.length) {
        const batch = getCards(missing);
        missing.forEach((id, i) => remember(id, batch.then((cards) => cards[i] ?? null)));
      }
      const cards = await Promise.all(ids.map((id) => source.card(id).catch(() => null)));
      ids.forEach((id, i) => types.set(id, cards[i]?.type ?? null));
    },
    typeOf: (id) => {
      const t = types.get(id);
      return t === null ? undefined : t;
    },
    clear: () => {
      cache.clear();
      types.clear();
    },
  };
  return source;
}
