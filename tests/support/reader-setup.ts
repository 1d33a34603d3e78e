// Setup shared by the unit tests of the reader's KB (fake-indexeddb): the
// bundled KB installed as the background installs it, and the options page's
// library for text reports.
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
export function textReportLibrary(db: ReaderDatabase, bundled: KbDocument, derive: Parameters<typeof createReaderLibrary>[0]['derive']) {
  return createReaderLibrary({
    db,
    bundled: async () => bundled,
    parseHtml: () => {
      throw new Error('no HTML here');
    },
    derive,
  });
}
