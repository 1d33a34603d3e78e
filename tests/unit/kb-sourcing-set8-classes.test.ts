// Sourcing classes found wrong or missing on held-out set 8 (#15). Fixture reports written for this test (not set 8's
// text); each class has controls that must stay unflagged: a named source, a comparison, a body's remit.
import { describe, expect, it } from 'vitest';
import { anonymousQuotes as anonymous, hedgedQuotes as hedged, noCommentQuotes as noComment, denialQuotes as denial, unsourcedQuotes as unsourced, SOURCED_LEAD as SOURCED } from '../support/report-caveats';

// A report that names its sources elsewhere, so an assertion in its own voice stands out.

describe('unnamed sources placed by what they know', () => {
  it.each([
    ['one person by trade, familiar with a file', 'A lawyer familiar with the estate said the will had been changed twice.', 'A lawyer familiar with the estate'],
    ['one person by trade, close to a family', 'A banker close to the family said the loans had been called in.', 'A banker close to the family'],
    ['people briefed on something long to describe', 'People briefed on a customs inquiry into grain shipments from the northern ports said the case had stalled.', 'People briefed on a customs inquiry into grain shipments from the northern ports said'],
  ])('flags %s', (_, text, words) => {
    expect(anonymous(text)).toContain(words);
  });

  it('an anonymity grant worded "asked that his name be withheld"', () => {
    expect(anonymous('A deckhand on the trawler, who asked that his name be withheld because he still works there, said the nets were illegal.').join(' ')).toContain('asked that his name be withheld');
  });

  it.each([
    ['a named banker in apposition', 'Ruth Okafor, a banker familiar with the company, said the loans had been called in.'],
    ['a spokesperson for a named principal', 'A spokesperson for the Port Authority said the berth would reopen.'],
  ])('control: %s', (_, text) => {
    expect(anonymous(text)).toEqual([]);
  });
});

describe('hearsay in a named speaker’s own words', () => {
  it('"I have been told by people at the ministry" in a quotation', () => {
    expect(anonymous('Asked who wrote the cap, Dana Kim said: "I have been told by people at the treasury that the cap was their idea."')).toContain('I have been told by people at the treasury that the cap was their idea');
  });

  it('the same in an interview answer line', () => {
    const found = anonymous('We spoke to Dana Kim, who chairs the Small Hosts Alliance.', 'Q: Who wrote the cap?', 'A: The big firms did. I have been told by people at the treasury that the cap was their idea.');
    expect(found).toContain('I have been told by people at the treasury that the cap was their idea');
  });

  it('control: "we were told" in a quotation, with no one placed, stays the speaker’s own account', () => {
    expect(anonymous('Dana Kim said: "We were told that the cap would rise."')).toEqual([]);
  });
});

describe('a group that is not a source', () => {
  it('control: a comparison with what officials said, while the hedge in the report’s voice stays a finding', () => {
    const text = 'The scheme may have cost far more than officials have acknowledged, according to the ledgers.';
    expect(anonymous(text)).toEqual([]);
    expect(hedged(text)).toEqual(['The scheme may have cost far more than officials have acknowledged']);
  });

  it('control: the complaints that set off a recall the maker confirms', () => {
    expect(anonymous('The firm recalled the kettles after customers and retailers reported that some had cracked.')).toEqual([]);
  });

  it('control: "the press" as the object of "to talk to", with the anonymity grant the one finding', () => {
    expect(anonymous('A council clerk who spoke on condition of anonymity because he was not authorised to talk to the press said the bid was late.')).toEqual(['spoke on condition of anonymity']);
    expect(anonymous('The local press reported that the bid was late.').length).toBe(1);
  });

  it('the same group reporting as the claim’s own source is still flagged', () => {
    expect(anonymous('Customers reported that some kettles had cracked.')).toContain('Customers reported');
  });
});

describe('refusals to comment', () => {
  it('a firm that "could not discuss its clients" (a policy of silence)', () => {
    expect(noComment('The registered agent said it could not discuss its clients.')).toEqual(['The registered agent said it could not discuss its clients']);
  });

  it('control: "declined to comment further" after the speaker answered', () => {
    expect(noComment('Her lawyer, Ana Ruiz, confirmed that she would testify and declined to comment further.')).toEqual([]);
    expect(noComment('Reached by phone, Tomas Brand said he had sold the boat in May and declined to comment further.')).toEqual([]);
  });

  it('a question left unanswered still counts, "further" or not', () => {
    expect(noComment('Asked whether it would cut fees, the bank declined to comment further.').length).toBe(1);
    expect(noComment('The bank declined to comment.')).toEqual(['The bank declined to comment']);
  });
});

describe('denials', () => {
  it('"dismissed that as "nonsense"": the pronoun standing for the claim just made', () => {
    const found = denial('A clerk, who did not want to be named, said the board had hidden the losses. The former treasurer, Ruth Bell, dismissed that as "nonsense" and said every payment had been approved.');
    expect(found.join(' ')).toContain('dismissed that as "nonsense"');
  });

  it('control: "dismissed it as a distraction" is not a claim called false', () => {
    expect(denial('The minister dismissed it as a distraction from the budget.')).toEqual([]);
  });

  it('control: a regulator describing its remit ("no role in licensing decisions")', () => {
    expect(denial('The state regulator said it had been told of the ban and had no role in licensing decisions in Fijian waters.')).toEqual([]);
  });

  it('a party denying its part in a specific act is still a denial', () => {
    expect(denial('The firm said Jan Novak had "no role whatsoever" in drafting the requirements.').length).toBe(1);
    expect(denial('The ministry said it had no role in the decision to close the mine.').length).toBe(1);
  });
});

describe('assertions in the report’s own voice', () => {
  it.each([
    ['a machine that failed repeatedly', 'The pumps, fitted in 2019, have broken down repeatedly.'],
    ['a measure pushed through with no debate', 'The council pushed the budget through the chamber in a single sitting.'],
    ['a bad record stated as fact', 'The bakery has a history of hygiene violations at its main site.'],
    ['a verdict on what nobody believes', 'Nobody seriously believes that half the town left in a year.'],
  ])('flags %s', (_, text) => {
    expect(unsourced(SOURCED, text)).toEqual([text.replace(/\.$/, '')]);
  });

  it.each([
    ['the same failure credited to engineers', 'The pumps have broken down repeatedly, engineers at the plant said.'],
    ['a vote with no loaded verb', 'The budget passed in a single sitting.'],
    ['a posted price a reader can check', 'Train fares in the region have risen by 30 percent this year.'],
    ['nobody as a speaker', 'Nobody said anything about the pumps.'],
    ['a place’s history of a natural hazard', 'The valley has a long history of flooding problems.'],
    ['talks that failed, a matter of record', 'Talks on the depot have failed repeatedly since 2021.'],
  ])('control: %s', (_, text) => {
    expect(unsourced(SOURCED, text)).toEqual([]);
  });

  it('control for the price rule: an unsourced figure that is not a posted price is still flagged', () => {
    expect(unsourced(SOURCED, 'The depot lost 40 percent of its drivers this year.').length).toBe(1);
  });
});
