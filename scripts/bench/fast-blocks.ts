// DIAGNOSTIC ONLY: a proposed rewrite of `iterateTextBlocks` (lib/page/text-blocks.ts),
// benchmarked side by side with the real one (`npm run bench` prints both, and
// checks in the page that both give the same blocks). It is not used by the
// extension; it shows where the reader's time goes and what a fix is worth.
//
// Same output, block for block, as iterateTextBlocks. What differs is only how
// the DOM is walked:
// - a plain firstChild/nextSibling walk instead of a TreeWalker with a JS
//   `acceptNode` filter (one C++→JS call per element and text node);
// - the block parent and the enclosing link are carried down the walk (a
//   stack), instead of walking up the ancestors of every text node
//   (blockAncestor, linkOf) with a `tagName.toUpperCase()` per step;
// - element kinds are cached per tagName string; attributes are only read for
//   elements that have any;
// - the link-boundary test classifies ASCII chars with a table (the Unicode
//   regex only for other chars).
import { blockAncestor, INLINE_TAGS, isSkippedElement, SKIP_TAGS, UI_HOST_TAG, type TextBlock } from '../../lib/page/text-blocks';

const BLOCK = 0;
const INLINE = 1;
const SKIP = 2;
const LINK = 4; // with INLINE: an <a>

const tagKinds = new Map<string, number>();

function kindOf(el: Element): number {
  const tag = el.tagName;
  let k = tagKinds.get(tag);
  if (k === undefined) {
    const up = tag.toUpperCase();
    if (SKIP_TAGS.has(up) || up === UI_HOST_TAG) k = SKIP;
    else if (INLINE_TAGS.has(up) || up.includes('-')) k = up === 'A' ? INLINE | LINK : INLINE;
    else k = BLOCK;
    tagKinds.set(tag, k);
  }
  if (k !== SKIP && el.hasAttributes()) {
    const editable = el.getAttribute('contenteditable');
    if ((editable !== null && editable !== 'false') || el.getAttribute('role') === 'textbox') return SKIP;
  }
  return k;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0;

function isWordUnit(c: number): boolean {
  return c < 128 ? ASCII_WORD[c] === 1 : WORD_CHAR.test(String.fromCharCode(c));
}

/** The <a> that `el` is in, counting `el` itself, through inline elements only (linkOf in text-blocks.ts). */
function linkFrom(node: Node | null): Element | null {
  for (let p = node; p && p.nodeType === 1; p = p.parentNode) {
    const k = kindOf(p as Element);
    if (k & LINK) return p as Element;
    if (k !== INLINE) return null;
  }
  return null;
}

export function* fastTextBlocks(root: Node, _doc: Document): Generator<TextBlock, void, undefined> {
  if (root.nodeType === 3) {
    const text = root as Text;
    if (/\S/.test(text.data)) yield { text: text.data, nodes: [text], starts: [0] };
    return;
  }
  if (root.nodeType === 1 && isSkippedElement(root as Element)) return;
  // Context of root's children: their block parent and enclosing link.
  let bp: Node | null;
  let link: Element | null;
  if (root.nodeType === 1) {
    const k = kindOf(root as Element);
    bp = k === BLOCK ? root : blockAncestor(root);
    link = k === BLOCK ? null : linkFrom(root);
  } else {
    bp = root;
    link = null;
  }
  const bps: (Node | null)[] = [];
  const links: (Element | null)[] = [];
  let current: TextBlock | null = null;
  let currentBp: Node | null = null;
  let lastLink: Element | null = null;
  let node: Node | null = root.firstChild;
  while (node) {
    const type = node.nodeType;
    if (type === 1) {
      const k = kindOf(node as Element);
      if (k !== SKIP) {
        if (k === BLOCK && current !== null) {
          const done: TextBlock = current;
          current = null;
          if (/\S/.test(done.text)) yield done;
        }
        const first = node.firstChild;
        if (first) {
          bps.push(bp);
          links.push(link);
          if (k === BLOCK) {
            bp = node;
            link = null;
          } else if (k & LINK) link = node as Element;
          node = first;
          continue;
        }
      }
    } else if (type === 3) {
      const text = node as Text;
      const data = text.data;
      if (data.length > 0) {
        let fresh = current === null || bp !== currentBp;
        if (!fresh && link !== lastLink) {
          const prev = current!.nodes[current!.nodes.length - 1]!.data;
          fresh = isWordUnit(prev.charCodeAt(prev.length - 1)) && isWordUnit(data.charCodeAt(0));
        }
        if (fresh) {
          if (current !== null && /\S/.test(current.text)) yield current;
          current = { text: '', nodes: [], starts: [] };
          currentBp = bp;
        }
        const block: TextBlock = current!;
        block.starts.push(block.text.length);
        block.nodes.push(text);
        block.text += data;
        lastLink = link;
      }
    }
    // Next node: a sibling, or climb (leaving elements restores their parent's context).
    for (;;) {
      const next: Node | null = node!.nextSibling;
      if (next) {
        node = next;
        break;
      }
      node = node!.parentNode;
      if (node === null || node === root) {
        node = null;
        break;
      }
      bp = bps.pop()!;
      link = links.pop()!;
    }
  }
  if (current !== null && /\S/.test(current.text)) yield current;
}
