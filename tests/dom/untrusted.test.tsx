// Report text, report metadata, the gazetteer's descriptions and editor's notes,
// and page text are all untrusted: they are only ever rendered as text. A KB is
// built (parseInputs → buildKb, the real pipeline) from data/ with markup and
// script injected into a report's text and headline, an entity's description
// and quote, an alias note and an editor's note; the card (every state), and
// the side panel (summary and report reader) are rendered from it in
// happy-dom. No element, attribute or URL may come from the injected text,
// and the text must show literally.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { usePreactRoot } from '../support/preact-root';
import { buildKb } from '../../lib/kb/build';
import { entityCard, memoryReader, reportRef, type EntityCard } from '../../lib/kb/card';
import { parseInputs } from '../../lib/kb/inputs';
import { readDataFiles } from '../../scripts/read-data';
import type { PanelState } from '../../lib/panel/controller';
import { collectPanelData } from '../../lib/panel/data';
import { buildPanelSummary, leavesOut } from '../../lib/panel/summary';
import type { ReportView } from '../../lib/panel/types';
import { DEFAULT_SETTINGS } from '../../lib/shared/settings';
import { CardPopover, type CardState } from '../../components/card/CardPopover';
import { SidePanel, type SidePanelActions } from '../../components/panel/SidePanel';

/** Markup and script of every common kind. */
const XSS = [
  '<img src=x onerror="globalThis.__pwned=1">',
  '<script>globalThis.__pwned=2</script>',
  '<svg onload="globalThis.__pwned=3"><text>svg</text></svg>',
  '<a href="javascript:globalThis.__pwned=4">link</a>',
  '<iframe srcdoc="<script>globalThis.__pwned=5</script>"></iframe>',
  '"><b onmouseover="globalThis.__pwned=6">bold</b><!--',
  '<style>*{display:none}</style>',
  '{{constructor.constructor("globalThis.__pwned=7")()}}',
];
const PAYLOAD = XSS.join(' ');
const SENTENCE = `Vladimir Putin said: ${PAYLOAD} in Moscow.`;
const REPORT = '001_5b362b16a11063f8';

/** data/ as the build reads it, with the payload injected into every text field a card or the panel shows. */
function hostileFiles(): Map<string, string> {
  const files = readDataFiles(process.cwd());

  const textPath = `data/reports/${REPORT}.txt`;
  files.set(textPath, `${SENTENCE}\n\n${files.get(textPath)!}`);
  const metaPath = `data/reports/${REPORT}.meta.json`;
  const meta = JSON.parse(files.get(metaPath)!) as { headline: string; notes: { text: string }[] };
  meta.headline = `Headline ${PAYLOAD}`;
  if (meta.notes[0]) meta.notes[0].text = `Note ${PAYLOAD}`;
  files.set(metaPath, JSON.stringify(meta));

  const entities = JSON.parse(files.get('data/entities.json')!) as {
    entities: { id: string; description: string; descriptionSource: { report: string; quote: string }; aliases: { text: string; note?: string; nonstandard?: boolean }[] }[];
  };
  const putin = entities.entities.find((e) => e.id === 'vladimir-putin')!;
  putin.description = `President ${PAYLOAD}`;
  putin.descriptionSource = { report: REPORT, quote: SENTENCE };
  putin.aliases.push({ text: 'Putin<img src=x onerror=1>', nonstandard: true, note: `Alias note ${PAYLOAD}` });
  files.set('data/entities.json', JSON.stringify(entities));

  const notes = JSON.parse(files.get('data/editor-notes.json')!) as { notes: { label: string; explanation: string; reasoning: string; report: string; quote: string; entities: string[] }[] };
  const note = notes.notes[0]!;
  note.label = `Label ${XSS[0]}`;
  note.explanation = `Explanation ${PAYLOAD}`;
  note.reasoning = `Reasoning ${PAYLOAD}`;
  note.report = REPORT;
  note.quote = SENTENCE;
  if (!note.entities.includes('vladimir-putin')) note.entities.push('vladimir-putin');
  (note as { related?: unknown[] }).related = [];
  files.set('data/editor-notes.json', JSON.stringify(notes));
  return files;
}

const kb = buildKb(parseInputs(hostileFiles()));
const reader = memoryReader(kb);

const mount = usePreactRoot();
afterEach(() => {
  delete (globalThis as { __pwned?: unknown }).__pwned;
});

/**
 * Open every disclosure (details, aria-expanded buttons) so nothing stays
 * unrendered. The clicks of a round go in one act(), so the panel renders once
 * per round, not once per button (one render per click took seconds: the
 * reader has a button per mark); rounds repeat while opening reveals more.
 */
function expandAll(el: HTMLElement): void {
  const clicked = new WeakSet<Element>();
  for (let round = 0; round < 10; round++) {
    for (const d of el.querySelectorAll('details')) d.setAttribute('open', '');
    const closed = [...el.querySelectorAll<HTMLElement>('button[aria-expanded="false"]')].filter((b) => !clicked.has(b));
    if (closed.length === 0) return;
    act(() => {
      for (const b of closed) {
        clicked.add(b);
        b.click();
      }
    });
  }
}

