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

  it('tickers on any exchange and indexes by any name are no names', () => {
    const names = named('Shares of Lumora Inc (Nasdaq: LUMR) rose while Kessel AG (XETRA: KSL.DE) fell. The Nikkei 225 index rose and the Hang Seng Index slipped on Monday.');
    expect(names).toEqual(expect.arrayContaining(['Lumora Inc', 'Kessel AG']));
    expect(names.join('\n')).not.toMatch(/Nasdaq|LUMR|XETRA|KSL|Nikkei|Hang Seng/);
  });

  it('a fact-check’s RATING and CONTEXT labels are no speakers', () => {
    const names = named('RATING: False. The state laboratory found no such thing in any of the samples it took last year.\nCONTEXT: The post first appeared in March and was shared by thousands of people across the state.');
    expect(names).toEqual([]);
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

describe('names kept whole', () => {
  it('a plural possessive inside a union’s name', () => {
    const names = named('The Harbour Pilots’ Union said it would strike. The Danish Crane Operators\' Union did not return calls. The dockers’ leader spoke.');
    expect(names).toEqual(expect.arrayContaining(['Harbour Pilots’ Union', "Danish Crane Operators' Union"]));
    expect(names.join('\n')).not.toMatch(/dockers/);
  });

  it('a demonym and an organisation’s word that open a longer body’s name stay in it', () => {
    expect(named('The African Union Peace Support Office, which coordinates the missions, said it had been told.')).toContain('African Union Peace Support Office');
  });

  it('a known place closing a national body’s name after “of” does not cut the body', () => {
    const text = 'A headline about a harbour\n\nThe Maritime and Port Authority of Mauritius said it had issued a warning.\n';
    const at = text.indexOf('Mauritius');
    expect(findNames(text, [[at, at + 'Mauritius'.length]]).map((n) => n.name)).toContain('Maritime and Port Authority of Mauritius');
  });

  it('a facility and the place it is named after, found alone, are one name', () => {
    const names = found('Workers at the Loma Verde copper mine walked out. Output at Loma Verde fell by half.');
    const place = names.filter((n) => n.name.startsWith('Loma Verde'));
    expect(place).toHaveLength(1);
    expect(place[0]!.aliases).toEqual(expect.arrayContaining(['Loma Verde', 'Loma Verde copper mine']));
  });
});

describe('words that only look like names', () => {
  it('a role noun opening a sentence is not part of the person’s name', () => {
    const names = named('Coach Emeka Obi - no relation to the owner - said the striker was fit.');
    expect(names).toContain('Emeka Obi');
    expect(names).not.toContain('Coach Emeka Obi');
  });

  it('a plural noun opening a sentence is not the body whose name it opens', () => {
    const names = named('Exporters have complained for months about the rate. The Exporters Council of Ghana (ECG) said in a statement that its members were hurt.');
    expect(names).toContain('Exporters Council of Ghana');
    expect(names).not.toContain('Exporters');
  });
});

describe('ships', () => {
  it('a ship named after its noun is typed as the held-out labels type it (a place), not an organisation', () => {
    const t = typed('The tanker struck the bulk carrier Silver Heron at dawn. The owner of the Silver Heron could not be contacted. The carrier Skyjet said it would appeal.');
    expect(t).toContain('place: Silver Heron');
    expect(t).toContain('organisation: Skyjet');
  });

  it('a ship’s prefix opens its name', () => {
    expect(typed('The vessel MV Ocean Star ran aground off the coast on Tuesday. HMS Dauntless shadowed it.')).toEqual(expect.arrayContaining(['place: MV Ocean Star', 'place: HMS Dauntless']));
  });
});

describe('bodies read from what belongs to them', () => {
  it('a place before a defined acronym is where the body’s branch is; the acronym is the body', () => {
    const names = found('The Coastal Patrol Service (CPS) said the trawler sank near the headland on Tuesday after a fire broke out in its engine room.\nNorth Kaliva CPS chief Captain Aran Molle told reporters that the crew had been rescued.');
    expect(names.map((n) => `${n.type}: ${n.name}`)).toContain('place: North Kaliva');
    expect(names.find((n) => n.name === 'Coastal Patrol Service')?.aliases).toContain('CPS');
    expect(names.map((n) => n.name)).not.toContain('North Kaliva CPS');
  });

  it('a legislature named by its committee', () => {
    expect(typed('The opposition lawmaker, who sits on the Storting’s foreign affairs committee, said she would ask questions.')).toContain('organisation: Storting');
  });
});

describe('police ranks and desks', () => {
  it('a police rank is a title; the force after “of” is an organisation', () => {
    const t = typed('Chief Superintendent Mark Lowe of Greater Manchester Police said the arrests followed a tip. Detective Inspector Jo Grey said more would follow.');
    expect(t).toEqual(expect.arrayContaining(['person: Mark Lowe', 'organisation: Greater Manchester Police', 'person: Jo Grey']));
    expect(t.join('\n')).not.toMatch(/Superintendent|Inspector/);
  });

  it('a byline’s desk after the writer is neither a place nor a name', () => {
    const t = typed('By Ruth Akande, Fact-Check Desk\nA post shared thousands of times says the river is poisoned.');
    expect(t).toContain('person: Ruth Akande');
    expect(t.join('\n')).not.toMatch(/Desk/);
  });
});

describe('patronymics and airlines', () => {
  it('a Malay patronymic with “binti” or “bin” keeps the name whole', () => {
    expect(typed('Nurul Izzah binti Rahman, a fisheries officer, said stocks were down.')).toContain('person: Nurul Izzah binti Rahman');
    expect(typed('State councillor Ahmad Faizal bin Hashim, who represents the area, said fishermen were worried.')).toContain('person: Ahmad Faizal bin Hashim');
  });

  it('a two-word name ending in “Air” that speaks is an airline, not a person', () => {
    expect(typed('Fjordholm Air said the Civil Aviation Authority of Norway had opened an inquiry into its checks.')).toContain('organisation: Fjordholm Air');
  });
});

describe('football clubs', () => {
  it('a club named after its town, hosted or beaten, and a club ending in “United” are organisations; a city stays a place', () => {
    const t = typed('Rovers host Harlow Town on Saturday, kick-off 3pm, after Kwara United drew on Tuesday. The winger moved to Cape Town last year.');
    expect(t).toEqual(expect.arrayContaining(['organisation: Harlow Town', 'organisation: Kwara United', 'place: Cape Town']));
  });
});

describe('platforms', () => {
  it('a word before “post”, “page” or “channel” is a platform; a lower-case border post is no name', () => {
    const t = typed('A Telegram post shared 20,000 times says the dam will fail. It spread on a Viber channel too. A border post near Rafah was shut.');
    expect(t).toEqual(expect.arrayContaining(['organisation: Telegram', 'organisation: Viber']));
    expect(t.join('\n')).not.toMatch(/border/i);
  });
});
