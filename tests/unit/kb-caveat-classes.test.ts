// Classes of caveats and names the held-out sets missed (#15), each on a report
// written for it (tests/fixtures/reports-caveat-classes/, invented names), asserting
// what is found and, as much, what is not: a claim offered without evidence; an
// unnamed speaker's, and a chief executive's, account of their own body; figures a
// reader can check (market moves, published indicators, what the reporter saw); a
// place named in passing; facility names; one-word armed groups and parties; a
// finding about no entity; the same claim or denial restated.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractReports } from '../../lib/kb/extract';
import { parseInputs } from '../../lib/kb/inputs';
import { CARD_LIMITS } from '../../lib/kb/card';
import { buildKbFromDisk, readDataFiles } from '../../scripts/read-data';

const known = parseInputs(readDataFiles());
const fixture = (name: string) => readFileSync(new URL(`../fixtures/reports-caveat-classes/${name}`, import.meta.url), 'utf8');

function run(...texts: string[]) {
  const { kb, result } = extractReports(
    texts.map((text, i) => ({ file: `r${i}.txt`, text })),
    known,
  );
  const fresh = result.entities.filter((e) => e.kbId === null);
  const nameOf = new Map(kb.entities.map((e) => [e.id, e.name]));
  const caveats = (kind: string) =>
    kb.caveats
      .filter((c) => c.kind === kind)
      .map((c) => ({ quote: c.quote, label: c.label, scope: c.scope, about: c.entities.map((id) => nameOf.get(id) ?? id), quotes: c.appearances.map((a) => a.quote), id: c.id }));
  return { kb, result, fresh, caveats, entity: (n: string) => fresh.find((e) => e.name === n || e.aliases.includes(n)) };
}

describe('a claim its speaker did not back', () => {
  const r = run(fixture('no-evidence.txt'));
  const unbacked = r.caveats('unsourced').filter((c) => c.label === 'No evidence given');

  it('flags "offered no evidence", "without providing evidence", "did not substantiate" and a following "He provided no proof."', () => {
    const all = unbacked.flatMap((c) => c.quotes).join('\n');
    expect(all).toContain('but he offered no evidence for the claim');
    expect(all).toContain('without providing evidence');
    expect(all).toContain('a charge he did not substantiate');
    expect(all).toContain('He provided no proof');
    // The claim it leaves unbacked is quoted with it.
    expect(all).toContain('Tessel said the smugglers were paid from abroad.');
  });

  it('is about the claim’s subject and whoever did not back it, not every name in the sentence', () => {
    const tessel = unbacked.find((c) => c.quote.includes('offered no evidence'))!;
    expect(tessel.about).toEqual(['Brightwater Port Authority', 'Joran Tessel']);
    expect(unbacked.find((c) => c.quote.includes('without providing evidence'))!.about).toEqual(['Mirela Kovac']);
  });

  it('does not flag evidence that was found, a finding of no wrongdoing or contamination, the report’s own "there is no evidence", a denial, or details withheld', () => {
    const quoted = r.kb.caveats.filter((c) => c.kind === 'unsourced').flatMap((c) => c.appearances.map((a) => a.quote)).join('\n');
    for (const s of ['found evidence of tampering', 'found no evidence of wrongdoing', 'There is no evidence', 'lacked evidence', 'did not give details', 'showed no evidence of contamination']) expect(quoted).not.toContain(s);
  });

  it('gives "The authority rejected the accusation" to the authority named before, not to the minister who spoke before it', () => {
    expect(r.caveats('denial').find((c) => c.quote.startsWith('The authority rejected'))?.about).toEqual(['Brightwater Port Authority']);
  });
});

describe('an own account by an unnamed speaker for a body', () => {
  const r = run(fixture('unnamed-own-account.txt'));
  const own = r.caveats('self-serving');

  it('flags a senior official and one executive praising their own company’s recall and product, as it does the named chief executive', () => {
    expect(own.find((c) => c.quote === 'Dorvane Motors chief executive Lena Holt said the recall was working.')?.about).toEqual(['Dorvane Motors', 'Lena Holt']);
    expect(own.find((c) => c.quote.startsWith('the recall was working and that the company'))?.about).toEqual(['Dorvane Motors']);
    expect(own.find((c) => c.quote.includes('the safest car the company had ever built'))?.about).toEqual(['Dorvane Motors']);
  });

  it('keeps the unnamed-source finding on the speaker’s phrase beside it', () => {
    expect(r.caveats('anonymous-source').some((c) => c.quote === 'A senior official at Dorvane Motors')).toBe(true);
  });

  it('flags an unnamed official praising their own side’s plan, about no entity: shown once with the report', () => {
    const plan = own.find((c) => c.quote === 'the scrappage plan was working');
    expect(plan?.about).toEqual([]);
    expect(plan?.scope).toBe('report');
  });

  it('does not flag a plain announcement, a regulator praising the company, or an analyst', () => {
    const quotes = own.map((c) => c.quote).join('\n');
    expect(quotes).not.toMatch(/repair figures|Transport Safety Board|was a success|clear leader in electric vans|reviewing/);
    expect(own).toHaveLength(4);
  });
});

