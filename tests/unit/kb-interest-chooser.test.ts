// Self-serving (#15 point 2): a government speaker praising the bidder their own government chose defends their own
// decision. Fixture reports written for this test; controls: an analyst's praise of the winner, a minister's praise with
// no award in the report, a minister's praise negated, the report's own voice.
import { describe, expect, it } from 'vitest';
import { quotesOfKind } from '../support/report-caveats';

const selfServing = (...paragraphs: string[]) => quotesOfKind('self-serving', ...paragraphs);

describe('the chooser praising its choice', () => {
  it('flags a minister praising the consortium the contract went to, quoting what he said', () => {
    const quotes = selfServing(
      'The contract for the Tarvos bridge went to a consortium led by Halden Construction, which beat bids from two Italian firms. The transport minister, Piotr Halas, said at the signing that the consortium had offered "the best engineering at the lowest cost".',
    );
    expect(quotes).toEqual(['the consortium had offered "the best engineering at the lowest cost']);
  });

  it('flags a ministry spokesman calling the firm that was awarded the tender the most experienced', () => {
    const quotes = selfServing(
      'Ostrava Rail Systems was awarded the signalling tender in March.',
      'A ministry spokesman, Karel Vondra, said Ostrava Rail Systems was "the most experienced supplier in the region".',
    );
    expect(quotes).toHaveLength(1);
    expect(quotes[0]).toContain('the most experienced supplier');
  });
});

describe('what is not the chooser’s praise', () => {
  it('control: an analyst praising the winner', () => {
    expect(
      selfServing('The contract went to a consortium led by Halden Construction. Analyst Mia Brandt of Nordkap Securities said the consortium had offered "the best engineering at the lowest cost".'),
    ).toEqual([]);
  });

  it('control: a minister’s superlative with no contract or tender awarded in the report', () => {
    expect(selfServing('The transport minister, Piotr Halas, said Halden Construction was "one of the most experienced builders in Europe".')).toEqual([]);
  });

  it('control: the praise negated', () => {
    expect(selfServing('The contract went to a consortium led by Halden Construction. The transport minister, Piotr Halas, said the consortium had not offered the best price.')).toEqual([]);
  });

  it('control: the report’s own voice', () => {
    expect(selfServing('The contract went to a consortium led by Halden Construction, whose bid was the lowest of the three.')).toEqual([]);
  });
});
