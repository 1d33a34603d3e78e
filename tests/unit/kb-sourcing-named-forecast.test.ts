// A named speaker's forecast in reported speech is theirs, not the report's doubt (#15): "which she estimated might
// affect 6-8% of revenue", "said a fight could unlock value but might also delay the listing". Controls: a named
// speaker passing on a possibility about what happened ("signs that it might have"), "could not be independently
// verified" beside a named speaker, the report's own "may"; an unnamed speaker's forecast is one caveat, the
// unnamed source's, saying the claim is hedged as well.
import { describe, expect, it } from 'vitest';
import { caveatsOf, quotesOfKind } from '../support/report-caveats';

const hedges = (...paragraphs: string[]) => quotesOfKind('hedged', ...paragraphs);

describe('a named speaker’s forecast is theirs', () => {
  it.each([
    ['Ananya Rao, an analyst at Kotak Research, said the order was a risk for Veda Pharma, which she estimated might affect 6-8% of its domestic revenue.'],
    ['Park Ji-woo, an analyst at Hanbit Investment in Seoul, said a fight might unlock value but might also delay the planned listing next year.'],
  ])('does not flag %s', (sentence) => {
    expect(hedges(sentence)).toEqual([]);
  });
});

describe('what stays a hedge', () => {
  it.each([
    ['a possibility about what happened, passed on', 'Kwame Osei said there was no evidence yet that the plant had dumped waste on purpose, but there were signs that it might have.'],
    ['"could not be independently verified" beside a named speaker', 'The Growers Association said more than 300 farms had shut, a figure that could not be independently verified.'],
    ['the report’s own "may"', 'The strike may delay shipments of copper to China.'],
  ])('flags %s', (_, sentence) => {
    expect(hedges(sentence).length).toBeGreaterThan(0);
  });

  it('an unnamed speaker’s forecast: one caveat on the claim, the unnamed source’s, which says it is hedged too', () => {
    const sentence = 'Two traders at the port, who asked not to be named, said the strike might delay shipments.';
    expect(hedges(sentence)).toEqual([]);
    const found = caveatsOf(`Port strike\n\nBy Ana Test | Test Harbour Wire | 4 May 2026\n\n${sentence}\n`).filter((c) => c.kind === 'anonymous-source');
    expect(found).toHaveLength(1);
    expect(found[0]!.explanation).toMatch(/hedged as well/);
  });
});
