// A press release is its issuer's own account (#15 point 2): recognised by how it opens in the issuer's voice
// ("X today issued the following statement") or by an "About X" boilerplate about the organisation it opens on, even
// when an outlet republishes it. Fixture reports written for this test; controls: a news report quoting a company, a
// company's "is pleased to announce" inside a quotation, a news report that merely names an "About" section.
import { describe, expect, it } from 'vitest';
import { caveatsOf, report } from '../support/report-caveats';

const releases = (text: string) => caveatsOf(text).filter((c) => c.kind === 'self-serving' && c.label === 'Press release');

describe('a press release without a release line', () => {
  it('is recognised by its issuer’s "today issued the following statement", with its self-praise as evidence', () => {
    const text = report(
      'Norvane Robotics responds to safety ruling',
      'This article first appeared on Harbour Tech Daily.',
      'OSLO, 3 May 2026 - Norvane Robotics AS, Norway’s leading maker of warehouse robots, today issued the following statement in response to the ruling by the Labour Inspection Authority.',
      'Norvane Robotics has always put worker safety first and believes its robots are the safest in the industry.',
      'The company will appeal the ruling, it said.',
    );
    const found = releases(text);
    expect(found).toHaveLength(1);
    expect(found[0]!.quote).toMatch(/today issued the following statement/);
    expect(found[0]!.explanation).toMatch(/^This is Norvane Robotics’ own press release/);
  });

  it('is recognised by an "About X" boilerplate about the organisation it opens on; an outlet’s note after it is not the issuer’s', () => {
    const text = report(
      'Tallis Foods recalls oat bars',
      'LEEDS, 3 May 2026 - Tallis Foods Ltd said it would recall 40,000 oat bars after a labelling error.',
      'About Tallis Foods\nFounded in 1998, Tallis Foods Ltd is the most trusted name in British cereal bars.',
      'Editor’s note (Yorkshire Grocer): A shopper told the Grocer the bars were the best value in the shop.',
    );
    const found = caveatsOf(text).filter((c) => c.kind === 'self-serving' && c.label === 'Press release');
    expect(found).toHaveLength(1);
    expect(found[0]!.quote).toBe('About Tallis Foods');
  });
});

describe('what is not a press release', () => {
  it('control: a news report quoting a company', () => {
    const text = report(
      'Norvane Robotics fined over warehouse injuries',
      'By Kari Dahl | Harbour Tech Daily | 3 May 2026',
      'Norvane Robotics AS was fined 2 million kroner on Tuesday after two workers were injured.',
      '"We are pleased to announce a new safety programme," said chief executive Ola Berg.',
    );
    expect(releases(text)).toEqual([]);
  });

  it('control: an "About" heading about a body the report does not open on', () => {
    const text = report(
      'Port strike enters second week',
      'By Kari Dahl | Harbour Tech Daily | 3 May 2026',
      'Dock workers in Bergen stayed out for a seventh day on Monday, the union said.',
      'About the Bergen Port Authority\nThe Bergen Port Authority runs the harbour and is the largest employer in the district.',
    );
    expect(releases(text)).toEqual([]);
  });
});
