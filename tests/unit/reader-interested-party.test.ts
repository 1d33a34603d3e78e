// A reader's report about a conflict the bundled corpus never covered: the
// parties come from data/parties.json, and a new place entity named by a
// party's word ("Armenia") speaks for that party (lib/kb/parties.ts
// partyOfNamed), so one side's accusation about its adversary is labelled as
// such, on both sides' cards. Neighbours that are not adversaries get no such
// caveat.
import { describe, expect, it } from 'vitest';
import { deriveReaderKb } from '../../lib/reader-kb/pipeline';
import { buildKbFromDisk } from '../../scripts/read-data';

const TEXT = `Armenia accuses Azerbaijan of shelling border village

By Mina Park, Harbour Wire, 2 May 2026

Armenia accused Azerbaijan of shelling a village near the border on Thursday, the Armenian defence ministry said. Azerbaijan called the claim false.

North Korea said on Friday that South Korea is preparing large drills along the border and warned of a response. South Korea said the drills were routine.

Norway said that Sweden is preparing large drills along the border and warned of delays for travellers.

The Rapid Support Forces said on Sunday that the Sudanese Armed Forces are responsible for an air strike on a market in Nyala. The Sudanese Armed Forces denied the accusation.
`;

describe('interested parties in a reader’s report on another conflict', () => {
  const derived = deriveReaderKb(buildKbFromDisk(), [{ id: '900_abcdef0123456789', file: 'border.txt', title: TEXT.split('\n')[0]!, text: TEXT, url: null, addedAt: 1, source: 'file' }]);
  const nameOf = new Map(derived.kb.entities.map((e) => [e.id, e.name]));
  const interested = derived.kb.caveats.filter((c) => c.kind === 'interested-party');

  it('labels each side’s accusation about its adversary, with the exact quote and both sides named', () => {
    const pairs = interested.map((c) => c.entities.map((id) => nameOf.get(id)).sort());
    expect(pairs).toContainEqual(['Armenia', 'Azerbaijan']);
    expect(pairs).toContainEqual(['North Korea', 'South Korea']);
    // An armed force named by its demonym and generic words keeps the demonym, so it is the party.
    expect(pairs).toContainEqual(['Rapid Support Forces', 'Sudanese Armed Forces']);
    for (const c of interested) {
      expect(TEXT).toContain(c.quote);
      expect(c.claimant?.name).toMatch(/^(Armenia|North Korea|The Rapid Support Forces)$/);
    }
  });

  it('does not call neighbours adversaries', () => {
    const names = interested.flatMap((c) => c.entities.map((id) => nameOf.get(id)));
    expect(names).not.toContain('Norway');
    expect(names).not.toContain('Sweden');
    expect(interested.some((c) => c.quote.includes('Norway'))).toBe(false);
  });
});
