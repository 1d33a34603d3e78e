// The side panel's state: which tab it follows, what that page mentions, the
// summary assembled from the KB, and the report reader. Framework-free: the
// environment (messaging, tab events, settings, the pending report request)
// comes in as parameters, so unit tests drive it with fakes and the entrypoint
// only supplies the browser's.
import type { EntityCard } from '../kb/card';
import { DEFAULT_SETTINGS, isActiveOn, normaliseHost, withSiteActive, type Settings } from '../shared/settings';
import { buildPanelSummary, leavesOut, type PanelCaveat, type PanelSummary } from './summary';
import type { PageSummary, PanelData, ReportRequest, ReportView } from './types';

export interface PanelEnv {
  /** A fixed tab (`?tab=` in the URL: tests, or a panel opened as a page); null follows the active tab. */
  fixedTabId: number | null;
  activeTabId(): Promise<number | null>;
  tab: {
    summary(tabId: number): Promise<PageSummary | null>;
    hasText(tabId: number, quotes: string[]): Promise<boolean[]>;
    reveal(tabId: number, entity: string): Promise<boolean>;
  };
  kb: {
    panelData(ids: string[]): Promise<PanelData>;
    reportView(id: string): Promise<ReportView | null>;
    card(id: string): Promise<EntityCard | null>;
    markSeen(id: string): Promise<void>;
    listSeen(): Promise<string[]>;
    /** What the KB covers, and a problem worth showing (a failed load), if any. */
    info(): Promise<KbInfo>;
  };
  settings: {
    load(): Promise<Settings>;
    save(update: (s: Settings) => Settings): Promise<Settings>;
    watch(listener: (s: Settings) => void): () => void;
  };
  events: {
    /** The active tab of the panel's window changed. */
    onTabActivated(listener: (tabId: number) => void): () => void;
    /** A tab finished loading (or changed URL). */
    onTabUpdated(listener: (tabId: number) => void): () => void;
    /** A content script's scan results changed. */
    onPageChanged(listener: (summary: PageSummary, tabId: number | undefined) => void): () => void;
  };
  /** A report the reader asked to open from a card (storage.session `pendingReport`). */
  pending: {
    take(): Promise<ReportRequest | null>;
    watch(listener: () => void): () => void;
  };
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface KbInfo {
  reports: number;
  entities: number;
  problem: string | null;
}

export type PageStatus =
  | { kind: 'loading' }
  /** No content script answers: a browser page, the web store, or a page opened before Backstory. */
  | { kind: 'unavailable' }
  | { kind: 'off'; page: PageSummary; host: string; reason: 'global' | 'site' }
  | { kind: 'empty'; page: PageSummary }
  | { kind: 'ready'; page: PageSummary; summary: PanelSummary; leavesOut: PanelCaveat[] | null };

export interface ReaderState {
  request: ReportRequest;
  view: ReportView | null;
  error: string | null;
  /** The entity whose card is open inline, and the card once loaded. */
  cardFor: string | null;
  card: EntityCard | null;
}

export interface PanelState {
  tabId: number | null;
  status: PageStatus;
  settings: Settings;
  reader: ReaderState | null;
  /** A short message for the reader (e.g. "that name is no longer on the page"), announced politely. */
  notice: string | null;
  kb: KbInfo | null;
}

export interface PanelController {
  get(): PanelState;
  subscribe(listener: (s: PanelState) => void): () => void;
  start(): Promise<void>;
  refresh(): Promise<void>;
  reveal(entity: string): Promise<void>;
  openReport(request: ReportRequest): Promise<void>;
  closeReport(): void;
  showCard(entity: string | null): Promise<void>;
  /** Turn Backstory on for the page's site (and globally if it was off everywhere). */
  turnOn(): Promise<void>;
  dispose(): void;
}

/** Retries while a content script may still be starting (page loading, just installed). */
const RETRY_MS = [400, 1200, 3000];

export function createPanelController(env: PanelEnv): PanelController {
  let state: PanelState = { tabId: env.fixedTabId, status: { kind: 'loading' }, settings: DEFAULT_SETTINGS, reader: null, notice: null, kb: null };
  const listeners = new Set<(s: PanelState) => void>();
  const offs: (() => void)[] = [];
  let generation = 0;
  let retryTimer: unknown = null;
  let retries = 0;
  let data: { key: string; value: PanelData } | null = null;
  let seen = new Set<string>();
  let lastPage: PageSummary | null = null;
  let disposed = false;

  const set = (patch: Partial<PanelState>) => {
    state = { ...state, ...patch };
    for (const l of listeners) l(state);
  };

  const clearRetry = () => {
    if (retryTimer !== null) env.clearTimeout(retryTimer);
    retryTimer = null;
  };

  const scheduleRetry = () => {
    clearRetry();
    const wait = RETRY_MS[retries];
    if (wait === undefined) return false;
    retries++;
    retryTimer = env.setTimeout(() => {
      retryTimer = null;
      void refresh({ keepRetries: true });
    }, wait);
    return true;
  };

  async function tabId(): Promise<number | null> {
    if (env.fixedTabId !== null) return env.fixedTabId;
    try {
      return await env.activeTabId();
    } catch {
      return null;
    }
  }

  async function loadData(ids: string[]): Promise<PanelData> {
    const key = [...ids].sort().join('\n');
    if (data?.key === key) return data.value;
    const value = await env.kb.panelData(ids);
    data = { key, value };
    return value;
  }

  function statusFor(page: PageSummary, settings: Settings): PageStatus | null {
    let host = '';
    try {
      host = normaliseHost(new URL(page.url).hostname);
    } catch {
      host = '';
    }
    // The settings are the truth (the page may not have applied a change yet); without a host, ask the page.
    if (host ? !isActiveOn(settings, host) : !page.active) {
      return { kind: 'off', page, host, reason: settings.enabled ? 'site' : 'global' };
    }
    return null;
  }

  async function show(page: PageSummary, gen: number) {
    lastPage = page;
    const off = statusFor(page, state.settings);
    if (off) return set({ status: off });
    const ids = page.mentions.filter((m) => m.count > 0).map((m) => m.entity);
    if (ids.length === 0) return set({ status: { kind: 'empty', page } });
    const panelData = await loadData(ids);
    if (gen !== generation) return;
    const summary = buildPanelSummary({ ...page, mentions: page.mentions }, filterTypes(panelData, state.settings), seen);
    if (summary.entityCount === 0) return set({ status: { kind: 'empty', page } });
    const previous = state.status.kind === 'ready' && state.status.page.url === page.url ? state.status.leavesOut : null;
    set({ status: { kind: 'ready', page, summary, leavesOut: previous } });
    const candidates = summary.leavesOutCandidates;
    let found: boolean[] = [];
    if (candidates.length && state.tabId !== null) {
      try {
        found = await env.tab.hasText(state.tabId, candidates.map((c) => c.caveat.quote));
      } catch {
        found = [];
      }
    }
    if (gen !== generation || state.status.kind !== 'ready') return;
    set({ status: { ...state.status, leavesOut: leavesOut(candidates, found) } });
  }

  function filterTypes(d: PanelData, settings: Settings): PanelData {
    if (settings.entityTypes.length === 6) return d;
    return { ...d, entities: d.entities.filter((e) => settings.entityTypes.includes(e.type)) };
  }

  async function refresh(options: { keepRetries?: boolean } = {}): Promise<void> {
    if (disposed) return;
    const gen = ++generation;
    if (!options.keepRetries) {
      retries = 0;
      clearRetry();
    }
    const id = await tabId();
    if (gen !== generation) return;
    if (id !== state.tabId) {
      lastPage = null;
      set({ tabId: id, status: { kind: 'loading' }, notice: null });
    }
    if (id === null) return set({ status: { kind: 'unavailable' } });
    let page: PageSummary | null = null;
    let failed = false;
    try {
      page = await env.tab.summary(id);
    } catch {
      failed = true;
    }
    if (gen !== generation) return;
    if (!page) {
      // Not ready yet (still reading, or the content script is starting): try again shortly.
      if (scheduleRetry()) {
        if (state.status.kind !== 'ready') set({ status: { kind: 'loading' } });
        return;
      }
      return set({ status: failed ? { kind: 'unavailable' } : { kind: 'loading' } });
    }
    clearRetry();
    try {
      await show(page, gen);
    } catch (e) {
      if (gen === generation) set({ kb: { reports: 0, entities: 0, ...state.kb, problem: (e as Error)?.message ?? 'The knowledge base could not be read.' } });
    }
    // A page still being read will send pageChanged when it is done; poll once more as a fallback.
    if (page.scanning && gen === generation) scheduleRetry();
  }

  async function openReport(request: ReportRequest): Promise<void> {
    set({ reader: { request, view: null, error: null, cardFor: null, card: null } });
    try {
      const view = await env.kb.reportView(request.id);
      if (state.reader?.request !== request) return;
      if (!view) return set({ reader: { ...state.reader, error: 'This report is not in the knowledge base any more.' } });
      set({ reader: { ...state.reader, view } });
      if (request.entity) await showCard(request.entity);
      if (!seen.has(request.id)) {
        seen = new Set(seen).add(request.id);
        await env.kb.markSeen(request.id).catch(() => undefined);
        if (lastPage && state.status.kind === 'ready') await show(lastPage, generation).catch(() => undefined);
      }
    } catch (e) {
      if (state.reader?.request === request) set({ reader: { ...state.reader, error: (e as Error)?.message ?? 'The report could not be loaded.' } });
    }
  }

  async function showCard(entity: string | null): Promise<void> {
    if (!state.reader) return;
    if (entity === null || state.reader.cardFor === entity) return set({ reader: { ...state.reader, cardFor: null, card: null } });
    set({ reader: { ...state.reader, cardFor: entity, card: null } });
    const card = await env.kb.card(entity).catch(() => null);
    if (state.reader?.cardFor === entity) set({ reader: { ...state.reader, card } });
  }

  async function takePending() {
    try {
      const request = await env.pending.take();
      if (request) await openReport(request);
    } catch {
      // no pending request
    }
  }

  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async start() {
      const [settings, seenList, kb] = await Promise.all([
        env.settings.load().catch(() => DEFAULT_SETTINGS),
        env.kb.listSeen().catch(() => [] as string[]),
        env.kb.info().catch((e: unknown) => ({ reports: 0, entities: 0, problem: (e as Error)?.message ?? 'The knowledge base could not be read.' })),
      ]);
      seen = new Set(seenList);
      set({ settings, kb });
      offs.push(
        env.settings.watch((s) => {
          set({ settings: s });
          void refresh();
          // The page applies the change on its own; look again once it has.
          env.setTimeout(() => void refresh(), 600);
        }),
        env.events.onTabActivated((id) => {
          if (env.fixedTabId === null && id !== state.tabId) void refresh();
        }),
        env.events.onTabUpdated((id) => {
          if (id === state.tabId) void refresh();
        }),
        env.events.onPageChanged((page, from) => {
          if (from === undefined || from !== state.tabId) return;
          retries = 0;
          clearRetry();
          const gen = ++generation;
          void show(page, gen).catch(() => undefined);
        }),
        env.pending.watch(() => void takePending()),
      );
      await Promise.all([refresh(), takePending()]);
    },
    refresh: () => refresh(),
    async reveal(entity) {
      if (state.tabId === null) return;
      let ok = false;
      try {
        ok = await env.tab.reveal(state.tabId, entity);
      } catch {
        ok = false;
      }
      set({ notice: ok ? null : 'That name is no longer marked on the page.' });
    },
    openReport,
    closeReport: () => set({ reader: null }),
    showCard,
    async turnOn() {
      const status = state.status;
      if (status.kind !== 'off') return;
      await env.settings.save((s) => {
        const on = s.enabled ? s : { ...s, enabled: true };
        return status.host && !isActiveOn(on, status.host) ? withSiteActive(on, status.host, true) : on;
      });
    },
    dispose() {
      disposed = true;
      clearRetry();
      for (const off of offs.splice(0)) off();
      listeners.clear();
    },
  };
}
