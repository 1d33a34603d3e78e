// Interested-party caveats (#15 point 2), classes found on a blind set: a person the report introduces as one
// side's ("GLZ chairman X", "Opposition senator X", "X, who has clashed with Y over the budget") accusing the
// other side, and a side's own document ("The letter accused the family of …"). Controls: a neutral expert's
// criticism, a councillor introduced as no side and an authority's letter are not flagged. Fixture reports
// written for this test.
import { describe, expect, it } from 'vitest';
import { quotesOfKind } from '../support/report-caveats';

const interested = (...paragraphs: string[]) => quotesOfKind('interested-party', ...paragraphs);

describe('a person who speaks for a side accusing the other', () => {
  it('flags a union chairman’s accusation, the pronoun resolved to him', () => {
    const q = interested(
      'Union chairman Peter Maalouf came out of the meeting and said the company had not moved. He accused the Lindqvist Rail board of "union-busting dressed up as a pay offer".',
    );
    expect(q.some((x) => x.startsWith('accused the Lindqvist Rail board of'))).toBe(true);
  });

  it('flags an opposition senator and a councillor "who has clashed with" the one accused', () => {
    expect(interested('Opposition senator Gavin Mbeki said the records were incomplete and accused the Green Future Party of "helping themselves to the public purse".')).toHaveLength(1);
    expect(interested('Councilmember Ada Lorne, who has clashed with Mayor Ruth Fenn over the budget, accused the mayor of "a cover-up from day one".')).toHaveLength(1);
  });

  it('flags a side’s own letter that accuses', () => {
    const q = interested('Cedar Partners, an activist fund, wrote to the board last week demanding an independent chair. The letter accused the family of "treating a listed company as an heirloom".');
    expect(q).toEqual(['accused the family of "treating a listed company as an heirloom']);
  });
});

describe('what is not an interested party', () => {
  it('does not flag a neutral expert’s accusation', () => {
    expect(interested('Professor Lena Ortiz, a public-finance expert at the University of Tallin, accused the Green Future Party of poor record-keeping.')).toEqual([]);
  });

  it('does not flag a councillor the report introduces as no side', () => {
    expect(interested('Councillor Mira Holt accused the harbour master of negligence at a meeting on Monday.')).toEqual([]);
  });

  it('does not flag an authority’s letter', () => {
    expect(interested('The regulator wrote to the company on Monday. The letter accused the firm of "failing to report outages on time".')).toEqual([]);
  });
});
