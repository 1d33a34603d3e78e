// Self-serving and interested-party classes found missing on held-out set 7 (#15). Fixture reports written for this
// test (not set 7's text): a chief executive's "stronger than ever", a body by its kind whose speech verb comes late
// ("The consortium promises … and says its offer is 'the cheapest …'"), a body's spokesperson promising its own inquiry
// will be "thorough" or its measure will "raise the quality of …", a chair calling their own festival "the freest …" (any "-est" superlative), a body putting its
// failure down to a third party, and a named person's "X accuses the consortium of '…'" far into a report. Controls:
// the report's own voice, a negated phrase, a neutral analyst, a non-superlative "-est" word, a third party's blame.
import { describe, expect, it } from 'vitest';
import { selfServingQuotes as selfServing, interestedQuotes as interested } from '../support/report-caveats';

describe('a body’s own people vouching for it (self-serving)', () => {
  it('flags a chief executive telling staff the company is "stronger than ever"', () => {
    const q = selfServing('Velora Systems announced 300 job cuts on Tuesday.', 'Velora chief executive Marta Lindgren told staff in a memo last week that the company was "stronger than ever".');
    expect(q.some((x) => x.includes('stronger than ever'))).toBe(true);
  });

  it('flags a commission’s spokesperson promising its own investigation will be "thorough"', () => {
    const q = selfServing('The Coastal Safety Commission said its inspectors had boarded the ferry.', 'A commission spokesman, Peter Hallam, said the investigation would be "thorough and independent".');
    expect(q.some((x) => x.includes('thorough and independent'))).toBe(true);
  });

  it('flags an agency head promising what its own measure will achieve', () => {
    const q = selfServing('The Tea Board banned exports of loose-leaf tea in March.', 'Board director general Anil Mehta said the ban would "raise the quality of Indian tea in every market".');
    expect(q.some((x) => x.includes('raise the quality'))).toBe(true);
  });

  it('control: a union secretary warning that a tax would raise prices', () => {
    expect(selfServing('Union general secretary Maria Costa said the new tax would raise prices for every family.')).toEqual([]);
  });

  it('flags a chair calling their own festival "the freest …" (an "-est" superlative)', () => {
    const q = selfServing(
      'The Harbour Folk Festival cancelled its closing concert after a sponsor withdrew.',
      'Festival chair Ruth Okonjo said the programme had been set by the board alone. She described the festival as "the friendliest stage for new bands in the country".',
    );
    expect(q.some((x) => x.includes('the friendliest stage'))).toBe(true);
  });

  it('flags a body by its kind that speaks later in its sentence ("The consortium promises … and says its plan is …")', () => {
    const q = selfServing('The council votes on Thursday on the bus contract.', 'The consortium promises to replace half the fleet within three years and says its offer is "the cheapest any city in the region has received".');
    expect(q.some((x) => x.includes('the cheapest any city'))).toBe(true);
  });

  it('control: a body by its kind that only acts, saying nothing', () => {
    expect(selfServing('The council votes on Thursday on the bus contract.', 'The consortium runs the cheapest buses in the region and plans to replace half its fleet.')).toEqual([]);
  });

  it.each([
    ['the report’s own voice', 'The company is stronger than ever after the merger, and its shares have doubled.'],
    ['negated', 'Velora chief executive Marta Lindgren admitted the company had not been "stronger than ever" last year.'],
    ['a superlative of hardship', 'Velora chief executive Marta Lindgren said the company had come through "the harshest winter in its history".'],
    ['a word that only ends in "-est"', 'Festival chair Ruth Okonjo said the festival had received "the latest request from the council" on Monday.'],
    ['an analyst about a company she does not speak for', 'Analyst Priya Raman of Kestrel Research said the company was "the fastest-growing bank in the region".'],
  ])('control: %s', (_, text) => {
    expect(selfServing(text)).toEqual([]);
  });
});

describe('a side’s account of blame (interested party)', () => {
  it('flags a company putting its outage down to a third party', () => {
    const q = interested('Tarin Pay restored its service on Friday after a ten-hour outage.', 'The company said the outage was caused by "a faulty update from an outside software supplier" and that no money had been lost.');
    expect(q.some((x) => x.includes('outage was caused by'))).toBe(true);
  });

  it('flags a named person’s "X accuses the consortium of \'…\'" in the report’s voice, late in the report', () => {
    const q = interested(
      'The city council votes on Thursday on whether to hand its bus network to a private consortium for twenty years.',
      'Mayor Lucia Ferreira says the city cannot afford new buses on its own.',
      'The Riders’ Union, led by Tomas Albuquerque, says fares will rise.',
      'Albuquerque accuses the consortium of "planning to cut every route that does not pay".',
    );
    expect(q.some((x) => x.includes('accuses the consortium of'))).toBe(true);
  });

  it.each([
    ['the report’s own account of the cause', 'The outage was caused by a faulty update from an outside software supplier, records show.'],
    ['a regulator’s finding', 'The Central Payments Authority said the outage was caused by a faulty update from an outside supplier.'],
    ['a denial of such a cause', 'The company said the outage was not caused by an outside supplier.'],
  ])('control: %s', (_, text) => {
    expect(interested(text)).toEqual([]);
  });
});

describe('the genre’s lines of self-defence', () => {
  const recall = 'Harlan Foods recalled 40,000 jars of baby food on Monday after complaints from parents.';
  it.each([
    ['"takes … extremely seriously"', 'Harlan Foods said it takes food safety "extremely seriously".', 'extremely seriously'],
    ['"its top priority"', 'The company said safety was its "top priority".', 'top priority'],
    ['"acted swiftly and responsibly"', 'Harlan Foods said it had acted "swiftly and responsibly" to protect families.', 'swiftly and responsibly'],
    ['"remained fully committed to"', 'Chief executive Joan Pike said the company remained "fully committed" to its customers.', 'fully committed'],
  ])('flags %s as self-serving', (_, text, words) => {
    expect(selfServing(recall, text).some((q) => q.includes(words))).toBe(true);
  });

  it.each([
    ['"blamed a packaging supplier"', 'Harlan Foods blamed a packaging supplier for the contamination.', 'blamed a packaging supplier'],
    ['"the fault of a subcontractor"', 'Harlan Foods said the contamination was the fault of a subcontractor in Poland.', 'the fault of a subcontractor'],
  ])('flags %s as an interested party', (_, text, words) => {
    expect(interested(recall, text).some((q) => q.includes(words))).toBe(true);
  });

  it.each([
    ['a critic’s negation', 'Parents’ group leader Sara Obi said the company did not take safety seriously.'],
    ['what a critic says the company claims', 'Parents’ group leader Sara Obi said the company claims safety is its top priority.'],
  ])('control: %s', (_, text) => {
    expect(selfServing(recall, text)).toEqual([]);
  });
});
