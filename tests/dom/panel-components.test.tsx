// The panel, popup and options components in happy-dom, with data from the
// real KB: what they show, and what choosing things does.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { usePreactRoot } from '../support/preact-root';
import { entityCard, memoryReader, reportRef } from '../../lib/kb/card';
import type { PanelState } from '../../lib/panel/controller';
import { collectPanelData } from '../../lib/panel/data';
import { buildPanelSummary, leavesOut } from '../../lib/panel/summary';
import type { ReportView } from '../../lib/panel/types';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/shared/settings';
import { SidePanel, type SidePanelActions } from '../../components/panel/SidePanel';
import { Popup, type PopupProps } from '../../components/popup/Popup';
import { OptionsPage } from '../../components/options/OptionsPage';
import { pageSummary } from '../support/panel';
import { kbFromData } from './panel-kb';

const kb = kbFromData();
const reader = memoryReader(kb);
const page = pageSummary('https://news.example.com/a', 'Xi and Putin meet', { 'xi-jinping': 4, 'vladimir-putin': 5, 'mugin-5': 1 });

const mount = usePreactRoot();

function actions(): SidePanelActions & { calls: Record<string, unknown[][]> } {
  const calls: Record<string, unknown[][]> = {};
  const rec =
    (name: string) =>
    (...args: unknown[]) => {
      (calls[name] ??= []).push(args);
    };
  return { calls, reveal: rec('reveal'), openReport: rec('openReport'), closeReport: rec('closeReport'), showCard: rec('showCard'), turnOn: rec('turnOn'), openOptions: rec('openOptions') };
}

async function readyState(settings: Settings = DEFAULT_SETTINGS): Promise<PanelState> {
  const data = await collectPanelData(reader, page.mentions.map((m) => m.entity));
  const summary = buildPanelSummary(page, data, new Set());
  return {
    tabId: 1,
    status: { kind: 'ready', page, summary, leavesOut: leavesOut(summary.leavesOutCandidates, []) },
    settings,
    reader: null,
    notice: null,
    kb: { reports: 5, entities: 82, problem: null },
  };
}

const click = (el: Element | null | undefined) => {
  if (!el) throw new Error('no element to click');
  act(() => (el as HTMLElement).click());
};

