// The report pipeline on reports written for these tests (our own wording, no
// corpus text): whose claim it is, what a caveat is about, what support
// means, report-level provenance, and new names. Each test runs the same code
// the build runs for data/reports/ (lib/kb/extract → lib/kb/build).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractReports, type ExtractInput } from '../../lib/kb/extract';
import { parseInputs } from '../../lib/kb/inputs';
import { readDataFiles } from '../../scripts/read-data';

const known = parseInputs(readDataFiles());
const run = (...inputs: ExtractInput[]) => extractReports(inputs, known);
const report = (file: string, headline: string, ...paragraphs: string[]): ExtractInput => ({ file, text: `${headline}\n\n${paragraphs.join('\n\n')}\n` });

describe('every quote is exact', () => {
  it('quotes claims and caveats as exact substrings of their report', () => {
    const inputs = [
      report('a.txt', 'Drone talks stall', 'Officials familiar with the talks said China may have offered drones to Russia. The company did not respond to a request for comment.'),
      report('b.txt', 'Ministers meet', '“We will not take sides. We want talks. We will keep saying so,” Antony Blinken said in Munich.'),
    ];
    const { result } = run(...inputs);
    const text = new Map(inputs.map((i) => [i.file, i.text]));
    expect(result.claims.length).toBeGreaterThan(0);
    expect(result.caveats.length).toBeGreaterThan(0);
    for (const c of [...result.claims, ...result.caveats]) expect(text.get(c.file)).toContain(c.quote);
  });
});

describe('a sourcing caveat is about the claim’s subject and its speaker', () => {
  it('does not put a bystander named in the same sentence in doubt', () => {
    const { kb } = run(
      report(
        'anon.txt',
        'Talks in Munich',
        'Antony Blinken met Wang Yi in Munich on Saturday. Officials who asked not to be named said China had offered drones to Russia while Antony Blinken was in Munich.',
      ),
    );
    const anon = kb.caveats.filter((c) => c.kind === 'anonymous-source');
    expect(anon).toHaveLength(1);
    expect(anon[0]!.entities).toContain('china');
    expect(anon[0]!.entities).not.toContain('antony-blinken');
    expect(anon[0]!.entities).not.toContain('munich');
  });

  it('tells a third party’s denial of a claim about someone else from the party’s own denial', () => {
    const { kb } = run(
      report(
        'deny.txt',
        'Claims about drone sales',
        'Germany has denied reports that Iran sold drones to Russia last month.',
        'Separately, Iran has denied the allegations that it sold drones to anyone.',
      ),
    );
    const denials = kb.caveats.filter((c) => c.kind === 'denial').sort((a, b) => a.start - b.start);
    expect(denials).toHaveLength(2);
    const [third, own] = denials;
    // Germany disputes a claim about Iran: about Iran, and Germany is the one disputing; Iran is not said to deny it.
    expect(third!.entities).toEqual(expect.arrayContaining(['iran', 'germany']));
    expect(third!.explanation).toMatch(/Germany disputes a claim about Iran/);
    expect(third!.explanation).not.toMatch(/party it is about/);
    // Iran denies a claim about itself.
    expect(own!.entities).toEqual(['iran']);
    expect(own!.explanation).toMatch(/party it is about/);
  });
});

describe('whose claim it is', () => {
  it('gives every sentence of a quotation that spans three sentences to the speaker tagged at its end', () => {
    const { result } = run(
      report(
        'quote.txt',
        'A warning in Munich',
        '“China is weighing lethal aid to Russia. The United States has told Beijing what that would cost. Russia should not count on it,” Antony Blinken said on Sunday.',
      ),
    );
    const speakers = result.claims.filter((c) => c.quote !== 'A warning in Munich').map((c) => c.speaker);
    expect(speakers).toHaveLength(3);
    for (const s of speakers) expect(s).toEqual({ kind: 'named', name: 'Antony Blinken' });
  });

  it('names the speaker of “according to”, “told … that”, “he added”, “as reported by”, an unnamed source, and the report itself', () => {
    const { result } = run(
      report(
        'speech.txt',
        'Around the talks',
        'According to Der Spiegel, Xian Bingo is building drones for Russia.',
        'Jens Stoltenberg told reporters that China was moving closer to Russia. He added that NATO was watching China closely.',
        'A person familiar with the talks said Russia wanted the drones by April.',
        'Russia and China signed a trade deal in Moscow.',
        'Xi Jinping will visit Moscow in the spring, as reported by the Financial Times.',
      ),
    );
    const by = (start: string) => result.claims.find((c) => c.quote.startsWith(start))!.speaker;
    expect(by('According to Der Spiegel')).toEqual({ kind: 'named', name: 'Der Spiegel' });
    expect(by('Jens Stoltenberg told')).toEqual({ kind: 'named', name: 'Jens Stoltenberg' });
    expect(by('He added')).toEqual({ kind: 'named', name: 'Jens Stoltenberg' });
    expect(by('A person familiar').kind).toBe('unnamed');
    expect(by('Russia and China signed').kind).toBe('report');
    expect(by('Xi Jinping will visit')).toEqual({ kind: 'named', name: 'Financial Times' });
  });
});

