// Reads a page's text as "blocks": runs of adjacent text nodes inside the same
// block-level element, so a name split across inline elements
// (`<b>Xi</b> Jinping`) reads as one string. Skips what a reader doesn't read
// as article text or what we must never touch: scripts, styles, form fields,
// editable regions, and our own UI. Takes its document as a parameter, so the
// same code runs in the content script and, over happy-dom, in the CLI.

/** Elements whose text is never scanned. */
export const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON',
  'SVG', 'MATH', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO', 'HEAD', 'TITLE', 'CODE', 'PRE', 'KBD', 'SAMP',
]);

/** Elements that flow inside a line of text: their text joins the block around them. */
export const INLINE_TAGS = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'DATA', 'DEL', 'DFN', 'EM', 'FONT', 'I', 'INS', 'LABEL', 'MARK',
  'Q', 'S', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'WBR', 'NOBR', 'RUBY', 'RB', 'RT', 'RP',
]);

/** The custom element that hosts our shadow root; never scanned. */
export const UI_HOST_TAG = 'BACKSTORY-UI';

export interface TextBlock {
  /** The block's text: its text nodes' data, concatenated. */
  text: string;
  nodes: Text[];
  /** starts[i] = offset of nodes[i] in `text`. */
  starts: number[];
}

/** True when an element and its subtree are never scanned or marked. */
export function isSkippedElement(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (SKIP_TAGS.has(tag) || tag === UI_HOST_TAG) return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  if (el.getAttribute('role') === 'textbox') return true;
  return false;
}

/**
 * Does an element flow inside a line of text? The inline tags, and custom
 * elements (a hyphen in the name), which browsers lay out inline by default.
 */
export function isInlineElement(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  return INLINE_TAGS.has(tag) || (tag.includes('-') && tag !== UI_HOST_TAG);
}

/**
 * True when `node` lies inside something we never scan (a skipped element,
 * an editable region, our UI host), or in a document in design mode. Checks the
 * node itself and all its ancestors (the TreeWalker filter only sees descendants
 * of its root, so work that starts below the body needs this first).
 */
export function isInsideSkipped(node: Node): boolean {
  for (let p: Node | null = node; p; p = p.parentNode) {
    if (p.nodeType === 1 && isSkippedElement(p as Element)) return true;
  }
  const doc = node.ownerDocument;
  return !!doc && (doc as Document).designMode === 'on';
}

/**
 * The text blocks under `root`, in document order, one at a time (so a caller
 * can stop between blocks and yield to the page). `doc` supplies the TreeWalker.
 */
export function* iterateTextBlocks(root: Node, doc: Document): Generator<TextBlock, void, undefined> {
  if (root.nodeType === 1 && isSkippedElement(root as Element)) return;
  // NodeFilter constants inlined: the global may be absent in non-DOM hosts.
  const SHOW_ELEMENT = 0x1;
  const SHOW_TEXT = 0x4;
  const FILTER_ACCEPT = 1;
  const FILTER_REJECT = 2;
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT, {
    acceptNode: (node: Node) => (node.nodeType === 1 && isSkippedElement(node as Element) ? FILTER_REJECT : FILTER_ACCEPT),
  });
  let current: TextBlock | null = null;
  let currentBlockParent: Node | null = null;
  if (root.nodeType === 3) {
    const text = root as Text;
    if (/\S/.test(text.data)) yield { text: text.data, nodes: [text], starts: [0] };
    return;
  }
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === 1) {
      // A block element or <br> ends the block.
      if (!isInlineElement(node as Element) && current !== null) {
        const done: TextBlock = current;
        current = null;
        currentBlockParent = null;
        if (/\S/.test(done.text)) yield done;
      }
      continue;
    }
    const text = node as Text;
    const data = text.data;
    if (data.length === 0) continue;
    const blockParent = blockAncestor(text);
    if (current === null || blockParent !== currentBlockParent || linkBoundary(current as TextBlock, text)) {
      if (current !== null && /\S/.test((current as TextBlock).text)) yield current;
      current = { text: '', nodes: [], starts: [] };
      currentBlockParent = blockParent;
    }
    const block: TextBlock = current;
    block.starts.push(block.text.length);
    block.nodes.push(text);
    block.text += data;
  }
  if (current !== null && /\S/.test((current as TextBlock).text)) yield current;
}

/**
 * Collect the text blocks under `root`, in document order. `doc` supplies the
 * TreeWalker (a page's own `document.createTreeWalker` may be overridden by the
 * page: the content script passes a trusted one).
 */
export function collectTextBlocks(root: Node, doc: Document): TextBlock[] {
  return [...iterateTextBlocks(root, doc)];
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/**
 * Two links side by side with no space between ("<a>World</a><a>US</a>" in a
 * menu) are separate items, not one word: where a word char in one link meets
 * a word char outside it (or in another link), the block ends. Names split
 * across formatting inside one link (`<a><em>Vladimir</em> Putin</a>`) or
 * outside links (`Pu<b>tin</b>`) still join.
 */
function linkBoundary(block: TextBlock, next: Text): boolean {
  const prev = block.nodes[block.nodes.length - 1];
  if (!prev) return false;
  const a = prev.data;
  const b = next.data;
  if (!WORD_CHAR.test(a.charAt(a.length - 1)) || !WORD_CHAR.test(b.charAt(0))) return false;
  return linkOf(prev) !== linkOf(next);
}

function linkOf(node: Node): Element | null {
  for (let p = node.parentNode; p && p.nodeType === 1; p = p.parentNode) {
    const el = p as Element;
    if (el.tagName.toUpperCase() === 'A') return el;
    if (!isInlineElement(el)) return null;
  }
  return null;
}

/** The nearest ancestor of `node` that is not an inline element (the element its block belongs to). */
export function blockAncestor(node: Node): Node | null {
  let p = node.parentNode;
  while (p && p.nodeType === 1 && isInlineElement(p as Element)) p = p.parentNode;
  return p;
}

/** `node` itself when it is a block-level element, else its block ancestor. */
export function blockContainer(node: Node): Node | null {
  if (node.nodeType === 1 && !isInlineElement(node as Element)) return node;
  return blockAncestor(node);
}

/** The text node and offset within it for a block offset (binary search). */
export function locate(block: TextBlock, offset: number, preferEnd = false): { node: Text; offset: number } {
  const { starts, nodes } = block;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! < offset || (!preferEnd && starts[mid] === offset)) lo = mid;
    else hi = mid - 1;
  }
  return { node: nodes[lo]!, offset: offset - starts[lo]! };
}
