// The card layer's "Or did you mean …?" and "Not this" (issue #14) in
// happy-dom: the other entry's card opens in place of the first (the core
// switches the marks), and "Not this" hands the mention to the core, closes
// the card and gives focus back to where it was.
import { afterEach, describe, expect, it } from 'vitest';
import type { EntityCard } from '../../lib/kb/card';
import { CardLayer, type CardLayerEnv } from '../../lib/page/card/card-layer';
import { HOST_CSS } from '../../lib/page/core/host-styles';
import type { PageMention } from '../../lib/page/core/marks';
import { createUiHost, type UiHost } from '../../lib/page/core/ui-host';
import { minimalCard } from '../support/cards';

const NAMES: Record<string, string> = { 'alder-town': 'Alder Town', 'alder-corp': 'Alder Corporation' };
const entity = (id: string): EntityCard => minimalCard(id, NAMES[id]!, 'place');

function mention(): PageMention {
  const p = document.createElement('p');
  p.textContent = 'The board met in Alder on Monday.';
  document.body.appendChild(p);
  const text = p.firstChild as Text;
  const start = text.data.indexOf('Alder');
  return { id: 1, entityId: 'alder-town', candidates: ['alder-town'], reason: 'context-nearby', why: ['related', 'river-board'], alternatives: ['alder-corp'], surface: 'Alder', alias: 'Alder', startNode: text, startOffset: start, endNode: text, endOffset: start + 5, range: null, paintedAs: 'backstory-place', shownAs: null } as unknown as PageMention;
}

let ui: UiHost | null = null;
afterEach(() => {
  ui?.dispose();
  ui = null;
  document.body.replaceChildren();
});

const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

function setup() {
  ui = createUiHost(document, window, HOST_CSS, { trusted: () => true });
  const host = ui;
  const said: string[] = [];
  const env: CardLayerEnv = {
    doc: document,
    win: window,
    ui: () => host,
    cards: { card: (id) => Promise.resolve(entity(id)), cards: (ids) => Promise.all(ids.map((id) => Promise.resolve(entity(id)))) },
    settings: () => ({ showCaveats: true, theme: 'light', hoverDelayMs: 500 }),
    openReport: () => undefined,
    openOptions: () => undefined,
    explain: (m) => ({ why: 'Linked because the page also mentions River Board', alternatives: (m.alternatives ?? []).map((id) => ({ id, name: NAMES[id]! })) }),
    notThis: (m) => said.push(`not ${m.entityId} for ${m.surface}`),
    // As the core does (lib/page/core/session.ts): the mention now names the other entry.
    switchTo: (m, id) => {
      said.push(`switch ${m.entityId} to ${id}`);
      Object.assign(m, { entityId: id, alternatives: [m.entityId] });
    },
  };
  return { layer: new CardLayer(env), said, root: host.root };
}

describe('the card: Or did you mean, Not this', () => {
  it('"Or did you mean …?" shows the other entry in place and offers the first one back', async () => {
    const { layer, said, root } = setup();
    const m = mention();
    layer.open(m, { focus: true, pinned: true });
    await settle();
    expect(root.querySelector('h2')!.textContent).toBe('Alder Town');
    expect(root.querySelector('[data-part=why]')!.textContent).toBe('Linked because the page also mentions River Board. Or did you mean Alder Corporation?');
    (root.querySelector('.bs-pv-other') as HTMLButtonElement).click();
    await settle();
    expect(said).toEqual(['switch alder-town to alder-corp']);
    expect(layer.mention).toBe(m);
    expect(root.querySelector('h2')!.textContent).toBe('Alder Corporation');
    expect(root.querySelector('.bs-pv-other')!.textContent).toBe('Or did you mean Alder Town?');
  });

  it('"Not this" tells the core, closes the card and gives focus back', async () => {
    const { layer, said, root } = setup();
    const button = document.createElement('button');
    document.body.appendChild(button);
    button.focus();
    const m = mention();
    layer.open(m, { focus: true, pinned: true });
    await settle();
    (root.querySelector('[data-part=not-this]') as HTMLButtonElement).focus();
    (root.querySelector('[data-part=not-this]') as HTMLButtonElement).click();
    expect(said).toEqual(['not alder-town for Alder']);
    expect(layer.mention).toBeNull();
    expect(root.querySelector('[role=dialog]')).toBeNull();
    expect(document.activeElement).toBe(button);
  });
});
