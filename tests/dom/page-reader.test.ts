// The page reader (lib/page/core/reader.ts) over happy-dom with a fake highlight
// registry: reads the page, follows changes (added, changed and removed text),
// ignores editable regions and our UI, applies the type and first-only
// settings; and the mark index finds mentions by caret offset.
import { beforeAll, describe, expect, it } from 'vitest';
import type { EntityType } from '../../lib/kb/schema';
import { matcherAliases } from '../../lib/match/aliases';
import { compileMatcher, hydrateMatcher, type Matcher } from '../../lib/match/compile';
import type { PageMention } from '../../lib/page/core/marks';
import { createPageReader } from '../../lib/page/core/reader';
import { READER_DEFAULTS, type Settings } from '../../lib/page/core/reader-settings';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KbDocument } from '../../lib/kb/document';
import { spotText } from '../../lib/page/core/spot';

let matcher: Matcher;
let types: Map<string, EntityType>;
beforeAll(() => {
  // The KB as `npm run kb:build` bundles it (happy-dom's URL global rules out scripts/read-data here).
  const kb = JSON.parse(readFileSync(join(process.cwd(), 'assets/public/kb/kb.json'), 'utf8')) as KbDocument;
  matcher = hydrateMatcher(compileMatcher(matcherAliases(kb.entities)));
  types = new Map(kb.entities.map((e) => [e.id, e.type]));
});

class FakeHighlight extends Set<unknown> {
  priority = 0;
}

function setup(html: string, settings: Partial<Settings> = {}) {
  document.body.replaceChildren();
  const tpl = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  document.body.append(...[...tpl.body.childNodes].map((n) => document.importNode(n, true)));
  const registry = new Map<string, FakeHighlight>();
  const controller = new AbortController();
  let current: Settings = { ...READER_DEFAULTS, ...settings };
  const loaded: string[][] = [];
  const reader = createPageReader(
    {
      doc: document,
      win: window as unknown as Window & typeof globalThis,
      signal: controller.signal,
      matcher,
      spot: spotText,
      settings: () => current,
      loadTypes: async (ids) => void loaded.push(ids),
      typeOf: (id) => types.get(id),
      yieldFn: () => new Promise((r) => setTimeout(r, 0)),
    },
    {
      registry: registry as unknown as HighlightRegistry,
      createHighlight: () => new FakeHighlight() as unknown as Highlight,
      makeRange: (m: PageMention) => ({ startContainer: m.startNode, startOffset: m.startOffset, endContainer: m.endNode, endOffset: m.endOffset }) as unknown as AbstractRange,
    },
  );
  const marks = () => reader.marked().map((m) => `${m.surface}=${m.entityId}${m.reason === 'alias' ? '' : `(${m.reason})`}`);
  const painted = () => Object.fromEntries([...registry].filter(([, h]) => h.size > 0).map(([name, h]) => [name, h.size]));
  const set = (s: Partial<Settings>) => {
    current = { ...current, ...s };
    reader.refreshPaint();
  };
  return { reader, registry, controller, marks, painted, set, loaded };
}

/** Let the observer and the work loop run. */
async function settle(reader: { idle(): Promise<void> }) {
  await new Promise((r) => setTimeout(r, 0));
  await reader.idle();
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
    await new Promise((r) => setTimeout(r, 10));
    t.reader.dispose();
    expect(t.registry.size).toBe(0);
    expect(t.reader.busy()).toBe(false);
  });
});
