// The reader's own reports, in their own database (`backstory-reader`), so
// loading or re-seeding the bundled KB (lib/db/kb-store.ts, database
// `backstory`) can never touch them. Each report is stored in its own
// transaction: a failure loses at most the report being added. What the
// pipeline derives from them (./../reader-kb/pipeline.ts) is stored beside
// them and can always be derived again from the reports.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { foldName, nameIndex, reportRef, type KbReader } from '../kb/card';
import type { KbCaveat, KbClaim, KbDocument, KbEntity, KbReport } from '../kb/document';
import { contentHash } from '../kb/text';
import type { PackedMatcher } from '../match/packed';
import { appendToPacked, mergeMatchers, removeFromMatcher, unpackCompiled } from '../match/append';
import { packMatcher } from '../match/packed';
import type { CompiledMatcher } from '../match/types';
import type { PackEntity, PackReport } from '../reader-kb/pack';
import { sketchOf, type ReportSketch } from '../reader-kb/duplicates';
import type { ReportPiece } from '../reader-kb/incremental';
import type { ClaimKeyRecord, RegistryEntry } from '../reader-kb/append';
import { NO_REVIEW, type ReaderDerived, type Review } from '../reader-kb/pipeline';
import { abortQuietly } from './open';

export const READER_DB_NAME = 'backstory-reader';
/** The meta record saying which derivation the append path's lookups (registry, claimKeys) describe. */
export const APPEND_META = 'append';
export const READER_DB_VERSION = 4;

/** Which derivation is stored: read on every lookup (small), so a cached copy can be checked cheaply. */
export interface DerivedStamp {
  key: 'stamp';
  bundledHash: string;
  readerHash: string;
  reports: number;
}

/** The derivation as one record: how versions 1 and 2 stored it. Read only to convert it (version 3). */
export type LegacyDerived = ReaderDerived & { key: 'active' };

/** What the stored derivation is besides its records: its hashes and the page matcher (one packed value, replaced as a whole). */
export interface DerivedHead {
  key: 'head';
  bundledHash: string;
  readerHash: string;
  kb: Pick<KbDocument, 'format' | 'version' | 'hash'>;
  compiled: PackedMatcher;
  /**
   * New names appended since `compiled` was compiled whole (lib/reader-kb/append.ts), in the JSON form:
   * an import writes this small matcher, not the whole one again; readers insert it (`headMatcher`).
   */
  delta?: CompiledMatcher;
  /**
   * Names taken out of `compiled` since it was compiled whole (a deleted report's new names, lib/reader-kb/remove.ts):
   * an entity id and the alias texts it lost (null: all). Applied before `delta`, so a name added again later is marked.
   */
  removed?: [string, string[] | null][];
}

/** The page matcher a head stands for: its compiled matcher less the removed names, with the appended names inserted (lib/match/append.ts). */
export function headMatcher(head: Pick<DerivedHead, 'compiled' | 'delta' | 'removed'>): PackedMatcher {
  if (!head.removed?.length) return head.delta ? appendToPacked(head.compiled, head.delta) : head.compiled;
  const base = removeFromMatcher(unpackCompiled(head.compiled), head.removed);
  return packMatcher(head.delta ? mergeMatchers(base, head.delta) : base);
}

/** A derivation whose `compiled` is the head's matcher, put together only if read (the background's whole read of the KB never needs it). */
function withHeadMatcher<T extends object>(derived: T, head: Pick<DerivedHead, 'compiled' | 'delta' | 'removed'>): T & { compiled: PackedMatcher } {
  let compiled: PackedMatcher | undefined;
  return Object.defineProperty(derived, 'compiled', { enumerable: true, configurable: true, get: () => (compiled ??= headMatcher(head)) }) as T & { compiled: PackedMatcher };
}

/**
 * Which records make up the stored derivation, in its order, with what tells
 * a changed record from an unchanged one without reading it: a report's
 * records change only with its piece; a claim's otherwise only in its support;
 * entities and caveats found across reports by their content's hash.
 */
export interface DerivedIndex {
  key: 'index';
  reports: string[];
  entities: string[];
  entityHashes: string[];
  /** One character per entity: '1' when the bundled KB does not know it. */
  entityNew: string;
  claims: string[];
  claimSupport: string[];
  caveats: string[];
  /** '' for a caveat of its own report's piece (it changes only with that piece), else its content's hash. */
  caveatHashes: string[];
  /** Folded names, and their entity ids joined by newlines. */
  names: string[];
  nameIds: string[];
}

