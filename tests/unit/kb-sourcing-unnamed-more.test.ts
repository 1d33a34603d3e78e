// Unnamed sources in more shapes (#15): "people aware of the development said", "A former staffer says", "Users on
// Reddit and Telegram said", "users began reporting", another outlet "citing two members of the works council".
// Controls: community or union leaders speaking publicly, a headline's "…, witnesses say" over a body that sources it,
// an unnamed official on a schedule, a named staffer, an outlet citing a document.
import { describe, expect, it } from 'vitest';
import { caveatsOf, quotesOfKind, report } from '../support/report-caveats';

const anonymous = (...paragraphs: string[]) => quotesOfKind('anonymous-source', ...paragraphs);

describe('unnamed sources, more shapes', () => {
  it.each([
    ['The regulator is also examining the new strengths, people aware of the development said.', 'people aware of the development said'],
    ['A former staffer says she told staff to "find an event" near holiday destinations.', 'A former staffer'],
    ['Users on Reddit and Telegram said every withdrawal since Monday had been marked "pending".', 'Users on Reddit and Telegram said'],
    ['On Monday morning users began reporting that transfers were stuck.', 'users began reporting'],
    ['The Rhine Courier, citing two members of the company’s works council, reported on Tuesday that drivers would be hired from Poland.', 'citing two members'],
  ])('flags %s', (sentence, words) => {
    expect(anonymous(sentence).some((q) => q.includes(words))).toBe(true);
  });
});

describe('what is not an unnamed source', () => {
  it.each([
    ['union leaders reporting a strike’s progress', 'About 2,300 workers stayed off the job for an eighth day on Tuesday, union leaders said.'],
    ['community leaders saying what they did', 'Cree leaders in the nearby community of Waswanipi said they had opened their hall to evacuees.'],
    ['an unnamed official on a schedule', 'The force commander, General Paul Mbarga, is due in Tarvik on Monday, a mission official said.'],
    ['a named former staffer', 'Jana Holt, a former staffer, said the senator had asked for the event.'],
    ['an outlet citing a document', 'The Rhine Courier, citing a copy of the plan, reported on Tuesday that drivers would be hired from Poland.'],
  ])('control: %s', (_, sentence) => {
    expect(anonymous(sentence)).toEqual([]);
  });

  it('control: a headline’s "…, witnesses say" is not a finding of its own', () => {
    const text = report(
      'Civilians killed as troops open fire after market bombing, witnesses say',
      'By Ana Test | Test Harbour Wire | 4 May 2026',
      'Troops opened fire near the market on Friday, said Issa Garba, a trader who saw the shooting.',
    );
    expect(caveatsOf(text).filter((c) => c.kind === 'anonymous-source')).toEqual([]);
  });
});
