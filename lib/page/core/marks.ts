// The marks on a page: which text-node ranges mention which entity, an index
// to find the mention under a caret position (binary search in the sorted
// mention offsets of one text node), and the painter that puts mentions into
// CSS Custom Highlights (one Highlight per entity type). The page's DOM is
// never changed: highlights are ranges the browser paints over the text.
import type { EntityType } from '../../kb/schema';
import type { Mention, MentionReason } from '../../match/types';
import type { Settings } from '../../shared/settings';
import type { ArticleRegion } from './article-region';
import { DEFAULT_NAMES, type HighlightNames } from './highlight-css';
import { follows, type TextBlock } from './text-blocks';

export interface PageMention {
  readonly id: number;
  /** The linked entity; null when the alias fits several entities (see `candidates`). */
  readonly entityId: string | null;
  readonly candidates: readonly string[];
  /** Why the link was made: 'alias' (exact name), 'context-full-name', 'context-nearby', or 'ambiguous'. */
  readonly reason: MentionReason;
  /** The page linker's reason code and the other KB entities of the name (lib/link/why.ts words them for the card). */
  readonly why?: readonly string[];
  readonly alternatives?: readonly string[];
  /** The text as the page writes it ("Putin" in "Putin's"). */
  readonly surface: string;
  /** The KB alias that matched ("Xi"). */
  readonly alias: string;
  readonly startNode: Text;
  readonly startOffset: number;
  readonly endNode: Text;
  readonly endOffset: number;
  readonly block: TrackedBlock;
  /** Its range (made when first registered in a highlight, then kept), or null. */
  range: AbstractRange | null;
  /** The highlight it is marked in (what hover, the keyboard and the panel count), or null when not marked. */
  paintedAs: string | null;
  /**
   * The highlight its range is registered in right now, or null. Only marked
   * mentions near the viewport are registered (lib/page/core/highlight-window.ts):
   * the browser's highlight painting grows with every range registered.
   */
  shownAs: string | null;
}

export interface TrackedBlock {
  readonly nodes: readonly Text[];
  readonly text: string;
  readonly mentions: PageMention[];
  alive: boolean;
}

interface Segment {
  /** Offsets within the text node. */
  start: number;
  end: number;
  mention: PageMention;
}

/**
 * The index of the text node of a block that holds block offset `offset`
 * (text-blocks.ts `locate`: with `preferEnd`, an offset between two nodes
 * is the end of the first; else the start of the second), searching from
 * index `from` on (an index known to start at or before it).
 */
