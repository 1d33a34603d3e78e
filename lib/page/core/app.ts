// Backstory in a page: loads the matcher, starts and stops a reading session
// (session.ts) as the settings say, and applies settings live. Takes its
// environment (document, window, signal, the KB client and the settings source)
// as parameters; the content script entrypoint only supplies them.
// The card UI is not part of this module's bundle: `env.cardUi` loads it (the
// card chunk, card-ui.ts) on first need, or ahead of time at idle once the page
// has marks (lazy-card.ts). The hover intent (dwell, grace, the card prepared
// during the dwell) runs in that chunk too.
import type { LinkerApi } from '../../link/chunk';
import type { CorrectionsData } from '../../link/correct';
import type { Matcher } from '../../match/compile';
import type { PageMatcherData } from '../../match/packed';
import type { EntityCard } from '../../kb/card';
import type { PageNames } from '../../shared/messages';
import type { Settings } from '../../shared/settings';
import { createCardSource } from './card-source';
import type { CardUi } from './card-ui';
import { DEBUG } from './debug';
import { installDebugChannel } from './debug-channel';
import { DEFAULT_NAMES, highlightNames, type HighlightNames } from './highlight-css';
import { CardChunk } from './lazy-card';
import { createPageSheet } from './page-sheet';
import { connectPageToPanel, type BridgeMessaging, type PanelBridge } from './panel-bridge';
import { useArticleRegion } from './marks';
import { activeOnHost } from './reader-settings';
import { startSession, type Session } from './session';
import { setUiHostTag, useHidingRules } from './text-blocks';

export type { MarkRecord } from './debug-channel';

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
   * Load the card UI (card-ui.ts `loadCardUi`: the content script imports the
   * card chunk, an extension file). Called once, on first need.
   */
  cardUi: () => Promise<CardUi>;
  /** Load the matching engine and page linker (lib/link/chunk.ts `loadLinker`), before the first read; without it nothing is marked. */
  linker: () => Promise<LinkerApi>;
  /** Answer the side panel's questions about this page (panel-bridge.ts) over this messaging. */
  panel?: BridgeMessaging;
  /** Issue #18: called once with the page's reload, to call when the KB changed (kb-refresh.ts). */
  kbChanges?: (reload: () => void) => void;
  /** The reader's "Not this" corrections in the extension's local storage (lib/link/correct.ts); absent: none. */
  corrections?: CorrectionsStore;
}

/** Where "Not this" is kept: the extension's own storage, read and written by the content script only. */
export interface CorrectionsStore {
  load(): Promise<unknown>;
  save(value: CorrectionsData): Promise<void>;
  watch(listener: (value: unknown) => void): () => void;
}

