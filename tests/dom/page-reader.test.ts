// The page reader (lib/page/core/reader.ts) over happy-dom with a fake highlight
// registry: reads the page, follows changes (added, changed and removed text),
// ignores editable regions and our UI, applies the type and first-only
// settings; and the mark index finds mentions by caret offset.
import { describe, expect, it, vi } from 'vitest';
import { READER_DEFAULTS, type Settings } from '../../lib/page/core/reader-settings';
import { readerOnBody, settle } from '../support/dom-reader';

function setup(html: string, settings: Partial<Settings> = {}) {
  const t = readerOnBody(html, settings);
  const marks = () => t.reader.marked().map((m) => `${m.surface}=${m.entityId}${m.reason === 'alias' ? '' : `(${m.reason})`}`);
  const painted = () => Object.fromEntries([...t.registry].filter(([, h]) => h.size > 0).map(([name, h]) => [name, h.size]));
  return { ...t, marks, painted };
}

describe('page reader', () => {
  it('reads the page and paints one highlight per type', async () => {
    const t = setup('<h1>Xi meets Putin in Moscow</h1><p><b>Xi</b> Jinping and <a href="#"><em>Vladimir</em> Putin</a> at the Kremlin.</p>', { markMode: 'every' });
    t.reader.start();
    await settle(t.reader);
    expect(t.marks()).toEqual([
      'Xi=xi-jinping(context-nearby)',
      'Putin=vladimir-putin',
      'Moscow=moscow',
      'Xi Jinping=xi-jinping',
      'Vladimir Putin=vladimir-putin',
      'Kremlin=kremlin(context-nearby)',
    ]);
    expect(t.painted()).toEqual({ 'backstory-person': 4, 'backstory-place': 1, 'backstory-organisation': 1 });
    t.controller.abort();
    t.reader.dispose();
    expect(t.registry.size).toBe(0);
  });

  it('follows the page: new text is read, changed text re-read, removed text unmarked', async () => {
    const t = setup('<div id="feed"><p id="a">Putin spoke in Moscow.</p></div><p id="b">Nothing here.</p>', { markMode: 'every' });
    t.reader.start();
    await settle(t.reader);
    expect(t.marks()).toEqual(['Putin=vladimir-putin', 'Moscow=moscow']);

    const p = document.createElement('p');
    p.textContent = 'Antony Blinken flew to Kyiv.';
    document.getElementById('feed')!.prepend(p);
    await settle(t.reader);
    expect(t.marks()).toEqual(['Antony Blinken=antony-blinken', 'Kyiv=kyiv', 'Putin=vladimir-putin', 'Moscow=moscow']);

    (document.getElementById('b')!.firstChild as Text).data = 'Later, NATO met in Brussels.';
    await settle(t.reader);
    expect(t.marks()).toContain('NATO=nato');
    expect(t.marks()).toContain('Brussels=brussels');

    document.getElementById('a')!.remove();
    await settle(t.reader);
    expect(t.marks()).toEqual(['Antony Blinken=antony-blinken', 'Kyiv=kyiv', 'NATO=nato', 'Brussels=brussels']);
    expect(t.painted()).toEqual({ 'backstory-person': 1, 'backstory-place': 2, 'backstory-organisation': 1 });

    (p.firstChild as Text).data = 'No names now.';
    await settle(t.reader);
    expect(t.marks()).toEqual(['NATO=nato', 'Brussels=brussels']);
    t.controller.abort();
  });

  it('never reads typing in editable regions, nor our own UI', async () => {
    const t = setup('<div contenteditable="true" id="ed">Hello</div><p>Moscow</p>');
    t.reader.start();
    await settle(t.reader);
    const ed = document.getElementById('ed')!;
    ed.append(' Putin and Xi Jinping');
    const b = document.createElement('b');
    b.textContent = 'Vladimir Putin';
    ed.append(b);
    const ui = document.createElement('backstory-ui');
    ui.textContent = 'Xi Jinping';
    document.documentElement.append(ui);
    await settle(t.reader);
    expect(t.marks()).toEqual(['Moscow=moscow']);
    ui.remove();
    t.controller.abort();
  });

  it('applies the settings: hidden types, first mention only', async () => {
    const t = setup('<p>Putin met Xi Jinping in Moscow. Putin spoke; Moscow listened; Xi Jinping left.</p>', { markMode: 'every' });
    t.reader.start();
    await settle(t.reader);
    expect(t.marks()).toHaveLength(6);
    t.set({ entityTypes: ['place'] });
    await settle(t.reader);
    expect(t.marks()).toEqual(['Moscow=moscow', 'Moscow=moscow']);
    t.set({ entityTypes: [...READER_DEFAULTS.entityTypes], markMode: 'first' });
    await settle(t.reader);
    expect(t.marks()).toEqual(['Putin=vladimir-putin', 'Xi Jinping=xi-jinping', 'Moscow=moscow']);
    // All six are still tracked (hover and the panel see them), three are painted.
    expect(t.reader.all()).toHaveLength(6);
    expect(Object.values(t.painted()).reduce((a, b) => a + b, 0)).toBe(3);
    t.controller.abort();
  });

  it('finds the mention at a caret offset by binary search, across split text nodes', async () => {
    const t = setup('<p id="p"><b>Xi</b> Jinping met Putin, then Putin’s aides.</p>');
    t.reader.start();
    await settle(t.reader);
    const p = document.getElementById('p')!;
    const xi = p.firstChild!.firstChild as Text; // "Xi"
    const rest = p.childNodes[1] as Text; // " Jinping met Putin, then Putin’s aides."
    expect(t.reader.index.at(xi, 1).map((m) => m.surface)).toEqual(['Xi Jinping']);
    expect(t.reader.index.at(rest, 3).map((m) => m.surface)).toEqual(['Xi Jinping']);
    const putin = rest.data.indexOf('Putin');
    expect(t.reader.index.at(rest, putin + 2).map((m) => m.surface)).toEqual(['Putin']);
    expect(t.reader.index.at(rest, putin - 2)).toEqual([]);
    const second = rest.data.lastIndexOf('Putin');
    expect(t.reader.index.at(rest, second + 5).map((m) => m.entityId)).toEqual(['vladimir-putin']); // caret after "Putin" in "Putin’s"
    t.controller.abort();
  });

  it('stops when aborted and removes its highlights on dispose', async () => {
    const t = setup('<p>Putin</p>');
    t.reader.start();
    t.controller.abort();
    // The work loop notices the abort at its next step: wait for that, not for a time.
    await vi.waitFor(() => expect(t.reader.busy()).toBe(false), { timeout: 10_000 });
    t.reader.dispose();
    expect(t.registry.size).toBe(0);
    expect(t.reader.busy()).toBe(false);
  });
});
