// Sourcing classes found wrong or missing on held-out set 9 (#15). Fixture reports written for this test (not set 9's
// text); each class has controls: what a careful editor would not flag (a named body's officials, a registered stake, a
// filed request, an adjective that looks like a verb) stays unflagged, and the nearby shapes that are sources still count.
import { describe, expect, it } from 'vitest';
import { anonymousQuotes as anonymous, hedgedQuotes as hedged, noCommentQuotes as noComment, denialQuotes as denial, unsourcedQuotes as unsourced, SOURCED_LEAD as SOURCED } from '../support/report-caveats';

// A report that names its sources elsewhere, so an assertion in its own voice stands out.

describe('figures a reader can check, not figures with no source', () => {
  it.each([
    ['a stake a company owns', 'Kestrel Metals plc, the Toronto-listed miner that owns 70 percent of the Ridgeback nickel project, will pay the levy from January.'],
    ['the remaining stake another holder has', 'The provincial development fund holds the remaining 30 percent.'],
    ['a stake named as such', 'Harbour Capital bought a 15% stake in the ferry operator last year.'],
    ['a request filed with an authority', 'The water company asked the Utilities Board in March for a 9.5% increase in tariffs.'],
    ['what a pending request would mean', 'Households could pay about $12 more a month if the board approves the company’s application to recover the cost of the new reservoir.'],
    ['a figure the report flags as unverified', 'The levy is expected to raise $40 million a year, but that figure could not be independently verified.'],
  ])('control: %s', (_, text) => {
    expect(unsourced(SOURCED, text)).toEqual([]);
  });

  it('a figure in a named chief executive’s reported words is theirs, even after a possessor of several words', () => {
    expect(unsourced(SOURCED, 'Kestrel Metals’ chief executive, Dora Pilling, said the levy was fair and would let the company borrow for a $2.1 billion smelter.')).toEqual([]);
  });

  it('still flags a figure stated in the report’s own voice', () => {
    expect(unsourced(SOURCED, 'The company has lost $40 million on the project since it began.').join(' ')).toContain('$40 million');
  });
});

describe('a named body’s officials and a principal’s office are on the record', () => {
  it('control: "union officials said" when the report names the union', () => {
    const text = 'Bus drivers in Lisbon stayed off the job for a third day on Friday, union officials said. Members of the Metropolitan Transport Workers Union voted for the strike last week.';
    expect(anonymous(text)).toEqual([]);
  });

  it('"union officials said" with no union named anywhere is still a group nobody can check', () => {
    expect(anonymous('Bus drivers in Lisbon stayed off the job for a third day on Friday, union officials said.')).toContain('officials said');
  });

  it('control: a named principal’s chief of staff', () => {
    expect(anonymous('Deputy Mayor Rhoda Ferris did not return calls. Her chief of staff said she was abroad.')).toEqual([]);
  });

  it('staff speaking as a group are still unnamed', () => {
    expect(anonymous('Staff said the wards had run out of gloves.').join(' ')).toContain('Staff said');
  });
});

describe('unnamed sources in more shapes', () => {
  it.each([
    ['"according to people with knowledge of" a matter', 'The lender is close to a settlement, according to people with knowledge of the talks.', 'according to people with knowledge of the talks'],
    ['traders on a named exchange', 'Traders on the Nairobi Securities Exchange said bank shares rose on talk of a deal.', 'Traders on the Nairobi Securities Exchange said'],
    ['an observer placed by what they did', 'One foreign observer who watched the count in Tacna said ballots were left unsealed.', 'One foreign observer who watched the count in Tacna'],
    ['a source at a body whose name lists its remits', 'A source at the Ministry of Energy, Mines and Water said the permit had been delayed.', 'A source at the Ministry of Energy, Mines and Water'],
  ])('flags %s', (_, text, words) => {
    expect(anonymous(text).join(' ')).toContain(words);
  });

  it('a community’s members, the community named and described at length, are still unnamed', () => {
    const text = 'Fishers from the Ardmore cooperative, whose boats have worked the bay for three generations and land most of the town’s catch each winter, say the turbines would close their grounds.';
    expect(anonymous(text).join(' ')).toContain('Fishers from the Ardmore cooperative');
  });

  it('control: a named spokesperson in apposition after a body, not part of its name', () => {
    expect(anonymous('A spokesperson for the governor, Lena Marsh, said the permit was in order.')).toEqual([]);
  });

  it('control: observers from a named organisation speak through it', () => {
    expect(anonymous('Observers from the Civic Election Watch said the count was orderly.')).toEqual([]);
  });
});

describe('a hedge: reported by an outlet nobody names', () => {
  it('flags "was reported by a … weekly … to have"', () => {
    expect(hedged('The minister was reported by a Tamil-language daily last week to have asked for a transfer.').join(' ')).toContain('was reported by a Tamil-language daily last week to have');
  });
});

describe('whose view? judgements credited to nobody', () => {
  it.each([
    ['an open secret', 'The kickbacks were an open secret in the port.'],
    ['everybody knew', 'Everybody at the town hall knew who would win the tender.'],
    ['few in a place expect', 'Few in Nairobi expect the levy to last beyond the election.'],
  ])('flags %s', (_, text) => {
    expect(unsourced(SOURCED, text)).toHaveLength(1);
  });

  it('control: a named person’s expectation', () => {
    expect(unsourced(SOURCED, 'Finance minister Asha Odera expects the levy to last beyond the election, she said.')).toEqual([]);
  });
});

describe('denials: not an adjective, not a mood explained', () => {
  it('control: "disputed" as an adjective after a relative pronoun', () => {
    expect(denial('The party will appeal to the supreme court, which has the final say on disputed ballots.')).toEqual([]);
  });

  it('still flags "…, which the ministry denies"', () => {
    expect(denial('The audit found the funds were moved twice, which the ministry denies.').join(' ')).toContain('which the ministry denies');
  });

  it('control: a speaker explaining why others are angry answers no charge', () => {
    expect(denial('Councillor Abel Nkosi said: "They are angry because nobody told them the truth, not because they want trouble."')).toEqual([]);
  });

  it('still flags a speaker’s other cause against the alleged one', () => {
    expect(denial('The director said the clinic had closed because its lease expired, not because of the complaints.')).toHaveLength(1);
  });
});

describe('no comment: withheld records, and a refusal answered later', () => {
  it('flags "declined to release its invoices"', () => {
    expect(noComment('The contractor declined to release its invoices for the bridge, citing commercial confidentiality.').join(' ')).toContain('declined to release its invoices');
  });

  it('control: a party that answered after publication in the same paragraph', () => {
    expect(noComment('The river authority did not respond to questions by the time of publishing. In a statement issued after publication, the authority said it had sent two engineers.')).toEqual([]);
  });

  it('a refusal with no later answer stays a finding', () => {
    expect(noComment('The river authority did not respond to questions by the time of publishing. Residents have been without water for a week.')).toHaveLength(1);
  });
});
