// The side panel's controller, driven with a fake environment: the real KB in
// memory for the background, a fake page for the content script.
import { describe, expect, it, vi } from 'vitest';
import { entityCard, memoryReader } from '../../lib/kb/card';
import { collectPanelData } from '../../lib/panel/data';
import { createPanelController, type PanelEnv } from '../../lib/panel/controller';
import { fixedTabFromUrl, pageHost, parseReportRequest } from '../../lib/panel/request';
import { reportRef } from '../../lib/kb/card';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/shared/settings';
import type { PageSummary, ReportView } from '../../lib/panel/types';
import { pageSummary } from '../support/panel';
import { buildKbFromDisk } from '../../scripts/read-data';

const kb = buildKbFromDisk();
const reader = memoryReader(kb);

const PAGE: PageSummary = pageSummary('https://news.example.com/xi-putin', 'Xi and Putin meet', { 'xi-jinping': 3, 'vladimir-putin': 2, 'mugin-5': 1 });

function fakeEnv(overrides: { page?: PageSummary | null; pageFails?: boolean; fixedTab?: number | null; hasText?: (q: string[]) => boolean[] } = {}) {
  let settings: Settings = DEFAULT_SETTINGS;
  const settingsListeners = new Set<(s: Settings) => void>();
  const tabListeners = { activated: new Set<(id: number) => void>(), updated: new Set<(id: number) => void>(), changed: new Set<(p: PageSummary, id: number | undefined) => void>() };
  const seen: string[] = [];
  let pending: { id: string; quoteStart?: number; quoteEnd?: number } | null = null;
  const pendingListeners = new Set<() => void>();
  const timers: (() => void)[] = [];
  let activeTab = 7;
  const pages = new Map<number, PageSummary | null>([[7, overrides.page === undefined ? PAGE : overrides.page]]);
  const revealed: string[] = [];
  const env: PanelEnv = {
    fixedTabId: overrides.fixedTab ?? null,
    activeTabId: async () => activeTab,
    tab: {
      summary: async (id) => {
        if (overrides.pageFails) throw new Error('Could not establish connection. Receiving end does not exist.');
        return pages.get(id) ?? null;
      },
      hasText: async (_id, quotes) => (overrides.hasText ? overrides.hasText(quotes) : quotes.map(() => false)),
      reveal: async (_id, entity) => {
        revealed.push(entity);
        return entity !== 'gone';
      },
    },
    kb: {
      panelData: (ids) => collectPanelData(reader, ids),
      reportView: async (id): Promise<ReportView | null> => {
        const report = kb.reports.find((r) => r.id === id);
        if (!report) return null;
        const byId = new Map(kb.entities.map((e) => [e.id, e]));
        const marks = report.mentions.map(([start, end, entity]) => ({ start, end, entity }));
        const ids = [...new Set(marks.map((m) => m.entity))];
        return { report, ref: reportRef(report), caveats: kb.caveats.filter((c) => c.report === id), marks, entities: ids.map((x) => ({ id: x, name: byId.get(x)!.name, type: byId.get(x)!.type })) };
      },
      card: (id) => entityCard(reader, id),
      markSeen: async (id) => void seen.push(id),
      listSeen: async () => [...seen],
      info: async () => ({ reports: kb.reports.length, entities: kb.entities.length, problem: null }),
    },
    settings: {
      load: async () => settings,
      save: async (update) => {
        settings = update(settings);
        for (const l of settingsListeners) l(settings);
        return settings;
      },
      watch: (l) => (settingsListeners.add(l), () => settingsListeners.delete(l)),
    },
    events: {
      onTabActivated: (l) => (tabListeners.activated.add(l), () => tabListeners.activated.delete(l)),
      onTabUpdated: (l) => (tabListeners.updated.add(l), () => tabListeners.updated.delete(l)),
      onPageChanged: (l) => (tabListeners.changed.add(l), () => tabListeners.changed.delete(l)),
    },
    pending: {
      take: async () => {
        const p = pending;
        pending = null;
        return p;
      },
      watch: (l) => (pendingListeners.add(l), () => pendingListeners.delete(l)),
    },
    setTimeout: (fn) => timers.push(fn),
    clearTimeout: () => undefined,
  };
  return {
    env,
    pages,
    revealed,
    seen,
    runTimers: async () => {
      for (const t of timers.splice(0)) t();
      await flush();
    },
    activate: async (id: number) => {
      activeTab = id;
      for (const l of tabListeners.activated) l(id);
      await flush();
    },
    pageChanged: async (page: PageSummary, tab: number) => {
      for (const l of tabListeners.changed) l(page, tab);
      await flush();
    },
    requestReport: async (r: { id: string; quoteStart?: number; quoteEnd?: number }) => {
      pending = r;
      for (const l of pendingListeners) l();
      await flush();
    },
    get settings() {
      return settings;
    },
  };
}