/** Nothing in the rendered tree came from the payload: no such elements, no handlers, no script URLs. */
function expectInert(el: HTMLElement) {
  const all = [el, ...el.querySelectorAll('*')];
  const forbidden = [...el.querySelectorAll('img, script, iframe, frame, object, embed, style, link, meta, base, form, b')];
  expect(forbidden.map((n) => `${n.tagName.toLowerCase()} in ${n.parentElement?.className}`)).toEqual([]);
  // Collected and checked once: one expect() per attribute of a thousand-node panel is slow.
  const bad: string[] = [];
  for (const node of all) {
    const tag = node.tagName.toLowerCase();
    for (const attr of node.getAttributeNames()) {
      if (/^on/i.test(attr)) bad.push(`<${tag} ${attr}>`);
      // Text in title/aria-label is fine; URL, markup and style attributes must not carry the payload.
      if (/^(href|src|srcdoc|srcset|action|formaction|xlink:href|style|data)$/i.test(attr) && /javascript:|globalThis\.__pwned|<|display:none/i.test(node.getAttribute(attr)!)) {
        bad.push(`<${tag} ${attr}="${node.getAttribute(attr)}">`);
      }
    }
  }
  expect(bad).toEqual([]);
  // Our own SVG icons are fine; an SVG from the payload would carry its onload (checked above).
  expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
}

describe('untrusted text from the KB and the page is rendered as text only', () => {
  let card: EntityCard;

  it('the payload reached the KB (description, quote, claim, headline, caveat, alias)', async () => {
    card = (await entityCard(reader, 'vladimir-putin'))!;
    expect(card.description).toContain(XSS[0]);
    expect(card.descriptionSource.quote).toBe(SENTENCE);
    expect(kb.claims.some((c) => c.text.includes(XSS[1]!))).toBe(true);
    expect(kb.reports.find((r) => r.id === REPORT)!.headline).toContain(XSS[2]);
    expect(kb.caveats.some((c) => c.explanation.includes(XSS[3]!))).toBe(true);
  });

  const mention = { surface: `Putin ${PAYLOAD}`, alias: XSS[0]!, reason: 'alias' as const };
  const states = (): [string, CardState][] => [
    ['entity', { kind: 'entity', card, mention }],
    ['ambiguous', { kind: 'ambiguous', surface: PAYLOAD, candidates: [card, null], mention }],
    ['loading', { kind: 'loading', surface: PAYLOAD }],
    ['error', { kind: 'error', surface: PAYLOAD, message: PAYLOAD }],
  ];

  it('the card, in every state, with every section open', async () => {
    card ??= (await entityCard(reader, 'vladimir-putin'))!;
    for (const [name, state] of states()) {
      const el = mount(<CardPopover state={state} titleId="t" theme="light" showCaveats onClose={() => undefined} onBack={() => undefined} onSettings={() => undefined} onOpenReport={() => undefined} onSelectEntity={() => undefined} />);
      expandAll(el);
      expectInert(el);
      expect(el.textContent, name).toContain(name === 'entity' ? XSS[0] : PAYLOAD);
      render(null, el);
    }
  });

  it('the entity card shows the injected description, quote and alias literally', async () => {
    card ??= (await entityCard(reader, 'vladimir-putin'))!;
    // The preview shows one fact, the one that matters for the page: here, the injected sentence.
    const fact = card.facts.find((f) => f.quote === SENTENCE) ?? { ...card.facts[0]!, quote: SENTENCE };
    const el = mount(<CardPopover state={{ kind: 'entity', card: { ...card, facts: [fact] }, mention }} titleId="t" theme="dark" showCaveats />);
    for (const d of el.querySelectorAll('details')) d.setAttribute('open', '');
    expect(el.textContent).toContain(`President ${PAYLOAD}`);
    expect(el.textContent).toContain(SENTENCE);
    expectInert(el);
  });

  it('the side panel: summary, caveats, and the report reader on the injected report', async () => {
    const page = { url: `https://news.example/${encodeURIComponent(XSS[0]!)}`, title: `Title ${PAYLOAD}`, active: true, mentions: [{ entity: 'vladimir-putin', count: 2 }, { entity: 'moscow', count: 1 }] };
    const data = await collectPanelData(reader, page.mentions.map((m) => m.entity));
    const summary = buildPanelSummary(page, data, new Set());
    const report = kb.reports.find((r) => r.id === REPORT)!;
    // A mention's third field is the entity (its id; an index into entities in older KB formats).
    const marks = report.mentions.map(([start, end, e]) => ({ start, end, entity: typeof e === 'string' ? e : kb.entities[e as number]!.id }));
    const ids = [...new Set(marks.map((m) => m.entity))];
    const view: ReportView = {
      report,
      ref: reportRef(report),
      caveats: kb.caveats.filter((c) => c.report === REPORT),
      marks,
      entities: ids.map((x) => kb.entities.find((e) => e.id === x)!).map((e) => ({ id: e.id, name: e.name, type: e.type })),
    };
    card ??= (await entityCard(reader, 'vladimir-putin'))!;
    const state: PanelState = {
      tabId: 1,
      status: { kind: 'ready', page, summary, leavesOut: leavesOut(summary.leavesOutCandidates, []) },
      settings: DEFAULT_SETTINGS,
      reader: { request: { id: REPORT, quoteStart: 0, quoteEnd: SENTENCE.length }, view, error: null, cardFor: 'vladimir-putin', card },
      notice: PAYLOAD,
      kb: { reports: kb.reports.length, entities: kb.entities.length, problem: PAYLOAD },
    };
    const noop = () => undefined;
    const actions: SidePanelActions = { reveal: noop, openReport: noop, closeReport: noop, showCard: noop, turnOn: noop, openOptions: noop };
    const el = mount(<SidePanel state={state} actions={actions} reducedMotion />);
    expandAll(el);
    expectInert(el);
    // The report reader shows the injected sentence and headline as text.
    expect(el.textContent).toContain(SENTENCE);
    expect(el.textContent).toContain(`Headline ${PAYLOAD}`);
  });
});
