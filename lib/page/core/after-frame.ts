// "Run this right after the next frame", without a requestAnimationFrame
// callback. A rAF callback runs inside the frame's rendering task, and Chromium
// reports that whole task, the page's own style and layout included (~45 ms a
// frame while a 5 MB page grows), as a long task once any script ran in it. An
// IntersectionObserver's first notification comes in a task of its own after
// the rendering update that computed it: the layout is clean then (rect reads
// force none) and the frame stays the page's. Hidden tabs render no frames:
// callers keep a timer fallback.

/** Call `fn` in a task after the next rendering update; returns a canceller. */
export function afterNextFrame(win: Window & typeof globalThis, fn: () => void): () => void {
  const IO = win.IntersectionObserver;
  const target = win.document.documentElement;
  if (typeof IO === 'function' && target) {
    let done = false;
    const io = new IO(() => {
      io.disconnect();
      if (done) return;
      done = true;
      fn();
    });
    io.observe(target);
    return () => {
      done = true;
      io.disconnect();
    };
  }
  // No IntersectionObserver (old engines, test doubles): the frame, then a task.
  let cancelled = false;
  const id = win.requestAnimationFrame(() => win.setTimeout(() => cancelled || fn(), 0));
  return () => {
    cancelled = true;
    win.cancelAnimationFrame(id);
  };
}
