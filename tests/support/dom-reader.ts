// The page reader (lib/page/core/reader.ts) over happy-dom's document, for the
// dom tests: the bundled KB's matcher, a fake highlight registry (happy-dom has
// no CSS Custom Highlight API), and settings the test can change.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KbDocument } from '../../lib/kb/document';
import type { EntityType } from '../../lib/kb/schema';
import { matcherAliases } from '../../lib/match/aliases';
import { compileMatcher, hydrateMatcher, type Matcher } from '../../lib/match/compile';
import { ArticleRegion } from '../../lib/page/core/article-region';
import { useArticleRegion, type PageMention } from '../../lib/page/core/marks';
import { createPageReader } from '../../lib/page/core/reader';
import { READER_DEFAULTS, type Settings } from '../../lib/page/core/reader-settings';
import { spotText } from '../../lib/page/core/spot';

// As in the content script once the linker chunk has loaded (entrypoints/linker.ts hands the region finder over).
useArticleRegion((doc) => new ArticleRegion(doc));

export class FakeHighlight extends Set<unknown> {
  priority = 0;
}

let kb: { matcher: Matcher; types: Map<string, EntityType> } | undefined;

/** The KB as `npm run kb:build` bundles it (happy-dom's URL global rules out scripts/read-data here). */
function bundledKb() {
  if (!kb) {
    const doc = JSON.parse(readFileSync(join(process.cwd(), 'assets/public/kb/kb.json'), 'utf8')) as KbDocument;
    kb = { matcher: hydrateMatcher(compileMatcher(matcherAliases(doc.entities))), types: new Map(doc.entities.map((e) => [e.id, e.type])) };
  }
  return kb;
}

/** The type of a KB entity. */
export const entityType = (id: string): EntityType | undefined => bundledKb().types.get(id);

/** Put `html` in the body and make a page reader over it (not started). */
export function readerOnBody(html: string, settings: Partial<Settings> = {}) {
  const { matcher, types } = bundledKb();
  document.body.replaceChildren();
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  document.body.append(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)));
  const registry = new Map<string, FakeHighlight>();
  const controller = new AbortController();
  let current: Settings = { ...READER_DEFAULTS, ...settings };
  /** The entity ids of each `loadTypes` call. */
  const loaded: string[][] = [];
  const reader = createPageReader(
    {
      doc: document,
      win: window as unknown as Window & typeof globalThis,
      signal: controller.signal,
      matcher,
      spot: spotText,
      settings: () => current,
      loadTypes: async (ids) => void loaded.push(ids),
      typeOf: (id) => types.get(id),
      yieldFn: () => new Promise((r) => setTimeout(r, 0)),
    },
    {
      registry: registry as unknown as HighlightRegistry,
      createHighlight: () => new FakeHighlight() as unknown as Highlight,
      makeRange: (m: PageMention) => ({ startContainer: m.startNode, startOffset: m.startOffset, endContainer: m.endNode, endOffset: m.endOffset }) as unknown as AbstractRange,
    },
  );
  /** Change the settings and repaint, as a settings change in storage does. */
  const set = (s: Partial<Settings>) => {
    current = { ...current, ...s };
    reader.refreshPaint();
  };
  return { reader, registry, controller, set, loaded };
}

/** Let the observer and the work loop run. */
export async function settle(reader: { idle(): Promise<void> }): Promise<void> {
  await new Promise((r) => setTimeout(r, 0));
  await reader.idle();
}
