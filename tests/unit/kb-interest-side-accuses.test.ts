// Interested-party caveats (#15 point 2) for sides data/parties.json does not know: a company accusing the union it
// bargains with, a candidate's team alleging wrongdoing by the rival's people, an agent saying the club is looking for
// someone to blame. Fixture reports written for this test; each asserts what is flagged and what is not.
import { describe, expect, it } from 'vitest';
import { quotesOfKind } from '../support/report-caveats';

const interested = (...paragraphs: string[]) => quotesOfKind('interested-party', ...paragraphs);

describe('a side accusing the other is an interested party', () => {
  it('flags a company accusing the union, quoting the accusation', () => {
    expect(interested('Workers at the Salar Norte smelter walked out on Monday. In a statement the company accused the union of "holding the region to ransom".')).toEqual([
      'accused the union of "holding the region to ransom',
    ]);
  });

  it('flags a candidate’s team alleging wrongdoing by the rival’s people', () => {
    const quotes = interested(
      'Counting continued in Cebu on Sunday between Maria Santos and Ramon Villareal.',
      'Ramon Villareal told supporters in Cebu that his team had evidence of vote-buying by Maria Santos’s volunteers in the north of the city.',
    );
    expect(quotes).toHaveLength(1);
    expect(quotes[0]).toContain('evidence of vote-buying');
  });

  it('flags a quotation that runs on from the speech tag, blaming the other side', () => {
    const quotes = interested(
      'The agent, Kwame Asante-Boateng, rejected the club’s account. "I have never asked for a fee," he said. "Harlow United are looking for someone to blame because their own forms were late."',
    );
    expect(quotes.some((q) => q.includes('looking for someone to blame'))).toBe(true);
  });
});

describe('what is not an interested party', () => {
  it('does not flag a regulator’s or a court’s accusation', () => {
    expect(interested('The regulator accused the airline of failing to log inspections on four aircraft.')).toEqual([]);
    expect(interested('Presiding judge Ana Lima said the court accused the former chief executive of bribery.')).toEqual([]);
  });

  it('does not flag the report’s own account of a dispute with no accusation in it', () => {
    expect(interested('The union and the company have been in talks since March. The smelter cut night-shift pay in April.')).toEqual([]);
  });

  it('reads "the union has accused the company of" in the report’s voice as the union’s accusation, but not a councillor’s charge', () => {
    expect(interested('The union has accused the company of bad faith since the talks began.')).toHaveLength(1);
    expect(interested('Councillor Mira Holt accused the harbour master of negligence at a meeting on Monday.')).toEqual([]);
  });

  it('does not flag a side that says it has no evidence', () => {
    expect(interested('Ramon Villareal said his team had not found evidence of vote-buying by anyone.')).toEqual([]);
  });
});

