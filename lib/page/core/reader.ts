// The page reader: finds the KB's entities in a page's text and keeps the marks
// in step with the page as it changes (infinite scroll, live blogs, SPA
// navigation), without long tasks.
//
// - A MutationObserver callback only queues records; one work loop drains the
//   queue in slices of a few ms (lib/page/core/slices.ts).
// - Text is read (TreeWalker) and matched block by block in document order (the
//   context rules need it: "Xi" links after "Xi Jinping" earlier on the page);
//   that part is string work. Marks are registered in CSS.highlights only near
//   the viewport, once per frame (lib/page/core/highlight-window.ts); on a full read
//   the viewport's marks are painted as soon as the read has passed the
//   viewport, before the rest of the page is read.
// - Changed or removed text drops its marks; an SPA navigation (URL change)
//   forgets the old page's context and reads the page again.
// Takes its environment (document, window, signal) as parameters.
import type { EntityType } from '../../kb/schema';
import { createContextState, type ContextState } from '../../match/resolve';
import type { Matcher } from '../../match/compile';
import type { Settings } from '../../shared/settings';
import { afterNextFrame } from './after-frame';
import { HighlightWindow } from './highlight-window';
import { Painter, MarkIndex, type PageMention } from './marks';
import { Slicer, yielder, type YieldFn } from './slices';
import type { spotText } from './spot';
import type { Mention } from '../../match/types';
import { BlockWalk, blockAncestor, blockContainer, isInlineElement, isInsideSkipped, isSkippedElement, SKIP_ATTRIBUTES, STYLE_ATTRIBUTES, type TextBlock } from './text-blocks';

// Attributes too: a region that becomes editable, hidden or inert later loses its marks at once.
/** Mentions of one block indexed per step (MarkIndex.extend between yields). */
const INDEX_STEP = 2000;
/**
 * Blocks longer than this are matched in pieces (spotHuge): the page linker's
 * cost follows the mentions, and a piece of a block written only of names
 * (30,000 links in a line) holds a few hundred (measured: 20,000 characters
 * of them was one 150–270 ms step in a loaded Chromium).
 */
const SPOT_PIECE = 4_000;
/** A piece ends after one of these and a space, where there is one in its second half (never inside a name). */
const PIECE_END = /[.,;:!?·|•–—)\]]/;

// And class and style: a region the page's style hides later loses its marks too, and gains them when shown again.
const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: [...SKIP_ATTRIBUTES, ...STYLE_ATTRIBUTES] };

/** On a full read, paint early once the read is this many viewport heights down (the viewport's marks first). */
const EARLY_PAINT_VH = 1;

export interface ReaderEnv {
  doc: Document;
  win: Window & typeof globalThis;
  signal: AbortSignal;
  matcher: Matcher;
  /** lib/page/core/spot.ts's spotText: given, not imported, so the content script's core carries no matcher runtime (it comes in the engine chunk, lib/link/chunk.ts). */
  spot: typeof spotText;
  settings: () => Pick<Settings, 'entityTypes' | 'markMode'>;
  /** Make sure the types of these entities are known (the content script asks the background once per entity). */
  loadTypes: (ids: string[]) => Promise<void>;
  typeOf: (id: string) => EntityType | undefined;
  /** After every change of the marks (the keyboard list, an open card, may need to know). */
  onMarksChanged?: () => void;
  /** Called when a mention leaves the page. */
  onMentionDropped?: (m: PageMention) => void;
  yieldFn?: YieldFn;
  budgetMs?: number;
}