const flush = () => new Promise((r) => setTimeout(r, 0)).then(() => new Promise((r) => setTimeout(r, 0)));

describe('panel controller', () => {
  it('summarises the active tab: entities, caveats, what it leaves out', async () => {
    const f = fakeEnv({ hasText: (quotes) => quotes.map((q) => q.includes('Mugin-5')) });
    const c = createPanelController(f.env);
    await c.start();
    await vi.waitFor(() => expect(c.get().status.kind === 'ready' && c.get().status.kind === 'ready' && (c.get().status as { leavesOut: unknown }).leavesOut !== null).toBe(true));
    const s = c.get();
    if (s.status.kind !== 'ready') throw new Error('not ready');
    expect(s.tabId).toBe(7);
    expect(s.status.summary.entityCount).toBe(3);
    expect(s.status.summary.groups.map((g) => g.type)).toEqual(['person', 'weapon']);
    // Caveats whose quote the page has are not "left out".
    expect(s.status.leavesOut!.some((x) => x.caveat.quote.includes('Mugin-5'))).toBe(false);
    expect(s.status.leavesOut!.length).toBeLessThan(s.status.summary.leavesOutCandidates.length);
    expect(s.kb).toEqual({ reports: kb.reports.length, entities: kb.entities.length, problem: null });
  });

  it('follows tab switches and the page’s own scan updates', async () => {
    const f = fakeEnv();
    f.pages.set(8, { ...PAGE, url: 'https://other.example/', mentions: [{ entity: 'china', count: 9 }] });
    const c = createPanelController(f.env);
    await c.start();
    await f.activate(8);
    await vi.waitFor(() => expect(c.get().tabId).toBe(8));
    await vi.waitFor(() => expect(c.get().status.kind).toBe('ready'));
    const s = c.get().status;
    expect(s.kind === 'ready' && s.summary.groups[0]!.items[0]!.id).toBe('china');
    // A scan update from another tab is ignored; from this one it is shown.
    await f.pageChanged({ ...PAGE, mentions: [] }, 7);
    expect(c.get().status.kind).toBe('ready');
    await f.pageChanged({ ...PAGE, url: 'https://other.example/', mentions: [] }, 8);
    await vi.waitFor(() => expect(c.get().status.kind).toBe('empty'));
  });

  it('stays on a fixed tab (?tab=) whatever tab is active', async () => {
    const f = fakeEnv({ fixedTab: 7 });
    f.pages.set(8, { ...PAGE, mentions: [] });
    const c = createPanelController(f.env);
    await c.start();
    await f.activate(8);
    expect(c.get().tabId).toBe(7);
  });

  it('says when Backstory cannot run on the page, after a few retries', async () => {
    const f = fakeEnv({ pageFails: true });
    const c = createPanelController(f.env);
    await c.start();
    expect(c.get().status.kind).toBe('loading');
    for (let i = 0; i < 4; i++) await f.runTimers();
    expect(c.get().status.kind).toBe('unavailable');
  });

  it('shows the switched-off state for a blocked site, and turns it back on', async () => {
    const f = fakeEnv();
    await f.env.settings.save((s) => ({ ...s, blockedSites: ['example.com'] }));
    const c = createPanelController(f.env);
    await c.start();
    const s = c.get().status;
    expect(s.kind === 'off' && s.reason).toBe('site');
    expect(s.kind === 'off' && s.host).toBe('news.example.com');
    await c.turnOn();
    expect(f.settings.blockedSites).toEqual([]);
    await vi.waitFor(() => expect(c.get().status.kind).toBe('ready'));
  });

  it('turns Backstory on everywhere when it was off globally', async () => {
    const f = fakeEnv();
    await f.env.settings.save((s) => ({ ...s, enabled: false }));
    const c = createPanelController(f.env);
    await c.start();
    const s = c.get().status;
    expect(s.kind === 'off' && s.reason).toBe('global');
    await c.turnOn();
    expect(f.settings.enabled).toBe(true);
  });

  it('asks the page to reveal an entity, and says so when it is gone', async () => {
    const f = fakeEnv();
    const c = createPanelController(f.env);
    await c.start();
    await c.reveal('xi-jinping');
    expect(f.revealed).toEqual(['xi-jinping']);
    expect(c.get().notice).toBeNull();
    await c.reveal('gone');
    expect(c.get().notice).toMatch(/no longer marked/);
  });

  it('opens a report requested by a card, marks it seen, and updates "not opened yet"', async () => {
    const f = fakeEnv();
    const c = createPanelController(f.env);
    await c.start();
    await vi.waitFor(() => expect(c.get().status.kind).toBe('ready'));
    const id = kb.reports[1]!.id;
    const before = c.get().status;
    expect(before.kind === 'ready' && before.summary.reports.others.find((r) => r.ref.id === id)?.seen).toBe(false);
    await f.requestReport({ id, quoteStart: 10, quoteEnd: 20 });
    await vi.waitFor(() => expect(c.get().reader?.view?.report.id).toBe(id));
    expect(c.get().reader?.request).toEqual({ id, quoteStart: 10, quoteEnd: 20 });
    expect(f.seen).toEqual([id]);
    await vi.waitFor(() => {
      const after = c.get().status;
      expect(after.kind === 'ready' && after.summary.reports.others.find((r) => r.ref.id === id)?.seen).toBe(true);
    });
    await c.showCard('xi-jinping');
    expect(c.get().reader?.card?.id).toBe('xi-jinping');
    await c.showCard(null);
    expect(c.get().reader?.card).toBeNull();
    c.closeReport();
    expect(c.get().reader).toBeNull();
  });

  it('says so when a report is not in the KB', async () => {
    const f = fakeEnv();
    const c = createPanelController(f.env);
    await c.start();
    await c.openReport({ id: '999_0000000000000000' });
    expect(c.get().reader?.error).toMatch(/not in the knowledge base/);
  });
});

