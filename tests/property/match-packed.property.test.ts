// The packed matcher (lib/match/packed.ts) that pages receive: hydrating it
// after a JSON round trip gives a matcher that finds the same matches, with
// the same alias entities and flags, as the compiled form it was packed from,
// and the linker's per-entity data reads back the same.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMatcher, hydrateMatcher } from '../../lib/match/compile';
import { packMatcher } from '../../lib/match/packed';
import { scan } from '../../lib/match/scan';
import type { CompiledMatcher, LinkData } from '../../lib/match/types';
import { aliasInputOf, RUNS } from './alias-arbitraries';


const FRAGMENTS = ['Xi', 'Jin', 'ping', 'XI', 'Putin', 'US', 'U.S.', 'Mugin', '-5', 'Su', ' ', '\n', '\u00a0', "'", '\u2019', 's', 'é', 'e\u0301', 'Élysée', '\u00ad', 'Σ', 'ς', 'ß', 'İ', '😀', '中', 'UAV', 'MQ-9', 'a', 'A'];
const fragment = fc.constantFrom(...FRAGMENTS);
// Some ids beyond Latin-1, and with U+0001 (the packed text tables' escape char) followed by hex digits.
const ids = fc.constantFrom(...Array.from({ length: 70 }, (_, i) => (i % 10 === 3 ? `ид${i}\u0001ffff` : i % 10 === 7 ? `e${i}–中` : `e${i}`)));
const aliasInput = aliasInputOf(fragment, ids);
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
    names: c.entities.map((id, i) => `Name of ${id}${i % 2 ? ' Σς 😀 \u00010041 ü' : ''}`),
    related: c.entities.map((_, i) => (i % 3 === 0 ? [] : [(i + 1) % n, (i * 5 + seed) % n])),
    words: c.entities.map((_, i) => (i % 4 === 0 ? [] : [`word${i % 9}`, `w${(i * seed) % 13}`, 'shared', i % 3 ? 'слово' : '\u0001beef'])),
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

  it('keeps its text tables to Latin-1 (one byte per char in V8), and reads them back exactly', () => {
    const names = ['Володимир Зеленський', 'Recep Tayyip Erdoğan', '習近平', 'A\u0001002a B', 'Ünal – “quoted”'];
    const compiled = compileMatcher(names.map((text, i) => ({ text, entityIds: [`id-${text}-${i}`] })));
    const withNames = { ...compiled, link: { ...withLink(compiled, 3).link!, names: [...names], words: compiled.entities.map((_, i) => [names[i]!.split(' ')[0]!]) } };
    const packed = packMatcher(withNames);
    for (const table of [packed.entities, packed.aliasText, packed.link!.names, packed.link!.vocab]) expect(Math.max(...[...table].map((c) => c.charCodeAt(0)))).toBeLessThanOrEqual(0xff);
    const m = hydrateMatcher(JSON.parse(JSON.stringify(packed)));
    expect(m.compiled.entities).toEqual(compiled.entities);
    expect(m.compiled.aliasText).toEqual(compiled.aliasText);
    expect(m.compiled.link!.names).toEqual(names);
    expect(m.compiled.link!.words[0]).toEqual(['Володимир']);
    expect(scan(m, 'Володимир Зеленський and 習近平 met A\u0001002a B.').map((x) => m.alias(x.alias).entityIds)).toEqual([[`id-${names[0]}-0`], [`id-${names[2]}-2`], [`id-${names[3]}-3`]]);
    // A packed matcher from before the escapes (no latin1 flag) reads its tables as they are.
    const raw = { ...packed, latin1: undefined, aliasText: compiled.aliasText.join('\n') };
    expect(hydrateMatcher(raw).alias(3).text).toBe(names[3]);
  });
});
