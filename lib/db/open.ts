import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, DB_VERSION, type BackstoryDB } from './schema';

export type BackstoryDatabase = IDBPDatabase<BackstoryDB>;

/**
 * Open (and migrate) the database, with the global `indexedDB`: the
 * extension's own in the background, fake-indexeddb in Node tests.
 */
export function openBackstoryDb(name = DB_NAME): Promise<BackstoryDatabase> {
  return openDB<BackstoryDB>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      // Migrations are steps: each `if` brings a database from one version to the next.
      if (oldVersion < 1) {
        db.createObjectStore('meta', { keyPath: 'key' });
        db.createObjectStore('entities', { keyPath: 'id' });
        db.createObjectStore('names', { keyPath: 'name' });
        db.createObjectStore('claims', { keyPath: 'id' }).createIndex('report', 'report');
        db.createObjectStore('caveats', { keyPath: 'id' }).createIndex('report', 'report');
        db.createObjectStore('reports', { keyPath: 'id' });
        db.createObjectStore('matcher', { keyPath: 'key' });
        db.createObjectStore('corrections', { keyPath: 'id', autoIncrement: true });
        db.createObjectStore('seenReports', { keyPath: 'report' });
      }
    },
    // Another context holds an older version open: let it go so the upgrade can run.
    blocking(_current, _blocked, event) {
      (event.target as IDBDatabase).close();
    },
  });
}

/** Abort a transaction that failed part-way (its writes are undone); one already aborted or finished is left as it is. */
export function abortQuietly(tx: { abort(): void; done: Promise<unknown> }): void {
  try {
    tx.abort();
  } catch {
    // already aborted (a failed request) or finished
  }
  tx.done.catch(() => undefined);
}
