// Tab reaches the marks (issue #16) without touching the page's DOM: marks are
// CSS Custom Highlights, not elements, so our UI host carries one focusable
// button (in its closed shadow root) that stands for "the current mark". The
// host is moved to be the first child of <html> while the page has marks, so
// the first Tab from the address bar lands on it, like a skip link.
// While it has focus the button sits over the current mark (a visible outline,
// the `backstory-current` highlight under it) and its name says which mark it
// is; Tab / Shift+Tab step through the marks in reading order; Tab past the
// last mark goes on to the page's next focusable element after that mark (the
// reader's place, not the top of the page); Shift+Tab before the first leaves
// backwards as usual; Enter (or Space) opens the card, focus returning here
// on close; Esc leaves the marks, so the next Tab goes on to the page.
// Card chunk: created by the card layer (card-layer.tsx), told when the marks change.
import { mentionRange } from '../core/hit-test';
import { firstAtOrBelow } from '../core/keyboard';
import type { PageMention } from '../core/marks';
import type { UiHost } from '../core/ui-host';
import { pageThemeAt } from './page-theme';

export interface FocusStopEnv {
  doc: Document;
  win: Window & typeof globalThis;
  ui: () => UiHost;
  /** The marked mentions (those painted), in document order. */
  marks: () => readonly PageMention[];
  /** The keyboard's current mention (`backstory-current`), shared with Alt+Shift+N. */
  current: () => PageMention | null;
  setCurrent: (m: PageMention | null) => void;
  /** "Putin, person". */
  describe: (m: PageMention) => string;
  /** Open `m`'s card with focus in it; focus returns to `back` when it closes. */
  open: (m: PageMention, back: Element) => void;
}

export const FOCUS_STOP_CSS = `
.bs-stop{all:initial;position:fixed;left:0;top:0;width:1px;height:1px;box-sizing:border-box;pointer-events:none;clip-path:inset(50%);border-radius:3px}
.bs-stop:focus{clip-path:none;outline:3px solid #1d4ed8;outline-offset:2px;box-shadow:0 0 0 2px #fff}
.bs-stop.bs-dark:focus{outline-color:#93c5fd;box-shadow:0 0 0 2px #0b1220}
.bs-stop.bs-off:focus{clip-path:inset(50%)}
@media (forced-colors:active){.bs-stop:focus{outline-color:Highlight}}
`;

/** Elements looked at when looking for the page's next focusable element (a bound on very large pages). */
const FOCUSABLE_SCAN_LIMIT = 20_000;

/** Is `a` before `b` in the document? */
function before(a: PageMention, b: PageMention): boolean {
  if (a.startNode === b.startNode) return a.startOffset < b.startOffset;
  return (a.startNode.compareDocumentPosition(b.startNode) & 4) !== 0; // Node.DOCUMENT_POSITION_FOLLOWING
}

/** Would Tab stop at this element? (tabindex ≥ 0, enabled, rendered, not inert.) */
function tabbable(el: Element): el is HTMLElement {
  const h = el as HTMLElement & { disabled?: boolean };
  if (typeof h.tabIndex !== 'number' || h.tabIndex < 0 || h.disabled === true || h.closest('[inert]')) return false;
  // A link without href reports tabIndex 0 (the spec's default for `a`) but is no Tab stop.
  if ((h.localName === 'a' || h.localName === 'area') && !h.hasAttribute('href') && !h.hasAttribute('tabindex')) return false;
  return typeof h.checkVisibility !== 'function' || h.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions);
}

/** The page's first element after `node` in document order that Tab would stop at, or null. */
export function nextTabbable(doc: Document, node: Node, skip: Element): HTMLElement | null {
  const walker = doc.createTreeWalker(doc.documentElement, 1 /* NodeFilter.SHOW_ELEMENT */);
  walker.currentNode = node;
  for (let n = 0; n < FOCUSABLE_SCAN_LIMIT; n++) {
    const el = walker.nextNode() as Element | null;
    if (!el) return null;
    if (el !== skip && tabbable(el)) return el;
  }
  return null;
}

