// Builds the golden card previews for the sample page (scripts/golden-cards.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { previewText, type PreviewText } from '../components/card/card-preview';
import { TYPE_LABEL } from '../lib/shared/format';
import { entityCard, memoryReader } from '../lib/kb/card';
import { matcherAliases } from '../lib/match/aliases';
import { compileMatcher, hydrateMatcher } from '../lib/match/compile';
import { pageText } from '../lib/shared/page-claims';
import { spotBlocks } from '../lib/page/core/spot';
import { collectTextBlocks } from '../lib/page/core/text-blocks';
import { buildKbFromDisk, ROOT } from './read-data';

export const SAMPLE_PAGE = 'tests/fixtures/pages/sample-news.html';

export async function goldenCards(): Promise<{ page: string; cards: Record<string, PreviewText> }> {
  const kb = buildKbFromDisk();
  const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  try {
    const doc = new window.DOMParser().parseFromString(readFileSync(join(ROOT, SAMPLE_PAGE), 'utf8'), 'text/html') as unknown as Document;
    const blocks = collectTextBlocks(doc.body, doc);
    const matcher = hydrateMatcher(compileMatcher(matcherAliases(kb.entities)));
    const mentions = spotBlocks(matcher, blocks);
    // The card chunk compares cards with the marked blocks' text (lib/page/card/page-analysis.ts): the same here.
    const withMentions = new Set(mentions.map((m) => m.block));
    const marked = blocks.filter((_, i) => withMentions.has(i)).map((b) => b.text);
    const page = pageText(marked);
    const ids = [...new Set(mentions.flatMap((m) => (m.entityId ? [m.entityId] : [])))].sort();
    const reader = memoryReader(kb);
    const cards: Record<string, PreviewText> = {};
    for (const id of ids) {
      const card = await entityCard(reader, id);
      if (card) cards[id] = previewText(card, page, TYPE_LABEL[card.type]);
    }
    return { page: SAMPLE_PAGE, cards };
  } finally {
    await window.happyDOM.close();
  }
}
