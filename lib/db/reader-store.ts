// The reader's own reports, in their own database (`backstory-reader`), so
// loading or re-seeding the bundled KB (lib/db/kb-store.ts, database
// `backstory`) can never touch them. Each report is stored in its own
// transaction: a failure loses at most the report being added. What the
// pipeline derives from them (./../reader-kb/pipeline.ts) is stored beside
// them and can always be derived again from the reports.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { PackReport } from '../reader-kb/pack';
import { sketchOf, type ReportSketch } from '../reader-kb/duplicates';
import type { ReportPiece } from '../reader-kb/incremental';
import { NO_REVIEW, type ReaderDerived, type Review } from '../reader-kb/pipeline';

export const READER_DB_NAME = 'backstory-reader';
export const READER_DB_VERSION = 2;

/** Which derivation is stored: read on every lookup (small), so a cached copy can be checked cheaply. */
export interface DerivedStamp {
  key: 'stamp';
  bundledHash: string;
  readerHash: string;
  reports: number;
}

export interface ReaderDB extends DBSchema {
  reports: { key: string; value: PackReport };
  derived: { key: string; value: (ReaderDerived & { key: 'active' }) | DerivedStamp };
  meta: { key: string; value: { key: string; value: unknown } };
  /** What each report contributed (lib/reader-kb/incremental.ts): the KB is written one report at a time from these. */
  pieces: { key: string; value: ReportPiece };
  /** Each report's shingle sketch (lib/reader-kb/duplicates.ts): the duplicate index is rebuilt from these, not from the texts. */
  sketches: { key: string; value: StoredSketch };
}

export type StoredSketch = ReportSketch & { id: string; title: string };

export type ReaderDatabase = IDBPDatabase<ReaderDB>;

export function openReaderDb(name = READER_DB_NAME): Promise<ReaderDatabase> {
  return openDB<ReaderDB>(name, READER_DB_VERSION, {
    upgrade(db, oldVersion) {
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

async function write(db: ReaderDatabase, what: string, run: (tx: IDBPTransaction<ReaderDB, StoreNames<ReaderDB>[], 'readwrite'>) => void, stores: StoreNames<ReaderDB>[]): Promise<void> {
  const tx = db.transaction(stores, 'readwrite');
  try {
    run(tx);
    await tx.done;
  } catch (error) {
    tx.done.catch(() => undefined);
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
        queue(tx.objectStore('reports').clear());
        queue(tx.objectStore('pieces').clear());
        queue(tx.objectStore('sketches').clear());
      } else {
        for (const id of ids) {
          queue(tx.objectStore('reports').delete(id));
          queue(tx.objectStore('sketches').delete(id));
        }
      }
      queue(tx.objectStore('derived').clear());
    },
    ['reports', 'derived', 'pieces', 'sketches'],
  );
}

/** Store what was derived from the reports, replacing the previous derivation. */
export function putDerived(db: ReaderDatabase, derived: ReaderDerived): Promise<void> {
  const stamp: DerivedStamp = { key: 'stamp', bundledHash: derived.bundledHash, readerHash: derived.readerHash, reports: derived.kb.reports.length };
  return write(
    db,
    'the names your reports add',
    (tx) => {
      void tx.objectStore('derived').put({ ...derived, key: 'active' }).catch(() => undefined);
      void tx.objectStore('derived').put(stamp).catch(() => undefined);
    },
    ['derived'],
  );
}

/**
 * Store the pieces one change derived (and drop removed ones) with the
 * assembled KB, in one transaction: the stored KB always matches its pieces.
 */
export function putPiecesAndDerived(db: ReaderDatabase, changed: readonly ReportPiece[], removed: readonly string[], derived: ReaderDerived): Promise<void> {
  const stamp: DerivedStamp = { key: 'stamp', bundledHash: derived.bundledHash, readerHash: derived.readerHash, reports: derived.kb.reports.length };
  return write(
    db,
    'the names your reports add',
    (tx) => {
      const queue = (p: Promise<unknown>) => void p.catch(() => undefined);
      for (const id of removed) queue(tx.objectStore('pieces').delete(id));
      for (const p of changed) queue(tx.objectStore('pieces').put(p));
      queue(tx.objectStore('derived').put({ ...derived, key: 'active' }));
      queue(tx.objectStore('derived').put(stamp));
    },
    ['pieces', 'derived'],
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

export async function getDerived(db: ReaderDatabase): Promise<ReaderDerived | null> {
  const row = await db.get('derived', 'active');
  if (!row || row.key !== 'active') return null;
  const { key: _key, ...derived } = row;
  return derived;
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
