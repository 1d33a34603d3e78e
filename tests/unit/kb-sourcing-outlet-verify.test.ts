// Hedges in the report's own voice (#15): the outlet saying it could not check what it passes on ("The Harbour Wire
// could not independently confirm …", "The Wire could not verify this", "We could not confirm this"), and an estimate of
// size ("could run into several hundred million"). Controls: a named body's "could not confirm", a speaker's "we could
// not confirm" in their own quotation, "could" as a capability.
import { describe, expect, it } from 'vitest';
import { quotesOfKind } from '../support/report-caveats';

// quotesOfKind's byline names the outlet "Test Harbour Wire".
const hedges = (...paragraphs: string[]) => quotesOfKind('hedged', ...paragraphs);

describe('the outlet could not verify', () => {
  it('flags the outlet by its full name and by "The" and its last word', () => {
    expect(hedges('Some residents said the alert came an hour late. The Test Harbour Wire could not independently confirm the timing of the alerts.')).toEqual([
      'The Test Harbour Wire could not independently confirm the timing of the alerts',
    ]);
    expect(hedges('A rival said the regulator had acted on a complaint. The Wire could not verify this.')).toEqual(['The Wire could not verify this']);
  });

  it('flags "We could not confirm this" in the report’s voice', () => {
    expect(hedges('A former operator said staff had blended the water. We could not confirm this with records.')).toEqual(['We could not confirm this with records']);
  });

  it('flags an estimate of size, "could run into"', () => {
    expect(hedges('The overcharged amount could run into several hundred million rupees over three years.')).toHaveLength(1);
  });
});

describe('what is not the outlet’s doubt', () => {
  it('control: a named body that could not confirm', () => {
    expect(hedges('The regulator could not confirm the figure, its spokesman Ravi Mehta said.')).toEqual([]);
  });

  it('control: a named speaker’s own "we could not confirm"', () => {
    expect(hedges('"We could not confirm the leak until Tuesday," said Anna Berg, the plant’s manager.')).toEqual([]);
  });

  it('control: "could" as a capability', () => {
    expect(hedges('The new pipeline could carry 40,000 barrels a day, the company said in a filing.')).toEqual([]);
  });
});

// The newsroom named another way than the byline's publisher (set 6): the outlet its sources spoke to ("told Indus 24
// that"), by its leading words, and the newsroom a republication line names, after "though".
describe('the outlet could not verify, named as the report names it', () => {
  it('flags the outlet its sources told, by its leading words', () => {
    expect(
      hedges('Sources in the commission told Delta 9 News that the bench had found discrepancies. Delta 9 could not independently verify the number of stations involved.').some((q) =>
        q.startsWith('Delta 9 could not independently verify'),
      ),
    ).toBe(true);
  });

  it('flags the newsroom that first published the story, after "though"', () => {
    expect(
      hedges(
        'Several pharmacists said they had received short-dated vials, though the Coral Investigative Desk could not verify whether these came from the shipment.',
        'This story was first published by the Coral Investigative Desk, a nonprofit newsroom, and is republished with permission.',
      ).some((q) => q.includes('the Coral Investigative Desk could not verify')),
    ).toBe(true);
  });

  it('control: a body its sources did not tell, and a person told by officials', () => {
    expect(hedges('The Coral Investigative Desk said the audit was late. The Port Authority could not verify the shipment dates, its spokesman said.')).toEqual([]);
    expect(hedges('Officials told Senator Maria Santos that the deal was off, though Senator Maria Santos could not verify it, her spokesman said.').filter((q) => q.includes('Maria Santos could not'))).toEqual([]);
  });
});
