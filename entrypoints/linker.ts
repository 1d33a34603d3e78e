// The matching engine chunk: the matcher's runtime and the page linker
// (lib/link/linker.ts), kept out of the content script's core for its size
// budget. The content script imports this file before its first read of a page
// (lib/link/chunk.ts, lib/page/core/app.ts); it is web-accessible for that
// (wxt.config.ts), like the card chunk. It touches no extension API.
import { publishLinker } from '@/lib/link/chunk';
import { linkText } from '@/lib/link/linker';
import { hydrateMatcher } from '@/lib/match/compile';
import { hidingRules } from '@/lib/page/core/hiding-rules';
import { spotText, useLinker } from '@/lib/page/core/spot';

export default defineUnlistedScript(() => {
  useLinker(linkText);
  publishLinker({ hydrateMatcher, spotText, hidingRules });
});
