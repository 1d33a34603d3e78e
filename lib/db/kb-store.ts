// Loading the bundled KB into IndexedDB, and reading it back.
// Everything slow or fallible that is not IndexedDB (validation, matcher
// compilation) happens before the transaction opens: awaiting other work inside
// a transaction would let it auto-commit half done.
import { foldName, nameIndex, reportRef, type KbReader } from '../kb/card';
import { z } from 'zod';
import { KbCaveat, KbClaim, KbEntity, KbReport, kbStats, parseKbDocument, type KbDocument } from '../kb/document';
import { compilePageMatcher } from '../link/data';
import { packMatcher, type PackedMatcher } from '../match/packed';
import { abortQuietly, type BackstoryDatabase } from './open';
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
  // Stored packed, as pages receive it (lib/match/packed.ts): compiled once per KB, hydrated cheaply per page.
  const compiled = packMatcher(compilePageMatcher(kb));
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
    abortQuietly(tx);
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

/** The compiled matcher's row, checked for its shape (a corrupt row reads as missing). */
const MatcherRow = z.object({
  hash: z.string(),
  // The packed form: a handful of strings, so this check costs nothing even at 100,000 aliases.
  // A row in the older JSON form reads as corrupt and is rebuilt from the bundle.
  compiled: z.object({
    format: z.literal('backstory-match-packed'),
    version: z.literal(1),
    entities: z.string(),
    entityCount: z.number(),
    aliasText: z.string(),
    w: z.number(),
    aliasEntities: z.string(),
    ambiguous: z.string(),
    aliasFlags: z.string(),
    nodeLabels: z.string(),
    nodeChildCounts: z.string(),
    nodeTermCounts: z.string(),
    termAliases: z.string(),
  }),
});

export async function activeMatcher(db: BackstoryDatabase, onBad?: BadRecord): Promise<{ hash: string; compiled: PackedMatcher } | undefined> {
  const row = await db.get('matcher', 'active');
  if (!row || !MatcherRow.safeParse(row).success) {
    // Missing while a KB is active, or corrupt: either way every page needs it back.
    onBad?.('matcher', 'active');
    return undefined;
  }
  return { hash: row.hash, compiled: row.compiled };
}

export type RepairableStore = 'entities' | 'claims' | 'caveats' | 'reports' | 'names' | 'matcher' | 'meta';
/** Told of each KB record that is corrupt (fails its schema) or missing though referenced. */
export type BadRecord = (store: RepairableStore, key: string) => void;

/** Each store's record schema: every record is checked when read (issue #17, self-repair). */
export const RECORD_SCHEMAS = {
  entities: KbEntity,
  claims: KbClaim,
  caveats: KbCaveat,
  reports: KbReport,
  names: z.object({ name: z.string(), ids: z.array(z.string()) }),
} as const;

/**
 * A KbReader over the database: each call is one short read transaction.
 * Every record is checked against its schema; a corrupt one (or one that is
 * asked for by id and missing) is skipped and reported to `onBad`, so one bad
 * record costs one card its detail, not the whole page its marks.
 */
export function dbReader(db: BackstoryDatabase, onBad?: BadRecord): KbReader {
  const check = <S extends keyof typeof RECORD_SCHEMAS>(store: S, key: string, row: unknown): z.infer<(typeof RECORD_SCHEMAS)[S]> | undefined => {
    if (row === undefined || !RECORD_SCHEMAS[store].safeParse(row).success) {
      onBad?.(store, key);
      return undefined;
    }
    return row as z.infer<(typeof RECORD_SCHEMAS)[S]>;
  };
  const many = async <S extends 'entities' | 'claims' | 'caveats' | 'reports'>(store: S, ids: readonly string[]) => {
    const tx = db.transaction(store, 'readonly');
    const rows = await Promise.all(ids.map((id) => tx.store.get(id)));
    await tx.done;
    return rows.map((row, i) => check(store, ids[i]!, row));
  };
  return {
    entity: async (id) => check('entities', id, await db.get('entities', id)),
    entities: (ids) => many('entities', ids),
    claims: (ids) => many('claims', ids),
    caveats: (ids) => many('caveats', ids),
    reportMeta: async (ids) => (await many('reports', ids)).map((r) => (r ? reportRef(r) : undefined)),
    findByName: async (name) => {
      const key = foldName(name);
      const row = await db.get('names', key);
      // An unknown name is normal: only a present but corrupt row is bad.
      return row === undefined ? [] : (check('names', key, row)?.ids ?? []);
    },
  };
}

/**
 * Put the bundled KB's copy of each bad record back (or delete a record the
 * bundle does not have). One transaction; the rest of the KB is not touched.
 * Returns false when the bundle is not the active KB (a full load is needed).
 */
export async function repairRecords(db: BackstoryDatabase, raw: unknown, bad: ReadonlyMap<RepairableStore, ReadonlySet<string>>): Promise<boolean> {
  const kb = parseKbDocument(raw);
  const meta = await db.get('meta', 'active').catch(() => undefined);
  if (!meta || meta.hash !== kb.hash || bad.has('matcher') || bad.has('meta')) {
    const result = await loadKb(db, kb, { force: true });
    return result.ok;
  }
  const byId = {
    entities: new Map(kb.entities.map((e) => [e.id, e])),
    claims: new Map(kb.claims.map((c) => [c.id, c])),
    caveats: new Map(kb.caveats.map((c) => [c.id, c])),
    reports: new Map(kb.reports.map((r) => [r.id, r])),
    names: new Map(nameIndex(kb).map((n) => [n.name, n])),
  };
  const stores = [...bad.keys()].filter((s): s is keyof typeof byId => s in byId);
  if (stores.length === 0) return true;
  const tx = db.transaction(stores, 'readwrite');
  const queue = (p: Promise<unknown>) => void p.catch(() => undefined);
  for (const store of stores) {
    for (const key of bad.get(store)!) {
      const record = byId[store].get(key);
      const os = tx.objectStore(store) as unknown as { put(v: unknown): Promise<unknown>; delete(k: string): Promise<unknown> };
      queue(record ? os.put(record) : os.delete(key));
    }
  }
  await tx.done;
  return true;
}
