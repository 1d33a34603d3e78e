// The content script's side of the side panel: answers the panel's questions
// about this page (what it mentions, does it contain a quote), reveals a
// mention on request, and tells open extension pages when its scan results
// change. The scanner's state comes in through `env`, so this file knows
// nothing about how the page was read.
//
// Wired in lib/page/core/app.ts, where the page reader's state is available:
//   const panel = connectPageToPanel({ doc, win, signal, active, mentions, openCard, scanning }, messaging);
//   ...and panel.changed() whenever the marks (reader env `onMarksChanged`) or the settings change.
import type { onMessage as extOnMessage, sendMessage as extSendMessage } from '../../shared/messages';
import type { PageSummary } from '../../panel/types';
import { collectTextBlocks } from './text-blocks';

export type { PageSummary };

export interface PanelBridgeEnv {
  getSummary(): PageSummary;
  /** Scroll to the entity's first mention and open its card; false when the page has none. */
  reveal(entity: string): boolean;
  hasText(quotes: string[]): boolean[];
  /** The page's readable text (the panel checks "leaves out" against it, paraphrases included). */
  text?(): string;
  /** Stops answering (and notifying) when aborted (content script invalidated). */
  signal?: AbortSignal;
  /** Quiet time before a change is broadcast (ms). */
  debounceMs?: number;
}

/**
 * The messaging functions the bridge uses: lib/shared/messages.ts's, or (in the
 * content script, to keep @webext-core/messaging out of its bundle) the
 * wire-compatible ones of lib/page/core/messaging.ts. Always passed in, so this
 * module imports no messaging code of its own.
 */
export interface BridgeMessaging {
  onMessage: typeof extOnMessage;
  sendMessage: typeof extSendMessage;
}

export interface PanelBridge {
  /** The page's scan results or settings changed: broadcast a new summary soon (debounced, only if different). */
  changed(): void;
  dispose(): void;
}

export function registerPanelBridge(env: PanelBridgeEnv, messaging: BridgeMessaging): PanelBridge {
  const offs = [
    messaging.onMessage('pageSummary', () => env.getSummary()),
    messaging.onMessage('revealMention', ({ data }) => env.reveal(data.entity)),
    messaging.onMessage('pageHasText', ({ data }) => env.hasText(data.quotes)),
    messaging.onMessage('pageText', () => env.text?.() ?? ''),
  ];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = '';
  let disposed = false;
  const dispose = () => {
    if (disposed) return;
    disposed = true;
    if (timer !== undefined) clearTimeout(timer);
    for (const off of offs) off();
  };
  env.signal?.addEventListener('abort', dispose, { once: true });
  if (env.signal?.aborted) dispose();
  return {
    changed() {
      if (disposed) return;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        if (disposed) return;
        const summary = env.getSummary();
        const digest = summaryDigest(summary);
        if (digest === last) return;
        last = digest;
        notifyPageChanged(summary, messaging);
      }, env.debounceMs ?? 250);
    },
    dispose,
  };
}

/** A string that changes when anything the panel shows from the summary changes. */
export function summaryDigest(s: PageSummary): string {
  return JSON.stringify([s.url, s.title, s.active, s.ambiguous ?? 0, s.scanning ?? false, s.mentions.map((m) => `${m.entity}:${m.count}`), s.notLinked ?? []]);
}

/**
 * Tell open extension pages (side panel, popup) that this page changed. With
 * none open there is no receiver and the browser rejects: that is normal.
 */
export function notifyPageChanged(summary: PageSummary, messaging: Pick<BridgeMessaging, 'sendMessage'>): void {
  try {
    void messaging.sendMessage('pageChanged', summary).catch(() => undefined);
  } catch {
    // The extension context is gone (updated or reloaded): nothing to tell.
  }
}

