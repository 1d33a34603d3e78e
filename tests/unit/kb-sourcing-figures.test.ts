// Figures a reader can check or that are a party's stated position are not
// "Figure with no source" (#15): an offer or a demand in a negotiation, a share
// of a country's output, a commodity price move and the level it moved to, a
// conversion in brackets, a dated past event; a hedged figure is a hedge. A
// figure the report asserts on its own authority still is one.
import { describe, expect, it } from 'vitest';
import { at, caveatsOf, report } from '../support/report-caveats';

describe('figures that are not unsourced claims', () => {
  const text = report(
    'Dock workers strike at Valparaíso port',
    'VALPARAÍSO, March 3, 2026 (Pacific Wire) - Dock workers at the port of Valparaíso walked out on Monday, their union said.',
    'The union is demanding a 9 percent pay rise and a bonus of 2 million pesos (about $2,100) per worker. The port operator, Terminal Pacífico, has offered 4 percent.',
    'The port handles roughly 12 percent of Chile’s exports. Copper for three-month delivery rose 0.8 percent to $9,950 a tonne on Monday.',
    'A 2019 strike lasted 21 days and ended with a 6 percent rise.',
    'The stoppage is thought to be costing exporters around $30 million a day.',
    'The operator also lost $40 million on a failed crane contract last year.',
  );
  const found = caveatsOf(text);

  it.each([
    'is demanding a 9 percent pay rise',
    'has offered 4 percent',
    '12 percent of Chile’s exports',
    '0.8 percent to $9,950 a tonne',
    '(about $2,100)',
    'A 2019 strike lasted 21 days and ended with a 6 percent rise',
  ])('does not flag “%s” as a figure with no source', (words) => {
    expect(at(found, text, 'unsourced', words)).toEqual([]);
  });

  it('reads a hedged figure as hedged, not as a figure stated as fact', () => {
    expect(at(found, text, 'unsourced', 'is thought to be costing')).toEqual([]);
    expect(at(found, text, 'hedged', 'is thought to be costing')).toHaveLength(1);
  });

  it('still flags a figure the report asserts on its own authority', () => {
    expect(at(found, text, 'unsourced', 'lost $40 million on a failed crane contract')).toHaveLength(1);
  });
});
