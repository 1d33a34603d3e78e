// Self-serving caveats (#15 point 2), classes found on a blind set: a body's own people praising its conduct,
// response, product or record in their own words ("Our soldiers acted with the utmost restraint", "the city's
// swift and decisive response had prevented far worse damage", "Our products are tested to pharmaceutical
// standards", "has always set the standard for", a politician's "I have spent my career fighting for …"), a quote
// whose speaker is named by role only after it, and a superlative about "this company" by a company's officer
// named in an apposition. Controls: a denial restated as compliance is the denial, not praise; a neutral
// analyst's praise, a critic's negated words and the report's own voice are not self-serving.
import { describe, expect, it } from 'vitest';
import { extractReports } from '../../lib/kb/extract';
import { parseInputs } from '../../lib/kb/inputs';
import { readDataFiles } from '../../scripts/read-data';
import { quotesOfKind, report } from '../support/report-caveats';

const known = parseInputs(readDataFiles());

const selfServing = (...paragraphs: string[]) => quotesOfKind('self-serving', ...paragraphs);

describe('a body’s own people vouching for its conduct, response or product', () => {
  it('flags a spokesman’s "Our soldiers acted with the utmost restraint"', () => {
    const q = selfServing('"Our soldiers acted with the utmost restraint in a situation of extreme danger," mission spokesman Major Ilse Brandt told reporters.');
    expect(q.some((x) => x.includes('acted with the utmost restraint'))).toBe(true);
  });

  it('flags an official praising the city’s own response, quoting what she said', () => {
    const q = selfServing('Town manager Rita Osei said in a statement that the town\'s "swift and decisive response" had "prevented far worse damage".');
    expect(q).toHaveLength(1);
    expect(q[0]).toMatch(/^the town's "swift and decisive response"/);
  });

  it('flags a body saying its own assets were "safe", and its crews "among the first to help"', () => {
    expect(selfServing('In a statement, Corvex Exchange said client funds were "safe and fully backed".').length).toBe(1);
    expect(selfServing('The logging company Pinefield Ltd said in a statement that its crews had been among the first to help fight the fire.').length).toBe(1);
  });

  it('flags a chief executive’s "has always set the standard for …, and we will continue"', () => {
    const q = selfServing('"Corvex has always set the standard for transparency in this industry, and we will continue to do so," chief executive Tomas Vaitkus said.');
    expect(q.some((x) => x.includes('set the standard'))).toBe(true);
  });

  it('flags a politician’s first-person account of her own record', () => {
    const q = selfServing('Senator Mara Quill defended her travel claims. "I have spent my career fighting for accountability and I hold myself to the highest standard," she said.');
    expect(q.some((x) => x.includes('I have spent my career fighting for accountability'))).toBe(true);
  });
});

describe('who speaks for the body, when the attribution names them late or by role', () => {
  it('flags a quote whose speaker is named by role only after it ("its commercial director, X, said")', () => {
    const q = selfServing(
      'The supplement’s maker, the company Delta Nutrition, denied that its products were contaminated. "Our products are tested to pharmaceutical standards, batch by batch," its commercial director, Petros Alexiou, said in a statement.',
    );
    expect(q).toContain('Our products are tested to pharmaceutical standards, batch by batch');
  });

  it('flags a superlative about "this company" by its officer named in an apposition', () => {
    const q = selfServing('The company’s head of human resources, Dr. Greta Voss, said Rhenania Rail had tabled "the best offer in the history of this company" and called the strike irresponsible.');
    expect(q).toHaveLength(1);
    expect(q[0]).toContain('the best offer in the history of this company');
    expect(q[0]).not.toContain('called');
  });
});

describe('of several things said, the clause that vouches', () => {
  it('quotes "its accounts had been fully approved" and leaves the denial beside it its own caveat', () => {
    const para = 'The Amateur Rowing Union said in a statement that the allegations were "false and defamatory" and that its accounts had been "fully approved by independent auditors".';
    const q = selfServing(para);
    expect(q).toHaveLength(1);
    expect(q[0]).toMatch(/^its accounts had been "fully approved by independent auditors/);
    expect(quotesOfKind('denial', para).some((x) => x.includes('false and defamatory'))).toBe(true);
  });
});

describe('the quote is what was said, not who said it', () => {
  it('drops a pronoun speech tag and the quotation before "adding that"', () => {
    const plan = selfServing('Mayor Lise Tremblay spoke on Monday. She said the town\'s emergency plan had worked "exactly as it was designed to".');
    expect(plan).toHaveLength(1);
    expect(plan[0]).toMatch(/^the town's emergency plan had worked "exactly as it was designed to/);
    const q = selfServing('"Our roads are firebreaks," the logging company Pinefield Ltd said in a statement, adding that its crews had been among the first to help fight the fire.');
    expect(q).toEqual(['its crews had been among the first to help fight the fire']);
  });
});

describe('what is not self-serving', () => {
  it('does not flag a denial restated as compliance ("denied any wrongdoing … fully compliant")', () => {
    expect(selfServing('Helvin Pharma denied any wrongdoing. In a filing on Wednesday, the company said its prices had been "fully compliant with every notification in force".')).toEqual([]);
  });

  it('still flags compliance offered with no denial before it', () => {
    expect(selfServing('The mayor, Nikos Varos, said the tender had followed the law "to the letter".').length).toBe(1);
  });

  it('does not flag a neutral analyst praising someone else’s response', () => {
    expect(selfServing('Analyst Peter Lund of Fjord Securities said the regulator’s swift response had prevented far worse damage.')).toEqual([]);
  });

  it('does not flag a demand for a response, a counterfactual, or praise of people who are not the body’s own', () => {
    expect(selfServing('"Residents demanded a swift response from the government," the union said.')).toEqual([]);
    expect(selfServing('The union said a swift evacuation would have prevented far worse damage.')).toEqual([]);
    expect(selfServing('The Northfield Council said in a statement that volunteers were among the first to help.')).toEqual([]);
  });

  it('does not flag a critic’s negated words, nor the report’s own voice', () => {
    expect(selfServing('Opposition leader Dana Ruiz said the army had not acted with the utmost restraint.')).toEqual([]);
    expect(selfServing('The town’s swift response prevented far worse damage, records show.')).toEqual([]);
  });
});

describe('a company’s statement carried by another outlet is its own press release', () => {
  const release = [
    'This article first appeared on Harbour Tech Wire.',
    'OSAKA, 9 July 2026 - Nami Systems Inc., Japan’s leading payments company, today issued the following statement in response to the order by the regulator.',
    'Nami Systems has always welcomed competition and believes its platform offers merchants the fairest terms in the industry.',
    'About Nami Systems',
    'Founded in 2011, Nami Systems Inc. is headquartered in Osaka. Nami Systems is the most trusted name in Japanese payments.',
  ];

  it('flags one press-release caveat resting on its own praise, and names the carrier', () => {
    const { kb } = extractReports([{ file: 'r.txt', text: report('Nami Systems responds to order', ...release) }], known);
    const own = kb.caveats.filter((c) => c.kind === 'self-serving' && c.label === 'Press release');
    expect(own).toHaveLength(1);
    expect(own[0]!.explanation).toContain('carried by Harbour Tech Wire');
    const quotes = own[0]!.appearances.map((a) => a.quote).join('\n');
    expect(quotes).toContain('fairest terms in the industry');
    expect(quotes).toContain('the most trusted name');
  });

  it('does not take a report that names a company, with no "About" boilerplate of it, for its release', () => {
    const { kb } = extractReports([{ file: 'r.txt', text: report('Nami Systems fined', 'By Ana Test | Test Harbour Wire | 4 May 2026', 'Nami Systems Inc. was fined on Monday, the regulator said.', 'About the fine', 'The fine is the largest this year.') }], known);
    expect(kb.caveats.filter((c) => c.label === 'Press release')).toEqual([]);
  });
});
