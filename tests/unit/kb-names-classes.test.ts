// Classes of new names the finder reads from a report's own text (lib/kb/extract/names.ts, data/name-rules.json),
// each on sentences written for this test: what is found, with its type, and what is not.
import { describe, expect, it } from 'vitest';
import { findNames } from '../../lib/kb/extract/names';

const doc = (body: string) => `A headline about a port\n\n${body}\n`;
const found = (body: string) => findNames(doc(body));
const typed = (body: string) => found(body).map((n) => `${n.type}: ${n.name}`);
const named = (body: string) => found(body).map((n) => n.name);

describe('datelines', () => {
  it('a city in capitals with its country and agency is a place', () => {
    expect(typed('VALLETTA, Malta (AP) — A ferry operator said on Monday it would add two routes.')).toContain('place: VALLETTA');
    expect(typed('GDANSK, March 2 (Reuters) - A shipyard said on Monday it had won an order.')).toContain('place: GDANSK');
  });
});

describe('titles stripped from names', () => {
  it('a councillor\'s and a junior minister\'s titles are not part of the name', () => {
    const names = named('Cllr Orla Brannigan told the meeting the plan was late. Minister of State Declan Furey said funding was secure. Cllr Brannigan disagreed.');
    expect(names).toEqual(expect.arrayContaining(['Orla Brannigan', 'Declan Furey']));
    expect(names.join('\n')).not.toMatch(/Cllr|State Declan|Minister/);
  });

  it('an honorific merges into the full name', () => {
    const names = found('Budi Santoso, the opposition candidate, spoke at a rally. "Pak Budi should concede," a rival said.');
    const budi = names.find((n) => n.name === 'Budi Santoso');
    expect(budi?.type).toBe('person');
    expect(names.map((n) => n.name)).not.toContain('Pak Budi');
  });

  it('a family name in capitals, then a given name, is a person; the family name alone merges into it', () => {
    const names = found('"We will appeal," said WATANABE Kenji, the chief executive of Orbis Holdings. Mr. Watanabe did not give a date.');
    const kenji = names.find((n) => n.name === 'WATANABE Kenji');
    expect(kenji?.type).toBe('person');
    expect(kenji?.aliases).toContain('Watanabe');
    expect(names.filter((n) => n.type === 'organisation').map((n) => n.name)).not.toContain('WATANABE Kenji');
  });

  it('an acronym used alone elsewhere stays an organisation before a word ("NASA Goddard" is not a person)', () => {
    expect(typed('Data from NASA Goddard showed warming. NASA said the trend would continue.')).not.toContain('person: NASA Goddard');
  });

  it('a press release\'s contact line names the contact, not the department', () => {
    const text = 'Orbis Holdings said on Monday it would appeal.\n\nMedia contact: KOBAYASHI Emi, Investor Relations, Orbis Holdings';
    expect(typed(text)).toContain('person: KOBAYASHI Emi');
    expect(named(text)).not.toContain('Investor Relations');
  });

  it('a role before "of" is not part of the organisation\'s name', () => {
    const names = named('Sales rose by a third last year, said Ruth Abara, President and Chief Executive Officer of Lumen Fabrics, in a call with analysts.');
    expect(names).toContain('Lumen Fabrics');
    expect(names.join('\n')).not.toContain('Officer of');
  });
});

