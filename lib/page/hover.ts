// Hover intent, as in Wikipedia's Page Previews: a card opens after the pointer
// dwells on a mention (default 500 ms); when the pointer leaves the mention the
// card waits a grace period (300 ms) so the reader can move into it; it stays
// while the pointer is on the mention or the card, and a pinned card (opened by
// click or keyboard, or clicked/focused into) stays until dismissed.
// A pure state machine: timers and actions are injected, so it is unit-tested
// in Node with fake timers.

export const GRACE_MS = 300;

export interface HoverIntentEnv<M> {
  /** Dwell before opening (the hoverDelayMs setting). */
  delay(): number;
  grace?: number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
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
  private dwellTimer: unknown = null;
  private graceTimer: unknown = null;

  constructor(private readonly env: HoverIntentEnv<M>) {}

  /** The mention under the pointer now (null: none). */
  pointer(m: M | null): void {
    if (m === this.under) return;
    this.under = m;
    this.clearDwell();
    if (m !== null && m !== this.env.openFor()) {
      this.dwellTimer = this.env.setTimeout(() => {
        this.dwellTimer = null;
        if (this.under !== m) return;
        this.clearGrace();
        // For the benchmark (scripts/bench: dwell end → card painted); a no-op cost outside it.
        globalThis.performance?.mark?.('backstory:dwell-end');
        this.env.open(m);
      }, this.env.delay());
    }
    this.updateGrace();
  }

  /** The pointer entered the card. */
  enterCard(): void {
    this.overCard = true;
    this.under = null;
    this.clearDwell();
    this.clearGrace();
  }

  /** The pointer left the card. */
  leaveCard(): void {
    if (!this.overCard) return;
    this.overCard = false;
    this.updateGrace();
  }

  get isOverCard(): boolean {
    return this.overCard;
  }

  get dwelling(): boolean {
    return this.dwellTimer !== null;
  }

  /** Forget everything (card closed by other means, settings changed). */
  reset(): void {
    this.clearDwell();
    this.clearGrace();
    this.under = null;
    this.overCard = false;
  }

  private updateGrace(): void {
    const open = this.env.openFor();
    if (open === null || this.env.pinned() || this.overCard || this.under === open) {
      this.clearGrace();
      return;
    }
    if (this.graceTimer !== null) return;
    this.graceTimer = this.env.setTimeout(() => {
      this.graceTimer = null;
      const still = this.env.openFor();
      if (still !== null && !this.env.pinned() && !this.overCard && this.under !== still) this.env.close();
    }, this.env.grace ?? GRACE_MS);
  }

  private clearDwell(): void {
    if (this.dwellTimer !== null) this.env.clearTimeout(this.dwellTimer);
    this.dwellTimer = null;
  }

  private clearGrace(): void {
    if (this.graceTimer !== null) this.env.clearTimeout(this.graceTimer);
    this.graceTimer = null;
  }
}
