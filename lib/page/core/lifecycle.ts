// The content script's lifecycle, our own instead of WXT's.
//
// WXT 0.21's ContentScriptContext announces every content script to the page:
// its constructor posts `window.postMessage({ type: '<extension id>:content:
// wxt:content-script-started', … }, '*')` and dispatches a CustomEvent of that
// name on `document`, and it aborts when the page dispatches that event
// itself. So a page script learns that Backstory is installed, and its id, and
// can switch it off (issue #17; WXT has no option to turn this off in 0.21,
// upstream PR #2265 adds one later). wxt.config.ts resolves WXT's
// `wxt/utils/content-script-context` to this module in the content script's
// bundle, so the `ctx` WXT builds is the inert class below, and the entrypoint
// takes its AbortSignal from `watchLifecycle`.

/** Stands in for WXT's ContentScriptContext: same constructor, no messages, no listeners. */
export class ContentScriptContext {
  readonly #controller = new AbortController();
  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {}
  get signal(): AbortSignal {
    return this.#controller.signal;
  }
}

export interface LifecycleEnv {
  win: Window;
  doc: Document;
  /** Is the extension context still valid? (`browser.runtime.id` becomes undefined after an update or removal.) */
  runtimeAlive(): boolean;
}

export interface Lifecycle {
  /** Aborted once the extension context is gone or the page is unloaded for good. */
  signal: AbortSignal;
  /** Check now (call after a failed message to the background). */
  check(): void;
}

/**
 * An AbortSignal for the content script's life. Checks the extension context
 * when the page comes back into view or focus and after a failed message (the
 * moments our code would act again), and ends with the document (a page
 * hidden into the back/forward cache keeps running).
 */
export function watchLifecycle(env: LifecycleEnv): Lifecycle {
  const controller = new AbortController();
  const { signal } = controller;
  const check = () => {
    if (!signal.aborted && !env.runtimeAlive()) controller.abort();
  };
  const options = { capture: true, passive: true, signal };
  env.doc.addEventListener('visibilitychange', check, options);
  env.win.addEventListener('focus', check, options);
  env.win.addEventListener('pageshow', check, options);
  env.win.addEventListener(
    'pagehide',
    (e: PageTransitionEvent) => {
      // A page script can dispatch a 'pagehide' of its own: only the browser's counts.
      if (e.isTrusted && !e.persisted) controller.abort();
    },
    options,
  );
  return { signal, check };
}