/** Linked mentions per entity (order of first mention) and the count of ambiguous ones. */
export function summarizeMentions(mentions: Iterable<{ entityId: string | null }>): Pick<PageSummary, 'mentions' | 'ambiguous'> {
  const counts = new Map<string, number>();
  let ambiguous = 0;
  for (const m of mentions) {
    if (m.entityId === null) ambiguous++;
    else counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
  }
  return { mentions: [...counts].map(([entity, count]) => ({ entity, count })), ambiguous };
}

/**
 * Fold text for "does the page say this": Unicode compatibility forms, case,
 * quote marks (dropped), dash styles, invisible characters and runs of white space.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    // Quote marks are dropped: pages and reports quote in different styles (“…”, ‘…’, "…", «…»).
    .replace(/['"‘’‚‛ʼ′`´“”„‟″«»]/g, '')
    .replace(/[‐-―−]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** For each quote: does the (folded) text contain it? Empty quotes are never found. */
export function textHasQuotes(text: string, quotes: readonly string[]): boolean[] {
  const hay = foldForSearch(text);
  return quotes.map((q) => {
    const needle = foldForSearch(q);
    return needle.length > 0 && hay.includes(needle);
  });
}

/** The page's readable text: its text blocks (as the scanner reads them), joined by spaces. */
export function pageText(doc: Document): string {
  const root = doc.body ?? doc.documentElement;
  if (!root) return '';
  const parts: string[] = [];
  for (const block of collectTextBlocks(root, doc)) parts.push(block.text);
  return parts.join(' ');
}

/** For each quote: does this page's readable text contain it? */
export function pageHasQuotes(doc: Document, quotes: readonly string[]): boolean[] {
  if (quotes.length === 0) return [];
  return textHasQuotes(pageText(doc), quotes);
}

/** What the bridge needs of a page mention (lib/page/core/marks.ts PageMention fits). */
export interface BridgeMention {
  readonly entityId: string | null;
  /** The highlight it is painted in, or null when it is not marked (type hidden, first-only mode). */
  readonly paintedAs: string | null;
  readonly startNode: Node;
}

export interface PageBridgeSource<M extends BridgeMention> {
  doc: Document;
  win: Window;
  signal: AbortSignal;
  /** Backstory is on for this page's site. */
  active(): boolean;
  /** Tracked mentions in document order (empty while not running). */
  mentions(): readonly M[];
  /** Open the mention's card (it has been scrolled into view). */
  openCard(m: M): void;
  /** Still reading the page. */
  scanning?(): boolean;
  /** Names the linker found and did not link, with the reason in plain words (issue #14: "Not linked"). */
  notLinked?(): NonNullable<PageSummary['notLinked']>;
}

/**
 * The panel bridge over the page reader's state: summary from its mentions,
 * "reveal" scrolls to the entity's first marked mention (or first mention) and
 * opens its card, "has text" reads the page's text blocks.
 */
export function connectPageToPanel<M extends BridgeMention>(src: PageBridgeSource<M>, messaging: BridgeMessaging): PanelBridge {
  const { doc, win } = src;
  return registerPanelBridge(
    {
      signal: src.signal,
      getSummary: () => {
        const active = src.active();
        return {
          url: win.location.href,
          title: doc.title,
          active,
          ...(active ? summarizeMentions(src.mentions()) : { mentions: [], ambiguous: 0 }),
          ...(active && src.notLinked ? { notLinked: src.notLinked() } : {}),
          scanning: src.scanning?.() ?? false,
        };
      },
      reveal: (entity) => {
        if (!src.active()) return false;
        const all = src.mentions();
        const m = all.find((x) => x.entityId === entity && x.paintedAs !== null) ?? all.find((x) => x.entityId === entity);
        if (!m || !m.startNode.isConnected) return false;
        const reduce = !!win.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
        m.startNode.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: reduce ? 'instant' : 'auto' });
        src.openCard(m);
        return true;
      },
      hasText: (quotes) => pageHasQuotes(doc, quotes),
      text: () => pageText(doc),
    },
    messaging,
  );
}
