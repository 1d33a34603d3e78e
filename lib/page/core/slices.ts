// Running page work in short slices so the page never sees a long task
// (a task of 50 ms or more). Work yields to the browser every `budgetMs`
// (default 5 ms) with `scheduler.yield()` where it exists (it keeps our place in
// the task queue ahead of new tasks of the same priority), with a MessageChannel
// message at least once a frame (so the page still renders while we read), and
// with messages only where there is no scheduler.yield (no 4 ms clamping,
// unlike setTimeout). Everything takes an
// AbortSignal: an aborted run stops at the next item and resolves `false`.

export const SLICE_BUDGET_MS = 5;

interface SchedulerLike {
  yield?: () => Promise<void>;
}

/** A function that returns a promise resolving on a fresh task. */
export type YieldFn = () => Promise<void>;

/**
 * A function that runs its argument in a task of its own: a MessageChannel
 * message (no timer clamping), setTimeout where there is no MessageChannel.
 * The channel is made on first use and closed with `signal` (an open port with
 * a listener stays alive).
 */
export function taskPoster(win: Window & typeof globalThis, signal?: AbortSignal): (fn: () => void) => void {
  const MC = win.MessageChannel;
  if (typeof MC !== 'function') return (fn) => void win.setTimeout(fn, 0);
  let channel: MessageChannel | null = null;
  const waiting: (() => void)[] = [];
  signal?.addEventListener('abort', () => channel?.port1.close(), { once: true });
  return (fn) => {
    if (!channel) {
      channel = new MC();
      channel.port1.onmessage = () => waiting.shift()?.();
    }
    waiting.push(fn);
    channel.port2.postMessage(null);
  };
}

/** The best way to yield in this window. */
export function yielder(win: Window & typeof globalThis, signal?: AbortSignal): YieldFn {
  const scheduler = (win as unknown as { scheduler?: SchedulerLike }).scheduler;
  const post = taskPoster(win, signal);
  const plain: YieldFn = () => new Promise<void>((resolve) => post(resolve));
  if (!scheduler || typeof scheduler.yield !== 'function') return plain;
  const y = scheduler.yield.bind(scheduler);
  // scheduler.yield's continuations run ahead of the page's frames (Chromium
  // renders only every ~100 ms while they chain): once a frame's worth of
  // time has passed, yield with a plain task instead, so the page can render.
  const now = () => win.performance.now();
  let lastTask = now();
  return () => {
    const t = now();
    if (t - lastTask < FRAME_MS) return y();
    lastTask = t;
    return plain();
  };
}

/** A frame at 60 Hz (ms). */
const FRAME_MS = 16;

export interface SliceEnv {
  /** Yield to the browser (see `yielder`). */
  yieldFn: YieldFn;
  now: () => number;
  signal: AbortSignal;
  budgetMs?: number;
}

/** A time-budgeted loop: call `tick()` after each unit of work; it yields when the slice is spent. */
export class Slicer {
  #sliceStart: number;
  /** Longest slice seen (ms), for tests and the debug channel. */
  longest = 0;
  /** What the longest slice was doing (the caller labels its phases). */
  longestPhase = '';
  phase = '';
  slices = 1;

  constructor(private readonly env: SliceEnv) {
    this.#sliceStart = env.now();
  }

  get aborted(): boolean {
    return this.env.signal.aborted;
  }

  /** Yield if the current slice is over budget. Resolves false when aborted. */
  async tick(): Promise<boolean> {
    if (this.env.signal.aborted) return false;
    const now = this.env.now();
    const spent = now - this.#sliceStart;
    if (spent >= (this.env.budgetMs ?? SLICE_BUDGET_MS)) {
      if (spent > this.longest) {
        this.longest = spent;
        this.longestPhase = this.phase;
      }
      await this.env.yieldFn();
      this.slices++;
      this.#sliceStart = this.env.now();
    }
    return !this.env.signal.aborted;
  }

  /** Is the slice over budget (without yielding)? Lets a tight loop check cheaply. */
  due(): boolean {
    return this.env.now() - this.#sliceStart >= (this.env.budgetMs ?? SLICE_BUDGET_MS);
  }

  /** Start a fresh slice (after awaiting something else, e.g. a message). */
  reset(): void {
    this.#sliceStart = this.env.now();
  }

  /** Close the current slice (at the end of a run): counts it for `longest`. */
  finish(): void {
    const spent = this.env.now() - this.#sliceStart;
    if (spent > this.longest) {
      this.longest = spent;
      this.longestPhase = this.phase;
    }
  }
}

/** Apply `fn` to every item, in slices. Resolves true when all were done, false when aborted. */
export async function runInSlices<T>(items: Iterable<T>, fn: (item: T) => void, env: SliceEnv): Promise<boolean> {
  const slicer = new Slicer(env);
  for (const item of items) {
    if (!(await slicer.tick())) return false;
    fn(item);
  }
  return !env.signal.aborted;
}