describe('panel inputs', () => {
  it('parses the pending report request, dropping stale or malformed ones', () => {
    const now = 1_000_000;
    expect(parseReportRequest({ id: 'a', quoteStart: 3, quoteEnd: 9, at: now }, now)).toEqual({ id: 'a', quoteStart: 3, quoteEnd: 9 });
    expect(parseReportRequest({ id: 'a', quoteStart: 9, quoteEnd: 3 }, now)).toEqual({ id: 'a' });
    expect(parseReportRequest({ id: 'a', at: now - 10 * 60_000 }, now)).toBeNull();
    expect(parseReportRequest({ id: 5 }, now)).toBeNull();
    expect(parseReportRequest(undefined, now)).toBeNull();
  });

  it('reads ?tab= and page hosts', () => {
    expect(fixedTabFromUrl('chrome-extension://x/sidepanel.html?tab=12')).toBe(12);
    expect(fixedTabFromUrl('chrome-extension://x/sidepanel.html?tab=abc')).toBeNull();
    expect(fixedTabFromUrl('chrome-extension://x/sidepanel.html')).toBeNull();
    expect(pageHost('https://www.Example.com:8443/a')).toBe('example.com');
    expect(pageHost('file:///tmp/a.html')).toBeNull();
    expect(pageHost('not a url')).toBeNull();
  });
});
