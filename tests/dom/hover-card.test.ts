// The hover path of the card layer (lib/page/card/card-layer.tsx with the hover
// intent of lib/page/card/hover.ts) in happy-dom, with fake timers and animation
// frames: the card is prepared hidden while the pointer rests, shown in the
// frame that ends the dwell, thrown away when the pointer leaves, and opened as
// before ("Loading…", then the card) when its data is late. Also the core's
// LazyCard handing the pointer over to the chunk once it arrives.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HOST_CSS } from '../../lib/page/core/host-styles';
import type { EntityCard } from '../../lib/kb/card';
import { CardLayer, type CardLayerEnv, type CardSource } from '../../lib/page/card/card-layer';
import { debugTimeline, type DebugEvent } from '../../lib/page/core/debug';
import { PREPARE_MS } from '../../lib/page/card/hover';
import { CardChunk, LazyCard } from '../../lib/page/core/lazy-card';
import type { PageMention } from '../../lib/page/core/marks';
import { createUiHost, type UiHost } from '../../lib/page/core/ui-host';
import { minimalCard } from '../support/cards';

const DELAY = 500;

function entity(id: string, name: string): EntityCard {
  return minimalCard(id, name, 'person', `${name}, a person in the reports.`, [name]);
}

/** A mention of `name` in a paragraph of its own. */
function mention(id: string, name: string): PageMention {
  const p = document.createElement('p');
  p.textContent = `Before ${name} after.`;
  document.body.appendChild(p);
  const text = p.firstChild as Text;
  const start = text.data.indexOf(name);
  return {
    id: Math.random(),
    entityId: id,
    candidates: [],
    reason: 'alias',
    surface: name,
    alias: name,
    startNode: text,
    startOffset: start,
    endNode: text,
    endOffset: start + name.length,
    range: null,
    paintedAs: 'backstory-person',
    shownAs: 'backstory-person',
  } as unknown as PageMention;
}

/** Card data whose answers the test releases (or answers at once). */
function source(immediate = true) {
  const waiting = new Map<string, (c: EntityCard | null) => void>();
  const asked: string[] = [];
  const names: Record<string, string> = { xi: 'Xi Jinping', putin: 'Vladimir Putin' };
  const src: CardSource = {
    card: (id) => {
      asked.push(id);
      return immediate ? Promise.resolve(entity(id, names[id] ?? id)) : new Promise((resolve) => waiting.set(id, resolve));
    },
    cards: (ids) => Promise.all(ids.map((id) => src.card(id))),
  };
  return { src, asked, release: (id: string) => waiting.get(id)?.(entity(id, names[id] ?? id)) };
}

let ui: UiHost | null = null;
/** The dwell ends and card paints the layer recorded in the debug timeline (lib/page/core/debug.ts), in order. */
let marks: string[] = [];
let onTimelineEvent: (e: DebugEvent) => void = () => undefined;
const recordMarks = (e: DebugEvent) => onTimelineEvent(e);

function env(cards: CardSource, events: string[] = []): CardLayerEnv {
  // happy-dom makes no trusted events: the test's own events stand for the reader's.
  ui ??= createUiHost(document, window, HOST_CSS, { trusted: () => true });
  const host = ui;
  return {
    doc: document,
    win: window,
    ui: () => host,
    cards,
    settings: () => ({ showCaveats: true, theme: 'light', hoverDelayMs: DELAY }),
    openReport: () => undefined,
    openOptions: () => undefined,
    onOpen: (m) => events.push(`open ${m.surface}`),
    onClose: (m) => events.push(`close ${m.surface}`),
  };
}

const popovers = () => [...ui!.root.querySelectorAll<HTMLElement>('.bs-popover')];
const dialogs = () => [...ui!.root.querySelectorAll('[role=dialog]')];
/** Let promise callbacks (card data, rendering) run. */
const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};
/** Wait for real message tasks (the card-painted mark is posted after the frame). */
const messages = () => new Promise<void>((resolve) => setImmediate(resolve));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame', 'performance'] });
  // The frame clock the layer reads (document.timeline.currentTime), on the fake clock.
  Object.defineProperty(document, 'timeline', { configurable: true, value: { get currentTime() { return performance.now(); } } });
  marks = [];
  onTimelineEvent = (e) => {
    if (e.name === 'dwell-end' || e.name === 'card-painted') marks.push(`backstory:${e.name}`);
  };
  debugTimeline().listeners.add(recordMarks);
});

