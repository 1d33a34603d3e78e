// Refusals to comment and denials in more shapes real reports use (#15), on
// reports written for this test: a policy of silence, an unanswered question,
// an unreachable party, "nothing to add"; "denied this as well", "something X
// has denied", "does not recognise that figure", "rejected what it called …",
// "had no role", another cause offered "not because of" the alleged one. And
// what is not one: "will not comment further" after a comment.
import { describe, expect, it } from 'vitest';
import { at, caveatsOf, report } from '../support/report-caveats';

describe('no comment, more shapes', () => {
  const text = report(
    'Port authority fines ferry operator',
    'BERGEN, May 4 (Fjord Courier) - The Bergen port authority fined the ferry operator Nordlys Lines 2 million crowns on Monday for missed safety drills, its director said.',
    'Nordlys Lines said it did not discuss personnel matters. The harbour master would not say whether other operators were being examined. The coastguard declined to give an estimate of how many drills had been skipped.',
    'The ship’s former captain could not be contacted. A spokesman for the port authority said he had "nothing to add at this stage".',
    'The transport ministry said: "We have received the report. We will not comment further while it is being studied."',
  );
  const found = caveatsOf(text);

  it.each([
    'said it did not discuss personnel matters',
    'would not say whether',
    'declined to give an estimate',
    'could not be contacted',
    'nothing to add at this stage',
  ])('flags “%s” as no comment', (words) => {
    expect(at(found, text, 'no-comment', words)).toHaveLength(1);
  });

  it('does not read “will not comment further” after a statement as a refusal to comment', () => {
    expect(at(found, text, 'no-comment', 'We will not comment further')).toEqual([]);
  });
});

describe('denials, more shapes', () => {
  const lead = 'LEEDS, Feb 2 (Northern Ledger) - Workers at the Crumb & Co bakery chain say their hours were cut after they joined a union, the union said on Tuesday.';
  it.each([
    ['The union said managers had threatened staff who attended meetings. Martin Hale, the chain’s operations director, denied this as well.', 'denied this as well'],
    ['The union also said 400 workers had lost shifts. Crumb & Co says it does not recognise that figure.', 'does not recognise that figure'],
    ['Some staff believe the chain has been hiring agency workers to replace them, something the company has previously denied.', 'something the company has previously denied'],
    ['Crumb & Co rejected what it called "gossip" about its finances.', 'rejected what it called "gossip"'],
    ['Martin Hale, the operations director, said the union organiser Jo Price had "no role whatsoever" in the scheduling dispute.', '"no role whatsoever"'],
    ['The union says the rota was drawn up without consultation. The company rejects this, pointing to six meetings with staff since June.', 'rejects this'],
    ['The union said managers had threatened staff. Martin Hale denied that.', 'denied that'],
    ['The union said Jo Price was dismissed for organising. Martin Hale said Price’s contract had ended because the shop closed, not because of her union work.', 'not because of her union work'],
  ])('flags the denial in “%s”', (paragraph, words) => {
    const text = report('Bakery chain accused of cutting hours', lead, paragraph);
    expect(at(caveatsOf(text), text, 'denial', words)).toHaveLength(1);
  });

  it('does not read "rejected that" before a clause, or a vote, as a denial of the claim before', () => {
    const t = report('Shop closes', 'LEEDS, Feb 2 (Northern Ledger) - The council rejected that plan in March, and the shop closed in May.');
    expect(caveatsOf(t).filter((c) => c.kind === 'denial')).toEqual([]);
  });

  it('does not read an unattributed “because …” in the report’s own voice as a denial', () => {
    const t = report('Shop closes', 'LEEDS, Feb 2 (Northern Ledger) - The shop closed because the rent doubled, not because of falling sales.');
    expect(caveatsOf(t).filter((c) => c.kind === 'denial')).toEqual([]);
  });
});
