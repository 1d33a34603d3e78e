// Conflict reporting the held-out sets lacked (a probe report, now
// tests/fixtures/reports-heldout-2/probe-border.txt): a dateline in mixed case,
// a one-word armed group that denies, "a charge the group rejected", "the group
// said", adversaries accusing each other. Each class on a text of its own with
// invented names, then the probe as labelled.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractReports } from '../../lib/kb/extract';
import { extractOne } from '../../lib/kb/extract/eval';
import { parseInputs } from '../../lib/kb/inputs';
import { readDataFiles } from '../../scripts/read-data';

const known = parseInputs(readDataFiles());

function run(text: string) {
  const { kb, result } = extractReports([{ file: 'test.txt', text }], known);
  const fresh = result.entities.filter((e) => e.kbId === null);
  const nameOf = new Map(kb.entities.map((e) => [e.id, e.name]));
  return {
    result,
    entity: (n: string) => fresh.find((e) => e.name === n || e.aliases.includes(n)),
    caveats: (kind: string) => kb.caveats.filter((c) => c.kind === kind).map((c) => ({ quote: c.quote, about: c.entities.map((id) => nameOf.get(id) ?? id), quotes: c.appearances.map((a) => a.quote), explanation: c.explanation })),
  };
}

describe('a conflict report’s shapes', () => {
  it('reads a mixed-case dateline: the city is a place, and the date and agency are the report’s', () => {
    const r = run('Rebels shell a market town\n\nPort Calvero, 3 May 2026 (Meridian Wire) — Shelling hit a market on Sunday, residents said.\n');
    expect(r.entity('Port Calvero')?.type).toBe('place');
    expect(r.result.reports[0]).toMatchObject({ publisher: 'Meridian Wire', date: '2026-05-03' });
  });

  it('reads a dateline with the agency and no date ("Goma (Meridian Wire) —")', () => {
    const r = run('Rebels advance\n\nLoruma (Meridian Wire) — Rebels entered the outskirts of the city on Sunday, residents said.\n');
    expect(r.entity('Loruma')?.type).toBe('place');
    expect(r.result.reports[0]).toMatchObject({ publisher: 'Meridian Wire' });
  });

  it('a name after "the port of", "the island of" or "the mayor of" is a place; "a port of call" names nothing', () => {
    const r = run('Drones hit a fuel depot\n\nDrones struck a fuel depot in the Black Sea port of Velmarsk overnight, the mayor of Dorvany said. Ferries to the island of Kesh were cancelled.\n');
    expect(r.entity('Velmarsk')?.type).toBe('place');
    expect(r.entity('Dorvany')?.type).toBe('place');
    expect(r.entity('Kesh')?.type).toBe('place');
    const control = run('Ferries delayed\n\nThe ship made a port of call on Sunday and the harbour of the old town was closed, officials said.\n');
    expect(control.result.entities.filter((e) => e.kbId === null).map((e) => e.name)).toEqual([]);
  });

  it('a business wire story: a capitals dateline of two words is a place; "Chipmaker X" in the headline is X, the same body as "X Semiconductor"', () => {
    const r = run('Chipmaker Quorvane to cut 900 jobs\n\nBy Lena Brandt | Harbour Ledger | 12 March 2026\n\nPORT ELLISON, Calif. — Quorvane Semiconductor said on Thursday it would cut about 900 jobs as demand for its chips slowed.\n');
    expect(r.entity('PORT ELLISON')?.type).toBe('place');
    const q = r.entity('Quorvane Semiconductor');
    expect(q?.type).toBe('organisation');
    expect(q?.aliases).toContain('Quorvane');
    expect(r.entity('Chipmaker Quorvane')).toBeUndefined();
    expect(r.result.entities.filter((e) => e.kbId === null && /Quorvane/.test(e.name))).toHaveLength(1);
  });

  it('does not read a sentence that opens with a name and a comma as a dateline', () => {
    const r = run('A quiet week\n\nAmara Velde, the mayor, said on 3 May that the roads were open.\n');
    expect(r.result.reports[0]).toMatchObject({ publisher: null });
  });

  it('types a single word after "in" as a place even when ", which" follows', () => {
    const r = run('A border clash\n\nThe army said an attack on a checkpoint in Veshmor, which killed two soldiers, was planned abroad. Officials in Veshmor said roads were shut.\n');
    expect(r.entity('Veshmor')?.type).toBe('place');
  });

  it('finds a one-word armed group that recurs and denies, and gives its denial and its own account to it', () => {
    const r = run(
      'Army accuses Dornakh of an ambush\n\nThe army said on Monday that Dornakh had ambushed a convoy, a charge the group rejected.\n\nDornakh denied the allegation. "We have always acted in accordance with the law of war," the group said in a statement. Analysts said Dornakh was weakened.\n',
    );
    expect(r.entity('Dornakh')?.type).toBe('organisation');
    const denial = r.caveats('denial').find((c) => c.quotes.includes('a charge the group rejected'));
    expect(denial?.about).toEqual(['Dornakh']);
    expect(r.caveats('self-serving').some((c) => c.quote.startsWith('"We have always acted') && c.about.includes('Dornakh'))).toBe(true);
  });

  it('finds a one-word group named once mid-sentence and once opening a sentence as the one who denies', () => {
    const r = run('Talks stall\n\nMediators accused Dornakh of stalling the talks. Dornakh denied the report and said no meeting took place.\n');
    expect(r.entity('Dornakh')?.type).toBe('organisation');
  });

  it('does not make an organisation of a capitalised word that recurs but never speaks or denies', () => {
    const r = run('Harvest news\n\nFarmers said that Velmira apples sold well, and traders said that Velmira apples were scarce.\n');
    expect(r.entity('Velmira')?.type).not.toBe('organisation');
  });
});

