// Report-level provenance (#15 point 3): a report that states its date or names its outlet anywhere a reader
// would look (a wire dateline with month and day only, a byline or date line at its foot, a header line of fields,
// a broadcaster's programme line, a magazine's name, the body naming the outlet) gets no `undated` /
// `no-publisher` caveat; a report that truly says neither still does. Fixture reports written for this test.
import { describe, expect, it } from 'vitest';
import { extractReports, type ExtractInput } from '../../lib/kb/extract';
import { metaFromText } from '../../lib/kb/extract/meta';
import { parseInputs } from '../../lib/kb/inputs';
import { readDataFiles } from '../../scripts/read-data';

const known = parseInputs(readDataFiles());
const doc = (headline: string, ...lines: string[]) => `${headline}\n\n${lines.join('\n\n')}\n`;
const reportKinds = (text: string) => {
  const { result } = extractReports([{ file: 'r.txt', text } satisfies ExtractInput], known);
  return result.caveats.filter((c) => c.scope === 'report').map((c) => c.kind).sort();
};

describe('a report that is dated is not flagged undated', () => {
  it('reads a wire dateline with a month and day but no year as dated', () => {
    const text = doc('Harbour crane maker cuts forecast', 'TALLINN, Nov 18 (Baltic Business Wire) - Kranex AS cut its full-year forecast on Tuesday, chief executive Mart Kask said.');
    const meta = metaFromText('r', text);
    expect(meta.date.inferred).toBe(false);
    expect(meta.date.reason).toContain('TALLINN, Nov 18');
    expect(meta.publisher).toBe('Baltic Business Wire');
    expect(reportKinds(text)).toEqual([]);
  });

  it('reads "CITY, Month Day (Agency) -" with the month spelled out', () => {
    const text = doc('Court jails former mayor', 'PORTO, April 7 (Reuters) - A court in Porto on Monday jailed a former mayor for six years, the judge said.');
    expect(metaFromText('r', text).date.inferred).toBe(false);
    expect(reportKinds(text)).not.toContain('undated');
  });

  it('reads a byline with a date at the foot of the report', () => {
    const text = doc('Rates held at 18%', 'ACCRA — The central bank kept its policy rate unchanged on Monday.', 'By Kofi Mensah Boateng, 12 May 2026');
    expect(metaFromText('r', text).date).toMatchObject({ value: '2026-05-12', inferred: false });
  });

  it('reads a long byline line of fields with a full date', () => {
    const text = doc('Live: counting continues in the mayoral race', 'Coastal Courier | Live coverage | Sunday 3 May 2026, last updated 23:15 local time', 'Counting continued late into the night.');
    expect(metaFromText('r', text).date).toMatchObject({ value: '2026-05-03', inferred: false });
  });

  it('does not take a date from a closing sentence of the body', () => {
    const body = Array.from({ length: 8 }, (_, i) => `The operator gave detail number ${i + 1} of the order on Tuesday.`);
    const text = doc('Ferry operator orders two ships', ...body, 'The first ship is due on 4 March 2028.');
    expect(metaFromText('r', text).date.inferred).toBe(true);
  });

  it('still flags a report with no date and no outlet anywhere', () => {
    const text = doc('Tanker runs aground off the cape', 'By Amina Yusuf', 'A tanker ran aground on Sunday, the coastguard said. Nobody was hurt.');
    expect(reportKinds(text)).toEqual(['no-publisher', 'undated']);
  });
});

describe('a report that names its outlet is not flagged "no publisher"', () => {
  it('reads the outlet on a header line of fields under a byline', () => {
    const text = doc('Club and agent fall out over move', 'By Dan Hale, Sports Reporter\nMidland Evening Herald, Monday 7 December 2026', 'The club said the deal had collapsed.');
    expect(metaFromText('r', text).publisher).toBe('Midland Evening Herald');
    expect(reportKinds(text)).toEqual([]);
  });

  it('reads a broadcaster from a radio transcript header', () => {
    const text = doc('Transcript: flooding closes the ring road', 'Drive Time, BBC Radio Kent, broadcast 2 December 2026, 17:10', 'PRESENTER: The ring road is closed tonight.');
    expect(metaFromText('r', text).publisher).toBe('BBC Radio Kent');
  });

  it('reads an outlet named alone on the last line', () => {
    const text = doc('Tender under scrutiny', 'VILNIUS, 2 December 2026 — Auditors opened an inquiry into a tender on Wednesday.', 'Additional reporting by Ona Petraitė', 'Baltic Business Review');
    expect(metaFromText('r', text).publisher).toBe('Baltic Business Review');
  });

  it('prefers a magazine’s name to a section label in its byline', () => {
    const text = doc('The figures that did not add up', 'The Long Read | The Fenland Quarterly | 2 December 2026 | By Ruth Ames', 'It began with a spreadsheet.');
    expect(metaFromText('r', text).publisher).toBe('The Fenland Quarterly');
  });

  it('reads an outlet the body names as the one spoken to or reporting', () => {
    expect(metaFromText('r', doc('Airline audit ordered', 'The airline is safe, its chief executive told Nordic Markets Wire on Thursday.')).publisher).toBe('Nordic Markets Wire');
    expect(metaFromText('r', doc('Transfer collapses', 'The move collapsed on deadline day, the Gazette can reveal.')).publisher).toBe('The Gazette');
    expect(metaFromText('r', doc('Ward closed', 'Speaking to BBC Radio Leeds, the trust’s director said the ward would reopen.')).publisher).toBe('BBC Radio Leeds');
  });

  it('does not take a body or an alliance the report quotes for its outlet', () => {
    const text = doc('Ministers meet on air defence', 'The minister told NATO allies on Tuesday that the systems would arrive. He told the Financial Committee the cost had risen.');
    expect(metaFromText('r', text).publisher).toBe('unknown');
    expect(reportKinds(text)).toContain('no-publisher');
  });
});