// A side marked as one in its introduction, a body's head or spokesperson, a body's letter, and a side's own pejorative
// for the other side's act ("called the extension "irresponsible …"", "the regulator was "punishing innovation"").
describe('a side accusing the other, more shapes', () => {
  it.each([
    ['an opposition senator', 'Opposition senator Gavin Reid, who sits on the finance committee, accused the Fair Play Party of "helping themselves to the public purse".', 'accused the Fair Play Party of'],
    ['a councillor who has clashed with the accused', 'Councilmember Aaron Feld, who has clashed with Mayor Rosa Vidal over the budget, accused the city manager of "a cover-up from day one" and said he would ask for the audit.', 'accused the city manager of "a cover-up from day one'],
    ['a union’s chairman, named before', 'TDU chairman Jörg Weiss came out of the meeting and told reporters the company had not moved. He accused the Nordbahn board of "union-busting in a suit".', 'accused the Nordbahn board of'],
    ['a fund’s letter', 'Harrow Capital, an activist fund, wrote to the board last week. The letter accused the family of "treating a listed company as a family heirloom".', 'accused the family of'],
    ['a body’s pejorative for the other side’s study', 'The Ranchers Association of Pará (Arpa), which represents ranchers in the region, rejected the report, calling the study "an attack on families who feed Brazil".', 'calling the study "an attack on families'],
    ['an industry body’s pejorative for the regulator', 'The Federation of Generic Drug Makers (FGDM), an industry body, said in a statement that the regulator was "punishing innovation".', 'the regulator was "punishing innovation'],
    ['a government spokesman’s pejorative for the mission', 'Norland’s government spokesman, Colonel Issa Garba, said on state television that the mission had "once again shown that it is a danger to the people it claims to protect".', 'the mission had "once again shown'],
  ])('flags %s', (_, sentence, words) => {
    expect(interested(sentence).some((q) => q.includes(words))).toBe(true);
  });

  it.each([
    ['a councillor’s charge with no side marked', 'Councillor Mira Holt accused the harbour master of negligence at a meeting on Monday.'],
    ['a court’s spokesman', 'A court spokesman, Lars Berg, said the ruling had called the appeal "an abuse of process".'],
    ['a pejorative in the report’s own voice', 'Critics have called the plan irresponsible, and the regulator was "punishing innovation" in the view of some.'],
    ['a named analyst', 'Analyst Mia Brandt of Nordkap Securities said the regulator was "punishing innovation".'],
  ])('control: %s', (_, sentence) => {
    expect(interested(sentence)).toEqual([]);
  });
});

// A person the report names, with no side role marked, who accuses someone in their own quoted words is taking a side
// (set 6: a committee member accusing a neighbour state, an association's director accusing the bidder, a union
// secretary accusing the minister after his own speech tag); a prosecutor's quoted charge and a paraphrase stay out.
describe('a named person accusing in their own quoted words', () => {
  it.each([
    ['a named accused', 'Dana Ilieva, a member of the parliament’s energy committee, accused Northmark of "using safety as a pretext to take our water".', 'accused Northmark of "using safety'],
    ['the pronoun after a speech tag', '"They are asking the lowest-paid to pay for this," said Karim Haddad, the federation’s general secretary. He accused the minister of "hiding the real figures from parents."', 'accused the minister of "hiding'],
  ])('flags %s', (_, text, words) => {
    expect(interested(text).some((q) => q.includes(words))).toBe(true);
  });

  it.each([
    ['a prosecutor’s quoted charge', 'Chief prosecutor Elena Marsh accused Northmark of "systematic fraud" in her opening statement.'],
    ['a paraphrased charge', 'Dana Ilieva accused Northmark of negligence at a hearing on Monday.'],
    ['a named analyst', 'Analyst Mia Brandt of Nordkap Securities accused Northmark of "reckless optimism".'],
  ])('control: %s', (_, text) => {
    expect(interested(text)).toEqual([]);
  });
});

// A side's verdict on the other side in its own quoted words (set 6): a stolen mandate, a prosecution called a
// persecution "to silence the opposition", an administration that "treats the budget as a piggy bank".
describe('a side’s hostile verdict on the other side', () => {
  it.each([
    ['an opposition senator on the administration', 'Senator Ana Ruiz, who belongs to the opposition, said the deal showed "an administration that treats the health budget as a piggy bank for its friends."', 'treats the health budget as a piggy bank'],
    ['a party president on the ruling party, quotation first', 'Alliance president Ravi Shah said the order did not go far enough. "The mandate of the voters was stolen in broad daylight by the ruling party," he told reporters.', 'stolen in broad daylight'],
  ])('flags %s', (_, text, words) => {
    expect(interested(text).some((q) => q.includes(words))).toBe(true);
  });

  it.each([
    ['a theft in the report’s voice', 'Ballot boxes were stolen from a warehouse in the north of the city on Friday, police said.'],
    ['a neutral analyst', 'Analyst Mia Brandt of Nordkap Securities said the losing side "cannot accept defeat".'],
  ])('control: %s', (_, text) => {
    expect(interested(text)).toEqual([]);
  });
});
