// Keyboard access to the marks: Alt+Shift+N / Alt+Shift+P move to the next /
// previous marked mention (scrolled into view, shown with the
// `backstory-current` highlight, announced to screen readers); Enter then opens
// its card (focus moves into the card and returns on close); Esc closes the
// card, or leaves the navigation. Shortcuts are ignored while typing in a field.
// Tab reaches the marks through the focus stop in the card chunk
// (lib/page/card/focus-stop.ts), which shares this current mark.
import type { PageMention } from './marks';

export const SHORTCUTS = {
  next: { code: 'KeyN', label: 'Alt+Shift+N' },
  previous: { code: 'KeyP', label: 'Alt+Shift+P' },
} as const;

/** The index after one step from `current` (or from `start` when there is no current one), wrapping around. */
export function stepIndex(length: number, current: number, dir: 1 | -1, start: number): number {
  if (length === 0) return -1;
  if (current < 0) {
    const s = Math.min(Math.max(start, 0), length);
    return dir === 1 ? s % length : (s - 1 + length) % length;
  }
  return (current + dir + length) % length;
}

/** Index of the first item whose `top` is at or below `y` (items are in document order, so roughly by top). */
export function firstAtOrBelow<T>(items: readonly T[], top: (item: T) => number, y: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (top(items[mid]!) < y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Is the element something the reader types into? */
export function isEditable(el: Element | null): boolean {
  if (!el) return false;
  const tag = el.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (el.getAttribute('type') ?? 'text').toLowerCase();
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'image', 'file', 'range', 'color'].includes(type);
  }
  return (el as HTMLElement).isContentEditable === true || el.getAttribute('role') === 'textbox';
}

export interface KeyboardEnv {
  doc: Document;
  win: Window;
  signal: AbortSignal;
  marked(): PageMention[];
  current(): PageMention | null;
  setCurrent(m: PageMention | null): void;
  rectOf(m: PageMention): DOMRect;
  /** Open the card of `m`, moving focus into it; focus returns to `returnFocus` on close. */
  openCard(m: PageMention, returnFocus: Element | null): void;
  isCardOpen(): boolean;
  closeCard(): void;
  announce(text: string): void;
  describe(m: PageMention): string;
  /** True for events inside our own UI. */
  isOwnEvent(e: Event): boolean;
  reducedMotion(): boolean;
}

export function installKeyboard(env: KeyboardEnv): void {
  const { doc, win, signal } = env;
  // Navigation mode: Enter opens the current mention's card only right after
  // the shortcut, while focus has not moved; any other key or a click ends it.
  let navigating = false;

  const scrollTo = (m: PageMention) => {
    let r = env.rectOf(m);
    const vh = win.innerHeight;
    if (r.top >= 48 && r.bottom <= vh - 48) return;
    const behavior: ScrollBehavior = 'instant';
    m.startNode.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest', behavior });
    r = env.rectOf(m);
    if (r.top < 0 || r.bottom > vh) win.scrollBy({ top: r.top - vh / 2, behavior });
  };

  const move = (dir: 1 | -1) => {
    const list = env.marked();
    if (list.length === 0) {
      env.announce('Backstory: no marked names on this page.');
      return;
    }
    const cur = env.current();
    const curIndex = cur ? list.indexOf(cur) : -1;
    const start = curIndex < 0 ? firstAtOrBelow(list, (m) => env.rectOf(m).top, 0) : 0;
    const i = stepIndex(list.length, curIndex, dir, start);
    const wrapped = curIndex >= 0 && ((dir === 1 && i < curIndex) || (dir === -1 && i > curIndex));
    const m = list[i]!;
    if (env.isCardOpen()) env.closeCard();
    env.setCurrent(m);
    scrollTo(m);
    navigating = true;
    env.announce(`${env.describe(m)}. ${i + 1} of ${list.length}${wrapped ? ', wrapped around' : ''}. Press Enter to open its card.`);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    // A page's synthetic key events drive nothing of ours.
    if (!e.isTrusted) return;
    if (e.defaultPrevented && !env.isOwnEvent(e)) return;
    const shortcut = e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey;
    if (shortcut && (e.code === SHORTCUTS.next.code || e.code === SHORTCUTS.previous.code)) {
      if (!env.isOwnEvent(e) && isEditable(doc.activeElement)) return;
      e.preventDefault();
      move(e.code === SHORTCUTS.next.code ? 1 : -1);
      return;
    }
    if (e.key === 'Escape') {
      if (env.isCardOpen()) {
        env.closeCard();
        e.preventDefault();
      } else if (env.current()) {
        env.setCurrent(null);
        navigating = false;
      }
      return;
    }
    if (e.key === 'Enter' && navigating && !e.altKey && !e.ctrlKey && !e.metaKey && !env.isOwnEvent(e)) {
      const m = env.current();
      if (m && !isEditable(doc.activeElement)) {
        e.preventDefault();
        e.stopPropagation();
        navigating = false;
        env.openCard(m, doc.activeElement);
      }
      return;
    }
    if (!['Shift', 'Alt', 'Control', 'Meta'].includes(e.key)) navigating = false;
  };

  win.addEventListener('keydown', onKeyDown, { capture: true, signal });
  win.addEventListener('pointerdown', (e) => e.isTrusted && (navigating = false), { capture: true, signal, passive: true });
}
