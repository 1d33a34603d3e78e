// resolveMentions: raw matches → linked mentions, with page context.
//
// THE RULE IMPLEMENTED (precision first: a wrong link is worse than none).
// A "direct link" is a match of an alias that does not need context and has
// exactly one entity. For each match of a chunk, in order:
//
// 1. Direct link → linked, reason 'alias'.
// 2. Otherwise let KNOWN = the alias's candidates that have a direct link
//    earlier on the page (any previous chunk given the same ContextState) or
//    anywhere in this chunk (before or after the match).
//    - exactly one candidate KNOWN → linked to it, reason 'context-full-name'
//      ("Xi" after "Xi Jinping"; an ambiguous alias whose one candidate's full
//      name was seen);
// 3. Otherwise, an alias that does not need context (so it is ambiguous: two or
//    more entities) → mention with entityId null, all candidates, 'ambiguous'.
// 4. Otherwise (needs context):
//    - two or more candidates KNOWN → 'ambiguous' (the context says it is a
//      mention, not which one);
//    - "nearby" support: a direct link to an entity that is NOT a candidate of
//      this alias lies within NEARBY_CHARS (300) characters of it in this chunk
//      (gap between the two spans ≤ 300), or direct links to at least two
//      distinct non-candidate entities appear anywhere in this chunk →
//      one candidate: linked, 'context-nearby'; several: 'ambiguous';
//    - no support → dropped.
// Only direct links count as context: context-linked and ambiguous mentions
// never support other mentions and are not remembered across chunks.
// Matches of aliases with no entity at all are dropped.
// After the chunk, its direct links are added to the ContextState, so chunks
// must be given in document order.
import type { Matcher } from './compile';
import type { Mention, MentionReason, RawMatch } from './types';

export const NEARBY_CHARS = 300;

/** Page-level memory of what has been linked; one per page (or per report). */
export interface ContextState {
  /** Entities with a direct link ('alias') in the chunks resolved so far. */
  readonly linked: Set<string>;
  /** The page title, for the page linker (lib/link/linker.ts reads it first). */
  title?: string;
}

export function createContextState(): ContextState {
  return { linked: new Set() };
}

function mention(
  m: RawMatch,
  text: string,
  entityId: string | null,
  candidates: string[],
  reason: MentionReason,
): Mention {
  return {
    start: m.start,
    end: m.end,
    suffixEnd: m.suffixEnd,
    surface: text.slice(m.start, m.end),
    entityId,
    candidates,
    alias: m.alias,
    reason,
  };
}

export function resolveMentions(
  matcher: Matcher,
  text: string,
  matches: readonly RawMatch[],
  state: ContextState = createContextState(),
): Mention[] {
  // Most blocks of a page have no match: no bookkeeping for them.
  if (matches.length === 0) return [];
  const aliasAt = (a: number) => (a >= 0 && a < matcher.aliasCount ? matcher.alias(a) : undefined);
  const direct: { start: number; end: number; entity: string }[] = [];
  const chunkLinked = new Set<string>();
  for (const m of matches) {
    const a = aliasAt(m.alias);
    if (a && !a.needsContext && a.entityIds.length === 1) {
      direct.push({ start: m.start, end: m.end, entity: a.entityIds[0]! });
      chunkLinked.add(a.entityIds[0]!);
    }
  }

  const out: Mention[] = [];
  for (const m of matches) {
    const a = aliasAt(m.alias);
    if (!a || a.entityIds.length === 0) continue;
    const ids = a.entityIds;
    if (!a.needsContext && ids.length === 1) {
      out.push(mention(m, text, ids[0]!, [ids[0]!], 'alias'));
      continue;
    }
    const known = ids.filter((id) => state.linked.has(id) || chunkLinked.has(id));
    if (known.length === 1) {
      out.push(mention(m, text, known[0]!, [known[0]!], 'context-full-name'));
      continue;
    }
    if (!a.needsContext || known.length >= 2) {
      out.push(mention(m, text, null, [...ids], 'ambiguous'));
      continue;
    }
    // known.length === 0 here, so no candidate is in chunkLinked.
    const others = chunkLinked.size;
    let nearby = others >= 2;
    if (!nearby && others === 1) {
      // direct is sorted by start; look at those that start before m.end + NEARBY_CHARS.
      let lo = 0;
      let hi = direct.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (direct[mid]!.end < m.start - NEARBY_CHARS) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo; k < direct.length && direct[k]!.start <= m.end + NEARBY_CHARS; k++) {
        const d = direct[k]!;
        if (Math.max(0, d.start - m.end, m.start - d.end) <= NEARBY_CHARS) {
          nearby = true;
          break;
        }
      }
    }
    if (!nearby) continue;
    if (ids.length === 1) out.push(mention(m, text, ids[0]!, [ids[0]!], 'context-nearby'));
    else out.push(mention(m, text, null, [...ids], 'ambiguous'));
  }

  for (const e of chunkLinked) state.linked.add(e);
  return out;
}