export class FocusStop {
  #btn: HTMLButtonElement | null = null;
  /** The mark the button stands for while it has focus. */
  #m: PageMention | null = null;
  /** After Esc: the next Tab leaves the marks. */
  #leaving = false;
  #follow: AbortController | null = null;
  #frame = 0;
  readonly #env: FocusStopEnv;

  constructor(env: FocusStopEnv) {
    this.#env = env;
  }

  /** The page's marks changed: show the stop (first in <html>) while there are marks, remove it when there are none. */
  update(): void {
    const { doc } = this.#env;
    const list = this.#env.marks();
    const btn = this.#btn;
    if (list.length === 0) {
      if (btn) {
        this.#btn = null;
        this.#blurred();
        btn.remove();
      }
      return;
    }
    const ui = this.#env.ui();
    ui.ensureAttached();
    const b = btn ?? this.#create(ui);
    const html = doc.documentElement;
    // First in <html>: before <head>, so it is the page's first Tab stop. Never moved while anything of ours has focus (a move blurs).
    if (html.firstChild !== ui.host && ui.root.activeElement === null) html.insertBefore(ui.host, html.firstChild);
    if (!this.#focused()) b.setAttribute('aria-label', `Backstory: ${list.length} marked ${list.length === 1 ? 'name' : 'names'} on this page.`);
    else if (this.#m && !this.#m.block.alive) this.#show(this.#pick(list, false), false);
    else this.#show(this.#m, false);
  }

  #create(ui: UiHost): HTMLButtonElement {
    const b = this.#env.doc.createElement('button');
    b.type = 'button';
    b.className = 'bs-stop';
    b.setAttribute('aria-description', 'Escape leaves the marks.');
    ui.addStyles(FOCUS_STOP_CSS);
    // Our guard on the root drops untrusted events before these run (ui-host.ts).
    b.addEventListener('focusin', (e) => this.#focusIn(e));
    b.addEventListener('focusout', (e) => {
      // Focus moved into our card (Enter): the mark stays current, focus comes back to it.
      if (!(e.relatedTarget instanceof Node && ui.root.contains(e.relatedTarget))) this.#blurred();
    });
    b.addEventListener('keydown', (e) => this.#key(e));
    // Enter and Space on a button make a click (the reader's, trusted).
    b.addEventListener('click', (e) => {
      e.preventDefault();
      const m = this.#m;
      if (e.isTrusted && m) this.#env.open(m, b);
    });
    ui.root.append(b);
    this.#btn = b;
    return b;
  }

  #focused(): boolean {
    const b = this.#btn;
    return b !== null && b.isConnected && (b.getRootNode() as ShadowRoot).activeElement === b;
  }

  #focusIn(e: FocusEvent): void {
    if (!e.isTrusted) return;
    const list = this.#env.marks();
    const cur = this.#env.current();
    this.#leaving = false;
    // Back from the card, or after Alt+Shift+N: the same mark. Else where the reader came from: the top of the viewport going forwards, its bottom going backwards.
    const from = e.relatedTarget;
    const backwards = from instanceof Node && from.getRootNode() === this.#env.doc && (this.#env.ui().host.compareDocumentPosition(from) & 4) !== 0;
    this.#show(cur ?? this.#pick(list, backwards), true);
    const { win } = this.#env;
    this.#follow?.abort();
    this.#follow = new AbortController();
    const schedule = () => {
      if (!this.#btn?.isConnected) return this.#follow?.abort();
      if (!this.#frame) this.#frame = win.requestAnimationFrame(() => {
        this.#frame = 0;
        this.#place();
      });
    };
    win.addEventListener('scroll', schedule, { capture: true, passive: true, signal: this.#follow.signal });
    win.addEventListener('resize', schedule, { passive: true, signal: this.#follow.signal });
  }

  /** The mark to stand for on arrival: the first from the top of the viewport (backwards: the last whole one above its bottom). */
  #pick(list: readonly PageMention[], backwards: boolean): PageMention | null {
    if (list.length === 0) return null;
    const rect = (m: PageMention) => mentionRange(this.#env.doc, m).getBoundingClientRect();
    // Backwards: the last mark whose bottom is in view (marks are in document order, so roughly by position).
    const i = backwards ? firstAtOrBelow(list, (m) => rect(m).bottom, this.#env.win.innerHeight + 1) - 1 : firstAtOrBelow(list, (m) => rect(m).top, 0);
    return list[Math.min(Math.max(i, 0), list.length - 1)]!;
  }

  #blurred(): void {
    this.#follow?.abort();
    this.#follow = null;
    if (this.#m && this.#env.current() === this.#m) this.#env.setCurrent(null);
    this.#m = null;
  }

  #key(e: KeyboardEvent): void {
    if (!e.isTrusted || e.ctrlKey || e.metaKey) return;
    if (e.key === 'Escape') {
      // The core's keyboard (keyboard.ts) has left its navigation: the current mark is gone.
      this.#leaving = true;
      this.#show(null, false);
      return;
    }
    if (e.altKey) {
      // Alt+Shift+N / P (keyboard.ts, which runs first) moved the current mark: follow it (and Tab goes on from it).
      this.#show(this.#env.current(), false);
      this.#leaving = this.#m === null;
      return;
    }
    if (e.key !== 'Tab' || this.#leaving) return;
    const list = this.#env.marks();
    const m = this.#m;
    const dir = e.shiftKey ? -1 : 1;
    let i = m ? list.indexOf(m) : -1;
    if (i >= 0) i += dir;
    // A mention that is not marked (Alt+Shift+N reaches every mention): the next mark after it in reading order.
    else if (m) i = dir === 1 ? list.findIndex((x) => before(m, x)) : list.findLastIndex((x) => before(x, m));
    if (i >= 0 && i < list.length) {
      e.preventDefault();
      this.#show(list[i]!, true);
      return;
    }
    // Past the last mark: the page's next focusable element after it (where the reader is), else the browser's own next.
    const last = list[list.length - 1];
    const next = dir === 1 && last ? nextTabbable(this.#env.doc, last.endNode, this.#env.ui().host) : null;
    this.#blurred();
    this.#show(null, false);
    if (next) {
      e.preventDefault();
      next.focus();
    }
  }

  /** Stand for `m`: the current highlight, the name, the outline over it; `scroll`: bring it into view if it is off-screen. */
  #show(m: PageMention | null, scroll: boolean): void {
    const b = this.#btn;
    this.#m = m;
    if (!b) return;
    b.classList.toggle('bs-off', !m);
    if (!m) {
      b.setAttribute('aria-label', 'Backstory marks left. Tab goes on to the page.');
      return;
    }
    const { doc, win } = this.#env;
    if (this.#env.current() !== m) this.#env.setCurrent(m);
    const list = this.#env.marks();
    const i = list.indexOf(m);
    const where = i >= 0 ? `Mark ${i + 1} of ${list.length} on this page` : 'Not marked';
    b.setAttribute('aria-label', `${this.#env.describe(m)}. ${where}. Enter opens its card; Tab goes to the next.`);
    const theme = pageThemeAt(m.startNode.parentElement, win) ?? (win.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
    b.classList.toggle('bs-dark', theme === 'dark');
    if (scroll) {
      const r = mentionRange(doc, m).getBoundingClientRect();
      // Only a mark that is off-screen moves the page, at once: no smooth scroll and no animated outline (nothing moves that the reader did not ask for; reduced motion is met by having no motion).
      if (r.bottom < 0 || r.top > win.innerHeight || r.right < 0 || r.left > win.innerWidth) {
        m.startNode.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
      }
    }
    this.#place();
  }

  /** Put the button over the mark (viewport coordinates: the host is fixed at 0,0). */
  #place(): void {
    const b = this.#btn;
    const m = this.#m;
    if (!b || !m || !m.block.alive) return;
    const r = mentionRange(this.#env.doc, m).getBoundingClientRect();
    const s = b.style;
    s.left = `${Math.round(r.left)}px`;
    s.top = `${Math.round(r.top)}px`;
    s.width = `${Math.max(1, Math.round(r.width))}px`;
    s.height = `${Math.max(1, Math.round(r.height))}px`;
  }
}
