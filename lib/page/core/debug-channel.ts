// The test/debug channel, in debug builds only (`npm run build:debug`; app.ts
// calls this under `if (DEBUG)`, so the release build drops it):
// `globalThis.__backstory` in the content script's JS world, which the page
// cannot reach. Timings are kept in memory (debug.ts), never in the page's
// performance timeline.
import type { Settings } from '../../shared/settings';
import { debugTimeline, type DebugEvent } from './debug';
import { DEFAULT_NAMES, type HighlightNames } from './highlight-css';
import { mentionAtPoint } from './hit-test';
import type { CardChunk, CardChunkStats } from './lazy-card';
import type { PageMention } from './marks';
import type { Session } from './session';

/** What the debug channel reports per mark. */
export interface MarkRecord {
  text: string;
  entity: string | null;
  reason: string;
  alias: string;
  highlight: string | null;
  candidates?: string[];
}

export interface DebugChannelEnv {
  doc: Document;
  win: Window & typeof globalThis;
  session: () => Session | null;
  /** Resolves once the current start (matcher load, first read) is done. */
  starting: () => Promise<void> | null;
  settings: () => Settings;
  highlightNames: () => HighlightNames;
  chunk: CardChunk;
}

export function installDebugChannel(env: DebugChannelEnv): void {
  const { doc, win, session } = env;
  // Marks are reported under their readable names (backstory-person, …), whatever this install's names are.
  const readable = (name: string | null) => {
    const i = name === null ? -1 : env.highlightNames().all.indexOf(name);
    return i < 0 ? name : DEFAULT_NAMES.all[i]!;
  };
  const marks = (all: boolean): MarkRecord[] => {
    const s = session();
    return (s ? (all ? s.reader.all() : s.reader.marked()) : []).map((m) => ({
      text: m.surface,
      entity: m.entityId,
      reason: m.reason,
      alias: m.alias,
      highlight: readable(m.paintedAs),
      ...(m.entityId === null ? { candidates: [...m.candidates] } : {}),
    }));
  };
  (win as unknown as { __backstory?: unknown }).__backstory = {
    active: () => session() !== null,
    idle: async () => {
      await env.starting();
      await session()?.reader.idle();
    },
    marks: () => marks(false),
    allMentions: () => marks(true),
    stats: () => {
      const s = session();
      return s ? { ...s.reader.stats, highlights: s.reader.painter.snapshot() } : null;
    },
    /** The card chunk's load: state, and when it was asked for and arrived (performance.now()). */
    cardChunk: (): CardChunkStats => ({ ...env.chunk.stats }),
    card: () => {
      const c = session()?.card;
      return c?.mention ? { text: c.mention.surface, entity: c.mention.entityId, pinned: c.pinned } : null;
    },
    /** The settings in force in this page (after live changes arrived). */
    settings: (): Settings => env.settings(),
    /** What the pointer, the hover intent and the card did, in order (debug.ts); `since`: only events after this index. */
    timeline: (since = 0): DebugEvent[] => debugTimeline().events.slice(since),
    /** Call `listener` at each new timeline event (the benchmark's probe); returns the remover. */
    onTimeline: (listener: (event: DebugEvent) => void) => {
      const { listeners } = debugTimeline();
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Is a hover dwell or a grace period running (something may still open or close a card by itself)? */
    hover: () => {
      let dwelling = false;
      let grace = false;
      for (const { name } of debugTimeline().events) {
        if (name.startsWith('dwell-')) dwelling = name === 'dwell-start';
        else if (name.startsWith('grace-')) grace = name === 'grace-start';
      }
      return { dwelling, grace };
    },
    /** Mean cost of one hit test at (x, y), in microseconds, over n calls. */
    benchHit: (x: number, y: number, n = 1000) => {
      const s = session();
      if (!s) return null;
      const isMarked = (pm: PageMention) => pm.paintedAs !== null;
      const t0 = win.performance.now();
      let hit: PageMention | null = null;
      for (let i = 0; i < n; i++) hit = mentionAtPoint(doc, s.reader.index, x, y, isMarked);
      const us = ((win.performance.now() - t0) * 1000) / n;
      return { us, hit: hit ? hit.surface : null };
    },
  };
}
