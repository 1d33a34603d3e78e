// Unnamed and anonymous sources in the shapes real reports use (#15), on
// reports written for this test: plural role nouns, "within/inside", relative
// clauses, "we spoke to", "are quick to point out", "a person who …", the
// inverted tag, "quoted without his name", hearsay a named speaker relays; and
// what is on the record: a spokesperson for a named principal, a named
// person's lawyers, a group the report has already named.
import { describe, expect, it } from 'vitest';
import { at, caveatsOf, report } from '../support/report-caveats';

describe('unnamed groups', () => {
  const text = report(
    'Grain barges stuck on the river',
    'VIDIN, April 8 (River Wire) - Dozens of grain barges were stuck below the Vidin bridge on Tuesday, the port captain Nikolai Petrov said.',
    'Barge captains said the water was the lowest they had seen in a decade. Insurers who cover the cargoes said claims had tripled. Sources within the river authority say the dredging budget was cut in March. People inside the ministry have told reporters that the cut was political.',
    'Some farmers we spoke to near the quay said they could not sell their harvest. Ministry officials are quick to point out that the drought is regional.',
  );
  const found = caveatsOf(text);

  it.each([
    'Barge captains said',
    'Insurers who cover the cargoes said',
    'Sources within the river authority say',
    'People inside the ministry have told',
    'farmers we spoke to near the quay said',
    'officials are quick to point out',
  ])('flags “%s” as an unnamed source', (words) => {
    expect(at(found, text, 'anonymous-source', words)).toHaveLength(1);
  });

  it('does not flag the named port captain', () => {
    expect(at(found, text, 'anonymous-source', 'the port captain Nikolai Petrov said')).toEqual([]);
  });
});

describe('unnamed individuals', () => {
  const text = report(
    'Tender for school meals questioned',
    'TARTU, Jan 12 (Baltic Desk) - The city of Tartu gave its school meals contract to a caterer that scored lowest on quality, council minutes show.',
    'A person who sat on the scoring panel said the quality marks were changed after the bids closed. The caterer was chosen early, said a person familiar with the tender. A clerk at the city office, quoted without his name by a local radio station, said the file went missing for a week.',
    'Police said two people were questioned on Monday.',
  );
  const found = caveatsOf(text);

  it('flags “a person who …”, the inverted tag and “quoted without his name”', () => {
    expect(at(found, text, 'anonymous-source', 'A person who sat on the scoring panel said')).toHaveLength(1);
    expect(at(found, text, 'anonymous-source', 'said a person familiar with the tender')).toHaveLength(1);
    expect(at(found, text, 'anonymous-source', 'quoted without his name')).toHaveLength(1);
  });

  it('does not read “Police said two people were questioned” as two unnamed people speaking', () => {
    expect(at(found, text, 'anonymous-source', 'Police said two people were questioned')).toEqual([]);
  });
});

describe('hearsay a named speaker relays', () => {
  const text = report(
    'Library closure row',
    'Councillor Maeve Dunleavy said she had been told that the library building would be sold to a developer. The council said no decision had been made.',
    'Dunleavy, who chairs the arts committee, said the vote was rushed.',
  );
  const found = caveatsOf(text);

  it('flags what she was told, not her own claim', () => {
    const relayed = at(found, text, 'anonymous-source', 'she had been told that the library building would be sold');
    expect(relayed).toHaveLength(1);
    expect(relayed[0]!.explanation).toMatch(/without saying who/);
    expect(at(found, text, 'anonymous-source', 'the vote was rushed')).toEqual([]);
  });
});

describe('on the record, not anonymous', () => {
  const text = report(
    'Rail strike called off',
    'A spokesperson for the Ministry of Transport said talks would resume on Monday. A spokesman for the minister said she had not yet been briefed. A company spokeswoman said trains would run normally.',
    'Two drivers, Anna Berg and Olof Lind, said they were relieved. The drivers said the deal was fair. His lawyers said the driver would appeal his dismissal.',
  );
  const found = caveatsOf(text);

  it.each([
    'A spokesperson for the Ministry of Transport said',
    'A spokesman for the minister said',
    'A company spokeswoman said',
    'The drivers said',
    'His lawyers said',
  ])('does not flag “%s”', (words) => {
    expect(at(found, text, 'anonymous-source', words)).toEqual([]);
  });

  it('still flags a spokesperson who asks not to be named', () => {
    const t = report('Rail strike', 'A spokesperson for the union, who asked not to be named, said the strike was off.');
    expect(at(caveatsOf(t), t, 'anonymous-source', 'who asked not to be named')).toHaveLength(1);
  });
});

describe('a view credited to nobody in particular', () => {
  it('flags “Many here believe” in the report’s voice, not “some say” inside a named source’s quotation', () => {
    const t = report('River row', 'The water board says the new weir will help farmers. Many here believe it will only help the city.', '"Some say I worry too much," said the farmer Ines Moreau.');
    const found = caveatsOf(t);
    expect(at(found, t, 'anonymous-source', 'Many here believe')).toHaveLength(1);
    expect(at(found, t, 'anonymous-source', 'Some say I worry')).toEqual([]);
  });
});

describe('a group and where it comes from', () => {
  it('flags “Lawmakers from both parties said”, not observers from a body named by its name', () => {
    const t = report('Port bill delayed', 'Lawmakers from both parties said the scanners were overdue. Observers from the Harbour Watch Group said the vote was fair.');
    const found = caveatsOf(t);
    expect(at(found, t, 'anonymous-source', 'Lawmakers from both parties said')).toHaveLength(1);
    expect(at(found, t, 'anonymous-source', 'Observers from the Harbour Watch Group said')).toEqual([]);
  });
});