/**
 * Index entries written since the index was written whole (lib/reader-kb/append.ts): an appended report
 * writes these few, not the whole index again. Readers apply them (`withIndexDelta`); a whole write drops them.
 */
export interface DerivedIndexDelta {
  key: 'index-delta';
  reports: string[];
  /** [id, content hash, '1' when the bundled KB does not know it]: added, or a new hash for one the index has. */
  entities: [string, string, string][];
  claims: [string, string][];
  caveats: [string, string][];
  names: [string, string][];
  /**
   * Ids taken out of the index (a deleted report's records, lib/reader-kb/remove.ts). Applied before the entries above;
   * an id is never in both (a removal drops the id's entries, an entry drops its id's removal).
   */
  removed?: IndexRemovals;
}

export interface IndexRemovals {
  reports: string[];
  entities: string[];
  claims: string[];
  caveats: string[];
  names: string[];
}

/** Entries in a delta (for when to fold it into the index). */
export const deltaSize = (d: DerivedIndexDelta) =>
  d.reports.length + d.entities.length + d.claims.length + d.caveats.length + d.names.length + (d.removed ? d.removed.reports.length + d.removed.entities.length + d.removed.claims.length + d.removed.caveats.length + d.removed.names.length : 0);

/** A delta whose entries were just added to: ids that came back (a report naming a removed entity again) are no longer removed. */
export function settleRemovals(delta: DerivedIndexDelta): DerivedIndexDelta {
  const r = delta.removed;
  if (!r) return delta;
  const back = (gone: readonly string[], entries: readonly (readonly string[])[] | readonly string[]) => {
    const ids = new Set(entries.map((e) => (typeof e === 'string' ? e : e[0]!)));
    return gone.filter((id) => !ids.has(id));
  };
  return { ...delta, removed: { reports: back(r.reports, delta.reports), entities: back(r.entities, delta.entities), claims: back(r.claims, delta.claims), caveats: back(r.caveats, delta.caveats), names: back(r.names, delta.names) } };
}

/** The index less the removed ids (their parallel entries with them). */
function withoutRemoved(index: DerivedIndex, removed: IndexRemovals | undefined): DerivedIndex {
  if (!removed) return index;
  const keep = <K extends string>(ids: readonly string[], gone: readonly string[], ...parallel: (readonly K[])[]): [string[], ...K[][]] => {
    if (gone.length === 0) return [[...ids], ...parallel.map((p) => [...p])];
    const out = new Set(gone);
    const at = ids.flatMap((id, i) => (out.has(id) ? [] : [i]));
    return [at.map((i) => ids[i]!), ...parallel.map((p) => at.map((i) => p[i]!))];
  };
  const [entities, entityHashes] = keep(index.entities, removed.entities, index.entityHashes);
  const [, entityNewChars] = keep(index.entities, removed.entities, [...index.entityNew]);
  const [claims, claimSupport] = keep(index.claims, removed.claims, index.claimSupport);
  const [caveats, caveatHashes] = keep(index.caveats, removed.caveats, index.caveatHashes);
  const [names, nameIds] = keep(index.names, removed.names, index.nameIds);
  const [reports] = keep(index.reports, removed.reports);
  return { ...index, reports, entities, entityHashes: entityHashes!, entityNew: entityNewChars!.join(''), claims, claimSupport: claimSupport!, caveats, caveatHashes: caveatHashes!, names, nameIds: nameIds! };
}

/** The index with a delta applied: its removals, then its entries, each of which updates the entry of its id or is appended. */
export function withIndexDelta(stored: DerivedIndex, delta: DerivedIndexDelta | undefined | null): DerivedIndex {
  if (!delta) return stored;
  const index = withoutRemoved(stored, delta.removed);
  const out: DerivedIndex = { ...index, reports: [...index.reports, ...delta.reports.filter((r) => !index.reports.includes(r))] };
  const apply = (ids: readonly string[], values: readonly string[], entries: readonly (readonly string[])[]): [string[], string[]] => {
    const at = new Map(ids.map((id, i) => [id, i]));
    const nextIds = [...ids];
    const nextValues = [...values];
    for (const [id, value] of entries) {
      const i = at.get(id!);
      if (i === undefined) {
        at.set(id!, nextIds.length);
        nextIds.push(id!);
        nextValues.push(value!);
      } else nextValues[i] = value!;
    }
    return [nextIds, nextValues];
  };
  [out.entities, out.entityHashes] = apply(index.entities, index.entityHashes, delta.entities);
  const known = new Set(index.entities);
  let entityNew = index.entityNew;
  for (const [id, , isNew] of delta.entities) {
    if (known.has(id)) continue;
    known.add(id);
    entityNew += isNew;
  }
  out.entityNew = entityNew;
  [out.claims, out.claimSupport] = apply(index.claims, index.claimSupport, delta.claims);
  [out.caveats, out.caveatHashes] = apply(index.caveats, index.caveatHashes, delta.caveats);
  [out.names, out.nameIds] = apply(index.names, index.nameIds, delta.names);
  return out;
}

