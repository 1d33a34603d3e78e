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

/** The custom element that hosts our shadow root; never scanned (its readable default, for tests over happy-dom). */
export const UI_HOST_TAG = 'BACKSTORY-UI';
/** This install's host tag (random per install: lib/background/page-names.ts), upper case. */
let uiHostTag = UI_HOST_TAG;

/** Use this install's host tag (set once the content script knows it). */
export function setUiHostTag(tag: string): void {
  uiHostTag = tag.toUpperCase();
  tagKinds.clear();
}

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
  if (SKIP_TAGS.has(tag) || tag === uiHostTag) return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  if (el.getAttribute('role') === 'textbox') return true;
  if (el.hasAttribute('hidden') || el.hasAttribute('inert') || el.getAttribute('aria-hidden') === 'true') return true;
  if ((el as HTMLElement).isContentEditable === true) return true;
  return isHiddenByStyle(el);
}

/** Far enough outside the page that no reader scrolls there (the "off-screen" hiding idiom: left: -9999px). */
const OFF_PAGE_PX = 2000;

/**
 * Is the element hidden from a sighted reader by its computed style? Not
 * rendered (display: none, visibility: hidden, content-visibility: hidden),
 * or visually hidden: clipped away (clip / clip-path, the "sr-only" idiom),
 * no size with its overflow hidden, zero font size, text pushed out by
 * text-indent, or placed far outside the page. Editable by style
 * (-webkit-user-modify) counts too. One getComputedStyle per element asked;
 * a layout read only for positioned, clipped or overflow-hidden elements.
 */
