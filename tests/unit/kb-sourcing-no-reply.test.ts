// Refusals to comment in more shapes (#15): a query left unanswered, "has not yet replied" at the end of a clause, "did
// not answer when I asked"; and what is not one: "declined to comment beyond the letter" from a party whose letter the
// report quotes (they did comment), unless a question the report puts to them goes unanswered.
import { describe, expect, it } from 'vitest';
import { quotesOfKind } from '../support/report-caveats';

const noComment = (...paragraphs: string[]) => quotesOfKind('no-comment', ...paragraphs);

describe('no reply, more shapes', () => {
  it('flags a query left unanswered', () => {
    expect(noComment('The Department of Mines did not reply to a query sent on Wednesday.')).toEqual(['The Department of Mines did not reply to a query']);
  });

  it('flags "his office has not yet replied" ending its clause', () => {
    expect(noComment('The premier has been asked whether she will intervene; her office has not yet replied.')).toEqual(['her office has not yet replied']);
  });

  it('flags "did not answer when I asked him about it"', () => {
    expect(noComment('The coach was at the track on Friday. He did not answer when I asked him about it.')).toEqual(['He did not answer when I asked']);
  });
});

describe('what is not a refusal to comment', () => {
  it('control: "declined to comment beyond the letter" the report quotes', () => {
    expect(
      noComment('Harrow Capital wrote to the board demanding a new chair. The letter accused the family of "running the firm as a private estate".', 'Harrow founder Amir Lodge declined to comment beyond the letter.'),
    ).toEqual([]);
  });

  it('but a question put to them and left unanswered is one', () => {
    expect(noComment('Asked whether it would cut its fees, Tallis Pay declined to comment beyond its statement.')).toHaveLength(1);
  });

  it('control: an answer given, then "would not go into detail"', () => {
    expect(noComment('The city confirmed the breach on Monday and said it had hired outside investigators. It gave no further details.')).toEqual([]);
  });
});
