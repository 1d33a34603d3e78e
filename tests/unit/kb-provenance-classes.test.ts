// Report-level provenance (#15 point 3), classes found on a blind set: an outlet named in a header line of
// fields split by dashes with an edition in brackets, an outlet's self-description in its footer, a byline
// field the body then speaks to ("told The X"), a sentence-case label in a byline ("Staff report") that names
// no outlet, and a republication footer whatever the newsroom calls its text ("This explainer was first
// published by …"). Controls: a place in a byline is no outlet, a body's description is no outlet's footer,
// a report with no outlet anywhere is still flagged. Fixture reports written for this test.
import { describe, expect, it } from 'vitest';
import { extractReports } from '../../lib/kb/extract';
import { metaFromText } from '../../lib/kb/extract/meta';
import { parseInputs } from '../../lib/kb/inputs';
import { readDataFiles } from '../../scripts/read-data';

const known = parseInputs(readDataFiles());
const doc = (headline: string, ...lines: string[]) => `${headline}\n\n${lines.join('\n\n')}\n`;
const reportCaveats = (text: string) => extractReports([{ file: 'r.txt', text }], known).result.caveats.filter((c) => c.scope === 'report');
const kinds = (text: string) => reportCaveats(text).map((c) => c.kind).sort();

describe('an outlet the report names is its publisher', () => {
  it('reads a header line whose fields are split by a dash, with the edition in brackets', () => {
    const text = doc('Port strike live: talks resume', 'Lakeside Evening Herald (weekend edition) — live updates', '09:10 Talks resume', 'Negotiators met again at 9 am, the union said.');
    expect(metaFromText('r', text).publisher).toBe('Lakeside Evening Herald');
    expect(kinds(text)).not.toContain('no-publisher');
  });

  it('reads the outlet describing itself in its footer', () => {
    const text = doc('Library hours cut', 'By Ana Ruiz', 'The library will close on Sundays from January, the council said on 3 May 2026.', 'The Millbrook Lantern is a nonprofit newsroom covering Millbrook County.');
    expect(metaFromText('r', text).publisher).toBe('The Millbrook Lantern');
    expect(kinds(text)).not.toContain('no-publisher');
  });

  it('reads a byline field the body then names as the one it speaks to', () => {
    const text = doc('Water bills still offline', 'By Ana Ruiz, The Millbrook Beacon\nDecember 4, 2026', 'The city did not replace the server, two employees told The Beacon.');
    expect(metaFromText('r', text).publisher).toBe('The Millbrook Beacon');
    expect(kinds(text)).not.toContain('no-publisher');
    expect(kinds(text)).not.toContain('undated');
  });

  it('does not take a place in a byline, or a body describing itself, for the outlet', () => {
    const place = doc('Water bills still offline', 'By Ana Ruiz, The Hague\nDecember 4, 2026', 'The city did not replace the server, two employees said.');
    expect(metaFromText('r', place).publisher).toBe('unknown');
    expect(kinds(place)).toContain('no-publisher');
    const body = doc('Council vote delayed', 'By Ana Ruiz', 'The vote was put off on 3 May 2026, the clerk said.', 'The council is a body of nine members elected every four years.');
    expect(metaFromText('r', body).publisher).toBe('unknown');
  });

  it('does not take a sentence-case label in a byline ("Staff report") for the outlet', () => {
    const text = doc('Exchange halts withdrawals', 'Staff report | 3 December 2026', 'The exchange paused withdrawals on Wednesday, it said in a statement.');
    expect(metaFromText('r', text).publisher).toBe('unknown');
    expect(kinds(text)).toEqual(['no-publisher']);
  });
});

describe('a republished report says where it first appeared, whatever it calls itself', () => {
  it('reads "This explainer was first published by X and is republished here under a Creative Commons licence"', () => {
    const line = 'This explainer was first published by Delta Ledger and is republished here under a Creative Commons licence.';
    const text = doc('Explainer: what the river report says', 'The Open Desk | 2 December 2026', 'The report links the floods to dredging, its authors said.', line);
    const meta = metaFromText('r', text);
    expect(meta.republishedFrom).toMatchObject({ publisher: 'Delta Ledger', quote: line });
    const rep = reportCaveats(text).filter((c) => c.kind === 'republished');
    expect(rep).toHaveLength(1);
    expect(text).toContain(rep[0]!.quote);
  });

  it('keeps an outlet whose name has "and" in it whole', () => {
    const text = doc('Grain prices rise', 'The Open Desk | 2 December 2026', 'Prices rose 2%, traders said.', 'This analysis was first published by Farmers and Graziers Weekly.');
    expect(metaFromText('r', text).republishedFrom?.publisher).toBe('Farmers and Graziers Weekly');
  });

  it('does not read a body sentence about a study first published elsewhere as republication', () => {
    const text = doc('Grain prices rise', 'The Open Desk | 2 December 2026', 'The study, first published by the ministry in March, found prices rose 2%.');
    expect(metaFromText('r', text).republishedFrom).toBeNull();
  });
});

// A syndication line of its own (set 6): "(Syndicated by the X Wire)" says the text came from elsewhere; a sentence
// of news that opens with "Distributed by" does not.
describe('a syndication line is a republication', () => {
  it('flags "(Syndicated by the X Wire)" at the foot', () => {
    const text = doc('Tribunal blocks cement bid', 'JOHANNESBURG, 30 November 2026 — The tribunal blocked the bid on Monday, its chairwoman said.', '(Syndicated by the Karoo Business Wire)');
    expect(reportCaveats(text).filter((c) => c.kind === 'republished').map((c) => c.quote)).toEqual(['(Syndicated by the Karoo Business Wire)']);
  });

  it('control: a news sentence that opens with "Distributed by"', () => {
    const text = doc('Aid reaches flooded villages', 'By Ana Test, Harbour Wire, 4 May 2026', 'Distributed by the Red Cross, food parcels reached 3,000 families in the valley on Sunday, the agency said.');
    expect(kinds(text)).not.toContain('republished');
  });
});
