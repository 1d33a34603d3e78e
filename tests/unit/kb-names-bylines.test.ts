// Bylines and sign-offs as the new-name finder reads them (lib/kb/extract/meta.ts bylineNames, lib/kb/extract/names.ts):
// the writer is a person, the outlet an organisation, where it was filed from a place, and a section label is no name.
import { describe, expect, it } from 'vitest';
import { metaFromText } from '../../lib/kb/extract/meta';
import { findNames } from '../../lib/kb/extract/names';

const report = (byline: string, body = 'The harbour board met on Monday and said it would publish the figures next week.') => `A headline about a harbour\n\n${byline}\n\n${body}\n`;
const typed = (text: string) => findNames(text).map((n) => `${n.type}: ${n.name}`);

describe('wire bylines', () => {
  it('an agency byline in capitals gives the writer alone, and the agency as an organisation', () => {
    const text = report('By MARTA QUINTELA-SOUSA Associated Press');
    expect(typed(text)).toEqual(expect.arrayContaining(['person: MARTA QUINTELA-SOUSA', 'organisation: Associated Press']));
    expect(typed(text).join('\n')).not.toContain('QUINTELA-SOUSA Associated');
    expect(metaFromText('900_x', text).publisher).toBe('Associated Press');
  });

  it('a sign-off names every reporter and editor as a person, and where they reported from as a place', () => {
    const text = report('By Staff', 'The harbour board met on Monday.\n\n(Reporting by Oona Brennan in Valparaíso; Additional reporting by Tomás Ferreira; Editing by Kim Lindqvist and Arturo Pell)');
    const names = typed(text);
    for (const p of ['Oona Brennan', 'Tomás Ferreira', 'Kim Lindqvist', 'Arturo Pell']) expect(names).toContain(`person: ${p}`);
    expect(names).toContain('place: Valparaíso');
    expect(names.join('\n')).not.toMatch(/Reporting|Editing|Staff/);
  });
});

describe('pipe bylines in any order', () => {
  it('outlet, date, then the writer; Irish particles stay in the name', () => {
    const text = report('Western Gazette | 4 May 2026 | By Máire Ní Bhriain');
    expect(typed(text)).toEqual(expect.arrayContaining(['organisation: Western Gazette', 'person: Máire Ní Bhriain']));
    expect(metaFromText('900_x', text).publisher).toBe('Western Gazette');
  });

  it('"Interview by" names the interviewer, "Ó" inside a surname included', () => {
    const text = report('Harbour Weekly | 4 May 2026 | Interview by Seán Ó Dálaigh');
    expect(typed(text)).toContain('person: Seán Ó Dálaigh');
  });

  it('a section label in sentence case is no name and not the publisher', () => {
    for (const label of ['Live coverage', 'Corrections and clarifications']) {
      const text = report(`Coastline Daily | ${label} | Tuesday 5 May 2026, 10:00 GMT`);
      expect(typed(text)).toContain('organisation: Coastline Daily');
      expect(typed(text).join('\n')).not.toContain(label);
      expect(metaFromText('900_x', text).publisher).toBe('Coastline Daily');
    }
  });

  it('a byline with no date still names its writer and outlet', () => {
    expect(typed(report('By Lindiwe Mokoena | Freight Ledger'))).toEqual(expect.arrayContaining(['person: Lindiwe Mokoena', 'organisation: Freight Ledger']));
  });
});

describe('comma bylines', () => {
  it('writer, outlet and the city it was filed from', () => {
    const text = report('By Renata Campos, Southern Cross News, Porto Alegre');
    expect(typed(text)).toEqual(expect.arrayContaining(['person: Renata Campos', 'organisation: Southern Cross News', 'place: Porto Alegre']));
  });

  it('a role after the writer is not a place', () => {
    expect(typed(report('By Renata Campos, Staff Writer')).join('\n')).not.toContain('Staff Writer');
  });
});
