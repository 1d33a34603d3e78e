// The highlight window: which marked mentions have their range registered in
// `CSS.highlights`. Chromium's highlight painting grows with every range
// registered in the document (on a 5 MB page, one change makes the next frame
// take ~17 ms with 100 ranges, ~60 ms with 1,000, ~370 ms with 7,000), so only
// the mentions of blocks within WINDOW_MARGIN viewport heights of the visible
// area are registered; the rest stay marked in the index (hover, keyboard,
// panel counts) and get their range when the reader scrolls near them.
//
// - Changes (marks added or removed, scrolling, resizing, new blocks) are
//   queued and applied together. A change that needs the band recomputed (rect
//   reads) waits for the task right after the next frame (clean layout: the
//   reads force none), with a timer fallback for hidden tabs, where frames stop.
//   Any other change (new blocks are checked by an IntersectionObserver) is
//   applied in a plain task, without requestAnimationFrame: a rAF callback runs
//   inside the frame's rendering task, and Chromium then reports that whole
//   task (the page's own style and layout, ~45 ms on a 5 MB page) as a long
//   task of the page (docs/PERFORMANCE.md, mutation storm).
// - The band is found by a binary search over the tracked blocks in document
//   order (document order is close to vertical order) with one rect read per
//   step, then a walk down the band: O(log n + band) layout reads, on a layout
//   that is clean in a frame callback unless the page just changed it.
// - Scrolling the window by less than WINDOW_SLACK viewport heights keeps the
//   band (the margin covers it); scrolls of inner scroll containers always
//   recompute it.
import { afterNextFrame } from './after-frame';
import { taskPoster } from './slices';
import type { PageMention, TrackedBlock } from './marks';

/** Viewport heights above and below the visible area whose marks are registered. */
export const WINDOW_MARGIN = 2;
/** Window scrolls smaller than this (viewport heights) leave the band as it is. */
export const WINDOW_SLACK = 0.5;
/** At most this many blocks in the band (a page whose layout defeats the search). */
export const MAX_WINDOW_BLOCKS = 2000;
/** New blocks watched by the IntersectionObserver at most (beyond: recompute the band). */
const MAX_WATCHED = 256;
/**
 * A block with more mentions than this (one paragraph of 100,000 names, a line
 * of 30,000 links) has only the mentions near the viewport registered, found
 * by a binary search over its mentions' rects (issue #17: the cap on ranges).
 */
export const BLOCK_CAP = 300;
/** At most this many ranges of one huge block are registered. */
const SLICE_MAX = 1500;
/** When frames stop (hidden tab), flush after this long anyway. */
const FRAME_FALLBACK_MS = 100;

export interface Band {
  top: number;
  bottom: number;
}

export interface HighlightWindowEnv {
  win: Window & typeof globalThis;
  signal: AbortSignal;
  /** Tracked blocks in document order. */
  blocks: () => readonly TrackedBlock[];
  /** Register `m`'s range in highlight `name` (null: in none). */
  show: (m: PageMention, name: string | null) => void;
  /** The vertical extent of a block in viewport coordinates (null: not laid out / not measurable). */
  extentOf?: (block: TrackedBlock) => Band | null;
  margin?: number;
  /** After each flush that changed the registry. */
  onFlush?: () => void;
}

/**
 * Blocks (document order) whose extent meets [top, bottom]: a binary search
 * for the first block not wholly above `top`, then the blocks down to the
 * first one wholly below `bottom`. Blocks with no extent do not end the walk.
 */
export function blocksInBand(blocks: readonly TrackedBlock[], extentOf: (b: TrackedBlock) => Band | null, top: number, bottom: number, max = MAX_WINDOW_BLOCKS): TrackedBlock[] {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const r = extentOf(blocks[mid]!);
    if (r && r.bottom < top) lo = mid + 1;
    else hi = mid;
  }
  const out: TrackedBlock[] = [];
  // The walk is capped too: blocks that cannot be measured may stop the search early.
  for (let i = lo; i < blocks.length && out.length < max && i - lo < max * 4; i++) {
    const b = blocks[i]!;
    const r = extentOf(b);
    if (r && r.top > bottom) break;
    if (!r || r.bottom >= top) out.push(b);
  }
  return out;
}

