// The card controller: renders the Preact card (components/card) into our
// shadow root, places it next to the mention with Floating UI (anchored to the
// mention's Range), keeps a small history (related entity → Back), and handles
// focus: a card opened from the keyboard or by click takes focus, and focus
// returns where it was when the card closes.
// Part of the card chunk (entrypoints/card-ui.ts), with Preact, Floating UI,
// the card components and their styles: the content script loads it on first
// need (lib/page/lazy-card.ts) and only ever imports its types.
import { computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import { CardPopover, type CardState } from '../../components/card/CardPopover';
import { CARD_BODY_CSS } from '../../components/card/styles';
import type { MentionInfo } from '../../components/card/types';
import type { EntityCard } from '../kb/card';
import type { Settings } from '../settings';
import { mentionRange } from './hit-test';
import type { PageMention } from './marks';
import type { UiHost } from './ui-host';

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
  settings: () => Pick<Settings, 'showCaveats' | 'theme'>;
  openReport: (request: { id: string; quoteStart?: number; quoteEnd?: number }) => void;
  openOptions: () => void;
  onOpen?: (m: PageMention) => void;
  onClose?: (m: PageMention) => void;
  /** The pointer entered / left the card (hover intent). */
  onPointerEnter?: () => void;
  onPointerLeave?: () => void;
}

export interface OpenOptions {
  /** Move focus into the card (keyboard, click). */
  focus: boolean;
  /** Stay open until dismissed (not closed by the pointer leaving). */
  pinned: boolean;
  /** Where focus returns on close (default: the focused element at open). */
  returnFocus?: Element | null;
}

const MAX_CARD_HEIGHT = 520;

export class CardLayer {
  mention: PageMention | null = null;
  pinned = false;
  private stack: CardState[] = [];
  private returnFocus: Element | null = null;
  private popover: HTMLElement | null = null;
  private dialog: HTMLDivElement | null = null;
  private stopAutoUpdate: (() => void) | null = null;
  private token = 0;
  private titleSeq = 0;
  private wantFocus = false;

  constructor(private readonly env: CardLayerEnv) {}

  get isOpen(): boolean {
    return this.mention !== null;
  }

  open(m: PageMention, options: OpenOptions): void {
    const { doc } = this.env;
    if (this.mention === m) {
      if (options.pinned) this.pin();
      if (options.focus) this.focusCard(options.returnFocus);
      return;
    }
    if (this.mention) this.close({ restoreFocus: false });
    const token = ++this.token;
    this.mention = m;
    this.pinned = options.pinned;
    this.returnFocus = options.focus ? (options.returnFocus ?? doc.activeElement) : null;
    this.wantFocus = options.focus;
    const info: MentionInfo = { surface: m.surface, alias: m.alias, reason: m.reason };
    this.stack = [{ kind: 'loading', surface: m.surface }];
    this.mount(m);
    this.env.onOpen?.(m);
    const load: Promise<CardState> =
      m.entityId !== null
        ? this.env.cards.card(m.entityId).then((card) =>
            card ? { kind: 'entity', card, mention: info } : { kind: 'error', surface: m.surface, message: 'This entry is not in the knowledge base any more.' },
          )
        : this.env.cards.cards(m.candidates).then((candidates) => ({ kind: 'ambiguous', surface: m.surface, candidates, mention: info }));
    load
      .catch((): CardState => ({ kind: 'error', surface: m.surface, message: 'Backstory could not read its knowledge base. Try again in a moment.' }))
      .then((state) => {
        if (token !== this.token) return;
        this.stack = [state];
        this.rerender();
      });
  }

  /** Keep the card open until dismissed. */
  pin(): void {
    this.pinned = true;
  }

