// Pointer wiring: pointermove only records the position; one hit test per
// frame, in a task right after it (lib/page/core/after-frame.ts: no script of ours
// inside the page's frames, and a clean layout for the caret lookup), finds the
// mention under it (lib/page/core/hit-test.ts) and feeds the hover intent. Handles the trigger setting (hover | click | modifier-hover
// with Alt), clicks outside the card (close), and clicks on the open card's
// mention (pin). Only events the browser made count (`isTrusted`): a page's
// synthetic events cannot move, open, pin or close anything of ours.
import type { Settings } from '../../shared/settings';
import { afterNextFrame } from './after-frame';
import type { HoverIntent } from '../card/hover';
import type { PageMention } from './marks';

export interface PointerEnv {
  doc: Document;
  win: Window & typeof globalThis;
  signal: AbortSignal;
  trigger: () => Settings['trigger'];
  hitTest: (x: number, y: number) => PageMention | null;
  hover: HoverIntent<PageMention>;
  /** Is the event inside our UI (the card)? */
  isOwnEvent: (e: Event) => boolean;
  openFor: () => PageMention | null;
  openPinned: (m: PageMention) => void;
  pin: () => void;
  close: () => void;
}

const INTERACTIVE = 'a[href], button, input, select, textarea, label, summary, [role="button"], [role="link"], [contenteditable]:not([contenteditable="false"])';

export function installPointer(env: PointerEnv): void {
  const { doc, win, signal } = env;
  let x = 0;
  let y = 0;
  let alt = false;
  let cancel: (() => void) | null = null;
  let have = false;

  const test = () => {
    cancel = null;
    if (!have) return;
    const trigger = env.trigger();
    if (trigger === 'click' || (trigger === 'modifier-hover' && !alt)) {
      env.hover.pointer(null);
      return;
    }
    env.hover.pointer(env.hitTest(x, y));
  };
  const request = () => {
    if (cancel === null && !signal.aborted) cancel = afterNextFrame(win, test);
  };
  signal.addEventListener('abort', () => cancel?.());

  win.addEventListener(
    'pointermove',
    (e: PointerEvent) => {
      if (!e.isTrusted || e.pointerType === 'touch' || e.buttons !== 0) return;
      if (env.isOwnEvent(e)) {
        // Over the card: the card's own enter/leave events drive the intent.
        have = false;
        return;
      }
      x = e.clientX;
      y = e.clientY;
      alt = e.altKey;
      have = true;
      request();
    },
    { capture: true, passive: true, signal },
  );
  // Content moves under a still pointer when the page scrolls.
  win.addEventListener('scroll', (e) => e.isTrusted && have && request(), { capture: true, passive: true, signal });
  doc.documentElement.addEventListener(
    'pointerleave',
    (e: PointerEvent) => {
      if (!e.isTrusted) return;
      have = false;
      env.hover.pointer(null);
    },
    { passive: true, signal },
  );
  for (const type of ['keydown', 'keyup'] as const) {
    win.addEventListener(
      type,
      (e: KeyboardEvent) => {
        if (!e.isTrusted || e.key !== 'Alt') return;
        alt = type === 'keydown';
        if (env.trigger() === 'modifier-hover' && have) request();
      },
      { capture: true, passive: true, signal },
    );
  }

  win.addEventListener(
    'pointerdown',
    (e: PointerEvent) => {
      if (!e.isTrusted || env.isOwnEvent(e) || !env.openFor()) return;
      const m = env.hitTest(e.clientX, e.clientY);
      if (m && m === env.openFor()) return;
      env.close();
    },
    { capture: true, passive: true, signal },
  );

  win.addEventListener(
    'click',
    (e: MouseEvent) => {
      if (!e.isTrusted || e.button !== 0 || env.isOwnEvent(e) || e.defaultPrevented) return;
      const target = e.target as Element | null;
      if (target && typeof target.closest === 'function' && target.closest(INTERACTIVE)) return;
      const selection = win.getSelection();
      if (selection && !selection.isCollapsed) return;
      const m = env.hitTest(e.clientX, e.clientY);
      if (!m) return;
      if (m === env.openFor()) env.pin();
      else if (env.trigger() === 'click') env.openPinned(m);
    },
    { capture: true, signal },
  );
}
