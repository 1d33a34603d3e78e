// Writing the reader's KB off the options page's main thread: the pipeline
// takes a few hundred milliseconds per report, and the assembled KB is large,
// either of which would freeze the page's progress bar and Cancel button. The
// worker opens the reader's database itself (a worker of an extension page
// shares its IndexedDB), so the page sends only what changed. Started by
// ./page-env.ts.
import { openReaderDb, type ReaderDatabase } from '../db/reader-store';
import type { KbDocument } from '../kb/document';
import { applyReaderChange, maintainReaderKb, type ReaderChange } from './library';

/** The bundled KB comes with the first request (validated by the page): a worker has no extension API to read the package. */
export type DeriveRequest = { id: number; dbName: string; bundled?: KbDocument; change: ReaderChange };
export type DeriveReply = { id: number; ok: true; changed: number; appended?: number; removed?: number; fullPath?: string } | { id: number; ok: false; error: string; needBundle?: boolean };

let bundled: KbDocument | null = null;
let db: Promise<ReaderDatabase> | null = null;

// One change at a time: the upkeep after a change (./library.ts `maintainReaderKb`) runs after its answer and before the next change.
let chain: Promise<void> = Promise.resolve();

self.addEventListener('message', (event: MessageEvent<DeriveRequest>) => {
  const { id, dbName, change } = event.data;
  if (event.data.bundled) bundled = event.data.bundled;
  chain = chain.then(async () => {
    try {
      if (!bundled) {
        self.postMessage({ id, ok: false, error: 'the bundled knowledge base was not sent', needBundle: true } satisfies DeriveReply);
        return;
      }
      db ??= openReaderDb(dbName).then((handle) => {
        handle.addEventListener('close', () => (db = null));
        return handle;
      });
      const handle = await db;
      const result = await applyReaderChange(handle, bundled, change);
      self.postMessage({ id, ok: true, changed: result?.changed.length ?? 0, appended: result?.appended ?? 0, removed: result?.removedIncrementally ?? 0, ...(result?.fullPathReason ? { fullPath: result.fullPathReason } : {}) } satisfies DeriveReply);
      await maintainReaderKb(handle, bundled).catch(() => undefined);
    } catch (error) {
      self.postMessage({ id, ok: false, error: (error as Error)?.message ?? String(error) } satisfies DeriveReply);
    }
  });
});
