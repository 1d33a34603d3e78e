// The linker over a whole parsed page, as the CLI and the evaluation run it:
// the same text blocks (lib/page/core/text-blocks) and the same per-block linker
// (lib/page/core/spot → lib/link/linker) as the content script, in document order,
// with the page title read first.
import type { Matcher } from '../match/compile';
import { spotBlocks, useLinker } from '../page/core/spot';
import { collectTextBlocks, type TextBlock } from '../page/core/text-blocks';
import { createLinkState, linkText } from './linker';
import { whyLinked, whyNotLinked } from './why';

/** One line of `npm run kb -- spot`: offsets into the page text (blocks joined by "\n"). */
export interface SpotLine {
  surface: string;
  /** The linked entity; null for a candidate not linked (or two KB entities that compete). */
  entity: string | null;
  start: number;
  end: number;
  /** 'alias' | 'context-full-name' | 'context-nearby' | 'ambiguous' for links; the rejection's code otherwise. */
  reason: string;
  /** Plain words: why it is linked, or why not. */
  why: string;
  /** Every KB entity the words could name, when more than the linked one. */
  candidates?: string[];
}

export interface PageLinks {
  /** The visible text the offsets index into. */
  text: string;
  links: SpotLine[];
  rejected: SpotLine[];
}

export function linkBlocks(matcher: Matcher, blocks: readonly TextBlock[], title: string): PageLinks {
  // The same linker the extension loads as its chunk (lib/link/chunk.ts).
  useLinker(linkText);
  const state = createLinkState(title);
  const base: number[] = [];
  let offset = 0;
  for (const b of blocks) {
    base.push(offset);
    offset += b.text.length + 1;
  }
  // Rejections carry block-local offsets: remember which block each came from.
  const rejectedBlock: number[] = [];
  const links: SpotLine[] = [];
  blocks.forEach((block, i) => {
    const before = state.rejected.length;
    for (const m of spotBlocks(matcher, [block], state)) {
      links.push({
        surface: m.surface,
        entity: m.entityId,
        start: base[i]! + m.start,
        end: base[i]! + m.end,
        reason: m.reason,
        why: whyLinked(matcher, m),
        ...(m.entityId === null || m.alternatives ? { candidates: m.candidates.concat(m.alternatives ?? []) } : {}),
      });
    }
    for (let k = before; k < state.rejected.length; k++) rejectedBlock[k] = i;
  });
  const rejected = state.rejected.map((r, k) => ({
    surface: r.surface,
    entity: null,
    start: base[rejectedBlock[k]!]! + r.start,
    end: base[rejectedBlock[k]!]! + r.end,
    reason: r.reason,
    why: whyNotLinked(matcher, r),
    candidates: r.candidates,
  }));
  return { text: blocks.map((b) => b.text).join('\n'), links, rejected };
}

/** Link a parsed document (its body's text blocks, its <title>). */
export function linkDocument(matcher: Matcher, doc: Document): PageLinks {
  const root = doc.body ?? doc.documentElement;
  return linkBlocks(matcher, root ? collectTextBlocks(root, doc) : [], doc.title ?? '');
}