describe('SidePanel summary', () => {
  it('lists the page’s entities by type; choosing one reveals it on the page', async () => {
    const a = actions();
    const el = mount(<SidePanel state={await readyState()} actions={a} reducedMotion={false} />);
    const groups = [...el.querySelectorAll('.bp-group')].map((g) => g.getAttribute('data-type'));
    expect(groups).toEqual(['person', 'weapon']);
    const putin = el.querySelector('[data-entity="vladimir-putin"]')!;
    expect(putin.getAttribute('aria-label')).toMatch(/^Vladimir Putin: 5 mentions, \d+ caveats in the reports\. Show on the page\.$/);
    click(putin);
    expect(a.calls.reveal).toEqual([['vladimir-putin']]);
    const stats = [...el.querySelectorAll('[data-testid="overview"] .bp-stat')].map((d) => `${d.querySelector('dd')!.textContent} ${d.querySelector('dt')!.textContent}`);
    expect(stats.slice(0, 2)).toEqual(['3 names from the reports', '10 mentions']);
  });

  it('shows caveats most serious first, with evidence that opens the report at the quote', async () => {
    const a = actions();
    const state = await readyState();
    const el = mount(<SidePanel state={state} actions={a} reducedMotion={false} />);
    const section = el.querySelector('[data-section="caveats"]')!;
    const items = [...section.querySelectorAll('.bp-caveat')];
    expect(items.length).toBe(4);
    expect(items[0]!.querySelector('.bs-badge')!.className).toMatch(/bs-sev-high/);
    click(section.querySelector('.bp-more'));
    const all = state.status.kind === 'ready' ? state.status.summary.caveats : [];
    expect(section.querySelectorAll('.bp-caveat').length).toBe(all.length);
    click(section.querySelector('.bp-caveat .bs-linkish'));
    const first = all[0]!.caveat;
    expect(a.calls.openReport).toEqual([[{ id: first.report, quoteStart: first.start, quoteEnd: first.end }]]);
  });

  it('has a "leaves out" list, other reports marked "not opened yet", and a timeline', async () => {
    const a = actions();
    const el = mount(<SidePanel state={await readyState()} actions={a} reducedMotion={false} />);
    const leaves = el.querySelector('[data-section="leaves-out"]')!;
    expect(leaves.querySelectorAll('.bp-caveat').length).toBeGreaterThan(0);
    for (const item of leaves.querySelectorAll('.bp-caveat')) expect(['conflict', 'factual-error', 'misnaming', 'wrong-date', 'internal-inconsistency', 'denial', 'no-comment']).toContain(item.getAttribute('data-kind'));
    const reports = el.querySelectorAll('[data-section="reports"] .bp-report');
    expect(reports.length).toBe(5);
    expect(reports[0]!.textContent).toMatch(/not opened yet/);
    expect(reports[0]!.textContent).toMatch(/Adds \d+ facts?/);
    click(reports[0]);
    expect(a.calls.openReport![0]![0]).toEqual({ id: reports[0]!.getAttribute('data-report') });
    const dates = [...el.querySelectorAll('[data-section="timeline"] time')].map((t) => t.getAttribute('datetime'));
    expect(dates.length).toBeGreaterThan(0);
    expect([...dates].sort()).toEqual(dates);
  });

  it('sections are disclosure buttons', async () => {
    const el = mount(<SidePanel state={await readyState()} actions={actions()} reducedMotion={false} />);
    const toggle = el.querySelector('[data-section="entities"] .bp-section-toggle')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect((el.querySelector('[data-section="entities"] .bp-section-body') as HTMLElement).hidden).toBe(true);
  });

  it('hides caveats when the reader turned them off', async () => {
    const el = mount(<SidePanel state={await readyState({ ...DEFAULT_SETTINGS, showCaveats: false })} actions={actions()} reducedMotion={false} />);
    expect(el.querySelector('[data-section="caveats"]')).toBeNull();
    expect(el.querySelector('[data-section="leaves-out"]')).toBeNull();
  });
});

describe('SidePanel empty states', () => {
  const base = { tabId: 1, settings: DEFAULT_SETTINGS, reader: null, notice: null, kb: { reports: 5, entities: 82, problem: null } };
  it('says when the page cannot be read, when nothing was found, and when it is off (with the switch)', () => {
    let el = mount(<SidePanel state={{ ...base, status: { kind: 'unavailable' } }} actions={actions()} reducedMotion={false} />);
    expect(el.querySelector('[data-empty="unavailable"]')!.textContent).toMatch(/can’t read this page/);
    render(null, el);
    el = mount(<SidePanel state={{ ...base, status: { kind: 'empty', page: { ...page, mentions: [] } } }} actions={actions()} reducedMotion={false} />);
    expect(el.querySelector('[data-empty="nothing"]')!.textContent).toMatch(/5 reports, 82 entries/);
    render(null, el);
    const a = actions();
    el = mount(<SidePanel state={{ ...base, status: { kind: 'off', page, host: 'news.example.com', reason: 'site' } }} actions={a} reducedMotion={false} />);
    expect(el.textContent).toMatch(/Backstory is off on news\.example\.com/);
    const sw = el.querySelector('[data-testid="panel-site-switch"]')!;
    expect(sw.getAttribute('aria-checked')).toBe('false');
    click(sw);
    expect(a.calls.turnOn).toEqual([[]]);
  });
});