function nodeAt(starts: readonly number[], offset: number, preferEnd: boolean, from: number): number {
  let lo = from;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! < offset || (!preferEnd && starts[mid] === offset)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Tracked blocks (only blocks with at least one mention are kept) and a
 * per-text-node index of mention segments, sorted by offset.
 */
export class MarkIndex {
  // Maps, not WeakMaps (cheaper to fill and for the garbage collector): every
  // entry belongs to a tracked block, which holds its nodes anyway, and goes
  // when the block is dropped (drop, clear, sweepDisconnected).
  #byNode = new Map<Text, TrackedBlock>();
  #segments = new Map<Text, Segment[]>();
  /** Tracked blocks in document order (dead ones are compacted away from time to time). */
  #list: TrackedBlock[] = [];
  #dead = 0;
  #nextId = 1;
  #orderedCache: PageMention[] | null = null;
  #blocksCache: TrackedBlock[] | null = null;

  /** Called with every mention that leaves the index (to unpaint it). */
  constructor(private readonly onDrop: (m: PageMention) => void) {}

  get size(): number {
    return this.#list.length - this.#dead;
  }

  /**
   * Track a block's mentions; blocks that shared a text node with it are dropped first.
   * `appending`: the caller knows the block is new and comes after every tracked
   * block (a full read of the page into an empty index, in document order).
   */
  add(block: TextBlock, mentions: readonly Mention[], aliasText: (alias: number) => string, appending = false): TrackedBlock | null {
    if (!appending) {
      for (const n of block.nodes) {
        const old = this.#byNode.get(n);
        if (old) this.drop(old);
      }
    }
    if (mentions.length === 0) return null;
    const tracked: TrackedBlock = { nodes: block.nodes, text: block.text, mentions: [], alive: true };
    this.extend(tracked, block, mentions, aliasText);
    for (const n of block.nodes) this.#byNode.set(n, tracked);
    const prev = this.#list.length > 0 && !appending ? this.#lastAlive() : undefined;
    if (!prev || follows(prev.nodes[prev.nodes.length - 1]!, block.nodes[0]!)) this.#list.push(tracked);
    else this.#insertInOrder(tracked);
    this.#orderedCache = null;
    this.#blocksCache = null;
    return tracked;
  }

  /**
   * Add more of a tracked block's mentions (after those it has, in order): the
   * reader indexes a block of tens of thousands of mentions a few thousand at a
   * time, yielding between them (issue #17: no long task).
   */
  extend(tracked: TrackedBlock, block: TextBlock, mentions: readonly Mention[], aliasText: (alias: number) => string): void {
    if (!tracked.alive) return;
    const { nodes, starts } = block;
    // The text node a mention starts or ends in, by binary search; a block's mentions come in order, so mostly the last one's.
    let last = 0;
    let lastStart = 0;
    for (const m of mentions) {
      if (m.start < lastStart) last = 0;
      lastStart = m.start;
      const first = nodeAt(starts, m.start, false, last);
      const end = nodeAt(starts, m.end, true, first);
      last = first;
      const startNode = nodes[first]!;
      const startOffset = m.start - starts[first]!;
      const endNode = nodes[end]!;
      const endOffset = m.end - starts[end]!;
      const pm: PageMention = {
        id: this.#nextId++,
        entityId: m.entityId,
        candidates: m.candidates,
        reason: m.reason,
        why: m.why,
        alternatives: m.alternatives,
        surface: m.surface,
        alias: aliasText(m.alias),
        startNode,
        startOffset,
        endNode,
        endOffset,
        block: tracked,
        range: null,
        paintedAs: null,
        shownAs: null,
      };
      tracked.mentions.push(pm);
      // One segment per text node the mention touches.
      // The node indices from the search: an indexOf per mention is quadratic on a block of 30,000 links.
      for (let k = first; k <= end; k++) {
        const node = nodes[k]!;
        const segStart = k === first ? startOffset : 0;
        const segEnd = k === end ? endOffset : node.data.length;
        if (segEnd <= segStart && first !== end) continue;
        let segs = this.#segments.get(node);
        if (!segs) this.#segments.set(node, (segs = []));
        segs.push({ start: segStart, end: segEnd, mention: pm });
      }
    }
    this.#orderedCache = null;
  }

  /** Text added above tracked text (a live blog's newest post on top): insert it in its place (binary search). */
  #insertInOrder(block: TrackedBlock): void {
    if (this.#dead > 0) {
      this.#list = this.#list.filter((b) => b.alive);
      this.#dead = 0;
    }
    const first = block.nodes[0]!;
    let lo = 0;
    let hi = this.#list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (follows(this.#list[mid]!.nodes[0]!, first)) lo = mid + 1;
      else hi = mid;
    }
    this.#list.splice(lo, 0, block);
  }

  #lastAlive(): TrackedBlock | undefined {
    for (let i = this.#list.length - 1; i >= 0; i--) if (this.#list[i]!.alive) return this.#list[i];
    return undefined;
  }

  drop(block: TrackedBlock): void {
    if (!block.alive) return;
    block.alive = false;
    this.#dead++;
    for (const n of block.nodes) {
      if (this.#byNode.get(n) === block) this.#byNode.delete(n);
      const segs = this.#segments.get(n);
      if (segs) {
        const kept = segs.filter((s) => s.mention.block !== block);
        if (kept.length) this.#segments.set(n, kept);
        else this.#segments.delete(n);
      }
    }
    for (const m of block.mentions) this.onDrop(m);
    this.#orderedCache = null;
    this.#blocksCache = null;
    if (this.#dead > 64 && this.#dead * 2 > this.#list.length) {
      this.#list = this.#list.filter((b) => b.alive);
      this.#dead = 0;
    }
  }

  /** Drop blocks any of whose text nodes left the document. Cost: the tracked nodes. */
  sweepDisconnected(): number {
    let dropped = 0;
    for (const b of this.#list) {
      if (b.alive && b.nodes.some((n) => !n.isConnected)) {
        this.drop(b);
        dropped++;
      }
    }
    return dropped;
  }

  clear(): void {
    for (const b of this.#list) this.drop(b);
    this.#list = [];
    this.#dead = 0;
    this.#orderedCache = null;
    this.#blocksCache = null;
  }

  blockOf(node: Text): TrackedBlock | undefined {
    return this.#byNode.get(node);
  }

  /**
   * Mentions whose span in `node` touches `offset` (a caret position: the
   * offset before or after a character). At most two (one ending, one starting
   * there). Binary search over the node's sorted segments.
   */
  at(node: Node, offset: number): PageMention[] {
    const segs = this.#segments.get(node as Text);
    if (!segs) return [];
    let lo = 0;
    let hi = segs.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (segs[mid]!.start <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const out: PageMention[] = [];
    if (found < 0) return out;
    const s = segs[found]!;
    if (offset <= s.end) out.push(s.mention);
    const prev = segs[found - 1];
    if (prev && prev.end === offset && offset === s.start) out.unshift(prev.mention);
    return out;
  }

  /** Every tracked block (with at least one mention) in document order. */
  blocks(): readonly TrackedBlock[] {
    if (this.#blocksCache) return this.#blocksCache;
    this.#blocksCache = this.#dead > 0 ? this.#list.filter((b) => b.alive) : this.#list.slice();
    return this.#blocksCache;
  }

  /** Every tracked mention in document order. */
  ordered(): PageMention[] {
    if (this.#orderedCache) return this.#orderedCache;
    this.#orderedCache = this.blocks().flatMap((b) => b.mentions);
    return this.#orderedCache;
  }
}


// ---------------------------------------------------------------- painting

/** What the painter needs from the page: its highlight registry and constructors. */
export interface HighlightEnv {
  registry: Map<string, Highlight> | HighlightRegistry;
  createHighlight: () => Highlight;
  /** A range for a mention (a StaticRange in browsers: no cost on DOM mutations). */
  makeRange: (m: PageMention) => AbstractRange;
  /** This install's highlight names (lib/page/core/highlight-css.ts); the readable defaults when absent. */
  names?: HighlightNames;
}

export type TypeOf = (entityId: string) => EntityType | undefined;

/** Which highlight a mention belongs in under the settings, or null when it is not marked. */
export function highlightFor(m: PageMention, typeOf: TypeOf, visible: ReadonlySet<string>, names: HighlightNames = DEFAULT_NAMES): string | null {
  if (m.entityId !== null) {
    const type = typeOf(m.entityId);
    return type && visible.has(type) ? names.type[type] : null;
  }
  const types = m.candidates.map(typeOf);
  if (types.some((t) => t === undefined)) return null;
  return types.some((t) => visible.has(t!)) ? names.ambiguous : null;
}

/** The key under which 'first mention only' counts mentions. */
function firstKey(m: PageMention): string {
  return m.entityId ?? `?${[...m.candidates].sort().join('|')}`;
}

/** What the card chunk found on the page (lib/page/card/page-analysis.ts): the core only applies it. */
export interface PaintFlags {
  /** Entities the page makes a caveated claim about: marked in the caveat style. */
  caveated: ReadonlySet<string>;
  /** Very common places (the place the page is about), unmarked unless the reader asks for them. */
  quietEntities: ReadonlySet<string>;
  /** Mentions of places used as metonyms ("Moscow said"), likewise. */
  quietMentions: ReadonlySet<number>;
}

type PaintSettings = Pick<Settings, 'entityTypes' | 'markMode'> & Partial<Pick<Settings, 'typeMarks' | 'markCommonPlaces'>>;

/**
 * How the article region is found: lib/page/core/article-region.ts, handed over
 * with the linker chunk (lib/link/chunk.ts) so its bytes stay out of the
 * content script. Until then (or without it) the whole page counts.
 */
let regionFor: ((doc: Document) => ArticleRegion) | null = null;
export function useArticleRegion(make: typeof regionFor): void {
  regionFor = make;
}

export class Painter {
  #highlights = new Map<string, Highlight>();
  #visible: Set<string>;
  #s: PaintSettings;
  #current: { m: PageMention; range: AbstractRange } | null = null;
  #active: { m: PageMention; range: AbstractRange } | null = null;
  /**
   * Where mark changes go: with a window (the page reader sets one), changes
   * are queued and registered near the viewport only, once per frame; without
   * one, every marked mention is registered at once.
   */
  #window: { touch(m: PageMention): void } | null = null;
  /** Set by the card chunk's look at the page (null until then). */
  flags: PaintFlags | null = null;
  /** Where 'first mention' counts: the article body (made on first use). */
  #region: ArticleRegion | undefined;
  readonly #doc: Document | undefined;

  readonly #env: HighlightEnv;
  readonly #typeOf: TypeOf;
  readonly #names: HighlightNames;

  constructor(env: HighlightEnv, typeOf: TypeOf, settings: PaintSettings, doc?: Document) {
    this.#env = env;
    this.#names = env.names ?? DEFAULT_NAMES;
    this.#typeOf = typeOf;
    this.#s = settings;
    this.#visible = new Set(settings.entityTypes);
    this.#doc = doc;
  }

  setSettings(settings: PaintSettings): void {
    this.#s = settings;
    this.#visible = new Set(settings.entityTypes);
    this.#region?.reset();
  }

  #highlight(name: string): Highlight {
    let h = this.#highlights.get(name);
    if (!h) {
      h = this.#env.createHighlight();
      if (name === this.#names.current) h.priority = 2;
      else if (name === this.#names.active) h.priority = 1;
      this.#highlights.set(name, h);
      this.#env.registry.set(name, h);
    } else if (this.#env.registry.get(name) !== h) {
      // The page cleared the shared registry (e.g. CSS.highlights.clear() for its
      // own search highlights): put all of ours back with the next change (issue #7).
      for (const [n, ours] of this.#highlights) if (this.#env.registry.get(n) !== ours) this.#env.registry.set(n, ours);
    }
    return h;
  }

  /** 'first' when any visible type is marked at its first mention only (the reader then looks at every mention in order). */
  get markMode(): Settings['markMode'] {
    const t = this.#s.typeMarks;
    return this.#s.markMode === 'first' || (t && Object.values(t).includes('first')) ? 'first' : 'every';
  }

  /** The type's mode: every mention, the first in the article body, or none. */
  #mode(m: PageMention): string {
    const type = m.entityId !== null ? this.#typeOf(m.entityId) : undefined;
    return (type && this.#s.typeMarks?.[type]) || this.#s.markMode;
  }

  /** Can the keyboard reach this mention? Every mention of a type that is marked at all. */
  reachable(m: PageMention): boolean {
    return m.block.alive && highlightFor(m, this.#typeOf, this.#visible) !== null && this.#mode(m) !== 'off';
  }

  /**
   * The highlight a mention should be in. Call in document order with one
   * `seen` set per pass: in 'first' mode only the first mention of each entity
   * in the article body is marked.
   */
  wanted(m: PageMention, seen: Set<string>): string | null {
    const name = highlightFor(m, this.#typeOf, this.#visible, this.#names);
    const mode = this.#mode(m);
    if (!name || mode === 'off') return null;
    const f = this.flags;
    const id = m.entityId;
    const out = f && id !== null && f.caveated.has(id) ? this.#names.caveat : name;
    if (mode !== 'first') return out;
    // Very common places are left out of the default marking ('every' marks them all).
    if (f && !this.#s.markCommonPlaces && ((id !== null && f.quietEntities.has(id)) || f.quietMentions.has(m.id))) return null;
    // An entity already marked first: no need to ask where this mention is (the region test costs DOM reads).
    const key = firstKey(m);
    if (seen.has(key)) return null;
    const region = (this.#region ??= this.#doc && regionFor ? regionFor(this.#doc) : undefined);
    if (region && !region.contains(m.startNode)) return null;
    seen.add(key);
    return out;
  }

  /** Register marks through a window (see `window`); null: register every mark at once. */
  useWindow(window: { touch(m: PageMention): void } | null): void {
    this.#window = window;
  }

  /** Mark a mention in highlight `name` (null: unmark). Its range is registered now, or by the window. */
  apply(m: PageMention, name: string | null): void {
    if (m.paintedAs === name) return;
    m.paintedAs = name;
    if (this.#window) this.#window.touch(m);
    else this.show(m, name);
  }

  /** Register a mention's range in highlight `name` (null: in none). */
  show(m: PageMention, name: string | null): void {
    if (m.shownAs === name) return;
    if (m.shownAs !== null && m.range) this.#highlights.get(m.shownAs)?.delete(m.range);
    m.shownAs = name;
    if (name === null) return;
    m.range ??= this.#env.makeRange(m);
    this.#highlight(name).add(m.range);
  }

  /** A mention left the page: unmark it (its range goes at once) and clear focus marks on it. */
  forget(m: PageMention): void {
    m.paintedAs = null;
    this.show(m, null);
    m.range = null;
    if (this.#current?.m === m) this.setCurrent(null);
    if (this.#active?.m === m) this.setActive(null);
  }

  isPainted(m: PageMention): boolean {
    return m.paintedAs !== null && m.block.alive;
  }

  setCurrent(m: PageMention | null): void {
    this.#current = this.#swap(this.#names.current, this.#current, m);
  }

  setActive(m: PageMention | null): void {
    this.#active = this.#swap(this.#names.active, this.#active, m);
  }

  get currentMention(): PageMention | null {
    return this.#current?.m ?? null;
  }

  #swap(name: string, old: { m: PageMention; range: AbstractRange } | null, m: PageMention | null) {
    if (old) this.#highlights.get(name)?.delete(old.range);
    if (!m) return null;
    const range = this.#env.makeRange(m);
    this.#highlight(name).add(range);
    return { m, range };
  }

  /** Ranges per highlight name, in insertion order (tests and debugging). */
  snapshot(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [name, h] of this.#highlights) out[name] = h.size;
    return out;
  }

  /** Remove every highlight of ours from the page. */
  dispose(): void {
    for (const name of this.#names.all) {
      const h = this.#highlights.get(name);
      if (h && this.#env.registry.get(name) === h) this.#env.registry.delete(name);
    }
    this.#highlights.clear();
    this.#current = null;
    this.#active = null;
  }
}
