// Our one piece of UI in the page: a `backstory-ui` element attached to
// <html> (not <body>, so the page's own content is untouched), a zero-size
// `position: fixed` host (no layout shift), with an open shadow root that holds
// the card and an aria-live region. Styles are adopted into the shadow root, so
// they cannot reach the page; `:host { all: initial }` keeps the page's styles out.
// The content script creates it with the host's own rules only (for the live
// region); the card chunk adds the card's style sheet when it mounts a card.
import { UI_HOST_TAG } from './text-blocks';

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

export function createUiHost(doc: Document, win: Window & typeof globalThis, css: string): UiHost {
  const host = doc.createElement(UI_HOST_TAG.toLowerCase());
  // Inline styles as a fallback for the :host rules (position fixed, no size).
  host.setAttribute('style', 'position:fixed;top:0;left:0;width:0;height:0;overflow:visible;z-index:2147483647;pointer-events:none;display:block;');
  const root = host.attachShadow({ mode: 'open' });
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
      return e.composedPath().includes(host);
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
