// A view or a charge in the report's own voice credited to nobody (#15): "It is an open secret … that", "is common
// practice across the industry", "has been accused for years of", the outlet's "has learned that". Controls: a charge
// whose accuser is named, the outlet's learning sourced to documents, the same words in a speaker's quotation.
import { describe, expect, it } from 'vitest';
import { quotesOfKind } from '../support/report-caveats';

// The rule reads only reports that attribute other claims: two attributed sentences go with each case.
const context = ['The regulator said on Monday it had opened an inquiry.', 'Analyst Mia Brandt of Nordkap Securities said the shares could fall further.'];
const unsourced = (sentence: string) => quotesOfKind('unsourced', ...context, sentence);

describe('views and charges credited to nobody', () => {
  it.each([
    ['It is an open secret in the city’s business community that the two brothers have not spoken since 2023.', 'It is an open secret'],
    ['Launching a drug in a new strength to escape a price ceiling is common practice across the industry.', 'is common practice across the industry'],
    ['The national anti-doping authority has been accused for years of testing its stars too rarely.', 'has been accused for years of'],
    ['The Test Harbour Wire has learned that the insurer approved a payment to the attackers in November.', 'has learned that'],
  ])('flags %s', (sentence, words) => {
    expect(unsourced(sentence).some((q) => q.includes(words))).toBe(true);
  });

  it.each([
    ['a charge whose accuser is named', 'The authority has been accused by two athletes of testing its stars too rarely.'],
    ['the outlet’s learning sourced to documents', 'The Test Harbour Wire has learned that the insurer approved a payment, according to emails seen by the paper.'],
    ['a speaker’s own words', '"It is an open secret that the brothers do not speak," said Park Min-jun, a former director.'],
  ])('control: %s', (_, sentence) => {
    expect(unsourced(sentence)).toEqual([]);
  });
});