export interface ReaderDB extends DBSchema {
  reports: { key: string; value: PackReport };
  derived: { key: string; value: DerivedStamp | DerivedHead | DerivedIndex | DerivedIndexDelta | LegacyDerived };
  meta: { key: string; value: { key: string; value: unknown } };
  /** What each report contributed (lib/reader-kb/incremental.ts): the KB is written one report at a time from these. */
  pieces: { key: string; value: ReportPiece };
  /** Each report's shingle sketch (lib/reader-kb/duplicates.ts): the duplicate index is rebuilt from these, not from the texts. */
  sketches: { key: string; value: StoredSketch };
  // --- The derived KB, one record per report, entity, claim and caveat (version 3): a change writes only the records it changed.
  kbReports: { key: string; value: KbReport };
  kbEntities: { key: string; value: KbEntity };
  kbClaims: { key: string; value: KbClaim };
  kbCaveats: { key: string; value: KbCaveat; indexes: { report: string } };
  /** Folded name or alias → entity ids (lib/kb/card.ts `nameIndex`), for lookups by name. */
  kbNames: { key: string; value: { name: string; ids: string[] } };
  // --- Version 4: the lookups that let one report be added without reading the whole KB (lib/reader-kb/append.ts).
  /** The new names the reader's reports introduced, as pipeline inputs, with the folded forms a text must contain to name them. */
  registry: { key: string; value: RegistryEntry };
  /** A claim's repeat key or one of its 3-word shingles → the reader's claims that have it (corroboration, lib/kb/support). */
  claimKeys: { key: string; value: ClaimKeyRecord };
}

/** The derived KB's record stores. */
export const DERIVED_STORES = ['derived', 'kbReports', 'kbEntities', 'kbClaims', 'kbCaveats', 'kbNames'] as const;
/** The append path's lookups (built from the derived KB when first needed; any other write of the KB invalidates them). */
export const APPEND_STORES = ['registry', 'claimKeys', 'meta'] as const;

export type StoredSketch = ReportSketch & { id: string; title: string };

export type ReaderDatabase = IDBPDatabase<ReaderDB>;

export function openReaderDb(name = READER_DB_NAME): Promise<ReaderDatabase> {
  return openDB<ReaderDB>(name, READER_DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, transaction) {
      if (oldVersion < 1) {
        db.createObjectStore('reports', { keyPath: 'id' });
        db.createObjectStore('derived', { keyPath: 'key' });
        db.createObjectStore('meta', { keyPath: 'key' });
      }
      // Version 2: per-report pieces. A database from version 1 has none: its next change derives them all once.
      if (oldVersion < 2) {
        db.createObjectStore('pieces', { keyPath: 'id' });
        db.createObjectStore('sketches', { keyPath: 'id' });
      }
      // Version 3: the derived KB in records (a KB of 10,000 reports as one record is over Chromium's limit for
      // one value, about 133 MB). The one record of versions 1 and 2 is converted here, so no reader loses theirs.
      if (oldVersion < 3) {
        for (const store of ['kbReports', 'kbEntities', 'kbClaims'] as const) db.createObjectStore(store, { keyPath: 'id' });
        db.createObjectStore('kbCaveats', { keyPath: 'id' }).createIndex('report', 'report');
        db.createObjectStore('kbNames', { keyPath: 'name' });
        if (oldVersion >= 1) {
          const derived = transaction.objectStore('derived');
          void derived
            .get('active')
            .then((row) => {
              if (!row || row.key !== 'active') return;
              const { key: _key, ...legacy } = row;
              writeDerivedRecords(transaction, prepareDerived(legacy), undefined, 'all');
              void derived.delete('active').catch(() => undefined);
            })
            .catch(() => undefined);
        }
      }
      // Version 4: the append path's lookups (lib/reader-kb/append.ts). Built from the stored KB the first time a
      // report is appended to a large KB (the version 3 records stay as they are).
      if (oldVersion < 4) {
        db.createObjectStore('registry', { keyPath: 'id' });
        db.createObjectStore('claimKeys', { keyPath: 'key' });
      }
    },
    blocking(_current, _blocked, event) {
      (event.target as IDBDatabase).close();
    },
  });
}

