// The contract between the content script and the card chunk.
//
// The card UI (lib/page/card/card-layer.tsx with Preact, Floating UI, the card
// components and their styles) is a separate extension file, `/card-ui.js`
// (entrypoints/card-ui.ts), that the content script imports on first need
// (lib/page/core/lazy-card.ts). WXT builds that file as a classic script (an IIFE),
// so it has no module exports: when it runs it leaves its API on the global
// object of the JS world that imported it — the content script's isolated
// world (Chrome) or sandbox (Firefox), never the page's — and the loader takes
// it from there.
import type { CardLayer, CardLayerEnv } from '../card/card-layer';

export interface CardUi {
  createCardLayer(env: CardLayerEnv): CardLayer;
}

// A slot on that world's global object (not the page's).
const KEY = 'backstoryCardUi';

type Slot = { [KEY]?: CardUi };

/** Called by the chunk when it runs. */
export function publishCardUi(api: CardUi, g: object = globalThis): void {
  (g as Slot)[KEY] = api;
}

/**
 * Run `importChunk` (the content script's `import()` of the chunk's URL; the
 * browser evaluates a module once per URL) and take the API the chunk
 * published. Rejects when the chunk could not be loaded or published nothing.
 */
export async function loadCardUi(importChunk: () => Promise<unknown>, g: object = globalThis): Promise<CardUi> {
  await importChunk();
  const api = (g as Slot)[KEY];
  if (!api || typeof api.createCardLayer !== 'function') throw new Error('Backstory: the card UI did not load');
  return api;
}