describe('Report reader', () => {
  async function view(id: string): Promise<ReportView> {
    const report = kb.reports.find((r) => r.id === id)!;
    const marks = report.mentions.map(([start, end, entity]) => ({ start, end, entity }));
    const ids = [...new Set(marks.map((m) => m.entity))];
    return { report, ref: reportRef(report), caveats: kb.caveats.filter((c) => c.report === id), marks, entities: ids.map((x) => kb.entities.find((e) => e.id === x)!).map((e) => ({ id: e.id, name: e.name, type: e.type })) };
  }

  it('shows the report with marks, caveat quotes and notes, furniture collapsed, opened at the quote', async () => {
    const caveat = kb.caveats.find((c) => c.kind === 'conflict')!;
    const v = await view(caveat.report);
    const state = { ...(await readyState()), reader: { request: { id: v.report.id, quoteStart: caveat.start, quoteEnd: caveat.end }, view: v, error: null, cardFor: null, card: null } };
    const a = actions();
    const el = mount(<SidePanel state={state} actions={a} reducedMotion />);
    expect(el.querySelector('#bp-reader-h')!.textContent).toBe(v.report.headline);
    expect(el.querySelectorAll('.bp-mark').length).toBe(v.marks.filter((m) => !v.report.furniture.some(([s, e]) => m.start >= s && m.end <= e) || true).length);
    const focus = el.querySelector('#bp-focus')!;
    expect([...el.querySelectorAll('.bp-focus')].map((f) => f.textContent).join('')).toBe(caveat.quote);
    expect(document.activeElement).toBe(focus);
    expect(el.querySelector(`.bp-note[data-caveat="${caveat.id}"]`)).not.toBeNull();
    expect(el.querySelectorAll('.bp-cq').length).toBeGreaterThan(0);
    expect(el.querySelectorAll('details.bp-furniture').length).toBeGreaterThan(0);
    // The summary stays mounted (hidden) under the reader.
    expect((el.querySelector('.bp-summary')!.parentElement as HTMLElement).hidden).toBe(true);
    click(el.querySelector('.bp-mark'));
    expect(a.calls.showCard![0]![0]).toBe(el.querySelector('.bp-mark')!.getAttribute('data-entity'));
    click(el.querySelector('.bp-back'));
    expect(a.calls.closeReport).toEqual([[]]);
  });

  it('shows the entity card inline after the paragraph of the chosen mark; Esc closes it', async () => {
    const v = await view(kb.reports[3]!.id);
    const card = (await entityCard(reader, v.marks[0]!.entity))!;
    let state: PanelState = { ...(await readyState()), reader: { request: { id: v.report.id }, view: v, error: null, cardFor: null, card: null } };
    const a = actions();
    const el = mount(<SidePanel state={state} actions={a} reducedMotion />);
    click(el.querySelector('.bp-mark'));
    state = { ...state, reader: { ...state.reader!, cardFor: card.id, card } };
    act(() => render(<SidePanel state={state} actions={a} reducedMotion />, el));
    const inline = el.querySelector('.bp-inline-card')!;
    expect(inline.getAttribute('data-card')).toBe(card.id);
    expect(inline.textContent).toContain(card.description);
    expect(el.querySelector('.bp-mark')!.getAttribute('aria-expanded')).toBe('true');
    act(() => void inline.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(a.calls.showCard!.at(-1)).toEqual([null]);
  });
});

describe('Popup', () => {
  const props = (over: Partial<PopupProps> = {}): PopupProps => ({
    host: 'news.example.com',
    loading: false,
    enabled: true,
    siteActive: true,
    siteMode: 'all-except',
    found: { entities: 12, mentions: 40 },
    canOpenPanel: true,
    onToggleSite: vi.fn(),
    onToggleGlobal: vi.fn(),
    onOpenPanel: vi.fn(),
    onOpenOptions: vi.fn(),
    ...over,
  });

  it('turns the site off in one click, and says how much the page has', () => {
    const p = props();
    const el = mount(<Popup {...p} />);
    expect(el.querySelector('[data-testid="found"]')!.textContent).toMatch(/^12\s*names from .* \(40 mentions\)/);
    const site = el.querySelector('[data-testid="site-switch"]')!;
    expect(site.getAttribute('role')).toBe('switch');
    expect(site.getAttribute('aria-checked')).toBe('true');
    expect(el.querySelector(`#${site.getAttribute('aria-labelledby')!.replace(/:/g, '\\:')}`)?.textContent).toBe('On for news.example.com');
    click(site);
    expect(p.onToggleSite).toHaveBeenCalledWith(false);
    click(el.querySelector('[data-testid="global-switch"]'));
    expect(p.onToggleGlobal).toHaveBeenCalledWith(false);
    click(el.querySelector('[data-testid="open-panel"]'));
    expect(p.onOpenPanel).toHaveBeenCalled();
  });

  it('cannot switch a page Backstory cannot run on', () => {
    const el = mount(<Popup {...props({ host: null, found: null })} />);
    expect(el.querySelector('[data-testid="site-switch"]')!.hasAttribute('disabled')).toBe(true);
    expect(el.textContent).toMatch(/can’t run on this page/);
  });

  it('says so while the knowledge base is being repaired, and not otherwise', () => {
    expect(mount(<Popup {...props({ repairing: true })} />).querySelector('[data-testid="repairing"]')?.textContent).toMatch(/Repairing the knowledge base/);
    expect(mount(<Popup {...props()} />).querySelector('[data-testid="repairing"]')).toBeNull();
  });
});

describe('Options page', () => {
  function withSettings(initial: Settings) {
    let settings = initial;
    const onReset = vi.fn();
    const ui = () => <OptionsPage settings={settings} onChange={(u) => ((settings = u(settings)), rerender())} onReset={onReset} status={null} />;
    const rerender = () => act(() => render(ui(), el));
    const el = mount(ui());
    return { el, get: () => settings, onReset };
  }

  it('adds a valid site, rejects an invalid one with a clear error, and removes', () => {
    const t = withSettings(DEFAULT_SETTINGS);
    const input = t.el.querySelector<HTMLInputElement>('.op-add input')!;
    const add = (text: string) => {
      act(() => {
        input.value = text;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
      act(() => void t.el.querySelector('.op-add')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    };
    add('https://www.Example.com/news/1');
    expect(t.get().blockedSites).toEqual(['example.com']);
    add('not a site');
    expect(t.el.querySelector('.op-error')!.textContent).toMatch(/no spaces/);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(t.el.querySelector('.op-error')!.getAttribute('role')).toBe('alert');
    add('news.example.com');
    expect(t.el.querySelector('.op-error')!.textContent).toMatch(/already covered by example\.com/);
    click(t.el.querySelector('[aria-label="Remove example.com"]'));
    expect(t.get().blockedSites).toEqual([]);
  });

  it('switches the site mode and edits the allowed list', () => {
    const t = withSettings(DEFAULT_SETTINGS);
    click(t.el.querySelector('[data-setting="siteMode"] input[value="only-allowed"]'));
    expect(t.get().siteMode).toBe('only-allowed');
    expect(t.el.textContent).toMatch(/Backstory runs nowhere until you add a site/);
  });

  it('changes types, style, trigger, delay, caveats and theme; resets after confirming', () => {
    const t = withSettings(DEFAULT_SETTINGS);
    click(t.el.querySelectorAll('[data-setting="entityTypes"] input')[2]!);
    expect(t.get().entityTypes).not.toContain('place');
    click(t.el.querySelector('[data-setting="highlightStyle"] input[value="background"]'));
    click(t.el.querySelector('[data-setting="markMode"] input[value="first"]'));
    click(t.el.querySelector('[data-setting="trigger"] input[value="modifier-hover"]'));
    click(t.el.querySelector('[data-setting="theme"] input[value="dark"]'));
    click(t.el.querySelector('[data-testid="caveats-switch"]'));
    const range = t.el.querySelector<HTMLInputElement>('[data-setting="hoverDelayMs"] input')!;
    act(() => {
      range.value = '900';
      range.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(t.get()).toMatchObject({ highlightStyle: 'background', markMode: 'first', trigger: 'modifier-hover', theme: 'dark', showCaveats: false, hoverDelayMs: 900 });
    click(t.el.querySelector('[data-testid="reset"]'));
    expect(t.onReset).not.toHaveBeenCalled();
    click([...t.el.querySelectorAll('.op-confirm button')].find((b) => b.textContent === 'Reset'));
    expect(t.onReset).toHaveBeenCalled();
  });
});
