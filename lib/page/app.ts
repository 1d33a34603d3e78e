// Backstory in a page: wires the reader (marks), hover and keyboard, and the
// card, and applies settings live. Takes its environment (document, window,
// signal, the KB client and the settings source) as parameters; the content
// script entrypoint only supplies them.
// The card UI is not part of this module's bundle: `env.cardUi` loads it (the
// card chunk, lib/page/card-ui.ts) on first need, or ahead of time at idle once
// the page has marks (lib/page/lazy-card.ts). The hover intent (dwell, grace,
// the card prepared during the dwell) runs in that chunk too.
import type { LinkerApi } from '../link/chunk';
import type { Matcher } from '../match/compile';
import type { PageMatcherData } from '../match/packed';
import type { EntityCard } from '../kb/card';
import type { EntityType } from '../kb/schema';
import type { Settings } from '../settings';
import { HOST_CSS } from '../../components/card/host-styles';
import { TYPE_LABEL } from '../../components/card/format';
import type { CardUi } from './card-ui';
import { DEBUG, debugTimeline, type DebugEvent } from './debug';
import type { PageNames } from '../messages';
import { DEFAULT_NAMES, highlightCss, highlightNames, type HighlightNames } from './highlight-css';
import { mentionAtPoint, mentionRange } from './hit-test';
import type { HoverIntent } from './hover';
import { installKeyboard } from './keyboard';
import { CardChunk, LazyCard, type CardChunkStats } from './lazy-card';
import type { PageMention } from './marks';
import { installPointer } from './pointer';
import { activeOnHost } from './reader-settings';
import { createPageReader, type PageReader } from './reader';
import { setUiHostTag } from './text-blocks';
import { createUiHost, type UiHost } from './ui-host';
import { connectPageToPanel, type BridgeMessaging, type PanelBridge } from './panel-bridge';

export interface KbClient {
  getMatcher(): Promise<{ hash: string; compiled: PageMatcherData } | null>;
  getCards(ids: string[]): Promise<(EntityCard | null)[]>;
  openReport(request: { id: string; quoteStart?: number; quoteEnd?: number; entity?: string }): Promise<void>;
  openOptions(): Promise<void>;
  /** This install's random names in pages (highlights, the UI host's tag); absent: the readable defaults (tests over happy-dom). */
  pageNames?(): Promise<PageNames>;
}

export interface SettingsSource {
  load(): Promise<Settings>;
  watch(listener: (settings: Settings) => void): () => void;
}

export interface AppEnv {
  doc: Document;
  win: Window & typeof globalThis;
  /** Aborted when the content script is invalidated (extension update, unload). */
  signal: AbortSignal;
  kb: KbClient;
  settings: SettingsSource;
  /**
   * Load the card UI (lib/page/card-ui.ts `loadCardUi`: the content script
   * imports the card chunk, an extension file). Called once, on first need.
   */
  cardUi: () => Promise<CardUi>;
  /** Load the matching engine and page linker (lib/link/chunk.ts `loadLinker`), before the first read; without it nothing is marked. */
  linker: () => Promise<LinkerApi>;
  /** Answer the side panel's questions about this page (lib/page/panel-bridge.ts) over this messaging. */
  panel?: BridgeMessaging;
}

/** What the debug channel reports per mark. */
export interface MarkRecord {
  text: string;
  entity: string | null;
  reason: string;
  alias: string;
  highlight: string | null;
  candidates?: string[];
}

interface Session {
  controller: AbortController;
  reader: PageReader;
  card: LazyCard;
  ui: UiHost | null;
}

