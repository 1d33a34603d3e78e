// Hedges in more shapes (#15): "It is understood X did Y" without "that",
// "likely" as an adverb on a past verb in the report's own voice, and "is
// widely blamed for" credited to nobody. Not the report's doubt: a named
// speaker's forecast in reported speech ("was likely to recover"), a speaker's
// own "we believe … may"; the report's own "could not be independently
// verified" beside a named speaker, and a named speaker's "signs that it might"
// (an unconfirmed claim of fact, not a forecast) still are.
import { describe, expect, it } from 'vitest';
import { at, caveatsOf, report } from '../support/report-caveats';

describe('hedges, more shapes', () => {
  const text = report(
    'River fish kill blamed on chemical spill',
    'RIVERTON, Aug 12, 2026 (Valley Herald) - Thousands of dead fish were found in the Marsh River on Monday, the state environment agency said.',
    'It is understood the plant’s owners delayed reporting the leak by a day. Storm water likely carried the chemical downstream overnight.',
    'Chemical runoff is widely blamed for the decline of trout in the valley.',
    'Its director, Helen Osei, said the river was likely to recover within a year if no more chemical entered it.',
    'The plant’s manager, Tom Reyes, said: "We are testing every pipe that we believe may have leaked."',
    'The Riverton Anglers Club said more than 20,000 fish had died, a figure that could not be independently verified.',
    'Osei also said there was no evidence yet that the plant had dumped waste on purpose, but there were signs that it might have.',
  );
  const found = caveatsOf(text);

  it.each([
    ['hedged', 'It is understood the plant’s owners delayed reporting the leak'],
    ['hedged', 'likely carried the chemical downstream'],
    ['unsourced', 'is widely blamed for the decline of trout'],
    ['hedged', 'could not be independently verified'],
    // A named speaker passing on an unconfirmed claim of fact, not a forecast of their own.
    ['hedged', 'there were signs that it might have'],
  ])('flags a %s claim in “%s”', (kind, words) => {
    expect(at(found, text, kind, words)).toHaveLength(1);
  });

  it.each(['was likely to recover within a year', 'we believe may have leaked'])('leaves a named speaker’s own forecast “%s” unflagged', (words) => {
    expect(at(found, text, 'hedged', words)).toEqual([]);
  });
});