afterEach(async () => {
  vi.useRealTimers();
  // Let a message posted for the 'card-painted' mark (card-layer.tsx markPainted)
  // arrive before the next test: one of ours, posted after it, has arrived.
  await new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(0);
  });
  vi.restoreAllMocks();
  debugTimeline().listeners.delete(recordMarks);
  ui?.dispose();
  ui = null;
  document.body.replaceChildren();
});

describe('hover: the card prepared during the dwell', () => {
  it('renders the card hidden once the pointer has rested, and shows that same card in the frame that ends the dwell', async () => {
    const { src } = source();
    const events: string[] = [];
    const layer = new CardLayer(env(src, events));
    const xi = mention('xi', 'Xi Jinping');
    layer.pointer(xi);
    vi.advanceTimersByTime(PREPARE_MS);
    await settle();
    // Prepared: rendered, hidden, not focusable, not announced, not a dialog, not "open".
    const [prepared] = popovers();
    expect(prepared).toBeDefined();
    expect(prepared!.getAttribute('aria-hidden')).toBe('true');
    expect(prepared!.inert).toBe(true);
    expect(prepared!.querySelector('h2')!.textContent).toBe('Xi Jinping');
    expect(dialogs()).toHaveLength(0);
    expect(layer.mention).toBeNull();
    expect(events).toEqual([]);

    vi.advanceTimersByTime(DELAY - PREPARE_MS - 50);
    expect(layer.mention).toBeNull();
    expect(marks).toEqual([]);
    vi.advanceTimersByTime(100); // past the dwell: the next frame ends it
    expect(marks).toEqual(['backstory:dwell-end']);
    expect(layer.mention).toBe(xi);
    expect(popovers()).toEqual([prepared]); // the same element, now shown
    expect(prepared!.hasAttribute('aria-hidden')).toBe(false);
    expect(prepared!.inert).toBe(false);
    const dialog = dialogs()[0]!;
    expect(dialog.getAttribute('aria-busy')).toBeNull();
    expect(ui!.root.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).toBe('Xi Jinping');
    expect(events).toEqual(['open Xi Jinping']);
    await vi.waitFor(() => expect(marks).toEqual(['backstory:dwell-end', 'backstory:card-painted']));
  });

  it('ends the dwell in an animation frame once the hover delay has passed, not before', () => {
    const { src } = source();
    const layer = new CardLayer(env(src));
    const t0 = performance.now();
    let ended = -1;
    onTimelineEvent = (e) => {
      if (e.name === 'dwell-end') ended = performance.now() - t0;
    };
    const raf = vi.spyOn(window, 'requestAnimationFrame');
    layer.pointer(mention('xi', 'Xi Jinping'));
    vi.advanceTimersByTime(DELAY - 1);
    expect(ended).toBe(-1);
    vi.advanceTimersByTime(50);
    expect(ended).toBeGreaterThanOrEqual(DELAY);
    expect(ended).toBeLessThan(DELAY + 17);
    // It was a frame callback that ended it (fake frames are 16 ms apart).
    expect(raf).toHaveBeenCalled();
  });

  it('throws the prepared card away when the pointer leaves before the dwell ends; nothing opens later', async () => {
    const { src, release } = source(false);
    const events: string[] = [];
    const layer = new CardLayer(env(src, events));
    layer.pointer(mention('xi', 'Xi Jinping'));
    vi.advanceTimersByTime(PREPARE_MS + 50);
    expect(popovers()).toHaveLength(1);
    layer.pointer(null);
    expect(popovers()).toHaveLength(0);
    // The data arriving late for a discarded card renders nothing.
    release('xi');
    await settle();
    vi.advanceTimersByTime(5000);
    await settle();
    await messages();
    expect(popovers()).toHaveLength(0);
    expect(layer.mention).toBeNull();
    expect(events).toEqual([]);
    expect(marks).toEqual([]);
  });

  it('a settings change (resetHover) drops the dwell and its prepared card', async () => {
    const { src } = source();
    const layer = new CardLayer(env(src));
    layer.pointer(mention('xi', 'Xi Jinping'));
    vi.advanceTimersByTime(PREPARE_MS + 10);
    await settle();
    expect(popovers()).toHaveLength(1);
    layer.resetHover();
    expect(popovers()).toHaveLength(0);
    vi.advanceTimersByTime(5000);
    expect(layer.mention).toBeNull();
    expect(marks).toEqual([]);
  });

  it('a pointer crossing a name without resting costs nothing: no card data asked for, nothing rendered', () => {
    const { src, asked } = source();
    const layer = new CardLayer(env(src));
    const xi = mention('xi', 'Xi Jinping');
    const putin = mention('putin', 'Vladimir Putin');
    layer.pointer(xi);
    vi.advanceTimersByTime(PREPARE_MS / 2);
    layer.pointer(putin);
    vi.advanceTimersByTime(PREPARE_MS / 2);
    layer.pointer(null);
    vi.advanceTimersByTime(5000);
    expect(asked).toEqual([]);
    expect(popovers()).toHaveLength(0);
  });

  it('resting on another name replaces the prepared card', async () => {
    const { src } = source();
    const layer = new CardLayer(env(src));
    layer.pointer(mention('xi', 'Xi Jinping'));
    vi.advanceTimersByTime(PREPARE_MS + 10);
    await settle();
    layer.pointer(mention('putin', 'Vladimir Putin'));
    vi.advanceTimersByTime(PREPARE_MS + 10);
    await settle();
    expect(popovers().map((p) => p.querySelector('h2')!.textContent)).toEqual(['Vladimir Putin']);
    vi.advanceTimersByTime(DELAY);
    expect(dialogs().map((d) => d.querySelector('h2')!.textContent)).toEqual(['Vladimir Putin']);
  });

  it('data late at the dwell end: the loading state, then the card; card-painted only after the full card', async () => {
    const { src, release } = source(false);
    const layer = new CardLayer(env(src));
    layer.pointer(mention('xi', 'Xi Jinping'));
    vi.advanceTimersByTime(DELAY + 50);
    await settle();
    expect(dialogs()).toHaveLength(1);
    expect(dialogs()[0]!.getAttribute('aria-busy')).toBe('true');
    expect(popovers()[0]!.hasAttribute('aria-hidden')).toBe(false);
    vi.advanceTimersByTime(100);
    await messages();
    expect(marks).toEqual(['backstory:dwell-end']);
    release('xi');
    await settle();
    expect(dialogs()[0]!.getAttribute('aria-busy')).toBeNull();
    expect(dialogs()[0]!.querySelector('h2')!.textContent).toBe('Xi Jinping');
    await messages();
    expect(marks).toEqual(['backstory:dwell-end']); // not before the frame that shows it
    vi.advanceTimersByTime(17);
    await vi.waitFor(() => expect(marks).toEqual(['backstory:dwell-end', 'backstory:card-painted']));
  });

  it('the grace period into the card and closing still work with a prepared card', async () => {
    const { src } = source();
    const events: string[] = [];
    const layer = new CardLayer(env(src, events));
    const xi = mention('xi', 'Xi Jinping');
    layer.pointer(xi);
    vi.advanceTimersByTime(DELAY + 20);
    await settle();
    expect(layer.mention).toBe(xi);
    layer.pointer(null);
    vi.advanceTimersByTime(200);
    popovers()[0]!.dispatchEvent(new PointerEvent('pointerenter'));
    vi.advanceTimersByTime(2000);
    expect(layer.mention).toBe(xi);
    popovers()[0]!.dispatchEvent(new PointerEvent('pointerleave'));
    vi.advanceTimersByTime(300);
    expect(layer.mention).toBeNull();
    expect(popovers()).toHaveLength(0);
    expect(events).toEqual(['open Xi Jinping', 'close Xi Jinping']);
  });

  it('moving from one name straight to another: the first card closes after the grace, the second opens after its dwell', async () => {
    const { src } = source();
    const events: string[] = [];
    const layer = new CardLayer(env(src, events));
    const xi = mention('xi', 'Xi Jinping');
    const putin = mention('putin', 'Vladimir Putin');
    layer.pointer(xi);
    vi.advanceTimersByTime(DELAY + 20);
    await settle();
    layer.pointer(putin); // and the pointer stays there
    vi.advanceTimersByTime(300);
    expect(layer.mention).toBeNull();
    vi.advanceTimersByTime(DELAY - 300 + 20);
    await settle();
    expect(layer.mention).toBe(putin);
    expect(dialogs().map((d) => d.querySelector('h2')!.textContent)).toEqual(['Vladimir Putin']);
    expect(events).toEqual(['open Xi Jinping', 'close Xi Jinping', 'open Vladimir Putin']);
  });

  it('a dwell that replaces a pinned card leaves a hover card that closes when the pointer leaves', async () => {
    const { src } = source();
    const layer = new CardLayer(env(src));
    const xi = mention('xi', 'Xi Jinping');
    const putin = mention('putin', 'Vladimir Putin');
    layer.open(xi, { focus: false, pinned: true });
    layer.pointer(putin);
    vi.advanceTimersByTime(DELAY + 20);
    await settle();
    expect(layer.mention).toBe(putin);
    expect(layer.pinned).toBe(false);
    layer.pointer(null);
    vi.advanceTimersByTime(300);
    expect(layer.mention).toBeNull();
  });

  it('a click during the dwell opens the prepared card pinned and focused; no card-painted mark (not a dwell)', async () => {
    const { src } = source();
    const layer = new CardLayer(env(src));
    const xi = mention('xi', 'Xi Jinping');
    layer.pointer(xi);
    vi.advanceTimersByTime(PREPARE_MS + 10);
    await settle();
    const prepared = popovers()[0]!;
    layer.open(xi, { focus: true, pinned: true });
    expect(popovers()).toEqual([prepared]);
    expect(layer.pinned).toBe(true);
    expect(ui!.root.activeElement).toBe(dialogs()[0]);
    vi.advanceTimersByTime(DELAY);
    await messages();
    expect(marks).toEqual([]);
    layer.close({ restoreFocus: true });
    expect(popovers()).toHaveLength(0);
  });
});

