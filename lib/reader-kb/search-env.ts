// The search index as the side panel builds it (lib/reader-kb/search.ts):
// the bundled KB from the package, and the reader's derived KB from their own
// database (the same extension origin). Built on first use and again only
// when the reader's reports changed since (their stamp).
import { derivedStamp, getDerived, openReaderDb } from '../db/reader-store';
import { parseKbDocument, type KbDocument } from '../kb/document';
import { buildSearchIndex, searchCorpus, type SearchIndex } from './search';

export function searchIndexLoader(fetchBundle: () => Promise<unknown>): () => Promise<SearchIndex> {
  let bundled: Promise<KbDocument> | null = null;
  let built: { stamp: string; index: Promise<SearchIndex> } | null = null;
  return async () => {
    const db = await openReaderDb().catch(() => null);
    try {
      const stamp = db ? await derivedStamp(db).catch(() => null) : null;
      const key = stamp ? `${stamp.bundledHash}+${stamp.readerHash}` : 'bundled';
      if (built?.stamp === key) return built.index;
      const mine = db && stamp ? ((await getDerived(db).catch(() => null))?.kb ?? null) : null;
      const kb = await (bundled ??= fetchBundle().then(parseKbDocument));
      const index = Promise.resolve(buildSearchIndex(searchCorpus(kb, mine)));
      built = { stamp: key, index };
      index.catch(() => (built = null));
      return index;
    } finally {
      db?.close();
    }
  };
}
