// The highlight window never runs script inside a frame's rendering task: a
// requestAnimationFrame callback there makes Chromium report the page's own
// style and layout as a long task (docs/PERFORMANCE.md, mutation storm). New
// marks are registered in a plain task; a band recomputation waits for the
// task after the next frame (an IntersectionObserver's first notification).
import { describe, expect, it, vi } from 'vitest';
import { afterNextFrame } from '../../lib/page/core/after-frame';
import { HighlightWindow } from '../../lib/page/core/highlight-window';
import type { PageMention, TrackedBlock } from '../../lib/page/core/marks';

/** A window with an IntersectionObserver we trigger by hand ("the frame rendered"). */
function fakeWindow() {
  const observers: { cb: () => void; connected: boolean }[] = [];
  class FakeIO {
    private rec: { cb: () => void; connected: boolean };
    constructor(cb: () => void) {
      this.rec = { cb, connected: false };
      observers.push(this.rec);
    }
    observe() {
      this.rec.connected = true;
    }
    unobserve() {}
    disconnect() {
      this.rec.connected = false;
    }
  }
  const win = {
    requestAnimationFrame: vi.fn(() => 1),
    cancelAnimationFrame: vi.fn(),
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms) as unknown as number,
    clearTimeout: (id: number) => clearTimeout(id as unknown as NodeJS.Timeout),
    MessageChannel,
    IntersectionObserver: FakeIO,
    addEventListener: () => {},
    innerHeight: 800,
    scrollY: 0,
    document: { documentElement: {}, createRange: () => null },
  };
  /** Render "a frame": every connected observer gets its notification. */
  const frame = () => {
    for (const o of observers.filter((x) => x.connected)) o.cb();
  };
  return { win: win as unknown as Window & typeof globalThis, frame, raf: win.requestAnimationFrame, observers };
}

function blockWithMention(): { block: TrackedBlock; m: PageMention } {
  const block = { nodes: [], text: 'Putin', mentions: [] as PageMention[], alive: true } as TrackedBlock;
  const m = { id: 1, paintedAs: 'backstory-person', shownAs: null, block } as unknown as PageMention;
  block.mentions.push(m);
  return { block, m };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('highlight window scheduling', () => {
  it('recomputes the band after a frame, never in a requestAnimationFrame callback', async () => {
    const { win, frame, raf } = fakeWindow();
    const { block, m } = blockWithMention();
    // What is registered, as the painter keeps it (show is idempotent).
    const registered = new Map<PageMention, string | null>();
    const hw = new HighlightWindow({
      win,
      signal: new AbortController().signal,
      blocks: () => [block],
      show: (mm, name) => registered.set(mm, name),
      extentOf: () => ({ top: 10, bottom: 20 }),
    });
    hw.touch(m);
    await tick();
    expect(registered.size).toBe(0); // waits for the frame
    frame();
    expect(registered.get(m)).toBe('backstory-person');
    expect(raf).not.toHaveBeenCalled();
    expect(hw.pending).toBe(false);
  });

  it('registers new marks of a page that keeps changing in a plain task, with no frame callback', async () => {
    const { win, frame, raf } = fakeWindow();
    const first = blockWithMention();
    const blocks = [first.block];
    const registered = new Map<PageMention, string | null>();
    const hw = new HighlightWindow({
      win,
      signal: new AbortController().signal,
      blocks: () => blocks,
      show: (m, name) => registered.set(m, name),
      extentOf: () => ({ top: 10, bottom: 20 }),
    });
    hw.touch(first.m);
    frame();
    expect(registered.get(first.m)).toBe('backstory-person');
    // The band is known now: a change to a mention of a block in it needs no rects.
    (first.m as { paintedAs: string | null }).paintedAs = 'backstory-place';
    hw.touch(first.m);
    expect(hw.pending).toBe(true);
    expect(registered.get(first.m)).toBe('backstory-person'); // not yet: a task away
    await tick();
    expect(registered.get(first.m)).toBe('backstory-place');
    expect(hw.pending).toBe(false);
    expect(raf).not.toHaveBeenCalled();
  });

  it('afterNextFrame falls back to a frame callback then a task where there is no IntersectionObserver', async () => {
    const { win } = fakeWindow();
    const calls: string[] = [];
    let rafCb: (() => void) | null = null;
    const bare = { ...win, IntersectionObserver: undefined, requestAnimationFrame: (cb: () => void) => ((rafCb = cb), 7) } as unknown as Window & typeof globalThis;
    afterNextFrame(bare, () => calls.push('after'));
    expect(calls).toEqual([]);
    rafCb!();
    expect(calls).toEqual([]); // not inside the frame callback
    await tick();
    expect(calls).toEqual(['after']);
  });

  it('a cancelled afterNextFrame never runs', () => {
    const { win, frame } = fakeWindow();
    const calls: string[] = [];
    const cancel = afterNextFrame(win, () => calls.push('after'));
    cancel();
    frame();
    expect(calls).toEqual([]);
  });
});
