// Setup shared by the unit tests of the reader's KB (fake-indexeddb): the
// bundled KB installed as the background installs it, and the options page's
// library for text reports.
import { afterEach } from 'vitest';
import { createKbService } from '../../lib/background/kb-service';
import { openBackstoryDb } from '../../lib/db/open';
import type { ReaderDatabase } from '../../lib/db/reader-store';
import type { KbDocument } from '../../lib/kb/document';
import { createReaderLibrary } from '../../lib/reader-kb/library';

type Closable = { close(): void };

/** The KB service over a fresh database `name`, installed from `bundled`; the database goes to `opened` (closed after each test). */
export async function installedKb(name: string, bundled: KbDocument, opened: Closable[]) {
  const kb = createKbService({ openDb: () => openBackstoryDb(name), fetchBundle: async () => bundled });
  await kb.refresh('install');
  opened.push(await kb.database());
  return kb;
}

/** The options page's library over `db`, for .txt/.md reports only (an HTML file would be a mistake in the test). */
export function textReportLibrary(db: ReaderDatabase, bundled: KbDocument, derive: Parameters<typeof createReaderLibrary>[0]['derive'], appendFrom?: number) {
  return createReaderLibrary({
    ...(appendFrom === undefined ? {} : { appendFrom }),
    db,
    bundled: async () => bundled,
    parseHtml: () => {
      throw new Error('no HTML here');
    },
    derive,
  });
}

/** A list of databases the test opens, each closed after the test (call at the top of a test file). */
export function closedAfterEach(): Closable[] {
  const opened: Closable[] = [];
  afterEach(() => opened.splice(0).forEach((db) => db.close()));
  return opened;
}
