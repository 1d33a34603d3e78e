// The new-name finder and the sourcing rules on reports written for this test
// (tests/fixtures/reports-heldout: a court case, a recall, an election, a flood,
// a football scandal, a blackout, an arrest), labelled by hand before the
// pipeline was run on them. Each class of name or caveat is checked on its own,
// then the scores the issue sets (names P/R ≥ 0.85, sourcing caveats P ≥ 0.90,
// R ≥ 0.85) on the whole set (`npx tsx scripts/kb-eval.ts --verbose` lists every miss).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractReports, type ExtractInput } from '../../lib/kb/extract';
import { extractOne, HeldoutLabels, scoreHeldout } from '../../lib/kb/extract/eval';
import { parseInputs } from '../../lib/kb/inputs';
import { readDataFiles } from '../../scripts/read-data';

const DIR = new URL('../fixtures/reports-heldout/', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, DIR), 'utf8');
const known = parseInputs(readDataFiles());
const labels = HeldoutLabels.parse(JSON.parse(read('labels.json')));
const found = new Map(Object.keys(labels.reports).map((f) => [f, extractOne(f, read(f), known)]));
const name = (file: string, n: string) => found.get(file)!.names.find((x) => x.name === n || x.aliases.includes(n));
const caveat = (file: string, kind: string, phrase: string) => {
  const text = read(file);
  const at = text.indexOf(phrase);
  expect(at, phrase).toBeGreaterThanOrEqual(0);
  return found.get(file)!.caveats.find((c) => c.kind === kind && c.spans.some(([s, e]) => s < at + phrase.length && at < e));
};

describe('new names in reports the rules were not written on', () => {
  it('finds single-word organisations and types them as organisations', () => {
    expect(name('football-federation.txt', 'Interpol')?.type).toBe('organisation');
    expect(name('interpol-arrest.txt', 'Interpol')?.type).toBe('organisation');
    expect(name('football-federation.txt', 'UEFA')?.type).toBe('organisation');
    expect(name('flood-sylhet.txt', 'BRAC')?.type).toBe('organisation');
    expect(name('court-lisbon.txt', 'Reuters')?.type).toBe('organisation');
  });

  it('types multi-word organisations from their context, not as people', () => {
    // Byline outlets, "the supplier of the valve, X", "A X spokesman", "two clubs, X and Y", "played for X".
    for (const [file, n] of [
      ['recall-kestrel.txt', 'Motor Trade Daily'],
      ['recall-kestrel.txt', 'Hallam Precision'],
      ['grid-outage.txt', 'Cordillera Transmisión'],
      ['football-federation.txt', 'FK Mladost'],
      ['football-federation.txt', 'FK Sloga'],
      ['football-federation.txt', 'Red Star Belgrade'],
      ['court-lisbon.txt', 'Van Rijn Marine'],
    ] as const) {
      expect(name(file, n)?.type, n).toBe('organisation');
    }
    // Names that run across "and", and a known name that opens a longer one.
    expect(name('election-nakuru.txt', 'Independent Electoral and Boundaries Commission')?.type).toBe('organisation');
    expect(name('flood-sylhet.txt', "United Nations Children's Fund")?.type).toBe('organisation');
  });

  it('types "State Grid" after "operator" as an organisation when the KB does not know it', () => {
    const withoutIt = { ...known, entities: known.entities.filter((e) => !e.aliases.some((a) => a.text === 'State Grid')) };
    const input: ExtractInput = { file: 'grid.txt', text: 'Drone maker wins utility work\n\nIts drones are used by the electricity network operator State Grid to inspect power lines, the company said.\n' };
    const { result } = extractReports([input], withoutIt);
    expect(result.entities.find((e) => e.name === 'State Grid')).toMatchObject({ type: 'organisation', kbId: null });
  });

  it('separates a person from the party named after them, and keeps their short form', () => {
    expect(name('election-nakuru.txt', 'Samuel Kiprop')).toMatchObject({ type: 'person', aliases: expect.arrayContaining(['Kiprop']) });
    expect(name('election-nakuru.txt', 'United Democratic Alliance')?.type).toBe('organisation');
    expect(name('court-lisbon.txt', 'Pieter de Groot')?.type).toBe('person');
    expect(name('football-federation.txt', 'Ana Đorđević')?.type).toBe('person');
    expect(name('recall-kestrel.txt', 'Kestrel Motors')?.aliases).toContain('Kestrel');
  });

  it('reads datelines and “residents of X” as places, and no country adjective as a name', () => {
    expect(name('grid-outage.txt', 'SANTIAGO')?.type).toBe('place');
    expect(name('football-federation.txt', 'ZURICH')?.type).toBe('place');
    expect(name('flood-sylhet.txt', 'Sunamganj')?.type).toBe('place');
    expect(found.get('interpol-arrest.txt')!.names.map((n) => n.name)).not.toContain('South Korean');
  });

  it('takes the publisher from the byline', () => {
    const { result } = extractReports([{ file: 'recall-kestrel.txt', text: read('recall-kestrel.txt') }], known);
    expect(result.reports[0]).toMatchObject({ publisher: 'Motor Trade Daily', date: '2025-09-03' });
    expect(result.caveats.map((c) => c.kind)).not.toContain('no-publisher');
  });
});