export class ReaderStoreError extends Error {
  constructor(
    message: string,
    readonly kind: 'quota' | 'failed',
  ) {
    super(message);
  }
}

const isQuota = (e: unknown) => (e as { name?: string })?.name === 'QuotaExceededError' || (e as { inner?: { name?: string } })?.inner?.name === 'QuotaExceededError';

type WriteTx = IDBPTransaction<ReaderDB, StoreNames<ReaderDB>[], 'readwrite'>;

/**
 * One transaction: all of `run`'s writes or none (a failed request, or an
 * exception in `run`, aborts it). `run` may await the transaction's own
 * requests, nothing else (the transaction would commit meanwhile).
 */
export async function write(db: ReaderDatabase, what: string, run: (tx: WriteTx) => void | Promise<void>, stores: StoreNames<ReaderDB>[]): Promise<void> {
  const tx = db.transaction(stores, 'readwrite');
  try {
    await run(tx);
    await tx.done;
  } catch (error) {
    abortQuietly(tx);
    if (isQuota(error) || ((error as { name?: string })?.name === 'AbortError' && isQuota(tx.error))) {
      throw new ReaderStoreError(`The browser has no room left to store ${what}. Your other reports are kept. Free some disk space, or delete reports you no longer need, and try again.`, 'quota');
    }
    throw new ReaderStoreError(`Storing ${what} failed: ${(error as Error)?.message ?? String(error)}`, 'failed');
  }
}

/** Store one report with its sketch, in its own transaction. */
export function addReaderReport(db: ReaderDatabase, report: PackReport, sketch: ReportSketch = sketchOf(report.text)): Promise<void> {
  return write(
    db,
    `“${report.title}”`,
    (tx) => {
      void tx.objectStore('reports').put(report).catch(() => undefined);
      void tx.objectStore('sketches').put({ ...sketch, id: report.id, title: report.title }).catch(() => undefined);
    },
    ['reports', 'sketches'],
  );
}

/** The stored sketches; reports stored before sketches existed get theirs computed (and stored) now. */
export async function listSketches(db: ReaderDatabase): Promise<StoredSketch[]> {
  const [sketches, ids] = await Promise.all([db.getAll('sketches'), db.getAllKeys('reports')]);
  const have = new Set(sketches.map((s) => s.id));
  const missing = ids.filter((id) => !have.has(id));
  for (const id of missing) {
    const report = await db.get('reports', id);
    if (!report) continue;
    const sketch: StoredSketch = { ...sketchOf(report.text), id, title: report.title };
    await db.put('sketches', sketch).catch(() => undefined);
    sketches.push(sketch);
  }
  const live = new Set(ids);
  return sketches.filter((s) => live.has(s.id));
}

export async function readerReportIds(db: ReaderDatabase): Promise<string[]> {
  return db.getAllKeys('reports');
}

export async function readerReportText(db: ReaderDatabase, id: string): Promise<string | null> {
  return (await db.get('reports', id))?.text ?? null;
}

export async function listReaderReports(db: ReaderDatabase): Promise<PackReport[]> {
  return (await db.getAll('reports')).sort((a, b) => a.addedAt - b.addedAt || a.id.localeCompare(b.id));
}

/** Delete some reports (or all of them) and what was derived from them. */
export function deleteReaderReports(db: ReaderDatabase, ids: readonly string[] | 'all'): Promise<void> {
  return write(
    db,
    'the change',
    (tx) => {
      const queue = (p: Promise<unknown>) => void p.catch(() => undefined);
      if (ids === 'all') {
        for (const store of ['reports', 'pieces', 'sketches', ...DERIVED_STORES, 'registry', 'claimKeys'] as const) queue(tx.objectStore(store).clear());
        queue(tx.objectStore('meta').delete(APPEND_META));
        return;
      }
      for (const id of ids) {
        queue(tx.objectStore('reports').delete(id));
        queue(tx.objectStore('sketches').delete(id));
      }
      // The derivation no longer matches the reports: nothing is served from it until it is derived again.
      // Its records and index stay, so deriving again writes only what the deletion changed.
      queue(tx.objectStore('derived').delete('head'));
      queue(tx.objectStore('derived').delete('stamp'));
      queue(tx.objectStore('meta').delete(APPEND_META));
    },
    ['reports', 'pieces', 'sketches', ...DERIVED_STORES, ...APPEND_STORES],
  );
}