describe('support counts independent sources, not copies', () => {
  const body =
    'Russia and China signed a new energy agreement in Moscow on Tuesday, officials in both capitals said. The agreement covers gas deliveries through Siberia for the next thirty years and sets prices in roubles and yuan.';

  it('counts two republished copies of one text once', () => {
    const { result } = run(
      report('original.txt', 'Energy deal signed', body),
      report('copy.txt', 'Russia and China sign energy deal', body, 'Read more at https://example.org/energy-deal'),
    );
    const signed = result.claims.filter((c) => c.quote.startsWith('Russia and China signed'));
    expect(signed).toHaveLength(2);
    for (const c of signed) expect(c.support).toEqual({ independentSources: 1, reports: 2, repeats: 2 });
    // The copy says where it comes from: one report-level caveat, about no single entity.
    const republished = result.caveats.filter((c) => c.kind === 'republished');
    expect(republished).toHaveLength(1);
    expect(republished[0]).toMatchObject({ file: 'copy.txt', scope: 'report', about: [] });
  });

  it('counts a report repeating its own sentence once, and a second, independent report as a second source', () => {
    const repeated = report('repeat.txt', 'Deal signed', body, 'In other news, the weather was mild.', body);
    const { result } = run(repeated);
    const signed = result.claims.filter((c) => c.quote.startsWith('Russia and China signed'));
    expect(signed).toHaveLength(2);
    for (const c of signed) expect(c.support).toEqual({ independentSources: 1, reports: 1, repeats: 2 });

    const other = report('other.txt', 'A different account', 'Russia and China signed a new energy agreement in Moscow on Tuesday, according to Anadolu.');
    const both = run(report('original.txt', 'Energy deal signed', body), other).result;
    const first = both.claims.find((c) => c.file === 'original.txt' && c.quote.startsWith('Russia and China signed'))!;
    expect(first.support.reports).toBe(2);
    expect(first.support.independentSources).toBe(2);
  });
});

describe('report provenance', () => {
  it('flags an undated report with no publisher once each, for the report, however many entities it names', () => {
    const { result } = run(
      report('bare.txt', 'Leaders meet', 'Xi Jinping met Vladimir Putin in Moscow. Antony Blinken spoke in Munich. Jens Stoltenberg spoke in Tallinn.'),
    );
    const kinds = result.caveats.filter((c) => c.scope === 'report').map((c) => c.kind).sort();
    expect(kinds).toEqual(['no-publisher', 'undated']);
    for (const c of result.caveats.filter((x) => x.scope === 'report')) expect(c.about).toEqual([]);
  });

  it('reads a stated date and a copyright line as the report’s own', () => {
    const { result } = run(report('dated.txt', 'Leaders meet', 'Published: 21 March 2023', 'Xi Jinping met Vladimir Putin in Moscow.', '© 2023 The Harbour Courier'));
    expect(result.reports[0]).toMatchObject({ date: '2023-03-21', publisher: 'The Harbour Courier' });
    expect(result.caveats.filter((c) => c.scope === 'report')).toEqual([]);
  });
});

describe('new names', () => {
  const text = readFileSync(new URL('../fixtures/reports/new-names.txt', import.meta.url), 'utf8');
  const { result } = run({ file: 'new-names.txt', text });
  const find = (name: string) => result.entities.find((e) => e.name === name);

  it('finds people, organisations, places, weapons, events and agreements the KB does not know, merged with their short forms', () => {
    expect(find('Aurelio Vantress')).toMatchObject({ type: 'person', kbId: null, aliases: expect.arrayContaining(['Aurelio Vantress', 'Vantress']) });
    expect(find('Imke Dallow')).toMatchObject({ type: 'person', kbId: null });
    expect(find('Ministry of Coastal Affairs')).toMatchObject({ type: 'organisation', kbId: null });
    expect(find('Port Halvard')).toMatchObject({ type: 'place', kbId: null });
    expect(find('KR-40')).toMatchObject({ type: 'weapon', kbId: null });
    expect(find('Halvard Summit')).toMatchObject({ type: 'event', kbId: null });
    expect(find('Strait Fisheries Accord')).toMatchObject({ type: 'agreement', kbId: null });
    expect(find('Northern Shipping Council')).toMatchObject({ type: 'organisation', kbId: null, aliases: expect.arrayContaining(['NSC']) });
  });

  it('links names the KB knows to their KB entity', () => {
    expect(find('Russia')).toMatchObject({ kbId: 'russia' });
  });

  it('does not propose sentence-initial words, weekdays or months as names', () => {
    const names = result.entities.map((e) => e.name);
    for (const bad of ['The', 'On', 'Tuesday', 'March', 'However', 'Officials']) expect(names).not.toContain(bad);
  });

  it('gives claims about new names a subject and caveats about them', () => {
    expect(result.claims.some((c) => c.subject === 'Aurelio Vantress')).toBe(true);
    expect(result.caveats.some((c) => c.kind === 'anonymous-source' && c.about.includes('Ministry of Coastal Affairs'))).toBe(true);
  });
});

