/// <reference types="vite/client" />
// The reader library wired for an extension page (options page): the reader's
// IndexedDB, the bundled KB from the package, DOMParser for HTML (a parsed,
// inert document: never innerHTML on a live one), and the page's storage
// manager for persist().
import { openReaderDb, READER_DB_NAME, type ReaderDatabase } from '../db/reader-store';
import { parseKbDocument, type KbDocument } from '../kb/document';
import { createReaderLibrary, type ReaderChange, type ReaderLibrary } from './library';
import type { DeriveReply, DeriveRequest } from './derive-worker';
import DeriveWorker from './derive-worker?worker';
import type { Pack } from './pack';

/** The pipeline in a worker with its own connection to the reader's database: the page sends only what changed. */
function workerDeriver(dbName: string, bundled: () => Promise<KbDocument>): (change: ReaderChange) => Promise<void> {
  let worker: Worker | null = null;
  let sentBundle = false;
  let next = 0;
  const waiting = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  return async (change) => {
    const kb = await bundled();
    if (!worker) {
      worker = new DeriveWorker();
      sentBundle = false;
      worker.onmessage = (event: MessageEvent<DeriveReply>) => {
        const w = waiting.get(event.data.id);
        waiting.delete(event.data.id);
        if (event.data.ok) w?.resolve();
        else w?.reject(new Error(event.data.error));
      };
      worker.onerror = (event) => {
        for (const w of waiting.values()) w.reject(new Error(`the pipeline stopped: ${event.message}`));
        waiting.clear();
        worker?.terminate();
        worker = null;
      };
    }
    const id = next++;
    const request: DeriveRequest = { id, dbName, change, ...(sentBundle ? {} : { bundled: kb }) };
    sentBundle = true;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      worker!.postMessage(request);
    });
  };
}

/** `fetchBundle` reads the bundled KB from the package (unvalidated). */
export function readerLibraryForPage(win: Window, fetchBundle: () => Promise<unknown>): ReaderLibrary {
  let db: Promise<ReaderDatabase> | null = null;
  let bundled: Promise<KbDocument> | null = null;
  const readBundle = () => (bundled ??= fetchBundle().then(parseKbDocument));
  const library = (async () =>
    createReaderLibrary({
      db: await (db ??= openReaderDb()),
      bundled: readBundle,
      parseHtml: (html) => new (win as Window & typeof globalThis).DOMParser().parseFromString(html, 'text/html'),
      storage: win.navigator.storage,
      derive: workerDeriver(READER_DB_NAME, readBundle),
      // Let the page paint (progress bar, results) between files.
      yieldToPage: () => new Promise((resolve) => win.setTimeout(resolve, 0)),
    }))();
  // The same methods, each waiting for the database to open.
  const call = (k: keyof ReaderLibrary) => (...args: unknown[]) => library.then((l) => (l[k] as (...a: unknown[]) => Promise<unknown>)(...args));
  return {
    importFiles: call('importFiles'),
    addText: call('addText'),
    list: call('list'),
    deleteAll: call('deleteAll'),
    deleteReports: call('deleteReports'),
    exportPack: call('exportPack'),
    planPackImport: call('planPackImport'),
    applyPackImport: call('applyPackImport'),
    review: call('review'),
  } as unknown as ReaderLibrary;
}

/** Offer the pack as a .json download. */
export function downloadPack(doc: Document, pack: Pack): void {
  const blob = new Blob([`${JSON.stringify(pack, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = `backstory-pack-${new Date(pack.createdAt).toISOString().slice(0, 10)}.json`;
  // Clicked detached: an anchor in the document would send its script-made click
  // through the window, where lib/ui/trusted-events.ts stops it.
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