const supportKey = (c: KbClaim) => `${c.support.independentSources}.${c.support.reports}.${c.support.repeats}`;
const recordHash = (value: unknown) => contentHash(JSON.stringify(value));

interface PreparedDerived {
  names: { name: string; ids: string[] }[];
  head: DerivedHead;
  index: DerivedIndex;
  stamp: DerivedStamp;
  kb: KbDocument;
}

/** A derivation as records (CPU work, done before its transaction opens: the hashes of what can change without its piece). */
export function prepareDerived(derived: ReaderDerived): PreparedDerived {
  const { kb } = derived;
  // Caveats found across reports are last (lib/reader-kb/incremental.ts `assemble`); without the count, all are hashed.
  const firstCross = kb.caveats.length - Math.min(kb.caveats.length, derived.crossCaveats ?? kb.caveats.length);
  const isNew = new Set(derived.entities.filter((e) => e.isNew).map((e) => e.id));
  const names = nameIndex(kb);
  return {
    names,
    kb,
    head: { key: 'head', bundledHash: derived.bundledHash, readerHash: derived.readerHash, kb: { format: kb.format, version: kb.version, hash: kb.hash }, compiled: derived.compiled },
    stamp: { key: 'stamp', bundledHash: derived.bundledHash, readerHash: derived.readerHash, reports: kb.reports.length },
    index: {
      key: 'index',
      reports: kb.reports.map((r) => r.id),
      entities: kb.entities.map((e) => e.id),
      entityHashes: kb.entities.map(recordHash),
      entityNew: kb.entities.map((e) => (isNew.has(e.id) ? '1' : '0')).join(''),
      claims: kb.claims.map((c) => c.id),
      claimSupport: kb.claims.map(supportKey),
      caveats: kb.caveats.map((c) => c.id),
      caveatHashes: kb.caveats.map((c, i) => (i < firstCross ? '' : recordHash(c))),
      names: names.map((n) => n.name),
      nameIds: names.map((n) => n.ids.join('\n')),
    },
  };
}

type RecordsTx = IDBPTransaction<ReaderDB, StoreNames<ReaderDB>[], 'readwrite' | 'versionchange'>;

/**
 * Queue the writes that turn the stored derivation (`old`, its index; none:
 * the record stores are cleared first) into `next`: the records of the
 * reports whose pieces changed, the claims whose support changed, the
 * entities and cross-report caveats whose content changed; records no longer
 * in it are deleted. Synchronous: the caller's transaction commits them all
 * or none.
 */
function writeDerivedRecords(tx: RecordsTx, next: PreparedDerived, old: DerivedIndex | undefined, changedReports: ReadonlySet<string> | 'all'): void {
  const queue = (p: Promise<unknown>) => void p.catch(() => undefined);
  const stores = { reports: tx.objectStore('kbReports'), entities: tx.objectStore('kbEntities'), claims: tx.objectStore('kbClaims'), caveats: tx.objectStore('kbCaveats'), names: tx.objectStore('kbNames') };
  if (!old) for (const store of Object.values(stores)) queue(store.clear());
  const changed = (report: string) => !old || changedReports === 'all' || changedReports.has(report);
  const before = (ids: readonly string[], keys: readonly string[]) => new Map(ids.map((id, i) => [id, keys[i]!]));
  const removeGone = (oldIds: readonly string[] | undefined, newIds: readonly string[], remove: (id: string) => Promise<unknown>) => {
    if (!oldIds) return;
    const now = new Set(newIds);
    for (const id of oldIds) if (!now.has(id)) queue(remove(id));
  };
  const { kb, index } = next;

  const oldReports = new Set(old?.reports);
  for (const r of kb.reports) if (changed(r.id) || !oldReports.has(r.id)) queue(stores.reports.put(r));
  removeGone(old?.reports, index.reports, (id) => stores.reports.delete(id));

  const oldEntities = old ? before(old.entities, old.entityHashes) : new Map<string, string>();
  kb.entities.forEach((e, i) => {
    if (oldEntities.get(e.id) !== index.entityHashes[i]) queue(stores.entities.put(e));
  });
  removeGone(old?.entities, index.entities, (id) => stores.entities.delete(id));

  const oldClaims = old ? before(old.claims, old.claimSupport) : new Map<string, string>();
  kb.claims.forEach((c, i) => {
    if (changed(c.report) || oldClaims.get(c.id) !== index.claimSupport[i]) queue(stores.claims.put(c));
  });
  removeGone(old?.claims, index.claims, (id) => stores.claims.delete(id));

  const oldCaveats = old ? before(old.caveats, old.caveatHashes) : new Map<string, string>();
  kb.caveats.forEach((c, i) => {
    const hash = index.caveatHashes[i]!;
    if (oldCaveats.get(c.id) !== hash || (hash === '' && changed(c.report))) queue(stores.caveats.put(c));
  });
  removeGone(old?.caveats, index.caveats, (id) => stores.caveats.delete(id));

  // An index written before names were (none yet): every name is written.
  const oldNames = old?.names ? before(old.names, old.nameIds) : new Map<string, string>();
  next.names.forEach((n, i) => {
    if (oldNames.get(n.name) !== index.nameIds[i]) queue(stores.names.put(n));
  });
  removeGone(old?.names, index.names, (name) => stores.names.delete(name));

  const derived = tx.objectStore('derived');
  // The append path's lookups describe the KB before this write: they are built again when next needed.
  queue(tx.objectStore('meta').delete(APPEND_META));
  queue(derived.delete('index-delta'));
  queue(derived.put(next.head));
  queue(derived.put(next.index));
  queue(derived.put(next.stamp));
}

