// Self-serving caveats (#15 point 2): a company, ministry, club, trust or university vouching for its own conduct,
// product, finances or record is its own account. Fixture reports written for this test; each asserts what is
// flagged and what is not (the report's own voice, a negated phrase, what a critic says they were told).
import { describe, expect, it } from 'vitest';
import { quotesOfKind } from '../support/report-caveats';

const selfServing = (...paragraphs: string[]) => quotesOfKind('self-serving', ...paragraphs);

describe('a body vouching for its own record is self-serving', () => {
  it('flags a company saying its own systems are safe, quoting what it said, not the speech tag', () => {
    const quotes = selfServing('Brightwave Energy said in a filing to the stock exchange that its systems were safe and that the outage would not affect its operations.');
    expect(quotes).toHaveLength(1);
    expect(quotes[0]).toMatch(/^its systems were safe/);
  });

  it('flags a club saying it had acted properly throughout', () => {
    expect(selfServing('The club said in a statement on Friday that it had acted properly throughout and had followed all the rules.')).toEqual([
      'it had acted properly throughout and had followed all the rules',
    ]);
  });

  it('flags a spokesman’s "full confidence" in his own side’s work', () => {
    const quotes = selfServing('The ministry’s spokesman, Karel Dvořák, said the minister had "full confidence" in the tender committee.');
    expect(quotes.some((q) => q.includes('full confidence'))).toBe(true);
  });

  it('flags a superlative about its own offer, and stops before the accusation that follows', () => {
    const quotes = selfServing('In a statement the company said its offer was "the most generous in the history of the plant" and accused the union of bad faith.');
    expect(quotes).toHaveLength(1);
    expect(quotes[0]).toContain('the most generous');
    expect(quotes[0]).not.toContain('accused');
  });

  it('flags a first-person account of its own response in a transcript line', () => {
    const quotes = selfServing(
      'PRESENTER (JOHN REED): With me is Dr Nora Blake, medical director of the Riverside Hospitals Trust. Dr Blake, what happened?',
      'BLAKE: Our teams responded within hours and patient care carried on safely throughout.',
    );
    expect(quotes).toEqual(['Our teams responded within hours and patient care carried on safely throughout']);
  });
});

describe('what is not self-serving', () => {
  it('does not flag the report’s own voice', () => {
    expect(selfServing('The plant’s systems were safe, inspectors found in March, and the outage did not affect its operations.')).toEqual([]);
  });

  it('does not flag the vouching words negated', () => {
    expect(selfServing('The regulator said the company had not acted properly when it delayed the report.')).toEqual([]);
  });

  it('does not flag what a critic says they were told', () => {
    expect(selfServing('"Every time there is a spill we are told it is under control," said Mary Okafor, a fisherwoman.')).toEqual([]);
  });

  it('does not flag an analyst praising someone else', () => {
    expect(selfServing('Analyst Peter Lund of Fjord Securities said the rival bid was the best on the table.')).toEqual([]);
  });
});

// "said A and that B": two reported claims in one sentence, each its own finding; a denial in the first does not swallow
// the vouching in the second (the two would overlap, and the lesser one would vanish into the other).
describe('two reported clauses joined by "and that" are two claims', () => {
  it('keeps a denial and a vouching clause apart, each quoted on its own clause', () => {
    const text = 'The ministry’s spokesman, Col. Anton Berisha, said Kovač had "no role whatsoever" in the tender and that the minister had "full confidence" in the committee’s choice.';
    expect(selfServing(text)).toEqual(['the minister had "full confidence" in the committee’s choice']);
    const denials = quotesOfKind('denial', text);
    expect(denials).toHaveLength(1);
    expect(denials[0]).toMatch(/no role whatsoever" in the tender$/);
  });

  it('quotes both clauses when both vouch for the body', () => {
    const quotes = selfServing('Shares of Nordavia ASA fell 6% after the regulator ordered an audit.', 'Nordavia chief executive Marta Lind said in a statement that safety had "never been compromised" and that Nordavia operated "one of the best-run fleets in Europe".');
    expect(quotes).toHaveLength(1);
    expect(quotes[0]).toContain('never been compromised');
    expect(quotes[0]).toContain('best-run fleets');
  });

  it('control: "denied that A and that B" denies both clauses', () => {
    const denials = quotesOfKind('denial', 'The contractor denied that it had bribed officials and that it had hidden the defects.');
    expect(denials).toHaveLength(1);
    expect(denials[0]).toContain('hidden the defects');
  });
});

// More ways a body vouches for itself: its response ("worked exactly as it was designed to", "swift and decisive",
// "prevented far worse damage", "among the first to help"), its conduct ("utmost restraint and professionalism",
// "the highest standard"), its product ("tested to pharmaceutical standards", "safe and fully backed"), its standing
// ("has always set the standard for", "the best offer in the history of this company", "it had the most rigorous …").
describe('a body vouching for itself, more shapes', () => {
  it.each([
    ['Mayor Anne Roy said the town’s emergency plan had worked "exactly as it was designed to".', 'exactly as it was designed to'],
    ['City Manager Rosa Vidal said in a statement that the city’s "swift and decisive response" had "prevented far worse damage".', 'swift and decisive'],
    ['"Our soldiers acted with the utmost restraint and professionalism," mission spokesman Major Ali Konaté told reporters.', 'utmost restraint'],
    ['"Our products are tested to pharmaceutical standards, batch by batch," its commercial director, Nikos Arvanitis, said in a statement.', 'pharmaceutical standards'],
    ['In a statement, the exchange said its client assets were "safe and fully backed".', 'safe and fully backed'],
    ['The company’s head of human resources, Dr. Eva Roth, said Rheinbahn had tabled "the best offer in the history of this company".', 'the best offer in the history of this company'],
    ['In a written response, the company said it had "the most rigorous monitoring system in the sector".', 'the most rigorous monitoring system'],
  ])('flags %s', (sentence, words) => {
    expect(selfServing(sentence).some((q) => q.includes(words))).toBe(true);
  });

  it.each([
    ['a named interviewee’s "the most serious problem we face" (a view, not a vouching)', '"It is the most serious economic problem we face," said Minh Tran, an economist at the institute.'],
    ['the report’s own account of a response', 'The town’s emergency plan worked exactly as it was designed to, the inquiry found.'],
    ['negated', 'The inspector said the plan had not worked "exactly as it was designed to".'],
  ])('control: %s', (_, sentence) => {
    expect(selfServing(sentence)).toEqual([]);
  });
});

// A body saying it is cooperating fully with the authorities vouches for its own conduct (set 6); an authority's
// doubt about that cooperation is not self-praise.
describe('a body saying it cooperates fully', () => {
  it('flags a university spokesman’s "was cooperating fully with prosecutors"', () => {
    const quotes = selfServing('A spokesman for Kestrel Medical University said the university was cooperating fully with prosecutors and would not comment on individual applicants.');
    expect(quotes.some((q) => q.includes('cooperating fully with prosecutors'))).toBe(true);
    // The refusal beside it stays its own finding.
    expect(quotesOfKind('no-comment', 'A spokesman for Kestrel Medical University said the university was cooperating fully with prosecutors and would not comment on individual applicants.')).toEqual([
      'would not comment',
    ]);
  });

  it('control: prosecutors saying the university had not cooperated fully', () => {
    expect(selfServing('Chief prosecutor Elena Marsh said the university had not cooperated fully with her office.')).toEqual([]);
  });
});
