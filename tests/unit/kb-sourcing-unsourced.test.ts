// Claims a report states as fact with no source (#15), on reports written for
// this test: an assertion of wrongdoing or its cause in the report's own voice
// in a story that names its sources elsewhere, and a judgement credited to
// nobody ("is widely seen as"); and what is not unsourced: market moves,
// public targets, scheduled events, the reporter's own observations, and a
// sentence that points to a document.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SourcingPhrasesFile } from '../../lib/kb/caveats/phrases';
import { ROOT } from '../../scripts/read-data';
import { at, caveatsOf, report } from '../support/report-caveats';

describe('unsourced assertions', () => {
  const text = report(
    'Tram depot fire: questions over safety checks',
    'BRNO, Nov 20 (Morava Daily) - Fire destroyed six trams at the Medlánky depot on Saturday, the city transport company said.',
    'The company’s director, Petr Novák, said the cause was not yet known. Firefighters said the blaze started in a battery store.',
    'The depot had skipped two mandatory fire inspections. Its batteries were also worked too hard during the summer heat. The contract for the new battery store was awarded before it was advertised.',
    'The depot is widely seen as the worst-run in the country.',
    'Shares of the battery maker Elektra fell 5.2% in Prague on Monday. The city has pledged to cut tram energy use by 20% by 2030. The council is due to discuss the fire on December 2.',
    'When Morava Daily visited on Sunday, the roof had collapsed and the gates were locked. Inspection records seen by Morava Daily show the alarm was switched off in August.',
  );
  const found = caveatsOf(text);

  it.each([
    'The depot had skipped two mandatory fire inspections',
    'Its batteries were also worked too hard during the summer heat',
    'was awarded before it was advertised',
    'is widely seen as the worst-run in the country',
  ])('flags “%s” as unsourced', (words) => {
    expect(at(found, text, 'unsourced', words)).toHaveLength(1);
  });

  it.each([
    'fell 5.2% in Prague on Monday',
    'by 20% by 2030',
    'is due to discuss the fire',
    'the roof had collapsed',
    'the alarm was switched off in August',
  ])('does not flag “%s”', (words) => {
    expect(at(found, text, 'unsourced', words)).toEqual([]);
  });

  it('does not flag a wrongdoing claim a named source makes, or one in a report that names no source at all', () => {
    const sourced = report('Depot fire', 'Union leader Eva Dvořák said the depot had skipped two mandatory fire inspections. The company said it would reply.');
    expect(at(caveatsOf(sourced), sourced, 'unsourced', 'skipped two mandatory fire inspections')).toEqual([]);
  });
});

describe('data/sourcing-phrases.json', () => {
  it('is valid, and a bad pattern is refused with its key named', () => {
    const raw = JSON.parse(readFileSync(join(ROOT, 'data/sourcing-phrases.json'), 'utf8'));
    expect(() => SourcingPhrasesFile.parse(raw)).not.toThrow();
    const bad = SourcingPhrasesFile.safeParse({ ...raw, wrongdoingPatterns: ['(unclosed'] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['wrongdoingPatterns', 0]);
    expect(SourcingPhrasesFile.safeParse({ ...raw, groupNouns: [] }).success).toBe(false);
  });
});

// A judgement credited to nobody, placed ("is widely seen in the capital as", set 6); a named speaker's view is theirs.
describe('a placed judgement credited to nobody', () => {
  const lead = [
    'BRNO, Nov 20 (Morava Daily) - Fire destroyed six trams at the Medlánky depot on Saturday, the city transport company said.',
    'The company’s director, Petr Novák, said the cause was not yet known. Firefighters said the blaze started in a battery store.',
  ].join('\n\n');
  it('flags "is widely seen in Brno as"', () => {
    const text = report('Depot closed', lead, 'The depot is widely seen in Brno as the worst-run in the country.');
    expect(at(caveatsOf(text), text, 'unsourced', 'is widely seen in Brno as')).toHaveLength(1);
  });

  it('control: a named speaker’s view', () => {
    const text = report('Depot closed', lead, 'Councillor Jana Dvořák said the closure was seen in Brno as an attempt to sell the land.');
    expect(caveatsOf(text).filter((c) => c.kind === 'unsourced')).toEqual([]);
  });
});
