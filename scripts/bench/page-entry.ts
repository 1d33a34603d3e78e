// The in-page half of the benchmark: bundled by esbuild into an IIFE and
// injected into a generated page. It drives the extension's OWN code: the
// matcher (lib/match), the block reader and spotting (lib/page/core/text-blocks,
// spot), the page reader with its time-sliced scheduler and MutationObserver
// queueing (lib/page/core/reader, slices), the painter (CSS Custom Highlights,
// lib/page/core/marks) and the hover hit test (lib/page/core/hit-test). Nothing here
// re-implements them; it only times them. Exposed as `window.__bench`.
import type { EntityType } from '../../lib/kb/schema';
import { hydrateMatcher, type Matcher } from '../../lib/match/compile';
import { createContextState } from '../../lib/match/resolve';
import { scan } from '../../lib/match/scan';
import type { CompiledMatcher } from '../../lib/match/types';
import { afterNextFrame } from '../../lib/page/core/after-frame';
import { highlightCss } from '../../lib/page/core/highlight-css';
import { mentionAtPoint, mentionRange } from '../../lib/page/core/hit-test';
import { useArticleRegion, type HighlightEnv, type PageMention } from '../../lib/page/core/marks';
import { createPageReader, type PageReader } from '../../lib/page/core/reader';
import { linkText } from '../../lib/link/linker';
import { spotText, useLinker } from '../../lib/page/core/spot';
import { hidingRules } from '../../lib/page/core/hiding-rules';
import { ArticleRegion } from '../../lib/page/core/article-region';
import { collectTextBlocks, useHidingRules } from '../../lib/page/core/text-blocks';
import { READER_DEFAULTS } from '../../lib/page/core/reader-settings';

/** The name of the window property this bundle installs (esbuild `define`; two copies can share a page). */
declare const __BENCH_GLOBAL__: string;

const ALL_TYPES: EntityType[] = ['person', 'organisation', 'place', 'weapon', 'event', 'agreement'];

interface Loaded {
  matcher: Matcher;
  typeOf: (id: string) => EntityType | undefined;
}

// As the content script runs once its engine chunk is in: the page's hiding rules known.
useHidingRules(hidingRules);
useArticleRegion((doc) => new ArticleRegion(doc));
// And the page linker (lib/link), as every page runs it: the matchers carry link data (CompiledMatcher.link).
useLinker(linkText);

const matchers = new Map<string, Loaded>();
let live: { reader: PageReader; abort: AbortController } | null = null;
const longTasks: { start: number; duration: number }[] = [];
/** Long animation frames (≥ 50 ms, rendering included: the Long Tasks API leaves most rendering out). */
const longFrames: { start: number; duration: number; renderMs: number }[] = [];

/** Long tasks and long frames that started at or after t0, as durations (ms). */
function since(t0: number) {
  return {
    longTasks: longTasks.filter((t) => t.start >= t0).map((t) => t.duration),
    longFrames: longFrames.filter((f) => f.start >= t0).map((f) => f.duration),
    longFrameRenderMs: longFrames.filter((f) => f.start >= t0).map((f) => f.renderMs),
  };
}

const gc = (): void => (window as unknown as { gc?: () => void }).gc?.();
const now = (): number => performance.now();

function typeFn(types: Record<string, EntityType> | null): (id: string) => EntityType | undefined {
  // A Map lookup, as in the content script (lib/page/core/app.ts keeps the types it has loaded in a Map).
  const map = new Map<string, EntityType>(types ? Object.entries(types) : []);
  if (types) return (id) => map.get(id);
  // Synthetic entities: spread over the six types (same rule as scripts/bench/gen.ts), computed once per id.
  return (id) => {
    let t = map.get(id);
    if (t === undefined) {
      let h = 0;
      for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) | 0;
      t = ALL_TYPES[Math.abs(h) % ALL_TYPES.length]!;
      map.set(id, t);
    }
    return t;
  };
}

/** The painter's environment, as the content script sets it up: the page's highlight registry, StaticRanges. */
function highlightEnv(): HighlightEnv {
  return {
    registry: CSS.highlights,
    createHighlight: () => new Highlight(),
    makeRange: (m: PageMention) => new StaticRange({ startContainer: m.startNode, startOffset: m.startOffset, endContainer: m.endNode, endOffset: m.endOffset }),
  };
}

/**
 * Which mentions the reader marks: 'default', the reader's default settings
 * (lib/page/core/reader-settings.ts READER_DEFAULTS: the first mention of each
 * entity in the article body, very common places left out); 'every', every
 * mention on the page. Either way the whole page is read and every mention tracked.
 */
