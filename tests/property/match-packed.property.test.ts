// The packed matcher (lib/match/packed.ts) that pages receive: hydrating it
// after a JSON round trip gives a matcher that finds the same matches, with
// the same alias entities and flags, as the compiled form it was packed from,
// and the linker's per-entity data reads back the same.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMatcher, hydrateMatcher } from '../../lib/match/compile';
import { packMatcher } from '../../lib/match/packed';
import { scan } from '../../lib/match/scan';
import type { CompiledMatcher, LinkData, MatchAliasInput } from '../../lib/match/types';

const RUNS = Math.max(200, Math.floor((Number(process.env.FC_RUNS ?? 10000) || 10000) / 5));

const FRAGMENTS = ['Xi', 'Jin', 'ping', 'XI', 'Putin', 'US', 'U.S.', 'Mugin', '-5', 'Su', ' ', '\n', '\u00a0', "'", '\u2019', 's', 'é', 'e\u0301', 'Élysée', '\u00ad', 'Σ', 'ς', 'ß', 'İ', '😀', '中', 'UAV', 'MQ-9', 'a', 'A'];
const fragment = fc.constantFrom(...FRAGMENTS);
const ids = fc.constantFrom(...Array.from({ length: 70 }, (_, i) => `e${i}`));
const aliasInput: fc.Arbitrary<MatchAliasInput> = fc.record(
  {
    text: fc.array(fragment, { minLength: 1, maxLength: 4 }).map((xs) => xs.join('')),
    entityIds: fc.array(ids, { minLength: 1, maxLength: 3 }),
    caseSensitive: fc.boolean(),
    needsContext: fc.boolean(),
  },
  { requiredKeys: ['text', 'entityIds'] },
);
// Up to a few hundred aliases, so numbers need more than one base-64 digit.
const aliasSet = fc.array(aliasInput, { minLength: 0, maxLength: 120 });
const text = fc.array(fc.oneof(fragment, fc.string({ unit: 'binary', maxLength: 2 })), { maxLength: 40 }).map((xs) => xs.join(' '));

function withLink(c: CompiledMatcher, seed: number): CompiledMatcher {
  const n = c.entities.length;
  const link: LinkData = {
    v: 1,
    aliasBits: c.aliasText.map((_, a) => String.fromCharCode(0x30 + ((a * 7 + seed) % 31))).join(''),
    qualifiers: c.aliasText.length > 2 ? { 1: ['D.C.', 'Ohio'] } : {},
    types: c.entities.map((_, i) => 'plowea'[(i + seed) % 6]).join(''),
    names: c.entities.map((id) => `Name of ${id}`),
    related: c.entities.map((_, i) => (i % 3 === 0 ? [] : [(i + 1) % n, (i * 5 + seed) % n])),
    words: c.entities.map((_, i) => (i % 4 === 0 ? [] : [`word${i % 9}`, `w${(i * seed) % 13}`, 'shared'])),
    shortOf: c.entities.map((_, i) => (i % 2 ? [i % Math.max(1, c.aliasText.length)] : [])),
    lex: { titles: ['President'], honorifics: ['Mr'], ordinaryWords: [], modifiers: [], nameHeads: [], nameSuffixes: [], orgSuffixes: [], placeDesignators: [], regions: [] },
  };
  return { ...c, link };
}

describe('packed matcher (property)', () => {
  it('hydrate(pack(x)) matches like hydrate(x), with the same aliases and linker data', () => {
    fc.assert(
      fc.property(aliasSet, fc.array(text, { minLength: 1, maxLength: 3 }), fc.nat(100), (aliases, texts, seed) => {
        const compiled = withLink(compileMatcher(aliases), seed);
        const plain = hydrateMatcher(compiled);
        const packed = hydrateMatcher(JSON.parse(JSON.stringify(packMatcher(compiled))));
        for (const t of texts) expect(scan(packed, t)).toEqual(scan(plain, t));
        // Every alias probed by its own text, too.
        for (const a of aliases) expect(scan(packed, a.text)).toEqual(scan(plain, a.text));
        expect(packed.aliasCount).toBe(plain.aliasCount);
        for (let a = 0; a < plain.aliasCount; a++) {
          const [p, q] = [packed.alias(a), plain.alias(a)];
          expect(p.entityIds).toEqual(q.entityIds);
          expect([p.caseSensitive, p.needsContext]).toEqual([q.caseSensitive, q.needsContext]);
          // Line breaks inside a name travel as spaces (the matcher treats any white space as one).
          expect(p.text).toBe(q.text.replace(/[\n\r]/g, ' '));
        }
        const [pc, qc] = [packed.compiled, plain.compiled];
        expect(pc.entities).toEqual(qc.entities);
        const [pl, ql] = [pc.link!, qc.link!];
        expect([pl.aliasBits, pl.types, pl.qualifiers, pl.lex]).toEqual([ql.aliasBits, ql.types, ql.qualifiers, ql.lex]);
        expect(pl.names).toEqual(ql.names);
        for (let i = 0; i < qc.entities.length; i++) {
          expect(pl.related[i]).toEqual(ql.related[i]);
          expect(pl.words[i]).toEqual(ql.words[i]);
          expect(pl.shortOf[i]).toEqual(ql.shortOf[i]);
        }
        expect(pl.words.length).toBe(ql.words.length);
        expect(pl.related[qc.entities.length]).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('is deterministic and refuses a malformed packed matcher with a clear error', () => {
    const compiled = compileMatcher([{ text: 'Xi Jinping', entityIds: ['xi'] }, { text: 'Putin', entityIds: ['putin', 'other'] }]);
    expect(JSON.stringify(packMatcher(compiled))).toBe(JSON.stringify(packMatcher(compileMatcher([{ text: 'Xi Jinping', entityIds: ['xi'] }, { text: 'Putin', entityIds: ['putin', 'other'] }]))));
    const broken = { ...packMatcher(compiled), nodeChildCounts: '0' };
    expect(() => hydrateMatcher(broken)).toThrow(/not a backstory-match-packed/);
    expect(() => hydrateMatcher({ ...packMatcher(compiled), termAliases: '!!' })).toThrow();
  });
});