export function isHiddenByStyle(el: Element): boolean {
  const view = el.ownerDocument?.defaultView;
  if (!view || typeof view.getComputedStyle !== 'function') return false;
  const cs = view.getComputedStyle(el);
  if (cs.display === 'none' || cs.visibility === 'hidden' || cs.visibility === 'collapse' || cs.contentVisibility === 'hidden') return true;
  if (cs.getPropertyValue('-webkit-user-modify').startsWith('read-write') || cs.fontSize === '0px' || parseFloat(cs.textIndent) <= -OFF_PAGE_PX / 2) return true;
  const positioned = cs.position === 'absolute' || cs.position === 'fixed';
  const clipped = cs.overflow === 'hidden' || cs.overflowX === 'hidden' || cs.overflow === 'clip';
  // The computed forms: clip "rect(0px, 0px, 0px, 0px)" (or 1px), clip-path "inset(50%)".
  if ((positioned && /^rect\([01]px, [01]px, [01]px, [01]px/.test(cs.clip)) || /^(inset\((50|100)%|circle\(0)/.test(cs.clipPath)) return true;
  if (!positioned && !clipped) return false;
  const r = el.getBoundingClientRect();
  if (clipped && (r.width <= 1 || r.height <= 1)) return true;
  if (positioned) {
    const top = r.top + view.scrollY;
    const left = r.left + view.scrollX;
    if (r.right + view.scrollX < -OFF_PAGE_PX / 2 || top + r.height < -OFF_PAGE_PX / 2 || left > view.document.documentElement.scrollWidth + OFF_PAGE_PX) return true;
  }
  return false;
}

/**
 * Does an element flow inside a line of text? The inline tags, and custom
 * elements (a hyphen in the name), which browsers lay out inline by default.
 */
export function isInlineElement(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  return INLINE_TAGS.has(tag) || (tag.includes('-') && tag !== uiHostTag);
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

/** A BlockWalk's read() visits at most this many nodes per call (a caller can yield to the page between calls). */
export const NODES_PER_STEP = 256;

// Element kinds, cached per tagName string (tagName is the same string object
// for every element of a kind, so the lookup is cheap).
const BLOCK = 0;
const INLINE = 1;
const SKIP = 2;
const LINK = 4; // with INLINE: an <a>
/** SKIP, because its computed style hides it (kindOf only: the walk reports these). */
const HIDDEN = SKIP | 8;
/**
 * With INLINE, from kindOf only: no shadow root can be attached to this tag
 * (of the inline tags, the DOM's attachShadow list has only <span>; custom
 * elements can have one). Such kinds are ≥ SKIP: the walk asks no shadow root.
 */
const NO_HOST = 16;
const tagKinds = new Map<string, number>();

/** What isSkippedElement checks in attributes, as a selector (one native query per walk instead of attribute reads per element). */
const EDITABLE_SELECTOR = '[contenteditable]:not([contenteditable="false"]),[role="textbox"],[hidden],[inert],[aria-hidden="true"]';
/** Attributes that make an element skipped or not (the reader watches them: a region may become editable or hidden later). */
export const SKIP_ATTRIBUTES = ['contenteditable', 'role', 'hidden', 'inert', 'aria-hidden'];
/** Attributes through which the page's style may hide a region later (watched too). */
export const STYLE_ATTRIBUTES = ['class', 'style'];

/**
 * The elements under `root` whose attributes need a look, from one native
 * query per walk instead of attribute reads on every element (most have
 * none): those EDITABLE_SELECTOR matches, and, where the hiding hooks give a
 * query (HidingHooks.query), those with a style attribute or an id, class or
 * attribute hook. A superset: kindOf and mayHide decide for each as before.
 */
function hookedUnder(root: Node, h: HidingHooks | null): Set<Element> {
  return new Set((root as ParentNode).querySelectorAll(h?.query ?? EDITABLE_SELECTOR));
}

/**
 * What the style sheets of a document or shadow root can hide an element by
 * (display: none, visually hidden idioms, editable by CSS…): for every style
 * rule that sets such a property, one thing an element must have to match its
 * selector's last compound: an id ('#x'), a class ('.x'), an attribute ('[x')
 * or a tag ('P'). An element with none of them, no hiding inline style and a
 * visible parent is visible: no computed style read (the scan's cost, issue
 * #16's floor ratio). `all`: a rule any element may match (`:nth-child(2)`,
 * `*`), a shadow tree, or a sheet we cannot read (cross-origin): then every
 * element with a class, id or style is checked in full and every other block
 * element by its `display`.
 */
export interface HidingHooks {
  all: boolean;
  hooks: Set<string>;
  /** tagName → its tag is a hook (keyed by the tagName string as elements give it). */
  byTag: Map<string, boolean>;
  /** Which kinds of hook there are: '#' ids, '.' classes, '[' attributes (an element's attributes are read only for these). */
  kinds: string;
  /** Could this inline style hide its element? */
  inline: (style: string) => boolean;
  /**
   * A selector for every element these hooks, a style attribute or a skipping
   * attribute (EDITABLE_SELECTOR's) may concern, a superset; absent when `all`
   * or when the hooks are too many for one query to pay. A valid selector (checked where it is made).
   */
  query?: string;
}

/**
 * The hiding rules of a page's style sheets (lib/page/core/hiding-rules.ts),
 * given by the engine chunk (kept out of the content script's core for its
 * size); without them every element with a class, id or style is checked in full.
 */
let rulesOf: ((root: Node) => HidingHooks | null) | null = null;

export function useHidingRules(fn: typeof rulesOf): void {
  rulesOf = fn;
}

/** No rules known: any element may be hidden by its own style. */
const ANY_RULE: HidingHooks = { all: true, hooks: new Set(), kinds: '', byTag: new Map(), inline: () => true };

/** The hiding hooks for a walk of `root` (null: no computed styles here, e.g. a document without a view). */
function hidingHooks(root: Node): HidingHooks | null {
  const view = root.ownerDocument?.defaultView ?? (root as Document).defaultView;
  if (!view || typeof view.getComputedStyle !== 'function') return null;
  return rulesOf?.(root) ?? ANY_RULE;
}



const NONE = 0;
const DISPLAY = 1;
const FULL = 2;

/**
 * How much of this element's computed style to read: FULL where a hiding rule
 * may match it or its inline style may hide it, NONE where nothing can. Where
 * any rule may match anything (`all`), block elements without a class, id or
 * style get the DISPLAY check only: the idioms that hide text from sight
 * while keeping it (clip, off-screen, zero size) are written with classes.
 */
function mayHide(el: Element, tag: string, k: number, h: HidingHooks, hooked: Set<Element>): number {
  let byTag = h.byTag.get(tag);
  if (byTag === undefined) h.byTag.set(tag, (byTag = h.hooks.has(tag.toUpperCase())));
  if (byTag) return FULL;
  // Known from the walk's one query (hookedUnder): nothing of this element can match a hiding rule.
  if (h.query && !hooked.has(el)) return NONE;
  // Most elements of an article have no attributes at all (<p>, <li>, <em>).
  if (!el.hasAttributes()) return h.all && k === BLOCK ? DISPLAY : NONE;
  const style = el.getAttribute('style');
  if (style !== null && (h.all || h.inline(style))) return FULL;
  if (h.all) return el.hasAttribute('class') || el.hasAttribute('id') ? FULL : k === BLOCK ? DISPLAY : NONE;
  const { hooks, kinds } = h;
  if (kinds.includes('.') && el.hasAttribute('class')) {
    const list = el.classList;
    for (let i = 0; i < list.length; i++) if (hooks.has(`.${list[i]}`)) return FULL;
  }
  if (kinds.includes('#') && el.id && hooks.has(`#${el.id}`)) return FULL;
  if (kinds.includes('[')) {
    const attrs = el.attributes;
    for (let i = 0; i < attrs.length; i++) if (hooks.has(`[${attrs[i]!.name}`)) return FULL;
  }
  return NONE;
}

/** Not rendered: display: none or visibility: hidden (one computed style, two reads). */
function notDisplayed(el: Element): boolean {
  const cs = el.ownerDocument.defaultView!.getComputedStyle(el);
  return cs.display === 'none' || cs.visibility === 'hidden';
}

/** The element's kind (BLOCK, INLINE, INLINE | LINK, SKIP, HIDDEN), with NO_HOST on inline tags that cannot host a shadow root. */
function kindOf(el: Element, hooked: Set<Element> | null, hooks: HidingHooks | null = null, tag = el.tagName): number {
  let k = tagKinds.get(tag);
  if (k === undefined) {
    const up = tag.toUpperCase();
    if (SKIP_TAGS.has(up) || up === uiHostTag) k = SKIP;
    else if (up.includes('-')) k = INLINE;
    else if (INLINE_TAGS.has(up)) k = up === 'A' ? INLINE | LINK | NO_HOST : up === 'SPAN' ? INLINE : INLINE | NO_HOST;
    else k = BLOCK;
    tagKinds.set(tag, k);
  }
  if (k === SKIP) return k;
  // (The walk's one query: only the elements it found can be editable, hidden or inert by attribute.)
  if (hooked !== null && hooked.has(el) && el.matches(EDITABLE_SELECTOR)) return SKIP;
  // Computed style, only where this element's own style could hide it: its
  // ancestors were checked already (a hidden one skips its whole subtree), so
  // an element no hiding rule of the page can match is as visible as its parent.
  if (hooks !== null) {
    const check = mayHide(el, tag, k, hooks, hooked!);
    if (check === FULL ? isHiddenByStyle(el) : check === DISPLAY && notDisplayed(el)) return HIDDEN;
  }
  return k;
}

/** kindOf for an element met outside a walk (the root and its ancestors): reads the attributes. */
function kindOfAlone(el: Element): number {
  return isSkippedElement(el) ? SKIP : kindOf(el, null) & ~NO_HOST;
}

const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

function isWordUnit(c: number): boolean {
  return c < 128 ? ASCII_WORD[c] === 1 : c === c && WORD_CHAR.test(String.fromCharCode(c));
}

const NOT_SPACE = /\S/;

/** End the open block: `block`, or the one text node `first` (its data `data`) that has no block object yet; white space only is dropped. */
function close(out: TextBlock[], block: TextBlock | null, first: Text | null, data: string): void {
  if (block) {
    if (NOT_SPACE.test(block.text)) out.push(block);
  } else if (first && NOT_SPACE.test(data)) out.push({ text: data, nodes: [first], starts: [0] });
}

/** The <a> that `node` is in, counting `node` itself, through inline elements only. */
function linkFrom(node: Node | null): Element | null {
  for (let p = node; p && p.nodeType === 1; p = p.parentNode) {
    const k = kindOfAlone(p as Element);
    if (k & LINK) return p as Element;
    if (k !== INLINE) return null;
  }
  return null;
}

/**
 * The text blocks under a root, in document order, read a few hundred nodes
 * at a time so the caller can yield to the page between calls (read()).
 *
 * A plain firstChild/nextSibling walk that carries the block parent and the
 * enclosing link down a stack (no TreeWalker with a JS filter, no walk up the
 * ancestors of every text node). A class with its state in fields: a caller
 * reads a batch of blocks per call and checks its time budget between calls.
 * Blocks: runs of text nodes with the same block parent, not separated by a
 * block element or <br>; two links side by side with no space between
 * ("<a>World</a><a>US</a>" in a menu) are separate items, not one word, while
 * names split by formatting (`<a><em>Vladimir</em> Putin</a>`, `Pu<b>tin</b>`) join.
 */
export class BlockWalk {
  /** Set when the page removed the node the walk was on while it was paused (the rest was not read). */
  interrupted = false;
  /** Nothing more to read. */
  done = false;
  #node: Node | null;
  #bp: Node | null = null;
  #link: Element | null = null;
  readonly #bps: (Node | null)[] = [];
  readonly #links: (Element | null)[] = [];
  #current: TextBlock | null = null;
  /** The open block while it has one text node (no block object yet: most are white space between blocks, dropped). */
  #first: Text | null = null;
  #currentBp: Node | null = null;
  #lastLink: Element | null = null;
  /** The last text node's data (no second DOM read when a link starts or ends). */
  #lastData = '';
  /** What the page's style sheets can hide an element by (null: no computed styles here, e.g. a document without a view). */
  readonly #hooks: HidingHooks | null = null;
  /** The elements whose attributes need a look (hookedUnder; null before the walk starts). */
  readonly #hooked: Set<Element> | null = null;
  #started = false;

  /**
   * `shadowRoots`, when given, collects the open shadow roots met on the way
   * (web components, declarative shadow DOM), for the caller to read as roots
   * of their own. Closed shadow roots are never reachable, so never read.
   */
  readonly #root: Node;
  readonly #shadowRoots: ShadowRoot[] | undefined;
  readonly #hidden: Element[] | undefined;

  /** `hidden`, when given, collects the elements skipped because their computed style hides them (the reader reads them again once shown). */
  constructor(root: Node, shadowRoots?: ShadowRoot[], hidden?: Element[]) {
    this.#root = root;
    this.#shadowRoots = shadowRoots;
    this.#hidden = hidden;
    this.#node = null;
    if (root.nodeType === 3) {
      const text = root as Text;
      if (NOT_SPACE.test(text.data)) this.#current = { text: text.data, nodes: [text], starts: [0] };
      return;
    }
    if (root.nodeType === 1 && isSkippedElement(root as Element)) return;
    // Context of root's children: their block parent and enclosing link.
    if (root.nodeType === 1) {
      const k = kindOfAlone(root as Element);
      this.#bp = k === BLOCK ? root : blockAncestor(root);
      this.#link = k === BLOCK ? null : linkFrom(root);
    } else this.#bp = root;
    this.#hooks = hidingHooks(root);
    this.#hooked = hookedUnder(root, this.#hooks);
    this.#node = root.firstChild;
  }

  /** Read on for at most `maxNodes` nodes, pushing the finished blocks to `out`. False once the walk is done. */
  read(out: TextBlock[], maxNodes = NODES_PER_STEP): boolean {
    if (this.done) return false;
    const root = this.#root;
    let node = this.#node;
    // The page may have changed while we were paused.
    if (this.#started && node !== null && !node.isConnected && root.isConnected) {
      this.interrupted = true;
      return this.#finish(out, false);
    }
    this.#started = true;
    const bps = this.#bps;
    const links = this.#links;
    const hooks = this.#hooks;
    const hooked = this.#hooked;
    const shadowRoots = this.#shadowRoots;
    const hidden = this.#hidden;
    let bp = this.#bp;
    let link = this.#link;
    let current = this.#current;
    let first = this.#first;
    let currentBp = this.#currentBp;
    let lastLink = this.#lastLink;
    let lastData = this.#lastData;
    let visited = 0;
    while (node !== null && visited < maxNodes) {
      visited++;
      // Only elements have a tagName (a text node misses it in JS, no DOM call): one DOM read less per element than nodeType first.
      const tag = (node as Element).tagName as string | undefined;
      if (tag !== undefined) {
        let k = kindOf(node as Element, hooked, hooks, tag);
        // (Nor an element that cannot have one: NO_HOST.)
        const shadow = k >= SKIP ? null : (node as Element).shadowRoot;
        // A shadow host: its shadow tree's own :host rules may hide it (no hook of the document's sheets says so).
        if (shadow && hooks !== null && isHiddenByStyle(node as Element)) k = HIDDEN;
        if (k === HIDDEN) {
          hidden?.push(node as Element);
          k = SKIP;
        }
        // A block element or <br> ends the block; so does rendered content we do not
        // read (a form field, an editable region, code, an icon): no mark may span
        // it (issue #7, tests/property/page.property.test.ts). Scripts, styles and
        // templates show nothing and join the text around them.
        if ((current || first) && (k === BLOCK || (k === SKIP && !UNRENDERED_TAGS.has(tag.toUpperCase())))) {
          close(out, current, first, lastData);
          current = null;
          first = null;
        }
        if (k !== SKIP) {
          if (shadow && shadowRoots) shadowRoots.push(shadow);
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
      } else if (node.nodeType === 3) {
        const data = (node as Text).data;
        if (data.length > 0) {
          let fresh = (!current && !first) || bp !== currentBp;
          if (!fresh && link !== lastLink) fresh = isWordUnit(lastData.charCodeAt(lastData.length - 1)) && isWordUnit(data.charCodeAt(0));
          if (fresh) {
            close(out, current, first, lastData);
            current = null;
            first = node as Text;
            currentBp = bp;
          } else {
            // A second text node: now the block object (lastData is still the first node's).
            if (current === null) {
              current = { text: lastData, nodes: [first!], starts: [0] };
              first = null;
            }
            current.starts.push(current.text.length);
            current.nodes.push(node as Text);
            current.text += data;
          }
          lastLink = link;
          lastData = data;
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
    this.#node = node;
    this.#bp = bp;
    this.#link = link;
    this.#current = current;
    this.#first = first;
    this.#currentBp = currentBp;
    this.#lastLink = lastLink;
    this.#lastData = lastData;
    return node === null ? this.#finish(out, true) : true;
  }

  #finish(out: TextBlock[], complete: boolean): false {
    if (complete) close(out, this.#current, this.#first, this.#lastData);
    this.#current = null;
    this.#first = null;
    this.#node = null;
    this.done = true;
    return false;
  }
}

/** Collect the text blocks under `root`, in document order. */
export function collectTextBlocks(root: Node, _doc: Document): TextBlock[] {
  const walk = new BlockWalk(root);
  const out: TextBlock[] = [];
  while (walk.read(out, 1 << 30));
  return out;
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
export function locate(block: TextBlock, offset: number, preferEnd = false): { node: Text; offset: number; index: number } {
  const { starts, nodes } = block;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! < offset || (!preferEnd && starts[mid] === offset)) lo = mid;
    else hi = mid - 1;
  }
  return { node: nodes[lo]!, offset: offset - starts[lo]!, index: lo };
}