describe('organisation names kept whole', () => {
  it('a title word that opens an organisation\'s name stays in it', () => {
    const names = named('The Chief State Auditor\'s Office in Vilnius did not respond. Results from the General Audit Chamber are due.');
    expect(names).toContain('Chief State Auditor\'s Office');
    expect(names).toContain('General Audit Chamber');
    expect(names).not.toContain('State Auditor\'s Office');
  });

  it('a society or an outlet keeps its demonym; a ministry does not', () => {
    const names = named('The Portuguese Cardiology Society said the study was flawed, the Maltese Sporting Herald reported. The Portuguese Health Ministry declined to comment.');
    expect(names).toEqual(expect.arrayContaining(['Portuguese Cardiology Society', 'Maltese Sporting Herald']));
    expect(names).not.toContain('Cardiology Society');
    expect(names).not.toContain('Portuguese Health Ministry');
  });

  it('"for" inside a name when the acronym after it spells all of it', () => {
    const names = found('She took the case to the Tribunal of Appeal for Athletics (TAA) last year. The TAA will rule in May.');
    const taa = names.find((n) => n.name === 'Tribunal of Appeal for Athletics');
    expect(taa?.type).toBe('organisation');
    expect(taa?.aliases).toContain('TAA');
    expect(names.map((n) => n.name)).not.toContain('Tribunal of Appeal');
  });

  it('a department named over a comma list of its portfolios is one name', () => {
    const names = named('Funding from the Department of Rural Affairs, Fisheries and Tourism was approved on Monday.');
    expect(names).toContain('Department of Rural Affairs, Fisheries and Tourism');
    expect(names).not.toContain('Fisheries');
    expect(names).not.toContain('Department of Rural Affairs');
  });

  it('"… and the Marine" closes the list, and an institute "for X and Y" is one name with its acronym', () => {
    const names = found('The Department of Fisheries, Coasts and the Marine said it was assessing damage. A researcher at the Institute for Water Research and Advocacy (IWRA) said the warnings were ignored.');
    expect(names.map((n) => n.name)).toContain('Department of Fisheries, Coasts and the Marine');
    expect(names.find((n) => n.name === 'Institute for Water Research and Advocacy')?.aliases).toContain('IWRA');
    expect(names.map((n) => n.name)).not.toContain('Marine');
  });

  it('a company list after a department stays apart', () => {
    const names = named('The Department of Energy said Volta Grid, Sunfield Power and Arden Wind had applied.');
    expect(names).toContain('Department of Energy');
    expect(names).not.toContain('Department of Energy, Volta Grid, Sunfield Power and Arden Wind');
  });

  it('a legal form\'s dot at a sentence\'s end is the name\'s, and the name without it is the same company', () => {
    const names = found('The depot is run by a contractor, Tisza Freight Kft. Tisza Freight did not respond.');
    const co = names.find((n) => n.name === 'Tisza Freight Kft.');
    expect(co?.type).toBe('organisation');
    expect(co?.aliases).toContain('Tisza Freight');
  });

  it('a place, a year and an event\'s name are one event; an edition-numbered acronym before a summit is the event', () => {
    expect(typed('The sport\'s place at the Lagos 2040 Commonwealth Games is at risk.')).toContain('event: Lagos 2040 Commonwealth Games');
    expect(typed('Delegates met before the COP33 climate summit in Addis Ababa.')).toContain('event: COP33');
  });

  it('a treaty\'s long name across lower-case words is one agreement', () => {
    const text = 'Mongolia is a party to the Convention on the Protection of Migratory Species in Northern Asia, officials said.';
    expect(typed(text)).toContain('agreement: Convention on the Protection of Migratory Species in Northern Asia');
    expect(named(text)).not.toContain('Northern Asia');
  });
});

describe('types', () => {
  it('companies by their suffix or shape are organisations, not persons', () => {
    const names = typed('Prices rose, according to the shipping consultancy Tidewater Analytics. An audit by Brandt & Kessel found nothing. Nordhavn Line, one of the largest carriers on the route, skipped the port.');
    expect(names).toEqual(expect.arrayContaining(['organisation: Tidewater Analytics', 'organisation: Brandt & Kessel', 'organisation: Nordhavn Line']));
    expect(names.join('\n')).not.toMatch(/person: (?:Tidewater|Brandt|Nordhavn)/);
  });

  it('the former chief executive of a company names the company', () => {
    expect(typed('Kerem Aydın, the former chief executive of Marmara Liman Hizmetleri, was jailed.')).toContain('organisation: Marmara Liman Hizmetleri');
  });

  it('parties: in brackets after a councillor, before "councillors", and before "-backed"', () => {
    const names = typed('Cllr Aine Kehoe (Sinn Féin) opposed it, as did two Greens councillors. The Perindo-backed candidate, Adi Wibowo, conceded.');
    expect(names).toEqual(expect.arrayContaining(['organisation: Sinn Féin', 'organisation: Greens', 'organisation: Perindo', 'person: Aine Kehoe']));
    expect(names.join('\n')).not.toMatch(/person: Sinn Féin|Perindo-backed/);
  });

  it('a demonym or a country before "-backed" is not a new organisation', () => {
    const names = named('The Emirati-backed consortium and the Brazil-backed plan were discussed.');
    expect(names).not.toContain('Emirati');
    expect(names).not.toContain('Brazil-backed');
  });

  it('a body named after "to" is an organisation once an apposition says so', () => {
    const names = found('Complaints went to Komnas, the national rights agency, on Monday. An official at Komnas said more were coming.');
    expect(names.find((n) => n.name === 'Komnas')?.type).toBe('organisation');
  });

  it('outlets after "news site" are organisations', () => {
    expect(typed('A manager, quoted by the local news site Szegedi Hírek, said staff had warned of the fault.')).toContain('organisation: Szegedi Hírek');
  });

  it('capitalised facilities are places with their full name', () => {
    const names = typed('At the Rio Claro Hydroelectric Plant, turbines stopped. Jets left the Karaganda Air Base in 2001. Ships waited at the Walvis Bay Container Terminal. He arrived at the Kartal Courthouse on Monday.');
    expect(names).toEqual(expect.arrayContaining(['place: Rio Claro Hydroelectric Plant', 'place: Karaganda Air Base', 'place: Walvis Bay Container Terminal', 'place: Kartal Courthouse']));
    expect(typed('Two submarines have waited a year for repairs at the Halifax Naval Shipyard, officials said.')).toContain('place: Halifax Naval Shipyard');
    expect(typed('"It was loud," said Daniel Plant, the plant manager, on Monday.')).toContain('person: Daniel Plant');
  });

  it('a place after a sentence-opening preposition is a place, not a person', () => {
    const names = typed('In Porto Velho, the river fell. From the Bluff on Tuesday, ships could be seen.');
    expect(names).toEqual(expect.arrayContaining(['place: Porto Velho', 'place: Bluff']));
    expect(names.join('\n')).not.toContain('person: Porto Velho');
  });

  it('a person with a hyphenated surname and a possessive role is a person', () => {
    expect(typed('"Budgets grew," said Thandeka Mahlangu-Zulu, the group\'s spokesperson.')).toContain('person: Thandeka Mahlangu-Zulu');
  });

  it('an operator with "System" in its name is an organisation, not a weapon', () => {
    expect(typed('The reservoir levels fell again last week, according to the Regional Power System Operator (RPSO), which runs the grid.')).toContain('organisation: Regional Power System Operator');
  });

  it('a forum that employs fellows is an organisation', () => {
    expect(typed('Dana Omarova is a fellow at the Caspian Policy Forum in Aktau.')).toContain('organisation: Caspian Policy Forum');
  });
});