describe('a company describing its own product or standing', () => {
  const r = run(fixture('own-product.txt'));
  const own = r.caveats('self-serving');

  it('flags the chief executive calling the company the clear leader, and her "Our new cell is the most efficient", on the company and on her', () => {
    expect(own.find((c) => c.quote.includes('the company was the clear leader'))?.about).toEqual(['Lumivex Energy', 'Sanna Ollberg']);
    expect(own.find((c) => c.quote.includes('Our new cell is the most efficient'))?.about).toEqual(['Lumivex Energy', 'Sanna Ollberg']);
  });

  it('does not flag analysts saying the same, nor the chief executive praising a rival', () => {
    expect(own.map((c) => c.quote).join('\n')).not.toMatch(/Corvane|Bravik/);
    expect(own).toHaveLength(2);
  });
});

describe('figures a reader can check are not unsourced', () => {
  const r = run(fixture('market-figures.txt'));
  const quotes = r.caveats('unsourced').flatMap((c) => c.quotes);

  it('does not flag a share move, the stock’s loss this year, a scheduled report, inflation, turnout, quarterly revenue, a crude price, or what the paper’s reporters saw', () => {
    const all = quotes.join('\n');
    for (const s of ['fell 4.2%', '18 percent', '5.1 percent', '61 percent', 'rose 12%', 'gained 2%', '14 dead', '9 dead']) expect(all).not.toContain(s);
  });

  it('still flags a share and a toll the report states in its own voice', () => {
    expect(quotes).toContain('The recall affects about 3% of all units sold');
    expect(quotes).toContain('At least 12 people were killed in a fire at its plant last year');
  });
});

describe('a sourcing caveat and a place named in passing', () => {
  const r = run(fixture('place-in-passing.txt'));
  const anon = r.caveats('anonymous-source');

  it('does not attach to a dateline, to "in Khartoum", to "the Sylhet division of Bangladesh" or to "the border with India"', () => {
    for (const q of ['who asked not to be named', 'officials said', 'according to a local official who was not authorised to speak to the media']) {
      expect(anon.find((c) => c.quote === q)?.about, q).toEqual([]);
    }
    expect(anon.flatMap((c) => c.about).filter((a) => a !== 'Khartoum')).toEqual([]);
  });

  it('does not attach to a mixed-case dateline’s city ("Port Calvero, 3 May 2026 (Meridian Wire) —")', () => {
    const d = run('Market shelled\n\nBy Ada Merrow | Coastline Courier | 3 May 2026\n\nPort Calvero, 3 May 2026 (Meridian Wire) — Shelling hit a market on Sunday, residents said.\n');
    expect(d.caveats('anonymous-source').find((c) => c.quote === 'residents said')?.about).toEqual([]);
  });

  it('attaches to a place that is the claim’s own subject ("A source said Khartoum was quiet")', () => {
    expect(anon.find((c) => c.quote === 'A source')?.about).toEqual(['Khartoum']);
  });
});

describe('facility names', () => {
  const r = run(fixture('facilities.txt'));

  it('finds "the X oil terminal", "the X power plant", "the X refinery", "the X air base", "the X No. 2 mine" as places, with their short forms', () => {
    for (const n of ['Sheskharis oil terminal', 'Volna power plant', 'Tarkov refinery', 'Belbek air base', 'Heshan No. 2 mine']) expect(r.entity(n)?.type, n).toBe('place');
    expect(r.entity('Sheskharis oil terminal')?.aliases).toContain('Sheskharis terminal');
  });

  it('reads nothing from "a power plant near the coast", "a Dorsk coal mine town", "the Labour base" or "the Senate complex", and no bare "Tarkov" or "Belbek" beside the facility', () => {
    const names = r.fresh.map((e) => e.name);
    expect(names.filter((n) => /power plant near|Dorsk coal mine|Labour base|Senate complex/.test(n))).toEqual([]);
    expect(names).not.toContain('Tarkov');
    expect(names).not.toContain('Belbek');
  });
});

