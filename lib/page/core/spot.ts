// Finds entity mentions in text blocks with the shared matcher. Used by the
// content script and by `npm run kb -- spot`, so both find the same mentions.
import type { linkText } from '../../link/linker';
import { createContextState, resolveMentions, type ContextState } from '../../match/resolve';
import { scan } from '../../match/scan';
import type { Matcher } from '../../match/compile';
import type { Mention } from '../../match/types';
import type { TextBlock } from './text-blocks';

export interface BlockMention extends Mention {
  block: number;
}

/**
 * Is this text set in capitals ("BREAKING: PUTIN TELLS US …")? In such text
 * letter case carries no information, so a case-sensitive alias that also
 * needs context ("US", "SCO", "ICC") is not evidence of a name: "US" may be the
 * pronoun. At least 8 cased letters, 80 % or more of them upper case.
 */
export function isShouting(text: string): boolean {
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) upper++;
    else if (c >= 0x61 && c <= 0x7a) lower++;
    else if (c > 0x7f) {
      const ch = text[i]!;
      const u = ch.toUpperCase();
      const l = ch.toLowerCase();
      if (u === l) continue;
      if (ch === u) upper++;
      else lower++;
    }
  }
  return upper + lower >= 8 && upper >= 0.8 * (upper + lower);
}

/**
 * Is this the ordinary word, not the name? A case-insensitive alias that needs
 * context and is written with a capital in the KB ("Bingo", "Reaper",
 * "Kremlin", "Xi") is a name where the text capitalises it too; the same word
 * starting in lower case ("bingo night", "the grim reaper") is not, whatever
 * the context says. (All-caps text still matches: its first letter is a capital.)
 */
export function isLowerCaseWord(matcher: Matcher, text: string, m: Mention): boolean {
  const alias = matcher.alias(m.alias);
  if (!alias.needsContext || alias.caseSensitive) return false;
  const a = alias.text.charAt(0);
  const t = text.charAt(m.start);
  return a !== a.toLowerCase() && t !== t.toUpperCase();
}

/** The page linker, once loaded (lib/link/chunk.ts in the extension; lib/link/page.ts registers it for the CLI). */
let linker: typeof linkText | null = null;

export function useLinker(fn: typeof linkText | null): void {
  linker = fn;
}

/**
 * Without the linker: the matcher's context rules; a context-needing name in
 * lower case is the ordinary word, and in text set in capitals so may be a
 * short case-sensitive one ("US").
 */
function matcherOnly(matcher: Matcher, text: string, state: ContextState): Mention[] {
  const raw = scan(matcher, text);
  const mentions = raw.length ? resolveMentions(matcher, text, raw, state).filter((m) => m.reason === 'alias' || !isLowerCaseWord(matcher, text, m)) : [];
  const acronym = (m: Mention) => {
    const alias = matcher.alias(m.alias);
    return alias.caseSensitive && alias.needsContext;
  };
  return mentions.some(acronym) && isShouting(text) ? mentions.filter((m) => !acronym(m)) : mentions;
}

/**
 * The links in one block of text, decided by the page linker (lib/link) with
 * the page's state (the candidates it did not link go to `state.rejected`), or
 * by the matcher alone when the linker is not loaded. Blocks in document order.
 */
export function spotText(matcher: Matcher, text: string, state: ContextState): Mention[] {
  return (linker ?? matcherOnly)(matcher, text, state);
}

export function spotBlocks(matcher: Matcher, blocks: readonly TextBlock[], state: ContextState = createContextState()): BlockMention[] {
  const out: BlockMention[] = [];
  blocks.forEach((block, i) => {
    for (const m of spotText(matcher, block.text, state)) out.push({ ...m, block: i });
  });
  return out;
}

/**
 * Mentions as the CLI prints them: offsets into the page text, which is the
 * blocks' text joined by "\n" (text the reader sees, without scripts, styles and
 * form fields), in document order.
 */
export function pageOffsets(blocks: readonly TextBlock[], mentions: readonly BlockMention[]) {
  const base: number[] = [];
  let offset = 0;
  for (const b of blocks) {
    base.push(offset);
    offset += b.text.length + 1;
  }
  return mentions.map((m) => ({
    surface: m.surface,
    entity: m.entityId,
    start: base[m.block]! + m.start,
    end: base[m.block]! + m.end,
    reason: m.reason,
    ...(m.entityId === null ? { candidates: m.candidates } : {}),
  }));
}
