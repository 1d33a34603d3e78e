// The matching engine chunk: the matcher's runtime and the page linker
// (lib/link/linker.ts), kept out of the content script's core for its size
// budget. The content script imports this file before its first read of a page
// (lib/link/chunk.ts, lib/page/core/app.ts); it is web-accessible for that
// (wxt.config.ts), like the card chunk. It touches no extension API.
// Also the reader's "Not this" corrections and the linker's plain words for
// the card and the side panel (lib/link/page-corrections.ts).
import { publishLinker } from '@/lib/link/chunk';
import { addCorrection, applyCorrections, readCorrections } from '@/lib/link/correct';
import { linkText } from '@/lib/link/linker';
import { explainLink, notLinkedList, withCorrections } from '@/lib/link/page-corrections';
import { hydrateMatcher } from '@/lib/match/compile';
import { ArticleRegion } from '@/lib/page/core/article-region';
import { hidingRules } from '@/lib/page/core/hiding-rules';
import { spotText, useLinker } from '@/lib/page/core/spot';

export default defineUnlistedScript(() => {
  useLinker(linkText);
  publishLinker({ hydrateMatcher, spotText, hidingRules, articleRegion: (doc) => new ArticleRegion(doc), withCorrections, readCorrections, addCorrection, applyCorrections, explainLink, notLinkedList });
});
