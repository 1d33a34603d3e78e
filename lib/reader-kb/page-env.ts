/// <reference types="vite/client" />
// The reader library wired for an extension page (options page): the reader's
// IndexedDB, the bundled KB from the package, DOMParser for HTML (a parsed,
// inert document: never innerHTML on a live one), and the page's storage
// manager for persist().
import { openReaderDb, type ReaderDatabase } from '../db/reader-store';
import { parseKbDocument, type KbDocument } from '../kb/document';
import { createReaderLibrary, type ReaderLibrary } from './library';
import type { DeriveReply, DeriveRequest } from './derive-worker';
import DeriveWorker from './derive-worker?worker';
import type { UpdateInput, UpdateResult } from './incremental';
import type { Pack } from './pack';

/** The pipeline in a worker: one request at a time, answered by id. */
function workerDeriver(bundled: () => Promise<KbDocument>): (input: UpdateInput) => Promise<UpdateResult> {
  let worker: Worker | null = null;
  let next = 0;
  const waiting = new Map<number, { resolve: (d: UpdateResult) => void; reject: (e: Error) => void }>();
  return async (input) => {
    const kb = await bundled();
    worker ??= new DeriveWorker();
    worker.onmessage = (event: MessageEvent<DeriveReply>) => {
      const w = waiting.get(event.data.id);
      waiting.delete(event.data.id);
      if (event.data.ok) w?.resolve(event.data.result);
      else w?.reject(new Error(event.data.error));
    };
    worker.onerror = (event) => {
      for (const w of waiting.values()) w.reject(new Error(`the pipeline stopped: ${event.message}`));
      waiting.clear();
      worker?.terminate();
      worker = null;
    };
    const id = next++;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      worker!.postMessage({ id, bundled: kb, input } satisfies DeriveRequest);
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
      derive: workerDeriver(readBundle),
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
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