export class HighlightWindow {
  #band = new Set<TrackedBlock>();
  #dirty = new Set<PageMention>();
  #stale = true;
  #timer = 0;
  #scrollY = Number.NaN;
  #waiters: (() => void)[] = [];
  #range: Range | null = null;
  /** Flushes done (tests, stats). */
  flushes = 0;
  /** Huge blocks in the band: the [start, end) of their mentions that is registered. */
  #slices = new Map<TrackedBlock, [number, number]>();

  /** Is this mention's range to be registered, its block being in the band? */
  #inSlice(m: PageMention): boolean {
    const b = m.block;
    if (b.mentions.length <= BLOCK_CAP) return true;
    const slice = this.#slices.get(b);
    if (!slice) return false;
    // Mention ids are given in order within a block.
    const i = m.id - b.mentions[0]!.id;
    return i >= slice[0] && i < slice[1];
  }

  /** The mentions of a huge block near the viewport: a binary search on their rects (document order is vertical order within a block). */
  #sliceOf(b: TrackedBlock): [number, number] {
    const { win } = this.env;
    const vh = win.innerHeight || 800;
    const margin = (this.env.margin ?? WINDOW_MARGIN) * vh;
    const ms = b.mentions;
    const rectOf = (m: PageMention): Band | null => {
      try {
        const r = (this.#range ??= win.document.createRange());
        r.setStart(m.startNode, m.startOffset);
        r.setEnd(m.endNode, m.endOffset);
        const rect = r.getBoundingClientRect();
        return { top: rect.top, bottom: rect.bottom };
      } catch {
        return null;
      }
    };
    let lo = 0;
    let hi = ms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const r = rectOf(ms[mid]!);
      if (r && r.bottom < -margin) lo = mid + 1;
      else hi = mid;
    }
    // Walk down in steps: a rect read every 16 mentions is enough to find the end.
    let end = lo;
    while (end < ms.length && end - lo < SLICE_MAX) {
      const r = rectOf(ms[Math.min(end + 16, ms.length - 1)]!);
      end = Math.min(end + 16, ms.length);
      if (r && r.top > vh + margin) break;
    }
    return [lo, end];
  }

  /** Register (or not) the mentions of a huge block per its new slice; only the old and new slices are touched. */
  #applySlice(b: TrackedBlock, next: [number, number] | null): void {
    const { show } = this.env;
    const old = this.#slices.get(b);
    if (old) for (let i = old[0]; i < old[1]; i++) if (!next || i < next[0] || i >= next[1]) show(b.mentions[i]!, null);
    if (next) {
      for (let i = next[0]; i < next[1]; i++) {
        const m = b.mentions[i]!;
        show(m, b.alive ? m.paintedAs : null);
      }
      this.#slices.set(b, next);
    } else this.#slices.delete(b);
  }

  constructor(private readonly env: HighlightWindowEnv) {
    const { win, signal } = env;
    const opts = { passive: true, capture: true, signal } as AddEventListenerOptions;
    win.addEventListener('scroll', (e) => this.#onScroll(e), opts);
    win.addEventListener('resize', () => this.invalidate(), opts);
    signal.addEventListener('abort', () => {
      this.#io?.disconnect();
      this.#cancel();
      this.#release();
    });
  }

  /** A mention's mark changed: register or unregister it with the next flush. */
  touch(m: PageMention): void {
    this.#dirty.add(m);
    // A marked mention of a block the band has not seen: is the block near the viewport?
    if (m.paintedAs !== null && !this.#band.has(m.block) && !this.#stale && !this.#observeBlock(m.block)) this.#stale = true;
    this.#request();
  }

  // New blocks (infinite scroll, a live blog) are checked by an IntersectionObserver,
  // which the browser runs with its own rendering: rect reads while the page keeps
  // changing its DOM would force layouts (long tasks of ours on a big page).
  #io: IntersectionObserver | null = null;
  #watched = new Map<Element, Set<TrackedBlock>>();

  /** Watch a new block's element; false when there is no IntersectionObserver (the band is recomputed instead). */
  #observeBlock(b: TrackedBlock): boolean {
    const IO = this.env.win.IntersectionObserver;
    const el = b.nodes[0]?.parentElement;
    // Many at once (a full read): one binary search over the rects is cheaper.
    if (typeof IO !== 'function' || !el || this.#watched.size >= MAX_WATCHED) return false;
    this.#io ??= new IO((entries) => this.#onIntersections(entries), { rootMargin: `${(this.env.margin ?? WINDOW_MARGIN) * 100}% 0px` });
    let set = this.#watched.get(el);
    if (!set) {
      this.#watched.set(el, (set = new Set()));
      this.#io.observe(el);
    }
    set.add(b);
    return true;
  }

  #onIntersections(entries: IntersectionObserverEntry[]): void {
    let any = false;
    for (const e of entries) {
      const blocks = this.#watched.get(e.target);
      this.#watched.delete(e.target);
      this.#io?.unobserve(e.target);
      if (!blocks || !e.isIntersecting) continue;
      for (const b of blocks) {
        if (!b.alive || this.#band.has(b)) continue;
        if (b.mentions.length > BLOCK_CAP) {
          // A huge block: which of its mentions are near needs the band's rect reads.
          this.#stale = true;
          any = true;
          continue;
        }
        this.#band.add(b);
        for (const m of b.mentions) this.#dirty.add(m);
        any = true;
      }
    }
    if (any) this.#request();
  }

  /** The layout or the set of blocks changed: recompute the band with the next flush. */
  invalidate(): void {
    this.#stale = true;
    this.#request();
  }

  /** Is the block's range registered (when marked)? */
  contains(block: TrackedBlock): boolean {
    return this.#band.has(block);
  }

  /** Blocks in the band now. */
  get size(): number {
    return this.#band.size;
  }

  /** Is a flush queued? */
  get pending(): boolean {
    return this.#cancelFrame !== null || this.#timer !== 0 || this.#task;
  }

  /** Resolves once the queued changes are registered (at once when none are queued). */
  settled(): Promise<void> {
    if (!this.pending) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  /** Apply the queued changes now. */
  flush(): void {
    this.#cancel();
    if (this.env.signal.aborted) return this.#release();
    const { show } = this.env;
    let changed = this.#dirty.size > 0;
    if (this.#stale) {
      this.#stale = false;
      const next = this.#computeBand();
      for (const b of this.#band) {
        if (next.has(b)) continue;
        if (b.mentions.length > BLOCK_CAP) this.#applySlice(b, null);
        else for (const m of b.mentions) show(m, null);
        changed = true;
      }
      for (const b of next) {
        if (b.mentions.length > BLOCK_CAP) {
          // Huge blocks: their slice follows the viewport even while the block stays in the band.
          this.#applySlice(b, b.alive ? this.#sliceOf(b) : null);
          changed = true;
          continue;
        }
        if (this.#band.has(b)) continue;
        for (const m of b.mentions) show(m, b.alive ? m.paintedAs : null);
        changed = true;
      }
      this.#band = next;
    }
    for (const m of this.#dirty) show(m, m.block.alive && this.#band.has(m.block) && this.#inSlice(m) ? m.paintedAs : null);
    this.#dirty.clear();
    this.flushes++;
    if (changed) this.env.onFlush?.();
    this.#release();
  }

  /** Forget everything (the painter is cleared separately). */
  clear(): void {
    this.#io?.disconnect();
    this.#watched.clear();
    this.#slices.clear();
    this.#band.clear();
    this.#dirty.clear();
    this.#stale = true;
  }

  #computeBand(): Set<TrackedBlock> {
    const { win } = this.env;
    const vh = win.innerHeight || win.document.documentElement.clientHeight || 800;
    const margin = (this.env.margin ?? WINDOW_MARGIN) * vh;
    this.#scrollY = win.scrollY;
    const extentOf = this.env.extentOf ?? ((b: TrackedBlock) => this.#extent(b));
    return new Set(blocksInBand(this.env.blocks(), extentOf, -margin, vh + margin));
  }

  /** From the first mention's start to the last one's end (one reused Range: no live ranges left behind). */
  #extent(b: TrackedBlock): Band | null {
    const first = b.mentions[0];
    const last = b.mentions[b.mentions.length - 1];
    if (!first || !last || !first.startNode.isConnected) return null;
    try {
      const r = (this.#range ??= this.env.win.document.createRange());
      if (b.mentions.length > BLOCK_CAP) {
        // A huge block (a line of 30,000 links): the rects of its first and last
        // mention, not of a range over all of it (measured: 170 ms in one task).
        r.setStart(first.startNode, first.startOffset);
        r.setEnd(first.endNode, first.endOffset);
        const top = r.getBoundingClientRect();
        r.setStart(last.startNode, last.startOffset);
        r.setEnd(last.endNode, last.endOffset);
        const bottom = r.getBoundingClientRect();
        return top.height === 0 && bottom.height === 0 ? null : { top: top.top, bottom: bottom.bottom };
      }
      r.setStart(first.startNode, first.startOffset);
      r.setEnd(last.endNode, last.endOffset);
      const rect = r.getBoundingClientRect();
      return rect.width === 0 && rect.height === 0 && rect.top === 0 ? null : { top: rect.top, bottom: rect.bottom };
    } catch {
      return null; // the text changed under the mention (it is re-read): no extent
    }
  }

  #onScroll(e: Event): void {
    const { win } = this.env;
    const t = e.target;
    if (t === win.document || t === win || t === win.document.documentElement || t === win.document.body) {
      const vh = win.innerHeight || 800;
      if (Math.abs(win.scrollY - this.#scrollY) < WINDOW_SLACK * vh) return;
    }
    this.invalidate();
  }

  /** A plain-task flush is queued (see request). */
  #task = false;

  #request(): void {
    if (this.env.signal.aborted) return;
    if (!this.#stale) {
      // No rect reads needed: a plain task, no frame callback.
      if (this.#cancelFrame !== null || this.#task) return;
      this.#task = true;
      this.#post();
      return;
    }
    this.#requestFrame();
  }

  #requestFrame(): void {
    if (this.#cancelFrame !== null || this.env.signal.aborted) return;
    const { win } = this.env;
    // Right after the next frame (a fresh task once it has rendered): the layout is
    // clean then, so the band's rect reads force no layout of the page's changes
    // (that would be a long task of ours); the changes render with the frame after.
    this.#cancelFrame = afterNextFrame(win, () => {
      this.#cancelFrame = null;
      this.flush();
    });
    this.#timer = win.setTimeout(() => {
      this.#timer = 0;
      this.flush();
    }, FRAME_FALLBACK_MS);
  }

  #poster: ((fn: () => void) => void) | null = null;
  /** Cancels the pending frame-aligned flush; null when none is queued. */
  #cancelFrame: (() => void) | null = null;

  /** Queue onTask() as a task of its own. */
  #post(): void {
    this.#poster ??= taskPoster(this.env.win, this.env.signal);
    this.#poster(() => this.#onTask());
  }

  /** The plain-task flush. */
  #onTask(): void {
    if (!this.#task) return;
    this.#task = false;
    // A frame-aligned flush is queued: it applies these changes too.
    if (this.#cancelFrame !== null) return;
    // Marks that came meanwhile may need the band recomputed: that waits for a frame.
    if (this.#stale) this.#requestFrame();
    else this.flush();
  }

  #cancel(): void {
    this.#cancelFrame?.();
    this.#cancelFrame = null;
    if (this.#timer !== 0) this.env.win.clearTimeout(this.#timer);
    this.#timer = 0;
    this.#task = false;
  }

  #release(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const w of waiters) w();
  }
}
