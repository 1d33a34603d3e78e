// Loading the bundled KB into IndexedDB, and reading it back.
// Everything slow or fallible that is not IndexedDB (validation, matcher
// compilation) happens before the transaction opens: awaiting other work inside
// a transaction would let it auto-commit half done.
import { foldName, nameIndex, reportRef, type KbReader } from '../kb/card';
import { kbStats, parseKbDocument, type KbDocument } from '../kb/document';
import { compilePageMatcher } from '../link/data';
import type { CompiledMatcher } from '../match/types';
import type { BackstoryDatabase } from './open';
import { KB_STORES, type KbMeta } from './schema';

export type LoadResult =
  | { ok: true; loaded: boolean; meta: KbMeta }
  | { ok: false; error: 'invalid' | 'quota' | 'failed'; message: string; previous: KbMeta | undefined };

export async function activeKbMeta(db: BackstoryDatabase): Promise<KbMeta | undefined> {
  return db.get('meta', 'active');
}

/**
 * Load `raw` (an unvalidated KB document) unless the same KB is already active.
 * The swap is one transaction: readers see the old KB or the new one, never half
 * of either; the user's own stores are not touched. On any failure the previous
 * KB stays active.
 */
export async function loadKb(db: BackstoryDatabase, raw: unknown, options: { force?: boolean; now?: number } = {}): Promise<LoadResult> {
  const previous = await activeKbMeta(db);
  let kb: KbDocument;
  try {
    kb = parseKbDocument(raw);
  } catch (error) {
    return { ok: false, error: 'invalid', message: (error as Error).message, previous };
  }
  if (!options.force && previous?.hash === kb.hash && (await db.count('entities')) === kb.entities.length) {
    return { ok: true, loaded: false, meta: previous };
  }
  const compiled = compilePageMatcher(kb);
  const names = nameIndex(kb);
  const meta: KbMeta = { key: 'active', hash: kb.hash, version: kb.version, stats: kbStats(kb), loadedAt: options.now ?? Date.now() };

  const tx = db.transaction([...KB_STORES], 'readwrite', { durability: 'relaxed' });
  try {
    // No awaits on non-IDB work in here: queue every request, then wait for the
    // transaction. A failed request aborts it; its rejection is observed there.
    const queue = (p: Promise<unknown>) => void p.catch(() => undefined);
    for (const s of KB_STORES) queue(tx.objectStore(s).clear());
    for (const e of kb.entities) queue(tx.objectStore('entities').put(e));
    for (const n of names) queue(tx.objectStore('names').put(n));
    for (const c of kb.claims) queue(tx.objectStore('claims').put(c));
    for (const c of kb.caveats) queue(tx.objectStore('caveats').put(c));
    for (const r of kb.reports) queue(tx.objectStore('reports').put(r));
    queue(tx.objectStore('matcher').put({ key: 'active', hash: kb.hash, compiled }));
    queue(tx.objectStore('meta').put(meta));
    await tx.done;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // already aborted
    }
    tx.done.catch(() => undefined);
    const name = (error as { name?: string })?.name;
    const quota = name === 'QuotaExceededError';
    return {
      ok: false,
      error: quota ? 'quota' : 'failed',
      message: quota ? 'The browser has no room left to store the knowledge base; the previous one stays in use.' : `Loading the knowledge base failed: ${(error as Error)?.message ?? String(error)}`,
      previous,
    };
  }
  return { ok: true, loaded: true, meta };
}

export async function activeMatcher(db: BackstoryDatabase): Promise<{ hash: string; compiled: CompiledMatcher } | undefined> {
  const row = await db.get('matcher', 'active');
  return row ? { hash: row.hash, compiled: row.compiled } : undefined;
}

/** A KbReader over the database: each call is one short read transaction. */
export function dbReader(db: BackstoryDatabase): KbReader {
  const many = async <S extends 'entities' | 'claims' | 'caveats'>(store: S, ids: readonly string[]) => {
    const tx = db.transaction(store, 'readonly');
    const rows = await Promise.all(ids.map((id) => tx.store.get(id)));
    await tx.done;
    return rows;
  };
  return {
    entity: (id) => db.get('entities', id),
    entities: (ids) => many('entities', ids),
    claims: (ids) => many('claims', ids),
    caveats: (ids) => many('caveats', ids),
    reportMeta: async (ids) => {
      const tx = db.transaction('reports', 'readonly');
      const rows = await Promise.all(ids.map((id) => tx.store.get(id)));
      await tx.done;
      return rows.map((r) => (r ? reportRef(r) : undefined));
    },
    findByName: async (name) => (await db.get('names', foldName(name)))?.ids ?? [],
  };
}
