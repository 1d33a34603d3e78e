// Appending to a compiled matcher (lib/match/append.ts): the base's trie with
// the delta's keys inserted matches what compiling both alias lists at once
// matches (same spans, same entities in the same order, same case and context
// flags), also after packing; the linker's data of both reads back, the
// delta's after the base's.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendToPacked, mergeMatchers } from '../../lib/match/append';
import { compileMatcher, hydrateMatcher, type Matcher } from '../../lib/match/compile';
import { packMatcher } from '../../lib/match/packed';
import { scan } from '../../lib/match/scan';
import type { CompiledMatcher, LinkData } from '../../lib/match/types';
import { aliasInputOf, RUNS } from './alias-arbitraries';


const FRAGMENTS = ['Xi', 'Jin', 'ping', 'XI', 'Putin', 'US', 'U.S.', 'Mugin', '-5', 'Su', ' ', '\u00a0', "'", '\u2019', 's', 'é', 'e\u0301', 'Élysée', '\u00ad', 'Σ', 'ς', 'ß', 'İ', '😀', '中', 'UAV', 'MQ-9', 'a', 'A'];
const fragment = fc.constantFrom(...FRAGMENTS);
const ids = fc.constantFrom(...Array.from({ length: 30 }, (_, i) => `e${i}`));
const aliasInput = aliasInputOf(fragment, ids);
const text = fc.array(fc.oneof(fragment, fc.string({ unit: 'binary', maxLength: 2 })), { maxLength: 40 }).map((xs) => xs.join(' '));

/** What a page sees of a scan: spans, the alias's entities and its case and context rules. */
function marks(m: Matcher, t: string) {
  return scan(m, t).map((x) => {
    const a = m.alias(x.alias);
    return [x.start, x.end, x.suffixEnd, a.entityIds, a.caseSensitive, a.needsContext];
  });
}

function withLink(c: CompiledMatcher, tag: string): CompiledMatcher {
  const link: LinkData = {
    v: 1,
    aliasBits: c.aliasText.map((_, a) => String.fromCharCode(0x30 + (a % 31))).join(''),
    qualifiers: {},
    types: c.entities.map((_, i) => 'plowea'[i % 6]).join(''),
    names: c.entities.map((id) => `${tag} ${id}`),
    related: c.entities.map((_, i) => (i > 0 ? [i - 1] : [])),
    words: c.entities.map((id) => [`${tag}-${id}`]),
    shortOf: c.entities.map(() => []),
    lex: { titles: ['President'], honorifics: [], ordinaryWords: [], modifiers: [], nameHeads: [], nameSuffixes: [], orgSuffixes: [], placeDesignators: [], regions: [] },
  };
  return { ...c, link };
}

describe('appending to a matcher (property)', () => {
  it('base + delta matches like both compiled at once, packed or not', () => {
    fc.assert(
      fc.property(fc.array(aliasInput, { maxLength: 60 }), fc.array(aliasInput, { maxLength: 20 }), fc.array(text, { minLength: 1, maxLength: 3 }), (a, b, texts) => {
        const whole = hydrateMatcher(compileMatcher([...a, ...b]));
        const merged = mergeMatchers(withLink(compileMatcher(a), 'base'), withLink(compileMatcher(b), 'delta'));
        const plain = hydrateMatcher(merged);
        const packed = hydrateMatcher(JSON.parse(JSON.stringify(appendToPacked(packMatcher(withLink(compileMatcher(a), 'base')), withLink(compileMatcher(b), 'delta')))));
        for (const t of [...texts, ...a.map((x) => x.text), ...b.map((x) => x.text)]) {
          expect(marks(plain, t)).toEqual(marks(whole, t));
          expect(marks(packed, t)).toEqual(marks(whole, t));
        }
        // The linker's data: one entry per alias and entity, the delta's new entities named as the delta named them.
        const link = merged.link!;
        expect(link.aliasBits.length).toBe(merged.aliasText.length);
        expect(link.names.length).toBe(merged.entities.length);
        merged.entities.forEach((id, i) => expect(link.names[i]).toBe(compileMatcher(a).entities.includes(id) ? `base ${id}` : `delta ${id}`));
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