export interface ReaderStats {
  /** Full reads of the page (the first one and one per SPA navigation). */
  fullScans: number;
  mutationBatches: number;
  /** Wall time of the last full read, from start to last mark (ms). */
  lastFullScanMs: number;
  /** performance.now() when the last full read started. */
  scanStartedAt: number;
  /** The longest slice of work seen (ms): below 50 ms means no long task of ours. */
  longestSliceMs: number;
  /** The phase of that slice (read, types, plan, viewport, paint). */
  longestSlicePhase: string;
  slices: number;
  blocksRead: number;
  charsRead: number;
  /** Blocks in the highlight window (their marks are registered in CSS.highlights) after the last flush. */
  windowBlocks: number;
  /** Marked mentions whose range is registered, after the last flush. */
  shownMarks: number;
}

export interface PageReader {
  /** Start observing the page and read it. */
  start(): void;
  /** Settings that change which mentions are marked (types, first-only). */
  refreshPaint(): void;
  /** Marked mentions in document order (what hover and the keyboard can reach). */
  marked(): PageMention[];
  /** Every tracked mention, marked or not, in document order. */
  all(): PageMention[];
  index: MarkIndex;
  painter: Painter;
  stats: ReaderStats;
  /**
   * Resolves when all queued work is done. `flushNow`: register the highlight
   * window's ranges at once instead of with the next frame (the benchmark times
   * the work, not the wait for a frame).
   */
  idle(opts?: { flushNow?: boolean }): Promise<void>;
  /** Is work queued or running? */
  busy(): boolean;
  /**
   * Read the whole page again with a fresh context (the reader's "Not this"
   * corrections changed). The marks on screen stay until the new read has
   * registered its own, so the page does not blink; only the mentions
   * `dropAtOnce` picks (the ones the reader just said no to) go at once.
   */
  reread(dropAtOnce?: (m: PageMention) => boolean): void;
  /** The page linker's state so far (lib/link/state.ts LinkState: its rejected candidates). */
  linkState(): ContextState;
  /** The open shadow roots whose text is read (for hit testing inside them). */
  shadowRoots(): ShadowRoot[];
  /** The highlight window (null where the window has no animation frames: every mark is registered). */
  window: HighlightWindow | null;
  dispose(): void;
}

