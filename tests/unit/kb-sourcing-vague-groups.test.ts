// Unnamed sources in more shapes (#15, set 6): a group "close to" a named body, officials "speaking privately" who
// "concede", critics and campaign groups who "also say", people placed by what they were doing ("People watching from
// the gallery said"). Fixture reports written for this test; the controls name their speaker or say nothing.
import { describe, expect, it } from 'vitest';
import { quotesOfKind } from '../support/report-caveats';

const anonymous = (...paragraphs: string[]) => quotesOfKind('anonymous-source', ...paragraphs);

describe('unnamed groups are anonymous sources', () => {
  it.each([
    ['sources close to a named company', 'Sources close to Marlow Aggregates said its largest shareholder was already in talks with another bidder.', 'Sources close to Marlow Aggregates said'],
    ['officials speaking privately who concede', 'Ministry officials, speaking privately, concede that older teachers will be worse off.', 'Ministry officials, speaking privately, concede'],
    ['critics who also say', 'Critics also say the reform was drafted without proper consultation.', 'Critics also say'],
    ['campaign groups', 'Conservation groups say traffickers have shifted routes over the past two years.', 'Conservation groups say'],
    ['people placed by what they were doing', 'People watching from the viewing gallery at the launch site said they heard a loud bang.', 'People watching from the viewing gallery'],
  ])('flags %s', (_, text, words) => {
    expect(anonymous(text).some((q) => q.includes(words))).toBe(true);
  });

  it.each([
    ['a named minister who concedes', 'Education Minister Claire Duval conceded that older teachers would be worse off.'],
    ['a named critic', 'Ana Ruiz, a critic of the reform and a teacher in Lyon, says it was drafted in a hurry.'],
    ['a named company’s spokesperson', 'A spokesperson for Marlow Aggregates, Tom Reyes, said the company was not in talks with anyone.'],
    ['people who are not a source', 'People watching from the viewing gallery left the site after the launch.'],
  ])('control: %s', (_, text) => {
    expect(anonymous(text)).toEqual([]);
  });
});