/** Store what was derived from the reports, replacing the previous derivation (every record written). */
export function putDerived(db: ReaderDatabase, derived: ReaderDerived): Promise<void> {
  const next = prepareDerived(derived);
  return write(db, 'the names your reports add', (tx) => writeDerivedRecords(tx, next, undefined, 'all'), [...DERIVED_STORES, 'meta']);
}

/**
 * Store the pieces one change derived (and drop removed ones) with the
 * assembled KB, in one transaction: the stored KB always matches its pieces,
 * and only its records that changed are written (the pieces' reports, and
 * what was counted across reports that moved). A failure leaves the previous
 * KB whole.
 */
export function putPiecesAndDerived(db: ReaderDatabase, changed: readonly ReportPiece[], removed: readonly string[], derived: ReaderDerived): Promise<void> {
  const next = prepareDerived(derived);
  const touched = new Set([...changed.map((p) => p.id), ...removed]);
  return write(
    db,
    'the names your reports add',
    async (tx) => {
      // Read in this transaction: a concurrent writer (the background deriving after an update) cannot slip in between.
      const [stored, delta] = await Promise.all([tx.objectStore('derived').get('index'), tx.objectStore('derived').get('index-delta')]);
      const old = stored?.key === 'index' ? withIndexDelta(stored, delta?.key === 'index-delta' ? delta : null) : undefined;
      const queue = (p: Promise<unknown>) => void p.catch(() => undefined);
      for (const id of removed) queue(tx.objectStore('pieces').delete(id));
      for (const p of changed) queue(tx.objectStore('pieces').put(p));
      writeDerivedRecords(tx, next, old?.key === 'index' ? old : undefined, touched);
    },
    ['pieces', ...DERIVED_STORES, 'meta'],
  );
}

/** The stored pieces, in the order of `reports` (pieces of reports no longer stored come where their ids are in `order`, else last). */
export async function listPieces(db: ReaderDatabase, order: readonly string[]): Promise<ReportPiece[]> {
  const at = new Map(order.map((id, i) => [id, i]));
  return (await db.getAll('pieces')).sort((a, b) => (at.get(a.id) ?? Infinity) - (at.get(b.id) ?? Infinity) || a.id.localeCompare(b.id));
}

export async function derivedStamp(db: ReaderDatabase): Promise<DerivedStamp | null> {
  const row = await db.get('derived', 'stamp');
  return row && row.key === 'stamp' ? row : null;
}

/**
 * The stored derivation, read back from its records in one read transaction
 * (a concurrent write is seen whole or not at all). Null when there is none,
 * or a record its index lists is missing (it is then derived again; the
 * index is dropped so that write stores every record).
 */
