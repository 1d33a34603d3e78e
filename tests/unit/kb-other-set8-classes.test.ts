// Self-serving and interested-party classes found missing on held-out set 8 (#15). Fixture reports written for this
// test (not set 8's text). Controls: a neutral speaker, a forecast's "most likely", the report's own voice, a denial
// that keeps its own quote.
import { describe, expect, it } from 'vitest';
import { denialQuotes as denial, selfServingQuotes as selfServing, interestedQuotes as interested } from '../support/report-caveats';

describe('a body putting the failure on another party (interested party)', () => {
  it('"had been let down by a supplier"', () => {
    const q = interested('Tamba Medical recalled 4,000 blood-sugar meters in May.', 'Its chief executive, Lerato Khumalo, said the company had "been let down by a supplier that did not meet our standards".');
    expect(q.some((x) => x.includes('let down by a supplier'))).toBe(true);
  });

  it('a cause clause naming the other side ("because the municipality had not …")', () => {
    const q = interested('The trams have been idle since June.', 'In a statement, Ostra Rail Systems said the depot had been delayed because the municipality had not secured a power connection.');
    expect(q.some((x) => x.startsWith('because the municipality had not secured'))).toBe(true);
  });

  it('a contractor saying it does not decide, someone else does', () => {
    const q = interested(
      'Lagos Data Systems, which built the register software, said the list was accurate.',
      'Its managing director, Kofi Lamptey, said the firm had followed the brief. "We do not decide who is removed. We flag, and the board decides," he said.',
    );
    expect(q).toContain('We do not decide who is removed');
  });

  it('control: a professor saying the same is no side’s deflection', () => {
    expect(interested('Ama Boateng, a professor of statistics at the university, said: "We do not decide who is removed."')).toEqual([]);
  });

  it('control: the report’s own cause clause', () => {
    expect(interested('The trams stood idle because the municipality had not secured a power connection.')).toEqual([]);
  });
});

describe('a side accusing the other side', () => {
  it('a union accusing a kind of body it does not name ("accused environmental groups of …")', () => {
    const q = interested('The Cattle Growers’ Union of Rio Verde, which represents ranchers in the valley, accused environmental groups of "a campaign to ruin honest farmers".');
    expect(q.some((x) => x.startsWith('accused environmental groups of'))).toBe(true);
  });

  it('control: an economist accusing the same groups', () => {
    expect(interested('Ana Lima, an economist at the state university, accused environmental groups of exaggerating the losses.')).toEqual([]);
  });

  it('an opposition candidate calling the other side’s act "a deliberate attempt to …"', () => {
    const q = interested('The Hohoe district office removed 2,100 names from the roll.', 'The opposition candidate, Ama Owusu of the Green Unity Party, told supporters on Saturday that the cuts were "a deliberate attempt to remove our voters from the roll".');
    expect(q.some((x) => x.includes('a deliberate attempt to remove our voters'))).toBe(true);
  });
});

describe('a body praising its own (self-serving)', () => {
  it('after a denial in the same sentence, each keeps its own quote', () => {
    const text = 'Tema Data Systems dismissed the criticism as "politically motivated" and said its software had "the highest accuracy of any biometric system in East Africa".';
    expect(selfServing('Critics said the list was wrong.', text).some((x) => x.includes('the highest accuracy'))).toBe(true);
    expect(denial('Critics said the list was wrong.', text)).toEqual(['Tema Data Systems dismissed the criticism as "politically motivated"']);
  });

  it('control: a body’s plain second clause with a superlative of size is not praise of its own', () => {
    expect(selfServing('Tema Data Systems lost the contract and said the tender was the biggest in the region.')).toEqual([]);
  });

  it('a quotation standing alone after the speaker’s tagged quote goes on in the speaker’s voice', () => {
    const q = selfServing(
      'Marek Holub, who runs Baltic Crest Shipping with his sister, denied that the firm had known the buyers. "We sold the ships to a buyer who paid in full," he said by telephone. "We have always complied with every sanction, every rule, every time." He added that the firm had never had a problem.',
    );
    expect(q.some((x) => x.includes('We have always complied with every sanction'))).toBe(true);
  });

  it('an interview answer line praising the interviewee’s members', () => {
    const q = selfServing('We spoke to Dana Kim, who chairs the Small Hosts Alliance.', 'Q: Why oppose the bill?', 'A: We publish more than most. Our members are the most efficient operators in the region, and this bill punishes them.');
    expect(q.some((x) => x.startsWith('Our members are the most efficient operators'))).toBe(true);
  });

  it('control: an answer line about someone else’s firms', () => {
    expect(selfServing('We spoke to Dana Kim, who chairs the Small Hosts Alliance.', 'Q: Who gains?', 'A: The biggest firms are the most polluting in the region.')).toEqual([]);
  });

  it('control: an economist’s "we think … the most likely date" is a forecast, not praise', () => {
    expect(selfServing('"The split vote tells you a cut is close," said Ngozi Bello, chief economist at Harbour Peak Securities. "We think March is the most likely date for the first cut."')).toEqual([]);
  });
});