export async function runBackstory(env: AppEnv): Promise<void> {
  const { doc, win, signal } = env;
  if (!(doc instanceof win.Document) || !doc.documentElement || doc.documentElement.namespaceURI !== 'http://www.w3.org/1999/xhtml') return;
  const supported = typeof win.Highlight === 'function' && !!win.CSS && 'highlights' in win.CSS;
  if (!supported) return; // No CSS Custom Highlight API: we never wrap page text, so we do nothing.

  // The reader's "Not this" corrections are read alongside the settings (not after them).
  const correctionsLoad = env.corrections ? env.corrections.load().catch(() => undefined) : Promise.resolve(undefined);
  let settings = await env.settings.load();
  if (signal.aborted) return;
  const host = win.location.hostname;
  const cards = createCardSource((ids) => env.kb.getCards(ids));
  const sheet = createPageSheet(doc, win);
  const chunk = new CardChunk(env.cardUi, () => win.performance.now());
  let matcher: Matcher | null = null;
  let engine: LinkerApi | null = null;
  let names: PageNames | null = null;
  let hnames: HighlightNames = DEFAULT_NAMES;
  let session: Session | null = null;
  let starting: Promise<void> | null = null;
  let panel: PanelBridge | null = null;
  // Button actions need a person's recent gesture: a page's synthetic click never carries one.
  const userActive = () => win.navigator.userActivation?.isActive !== false;
  // "Not this": the reader's corrections for this site (lib/link/correct.ts), applied as each block is linked.
  const site = host.toLowerCase().replace(/^www\./, '');
  let corrections: CorrectionsData = { version: 1, corrections: [] };
  let storedCorrections: unknown = await correctionsLoad;
  if (signal.aborted) return;
  const correctionsDigest = (c: CorrectionsData) => JSON.stringify(c.corrections.filter((x) => x.site === site).map((x) => [x.surface, x.entity]).sort());
  /** New stored corrections: if this site's changed, the marks follow at once (a "Not this" in another tab, an undo in settings). */
  const takeCorrections = (raw: unknown) => {
    storedCorrections = raw;
    if (!engine?.readCorrections) return;
    const next = engine.readCorrections(raw);
    const changed = correctionsDigest(next) !== correctionsDigest(corrections);
    corrections = next;
    if (changed && session) {
      if (session.card.mention) session.card.close({ restoreFocus: true });
      // The names the reader said no to go at once; every other mark stays on screen through the reread.
      // One pass over the page's mentions (not one per mention).
      const dropped = engine.applyCorrections ? new Set(engine.applyCorrections(session.reader.all(), next, site).dropped) : null;
      session.reader.reread(dropped ? (m) => dropped.has(m) : undefined);
    }
  };
  /** The reader said "Not this" on a card (a trusted click in our closed shadow root, with a user gesture). */
  const notThis = (m: { surface: string; entityId: string | null; candidates: readonly string[] }) => {
    if (!userActive() || !engine?.addCorrection || !env.corrections || !site) return;
    // A name that fits several entries ("None of these"): each of them.
    let next = corrections;
    for (const entity of m.entityId !== null ? [m.entityId] : m.candidates) next = engine.addCorrection(next, { site, surface: m.surface, entity, at: Date.now() });
    void env.corrections.save(next).catch(() => undefined);
    takeCorrections(next);
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
        if (!engine) {
          engine = api;
          takeCorrections(storedCorrections);
          useHidingRules(api.hidingRules ?? null);
          useArticleRegion(api.articleRegion ?? null);
        }
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
    session = startSession({
      doc,
      win,
      signal,
      matcher: m,
      spot: engine!.withCorrections ? engine!.withCorrections(engine!.spotText, () => corrections, site) : engine!.spotText,
      explain: engine!.explainLink ? (pm) => engine!.explainLink!(m, pm) : undefined,
      notThis,
      settings: () => settings,
      cards,
      chunk,
      sheet,
      names,
      highlightNames: hnames,
      openReport: (r) => userActive() && void env.kb.openReport(r).catch(() => undefined),
      openOptions: () => userActive() && void env.kb.openOptions().catch(() => undefined),
      changed: () => panel?.changed(),
    });
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
    if (!activeOnHost(next, host)) {
      stop();
      return;
    }
    if (!session) {
      starting = start();
      return;
    }
    if (prev.highlightStyle !== next.highlightStyle) sheet.adopt(next.highlightStyle, hnames);
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
        notLinked: () => (session && matcher && engine?.notLinkedList ? engine.notLinkedList(matcher, session.reader.linkState()) : []),
        openCard: (m) => session?.card.open(m, { focus: true, pinned: true }),
        scanning: () => (session ? session.reader.busy() : starting !== null && activeOnHost(settings, host) && !matcher),
      },
      env.panel,
    );
  }

  // The KB changed (the reader's reports): a new matcher and cards; a running session re-reads the page.
  env.kbChanges?.(() => {
    matcher = null;
    cards.clear();
    if (session) void getMatcher().then(() => session && (stop(), (starting = start())));
  });
  const unwatch = env.settings.watch(apply);
  const unwatchCorrections = env.corrections?.watch(takeCorrections);
  signal.addEventListener('abort', () => {
    unwatch();
    unwatchCorrections?.();
    stop();
  });

  if (DEBUG) {
    installDebugChannel({ doc, win, session: () => session, starting: () => starting, settings: () => settings, highlightNames: () => hnames, chunk });
  }

  if (activeOnHost(settings, host)) {
    starting = start();
    await starting;
  }
  panel?.changed();
}