export async function getDerived(db: ReaderDatabase): Promise<ReaderDerived | null> {
  const tx = db.transaction([...DERIVED_STORES], 'readonly');
  const derivedStore = tx.objectStore('derived');
  const [head, storedIndex, delta, reports, entities, claims, caveats] = await Promise.all([
    derivedStore.get('head'),
    derivedStore.get('index'),
    derivedStore.get('index-delta'),
    tx.objectStore('kbReports').getAll(),
    tx.objectStore('kbEntities').getAll(),
    tx.objectStore('kbClaims').getAll(),
    tx.objectStore('kbCaveats').getAll(),
  ]);
  await tx.done;
  if (head?.key !== 'head' || storedIndex?.key !== 'index') return null;
  const index = withIndexDelta(storedIndex, delta?.key === 'index-delta' ? delta : null);
  const kb = { ...head.kb, reports: inOrder(reports, index.reports), entities: inOrder(entities, index.entities), claims: inOrder(claims, index.claims), caveats: inOrder(caveats, index.caveats) };
  if (!kb.reports || !kb.entities || !kb.claims || !kb.caveats) {
    await db.delete('derived', 'index').catch(() => undefined);
    await db.delete('derived', 'index-delta').catch(() => undefined);
    await db.delete('derived', 'head').catch(() => undefined);
    return null;
  }
  const crossCaveats = index.caveatHashes.filter((h) => h !== '').length;
  return withHeadMatcher({ bundledHash: head.bundledHash, readerHash: head.readerHash, kb: kb as KbDocument, entities: entityList(kb.entities, index), crossCaveats }, head);
}

function inOrder<T extends { id: string }>(records: readonly T[], ids: readonly string[]): T[] | null {
  const byId = new Map(records.map((r) => [r.id, r]));
  const out: T[] = [];
  for (const id of ids) {
    const r = byId.get(id);
    if (!r) return null;
    out.push(r);
  }
  return out;
}

/** The review list of a derivation's entities (as lib/reader-kb/incremental.ts `assemble` lists them). */
function entityList(entities: readonly KbEntity[], index: DerivedIndex): PackEntity[] {
  const out: PackEntity[] = [];
  entities.forEach((e, i) => {
    if (e.reports.length > 0) out.push({ id: e.id, name: e.name, type: e.type, aliases: e.aliases.filter((a) => a.mentions > 0).map((a) => a.text), reports: e.reports.map((r) => r.report), isNew: index.entityNew[i] === '1' });
  });
  return out;
}

/** The stored derivation's entities as the review list shows them, reading their records alone (not the reports, claims, caveats or matcher). */
export async function getDerivedEntities(db: ReaderDatabase): Promise<{ bundledHash: string; entities: PackEntity[] } | null> {
  const tx = db.transaction(['derived', 'kbEntities'], 'readonly');
  const [stamp, storedIndex, delta, records] = await Promise.all([tx.objectStore('derived').get('stamp'), tx.objectStore('derived').get('index'), tx.objectStore('derived').get('index-delta'), tx.objectStore('kbEntities').getAll()]);
  await tx.done;
  if (stamp?.key !== 'stamp' || storedIndex?.key !== 'index') return null;
  const index = withIndexDelta(storedIndex, delta?.key === 'index-delta' ? delta : null);
  const entities = inOrder(records, index.entities);
  return entities ? { bundledHash: stamp.bundledHash, entities: entityList(entities, index) } : null;
}

/**
 * Ask the browser once (on the first save) to keep our storage under
 * pressure; the answer is remembered. Returns whether storage is persistent.
 */
export async function askPersistenceOnce(db: ReaderDatabase, storage: Pick<StorageManager, 'persist' | 'persisted'> | undefined): Promise<boolean | null> {
  if (!storage) return null;
  const asked = await db.get('meta', 'persistAsked');
  if (asked) return storage.persisted();
  let granted = false;
  try {
    granted = await storage.persist();
  } catch {
    granted = false;
  }
  await db.put('meta', { key: 'persistAsked', value: { granted, at: Date.now() } });
  return granted;
}

/** The reader's review decisions (rejections, renames, type changes). */
export async function getReview(db: ReaderDatabase): Promise<Review> {
  const row = await db.get('meta', 'review');
  return row ? { ...NO_REVIEW, ...(row.value as Partial<Review>) } : NO_REVIEW;
}

export function putReview(db: ReaderDatabase, review: Review): Promise<void> {
  return write(db, 'your review', (tx) => void tx.objectStore('meta').put({ key: 'review', value: review }).catch(() => undefined), ['meta']);
}

/**
 * A KbReader over the stored derivation's records (lib/db/kb-store.ts
 * `dbReader` does the same for the bundled KB): each call is one short read
 * transaction, so the background answers a card without first reading the
 * whole of a large KB.
 */
