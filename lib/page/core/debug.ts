// The debug build's own record of what the hover and the card did, for the
// tests and the benchmark (`npm run build:debug`, `globalThis.__backstory` in
// lib/page/core/app.ts). It is kept in memory in the content script's JS world,
// never in the page's performance timeline (a page reads that timeline).
// Release builds (`wxt build`, mode 'production') contain none of it: every
// use sits behind `if (DEBUG)`, a constant the bundler folds and drops.
// The content script and the card chunk are separate bundles in the same JS
// world: they share the record through one slot on that world's global object.

/// <reference types="vite/client" />

/**
 * True in debug builds (and tests): false in the release build, where the code
 * it guards is removed. `import.meta.env.MODE` is Vite's mode, replaced by a
 * literal at build time: 'production' for `wxt build`, 'debug' for
 * `wxt build --mode debug`, 'test' under vitest.
 */
export const DEBUG: boolean = import.meta.env.MODE !== 'production';

/** One recorded moment: what happened, when (performance.now() of this world), and a detail. */
export interface DebugEvent {
  name: string;
  at: number;
  detail?: unknown;
}

export interface DebugTimeline {
  events: DebugEvent[];
  /** Called synchronously at each event (the benchmark's probe times what follows it). */
  listeners: Set<(event: DebugEvent) => void>;
}

/** Enough for a test or a benchmark run; the oldest events are dropped beyond it. */
const MAX_EVENTS = 5000;
const SLOT = '__backstoryTimeline';

/** The world's timeline (debug builds only). */
export function debugTimeline(g: object = globalThis): DebugTimeline {
  const slot = g as { [SLOT]?: DebugTimeline };
  return (slot[SLOT] ??= { events: [], listeners: new Set() });
}

/** Record `name` in the debug timeline; does nothing (and is removed) in release builds. */
export function debugMark(name: string, detail?: unknown): void {
  if (!DEBUG) return;
  const timeline = debugTimeline();
  const event: DebugEvent = detail === undefined ? { name, at: performance.now() } : { name, at: performance.now(), detail };
  timeline.events.push(event);
  if (timeline.events.length > MAX_EVENTS) timeline.events.splice(0, timeline.events.length - MAX_EVENTS);
  for (const listener of timeline.listeners) listener(event);
}
