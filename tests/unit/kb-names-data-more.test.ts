// New names read from data/name-rules.json (#15 point 7): a council member's title is no part of the name, Canada's and
// Australia's provinces and states are places wherever they stand alone, and "the seat of X" is a place. Sentences
// written for this test; controls: a title word that is a surname's part, "Victoria" as a person's given name.
import { describe, expect, it } from 'vitest';
import { findNames } from '../../lib/kb/extract/names';

const typed = (body: string) => findNames(`A headline about a harbour\n\n${body}\n`).map((n) => `${n.type}: ${n.name}`);

describe('names from the data, more entries', () => {
  it('"Councilmember X" is the person X, not a name with the title', () => {
    const names = typed('Councilmember Dana Kowalczyk, who chairs the finance panel, said the audit should be released.');
    expect(names).toContain('person: Dana Kowalczyk');
    expect(names.join('\n')).not.toMatch(/Councilmember Dana/);
  });

  it('a province or state of Canada or Australia is a place', () => {
    expect(typed('About 4,500 people were ordered out of their homes in northern Quebec on Sunday.')).toContain('place: Quebec');
    expect(typed('Flood warnings were issued across Queensland and New South Wales on Friday.')).toEqual(expect.arrayContaining(['place: Queensland', 'place: New South Wales']));
  });

  it('"the lower house seat of X" names a place', () => {
    expect(typed('She is the likely candidate for the lower house seat of Kellerton at the next election.')).toContain('place: Kellerton');
  });

  it('control: "Victoria" with a surname is a person', () => {
    expect(typed('Victoria Lang, a spokeswoman for the port, said the ships would sail on Monday.')).toContain('person: Victoria Lang');
  });
});

describe('an office is no name', () => {
  it('"the Director of Public Prosecutions" names an office, not a person called "Public Prosecutions"; the holder in apposition is the person', () => {
    expect(typed('The Director of Public Prosecutions said on Monday that no charges would be brought against Anna Berg.')).toEqual(['person: Anna Berg']);
    expect(typed('The Director of Public Prosecutions, Max Hill, said no charges would follow.')).toContain('person: Max Hill');
  });

  it('control: a title before a name still gives the person, and a title with a body after "of" still splits', () => {
    expect(typed('Health Minister Sara Lind said the Minister for Health would decide.')).toEqual(['person: Sara Lind']);
    expect(typed('Chief Superintendent Mark Lowe of Greater Manchester Police said the march would go ahead.')).toEqual(
      expect.arrayContaining(['person: Mark Lowe', 'organisation: Greater Manchester Police']),
    );
  });
});

describe('more shapes of new names', () => {
  it('a first name that is all a speaker gave is a person', () => {
    expect(typed('"They were shooting at the market," said one trader, who gave only her first name, Amina.')).toContain('person: Amina');
  });

  it('a paper, a chain and a fund named by the noun before or the apposition after are organisations', () => {
    expect(typed('The local paper Kieler Abendpost reported on Tuesday that drivers would be hired.')).toContain('organisation: Kieler Abendpost');
    expect(typed('Supermercados Gaivota, a regional chain that the report says bought beef, did not reply.')).toContain('organisation: Supermercados Gaivota');
  });

  it('control: "his first name" with no name after it names no one', () => {
    expect(typed('The trader would not give his first name to reporters on Monday.')).toEqual([]);
  });
});

describe('a name across short lower-case words, spelled by its acronym', () => {
  it('joins "X in the Y (ACRONYM)" and "X pour la Y au Z (ACRONYM)" into one name', () => {
    const a = findNames('A headline about a harbour\n\nThe Pacific Water Mission in the Altiplano-Sur (PWMA) said in a statement that its staff had left.\n');
    expect(a.map((n) => n.name)).toContain('Pacific Water Mission in the Altiplano-Sur');
    expect(a.find((n) => n.name === 'Pacific Water Mission in the Altiplano-Sur')?.aliases).toContain('PWMA');
    expect(typed('The Comité Citoyen pour la Paix au Lac (CCPL), a rights group, said so.')).toContain('organisation: Comité Citoyen pour la Paix au Lac');
  });

  it('control: two names across "in the" with no acronym, or one that does not spell them, stay apart', () => {
    expect(typed('Aid Workers United arrived in the Altiplano-Sur on Monday, said Ana Ruiz.')).not.toContain('organisation: Aid Workers United in the Altiplano-Sur');
    expect(typed('The Andean Water Mission in the Altiplano-Sur (UNDP) said so.').join('\n')).not.toMatch(/Mission in the Altiplano/);
  });
});

describe('a cooperative is an organisation', () => {
  it('"The X Municipal Risk Cooperative" is one organisation, its state not split off', () => {
    expect(typed('The Iowa Municipal Risk Cooperative, which insures the city, declined to comment.')).toContain('organisation: Iowa Municipal Risk Cooperative');
  });

  it('control: "cooperative" in lower case names nothing', () => {
    expect(typed('The farmers formed a cooperative last year to share tractors.')).toEqual([]);
  });
});

describe('a liveblog entry’s "Talks …" names no event', () => {
  it('"Talks break down" opening an entry is no name; a named round of talks still is', () => {
    expect(typed('14:32 Talks break down after four hours of meetings in Mainz, said Jörg Weiss.').join('\n')).not.toMatch(/event: Talks/);
    expect(typed('The Geneva Peace Talks resumed on Monday, the mediator Ana Ruiz told reporters in the city.')).toContain('event: Geneva Peace Talks');
  });
});