export async function runBackstory(env: AppEnv): Promise<void> {
  const { doc, win, signal } = env;
  if (!(doc instanceof win.Document) || !doc.documentElement || doc.documentElement.namespaceURI !== 'http://www.w3.org/1999/xhtml') return;
  const supported = typeof win.Highlight === 'function' && !!win.CSS && 'highlights' in win.CSS;
  if (!supported) return; // No CSS Custom Highlight API: we never wrap page text, so we do nothing.

  let settings = await env.settings.load();
  if (signal.aborted) return;
  const host = win.location.hostname;
  const cardCache = new Map<string, Promise<EntityCard | null>>();
  const types = new Map<string, EntityType | null>();
  let matcher: Matcher | null = null;
  let engine: LinkerApi | null = null;
  let names: PageNames | null = null;
  let hnames: HighlightNames = DEFAULT_NAMES;
  let session: Session | null = null;
  let sheet: CSSStyleSheet | null = null;
  let starting: Promise<void> | null = null;
  let panel: PanelBridge | null = null;
  const now = () => win.performance.now();
  const userActive = () => win.navigator.userActivation?.isActive !== false;
  const chunk = new CardChunk(env.cardUi, now);
  let preloadQueued = false;
  /** Fetch the card chunk when the page is idle, so the first card opens without waiting for it. */
  const preloadCard = (card: LazyCard) => {
    if (preloadQueued || chunk.api) return;
    preloadQueued = true;
    const run = () => {
      if (!signal.aborted) card.preload();
    };
    if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(run, { timeout: 1000 });
    else win.setTimeout(run, 50);
  };

  const cardSource = {
    card: (id: string) => {
      let p = cardCache.get(id);
      if (!p) {
        p = env.kb.getCards([id]).then((cards) => cards[0] ?? null);
        cardCache.set(id, p);
        p.catch(() => cardCache.delete(id));
      }
      return p;
    },
    cards: (ids: readonly string[]) => Promise.all(ids.map((id) => cardSource.card(id))),
  };

  const loadTypes = async (ids: string[]) => {
    const missing = ids.filter((id) => !cardCache.has(id));
    if (missing.length) {
      const batch = env.kb.getCards(missing);
      missing.forEach((id, i) => {
        const p = batch.then((cards) => cards[i] ?? null);
        cardCache.set(id, p);
        p.catch(() => cardCache.delete(id));
      });
    }
    const cards = await Promise.all(ids.map((id) => cardSource.card(id).catch(() => null)));
    ids.forEach((id, i) => types.set(id, cards[i]?.type ?? null));
  };
  // Unknown ids (card null) are never painted: typeOf returns undefined only while unknown.
  const typeOf = (id: string): EntityType | undefined => {
    const t = types.get(id);
    return t === null ? undefined : t;
  };

  const adoptSheet = () => {
    if (!sheet) {
      sheet = new win.CSSStyleSheet();
    }
    sheet.replaceSync(highlightCss(settings.highlightStyle, hnames));
    const current = doc.adoptedStyleSheets;
    if (current.includes(sheet)) return;
    try {
      current.push(sheet);
    } catch {
      doc.adoptedStyleSheets = [...current, sheet];
    }
  };
  // A page may reset document.adoptedStyleSheets (it is shared with the page): put ours back.
  const keepSheet = () => {
    if (sheet && !doc.adoptedStyleSheets.includes(sheet)) adoptSheet();
  };
  const dropSheet = () => {
    if (!sheet) return;
    const current = doc.adoptedStyleSheets;
    const i = current.indexOf(sheet);
    if (i < 0) return;
    try {
      current.splice(i, 1);
    } catch {
      doc.adoptedStyleSheets = current.filter((s) => s !== sheet);
    }
  };

  const describe = (m: PageMention) => {
    if (m.entityId === null) return `“${m.surface}”, a name that fits ${m.candidates.length} entries`;
    const t = typeOf(m.entityId);
    return `${m.surface}${t ? `, ${TYPE_LABEL[t].toLowerCase()}` : ''}`;
  };

  async function getMatcher(): Promise<Matcher | null> {
    if (matcher) return matcher;
    // The KB may still be loading right after install: try a few times.
    for (const wait of [0, 1000, 3000, 10000]) {
      if (wait) await new Promise((r) => win.setTimeout(r, wait));
      if (signal.aborted) return null;
      try {
        // Our names in this page: without them we do not start (never a fixed, guessable name).
        if (env.kb.pageNames && !names) {
          names = await env.kb.pageNames();
          hnames = highlightNames(names.highlights);
          setUiHostTag(names.host);
        }
        const [reply, api] = await Promise.all([env.kb.getMatcher(), engine ?? env.linker()]);
        engine = api;
        if (reply) return (matcher = api.hydrateMatcher(reply.compiled));
      } catch {
        // background not ready yet
      }
    }
    return null;
  }

  async function start() {
    const m = await getMatcher();
    if (!m || signal.aborted || session || !activeOnHost(settings, host)) return;
    const controller = new AbortController();
    const stop = () => controller.abort();
    signal.addEventListener('abort', stop, { once: true });
    controller.signal.addEventListener('abort', () => signal.removeEventListener('abort', stop));
    adoptSheet();

    const s: Partial<Session> & { controller: AbortController; ui: UiHost | null } = { controller, ui: null };
    const ui = () => (s.ui ??= createUiHost(doc, win, HOST_CSS, names ? { tag: names.host, open: names.openShadowRoot === true } : {}));
    const reader = createPageReader(
      {
        doc,
        win,
        signal: controller.signal,
        matcher: m,
        spot: engine!.spotText,
        settings: () => settings,
        loadTypes,
        typeOf,
        onMentionDropped: (dropped) => {
          if (card.mention === dropped) card.close({ restoreFocus: true });
        },
        onMarksChanged: () => {
          keepSheet();
          panel?.changed();
          card.pageChanged();
          if (!preloadQueued && reader.marked().length > 0) preloadCard(card);
        },
      },
      {
        registry: win.CSS.highlights,
        names: hnames,
        createHighlight: () => new win.Highlight(),
        makeRange: (pm) =>
          typeof win.StaticRange === 'function'
            ? new win.StaticRange({ startContainer: pm.startNode, startOffset: pm.startOffset, endContainer: pm.endNode, endOffset: pm.endOffset })
            : mentionRange(doc, pm),
      },
    );
    const card = new LazyCard({
      doc,
      win,
      ui,
      cards: cardSource,
      settings: () => settings,
      // Button actions need a person's recent gesture: a page's synthetic click never carries one.
      openReport: (r) => userActive() && void env.kb.openReport(r).catch(() => undefined),
      openOptions: () => userActive() && void env.kb.openOptions().catch(() => undefined),
      onOpen: (pm) => reader.painter.setActive(pm),
      onClose: () => reader.painter.setActive(null),
      page: () => reader.all(),
      flag: (flags) => {
        reader.painter.flags = flags;
        reader.refreshPaint();
      },
    }, chunk);
    const isMarked = (pm: PageMention) => pm.paintedAs !== null && pm.block.alive;
    const isOwnEvent = (e: Event) => (s.ui ? s.ui.owns(e) : false);
    // The hover intent runs in the card chunk (lib/page/card-layer.tsx); LazyCard hands
    // it the pointer, and installPointer only ever calls pointer().
    const pointerInput: Pick<HoverIntent<PageMention>, 'pointer'> = card;
    installPointer({
      doc,
      win,
      signal: controller.signal,
      trigger: () => settings.trigger,
      hitTest: (x, y) => {
        keepSheet();
        return mentionAtPoint(doc, reader.index, x, y, isMarked, reader.shadowRoots());
      },
      hover: pointerInput as HoverIntent<PageMention>,
      isOwnEvent,
      openFor: () => card.mention,
      openPinned: (pm) => card.open(pm, { focus: true, pinned: true }),
      pin: () => card.pin(),
      close: () => card.close({ restoreFocus: false }),
    });
    installKeyboard({
      doc,
      win,
      signal: controller.signal,
      // Every mention of a marked type, not only the marked ones (first mention only marks one of each).
      marked: () => reader.all().filter((pm) => reader.painter.reachable(pm)),
      current: () => reader.painter.currentMention,
      setCurrent: (pm) => reader.painter.setCurrent(pm),
      rectOf: (pm) => mentionRange(doc, pm).getBoundingClientRect(),
      openCard: (pm, returnFocus) => card.open(pm, { focus: true, pinned: true, returnFocus }),
      isCardOpen: () => card.isOpen,
      closeCard: () => card.close({ restoreFocus: true }),
      announce: (text) => ui().announce(text),
      describe,
      isOwnEvent,
      reducedMotion: () => !!win.matchMedia?.('(prefers-reduced-motion: reduce)').matches,
    });
    controller.signal.addEventListener('abort', () => {
      card.resetHover();
      card.close({ restoreFocus: false });
      reader.dispose();
      s.ui?.dispose();
      s.ui = null;
      dropSheet();
    });
    session = Object.assign(s, { reader, card }) as Session;
    reader.start();
  }

  function stop() {
    const s = session;
    session = null;
    s?.controller.abort();
    panel?.changed();
  }

  const apply = (next: Settings) => {
    const prev = settings;
    settings = next;
    const active = activeOnHost(next, host);
    if (!active) {
      stop();
      return;
    }
    if (!session) {
      starting = start();
      return;
    }
    if (prev.highlightStyle !== next.highlightStyle) sheet?.replaceSync(highlightCss(next.highlightStyle, hnames));
    const marking = (s: Settings) => JSON.stringify([s.markMode, s.entityTypes, s.typeMarks, s.markCommonPlaces]);
    if (marking(prev) !== marking(next)) session.reader.refreshPaint();
    if (prev.theme !== next.theme || prev.showCaveats !== next.showCaveats) session.card.rerender();
    if (prev.trigger !== next.trigger || prev.hoverDelayMs !== next.hoverDelayMs) session.card.resetHover();
    panel?.changed();
  };

  if (env.panel) {
    panel = connectPageToPanel(
      {
        doc,
        win,
        signal,
        active: () => session !== null,
        mentions: () => session?.reader.all() ?? [],
        openCard: (m) => session?.card.open(m, { focus: true, pinned: true }),
        scanning: () => (session ? session.reader.busy() : starting !== null && activeOnHost(settings, host) && !matcher),
      },
      env.panel,
    );
  }

  const unwatch = env.settings.watch(apply);
  signal.addEventListener('abort', () => {
    unwatch();
    stop();
  });

  // The test/debug channel, in debug builds only (`npm run build:debug`; removed
  // from the release build): `globalThis.__backstory` in this JS world, which the
  // page cannot reach. Timings are kept in memory (lib/page/debug.ts).
  if (DEBUG) {
    // Marks are reported under their readable names (backstory-person, …), whatever this install's names are.
    const readable = (name: string | null) => {
      const i = name === null ? -1 : hnames.all.indexOf(name);
      return i < 0 ? name : DEFAULT_NAMES.all[i]!;
    };
    const marks = (all: boolean): MarkRecord[] =>
      (session ? (all ? session.reader.all() : session.reader.marked()) : []).map((m) => ({
        text: m.surface,
        entity: m.entityId,
        reason: m.reason,
        alias: m.alias,
        highlight: readable(m.paintedAs),
        ...(m.entityId === null ? { candidates: [...m.candidates] } : {}),
      }));
    (win as unknown as { __backstory?: unknown }).__backstory = {
      active: () => session !== null,
      idle: async () => {
        await starting;
        await session?.reader.idle();
      },
      marks: () => marks(false),
      allMentions: () => marks(true),
      stats: () => (session ? { ...session.reader.stats, highlights: session.reader.painter.snapshot() } : null),
      /** The card chunk's load: state, and when it was asked for and arrived (performance.now()). */
      cardChunk: (): CardChunkStats => ({ ...chunk.stats }),
      card: () => (session?.card.mention ? { text: session.card.mention.surface, entity: session.card.mention.entityId, pinned: session.card.pinned } : null),
      /** The settings in force in this page (after live changes arrived). */
      settings: (): Settings => settings,
      /** What the pointer, the hover intent and the card did, in order (lib/page/debug.ts); `since`: only events after this index. */
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
        if (!session) return null;
        const r = session.reader;
        const isMarked = (pm: PageMention) => pm.paintedAs !== null;
        const t0 = win.performance.now();
        let hit: PageMention | null = null;
        for (let i = 0; i < n; i++) hit = mentionAtPoint(doc, r.index, x, y, isMarked);
        const us = ((win.performance.now() - t0) * 1000) / n;
        return { us, hit: hit ? hit.surface : null };
      },
    };
  }

  if (activeOnHost(settings, host)) {
    starting = start();
    await starting;
  }
  panel?.changed();
}