describe('one-word armed groups and parties named once', () => {
  const r = run(fixture('one-word-groups.txt'));

  it('finds "Fighters of Varkov", "Members of Selvan, the ruling party", "the Tavmadaw, the country’s military", "a militia known as Druvna" and "Houthi rebels" as organisations', () => {
    for (const n of ['Varkov', 'Selvan', 'Tavmadaw', 'Druvna', 'Houthi']) expect(r.entity(n)?.type, n).toBe('organisation');
    expect(r.entity('Fighters of Varkov')).toBeUndefined();
  });

  it('does not read a country’s or a creed’s adjective before "fighters", "militants" or "gunmen" as a group', () => {
    for (const n of ['Yemeni', 'Afghan', 'Islamist']) expect(r.entity(n), n).toBeUndefined();
  });

  it('does not read a family, a river or a county’s assembly as a group', () => {
    expect(r.entity('Kovac')).toBeUndefined();
    expect(r.entity('Nakuru')?.type).not.toBe('organisation');
    expect(r.entity('Danube')).toBeUndefined();
  });
});

describe('a claim-level finding about no entity', () => {
  const r = run(fixture('about-nobody.txt'));

  it('is report-level and in no card’s report caveats ("Weapons experts say" next to Russia and China)', () => {
    const experts = r.kb.caveats.find((c) => c.quote === 'Weapons experts say')!;
    expect(experts.scope).toBe('report');
    expect(experts.entities).toEqual([]);
    for (const e of r.kb.entities) expect(e.reportCaveats, e.name).not.toContain(experts.id);
    // Once in the KB, with its report (the panel's report view lists a report's caveats).
    expect(r.kb.caveats.filter((c) => c.quote === 'Weapons experts say')).toHaveLength(1);
  });

  it('attaches to its speaker when the report names one ("The talks may fail, he said." after Blinken)', () => {
    const hedge = r.caveats('hedged').find((c) => c.quote === 'The talks may fail');
    expect(hedge?.about).toEqual(['Antony Blinken']);
    expect(hedge?.scope).toBe('claim');
  });
});

describe('the same claim or denial restated', () => {
  it('merges one party’s denials of one charge in two reports into one denial with both quotes', () => {
    const a = 'Arms row deepens\n\nBy Ada Merrow | Coastline Courier | 12 June 2026\n\nGermany has repeatedly denied accusations that it sent rockets to the rebels.\n';
    const b = 'Rocket claims rejected\n\nBy Ivo Brandt | Harbour Ledger | 14 June 2026\n\nGermany has called the allegation that it armed the rebels a ‘smear’.\n';
    const denials = run(a, b).caveats('denial');
    expect(denials).toHaveLength(1);
    expect(denials[0]!.quotes.some((q) => q.includes('repeatedly denied'))).toBe(true);
    expect(denials[0]!.quotes.some((q) => q.includes('‘smear’'))).toBe(true);
  });

  it('keeps two parties’ denials apart', () => {
    const a = 'Arms row deepens\n\nBy Ada Merrow | Coastline Courier | 12 June 2026\n\nGermany has repeatedly denied accusations that it sent rockets to the rebels.\n';
    const b = 'Rocket claims rejected\n\nBy Ivo Brandt | Harbour Ledger | 14 June 2026\n\nIran has called the allegation that it armed the rebels a ‘smear’.\n';
    expect(run(a, b).caveats('denial')).toHaveLength(2);
  });

  it('in the corpus: China’s two denials are one, its retold anonymous claim is one, and no entity carries more caveats than a card shows', () => {
    const kb = buildKbFromDisk();
    const china = kb.caveats.filter((c) => c.entities.includes('china'));
    const denials = china.filter((c) => c.kind === 'denial');
    expect(denials).toHaveLength(1);
    expect(denials[0]!.appearances.map((a) => a.quote).join('\n')).toMatch(/always been prudent[\s\S]*‘smear’|‘smear’[\s\S]*always been prudent/);
    const quotes = (c: (typeof china)[number]) => c.appearances.map((a) => a.quote);
    const revealed = kb.caveats.filter((c) => c.kind === 'anonymous-source' && quotes(c).some((q) => q.startsWith('European officials with knowledge of the situation')));
    expect(revealed).toHaveLength(1);
    expect(quotes(revealed[0]!)).toContain('reports emerged suggesting');
    // The hedge in the retold passage is not a second caveat on China.
    expect(china.some((c) => c.kind === 'hedged' && c.quote.startsWith('European officials familiar with the situation'))).toBe(false);
    const count = new Map<string, number>();
    for (const c of kb.caveats) for (const e of c.entities) count.set(e, (count.get(e) ?? 0) + 1);
    expect(Math.max(...count.values())).toBeLessThanOrEqual(CARD_LIMITS.caveats);
  });
});
