// Further classes of new names (issue #15, point 7), each on sentences written for this test (not taken from any
// held-out report): what the finder reads, with its type, and what it does not take for a name.
import { describe, expect, it } from 'vitest';
import { findNames } from '../../lib/kb/extract/names';

const doc = (body: string) => `A headline about a harbour\n\n${body}\n`;
const found = (body: string) => findNames(doc(body));
const typed = (body: string) => found(body).map((n) => `${n.type}: ${n.name}`);
const named = (body: string) => found(body).map((n) => n.name);

describe('not names', () => {
  it('an exchange and a ticker in brackets, and a market index, name no one', () => {
    const names = named('Shares in Brightwater Foods plc (LSE: BWF) fell 3 percent. The benchmark FTSE index slipped, and the Coastal Exchange’s Broad-Market Index rose.');
    expect(names.some((n) => n.startsWith('Brightwater Foods'))).toBe(true);
    expect(names.join('\n')).not.toMatch(/LSE|BWF|FTSE|Broad-Market/);
  });

  it('a fact-check’s CLAIM and VERDICT labels are no speakers', () => {
    const names = named('CLAIM: A viral post says the river is poisoned.\nVERDICT: False. The state laboratory found no such thing.');
    expect(names).not.toContain('CLAIM');
    expect(names).not.toContain('VERDICT');
  });

  it('a rank or a title alone is no name', () => {
    const names = named('The navy’s spokesman, Lt. Col. Arvid Lunde, said the ship was safe. Deputy district officer Mara Holm agreed.');
    expect(names).not.toContain('Col');
    expect(names).not.toContain('Deputy');
  });

  it('a code after “a protein called” is no weapon', () => {
    const names = found('The paper, on a protein called BRX-22 that seemed to slow tumour growth, has been cited widely.');
    expect(names.filter((n) => n.type === 'weapon')).toEqual([]);
  });
});

describe('places', () => {
  it('“X-based” makes X a place; the adjective is no name', () => {
    const t = typed('Analysts at Kisumu-based research firm Lakeview Insight said so. The carrier leases jets from a Lisbon-based lessor.');
    expect(t).toEqual(expect.arrayContaining(['place: Kisumu', 'place: Lisbon', 'organisation: Lakeview Insight']));
    expect(t.join('\n')).not.toMatch(/-based/);
  });
});

describe('organisations', () => {
  it('the agency in a dateline’s brackets', () => {
    expect(typed('LIMA (AFP) - Dock workers walked out on Monday.')).toContain('organisation: AFP');
    expect(typed('BERGEN, Dec 3 (Harbour Markets Wire) - Shares in a ferry firm fell.')).toContain('organisation: Harbour Markets Wire');
  });

  it('two companies joined by “and” are two names; a body whose organisation word stands before “of” is one', () => {
    const names = named('Banking stocks including Coral Bank and Meridian Trust Holding Company led the gains. The Maritime and Port Authority of Mauritius issued a warning.');
    expect(names).toEqual(expect.arrayContaining(['Coral Bank', 'Meridian Trust Holding Company', 'Maritime and Port Authority of Mauritius']));
    expect(names).not.toContain('Coral Bank and Meridian Trust Holding Company');
  });

  it('a group “calling itself” a name', () => {
    expect(typed('A criminal gang calling itself Redwing has claimed the attack.')).toContain('organisation: Redwing');
  });

  it('a club signed from, a journal and a publisher are organisations', () => {
    const t = typed('The winger, signed from Kwara United in 2021, was injured. The study appeared in the journal Coastal Ecology Letters. Its publisher, Fenwick Academic, did not respond.');
    expect(t).toEqual(expect.arrayContaining(['organisation: Coastal Ecology Letters', 'organisation: Fenwick Academic']));
    expect(t.filter((x) => x.endsWith('Fenwick Academic') || x.endsWith('Coastal Ecology Letters'))).not.toContain('person: Fenwick Academic');
  });

  it('a county’s police force is an organisation, not a place', () => {
    expect(typed('West Midlands Police say the National Crime Agency is leading the inquiry.')).toContain('organisation: West Midlands Police');
  });
});

describe('people', () => {
  it('“an airline analyst” after a name is a person’s role, not an organisation', () => {
    expect(typed('Åke Berglund, an airline analyst at Nordhavn Markets in Oslo, cut his rating.')).toContain('person: Åke Berglund');
  });

  it('a speaker in capitals in a transcript, in brackets after the role', () => {
    const t = typed('PRESENTER (MARY ADEYEMI): Good evening, and welcome to the programme on the floods in the valley this week.\nSAMUEL OKORO: Mary, the council confirmed it this afternoon.');
    expect(t).toEqual(expect.arrayContaining(['person: MARY ADEYEMI', 'person: SAMUEL OKORO']));
  });

  it('a four-word name after “Its coordinator,”', () => {
    expect(typed('Its coordinator, Nur Aisyah Mohd Rahman, said the spill would reach the mangroves.')).toContain('person: Nur Aisyah Mohd Rahman');
  });
});

describe('weapons', () => {
  it('one word before a weapon’s noun names the weapon, also when the report later says “The X, which …”', () => {
    const t = typed('The contract covers 48 Wolf howitzers. A rival bid offered its T7 howitzer. The Wolf, which has a tracked chassis, won.');
    expect(t).toEqual(expect.arrayContaining(['weapon: Wolf', 'weapon: T7']));
  });
});
