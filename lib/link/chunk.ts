// The matching engine as a chunk: the content script stays within its size
// budget by importing the matcher's runtime (hydrate, scan, context rules) and
// the page linker (lib/link/linker.ts) from an extension file, `/linker.js`
// (entrypoints/linker.ts), before its first read of a page, in parallel with
// asking the background for the matcher. Same pattern as the card chunk
// (lib/page/core/card-ui.ts). Without it a page is not marked (nothing is linked
// rather than linked without the linker's precision rules).
import type { hydrateMatcher } from '../match/compile';
import type { ArticleRegion } from '../page/core/article-region';
import type { hidingRules } from '../page/core/hiding-rules';
import type { spotText } from '../page/core/spot';
import type { addCorrection, applyCorrections, readCorrections } from './correct';
import type { explainLink, notLinkedList, withCorrections } from './page-corrections';

export interface LinkerApi {
  hydrateMatcher: typeof hydrateMatcher;
  /** lib/page/core/spot.ts's spotText, with the page linker in use. */
  spotText: typeof spotText;
  /** The reader's "Not this" (lib/link/correct.ts, page-corrections.ts) and the linker's words for the UI. Absent in older stand-ins: no corrections, no explanations. */
  withCorrections?: typeof withCorrections;
  readCorrections?: typeof readCorrections;
  addCorrection?: typeof addCorrection;
  applyCorrections?: typeof applyCorrections;
  explainLink?: typeof explainLink;
  notLinkedList?: typeof notLinkedList;
  /** What the page's style sheets can hide (lib/page/core/hiding-rules.ts), for the block walk's visibility checks. */
  hidingRules?: typeof hidingRules;
  /** Where 'first mention' counts (lib/page/core/article-region.ts), for the painter. */
  articleRegion?: (doc: Document) => ArticleRegion;
}

const KEY = 'backstoryLinker';

type Slot = { [KEY]?: LinkerApi };

/** Called by the chunk when it runs. */
export function publishLinker(api: LinkerApi, g: object = globalThis): void {
  (g as Slot)[KEY] = api;
}

/** Run `importChunk` (the content script's `import()` of the chunk's URL) and take the API it published. */
export async function loadLinker(importChunk: () => Promise<unknown>, g: object = globalThis): Promise<LinkerApi> {
  await importChunk();
  const api = (g as Slot)[KEY];
  if (!api || typeof api.spotText !== 'function' || typeof api.hydrateMatcher !== 'function') throw new Error('Backstory: the linker did not load');
  return api;
}