describe('sourcing caveats in reports the rules were not written on', () => {
  it('flags unnamed sources however they are introduced', () => {
    expect(caveat('recall-kestrel.txt', 'anonymous-source', 'speaking on condition of anonymity')).toBeDefined();
    expect(caveat('election-nakuru.txt', 'anonymous-source', 'who asked not to be named')).toBeDefined();
    expect(caveat('court-lisbon.txt', 'anonymous-source', 'According to a person familiar with the investigation')).toBeDefined();
    expect(caveat('football-federation.txt', 'anonymous-source', 'Two people with knowledge of the investigation said')).toBeDefined();
    expect(caveat('grid-outage.txt', 'anonymous-source', 'a union representing')).toBeDefined();
    expect(caveat('interpol-arrest.txt', 'anonymous-source', 'identified by local media')).toBeDefined();
  });

  it('does not call analysts of a named firm unnamed', () => {
    expect(caveat('recall-kestrel.txt', 'anonymous-source', 'according to analysts at Bloomberg Intelligence')).toBeUndefined();
  });

  it('flags denials and refusals to comment, with the party they are about', () => {
    const denied = caveat('football-federation.txt', 'denial', 'Petrović denied any wrongdoing');
    expect(denied?.about).toContain('Dragan Petrović');
    expect(caveat('grid-outage.txt', 'denial', 'denied that maintenance had been delayed')).toBeDefined();
    expect(caveat('election-nakuru.txt', 'no-comment', 'State House did not respond to questions')).toBeDefined();
    expect(caveat('football-federation.txt', 'no-comment', 'Neither club responded')).toBeDefined();
    expect(caveat('flood-sylhet.txt', 'no-comment', 'Indian officials have not commented')).toBeDefined();
  });

  it('attaches a third party’s denial of a claim about someone else to that someone, and names the denier', () => {
    const text = 'Federation backs its president\n\nBy Luca Bianchi | Continental Sports Review | 9 November 2025\n\nZURICH - The Football Association of Serbia rejected allegations that Dragan Petrović had paid players of FK Mladost.\n';
    const { result } = extractReports([{ file: 'third.txt', text }], known);
    const c = result.caveats.find((x) => x.kind === 'denial')!;
    expect(c.label).toBe('Disputed');
    expect(c.about[0]).toBe('Dragan Petrović');
    expect(c.about).toContain('Football Association of Serbia');
    expect(c.explanation).toMatch(/^Football Association of Serbia disputes a claim about Dragan Petrović/);
  });

  it('flags hedged claims', () => {
    expect(caveat('court-lisbon.txt', 'hedged', 'reportedly the largest')).toBeDefined();
    expect(caveat('interpol-arrest.txt', 'hedged', 'allegedly transferred')).toBeDefined();
  });
});

describe('scores on the held-out set', () => {
  it('meets the issue’s targets for new names and sourcing caveats', () => {
    const score = scoreHeldout(labels, read, known);
    expect(score.names.precision).toBeGreaterThanOrEqual(0.85);
    expect(score.names.recall).toBeGreaterThanOrEqual(0.85);
    expect(score.caveats.precision).toBeGreaterThanOrEqual(0.9);
    expect(score.caveats.recall).toBeGreaterThanOrEqual(0.85);
  });
});
