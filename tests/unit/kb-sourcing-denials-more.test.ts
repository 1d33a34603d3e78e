// Denials in more shapes (#15): "denied there had been …", "denies knowingly taking …", a speaker's "no dispute of
// any kind", "has not paid and will not pay", "every claim was within the rules". Fixture reports written for this
// test; controls: the same words in the report's own voice, a negated denial, an auditor's finding.
import { describe, expect, it } from 'vitest';
import { quotesOfKind } from '../support/report-caveats';

const denials = (...paragraphs: string[]) => quotesOfKind('denial', ...paragraphs);

describe('denials, more shapes', () => {
  it.each([
    ['The union denied there had been any split in its leadership.', 'denied there had been any split'],
    ['Karsten denies knowingly taking any banned substance.', 'denies knowingly taking'],
    ['Tarvos Holdings said in a statement that there was "no dispute of any kind" within the family.', 'no dispute of any kind'],
    ['City spokesperson Ana Ruiz said the city "has not paid and will not pay" a ransom.', 'has not paid and will not pay'],
    ['Senator Mara Quinn says every claim was within the rules.', 'every claim was within the rules'],
  ])('flags %s', (sentence, words) => {
    const found = denials(sentence);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(words);
  });
});

describe('what is not a denial', () => {
  it.each([
    ['the report’s own voice, "no … of any kind"', 'There was no rain of any kind in the valley in August.'],
    ['the report’s own voice, "has not … and will not"', 'The bridge has not reopened and will not reopen before spring.'],
    ['a negated denial', 'The union has not denied there had been a split in its leadership.'],
    ['the report’s own account of the rules', 'Every claim was within the rules at the time, the records show.'],
  ])('control: %s', (_, sentence) => {
    expect(denials(sentence)).toEqual([]);
  });
});
