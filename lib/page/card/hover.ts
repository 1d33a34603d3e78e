// Hover intent, as in Wikipedia's Page Previews: a card opens after the pointer
// dwells on a mention (default 500 ms); when the pointer leaves the mention the
// card waits a grace period (300 ms) so the reader can move into it; it stays
// while the pointer is on the mention or the card, and a pinned card (opened by
// click or keyboard, or clicked/focused into) stays until dismissed.
// A pure state machine: timers and actions are injected, so it is unit-tested
// in Node with fake timers.
// In the page it runs in the card chunk (lib/page/card/card-layer.tsx), with
// `frame`, `now`, `prepare` and `discard`: once the pointer has rested on a
// mention for PREPARE_MS the card is rendered hidden, and the dwell ends in an
// animation frame, so showing that card is done right before the frame's paint.

import { debugMark } from '../core/debug';

export const GRACE_MS = 300;
/** Rest this long (or half the dwell, if shorter) before preparing the card: a pointer crossing a name costs nothing. */
export const PREPARE_MS = 100;
/** Start checking the dwell once per frame this long before it ends (a timer may fire a little late). */
const FRAME_LEAD_MS = 34;

export interface HoverIntentEnv<M> {
  /** Dwell before opening (the hoverDelayMs setting). */
  delay(): number;
  grace?: number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
  /**
   * With `now`: run `fn` in the next animation frame (requestAnimationFrame), returning a canceller.
   * The dwell then ends in the first frame at which `delay()` has passed, and the card opens in it.
   * Without them the dwell ends in its timer.
   */
  frame?(fn: () => void): () => void;
  /** The clock of `frame` (the page's frame time, document.timeline.currentTime). */
  now?(): number;
  /** The pointer has rested on `m` for a moment: get its card ready, hidden. */
  prepare?(m: M): void;
  /** The dwell that `prepare` was for was abandoned: throw its card away. */
  discard?(): void;
  /** Open the card for `m` (opened by hover: not pinned, focus stays on the page). */
  open(m: M): void;
  /** Close the card (only called for an unpinned card). */
  close(): void;
  /** The mention whose card is open, or null. */
  openFor(): M | null;
  /** Is the open card pinned? */
  pinned(): boolean;
}

export class HoverIntent<M> {
  private under: M | null = null;
  private overCard = false;
  /** Cancels the dwell's pending timer or frame; null when no dwell is running. */
  private stopDwell: (() => void) | null = null;
  private prepared = false;
  private graceTimer: unknown = null;

  constructor(private readonly env: HoverIntentEnv<M>) {}

  /** The mention under the pointer now (null: none); `since`: when the pointer came to it (the `now` clock), if earlier. */
  pointer(m: M | null, since?: number): void {
    if (m === this.under) return;
    this.under = m;
    this.clearDwell();
    if (m !== null && m !== this.env.openFor()) this.dwell(m, since);
    this.updateGrace();
  }

  /** The pointer entered the card. */
  enterCard(): void {
    debugMark('enter-card');
    this.overCard = true;
    this.under = null;
    this.clearDwell();
    this.clearGrace();
  }

  /** The pointer left the card. */
  leaveCard(): void {
    if (!this.overCard) return;
    debugMark('leave-card');
    this.overCard = false;
    this.updateGrace();
  }

  get isOverCard(): boolean {
    return this.overCard;
  }

  get dwelling(): boolean {
    return this.stopDwell !== null;
  }

  /** Forget everything (card closed by other means, settings changed). */
  reset(): void {
    this.clearDwell();
    this.clearGrace();
    this.under = null;
    this.overCard = false;
  }

  private dwell(m: M, since: number | undefined): void {
    const { env } = this;
    const end = () => {
      this.stopDwell = null;
      if (this.under !== m) return debugMark('dwell-cancel');
      // The card made by prepare() is now the open one: not to be discarded.
      this.prepared = false;
      this.clearGrace();
      // Already open (a click or the keyboard got there first): nothing to show.
      if (env.openFor() === m) return debugMark('dwell-cancel');
      // Debug builds: read by the tests and scripts/bench (dwell end → 'card-painted' from the card layer).
      debugMark('dwell-end', { delay: env.delay() });
      env.open(m);
    };
    debugMark('dwell-start');
    const { frame, now } = env;
    if (!frame || !now) {
      this.after(env.delay(), end);
      return;
    }
    const start = since ?? now();
    const left = () => start + env.delay() - now();
    // Compared to the millisecond (the setting's unit): frame times are
    // multiples of ~16.67 ms, so 30 frames are 500 ms give or take 0.01.
    const check = () => {
      if (Math.round(left()) > 0) this.stopDwell = frame(check);
      else end();
    };
    this.after(Math.min(PREPARE_MS, env.delay() / 2) - (now() - start), () => {
      if (env.prepare) {
        this.prepared = true;
        env.prepare(m);
      }
      this.after(left() - FRAME_LEAD_MS, () => (this.stopDwell = frame(check)));
    });
  }

  private after(ms: number, fn: () => void): void {
    const id = this.env.setTimeout(fn, Math.max(0, ms));
    this.stopDwell = () => this.env.clearTimeout(id);
  }

  private updateGrace(): void {
    const open = this.env.openFor();
    if (open === null || this.env.pinned() || this.overCard || this.under === open) {
      this.clearGrace();
      return;
    }
    if (this.graceTimer !== null) return;
    debugMark('grace-start');
    this.graceTimer = this.env.setTimeout(() => {
      this.graceTimer = null;
      const still = this.env.openFor();
      const closing = still !== null && !this.env.pinned() && !this.overCard && this.under !== still;
      debugMark(closing ? 'grace-close' : 'grace-cancel');
      if (closing) this.env.close();
    }, this.env.grace ?? GRACE_MS);
  }

  private clearDwell(): void {
    if (this.stopDwell) debugMark('dwell-cancel');
    this.stopDwell?.();
    this.stopDwell = null;
    if (this.prepared) {
      this.prepared = false;
      this.env.discard?.();
    }
  }

  private clearGrace(): void {
    if (this.graceTimer !== null) {
      debugMark('grace-cancel');
      this.env.clearTimeout(this.graceTimer);
    }
    this.graceTimer = null;
  }
}
