// One reading session on a page: the reader (marks), the card, pointer and
// keyboard wiring. Started when Backstory is on for the site and the matcher is
// loaded; everything it installs ends with `controller` (settings turned it
// off, or the content script's own signal ended).
import type { LinkerApi } from '../../link/chunk';
import type { Matcher } from '../../match/compile';
import type { Settings } from '../../shared/settings';
import { TYPE_LABEL } from '../../shared/format';
import type { HoverIntent } from '../card/hover';
import type { CardLayerEnv } from '../card/card-layer';
import type { CardSource } from './card-source';
import type { HighlightNames } from './highlight-css';
import { mentionAtPoint, mentionRange } from './hit-test';
import { HOST_CSS } from './host-styles';
import { installKeyboard } from './keyboard';
import { CardChunk, LazyCard } from './lazy-card';
import type { PageMention } from './marks';
import type { PageSheet } from './page-sheet';
import { installPointer } from './pointer';
import { createPageReader, type PageReader } from './reader';
import { createUiHost, type UiHost } from './ui-host';
import type { PageNames } from '../../shared/messages';

export interface Session {
  controller: AbortController;
  reader: PageReader;
  card: LazyCard;
  ui: UiHost | null;
}

export interface SessionEnv {
  doc: Document;
  win: Window & typeof globalThis;
  /** The content script's own signal: ending it ends the session. */
  signal: AbortSignal;
  matcher: Matcher;
  spot: LinkerApi['spotText'];
  settings: () => Settings;
  cards: CardSource;
  chunk: CardChunk;
  sheet: PageSheet;
  /** This install's names in the page (absent: readable defaults, tests over happy-dom). */
  names: PageNames | null;
  highlightNames: HighlightNames;
  openReport(request: { id: string; quoteStart?: number; quoteEnd?: number; entity?: string }): void;
  openOptions(): void;
  /** The marks changed (the side panel's bridge hears of it). */
  changed(): void;
  /** The card's "Why this link" line and the name's other KB entities (lib/link/page-corrections.ts, from the engine chunk). */
  explain?: CardLayerEnv['explain'];
  /** The card's "Not this": remember it for this site and surface (app.ts) and read the page again without it. */
  notThis?: (m: PageMention) => void;
}

export function startSession(env: SessionEnv): Session {
  const { doc, win, settings } = env;
  const controller = new AbortController();
  const stop = () => controller.abort();
  env.signal.addEventListener('abort', stop, { once: true });
  controller.signal.addEventListener('abort', () => env.signal.removeEventListener('abort', stop));
  env.sheet.adopt(settings().highlightStyle, env.highlightNames);

  const s: Partial<Session> & { controller: AbortController; ui: UiHost | null } = { controller, ui: null };
  const names = env.names;
  const ui = () => (s.ui ??= createUiHost(doc, win, HOST_CSS, names ? { tag: names.host, open: names.openShadowRoot === true } : {}));
  let preloadQueued = false;
  /** Fetch the card chunk when the page is idle, so the first card opens without waiting for it. */
  const preloadCard = () => {
    if (preloadQueued || env.chunk.api) return;
    preloadQueued = true;
    const run = () => {
      if (!controller.signal.aborted) card.preload();
    };
    if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(run, { timeout: 1000 });
    else win.setTimeout(run, 50);
  };
  const reader = createPageReader(
    {
      doc,
      win,
      signal: controller.signal,
      matcher: env.matcher,
      spot: env.spot,
      settings,
      loadTypes: env.cards.loadTypes,
      typeOf: env.cards.typeOf,
      onMentionDropped: (dropped) => {
        if (card.mention === dropped) card.close({ restoreFocus: true });
      },
      onMarksChanged: () => {
        env.sheet.keep();
        env.changed();
        card.pageChanged();
        if (!preloadQueued && reader.marked().length > 0) preloadCard();
      },
    },
    {
      registry: win.CSS.highlights,
      names: env.highlightNames,
      createHighlight: () => new win.Highlight(),
      makeRange: (pm) =>
        typeof win.StaticRange === 'function'
          ? new win.StaticRange({ startContainer: pm.startNode, startOffset: pm.startOffset, endContainer: pm.endNode, endOffset: pm.endOffset })
          : mentionRange(doc, pm),
    },
  );
  const current = () => reader.painter.currentMention;
  const setCurrent = (pm: PageMention | null) => reader.painter.setCurrent(pm);
  const card = new LazyCard(
    {
      doc,
      win,
      ui,
      cards: env.cards,
      settings,
      openReport: env.openReport,
      openOptions: env.openOptions,
      onOpen: (pm) => reader.painter.setActive(pm),
      onClose: () => reader.painter.setActive(null),
      page: () => reader.all(),
      explain: env.explain,
      notThis: env.notThis,
      // "Or did you mean …?": every mention of these words linked to the card's entity switches to the other, on this page.
      switchTo: (pm, id) => {
        const from = pm.entityId;
        const folded = pm.surface.toLowerCase();
        for (const x of reader.all()) {
          if (x.entityId !== from || x.surface.toLowerCase() !== folded || !x.alternatives?.includes(id)) continue;
          Object.assign(x, { entityId: id, alternatives: [from!, ...x.alternatives.filter((a) => a !== id)] });
        }
        // Painted in the other entity's type once it is known (usually at once: the page's cards are cached).
        void env.cards.loadTypes([id]).then(() => reader.refreshPaint());
      },
      flag: (flags) => {
        reader.painter.flags = flags;
        reader.refreshPaint();
      },
      // Tab reaches the marks (lib/page/card/focus-stop.ts).
      stop: { marks: () => reader.marked(), current, setCurrent, describe: (pm) => describe(pm) },
    },
    env.chunk,
  );
  const describe = (m: PageMention) => {
    if (m.entityId === null) return `“${m.surface}”, a name that fits ${m.candidates.length} entries`;
    const t = env.cards.typeOf(m.entityId);
    return `${m.surface}${t ? `, ${TYPE_LABEL[t].toLowerCase()}` : ''}`;
  };
  const isMarked = (pm: PageMention) => pm.paintedAs !== null && pm.block.alive;
  const isOwnEvent = (e: Event) => (s.ui ? s.ui.owns(e) : false);
  // The hover intent runs in the card chunk (lib/page/card/card-layer.tsx); LazyCard hands
  // it the pointer, and installPointer only ever calls pointer().
  const pointerInput: Pick<HoverIntent<PageMention>, 'pointer'> = card;
  installPointer({
    doc,
    win,
    signal: controller.signal,
    trigger: () => settings().trigger,
    hitTest: (x, y) => {
      env.sheet.keep();
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
    current,
    setCurrent,
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
    env.sheet.drop();
  });
  const session = Object.assign(s, { reader, card }) as Session;
  reader.start();
  return session;
}
