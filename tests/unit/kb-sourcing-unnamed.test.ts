// Unnamed sources in more shapes (#15): "who would speak only if I withheld
// their names", "who asked us not to use her name", one person placed but not
// named ("a farmer near Ruda said"), a named speaker who "heard from someone
// at" a body, and "One said …" / "Another said …" / "One of them said"
// continuing unnamed sources. Not unnamed: a named person with an apposition,
// "One said" with no unnamed source before it, a spokesperson for a named body.
import { describe, expect, it } from 'vitest';
import { at, caveatsOf, report } from '../support/report-caveats';

describe('unnamed sources, more shapes', () => {
  const text = report(
    'Dairy co-operative accused of watering down milk tests',
    'RUDA, June 9, 2026 (Plains Courier) - The Mleko co-operative faces questions over its milk quality tests, its board confirmed on Tuesday.',
    'Two former lab technicians at the co-operative, who would speak to us only if we withheld their names, described samples being swapped before inspections. One said a manager had ordered the swaps. Another said records for at least two months were missing.',
    'A driver for the co-operative, who asked us not to use his name, said tankers were rarely cleaned.',
    'However, a farmer near Ruda said his milk had been rejected without a reason. Jan Kos, a farmer in Ruda, said prices had fallen.',
    'At a council meeting, resident Piotr Nowak said he had "heard from someone at the dairy" that tests were skipped.',
    'A spokesperson for the Mleko co-operative said the tests met every standard. One said the board had approved them.',
  );
  const found = caveatsOf(text);

  it.each([
    'who would speak to us only if we withheld their names',
    'One said a manager had ordered the swaps',
    'Another said records for at least two months were missing',
    'who asked us not to use his name',
    'a farmer near Ruda said',
    'heard from someone at the dairy',
  ])('flags “%s” as an unnamed source', (words) => {
    expect(at(found, text, 'anonymous-source', words)).toHaveLength(1);
  });

  it.each(['Jan Kos, a farmer in Ruda, said prices had fallen', 'A spokesperson for the Mleko co-operative said', 'One said the board had approved them'])(
    'does not flag “%s” as unnamed',
    (words) => {
      expect(at(found, text, 'anonymous-source', words)).toEqual([]);
    },
  );

  it('reads “One of them said” after unnamed officials as the same unnamed source', () => {
    const t = report(
      'Tender questioned',
      'WARSAW, May 2, 2026 (Vistula Post) - Two officials at the ministry, who spoke on condition of anonymity, said the tender had been rushed. One of them said the specification had been copied from a bidder.',
    );
    expect(at(caveatsOf(t), t, 'anonymous-source', 'One of them said the specification')).toHaveLength(1);
  });
});