describe('LazyCard: the pointer before the card chunk has arrived', () => {
  it('keeps the mention under the pointer and hands it to the chunk, which finishes the dwell', async () => {
    const { src } = source();
    let arrive: () => void = () => undefined;
    const e = env(src);
    const chunk = new CardChunk(
      () =>
        new Promise((resolve) => {
          arrive = () => resolve({ createCardLayer: (x) => new CardLayer(x) });
        }),
      () => performance.now(),
    );
    const card = new LazyCard(e, chunk);
    const xi = mention('xi', 'Xi Jinping');
    card.pointer(xi);
    expect(chunk.stats.state).toBe('loading');
    vi.advanceTimersByTime(200);
    arrive();
    await settle();
    // The dwell counts from when the pointer came, not from the chunk's arrival.
    vi.advanceTimersByTime(DELAY - 200 + 20);
    await settle();
    expect(card.mention).toBe(xi);
    expect(dialogs()).toHaveLength(1);
  });

  it('a pointer that left before the chunk arrived opens nothing', async () => {
    const { src } = source();
    let arrive: () => void = () => undefined;
    const chunk = new CardChunk(
      () =>
        new Promise((resolve) => {
          arrive = () => resolve({ createCardLayer: (x) => new CardLayer(x) });
        }),
      () => performance.now(),
    );
    const card = new LazyCard(env(src), chunk);
    card.pointer(mention('xi', 'Xi Jinping'));
    card.pointer(null);
    arrive();
    await settle();
    vi.advanceTimersByTime(5000);
    expect(card.mention).toBeNull();
    expect(popovers()).toHaveLength(0);
  });
});