  close({ restoreFocus }: { restoreFocus: boolean }): void {
    const m = this.mention;
    if (!m) return;
    this.token++;
    const ui = this.env.ui();
    const focusInside = ui.root.activeElement !== null || this.env.doc.activeElement === ui.host;
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = null;
    if (this.popover) {
      render(null, this.popover);
      this.popover.remove();
    }
    this.popover = null;
    this.dialog = null;
    this.mention = null;
    this.pinned = false;
    this.stack = [];
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

  /** Does this event come from inside the card? */
  contains(e: Event): boolean {
    return this.popover !== null && e.composedPath().includes(this.popover);
  }

  /** Settings changed (theme, caveats). */
  rerender(): void {
    if (!this.popover || !this.mention) return;
    const state = this.stack[this.stack.length - 1];
    if (!state) return;
    const s = this.env.settings();
    const theme = s.theme === 'auto' ? (this.env.win.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light') : s.theme;
    render(
      <CardPopover
        state={state}
        titleId={`bs-title-${this.titleSeq}`}
        theme={theme}
        showCaveats={s.showCaveats}
        onClose={() => this.close({ restoreFocus: true })}
        onSettings={() => this.env.openOptions()}
        onBack={this.stack.length > 1 ? () => this.back() : undefined}
        onOpenReport={(r) => this.env.openReport(r)}
        onSelectEntity={(id) => this.showEntity(id)}
        dialogRef={(el: HTMLDivElement | null) => {
          this.dialog = el;
        }}
      />,
      this.popover,
    );
    if (this.wantFocus) {
      this.wantFocus = false;
      this.dialog?.focus({ preventScroll: true });
    }
  }

  private focusCard(returnFocus?: Element | null) {
    this.returnFocus ??= returnFocus ?? this.env.doc.activeElement;
    this.dialog?.focus({ preventScroll: true });
  }

  private back(): void {
    if (this.stack.length <= 1) return;
    this.stack.pop();
    this.rerender();
    this.dialog?.focus({ preventScroll: true });
  }

  private showEntity(id: string): void {
    const token = this.token;
    this.pin();
    this.stack.push({ kind: 'loading', surface: '' });
    this.rerender();
    this.env.cards
      .card(id)
      .then((card): CardState => (card ? { kind: 'entity', card, mention: null } : { kind: 'error', surface: id, message: 'This entry is not in the knowledge base.' }))
      .catch((): CardState => ({ kind: 'error', surface: id, message: 'Backstory could not read its knowledge base.' }))
      .then((state) => {
        if (token !== this.token) return;
        this.stack[this.stack.length - 1] = state;
        this.rerender();
        this.dialog?.focus({ preventScroll: true });
      });
  }

  private mount(m: PageMention): void {
    const { doc } = this.env;
    const ui = this.env.ui();
    ui.ensureAttached();
    ui.addStyles(CARD_BODY_CSS);
    const popover = doc.createElement('div');
    popover.className = 'bs-popover';
    popover.addEventListener('pointerenter', () => this.env.onPointerEnter?.());
    popover.addEventListener('pointerleave', () => this.env.onPointerLeave?.());
    // Reading inside the card (a click, focus) pins it.
    popover.addEventListener('pointerdown', () => this.pin());
    popover.addEventListener('focusin', () => this.pin());
    ui.layer.appendChild(popover);
    this.popover = popover;
    this.titleSeq++;
    this.rerender();
    const reference = {
      getBoundingClientRect: () => mentionRange(doc, m).getBoundingClientRect(),
      getClientRects: () => mentionRange(doc, m).getClientRects(),
      contextElement: m.startNode.parentElement ?? undefined,
    };
    const update = () => {
      if (this.popover !== popover) return;
      // Let flip() see the card's natural height, not the last size() limit.
      const card = popover.firstElementChild as HTMLElement | null;
      if (card) card.style.maxHeight = '';
      void computePosition(reference, popover, {
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
        if (this.popover !== popover) return;
        popover.style.left = `${Math.round(x)}px`;
        popover.style.top = `${Math.round(y)}px`;
      });
    };
    // Follow the mention when the page scrolls or resizes, and the card when its
    // content changes size (one update per frame).
    const { win } = this.env;
    let frame = 0;
    const schedule = () => {
      if (frame === 0) frame = win.requestAnimationFrame(() => ((frame = 0), update()));
    };
    const stop = new AbortController();
    win.addEventListener('scroll', schedule, { capture: true, passive: true, signal: stop.signal });
    win.addEventListener('resize', schedule, { passive: true, signal: stop.signal });
    const resize = typeof win.ResizeObserver === 'function' ? new win.ResizeObserver(schedule) : null;
    resize?.observe(popover);
    update();
    this.stopAutoUpdate = () => {
      stop.abort();
      resize?.disconnect();
      if (frame) win.cancelAnimationFrame(frame);
    };
  }
}
