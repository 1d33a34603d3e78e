// Our one piece of UI in the page: an element attached to <html> (not <body>,
// so the page's own content is untouched), a zero-size `position: fixed` host
// (no layout shift), with a closed shadow root that holds the card and an
// aria-live region. Its tag is chosen at random per install (the `pageNames`
// message), so a page can neither find it by name nor define it first.
// Sealed (issue #17): the root is closed (the page's `host.shadowRoot` is
// null; the card chunk gets `root` from here), and one capture-phase guard on
// the root drops untrusted events (`!isTrusted`: a page's dispatchEvent,
// element.click()) before any handler of ours inside sees them. The DOM
// methods used are captured when this module loads, so later changes to the
// prototypes cannot redirect them. Styles are adopted into the shadow root, so
// they cannot reach the page; `:host { all: initial }` keeps the page's styles out.
// The content script creates it with the host's own rules only (for the live
// region); the card chunk adds the card's style sheet when it mounts a card.
import { UI_HOST_TAG } from './text-blocks';

// Captured at content-script start (the content script's own realm).
const attachShadow = Element.prototype.attachShadow;
const addListener = EventTarget.prototype.addEventListener;
const composedPath = Event.prototype.composedPath;
const isTrusted = (e: Event) => e.isTrusted === true;

/** Events that could drive the card: each is dropped at the root unless the browser made it. */
export const GUARDED_EVENTS = [
  'click', 'auxclick', 'dblclick', 'contextmenu', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'pointerenter', 'pointerleave',
  'keydown', 'keyup', 'beforeinput', 'input', 'change', 'submit', 'focusin', 'focusout',
] as const;

/** Stop untrusted events at `root` before any listener inside it runs (capture phase, first listener). */
export function guardUntrusted(root: EventTarget, trusted: (e: Event) => boolean = isTrusted): void {
  for (const type of GUARDED_EVENTS) {
    addListener.call(
      root,
      type,
      (e: Event) => {
        if (trusted(e)) return;
        e.stopImmediatePropagation();
        if (e.cancelable) e.preventDefault();
      },
      { capture: true },
    );
  }
}

export interface UiHost {
  host: HTMLElement;
  root: ShadowRoot;
  /** Where the card is rendered. */
  layer: HTMLElement;
  /** Say something to screen readers (polite). */
  announce(text: string): void;
  /** Is this event from inside our UI? */
  owns(e: Event): boolean;
  /** Put the host back if the page removed it. */
  ensureAttached(): void;
  /** Add a style sheet to the shadow root (once per distinct text). */
  addStyles(css: string): void;
  dispose(): void;
}

export interface UiHostOptions {
  /** The host's tag (this install's random name); the readable default in tests over happy-dom. */
  tag?: string;
  /** Tests of other features only (lib/background/page-names.ts): an open root. */
  open?: boolean;
  /** Which events count as the reader's own (default: `isTrusted`; happy-dom makes none, so its tests pass their own). */
  trusted?: (e: Event) => boolean;
}

export function createUiHost(doc: Document, win: Window & typeof globalThis, css: string, options: UiHostOptions = {}): UiHost {
  const host = doc.createElement(options.tag ?? UI_HOST_TAG.toLowerCase());
  // Inline styles as a fallback for the :host rules (position fixed, no size).
  host.setAttribute('style', 'position:fixed;top:0;left:0;width:0;height:0;overflow:visible;z-index:2147483647;pointer-events:none;display:block;');
  const root = attachShadow.call(host, { mode: options.open ? 'open' : 'closed' });
  guardUntrusted(root, options.trusted);
  const live = doc.createElement('div');
  live.className = 'bs-sr';
  live.setAttribute('role', 'status');
  live.setAttribute('aria-live', 'polite');
  live.setAttribute('aria-atomic', 'true');
  const layer = doc.createElement('div');
  layer.className = 'bs-layer';
  root.append(live, layer);
  const added = new Set<string>();
  const addStyles = (text: string) => {
    if (added.has(text)) return;
    added.add(text);
    try {
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(text);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      return;
    } catch {
      // No constructable style sheets: a <style> element in the shadow root (never in the page).
    }
    const style = doc.createElement('style');
    style.textContent = text;
    root.insertBefore(style, live);
  };
  addStyles(css);
  doc.documentElement.appendChild(host);

  let announceTimer: number | undefined;
  return {
    host,
    root,
    layer,
    announce(text) {
      // Clear first, then set on a later task, so the same text is announced again.
      live.textContent = '';
      win.clearTimeout(announceTimer);
      announceTimer = win.setTimeout(() => (live.textContent = text), 60);
    },
    owns(e) {
      return composedPath.call(e).includes(host);
    },
    ensureAttached() {
      if (!host.isConnected) doc.documentElement.appendChild(host);
    },
    addStyles,
    dispose() {
      win.clearTimeout(announceTimer);
      host.remove();
    },
  };
}