describe('merges that are wrong', () => {
  it('a parent group is not its acronym-named unit', () => {
    const names = found('Cranes failed at Harbour Rail Terminals (HRT), the state operator. HRT said repairs were under way.\n\nHarbourco denied that budgets had been cut. Harbourco\'s board meets on Friday, and Harbour Rail Terminals will report to it.');
    const unit = names.find((n) => n.name === 'Harbour Rail Terminals');
    expect(unit?.aliases).toContain('HRT');
    expect(unit?.aliases).not.toContain('Harbour');
  });

  it('a parent group found alone is its own organisation', () => {
    const names = found('Cranes failed at Kestrel Port Terminals (KPT), the state operator. KPT said repairs were under way.\n\nKestrel denied that budgets had been cut. Kestrel\'s board meets on Friday.');
    const unit = names.find((n) => n.name === 'Kestrel Port Terminals');
    expect(unit?.aliases).not.toContain('Kestrel');
    expect(names.find((n) => n.name === 'Kestrel')?.type).toBe('organisation');
  });

  it('a place is not the company named after it', () => {
    const names = found('A terminal at Cork Harbour was proposed. The Cork Harbour Company, which owns the site, rejected the claim.');
    expect(names.find((n) => n.name === 'Cork Harbour Company')?.aliases).not.toContain('Cork Harbour');
    expect(names.find((n) => n.name === 'Cork Harbour')?.type).toBe('place');
  });
});

describe('short forms that are the same organisation', () => {
  it('an organisation\'s name cut short is the same organisation', () => {
    const names = found('Kerem Aydın, the former chief executive of Marmara Liman Hizmetleri, was jailed. Marmara Liman, which runs four ports, said it would appeal.');
    const co = names.find((n) => n.name === 'Marmara Liman Hizmetleri');
    expect(co?.aliases).toContain('Marmara Liman');
    expect(names.filter((n) => n.name === 'Marmara Liman')).toHaveLength(0);
  });

  it('a facility named without its suffix, an organisation by its last word, and a short form defined in brackets', () => {
    const names = found('Turbines stopped at the Pedra Alta Hydroelectric Plant on Monday. The utility that operates Pedra Alta said rains were late. The Coastal Water Regulatory Commission fined it, and the Commission said more fines could follow. Rain is due in October, according to the National Weather Institute (Inameh).');
    expect(names.find((n) => n.name === 'Pedra Alta Hydroelectric Plant')?.aliases).toContain('Pedra Alta');
    expect(names.find((n) => n.name === 'Coastal Water Regulatory Commission')?.aliases).toContain('Commission');
    expect(names.find((n) => n.name === 'National Weather Institute')?.aliases).toContain('Inameh');
    expect(names.map((n) => n.name)).not.toContain('Pedra');
    expect(names.filter((n) => n.type === 'person').map((n) => n.name)).not.toContain('Pedra Alta');
  });

  it('a word in brackets after an organisation\'s name is no party', () => {
    const names = found('Figures from the Regional Statistics Office (Estadística) were published late on Monday night by the ministry.');
    expect(names.find((n) => n.evidence.includes('party'))).toBeUndefined();
  });

  it('an outlet\'s first word at the end of another name is not the outlet', () => {
    const text = 'Harapan Daily | 4 May 2026 | By Rina Sari\n\nEarly counts from the pollster Lembaga Survei Harapan (LSH) put the governor ahead, and Harapan Daily will update its count tonight.';
    expect(findNames(doc(text)).find((n) => n.name === 'Harapan Daily')?.spans).toHaveLength(2);
  });
});

describe('false names', () => {
  it('a time zone after a time is no name', () => {
    expect(named('21:40 WIB\nCounting has finished in Medan, officials said.\n\n20:10 WITA\nPolls closed.')).not.toEqual(expect.arrayContaining(['WIB']));
    expect(named('21:40 WIB\nCounting has finished.\n\n20:10 WITA\nPolls closed.').join('\n')).not.toMatch(/WIB|WITA/);
  });

  it('a numbered pier is no place of its own', () => {
    expect(named('The crane fell across two berths at Pier 2 of the port on Saturday.')).not.toContain('Pier');
  });
});
