// Time-sliced work (lib/page/core/slices.ts) with a fake clock.
import { describe, expect, it } from 'vitest';
import { runInSlices, Slicer, yielder } from '../../lib/page/core/slices';

function clock() {
  let t = 0;
  const yields: number[] = [];
  return {
    now: () => t,
    advance: (ms: number) => (t += ms),
    yieldFn: async () => {
      yields.push(t);
    },
    yields,
  };
}

describe('slices', () => {
  it('yields once a slice has used its budget, and counts slices', async () => {
    const c = clock();
    const s = new Slicer({ now: c.now, yieldFn: c.yieldFn, signal: new AbortController().signal, budgetMs: 5 });
    for (let i = 0; i < 10; i++) {
      c.advance(2);
      if (s.due()) await s.tick();
    }
    expect(c.yields).toEqual([6, 12, 18]);
    expect(s.slices).toBe(4);
    expect(s.longest).toBe(6);
  });

  it('runInSlices does every item and stops when aborted', async () => {
    const c = clock();
    const done: number[] = [];
    const ok = await runInSlices([1, 2, 3], (x) => (c.advance(10), done.push(x)), { now: c.now, yieldFn: c.yieldFn, signal: new AbortController().signal });
    expect(ok).toBe(true);
    expect(done).toEqual([1, 2, 3]);

    const controller = new AbortController();
    const some: number[] = [];
    const stopped = await runInSlices(
      [1, 2, 3, 4],
      (x) => {
        some.push(x);
        if (x === 2) controller.abort();
      },
      { now: c.now, yieldFn: c.yieldFn, signal: controller.signal },
    );
    expect(stopped).toBe(false);
    expect(some).toEqual([1, 2]);
  });
});

describe('yielder', () => {
  it('yields with scheduler.yield, and with a plain task once a frame’s worth of time has passed (so the page can render)', async () => {
    let t = 0;
    const used: string[] = [];
    const win = {
      scheduler: { yield: async () => void used.push('scheduler.yield') },
      MessageChannel: class {
        port1: { onmessage: (() => void) | null } = { onmessage: null };
        port2 = { postMessage: () => (used.push('task'), queueMicrotask(() => this.port1.onmessage?.())) };
      },
      performance: { now: () => t },
      setTimeout,
    } as unknown as Window & typeof globalThis;
    const y = yielder(win);
    for (const step of [5, 5, 5, 5, 5, 5, 5, 5]) {
      t += step;
      await y();
    }
    // 5-ms slices: scheduler.yield continuations, and a plain task at 20 ms and at 40 ms (16 ms or more after the last one).
    expect(used).toEqual(['scheduler.yield', 'scheduler.yield', 'scheduler.yield', 'task', 'scheduler.yield', 'scheduler.yield', 'scheduler.yield', 'task']);
  });
});
