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

/** Skipped elements that show nothing: the text on either side of them still reads as one. */
const UNRENDERED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

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
 * node itself and all its ancestors, across shadow roots to their hosts (the TreeWalker filter only sees descendants
 * of its root, so work that starts below the body needs this first).
 */
export function isInsideSkipped(node: Node): boolean {
  for (let p: Node | null = node; p; p = p.nodeType === 11 ? ((p as ShadowRoot).host ?? null) : p.parentNode) {
    if (p.nodeType === 1 && isSkippedElement(p as Element)) return true;
  }
  const doc = node.ownerDocument;
  return !!doc && (doc as Document).designMode === 'on';
}

/** iterateTextSteps yields `null` after visiting this many nodes without a block. */
export const NODES_PER_STEP = 256;

// Element kinds, cached per tagName string (tagName is the same string object
// for every element of a kind, so the lookup is cheap).
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

const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

function isWordUnit(c: number): boolean {
  return c < 128 ? ASCII_WORD[c] === 1 : c === c && WORD_CHAR.test(String.fromCharCode(c));
}

/** The <a> that `node` is in, counting `node` itself, through inline elements only. */
function linkFrom(node: Node | null): Element | null {
  for (let p = node; p && p.nodeType === 1; p = p.parentNode) {
    const k = kindOf(p as Element);
    if (k & LINK) return p as Element;
    if (k !== INLINE) return null;
  }
  return null;
}

export interface WalkState {
  /** Set when the page removed the node the walk was on while it was paused (the rest was not read). */
  interrupted: boolean;
  /**
   * When given, open shadow roots met on the way are added here (web
   * components, declarative shadow DOM), for the caller to read as roots of
   * their own. Closed shadow roots are never reachable, so never read.
   */
  shadowRoots?: ShadowRoot[];
}

/**
 * The text blocks under `root`, in document order, one at a time, so a caller
 * can stop between blocks and yield to the page; also yields `null` every
 * NODES_PER_STEP nodes (long runs of markup without text), so no step is long.
 *
 * A plain firstChild/nextSibling walk that carries the block parent and the
 * enclosing link down a stack (no TreeWalker with a JS filter, no walk up the
 * ancestors of every text node; after the proposal in scripts/bench/fast-blocks.ts).
 * Blocks: runs of text nodes with the same block parent, not separated by a
 * block element or <br>; two links side by side with no space between
 * ("<a>World</a><a>US</a>" in a menu) are separate items, not one word, while
 * names split by formatting (`<a><em>Vladimir</em> Putin</a>`, `Pu<b>tin</b>`) join.
 */
export function* iterateTextSteps(root: Node, _doc: Document, state: WalkState = { interrupted: false }): Generator<TextBlock | null, void, undefined> {
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
  let visited = 0;
  let node: Node | null = root.firstChild;
  while (node) {
    if (++visited === NODES_PER_STEP) {
      visited = 0;
      yield null;
      // The page may have changed while we were paused.
      if (!node.isConnected && root.isConnected) {
        state.interrupted = true;
        return;
      }
    }
    const type = node.nodeType;
    if (type === 1) {
      const k = kindOf(node as Element);
      // A block element or <br> ends the block; so does rendered content we do not
      // read (a form field, an editable region, code, an icon): no mark may span
      // it (issue #7, tests/property/page.property.test.ts). Scripts, styles and
      // templates show nothing and join the text around them.
      if (current !== null && (k === BLOCK || (k === SKIP && !UNRENDERED_TAGS.has((node as Element).tagName.toUpperCase())))) {
        const done: TextBlock = current;
        current = null;
        if (/\S/.test(done.text)) {
          yield done;
          if (!node.isConnected && root.isConnected) {
            state.interrupted = true;
            return;
          }
        }
      }
      if (k !== SKIP) {
        if (state.shadowRoots) {
          const shadow = (node as Element).shadowRoot;
          if (shadow) state.shadowRoots.push(shadow);
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
          if (current !== null && /\S/.test(current.text)) {
            const done: TextBlock = current;
            current = null;
            yield done;
            if (!node.isConnected && root.isConnected) {
              state.interrupted = true;
              return;
            }
          }
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
    // Next node: a sibling, or climb (leaving an element restores its parent's context).
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
  if (current !== null && /\S/.test((current as TextBlock).text)) yield current;
}

/** The text blocks under `root`, in document order, one at a time. */
export function* iterateTextBlocks(root: Node, doc: Document): Generator<TextBlock, void, undefined> {
  for (const block of iterateTextSteps(root, doc)) if (block) yield block;
}

/**
 * Collect the text blocks under `root`, in document order. `doc` supplies the
 * TreeWalker (a page's own `document.createTreeWalker` may be overridden by the
 * page: the content script passes a trusted one).
 */
export function collectTextBlocks(root: Node, doc: Document): TextBlock[] {
  return [...iterateTextBlocks(root, doc)];
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

/** The node in the document that (through shadow hosts) contains `node`, or `node` itself. */
function documentAnchor(node: Node): Node {
  let n: Node = node;
  for (;;) {
    const root = n.getRootNode();
    if (root.nodeType !== 11 || !(root as ShadowRoot).host) return n;
    n = (root as ShadowRoot).host;
  }
}

/**
 * Does `b` come after `a` in reading order? Document order, with a shadow
 * tree's content placed at its host (compareDocumentPosition alone orders a
 * shadow tree and the document arbitrarily).
 */
export function follows(a: Node, b: Node): boolean {
  const FOLLOWING = 4;
  const CONTAINED_BY = 16;
  if (a.getRootNode() === b.getRootNode()) return (a.compareDocumentPosition(b) & FOLLOWING) !== 0;
  const ha = documentAnchor(a);
  const hb = documentAnchor(b);
  if (ha === hb) return a.getRootNode().nodeType !== 11; // same host: its shadow content after its light content
  const pos = ha.compareDocumentPosition(hb);
  if (pos & CONTAINED_BY) return true; // b's host is inside a's host
  return (pos & FOLLOWING) !== 0;
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
