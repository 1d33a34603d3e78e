// Sourcing classes missing on held-out set 10 (#15), widened to the variants a different report would use. Fixture
// reports written for this test (not set 10's text); each class has controls that must stay unflagged.
import { describe, expect, it } from 'vitest';
import { anonymousQuotes as anonymous, hedgedQuotes as hedged, noCommentQuotes as noComment, denialQuotes as denial, unsourcedQuotes as unsourced, SOURCED_LEAD as SOURCED } from '../support/report-caveats';

// A report that names its sources elsewhere, so an assertion in its own voice stands out.

describe('sweeping claims in the report’s own voice', () => {
  it.each([
    ['a habit of looking away', 'Inspectors in the province have long turned a blind eye to dumping at quarries with friends in the capital.', 'have long turned a blind eye'],
    ['a habit of ignoring, by years', 'Landlords in the old town have for years ignored orders to fix damp flats.', 'have for years ignored'],
    ['a record of ignoring', 'Ferry operators on the lake have a long record of ignoring safety notices.', 'a long record of ignoring'],
    ['a history of flouting', 'Logging firms in the valley have a history of flouting felling limits.', 'a history of flouting'],
    ['set up in haste, run without oversight', 'The relief fund was set up in a hurry and run with almost no oversight from the start.', 'set up in a hurry'],
    ['a symbol of all that is wrong', 'The stadium has become a byword for everything that is wrong with how the city spends its money.', 'everything that is wrong'],
  ])('flags %s', (_, text, words) => {
    expect(unsourced(SOURCED, text).join(' ')).toContain(words);
  });

  it.each([
    ['a feeling said to run deep', 'Opposition to the bypass runs deep in the hill villages, where many farms would be split.', 'Opposition to the bypass runs deep'],
    ['a measure said to have angered a group', 'The levy has bitterly divided a fishing community that once backed the council.', 'bitterly divided a fishing community'],
  ])('asks whose view: %s', (_, text, words) => {
    expect(unsourced(SOURCED, text).join(' ')).toContain(words);
  });

  it.each([
    ['the same words in a named speaker’s quotation', 'Ines Calder said: "Landlords have long ignored these orders."'],
    ['a finding credited to an audit', 'An audit found the fund had been set up in haste and run with little oversight.'],
    ['a neutral history', 'The ferry has a long history of carrying pilgrims across the lake.'],
    ['a measured depth', 'The water runs deep near the dam.'],
  ])('control: %s', (_, text) => {
    expect(unsourced(SOURCED, text)).toEqual([]);
  });
});

describe('unnamed people by role and place, more verbs', () => {
  it.each([
    ['villagers who complain', 'Villagers in Mardale complain that the promised grants never arrived.', 'Villagers in Mardale complain that'],
    ['officials who questioned, speaking privately', 'Two officials at the water board, speaking privately, have questioned why the contract ran for thirty years.', 'have questioned'],
    ['one person placed at a body by what they know, in the present tense', 'A person at the regional planning office with knowledge of the file says the permit was rushed.', 'A person at the regional planning office with knowledge of the file'],
  ])('flags %s', (_, text, words) => {
    expect(anonymous(text).join(' ')).toContain(words);
  });

  it('an anonymity condition worded "would only speak if his name was not used"', () => {
    expect(anonymous('A driver, who would only speak if his name was not used, said the brakes had failed twice.').join(' ')).toContain('would only speak if his name was not used');
  });

  it.each([
    ['a named resident who complains', 'Maria Lund, who lives by the quarry, complained that the dust never settles.'],
    ['a named official who questioned', 'The auditor, Tom Reyes, questioned why the contract ran for thirty years.'],
  ])('control: %s', (_, text) => {
    expect(anonymous(text)).toEqual([]);
  });
});

describe('hedges, refusals and denials in more words', () => {
  it('the report could not check an account: "We were not able to verify … independently"', () => {
    expect(hedged(SOURCED, 'The farmer said the shop had refused him bread. We were not able to verify his account independently.').join(' ')).toContain('We were not able to verify');
  });

  it('"by some estimates" and ", it seems,"', () => {
    expect(hedged(SOURCED, 'About 900 homes could still be without power, by some estimates.').join(' ')).toContain('by some estimates');
    expect(hedged(SOURCED, 'Several grants went, it seems, to empty holiday homes.').join(' ')).toContain('it seems');
  });

  it('"did not want to comment" is no comment', () => {
    expect(noComment(SOURCED, 'The licensing office did not want to comment while the appeal is pending.').join(' ')).toContain('did not want to comment');
  });

  it('a body dismissing complaints as untrue denies them', () => {
    expect(denial(SOURCED, 'Residents say the dust makes children ill. The mine’s manager, Paul Reid, dismissed the complaints as "false".').join(' ')).toContain('dismissed the complaints');
  });

  it.each([
    ['a named source verified by the report', 'We were able to verify his account with two neighbours.'],
    ['an estimate with its author', 'About 900 homes could still be without power, by the utility’s estimate.'],
    ['a spokesperson who did comment', 'The licensing office wanted to comment and said the appeal was pending.'],
  ])('control: %s', (_, text) => {
    expect([...hedged(SOURCED, text), ...noComment(SOURCED, text)]).toEqual([]);
  });
});