export type Marking = 'default' | 'every';

function makeReader(name: string, opts: { sliced: boolean; marking?: Marking }): { reader: PageReader; abort: AbortController } {
  const loaded = matchers.get(name);
  if (!loaded) throw new Error(`no matcher ${name}`);
  const abort = new AbortController();
  const reader = createPageReader(
    {
      doc: document,
      win: window,
      signal: abort.signal,
      matcher: loaded.matcher,
      spot: spotText,
      settings: () => (opts.marking === 'default' ? READER_DEFAULTS : { entityTypes: ALL_TYPES, markMode: 'every' }),
      loadTypes: async () => undefined,
      typeOf: loaded.typeOf,
      // Unsliced: one pass, to compare main-thread work with the bare walk.
      ...(opts.sliced ? {} : { budgetMs: Number.POSITIVE_INFINITY }),
    },
    highlightEnv(),
  );
  return { reader, abort };
}

function disposeLive(): void {
  if (!live) return;
  live.abort.abort();
  live.reader.dispose();
  live = null;
}

/** Force style and layout (so DOM-mutating highlighters pay their layout inside the timing, as on a real page). */
function forceLayout(): number {
  return document.body.offsetHeight + document.body.getBoundingClientRect().height;
}

const api = {
  setup(): void {
    const style = document.createElement('style');
    style.textContent = highlightCss('underline');
    document.head.append(style);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { renderStart?: number })[]) {
        const renderMs = e.renderStart ? e.startTime + e.duration - e.renderStart : 0;
        longFrames.push({ start: e.startTime, duration: e.duration, renderMs });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  },

  /** Fetch a compiled matcher (JSON) and hydrate it, as the content script does. */
  async loadMatcher(name: string, url: string, typesUrl: string | null): Promise<{ hydrateMs: number; parseMs: number; aliases: number; bytes: number }> {
    const text = await (await fetch(url)).text();
    const types = typesUrl ? ((await (await fetch(typesUrl)).json()) as Record<string, EntityType>) : null;
    const t0 = now();
    // The JSON form or the packed form (lib/match/packed.ts): hydrateMatcher takes either.
    const compiled = JSON.parse(text) as CompiledMatcher;
    const t1 = now();
    const matcher = hydrateMatcher(compiled);
    const t2 = now();
    matchers.set(name, { matcher, typeOf: typeFn(types) });
    return { parseMs: t1 - t0, hydrateMs: t2 - t1, aliases: matcher.aliasCount, bytes: text.length };
  },

  dropMatcher(name: string): void {
    matchers.delete(name);
  },

  /** The floor: a bare TreeWalker over every text node of the body, reading its data. */
  floor(): { ms: number; nodes: number; chars: number } {
    gc();
    forceLayout();
    const t0 = now();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let nodes = 0;
    let chars = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes++;
      chars += (n as Text).data.length;
    }
    forceLayout();
    return { ms: now() - t0, nodes, chars };
  },

  /** Diagnostics: the block reader alone (lib/page/core/text-blocks), no matching. */
  blocksOnly(): { ms: number; blocks: number; chars: number } {
    gc();
    const t0 = now();
    let blocks = 0;
    let chars = 0;
    for (const b of collectTextBlocks(document.body, document)) {
      blocks++;
      chars += b.text.length;
    }
    return { ms: now() - t0, blocks, chars };
  },

  /** Diagnostics: block reader + scan + the page linker (spotText), no index, no painting. */
  blocksAndSpot(name: string, opts: { title?: boolean } = {}): { ms: number; mentions: number; scanOnlyMs: number; rawMatches: number } {
    const m = matchers.get(name)!.matcher;
    gc();
    const t0 = now();
    // `title`: the page title in the state, as the reader starts a full read (lib/page/core/reader.ts).
    const state = opts.title ? { ...createContextState(), title: document.title } : createContextState();
    let mentions = 0;
    const texts: string[] = [];
    for (const b of collectTextBlocks(document.body, document)) {
      mentions += spotText(m, b.text, state).length;
      texts.push(b.text);
    }
    const t1 = now();
    let raw = 0;
    for (const t of texts) raw += scan(m, t).length;
    const t2 = now();
    return { ms: t1 - t0, mentions, scanOnlyMs: t2 - t1, rawMatches: raw };
  },

  /**
   * Ours, end to end: the page reader reads the page (blocks, scan, resolve),
   * indexes the mentions and registers the highlights, unsliced (one pass, so
   * it is main-thread work comparable with the floor). Then forced layout.
   * `marking`: every mention (the default here, as the mark.js comparisons and
   * the hit test want), or the reader's default settings (`scan_vs_floor_10k`).
   */
  async ours(name: string, opts: { keep?: boolean; linker?: boolean; marking?: Marking } = {}): Promise<{ ms: number; layoutMs: number; waitMs: number; mentions: number; painted: number; blocks: number; chars: number; highlights: Record<string, number> }> {
    disposeLive();
    gc();
    forceLayout();
    // `linker: false`: the matcher's own context rules only (what the linker adds to the scan's cost).
    if (opts.linker === false) useLinker(null);
    const t0 = now();
    const r = makeReader(name, { sliced: false, marking: opts.marking ?? 'every' });
    r.reader.start();
    // The highlight window's ranges are registered right away, not with the next
    // frame: the same work, without the idle wait for a frame inside the timing.
    await r.reader.idle({ flushNow: true }).finally(() => useLinker(linkText));
    const t1 = now();
    forceLayout();
    const ms = now() - t0;
    const out = {
      ms,
      /** Of which the style + layout forced at the end (what registering the highlights left to do). */
      layoutMs: ms - (t1 - t0),
      /** Of which the wait before the read starts (the reader waits for a rendered frame: reader.ts settledLayout). */
      waitMs: r.reader.stats.scanStartedAt - t0,
      mentions: r.reader.all().length,
      painted: r.reader.marked().length,
      blocks: r.reader.stats.blocksRead,
      chars: r.reader.stats.charsRead,
      highlights: r.reader.painter.snapshot(),
    };
    if (opts.keep) live = r;
    else {
      r.abort.abort();
      r.reader.dispose();
    }
    return out;
  },

  /**
   * The real scheduler: the page reader with its default slices, from start to
   * idle, with the long tasks (≥ 50 ms) seen meanwhile. Also when the first
   * mark in the viewport was registered.
   */
  async sliced(name: string): Promise<{ wallMs: number; longTasks: number[]; longFrames: number[]; longFrameRenderMs: number[]; longestSliceMs: number; longestSlicePhase: string; slices: number; mentions: number; firstViewportMarkMs: number | null }> {
    disposeLive();
    gc();
    forceLayout();
    await new Promise((res) => setTimeout(res, 300));
    const t0 = now();
    const r = makeReader(name, { sliced: true });
    let firstViewport: number | null = null;
    const probe = () => {
      if (firstViewport !== null) return;
      // Any registered highlight range in the viewport?
      for (const m of r.reader.marked()) {
        const rect = mentionRange(document, m).getBoundingClientRect();
        if (rect.bottom > 0 && rect.top < innerHeight) {
          firstViewport = now() - t0;
          return;
        }
        if (rect.top >= innerHeight) return;
      }
    };
    let probing = true;
    const tick = () => {
      if (!probing) return;
      probe();
      if (firstViewport === null) requestAnimationFrame(tick);
    };
    // Probed in frame callbacks (a task after the frame would wait for the read's
    // scheduler.yield chain); it stops at the first mark, while frames are cheap.
    requestAnimationFrame(tick);
    r.reader.start();
    await r.reader.idle();
    probing = false;
    const wallMs = now() - t0;
    probe();
    // Let the rendering of the new highlights happen inside the window too.
    await new Promise<void>((res) => afterNextFrame(window, res));
    await new Promise((res) => setTimeout(res, 200));
    live = r;
    return {
      wallMs,
      ...since(t0),
      longestSliceMs: r.reader.stats.longestSliceMs,
      longestSlicePhase: (r.reader.stats as { longestSlicePhase?: string }).longestSlicePhase ?? '',
      slices: r.reader.stats.slices,
      mentions: r.reader.all().length,
      firstViewportMarkMs: firstViewport,
    };
  },

  /**
   * A mutation storm: `count` paragraphs appended over `durationMs` (a live blog,
   * infinite scroll), with the live reader (if any) following the page through
   * its MutationObserver. Long tasks from the first append until the reader is
   * idle again.
   */
  async storm(paragraphs: string[], count: number, durationMs: number): Promise<{ wallMs: number; longTasks: number[]; longFrames: number[]; longFrameRenderMs: number[]; mentionsBefore: number; mentionsAfter: number; batches: number }> {
    gc();
    await new Promise((res) => setTimeout(res, 300));
    const mentionsBefore = live ? live.reader.all().length : 0;
    const batchesBefore = live ? live.reader.stats.mutationBatches : 0;
    const host = document.querySelector('main') ?? document.body;
    const every = 20;
    const steps = Math.max(1, Math.round(durationMs / every));
    const perStep = Math.ceil(count / steps);
    const t0 = now();
    let added = 0;
    let k = 0;
    const parser = new DOMParser();
    await new Promise<void>((resolve) => {
      const step = () => {
        const n = Math.min(perStep, count - added);
        for (let i = 0; i < n; i++) {
          // The page's own markup (generated by the bench, trusted): parse one paragraph.
          const doc = parser.parseFromString(`<p class="update">${paragraphs[k++ % paragraphs.length]}</p>`, 'text/html');
          host.append(document.adoptNode(doc.body.firstElementChild!));
        }
        added += n;
        if (added >= count) resolve();
        else setTimeout(step, every);
      };
      step();
    });
    if (live) await live.reader.idle();
    const wallMs = now() - t0;
    await new Promise<void>((res) => afterNextFrame(window, res));
    await new Promise((res) => setTimeout(res, 200));
    return {
      wallMs,
      ...since(t0),
      mentionsBefore,
      mentionsAfter: live ? live.reader.all().length : 0,
      batches: live ? live.reader.stats.mutationBatches - batchesBefore : 0,
    };
  },

  /**
   * One pointer-move hit test (lib/page/core/hit-test.ts mentionAtPoint: caret
   * position + binary search in the node's mention offsets + rect check), at
   * points on marked mentions in the viewport and at points between them.
   */
  hitTest(calls: number): { hitUs: number; missUs: number; hits: number; points: number } {
    if (!live) throw new Error('hitTest needs a live reader (ours with keep)');
    const { reader } = live;
    const isMarked = (m: PageMention) => reader.painter.isPainted(m);
    const points: { x: number; y: number; m: PageMention }[] = [];
    for (const m of reader.marked()) {
      const rect = mentionRange(document, m).getClientRects()[0];
      if (!rect) continue;
      if (rect.top > innerHeight) break;
      if (rect.bottom < 0 || rect.width < 2) continue;
      points.push({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, m });
    }
    if (points.length === 0) throw new Error('no marked mention in the viewport');
    const misses = points.map((p, i) => ({ x: 20 + ((i * 97) % Math.max(1, innerWidth - 40)), y: p.y + 3 }));
    let hits = 0;
    // Warm up.
    for (let i = 0; i < 50; i++) mentionAtPoint(document, reader.index, points[i % points.length]!.x, points[i % points.length]!.y, isMarked);
    let t0 = now();
    for (let i = 0; i < calls; i++) {
      const p = points[i % points.length]!;
      if (mentionAtPoint(document, reader.index, p.x, p.y, isMarked) === p.m) hits++;
    }
    const hitUs = ((now() - t0) / calls) * 1000;
    t0 = now();
    for (let i = 0; i < calls; i++) {
      const p = misses[i % misses.length]!;
      mentionAtPoint(document, reader.index, p.x, p.y, isMarked);
    }
    const missUs = ((now() - t0) / calls) * 1000;
    return { hitUs, missUs, hits: hits / calls, points: points.length };
  },

  dispose(): void {
    disposeLive();
  },

  /** mark.js `mark(array)`: the keyword list, one DOM pass per keyword (it wraps matches in <mark>). */
  markArray(keywords: string[]): { ms: number; marks: number } {
    const Mark = (window as unknown as { Mark: new (ctx: Element) => MarkJs }).Mark;
    gc();
    forceLayout();
    let marks = 0;
    const t0 = now();
    new Mark(document.body).mark(keywords, { separateWordSearch: false, diacritics: false, done: (n: number) => (marks = n) });
    forceLayout();
    return { ms: now() - t0, marks };
  },

  /** mark.js `markRegExp`: one combined regular expression. */
  markRegExp(source: string, flags: string): { ms: number; marks: number } {
    const Mark = (window as unknown as { Mark: new (ctx: Element) => MarkJs }).Mark;
    gc();
    forceLayout();
    let marks = 0;
    const t0 = now();
    new Mark(document.body).markRegExp(new RegExp(source, flags), { done: (n: number) => (marks = n) });
    forceLayout();
    return { ms: now() - t0, marks };
  },
};

interface MarkJs {
  mark(keywords: string[], options: Record<string, unknown>): void;
  markRegExp(re: RegExp, options: Record<string, unknown>): void;
}

(window as unknown as Record<string, typeof api>)[__BENCH_GLOBAL__] = api;
export type BenchApi = typeof api;
