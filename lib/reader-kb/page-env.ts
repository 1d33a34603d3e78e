// The reader library wired for an extension page (options page): the reader's
// IndexedDB, the bundled KB from the package, DOMParser for HTML (a parsed,
// inert document: never innerHTML on a live one), and the page's storage
// manager for persist().
import { openReaderDb, type ReaderDatabase } from '../db/reader-store';
import { parseKbDocument, type KbDocument } from '../kb/document';
import { createReaderLibrary, type ReaderLibrary } from './library';
import type { Pack } from './pack';

export function readerLibraryForPage(win: Window, bundleUrl: string): ReaderLibrary {
  let db: Promise<ReaderDatabase> | null = null;
  let bundled: Promise<KbDocument> | null = null;
  const library = (async () =>
    createReaderLibrary({
      db: await (db ??= openReaderDb()),
      bundled: () => (bundled ??= win.fetch(bundleUrl).then(async (r) => parseKbDocument(await r.json()))),
      parseHtml: (html) => new (win as Window & typeof globalThis).DOMParser().parseFromString(html, 'text/html'),
      storage: win.navigator.storage,
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
