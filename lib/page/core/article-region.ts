// The article body as a reader sees it (issue #16): where "first mention"
// marking counts. The page's one `article` (several: their `main`), else
// `main`, else the element holding the most paragraph text; inside it, not
// navigation, footers, asides, forms, nor lists that are mostly links (related
// stories). No region found: the whole page counts. Content-script core: kept
// small, no layout reads (text lengths only).

const OUTSIDE = 'nav,footer,aside,form,[role=navigation],[role=contentinfo]';

/** The element with the most text among `els`, counted per `key` (itself, or its parent for paragraphs). */
function largest(els: ArrayLike<Element>, key: (e: Element) => Element | null): Element | null {
  const sums = new Map<Element, number>();
  let best: Element | null = null;
  let max = 0;
  // At most 2000 looked at: a page with more paragraphs has found its region long before.
  for (let i = 0; i < els.length && i < 2000; i++) {
    const k = key(els[i]!);
    const n = (k && (sums.get(k) ?? 0) + els[i]!.textContent!.length) || 0;
    if (k) sums.set(k, n);
    if (n > max) [best, max] = [k, n];
  }
  return best;
}

export function findArticleRegion(doc: Document): Element | null {
  const main = doc.querySelector('main,[role=main]');
  const articles = doc.querySelectorAll('article');
  if (articles.length === 1 || (articles.length > 1 && !main)) return largest(articles, (e) => e);
  return main ?? largest(doc.querySelectorAll('p'), (p) => p.parentElement);
}

/** Is the node in the article body? Answers are cached per element and per list (link density). */
export class ArticleRegion {
  #region: Element | null | undefined;
  /** Per element: in the article body? */
  #answers = new WeakMap<Element, boolean>();
  /** Per list: mostly links? */
  #links = new WeakMap<Element, boolean>();
  constructor(private readonly doc: Document) {}

  /** Look for the region again (a new page, or the old region left the document). */
  reset(): void {
    this.#region = undefined;
  }

  contains(node: Node): boolean {
    if (this.#region === undefined || (this.#region && !this.#region.isConnected)) {
      this.#region = findArticleRegion(this.doc);
      this.#answers = new WeakMap();
    }
    const el = node.parentElement;
    if (!el) return true;
    // One answer per element (a paragraph's mentions share it), until the region is looked for again.
    let inside = this.#answers.get(el);
    if (inside === undefined) this.#answers.set(el, (inside = this.#inside(el)));
    return inside;
  }

  #inside(el: Element): boolean {
    const r = this.#region;
    // No region, or text in a web component's shadow tree: counts.
    if (!r || el.getRootNode() !== this.doc) return true;
    if (!r.contains(el)) return false;
    const out = el.closest(OUTSIDE);
    if (out && r.contains(out)) return false;
    const list = el.closest('ul,ol');
    if (!list || !r.contains(list)) return true;
    let links = this.#links.get(list);
    if (links === undefined) {
      let inLinks = 0;
      for (const a of list.querySelectorAll('a')) inLinks += a.textContent!.length;
      this.#links.set(list, (links = inLinks * 2 > list.textContent!.length));
    }
    return !links;
  }
}
