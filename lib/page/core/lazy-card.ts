// The card, as the content script's core sees it: the same surface as
// CardLayer (lib/page/card/card-layer.tsx), which lives in the card chunk and is
// loaded on first need (lib/page/core/card-ui.ts). `preload()` fetches the chunk
// ahead of time (the app calls it at idle once the page has marks, so in the
// normal case it is loaded long before the first hover dwell ends). A card
// asked for while the chunk is still loading is "open" at once for everything
// that asks (keyboard, Esc, the panel) and is mounted when the chunk arrives;
// closing it before then just cancels it. The hover intent runs in the chunk
// too: until it arrives, `pointer()` keeps the mention under the pointer and
// since when, and hands them over. Private members are #private: the minifier
// shortens their names (this file is in the content script).
import type { CardLayer, CardLayerEnv, OpenOptions } from '../card/card-layer';
import type { CardUi } from './card-ui';
import { debugMark } from './debug';
import type { PageMention } from './marks';

export interface CardChunkStats {
  /** 'idle' (not asked for), 'loading', 'loaded' or 'failed'. */
  state: 'idle' | 'loading' | 'loaded' | 'failed';
  /** performance.now() when the load was first asked for, and when it finished. */
  requestedAt: number | null;
  loadedAt: number | null;
  /** Cards asked for while the chunk was still loading (opened when it arrived). */
  waited: number;
}

/** Loads the card chunk once per page (shared by every session on the page); a failed load is retried on the next request. */
export class CardChunk {
  readonly stats: CardChunkStats = { state: 'idle', requestedAt: null, loadedAt: null, waited: 0 };
  api: CardUi | null = null;
  #loading: Promise<CardUi> | null = null;
  readonly #load: () => Promise<CardUi>;
  readonly #now: () => number;

  constructor(load: () => Promise<CardUi>, now: () => number) {
    this.#load = load;
    this.#now = now;
  }

  get(): Promise<CardUi> {
    if (this.api) return Promise.resolve(this.api);
    if (!this.#loading) {
      this.stats.state = 'loading';
      this.stats.requestedAt ??= this.#now();
      this.#loading = this.#load().then(
        (api) => {
          this.api = api;
          this.stats.state = 'loaded';
          this.stats.loadedAt = this.#now();
          return api;
        },
        (error: unknown) => {
          this.#loading = null;
          this.stats.state = 'failed';
          throw error;
        },
      );
    }
    return this.#loading;
  }
}

export class LazyCard {
  #real: CardLayer | null = null;
  #pending: { m: PageMention; options: OpenOptions } | null = null;
  /** The mention under the pointer while the chunk loads, and since when (performance.now()). */
  #under: PageMention | null = null;
  #since = 0;
  readonly #env: CardLayerEnv;
  readonly #chunk: CardChunk;

  constructor(env: CardLayerEnv, chunk: CardChunk) {
    this.#env = env;
    this.#chunk = chunk;
  }

  /** The mention whose card is open (or opening), or null. */
  get mention(): PageMention | null {
    return this.#real ? this.#real.mention : (this.#pending?.m ?? null);
  }

  get pinned(): boolean {
    return this.#real ? this.#real.pinned : (this.#pending?.options.pinned ?? false);
  }

  get isOpen(): boolean {
    return this.mention !== null;
  }

  /** Fetch the chunk now (no card is opened); after a failed load only opening a card tries again. */
  preload(): void {
    if (!this.#real && this.#chunk.stats.state !== 'failed') this.#attach().catch(() => undefined);
  }

  /** The mention under the pointer (the hover intent's input). */
  pointer(m: PageMention | null): void {
    debugMark('pointer', m ? m.surface : null);
    if (this.#real) return this.#real.pointer(m);
    if (m === this.#under) return;
    this.#under = m;
    this.#since = this.#env.win.performance.now();
    // The pointer rests on a mark: the chunk must come (normally it is preloaded already; this also retries a failed load).
    if (m) this.#attach().catch(() => undefined);
  }

  /** Forget the pointer's dwell (settings changed, session ends). */
  resetHover(): void {
    if (this.#real) this.#real.resetHover();
    else this.#under = null;
  }

  open(m: PageMention, options: OpenOptions): void {
    if (this.#real) {
      this.#real.open(m, options);
      return;
    }
    const p = this.#pending;
    if (p && p.m === m) {
      if (options.pinned) p.options.pinned = true;
      if (options.focus && !p.options.focus) p.options = { ...p.options, focus: true, returnFocus: options.returnFocus ?? this.#env.doc.activeElement };
      return;
    }
    if (p) this.close({ restoreFocus: false });
    // Where focus returns is where it is now, not where it will be when the chunk arrives.
    this.#pending = { m, options: options.focus ? { ...options, returnFocus: options.returnFocus ?? this.#env.doc.activeElement } : { ...options } };
    this.#chunk.stats.waited++;
    this.#env.onOpen?.(m);
    this.#attach().catch(() => {
      // The chunk could not be loaded (the extension was updated or removed): no card.
      const q = this.#pending;
      this.#pending = null;
      if (q) this.#env.onClose?.(q.m);
    });
  }

  pin(): void {
    if (this.#real) this.#real.pin();
    else if (this.#pending) this.#pending.options.pinned = true;
  }

  close(options: { restoreFocus: boolean }): void {
    if (this.#real) {
      this.#real.close(options);
      return;
    }
    const p = this.#pending;
    if (!p) return;
    this.#pending = null;
    this.#env.onClose?.(p.m);
  }

  rerender(): void {
    this.#real?.rerender();
  }

  /** The page's marks changed (the card chunk looks at the page again). */
  pageChanged(): void {
    this.#real?.pageChanged();
  }

  /** Load the chunk, then open the card asked for meanwhile and hand over the pointer. */
  async #attach(): Promise<void> {
    const api = await this.#chunk.get();
    if (this.#real) return;
    const real = (this.#real = api.createCardLayer(this.#env));
    const q = this.#pending;
    this.#pending = null;
    if (q) real.open(q.m, q.options);
    real.pointer(this.#under, this.#since);
  }
}
