// What the card chunk works out about the page once it has loaded (issue #16):
// the page's text for the cards (which fact matters for this page, which
// caveated claim it repeats), the names to mark in the caveat style (the page
// repeats a caveated claim about them), and the very common places left
// unmarked by default (the place the page is about; places used as metonyms,
// "Moscow said"). Runs in the card chunk; the core only receives the result
// (lib/page/core/marks.ts `PageFlags`).
import { repeatedClaim } from '../../../components/card/card-preview';
import type { EntityCard } from '../../kb/card';
import { mergePageTexts, pageText, type PageText } from '../../shared/page-claims';

/** What the analysis needs of a page mention (lib/page/core/marks.ts PageMention fits). */
export interface AnalysedMention {
  readonly id: number;
  readonly entityId: string | null;
  readonly endNode: Text;
  readonly endOffset: number;
  readonly block: { readonly text: string; readonly alive: boolean };
}

export interface PageFlags {
  /** Entities the page makes a caveated claim about: their marks use the caveat style. */
  caveated: Set<string>;
  /** Entities not marked by default: the place the page is about. */
  quietEntities: Set<string>;
  /** Mentions not marked by default (page mention ids): places used as metonyms. */
  quietMentions: Set<number>;
}

/** The page text the cards compare with: the text of the blocks with mentions, first ones first, up to this many characters (an article's body). */
export const PAGE_TEXT_LIMIT = 30_000;

/** The blocks' texts the cards compare with (see PAGE_TEXT_LIMIT). */
export function pageBlocks(mentions: readonly AnalysedMention[]): string[] {
  const blocks: string[] = [];
  const seen = new Set<string>();
  let chars = 0;
  for (const m of mentions) {
    const t = m.block.text;
    if (!m.block.alive || seen.has(t)) continue;
    seen.add(t);
    chars += t.length;
    if (chars > PAGE_TEXT_LIMIT) break;
    blocks.push(t);
  }
  return blocks;
}

export function pageTextOf(mentions: readonly AnalysedMention[]): PageText {
  return pageText(pageBlocks(mentions));
}

/**
 * The same, read in slices of a few milliseconds with a yield between them
 * (`pause`), so reading a long page is never a long task. Null when `stop()`
 * says the work is no longer wanted.
 */
export async function pageTextSliced(mentions: readonly AnalysedMention[], now: () => number, pause: () => Promise<void>, stop: () => boolean): Promise<PageText | null> {
  const blocks = pageBlocks(mentions);
  const parts: PageText[] = [];
  let t0 = now();
  for (let i = 0; i < blocks.length; i += 8) {
    parts.push(pageText(blocks.slice(i, i + 8)));
    if (now() - t0 > 8) {
      await pause();
      if (stop()) return null;
      t0 = now();
    }
  }
  return mergePageTexts(parts);
}

/** A place named as the actor of a verb of saying or doing: "Moscow said", "Beijing’s response", "Washington has warned". */
const METONYM_AFTER = /^(?:['’]s\s+(?:response|position|stance|view|claims?|denial|statement|government|leadership)|\s+(?:has\s+|have\s+|had\s+|also\s+|again\s+|would\s+|will\s+|could\s+)?(?:said|says|say|warned|warns|accused|accuses|denied|denies|claimed|claims|insisted|insists|rejected|rejects|responded|responds|announced|announces|believes|wants|hopes|urged|urges|condemned|condemns|welcomed|welcomes|criticised|criticized|criticises|criticizes|threatened|threatens|signalled|signaled|argued|argues|called|calls|demanded|demands|sees|views)\b)/i;

export function isMetonym(m: AnalysedMention): boolean {
  const after = m.endNode.data.slice(m.endOffset, m.endOffset + 40);
  return METONYM_AFTER.test(after);
}

/** How many mentions a place needs to count as the place the page is about. */
const SUBJECT_MIN = 3;

export function analysePage(mentions: readonly AnalysedMention[], cards: ReadonlyMap<string, EntityCard | null>, page: PageText): PageFlags {
  const caveated = new Set<string>();
  const quietEntities = new Set<string>();
  const quietMentions = new Set<number>();
  const placeCounts = new Map<string, number>();
  for (const m of mentions) {
    if (!m.entityId || !m.block.alive) continue;
    const card = cards.get(m.entityId);
    if (card?.type !== 'place') continue;
    placeCounts.set(m.entityId, (placeCounts.get(m.entityId) ?? 0) + 1);
    if (isMetonym(m)) quietMentions.add(m.id);
  }
  // The place the page is about: the most mentioned one, when it is clearly the most (ties: none is).
  const ranked = [...placeCounts].sort((a, b) => b[1] - a[1]);
  const top = ranked[0];
  if (top && top[1] >= SUBJECT_MIN && (ranked[1]?.[1] ?? 0) < top[1]) quietEntities.add(top[0]);
  for (const [id, card] of cards) if (card && repeatedClaim(card, page)) caveated.add(id);
  return { caveated, quietEntities, quietMentions };
}

export function flagsDigest(f: PageFlags): string {
  return [[...f.caveated].sort().join(','), [...f.quietEntities].sort().join(','), [...f.quietMentions].sort((a, b) => a - b).join(',')].join('|');
}
