// Self-serving praise by superlative (#15 point 2): a speaker for a body (its chief engineer, its president, a
// country's minister) calls the body's own conduct, product or record the best of its kind, in their own quoted
// words. Fixture reports written for this test; the controls are a neutral expert's praise, an authority's verdict,
// a superlative that blames, and the report's own voice.
import { describe, expect, it } from 'vitest';
import { quotesOfKind } from '../support/report-caveats';

const selfServing = (...paragraphs: string[]) => quotesOfKind('self-serving', ...paragraphs);

describe('a speaker praising their own side by superlative is self-serving', () => {
  it.each([
    [
      'a company engineer’s quotation running on from the tag',
      ['Velmora Hydro rejected that account. "The turbines were serviced in May," the company’s chief engineer, Aldo Brenner, said. "Our plants are among the best maintained in the region, and nothing is leaking."'],
      'Our plants are among the best maintained',
    ],
    [
      'a minister on her country’s fleet, by its adjective',
      ['Norway’s fisheries minister, Ingrid Solberg, said talks had stalled. She said the Norwegian fleet followed "the most rigorous catch controls in the North Sea".'],
      'the most rigorous catch controls',
    ],
    [
      'a president labelling his company, as "he called"',
      ['Medsura denied overpricing. In a statement, its president, Tomas Ferreira, said the price reflected delivery costs. He called Medsura "the most reliable partner the health service has ever had."'],
      'the most reliable partner',
    ],
  ])('flags %s', (_, paragraphs, words) => {
    expect(selfServing(...paragraphs).some((q) => q.includes(words))).toBe(true);
  });

  it.each([
    ['a neutral expert’s superlative', 'Professor Lena Hoff, an engineer at the Technical University of Delft, said Velmora Hydro ran "the best maintained plants in the region".'],
    ['an authority’s verdict', 'Chief inspector Maria Olsen of the Dam Safety Authority said Velmora Hydro had "the best maintained plants in the region".'],
    ['a superlative that blames', 'Norway’s fisheries minister, Ingrid Solberg, said the deal was "the worst agreement Norway has ever signed".'],
    ['the report’s own voice', 'Velmora Hydro runs some of the best maintained plants in the region, according to its annual report.'],
  ])('control: %s', (_, text) => {
    expect(selfServing(text)).toEqual([]);
  });
});