export function createPageReader(env: ReaderEnv, painterEnv: ConstructorParameters<typeof Painter>[0]): PageReader {
  const { doc, win, signal, matcher, spot: spotText } = env;
  const yieldFn = env.yieldFn ?? yielder(win, signal);
  // The performance object once: `win.performance` is a property of the window's global proxy (a slow lookup, made per block).
  const perf = win.performance;
  const now = () => perf.now();
  const painter = new Painter(painterEnv, env.typeOf, env.settings(), doc);
  const unmark = (m: PageMention) => {
    painter.forget(m);
    env.onMentionDropped?.(m);
  };
  /** While a reread clears the index: the dropped mentions, still painted until the new read's marks are registered. */
  let held: PageMention[] | null = null;
  const index = new MarkIndex((m) => (held ? held.push(m) : unmark(m)));
  /** The next full scan is a reread of the same page: hold its old marks (see `reread`). */
  let holdNext: ((m: PageMention) => boolean) | null = null;
  const stats: ReaderStats = { fullScans: 0, mutationBatches: 0, lastFullScanMs: 0, scanStartedAt: 0, longestSliceMs: 0, longestSlicePhase: '', slices: 0, blocksRead: 0, charsRead: 0, windowBlocks: 0, shownMarks: 0 };
  const hwin =
    typeof win.requestAnimationFrame === 'function'
      ? new HighlightWindow({
          win,
          signal,
          blocks: () => index.blocks(),
          show: (m, name) => painter.show(m, name),
          onFlush: () => {
            stats.windowBlocks = hwin!.size;
            let shown = 0;
            for (const b of index.blocks()) if (hwin!.contains(b)) for (const m of b.mentions) if (m.shownAs !== null) shown++;
            stats.shownMarks = shown;
          },
        })
      : null;
  painter.useWindow(hwin);
  let context: ContextState = createContextState();
  let pending: MutationRecord[] = [];
  /** Elements skipped or dropped because their style hides them: read again when a class or style change shows them. */
  const hiddenRoots = new Set<Element>();
  /** Open shadow roots read so far (observed, and given to the hit test). */
  const shadows = new Set<ShadowRoot>();
  /** Roots whose read the page interrupted (a few retries each). */
  let rereads: Node[] = [];
  const retries = new WeakMap<Node, number>();
  let fullPending = false;
  let paintPending = false;
  let running = false;
  let lastHref = win.location.href;
  let idleWaiters: (() => void)[] = [];
  let observer: MutationObserver | null = null;
  // One alias object, not the whole table (`matcher.aliases` builds every alias's object on first use).
  const aliasText = (a: number) => (a >= 0 && a < matcher.aliasCount ? matcher.alias(a).text : '');

  const slicer = () => new Slicer({ yieldFn, now, signal, budgetMs: env.budgetMs });

  function schedule() {
    if (running || signal.aborted) return;
    running = true;
    void pump();
  }

  async function pump() {
    try {
      while (!signal.aborted) {
        if (win.location.href !== lastHref) {
          lastHref = win.location.href;
          fullPending = true;
          // Another page (an SPA's route): its old marks go at once.
          holdNext = null;
        }
        if (fullPending) {
          fullPending = false;
          pending = [];
          rereads = [];
          await fullScan();
        } else if (pending.length || rereads.length) {
          const records = pending;
          pending = [];
          await processMutations(records);
        } else if (paintPending) {
          paintPending = false;
          const s = slicer();
          await syncPaint(s, null);
          track(s);
        } else break;
      }
    } finally {
      running = false;
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const w of waiters) w();
    }
  }

  function track(s: Slicer) {
    s.finish();
    stats.slices += s.slices;
    if (s.longest > stats.longestSliceMs) {
      stats.longestSliceMs = s.longest;
      stats.longestSlicePhase = s.longestPhase;
    }
  }

  /**
   * Read blocks from `roots` (in document order) and track their mentions.
   * Returns null when aborted. `fresh`: a full read into an empty index.
   * `progress`: called with the mentions so far before each yield.
   */
  async function readRoots(roots: readonly Node[], s: Slicer, fresh = false, progress?: (added: PageMention[]) => Promise<void>): Promise<PageMention[] | null> {
    s.phase = 'read';
    const added: PageMention[] = [];
    const queue = [...roots];
    const batch: TextBlock[] = [];
    for (let q = 0; q < queue.length; q++) {
      const root = queue[q]!;
      const found: ShadowRoot[] = [];
      const hidden: Element[] = [];
      const walk = new BlockWalk(root, found, hidden);
      for (let more = true; more; ) {
        more = walk.read(batch);
        for (let b = 0; b < batch.length; b++) {
          const block = batch[b]!;
          stats.blocksRead++;
          stats.charsRead += block.text.length;
          const mentions = block.text.length > SPOT_PIECE ? await spotHuge(block.text, s) : spotText(matcher, block.text, context);
          if (mentions === null) return null;
          // A full read into an empty index: blocks without mentions need no bookkeeping.
          if (mentions.length > 0 || !fresh) {
            // The first root of a full read is read in document order into an empty index.
            s.phase = 'index';
            // A block of tens of thousands of mentions is indexed a few thousand at a time (no long task).
            const tracked = index.add(block, mentions.length > INDEX_STEP ? mentions.slice(0, INDEX_STEP) : mentions, aliasText, fresh && q === 0);
            for (let from = INDEX_STEP; tracked && from < mentions.length; from += INDEX_STEP) {
              if (s.due() && !(await s.tick())) return null;
              index.extend(tracked, block, mentions.slice(from, from + INDEX_STEP), aliasText);
            }
            if (tracked) for (const m of tracked.mentions) added.push(m);
            s.phase = 'read';
          }
          if (s.due() && !(await s.tick())) return null;
        }
        batch.length = 0;
        if (s.due()) {
          if (progress) await progress(added);
          if (!(await s.tick())) return null;
        }
      }
      for (const el of hidden) hiddenRoots.add(el);
      // The page removed the node we were on while we yielded: read this root again.
      if (walk.interrupted && root.isConnected && retries.get(root) !== 0) {
        retries.set(root, (retries.get(root) ?? 3) - 1);
        rereads.push(root);
      }
      // Open shadow roots (web components): read them too, and watch them (a
      // MutationObserver on the document does not see inside shadow trees).
      for (const shadow of found) {
        if (!shadows.has(shadow)) {
          shadows.add(shadow);
          observer?.observe(shadow, OBSERVE);
        }
        queue.push(shadow);
      }
    }
    return added;
  }

  /**
   * Match a huge block (one 10 MB text node, 100,000 mentions in a paragraph)
   * in pieces cut at whitespace, yielding between them: one spotText over it
   * all would be a single long task. Null when aborted.
   */
  async function spotHuge(text: string, s: Slicer): Promise<Mention[] | null> {
    const out: Mention[] = [];
    for (let start = 0; start < text.length; ) {
      let end = Math.min(text.length, start + SPOT_PIECE);
      if (end < text.length) {
        // Cut after punctuation and a space if there is one in the second half of the piece, else at a space.
        let cut = -1;
        for (let i = text.lastIndexOf(' ', end); i > start + SPOT_PIECE / 2; i = text.lastIndexOf(' ', i - 1)) {
          if (PIECE_END.test(text.charAt(i - 1))) {
            cut = i + 1;
            break;
          }
        }
        const space = text.lastIndexOf(' ', end);
        end = cut > 0 ? cut : space > start ? space + 1 : end;
      }
      for (const m of spotText(matcher, text.slice(start, end), context)) out.push({ ...m, start: m.start + start, end: m.end + start });
      start = end;
      if (s.due() && !(await s.tick())) return null;
    }
    return out;
  }

  async function ensureTypes(mentions: readonly PageMention[], s: Slicer) {
    const missing = new Set<string>();
    s.phase = 'types';
    // Sliced: a block of 100,000 mentions is 100,000 look-ups.
    for (let i = 0; i < mentions.length; i++) {
      for (const id of mentions[i]!.candidates) if (env.typeOf(id) === undefined) missing.add(id);
      if ((i & 1023) === 1023 && s.due() && !(await s.tick())) return;
    }
    if (missing.size === 0) return;
    s.finish();
    await env.loadTypes([...missing]);
    s.reset();
  }

  /**
   * Bring the highlights in line with the tracked mentions and settings,
   * viewport first. `fresh`: only these mentions are new (in 'every' mode each
   * mention is independent, so only they need a look); null: check them all.
   */
  async function syncPaint(s: Slicer, fresh: readonly PageMention[] | null): Promise<void> {
    s.phase = 'plan';
    const scope = fresh && painter.markMode === 'every' ? fresh : index.ordered();
    const changed: PageMention[] = [];
    const names: (string | null)[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < scope.length; i++) {
      const m = scope[i]!;
      if (!m.block.alive) continue;
      const name = painter.wanted(m, seen);
      if (m.paintedAs !== name) {
        changed.push(m);
        names.push(name);
      }
      if ((i & 63) === 63 && s.due() && !(await s.tick())) return;
    }
    if (changed.length === 0) return;
    // Marking is cheap (the highlight window registers the ranges near the viewport, once per frame).
    s.phase = 'paint';
    for (let k = 0; k < changed.length; k++) {
      const m = changed[k]!;
      if (m.block.alive) painter.apply(m, names[k]!);
      if ((k & 255) === 255 && s.due() && !(await s.tick())) return;
    }
    env.onMarksChanged?.();
  }

  /**
   * Wait for a rendered frame (or 100 ms: hidden tabs render none): the read
   * asks for computed styles and a few boxes (is this text visible?), which
   * are then clean and cheap instead of a forced style and layout of the whole
   * page inside one of our slices.
   */
  const settledLayout = () =>
    typeof win.requestAnimationFrame !== 'function'
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          const done = () => {
            win.clearTimeout(timer);
            cancel();
            resolve();
          };
          const timer = win.setTimeout(done, 100);
          const cancel = afterNextFrame(win, done);
          signal.addEventListener('abort', done, { once: true });
        });

  async function fullScan() {
    await settledLayout();
    if (signal.aborted) return;
    const started = now();
    stats.scanStartedAt = started;
    const s = slicer();
    stats.fullScans++;
    const hold = holdNext;
    holdNext = null;
    held = hold ? [] : null;
    index.clear();
    const stale = held ?? [];
    held = null;
    try {
      if (hold) for (const m of stale) if (hold(m)) unmark(m);
      await readWholePage(s, started);
    } finally {
      // The new marks are registered (or the read stopped): the old ones go now.
      if (stale.length && hwin && !signal.aborted) await hwin.settled();
      for (const m of stale) if (m.shownAs !== null || m.paintedAs !== null) unmark(m);
    }
  }

  async function readWholePage(s: Slicer, started: number) {
    hiddenRoots.clear();
    // Forget the old page's blocks in the highlight window too (an SPA's old views would stay alive there).
    hwin?.clear();
    // The page linker reads the title first: the headline says what the page is about (lib/link/linker.ts).
    context = { ...createContextState(), title: doc.title };
    const root = doc.body ?? doc.documentElement;
    if (!root || isInsideSkipped(root)) {
      env.onMarksChanged?.();
      return;
    }
    // Paint the viewport's marks as soon as the read has passed the viewport.
    let early = 0;
    let earlyDone = false;
    // Rect reads only once a frame has rendered (our slices after it see a clean layout: the read forces none).
    // A flag set in a frame callback (measured: while the read yields with
    // scheduler.yield, an afterNextFrame task waits for the read's end, and the
    // viewport's marks with it: 0.4 s instead of 0.12 s on the 5 MB page).
    let framed = typeof win.requestAnimationFrame !== 'function';
    if (!framed) win.requestAnimationFrame(() => (framed = true));
    const progress = async (added: PageMention[]) => {
      if (earlyDone || !framed || added.length === 0) return;
      s.phase = 'early-paint';
      const last = added[added.length - 1]!.startNode.parentElement;
      if (!last || last.getBoundingClientRect().top < win.innerHeight * (1 + EARLY_PAINT_VH)) {
        s.phase = 'read';
        return;
      }
      earlyDone = true;
      early = added.length;
      const chunk = added.slice();
      await ensureTypes(chunk, s);
      if (signal.aborted) return;
      await syncPaint(s, chunk);
      s.phase = 'read';
    };
    const added = await readRoots([root], s, true, progress);
    if (added === null || signal.aborted) return;
    const rest = early > 0 ? added.slice(early) : added;
    await ensureTypes(rest, s);
    if (signal.aborted) return;
    await syncPaint(s, rest);
    track(s);
    stats.lastFullScanMs = now() - started;
  }

  async function processMutations(records: MutationRecord[]) {
    stats.mutationBatches++;
    const s = slicer();
    const regions = new Set<Node>(rereads);
    rereads = [];
    const addRegion = (n: Node | null) => {
      if (n) regions.add(n);
    };
    /** Elements whose class or style changed and that are still shown (the hidden ones lost their marks in onMutations). */
    const styled = new Set<Element>();
    for (const r of records) {
      if (r.type === 'characterData') {
        addRegion(blockAncestor(r.target));
        continue;
      }
      if (r.type === 'attributes') {
        if (r.attributeName === 'class' || r.attributeName === 'style') styled.add(r.target as Element);
        // A skip attribute went away (no longer editable, hidden or inert): read the region again.
        else addRegion(r.target);
        continue;
      }
      if (r.type !== 'childList') continue;
      for (const n of r.removedNodes) {
        if (n.nodeType === 3 || (n.nodeType === 1 && isInlineElement(n as Element))) addRegion(blockContainer(r.target));
      }
      for (const n of r.addedNodes) {
        if (n.nodeType === 1 && !isInlineElement(n as Element)) addRegion(n);
        else if (n.nodeType === 3 || n.nodeType === 1) {
          const container = blockContainer(r.target);
          // Inline text added straight into <body>: read just the new node, not the whole page again.
          addRegion(container === doc.body || container === doc.documentElement || container === doc ? n : container);
        }
      }
    }
    if (styled.size > 0 && !(await restyled(styled, addRegion, s))) return;
    // Removed text: drop its marks (cost: the tracked nodes, not the page).
    // Removed text: its ranges go at once. New text: the highlight window checks
    // whether it is near the viewport (an IntersectionObserver, no forced layout).
    if (index.sweepDisconnected() > 0) hwin?.invalidate();
    for (const shadow of shadows) if (!shadow.host.isConnected) shadows.delete(shadow);
    // Keep connected regions that are not inside a skipped element nor inside another region.
    const roots: Node[] = [];
    for (const n of regions) {
      if (!n.isConnected || isInsideSkipped(n)) continue;
      let covered = false;
      for (let p = n.parentNode; p; p = p.parentNode) {
        if (regions.has(p)) {
          covered = true;
          break;
        }
      }
      if (!covered) roots.push(n);
    }
    roots.sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
    const added = await readRoots(roots, s);
    if (added === null) return;
    await ensureTypes(added, s);
    if (signal.aborted) return;
    await syncPaint(s, added);
    track(s);
  }

  /**
   * Class or style changes on shown elements: hidden regions inside them that
   * the change shows are read again; marked blocks inside them that a rule now
   * hides (`.closed p { display: none }` on an ancestor's class) lose their
   * marks. Cost: the hidden regions and the marked blocks, not the page. False when aborted.
   */
  async function restyled(changed: Set<Element>, addRegion: (n: Node) => void, s: Slicer): Promise<boolean> {
    s.phase = 'restyle';
    let k = 0;
    for (const h of hiddenRoots) {
      if (!h.isConnected) hiddenRoots.delete(h);
      else {
        for (let p: Element | null = h; p; p = p.parentElement) {
          if (changed.has(p)) {
            if (!isInsideSkipped(h)) {
              hiddenRoots.delete(h);
              addRegion(h);
            }
            break;
          }
        }
      }
      if ((++k & 63) === 0 && s.due() && !(await s.tick())) return false;
    }
    let dropped = 0;
    for (const b of index.blocks()) {
      const el = b.nodes[0]!.parentElement;
      if (!b.alive || !el) continue;
      let inside = false;
      for (let p: Element | null = el; p && !inside; p = p.parentElement) inside = changed.has(p);
      if (inside && !shown(el)) {
        // Remembered, to be read again when a change shows it.
        const container = blockContainer(b.nodes[0]!);
        if (container && container.nodeType === 1) hiddenRoots.add(container as Element);
        index.drop(b);
        dropped++;
      }
      if ((++k & 63) === 0 && s.due() && !(await s.tick())) return false;
    }
    if (dropped > 0) {
      hwin?.invalidate();
      env.onMarksChanged?.();
    }
    return true;
  }

  /** Is this element rendered (no ancestor with display: none, visibility: hidden…)? The browser's one-call check where it has one. */
  const shown = (el: Element) => (typeof el.checkVisibility === 'function' ? el.checkVisibility({ visibilityProperty: true }) : !isInsideSkipped(el));

  /** Drop the marks in `root` now (it became editable or hidden): cost, the tracked blocks. */
  function dropInside(root: Node) {
    let dropped = 0;
    for (const b of index.blocks()) {
      if (b.alive && b.nodes.some((n) => root.contains(n))) {
        index.drop(b);
        dropped++;
      }
    }
    if (dropped > 0) {
      hwin?.invalidate();
      env.onMarksChanged?.();
    }
    // Hidden inline text: the rest of its block is read again (without it).
    if (root.nodeType === 1 && isInlineElement(root as Element)) {
      const container = blockContainer(root);
      if (container) rereads.push(container);
    }
  }

  function onMutations(records: MutationRecord[]) {
    // Only queue: the work happens in the loop, in slices. Except a region
    // turned editable or hidden: its marks go before the next frame.
    for (const r of records) {
      if (r.type !== 'attributes') pending.push(r);
      else if (r.attributeName === 'class' || r.attributeName === 'style') {
        // Hidden by its own new class or style (one computed style): its marks go now. Else a look in the loop.
        const el = r.target as Element;
        if (hiddenRoots.has(el) && isSkippedElement(el)) continue;
        if (el.isConnected && isSkippedElement(el)) {
          hiddenRoots.add(el);
          dropInside(el);
        } else pending.push(r);
      } else if (isInsideSkipped(r.target)) dropInside(r.target);
      else pending.push(r);
    }
    schedule();
  }

  /**
   * The reader focuses, places the caret in or types into something: if it is
   * editable (by attribute, by CSS -webkit-user-modify, or design mode), its
   * marks go now, before the keystroke lands.
   */
  // isContentEditable misses CSS editing (-webkit-user-modify, inherited).
  const editable = (el: HTMLElement) => el.isContentEditable || win.getComputedStyle(el).getPropertyValue('-webkit-user-modify').startsWith('read-write');
  const onEditIntent = (e: Event) => {
    if (!e.isTrusted) return;
    if (doc.designMode === 'on') {
      dropInside(doc);
      return;
    }
    const target = e.type === 'selectionchange' ? win.getSelection()?.anchorNode : (e.composedPath()[0] as Node | undefined);
    const el = (target && target.nodeType !== 1 ? target.parentElement : target) as HTMLElement | null | undefined;
    if (!el || !editable(el)) return;
    let root: HTMLElement = el;
    while (root.parentElement && editable(root.parentElement)) root = root.parentElement;
    dropInside(root);
  };

  const onLocation = () => {
    if (win.location.href !== lastHref) schedule();
  };

  return {
    index,
    painter,
    stats,
    start() {
      if (signal.aborted) return;
      observer = new win.MutationObserver(onMutations);
      observer.observe(doc.documentElement, OBSERVE);
      win.addEventListener('popstate', onLocation, { signal });
      for (const type of ['focusin', 'beforeinput', 'keydown'] as const) win.addEventListener(type, onEditIntent, { capture: true, passive: true, signal });
      doc.addEventListener('selectionchange', onEditIntent, { passive: true, signal });
      fullPending = true;
      schedule();
    },
    refreshPaint() {
      painter.setSettings(env.settings());
      paintPending = true;
      schedule();
    },
    marked: () => index.ordered().filter((m) => m.paintedAs !== null),
    busy: () => running || pending.length > 0 || fullPending || paintPending,
    shadowRoots: () => [...shadows],
    reread(dropAtOnce) {
      holdNext = dropAtOnce ?? (() => false);
      fullPending = true;
      schedule();
    },
    linkState: () => context,
    all: () => index.ordered(),
    window: hwin,
    async idle(opts) {
      while (running || pending.length || fullPending || paintPending || hwin?.pending) {
        if (running || pending.length || fullPending || paintPending) {
          await new Promise<void>((resolve) => {
            idleWaiters.push(resolve);
            schedule();
          });
        }
        // The marks' ranges are registered with the next frame.
        if (hwin && opts?.flushNow && hwin.pending) hwin.flush();
        else if (hwin) await hwin.settled();
      }
    },
    dispose() {
      observer?.disconnect();
      observer = null;
      pending = [];
      index.clear();
      hwin?.clear();
      painter.dispose();
    },
  };
}