describe('a wire report nobody curated (tests/fixtures/reports/wire-report.txt)', () => {
  const text = readFileSync(new URL('../fixtures/reports/wire-report.txt', import.meta.url), 'utf8');
  const { result } = run({ file: 'wire.txt', text });
  const caveat = (kind: string, phrase: string) => result.caveats.find((c) => c.kind === kind && c.quote.includes(phrase));

  it('reads the agency from the dateline as the publisher', () => {
    expect(result.reports[0]!.publisher).toBe('Harbour Wire');
  });

  it('finds the unnamed sources, the refusal to comment and the denial', () => {
    expect(caveat('anonymous-source', 'officials said')).toBeDefined();
    expect(caveat('anonymous-source', 'A civil protection official, who asked not to be named')).toBeDefined();
    expect(caveat('no-comment', 'did not respond to a request for comment')).toBeDefined();
    expect(caveat('denial', 'a charge the government denies')).toBeDefined();
  });

  it('gives a statement made after an apposition to the person named, and raises no unsourced-figure caveat on it', () => {
    const claim = result.claims.find((c) => c.quote.startsWith('Stefano Bonaccini, president'))!;
    expect(claim.speaker).toEqual({ kind: 'named', name: 'Stefano Bonaccini' });
    expect(result.caveats.filter((c) => c.kind === 'unsourced' && c.quote.includes('billions of euros'))).toEqual([]);
  });

  it('finds the people, places and events it names, and no dateline agency as a claim’s subject', () => {
    const names = new Map(result.entities.map((e) => [e.name, e.type]));
    expect(names.get('Giorgia Meloni')).toBe('person');
    expect(names.get('Stefano Bonaccini')).toBe('person');
    expect(names.get('Emilia-Romagna')).toBe('place');
    expect(names.get('Hiroshima')).toBe('place');
    expect(names.get('G7')).toBe('event');
    expect(result.claims.some((c) => c.subject === 'Harbour Wire')).toBe(false);
  });
});

describe('a report whose text is pasted twice', () => {
  it('gets one report-level caveat, not one per entity or per sentence', () => {
    const half =
      'Xi Jinping met Vladimir Putin in Moscow on Monday for talks on trade and energy. The two leaders signed agreements on gas pipelines and on payments in yuan. Antony Blinken said in Washington that the United States was watching closely.';
    const { result } = run(report('twice.txt', 'Leaders meet in Moscow', half, half));
    const told = result.caveats.filter((c) => c.kind === 'repetition');
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ scope: 'report', about: [] });
    // Repeating itself is no corroboration.
    for (const c of result.claims.filter((x) => x.quote.startsWith('Xi Jinping met'))) expect(c.support).toMatchObject({ independentSources: 1, reports: 1 });
  });
});

describe('a second wire report (tests/fixtures/reports/wire-report-2.txt)', () => {
  const text = readFileSync(new URL('../fixtures/reports/wire-report-2.txt', import.meta.url), 'utf8');
  const { result } = run({ file: 'wire2.txt', text });

  it('flags sources with direct knowledge as unnamed, but not the outlet they spoke to', () => {
    const anon = result.caveats.find((c) => c.kind === 'anonymous-source' && c.quote.startsWith('Two sources with direct knowledge'));
    expect(anon).toBeDefined();
    expect(anon!.about).not.toContain('Harbour Wire');
  });

  it('attributes “the company said” to the company named earlier in the sentence', () => {
    expect(result.claims.find((c) => c.quote.includes('the company said in a statement'))!.speaker).toEqual({ kind: 'named', name: 'Andes Copper Corp' });
  });

  it('puts the rejection of an allegation on the company that rejects it, known by its short form', () => {
    expect(result.entities.find((e) => e.name === 'Andes Copper Corp')!.aliases).toContain('Andes Copper');
    const denial = result.caveats.find((c) => c.kind === 'denial')!;
    expect(denial.quote).toBe('an allegation Andes Copper rejects');
    expect(denial.about).toEqual(['Andes Copper Corp']);
  });

  it('flags hearsay and a refusal to comment, and does not name the sentence-initial “Mining” or the dateline city as an organisation', () => {
    expect(result.caveats.some((c) => c.kind === 'hedged' && c.quote.includes('could not be independently verified'))).toBe(true);
    expect(result.caveats.some((c) => c.kind === 'hedged' && c.quote.includes('reportedly'))).toBe(true);
    expect(result.caveats.some((c) => c.kind === 'no-comment')).toBe(true);
    const types = new Map(result.entities.map((e) => [e.name, e.type]));
    expect(types.has('Mining')).toBe(false);
    expect(types.get('LIMA')).toBe('place');
    expect(types.get('Quellaveco Norte')).toBe('place');
  });
});
