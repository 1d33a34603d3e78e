import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMatcher, hydrateMatcher } from '../../lib/match/compile';
import { scan } from '../../lib/match/scan';
import type { MatchAliasInput, RawMatch } from '../../lib/match/types';
import { referenceScan } from './reference-matcher';

const RUNS = Number(process.env.FC_RUNS ?? 10000) || 10000;
const SMALL_RUNS = Math.max(100, Math.floor(RUNS / 5));
// ~3 s for 10,000 runs on a 2-core machine; allow for a busy one and for large FC_RUNS.
const TIMEOUT = 60_000 + RUNS * 10;

// Pieces that exercise the rules: names, spaces of every kind, apostrophes,
// hyphens and dashes, suffix letters, digits, accents (precomposed and
// combining), case-folding oddities, invisible chars, astral and lone surrogates.
const FRAGMENTS = [
  'Xi', 'Jin', 'ping', 'xi', 'XI', 'an', 'Putin', 'US', 'us', 'U.S.', 'Mugin', '-5', '5', '0', 'Su', '-27',
  ' ', '  ', '\n', '\t', '\u00a0', '\u202f', '\u2009', "'", '\u2019', '\u02bc', '\u2032', 's', 'S', 'es',
  '-', '\u2010', '\u2013', '\u2014', '\u2212', '.', ',', '"', '\u201c', 'é', 'e\u0301', 'É', 'Élysée',
  '\u00ad', '\u200b', '\u200d', '\ufeff', 'Σ', 'ς', 'σ', 'ß', 'ẞ', 'İ', 'ı', 'i', 'K', '\u212a', 'k',
  '😀', '\ud800', '\udc00', '中', 'Ω', 'a', 'A', 'UAV', 'MQ-9',
];

// What may follow a name: possessives, plurals, hyphenated continuations, numbers.
const SUFFIXES = ["'s", "'S", '\u2019s', "'", "s'", 's', 'S', 'es', "'an", '\u2019an', '-5', '-x', '-', '.1', ',5', '.', ',', 'x', '5', '\u00ads', "'\u00ads", ''];

const fragment = fc.constantFrom(...FRAGMENTS);
const suffix = fc.constantFrom(...SUFFIXES);
const aliasText = fc.array(fragment, { minLength: 1, maxLength: 4 }).map((xs) => xs.join(''));
const aliasInput: fc.Arbitrary<MatchAliasInput> = fc.record(
  {
    text: aliasText,
    entityIds: fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 2 }),
    caseSensitive: fc.boolean(),
    needsContext: fc.boolean(),
  },
  { requiredKeys: ['text', 'entityIds'] },
);
const aliasSet = fc.array(aliasInput, { minLength: 0, maxLength: 6 });

function textFrom(aliases: MatchAliasInput[]): fc.Arbitrary<string> {
  const pieces: fc.Arbitrary<string>[] = [fragment, fc.string({ unit: 'binary', maxLength: 2 })];
  if (aliases.length > 0) {
    const alias = fc.constantFrom(...aliases.map((a) => a.text));
    // The alias as a page may spell it: other case, other spaces, invisible chars inside.
    const respaced = fc
      .tuple(alias, fc.constantFrom(' \u00ad ', '\n\t ', '\u00a0', ' \u200b', '\u2009', '\u00ad'))
      .map(([t, sp]) => t.replace(/ /g, sp));
    const cased = fc.oneof(alias, alias.map((t) => t.toUpperCase()), alias.map((t) => t.toLowerCase()), respaced);
    pieces.push(cased, fc.tuple(cased, suffix).map(([a, b]) => a + b), fc.tuple(cased, suffix).map(([a, b]) => a + b));
  }
  return fc.array(fc.oneof(...pieces), { maxLength: 14 }).map((xs) => xs.join(''));
}

const scenario = aliasSet.chain((aliases) => fc.tuple(fc.constant(aliases), textFrom(aliases)));

function wellFormed(text: string, matches: RawMatch[], aliasCount: number): void {
  let last = 0;
  for (const m of matches) {
    expect(m.start).toBeGreaterThanOrEqual(last);
    expect(m.start).toBeLessThan(m.end);
    expect(m.end).toBeLessThanOrEqual(m.suffixEnd);
    expect(m.suffixEnd).toBeLessThanOrEqual(text.length);
    expect(m.alias).toBeGreaterThanOrEqual(0);
    expect(m.alias).toBeLessThan(aliasCount);
    last = m.suffixEnd;
  }
}

describe('scan (property)', () => {
  it('finds exactly what the naive reference matcher finds', () => {
    fc.assert(
      fc.property(scenario, ([aliases, text]) => {
        const m = hydrateMatcher(compileMatcher(aliases));
        expect(scan(m, text)).toEqual(referenceScan(m, text));
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('agrees with the reference after a JSON round trip of the compiled matcher', () => {
    fc.assert(
      fc.property(scenario, ([aliases, text]) => {
        const m = hydrateMatcher(JSON.parse(JSON.stringify(compileMatcher(aliases))));
        expect(scan(m, text)).toEqual(referenceScan(m, text));
      }),
      { numRuns: SMALL_RUNS },
    );
  }, TIMEOUT);

  it('never throws on arbitrary Unicode, in aliases or in text', () => {
    const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: 'binary-ascii', maxLength: 60 }));
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 8 }), { maxLength: 5 }), anyText, (texts, text) => {
        const m = hydrateMatcher(compileMatcher(texts.map((t) => ({ text: t, entityIds: ['x'] }))));
        wellFormed(text, scan(m, text), m.aliases.length);
      }),
      { numRuns: SMALL_RUNS },
    );
  }, TIMEOUT);

  it('returns sorted, non-overlapping matches inside the text', () => {
    fc.assert(
      fc.property(scenario, ([aliases, text]) => {
        const m = hydrateMatcher(compileMatcher(aliases));
        const matches = scan(m, text);
        wellFormed(text, matches, m.aliases.length);
      }),
      { numRuns: SMALL_RUNS },
    );
  }, TIMEOUT);
});
