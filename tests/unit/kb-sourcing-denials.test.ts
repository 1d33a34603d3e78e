// Denials in the shapes real reports use (#15), on reports written for this
// test: a finding denied, allegations called false, media reports called
// speculative, "no such promise" (a third party denying for a principal),
// "no open case", a rebuttal in a quotation or an interview answer, an answer
// that negates what the question put to the one answering, a plea; and what
// is not a denial by anyone: a negated denial and a correction's account of
// what an earlier story said.
import { describe, expect, it } from 'vitest';
import { at, caveatsOf, report } from '../support/report-caveats';

describe('denials', () => {
  const text = report(
    'Watchdog fines grocery chain',
    'OSLO, Feb 2 (Nordic Desk) - The competition authority fined the grocery chain Fjordmat 90 million crowns on Monday for fixing prices with two suppliers.',
    'Fjordmat denies the authority’s finding that it shared price lists with its rivals. In a statement, the chain said that claims of a cartel were "unfounded and damaging". Press reports that the chain is also being investigated in Sweden are speculative, the statement said.',
    'Trade minister Lene Haugen was said by the opposition to have promised the chain a lighter fine. A spokeswoman for Haugen said she had made no such promise. The economic crimes unit said it had no open investigation into the chain.',
    'Its former buyer, Jonas Lie, has pleaded not guilty to a separate bribery charge.',
  );
  const found = caveatsOf(text);

  it.each([
    'Fjordmat denies the authority’s finding',
    'claims of a cartel were "unfounded and damaging"',
    'Press reports that the chain is also being investigated in Sweden are speculative',
    'A spokeswoman for Haugen said she had made no such promise',
    'it had no open investigation into the chain',
    'has pleaded not guilty',
  ])('flags “%s” as a denial', (words) => {
    expect(at(found, text, 'denial', words)).toHaveLength(1);
  });

  it('reads a spokeswoman denying for a minister as a denial, not as an unnamed source', () => {
    expect(at(found, text, 'anonymous-source', 'A spokeswoman for Haugen said')).toEqual([]);
  });

  it('does not take the denied press reports for the report’s unnamed source', () => {
    expect(at(found, text, 'anonymous-source', 'Press reports that the chain')).toEqual([]);
  });
});

describe('rebuttals in a speaker’s own words', () => {
  it('flags “That is not true” in a quotation and in an interview answer', () => {
    const quoted = report('Mayor answers critics', 'Opposition members say the mayor hired her brother. "That is not true," Mayor Ilse Brandt told the council. "He applied like everyone else."');
    expect(at(caveatsOf(quoted), quoted, 'denial', 'That is not true')).toHaveLength(1);
    const qa = report('Interview: the coach', 'Q: The club says you leaked the team sheet.', 'A: That is false. I never saw the team sheet.', 'Q: Will you stay?', 'A: I have not decided.');
    const found = caveatsOf(qa);
    expect(at(found, qa, 'denial', 'That is false')).toHaveLength(1);
    // An answer to a plain question is not a denial.
    expect(at(found, qa, 'denial', 'I have not decided')).toEqual([]);
  });

  it('flags an answer that negates, in the question’s words, what the question says about the one answering', () => {
    const qa = report('Interview: the treasurer', 'Q: The chairman told a radio station that you were hiding the bank statements.', 'A: I have hidden no bank statements. They are in the office.');
    const found = caveatsOf(qa);
    expect(at(found, qa, 'denial', 'I have hidden no bank statements')).toHaveLength(1);
    expect(at(found, qa, 'denial', 'They are in the office')).toEqual([]);
  });

  it('does not flag “That is not true” in the report’s own voice outside any quotation', () => {
    const t = report('Myths about tides', 'Many think the moon alone drives the tides, officials at the institute said. That is not true of every coast, the institute’s own tables show.');
    expect(at(caveatsOf(t), t, 'denial', 'That is not true')).toEqual([]);
  });
});

describe('not a denial by anyone', () => {
  const text = report(
    'Correction: paving contract story',
    'A story published on May 3 misstated the position of the paving firm Ostra Asfalt. The story said the firm had denied paying a fee to a council clerk. In fact, the firm declined to comment and has not denied the allegation.',
  );
  const found = caveatsOf(text);

  it('does not read the earlier story’s account, or a denial the firm did not make, as a denial', () => {
    expect(at(found, text, 'denial', 'The story said the firm had denied paying a fee')).toEqual([]);
    expect(at(found, text, 'denial', 'has not denied the allegation')).toEqual([]);
  });

  it('still reads the refusal to comment', () => {
    expect(at(found, text, 'no-comment', 'the firm declined to comment')).toHaveLength(1);
  });
});

describe('what a denial is not, and one more shape', () => {
  it('reads “estimates were wildly inaccurate” as a denial, and “There is no such thing as …” as a saying', () => {
    const t = report(
      'Scanner bill stalls',
      'Senator Rosa Quint said the delay would be short. "There is no such thing as a perfect bill," she told reporters.',
      'The Harbour Operators Guild said the estimates were "wildly inaccurate".',
    );
    const found = caveatsOf(t);
    expect(at(found, t, 'denial', 'the estimates were "wildly inaccurate"')).toHaveLength(1);
    expect(at(found, t, 'denial', 'There is no such thing')).toEqual([]);
  });
});
