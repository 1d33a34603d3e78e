// The linker as a chunk: the content script stays within its size budget by
// importing the page linker (lib/link/linker.ts, ~6 KB minified) from an
// extension file, `/linker.js` (entrypoints/linker.ts), before its first read
// of a page, in parallel with asking the background for the matcher. Same
// pattern as the card chunk (lib/page/card-ui.ts). If the chunk cannot be
// loaded, the reader keeps the matcher's own context rules (lib/page/spot.ts).
import type { linkText } from './linker';

export interface LinkerApi {
  linkText: typeof linkText;
}

const KEY = '__backstoryLinker';

type Slot = { [KEY]?: LinkerApi };

/** Called by the chunk when it runs. */
export function publishLinker(api: LinkerApi, g: object = globalThis): void {
  (g as Slot)[KEY] = api;
}

/** Run `importChunk` (the content script's `import()` of the chunk's URL) and take the API it published. */
export async function loadLinker(importChunk: () => Promise<unknown>, g: object = globalThis): Promise<LinkerApi> {
  await importChunk();
  const api = (g as Slot)[KEY];
  if (!api || typeof api.linkText !== 'function') throw new Error('Backstory: the linker did not load');
  return api;
}