describe('shapes the Darfur report showed (tests/fixtures/reports-heldout-2/darfur-camp-shelling.txt)', () => {
  it('reads "near El X, the capital of …" as a town and "the X crossing" as a place', () => {
    const r = run('Fighting spreads\n\nShells fell near El Morvan, the capital of the province, on Friday. Officials said they had closed the Tessaly crossing to trucks.\n');
    expect(r.entity('El Morvan')?.type).toBe('place');
    expect(r.entity('Tessaly')?.type).toBe('place');
  });

  it('gives "a claim the paramilitary group denied" to the group accused before it', () => {
    const r = run('Camp shelled\n\nThe army said that the Velka Brigades (VB) shelled a camp, a claim the paramilitary group denied.\n');
    expect(r.caveats('denial').map((c) => c.about)).toEqual([['Velka Brigades']]);
  });

  it('reads a party saying "its fighters had never targeted civilians" as a denial, but not the report saying so', () => {
    const said = run('Camp shelled\n\nThe Velka Brigades said in a statement that its fighters had never targeted civilians and accused the army of lying.\n');
    expect(said.caveats('denial').map((c) => c.quote)).toEqual(['its fighters had never targeted civilians']);
    const reported = run('Camp shelled\n\nThe Velka Brigades have never shelled the camp before, and the town has never bombed anyone.\n');
    expect(reported.caveats('denial')).toEqual([]);
  });

  it('hedges a forecast and marks "According to people familiar with the matter" at a sentence’s start', () => {
    const r = run('Camp shelled\n\nAccording to people familiar with the matter, the death toll is likely to rise.\n');
    expect(r.caveats('anonymous-source').map((c) => c.quote)).toEqual(['According to people familiar with the matter']);
    expect(r.caveats('hedged').map((c) => c.quote)).toEqual(['the death toll is likely to rise']);
  });
});

describe('shapes a third probe (Myanmar, unlabelled) showed', () => {
  it('reads "an accusation the rebel group dismissed" as the accused group’s denial', () => {
    const r = run('Bridge blast\n\nThe government said the Velka Brigades (VB) blew up a bridge, an accusation the rebel group dismissed as propaganda.\n');
    expect(r.caveats('denial').map((c) => c.about)).toEqual([['Velka Brigades']]);
  });

  it('marks "who declined to be named" as an anonymous source', () => {
    const r = run('Bridge blast\n\nA resident of the town, who declined to be named, said the explosion was heard at night.\n');
    expect(r.caveats('anonymous-source').map((c) => c.quote)).toEqual(['who declined to be named']);
  });
});

describe('shapes an Ethiopia probe (unlabelled) showed', () => {
  it('types "the Sahel Relief Programme" and "the Northern Aid Council" as organisations, not people', () => {
    const r = run('Aid halted\n\nThe Sahel Relief Programme declined to comment. Officials at the Northern Aid Council said convoys had stopped. Amara Velde, a driver, said roads were shut.\n');
    expect(r.entity('Sahel Relief Programme')?.type).toBe('organisation');
    expect(r.entity('Northern Aid Council')?.type).toBe('organisation');
    expect(r.entity('Amara Velde')?.type).toBe('person');
  });
});

describe('an Ethiopia probe: a commander’s quoted denial and an adverb guess', () => {
  it('reads his fighters "have never harmed …" as a denial and carries "were likely used" on the unnamed official’s caveat', () => {
    const r = run('Aid halted\n\nCommander Amara Velde said his fighters "have never harmed humanitarian workers". A senior official said drones were likely used to track the convoy.\n');
    expect(r.caveats('denial').map((c) => c.quote)).toEqual(['his fighters "have never harmed humanitarian workers"']);
    // One caveat per claim (#15): the hedge is on the same text as the unnamed source, so it goes with that caveat, not a second one.
    expect(r.caveats('hedged').some((c) => c.quote.includes('were likely used'))).toBe(false);
    const anon = r.caveats('anonymous-source').find((c) => c.quote.startsWith('A senior official'));
    expect(anon?.explanation).toContain('likely');
  });
});

describe('the probe report as labelled', () => {
  const text = readFileSync(new URL('../fixtures/reports-heldout-2/probe-border.txt', import.meta.url), 'utf8');
  const r = extractOne('probe-border.txt', text, known);
  const typeOf = (n: string) => r.names.find((x) => x.name === n)?.type;

  it('types the dateline city, the place after "in", and the armed group', () => {
    expect(typeOf('Tel Aviv')).toBe('place');
    expect(typeOf('Kashmir')).toBe('place');
    expect(typeOf('Hezbollah')).toBe('organisation');
    expect(r.names.some((n) => n.type === 'person')).toBe(false);
  });

  it('attaches the denial to the accused group, not the dateline or the accuser', () => {
    const denial = r.caveats.find((c) => c.kind === 'denial' && c.quote === 'a charge the group rejected');
    expect(denial?.about).toEqual(['Hezbollah']);
  });

  it('marks the adversaries’ accusations and the group’s own account', () => {
    const interested = r.others.filter((c) => c.kind === 'interested-party');
    expect(interested.map((c) => c.about.sort())).toEqual(expect.arrayContaining([['Hezbollah', 'Israel'], ['India', 'Pakistan']]));
    expect(r.others.some((c) => c.kind === 'self-serving' && c.quote.includes('We have always acted') && c.about.includes('Hezbollah'))).toBe(true);
    expect(r.others.some((c) => c.kind === 'undated' || c.kind === 'no-publisher')).toBe(false);
  });
});
