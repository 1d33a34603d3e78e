// Shapes of unnamed sources and refusals to comment that wires and local
// papers use every day (#15), checked together on one report written for the
// test, beside an unnamed spokesperson for a named body, who is on the record.
import { describe, expect, it } from 'vitest';
import { at, caveatsOf, report } from '../support/report-caveats';

describe('everyday shapes of unnamed sources and silence', () => {
  const text = report(
    'Ferry line grounds fleet after engine fires',
    'TROMSØ, Jan 14, 2026 (Arctic Wire) - The ferry line Polarlinjen grounded four of its ships on Wednesday after two engine fires in a month, the company said.',
    'Two engineers at the company told Arctic Wire that warnings about the engines had been ignored for a year. Fishermen there say the fire drills were cancelled in December.',
    'The shipyard that serviced the engines did not respond to messages. Its owner has not replied to emails. The maritime authority told us it would not comment.',
    'A spokesperson for the Norwegian Maritime Authority said an inspection would start on Monday.',
  );
  const found = caveatsOf(text);

  it.each(['Two engineers at the company told Arctic Wire', 'Fishermen there say'])('flags “%s” as an unnamed source', (words) => {
    expect(at(found, text, 'anonymous-source', words)).toHaveLength(1);
  });

  it.each(['did not respond to messages', 'has not replied to emails', 'told us it would not comment'])('flags “%s” as no comment', (words) => {
    expect(at(found, text, 'no-comment', words)).toHaveLength(1);
  });

  it('keeps a spokesperson for a named body on the record', () => {
    expect(at(found, text, 'anonymous-source', 'A spokesperson for the Norwegian Maritime Authority said')).toEqual([]);
  });
});
