// Which marked mention is under the pointer: the caret position at the point
// (`caretPositionFromPoint`, or the older `caretRangeFromPoint`), a binary
// search in the sorted mention offsets of that text node (MarkIndex.at), then a
// rect check, because the caret snaps to the nearest character even when the
// pointer is in a margin or between lines. Tens of microseconds per call; the
// caller throttles to one call per animation frame.
import type { MarkIndex, PageMention } from './marks';

interface CaretPositionLike {
  offsetNode: Node;
  offset: number;
}

type CaretDoc = Document & {
  caretPositionFromPoint?: (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => CaretPositionLike | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/**
 * The text position at a viewport point, or null. `shadowRoots`: open shadow
 * roots to look into (otherwise a point on a web component gives its host).
 */
export function caretAt(doc: Document, x: number, y: number, shadowRoots?: ShadowRoot[]): { node: Node; offset: number } | null {
  const d = doc as CaretDoc;
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = shadowRoots && shadowRoots.length ? d.caretPositionFromPoint(x, y, { shadowRoots }) : d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  // (Firefox has had caretPositionFromPoint for ever: its build carries no fallback.)
  if (!import.meta.env.FIREFOX && typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

/** A live Range over a mention (for its rects; not kept). */
export function mentionRange(doc: Document, m: PageMention): Range {
  const r = doc.createRange();
  r.setStart(m.startNode, m.startOffset);
  r.setEnd(m.endNode, m.endOffset);
  return r;
}

/** Is the point inside one of the mention's line boxes? */
export function pointInMention(doc: Document, m: PageMention, x: number, y: number, slop = 1): boolean {
  const rects = mentionRange(doc, m).getClientRects();
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i]!;
    if (x >= r.left - slop && x <= r.right + slop && y >= r.top - slop && y <= r.bottom + slop) return true;
  }
  return false;
}

/** The marked mention under a viewport point, or null. */
export function mentionAtPoint(doc: Document, index: MarkIndex, x: number, y: number, isMarked: (m: PageMention) => boolean, shadowRoots?: ShadowRoot[]): PageMention | null {
  const caret = caretAt(doc, x, y, shadowRoots);
  if (!caret || caret.node.nodeType !== 3) return null;
  for (const m of index.at(caret.node, caret.offset)) {
    if (isMarked(m) && pointInMention(doc, m, x, y)) return m;
  }
  return null;
}
