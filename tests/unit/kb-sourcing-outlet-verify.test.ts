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
