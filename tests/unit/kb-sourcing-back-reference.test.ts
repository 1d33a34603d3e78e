// Unnamed sources referred back to (#15 point 1): "…, the people said", "The same person said", "Another person, who
// …, said" rest on the unnamed people the report introduced before, in a later sentence or paragraph. Fixture reports
// written for this test; controls: "the people said" with no unnamed source before, "the official said" when an
// official has been named since.
import { describe, expect, it } from 'vitest';
import { quotesOfKind } from '../support/report-caveats';

const anonymous = (...paragraphs: string[]) => quotesOfKind('anonymous-source', ...paragraphs);

describe('a back-reference to unnamed sources', () => {
  it('flags "…, the people said" in the next paragraph, and "One of them said" after it', () => {
    const quotes = anonymous(
      'Korvane Group is preparing to sell its shipping arm, people familiar with the matter said.',
      'The group has hired two banks to run the sale, the people said. One of them said bids were due in March.',
    );
    expect(quotes.some((q) => q.startsWith('The group has hired two banks'))).toBe(true);
    expect(quotes.some((q) => q.startsWith('One of them said bids were due'))).toBe(true);
  });

  it('flags "Another person, who has advised the family, said …"', () => {
    const quotes = anonymous(
      'Two people close to the family said the founder had not decided on a successor. Another person, who has advised the family in the past, said the son expected to be named chairman.',
    );
    expect(quotes.some((q) => q.includes('Another person, who has advised the family in the past, said'))).toBe(true);
  });
});

describe('what is not a back-reference to unnamed sources', () => {
  it('control: "the people said" with no unnamed source before it', () => {
    expect(anonymous('About 300 residents of Tarvik were moved to a school gym on Sunday.', 'The gym was warm and the food was good, the people said.')).toEqual([]);
  });

  it('control: "the official said" after an official has been named', () => {
    const quotes = anonymous(
      'An official at the port authority, who asked not to be named, said the crane had failed an inspection.',
      'Harbour master Joanna Pike, an official at the authority, said on Monday that repairs would take a month.',
      'The crane will be replaced next year, the official said.',
    );
    expect(quotes.some((q) => q.includes('replaced next year'))).toBe(false);
  });
});
