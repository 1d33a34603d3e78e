// The card controller: renders the Preact card (components/card) into our
// shadow root, places it next to the mention with Floating UI (anchored to the
// mention's Range), keeps a small history (related entity → Back), and handles
// focus: a card opened from the keyboard or by click takes focus, and focus
// returns where it was when the card closes.
// It also owns the hover intent (lib/page/card/hover.ts; the content script hands it
// the mention under the pointer). Once the pointer has rested on a mention for
// a moment, that mention's card is prepared: fetched, rendered and placed in
// the shadow root, hidden (visibility: hidden, inert, aria-hidden, no dialog
// role), and thrown away if the pointer leaves. The dwell ends in an animation
// frame, which only has to show the prepared card before its paint. A card
// whose data is not there yet opens as before: "Loading…", then the card.
// Part of the card chunk (entrypoints/card-ui.ts), with Preact, Floating UI,
// the card components and their styles: the content script loads it on first
// need (lib/page/core/lazy-card.ts) and only ever imports its types.
import { computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import { CardPopover, type CardState } from '../../../components/card/CardPopover';
import { CARD_BODY_CSS } from '../../../components/card/styles';
import type { MentionInfo } from '../../../components/card/types';
import type { EntityCard } from '../../kb/card';
import type { LinkExplanation } from '../../link/page-corrections';
import type { Settings } from '../../shared/settings';
import { DEBUG, debugMark } from '../core/debug';
import { mentionRange } from '../core/hit-test';
import { FocusStop, type FocusStopEnv } from './focus-stop';
import { HoverIntent } from './hover';
import type { PageMention } from '../core/marks';
import { analysePage, flagsDigest, pageTextSliced, type PageFlags } from './page-analysis';
import type { PageText } from '../../shared/page-claims';
import { pageThemeAt } from './page-theme';
import type { UiHost } from '../core/ui-host';

export interface CardSource {
  card(id: string): Promise<EntityCard | null>;
  cards(ids: readonly string[]): Promise<(EntityCard | null)[]>;
}

export interface CardLayerEnv {
  doc: Document;
  win: Window & typeof globalThis;
  /** Our UI host (created on first use). */
  ui: () => UiHost;
  cards: CardSource;
  settings: () => Pick<Settings, 'showCaveats' | 'theme' | 'hoverDelayMs'>;
  /** Open the side panel at a report (and quote), or at an entity (`entity`: its card in the panel). */
  openReport: (request: { id: string; quoteStart?: number; quoteEnd?: number; entity?: string }) => void;
  openOptions: () => void;
  /** The page's mentions, marked or not (the cards compare their text with the page's). */
  page?: () => readonly PageMention[];
  /** What the page analysis found (caveat-style names, common places left unmarked): the core repaints. */
  flag?: (flags: PageFlags) => void;
  onOpen?: (m: PageMention) => void;
  onClose?: (m: PageMention) => void;
  /** "Why this link" and the name's other KB entities (lib/link/page-corrections.ts `explainLink`, through the engine chunk). */
  explain?: (m: PageMention) => LinkExplanation | null;
  /** "Not this" (the core remembers it for the site and surface and reads the page again). */
  notThis?: (m: PageMention) => void;
  /** "Or did you mean …?": the core switches this name's marks on the page to the other entity. */
  switchTo?: (m: PageMention, id: string) => void;
  /** Tab reaches the marks (focus-stop.ts): the marks, the keyboard's current mark, their names. Absent: no focus stop. */
  stop?: Pick<FocusStopEnv, 'marks' | 'current' | 'setCurrent' | 'describe'>;
}

export interface OpenOptions {
  /** Move focus into the card (keyboard, click). */
  focus: boolean;
  /** Stay open until dismissed (not closed by the pointer leaving). */
  pinned: boolean;
  /** Where focus returns on close (default: the focused element at open). */
  returnFocus?: Element | null;
}

/** One card's popover: the open card, or one prepared (hidden) during a dwell. */
interface View {
  m: PageMention;
  el: HTMLElement;
  /** History: the last state is shown; empty while a prepared card waits for its data. */
  stack: CardState[];
  titleId: string;
  /** Prepared and not shown yet. */
  hidden: boolean;
  /** Opened at the end of a dwell: record 'card-painted' (debug builds) once the full card has painted. */
  dwell: boolean;
  /** Closed or discarded. */
  gone: boolean;
  dialog: HTMLDivElement | null;
  /** Stops following the mention (set once the view has content). */
  stop: (() => void) | null;
}

/** A preview, never a scrolling dossier (issue #16): the card's box is at most 340 px tall. */
const MAX_CARD_HEIGHT = 336;
/** Quiet time after the page's marks change before the page is looked at again. */
const ANALYSE_DELAY_MS = 250;

export class CardLayer {
  mention: PageMention | null = null;
  pinned = false;
  /** The open card. */
  private view: View | null = null;
  /** The card being prepared for the mention under the pointer. */
  private prep: View | null = null;
  private readonly hover: HoverIntent<PageMention>;
  private returnFocus: Element | null = null;
  private titleSeq = 0;
  private wantFocus = false;
  /** Inside the dwell's animation frame callback. */
  private inFrame = false;
  /** The page's text as the cards see it (null: not read since the page changed). */
  private pageCache: PageText | null = null;
  private analyseTimer: number | null = null;
  private lastFlags = '';
  /** The page's one Tab stop for its marks (focus-stop.ts). */
  private readonly stop: FocusStop | null;

  constructor(private readonly env: CardLayerEnv) {
    const { doc, win } = env;
    this.stop = env.stop ? new FocusStop({ ...env.stop, doc, win, ui: env.ui, open: (m, back) => this.open(m, { focus: true, pinned: true, returnFocus: back }) }) : null;
    this.hover = new HoverIntent<PageMention>({
      delay: () => env.settings().hoverDelayMs,
      setTimeout: (fn, ms) => win.setTimeout(fn, ms),
      clearTimeout: (id) => win.clearTimeout(id as number),
      frame: (fn) => {
        const id = win.requestAnimationFrame(() => {
          this.inFrame = true;
          try {
            fn();
          } finally {
            this.inFrame = false;
          }
        });
        return () => win.cancelAnimationFrame(id);
      },
      // In a frame callback, the frame's time (the same value requestAnimationFrame gets).
      now: () => {
        const t = doc.timeline?.currentTime;
        return typeof t === 'number' ? t : win.performance.now();
      },
      prepare: (m) => this.prepare(m),
      discard: () => this.discard(),
      open: (m) => this.open(m, { focus: false, pinned: false }, true),
      // The hover intent closing its own card (grace over) keeps its state: a dwell on the next name goes on.
      close: () => this.close({ restoreFocus: false }, true),
      openFor: () => this.mention,
      pinned: () => this.pinned,
    });
    this.pageChanged();
  }

  /** The page's marks changed: its text is read again (debounced, in slices) for the cards and the marks. */
  pageChanged(): void {
    this.pageCache = null;
    this.stop?.update();
    const { win } = this.env;
    if (!this.env.page || !this.env.flag || this.analyseTimer !== null) return;
    this.analyseTimer = win.setTimeout(() => {
      this.analyseTimer = null;
      void this.analyse();
    }, ANALYSE_DELAY_MS);
  }


  /** Work out the caveat-style names and the common places, and hand them to the core when they changed. */
  private async analyse(): Promise<void> {
    const { win } = this.env;
    const mentions = this.env.page?.() ?? [];
    const ids = [...new Set(mentions.map((m) => m.entityId).filter((id): id is string => id !== null))];
    const cards = await this.env.cards.cards(ids).catch(() => null);
    if (!cards) return;
    // Read in slices (never a long task); a page change meanwhile starts over.
    const cached = this.pageCache;
    const text =
      cached ??
      (await pageTextSliced(
        mentions,
        () => win.performance.now(),
        () => new Promise<void>((r) => win.setTimeout(r, 0)),
        () => this.analyseTimer !== null,
      ));
    if (!text || this.analyseTimer !== null) return;
    if (!this.pageCache) {
      this.pageCache = text;
      // Cards drawn before the page was read: now they can pick the fact for this page.
      for (const v of [this.view, this.prep]) if (v) this.draw(v);
    }
    const flags = analysePage(this.env.page?.() ?? [], new Map(ids.map((id, i) => [id, cards[i] ?? null])), text);
    const digest = flagsDigest(flags);
    // Debug builds: tests wait for this before counting the marks (the flags change which are marked).
    if (DEBUG) debugMark('page-analysed');
    if (digest === this.lastFlags) return;
    this.lastFlags = digest;
    this.env.flag?.(flags);
  }

  get isOpen(): boolean {
    return this.mention !== null;
  }

  /** The mention under the pointer (hover intent); `since`: when it got there (performance.now()), if earlier. */
  pointer(m: PageMention | null, since?: number): void {
    this.hover.pointer(m, since);
  }

  /** Forget the pointer's dwell and grace (settings changed, session ends). */
  resetHover(): void {
    this.hover.reset();
  }

  /** `dwell`: opened by the hover intent at the end of a dwell (then a prepared card is shown as it is, and its paint marked). */
  open(m: PageMention, options: OpenOptions, dwell = false): void {
    const { doc } = this.env;
    if (this.mention === m) {
      if (options.pinned) this.pin();
      if (options.focus) this.focusCard(options.returnFocus);
      return;
    }
    // Take the prepared card before closing the open one (a close not from the hover resets the hover intent, which discards it).
    let v = this.prep;
    this.prep = null;
    if (v && v.m !== m) {
      this.destroy(v);
      v = null;
    }
    if (this.mention) this.close({ restoreFocus: false }, dwell);
    // The page may have removed our host since the card was prepared.
    if (v) this.env.ui().ensureAttached();
    v ??= this.create(m, false);
    this.view = v;
    this.mention = m;
    this.pinned = options.pinned;
    this.returnFocus = options.focus ? (options.returnFocus ?? doc.activeElement) : null;
    this.wantFocus = options.focus;
    v.dwell = dwell;
    // Its data is late (or it was never prepared): the loading state until it arrives.
    if (v.stack.length === 0) v.stack = [{ kind: 'loading', surface: m.surface }];
    v.hidden = false;
    v.el.removeAttribute('aria-hidden');
    v.el.inert = false;
    if (v.dialog) {
      // Prepared and rendered: show it as it is. The dialog gets its role and
      // label here instead of rendering the whole card again in the frame it
      // must appear in (the next render sets the same values).
      v.dialog.setAttribute('role', 'dialog');
      v.dialog.setAttribute('aria-labelledby', v.titleId);
      this.settle(v);
    } else this.draw(v);
    this.env.onOpen?.(m);
  }

  /** Keep the card open until dismissed. */
  pin(): void {
    this.pinned = true;
  }

  /** `fromHover`: closed by the hover intent itself (grace over, or another name's dwell ended), which keeps its state. */
  close({ restoreFocus }: { restoreFocus: boolean }, fromHover = false): void {
    const m = this.mention;
    if (!m) return;
    const ui = this.env.ui();
    const focusInside = ui.root.activeElement !== null || this.env.doc.activeElement === ui.host;
    if (this.view) this.destroy(this.view);
    this.view = null;
    this.mention = null;
    this.pinned = false;
    if (!fromHover) this.hover.reset();
    this.env.onClose?.(m);
    if (restoreFocus && focusInside) {
      const back = this.returnFocus;
      if (back && back !== this.env.doc.body && back.isConnected && typeof (back as HTMLElement).focus === 'function') {
        (back as HTMLElement).focus({ preventScroll: true });
      } else {
        (ui.root.activeElement as HTMLElement | null)?.blur();
      }
    }
    this.returnFocus = null;
  }

  /** Does this event come from inside the open card? */
  contains(e: Event): boolean {
    return this.view !== null && e.composedPath().includes(this.view.el);
  }

  /** Settings changed (theme, caveats). */
  rerender(): void {
    for (const v of [this.view, this.prep]) if (v) this.draw(v);
  }

  /** Start preparing `m`'s card, hidden (the pointer rests on it). */
  private prepare(m: PageMention): void {
    if (this.prep?.m === m || this.mention === m) return;
    this.discard();
    this.prep = this.create(m, true);
  }

  /** Throw the prepared card away (the pointer left before the dwell ended). */
  private discard(): void {
    const v = this.prep;
    this.prep = null;
    if (v) this.destroy(v);
  }

  private create(m: PageMention, hidden: boolean): View {
    const { doc } = this.env;
    const ui = this.env.ui();
    ui.ensureAttached();
    ui.addStyles(CARD_BODY_CSS);
    const el = doc.createElement('div');
    el.className = 'bs-popover';
    if (hidden) {
      // Hidden (CARD_BODY_CSS) and out of reach: not focusable, not announced, no dialog role until shown.
      el.setAttribute('aria-hidden', 'true');
      el.inert = true;
    }
    el.addEventListener('pointerenter', () => this.hover.enterCard());
    el.addEventListener('pointerleave', () => this.hover.leaveCard());
    // Reading inside the card (a click, focus) pins it.
    el.addEventListener('pointerdown', () => this.pin());
    el.addEventListener('focusin', () => this.pin());
    ui.layer.appendChild(el);
    const v: View = { m, el, stack: [], titleId: `bs-title-${++this.titleSeq}`, hidden, dwell: false, gone: false, dialog: null, stop: null };
    const info: MentionInfo = { surface: m.surface, alias: m.alias, reason: m.reason };
    const load: Promise<CardState> =
      m.entityId !== null
        ? this.env.cards.card(m.entityId).then((card) =>
            card ? { kind: 'entity', card, mention: info, link: this.env.explain?.(m) ?? null } : { kind: 'error', surface: m.surface, message: 'This entry is not in the knowledge base any more.' },
          )
        : this.env.cards.cards(m.candidates).then((candidates) => ({ kind: 'ambiguous', surface: m.surface, candidates, mention: info }));
    load
      .catch((): CardState => ({ kind: 'error', surface: m.surface, message: 'Backstory could not read its knowledge base. Try again in a moment.' }))
      .then((state) => {
        if (v.gone) return;
        v.stack = [state];
        this.draw(v);
      });
    return v;
  }

  private destroy(v: View): void {
    v.gone = true;
    v.stop?.();
    render(null, v.el);
    v.el.remove();
  }

  private draw(v: View): void {
    const state = v.stack[v.stack.length - 1];
    if (!state || v.gone) return;
    const s = this.env.settings();
    const theme = s.theme === 'auto' ? this.pageTheme(v.m) : s.theme;
    render(
      <CardPopover
        state={state}
        titleId={v.titleId}
        theme={theme}
        showCaveats={s.showCaveats}
        prepared={v.hidden}
        onClose={() => this.close({ restoreFocus: true })}
        onSettings={() => this.env.openOptions()}
        onBack={v.stack.length > 1 ? () => this.back() : undefined}
        onOpenReport={(r) => this.env.openReport(r)}
        onSelectEntity={(id) => this.showEntity(id)}
        // The page's text as the analysis read it (in slices, never here: a card is drawn during the dwell).
        page={state.kind === 'entity' ? this.pageCache : null}
        onMore={(id) => this.openInPanel(id)}
        onChoose={this.env.switchTo && v.stack.length === 1 ? (id) => this.chooseOther(v, id) : undefined}
        onNotThis={this.env.notThis && v.stack.length === 1 ? () => this.notThis(v) : undefined}
        dialogRef={(el: HTMLDivElement | null) => {
          v.dialog = el;
        }}
      />,
      v.el,
    );
    if (!v.stop) this.place(v);
    this.settle(v);
  }

  /** "Not this": close the card (focus goes back), then the core drops the marks of these words. */
  private notThis(v: View): void {
    if (v !== this.view) return;
    this.close({ restoreFocus: true });
    this.env.notThis?.(v.m);
  }

  /** "Or did you mean …?": the marks switch to the other entity and its card opens in place. */
  private chooseOther(v: View, id: string): void {
    if (v !== this.view) return;
    const back = this.returnFocus;
    this.env.switchTo?.(v.m, id);
    this.close({ restoreFocus: false });
    this.open(v.m, { focus: true, pinned: true, returnFocus: back });
  }

  /** The page's own theme at the mention (its background), or the system's when the page paints none. */
  private pageTheme(m: PageMention): 'light' | 'dark' {
    const { win } = this.env;
    return pageThemeAt(m.startNode.parentElement, win) ?? (win.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  }

  /** "More in the side panel": the panel opens at this entity (its card, over the report it is described from). */
  private openInPanel(id: string): void {
    const state = this.view?.stack[this.view.stack.length - 1];
    const report = state?.kind === 'entity' && state.card.id === id ? state.card.descriptionSource.report.id : null;
    if (report) this.env.openReport({ id: report, entity: id });
  }

  /** After the open card changed: focus it if asked, and mark when the full card has painted after a dwell. */
  private settle(v: View): void {
    const state = v.stack[v.stack.length - 1];
    if (v.hidden || v !== this.view || !state) return;
    if (this.wantFocus) {
      this.wantFocus = false;
      v.dialog?.focus({ preventScroll: true });
    }
    if (v.dwell && state.kind !== 'loading') {
      v.dwell = false;
      if (DEBUG) this.markPainted(v);
    }
  }

  /**
   * Debug builds: 'card-painted' (lib/page/core/debug.ts) once the frame showing the
   * card has painted: a message posted in a frame callback runs after that
   * frame's paint; outside one (the data came late), after the next frame.
   */
  private markPainted(v: View): void {
    if (!DEBUG) return;
    const { win } = this.env;
    const post = () => {
      if (v.gone) return;
      const channel = new win.MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        debugMark('card-painted');
      };
      channel.port2.postMessage(0);
    };
    if (this.inFrame) post();
    else win.requestAnimationFrame(post);
  }

  private focusCard(returnFocus?: Element | null) {
    this.returnFocus ??= returnFocus ?? this.env.doc.activeElement;
    this.view?.dialog?.focus({ preventScroll: true });
  }

  private back(): void {
    const v = this.view;
    if (!v || v.stack.length <= 1) return;
    v.stack.pop();
    this.draw(v);
    v.dialog?.focus({ preventScroll: true });
  }

  private showEntity(id: string): void {
    const v = this.view;
    if (!v) return;
    this.pin();
    v.stack.push({ kind: 'loading', surface: '' });
    this.draw(v);
    this.env.cards
      .card(id)
      .then((card): CardState => (card ? { kind: 'entity', card, mention: null } : { kind: 'error', surface: id, message: 'This entry is not in the knowledge base.' }))
      .catch((): CardState => ({ kind: 'error', surface: id, message: 'Backstory could not read its knowledge base.' }))
      .then((state) => {
        if (v.gone) return;
        v.stack[v.stack.length - 1] = state;
        this.draw(v);
        v.dialog?.focus({ preventScroll: true });
      });
  }

  /** Place the card next to its mention, and keep it there. */
  private place(v: View): void {
    const { doc, win } = this.env;
    const { m, el } = v;
    const reference = {
      getBoundingClientRect: () => mentionRange(doc, m).getBoundingClientRect(),
      getClientRects: () => mentionRange(doc, m).getClientRects(),
      contextElement: m.startNode.parentElement ?? undefined,
    };
    const update = () => {
      if (v.gone) return;
      // Let flip() see the card's natural height, not the last size() limit.
      const card = el.firstElementChild as HTMLElement | null;
      if (card) card.style.maxHeight = '';
      void computePosition(reference, el, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          offset(8),
          flip({ padding: 8, fallbackPlacements: ['top-start', 'bottom-end', 'top-end'] }),
          shift({ padding: 8 }),
          size({
            padding: 8,
            apply: ({ availableHeight }) => {
              if (card) card.style.maxHeight = `${Math.max(180, Math.min(MAX_CARD_HEIGHT, Math.floor(availableHeight)))}px`;
            },
          }),
        ],
      }).then(({ x, y }) => {
        if (v.gone) return;
        el.style.left = `${Math.round(x)}px`;
        el.style.top = `${Math.round(y)}px`;
      });
    };
    // Follow the mention when the page scrolls or resizes, and the card when its
    // content changes size (one update per frame).
    let frame = 0;
    const schedule = () => {
      if (frame === 0) frame = win.requestAnimationFrame(() => ((frame = 0), update()));
    };
    const stop = new AbortController();
    win.addEventListener('scroll', schedule, { capture: true, passive: true, signal: stop.signal });
    win.addEventListener('resize', schedule, { passive: true, signal: stop.signal });
    const resize = typeof win.ResizeObserver === 'function' ? new win.ResizeObserver(schedule) : null;
    resize?.observe(el);
    update();
    v.stop = () => {
      stop.abort();
      resize?.disconnect();
      if (frame) win.cancelAnimationFrame(frame);
    };
  }
}
