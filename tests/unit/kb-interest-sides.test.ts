// Interested-party caveats (#15 point 2), classes found on a blind set: a person the report introduces as one
// side's ("GLZ chairman X", "Opposition senator X", "X, who has clashed with Y over the budget") accusing the
// other side, a side's own document ("The letter accused the family of …"), a side's disparaging words for what
// the other does ("calling the study 'an attack on …'", "called the extension 'irresponsible'"), and a rival's
// verdict on its competitor. Controls: a neutral expert's criticism, a councillor introduced as no side, an
// authority's letter, a side's words with nothing disparaging in them, negated words and a rival's plan to go to
// court are not flagged. Fixture reports written for this test.
import { describe, expect, it } from 'vitest';
import { caveatsOf, quotesOfKind, report } from '../support/report-caveats';

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

  it('says in plain words whose letter it is', () => {
    const text = report('Fund demands independent chair', 'By Ana Test | Test Harbour Wire | 4 May 2026', 'Cedar Partners AG, an activist fund, wrote to the board last week demanding an independent chair. The letter accused the family of "treating a listed company as an heirloom".');
    const c = caveatsOf(text).find((x) => x.kind === 'interested-party')!;
    expect(c.explanation).toMatch(/^This letter from Cedar Partners AG comes from one side of this dispute/);
    expect(c.about).toContain('Cedar Partners AG');
  });
});

describe('a side’s hostile words for what the other side does', () => {
  it('flags an association calling a study "an attack on …", quoting from the verb', () => {
    const q = interested('The Ranchers’ Association of Maraba rejected reports that its members had set fires, calling the study "an attack on families who feed the country".');
    expect(q).toEqual(['calling the study "an attack on families who feed the country']);
  });

  it('flags a company officer calling the union’s strike "irresponsible"', () => {
    const q = interested('The company’s head of human resources, Dr. Greta Voss, said Rhenania Rail had made its best offer and called the strike "irresponsible towards commuters".');
    expect(q.some((x) => x.startsWith('called the strike "irresponsible'))).toBe(true);
  });

  it('flags an industry body saying the regulator is "punishing innovation", and a government spokesman on a mission', () => {
    expect(interested('The Federation of Tile Makers, an industry body, said in a statement that the regulator was "punishing innovation".')).toHaveLength(1);
    expect(interested('The government’s spokesman, Colonel Idris Malam, said on state television that the mission had "shown that it is a danger to the people it claims to protect".')).toHaveLength(1);
  });

  it('quotes what a side’s officer said, not the speech verb, when the report leaves the sentence unattributed', () => {
    const q = interested('The Nurses’ Federation’s head of policy, Jane Roth, said the levy was "a punishing burden on the poorest wards".');
    expect(q).toHaveLength(1);
    expect(q[0]).toMatch(/^the levy was "a punishing burden/);
  });

  it('flags a rival company’s verdict on its competitor', () => {
    const q = interested(
      'Corvex Exchange UAB paused withdrawals on Monday. Rival exchange Nordbit UAB, whose chief executive has long criticised Corvex Exchange UAB’s accounts, said in a post that "this was always going to happen to a business built on promises".',
    );
    expect(q).toHaveLength(1);
    expect(q[0]).toContain('this was always going to happen');
  });
});

describe('what is not an interested party', () => {
  it('does not flag a neutral analyst’s hostile word, a side’s words with nothing hostile, or negated words', () => {
    expect(interested('Analyst Peter Lund of Fjord Securities said the regulator’s notices were "irresponsible".')).toEqual([]);
    expect(interested('The Federation of Tile Makers said in a statement that the regulator’s decision was "a step forward".')).toEqual([]);
    expect(interested('The Federation of Tile Makers said in a statement that the ruling was "not an attack on anyone".')).toEqual([]);
  });

  it('leaves a person’s accusation "without providing evidence" to the stronger no-evidence finding', () => {
    const text = 'Opposition leader Mirela Kovac accused the government of rigging the tender, without providing evidence.';
    expect(interested(text)).toEqual([]);
    expect(quotesOfKind('unsourced', text).some((q) => q.includes('without providing evidence'))).toBe(true);
  });

  it('does not flag a rival’s plan to go to court', () => {
    expect(interested('His rival, Grace Wanjiru of the Unity Party, rejected the result. "We will go to the Supreme Court," she told supporters.')).toEqual([]);
  });

  it('does not flag a neutral expert’s accusation', () => {
    expect(interested('Professor Lena Ortiz, a public-finance expert at the University of Tallin, accused the Green Future Party of poor record-keeping.')).toEqual([]);
  });

  it('does not flag a lawyer "not involved in the case", or the head of an inquiry', () => {
    expect(interested('Human-rights lawyer Sam Otieno, who is not involved in the case, accused the police of "a cover-up".')).toEqual([]);
    expect(interested('The head of the inquiry, Judge Ann Moyo, accused the ministry of "a cover-up".')).toEqual([]);
  });

  it('does not flag a councillor the report introduces as no side', () => {
    expect(interested('Councillor Mira Holt accused the harbour master of negligence at a meeting on Monday.')).toEqual([]);
  });

  it('does not flag an authority’s letter', () => {
    expect(interested('The regulator wrote to the company on Monday. The letter accused the firm of "failing to report outages on time".')).toEqual([]);
  });
});
