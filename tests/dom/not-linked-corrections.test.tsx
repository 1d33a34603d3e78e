// Issue #14's panel and settings parts in happy-dom: the side panel's "Not
// linked" section (the reason in plain words, also on a page where nothing is
// linked), and the settings page's "Corrections" (site, words, entry, Undo).
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { usePreactRoot } from '../support/preact-root';
import { Corrections } from '../../components/options/Corrections';
import { SidePanel, type SidePanelActions } from '../../components/panel/SidePanel';
import type { PanelState } from '../../lib/panel/controller';
import { DEFAULT_SETTINGS } from '../../lib/shared/settings';
import { pageSummary } from '../support/panel';

const mount = usePreactRoot();
const noop = () => undefined;
const actions: SidePanelActions = { reveal: noop, openReport: noop, closeReport: noop, showCard: noop, turnOn: noop, openOptions: noop };

describe('side panel: Not linked', () => {
  const notLinked = [
    { surface: 'Washington', reason: 'Could be another Washington: too little else on this page is about Washington’s world', count: 3 },
    { surface: 'Moscow', reason: 'Part of a longer name, “Moscow Mule”', count: 1 },
  ];
  it('lists each name the linker left alone with its reason, on a page where nothing is linked', () => {
    const state: PanelState = {
      tabId: 1,
      status: { kind: 'empty', page: pageSummary('https://recipes.example/mule', 'A Moscow Mule', {}, { notLinked }) },
      settings: DEFAULT_SETTINGS,
      reader: null,
      notice: null,
      kb: { reports: 5, entities: 82, problem: null },
    };
    const el = mount(<SidePanel state={state} actions={actions} reducedMotion={false} />);
    const section = el.querySelector('[data-section=not-linked]')!;
    expect(section.querySelector('.bp-count')!.textContent).toBe('2');
    expect([...section.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Washington ×3Could be another Washington: too little else on this page is about Washington’s world',
      'MoscowPart of a longer name, “Moscow Mule”',
    ]);
  });

  it('has no section when the linker left nothing out', () => {
    const state: PanelState = { tabId: 1, status: { kind: 'empty', page: pageSummary('https://a.example', 'A', {}) }, settings: DEFAULT_SETTINGS, reader: null, notice: null, kb: null };
    expect(mount(<SidePanel state={state} actions={actions} reducedMotion={false} />).querySelector('[data-section=not-linked]')).toBeNull();
  });
});

describe('settings: Corrections', () => {
  it('lists site, words and entry, newest first, and Undo names what it brings back', () => {
    const onUndo = vi.fn();
    const older = { site: 'a.example', surface: 'washington', entity: 'washington', at: 1 };
    const newer = { site: 'b.example', surface: 'xi', entity: 'xi-jinping', at: 2 };
    const el = mount(<Corrections corrections={[older, newer]} nameOf={(id) => ({ washington: 'Washington', 'xi-jinping': 'Xi Jinping' })[id] ?? id} onUndo={onUndo} />);
    const rows = [...el.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent));
    expect(rows).toEqual([
      ['b.example', '“xi”', 'Xi Jinping'],
      ['a.example', '“washington”', 'Washington'],
    ]);
    const undo = el.querySelectorAll('tbody button')[1]!;
    expect(undo.getAttribute('aria-label')).toBe('Undo: link “washington” to Washington on a.example again');
    act(() => (undo as HTMLButtonElement).click());
    expect(onUndo).toHaveBeenCalledWith(older);
  });

  it('says how to add one when there are none', () => {
    expect(mount(<Corrections corrections={[]} nameOf={(id) => id} onUndo={noop} />).textContent).toContain('None yet. “Not this” on a card stops a name being linked on that site.');
  });
});