export function storedReader(db: ReaderDatabase): KbReader {
  const many = async <S extends 'kbEntities' | 'kbClaims' | 'kbCaveats' | 'kbReports'>(store: S, ids: readonly string[]) => {
    if (ids.length === 0) return [];
    const tx = db.transaction(store, 'readonly');
    const rows = await Promise.all(ids.map((id) => tx.store.get(id)));
    await tx.done;
    return rows as (ReaderDB[S]['value'] | undefined)[];
  };
  return {
    entity: (id) => db.get('kbEntities', id),
    entities: (ids) => many('kbEntities', ids),
    claims: (ids) => many('kbClaims', ids),
    caveats: (ids) => many('kbCaveats', ids),
    reportMeta: async (ids) => (await many('kbReports', ids)).map((r) => (r ? reportRef(r) : undefined)),
    findByName: async (name) => (await db.get('kbNames', foldName(name)))?.ids ?? [],
  };
}

/** The stored derivation's head (its hashes and page matcher), or null. */
export async function derivedHead(db: ReaderDatabase): Promise<DerivedHead | null> {
  const row = await db.get('derived', 'head');
  return row?.key === 'head' ? row : null;
}

/** One of the reader's reports as derived, with its caveats. */
export async function derivedReport(db: ReaderDatabase, id: string): Promise<{ report: KbReport; caveats: KbCaveat[] } | null> {
  const tx = db.transaction(['kbReports', 'kbCaveats'], 'readonly');
  const [report, caveats] = await Promise.all([tx.objectStore('kbReports').get(id), tx.objectStore('kbCaveats').index('report').getAll(id)]);
  await tx.done;
  return report ? { report, caveats } : null;
}

/**
 * The stored derivation read whole, a slice of records per transaction with
 * `pause()` between slices, so the reading context keeps answering meanwhile
 * (a KB of 10,000 reports is over 100 MB: read at once, it would hold the
 * background for seconds). Null when there is none, or it changed while it
 * was read (its stamp before and after differ).
 */
export async function getDerivedSliced(db: ReaderDatabase, pause: () => Promise<void>, slice = 250): Promise<ReaderDerived | null> {
  const stampOf = async () => {
    const s = await derivedStamp(db);
    return s ? `${s.bundledHash}+${s.readerHash}` : null;
  };
  const before = await stampOf();
  const [head, storedIndex, delta] = await Promise.all([db.get('derived', 'head'), db.get('derived', 'index'), db.get('derived', 'index-delta')]);
  if (!before || head?.key !== 'head' || storedIndex?.key !== 'index') return null;
  const index = withIndexDelta(storedIndex, delta?.key === 'index-delta' ? delta : null);
  const all = async <S extends 'kbReports' | 'kbEntities' | 'kbClaims' | 'kbCaveats'>(store: S): Promise<ReaderDB[S]['value'][]> => {
    const out: ReaderDB[S]['value'][] = [];
    let last: string | undefined;
    for (;;) {
      await pause();
      const rows = await db.getAll(store, last === undefined ? undefined : IDBKeyRange.lowerBound(last, true), slice);
      out.push(...rows);
      if (rows.length < slice) return out;
      last = rows[rows.length - 1]!.id;
    }
  };
  const reports = inOrder(await all('kbReports'), index.reports);
  const entities = inOrder(await all('kbEntities'), index.entities);
  const claims = inOrder(await all('kbClaims'), index.claims);
  const caveats = inOrder(await all('kbCaveats'), index.caveats);
  if (!reports || !entities || !claims || !caveats || (await stampOf()) !== before) return null;
  const kb: KbDocument = { ...head.kb, reports, entities, claims, caveats };
  return withHeadMatcher({ bundledHash: head.bundledHash, readerHash: head.readerHash, kb, entities: entityList(entities, index), crossCaveats: index.caveatHashes.filter((h) => h !== '').length }, head);
}

/** Fold the index delta into the index once it has `max` entries or more (the options page's worker, after a change). Returns whether it did. */
export async function foldIndexDelta(db: ReaderDatabase, max: number): Promise<boolean> {
  // The delta alone first: most changes leave it small, and the index is megabytes.
  const small = await db.get('derived', 'index-delta');
  if (small?.key !== 'index-delta' || deltaSize(small) < max) return false;
  const tx = db.transaction('derived', 'readwrite');
  const [index, delta] = await Promise.all([tx.store.get('index'), tx.store.get('index-delta')]);
  if (index?.key !== 'index' || delta?.key !== 'index-delta' || deltaSize(delta) < max) {
    await tx.done;
    return false;
  }
  void tx.store.put(withIndexDelta(index, delta)).catch(() => undefined);
  void tx.store.delete('index-delta').catch(() => undefined);
  await tx.done;
  return true;
}
