// The card chunk: the card UI (lib/page/card/card-layer.tsx with Preact, Floating
// UI, the card components and their styles), kept out of the content script
// that runs on every page. The content script imports this file on first need
// (entrypoints/content/index.ts, lib/page/core/lazy-card.ts); it is listed in
// web_accessible_resources for that (wxt.config.ts), and it is not a page or
// a content script of its own. It touches no extension API.
import { CardLayer } from '@/lib/page/card/card-layer';
import { publishCardUi } from '@/lib/page/core/card-ui';

export default defineUnlistedScript(() => {
  publishCardUi({ createCardLayer: (env) => new CardLayer(env) });
});
