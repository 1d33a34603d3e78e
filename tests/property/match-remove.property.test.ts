// Taking names out of a compiled matcher (lib/match/append.ts
// `removeFromMatcher`, what a deleted report's new names go through until the
// next full compile): the matcher marks what compiling the remaining aliases
// from scratch marks, never a removed entity; also after packing, and with
// names appended after the removal.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeMatchers, removeFromMatcher, unpackCompiled } from '../../lib/match/append';
import { compileMatcher, hydrateMatcher, type Matcher } from '../../lib/match/compile';
import { defaultCaseSensitive, aliasKeyVariants } from '../../lib/match/chars';
import { packMatcher } from '../../lib/match/packed';
import { scan } from '../../lib/match/scan';
import type { MatchAliasInput } from '../../lib/match/types';
import { aliasInputOf, RUNS } from './alias-arbitraries';

const FRAGMENTS = ['Xi', 'Jin', 'ping', 'XI', 'Putin', 'US', 'U.S.', 'Mugin', '-5', 'Su', ' ', '\u00a0', "'", '\u2019', 's', 'é', 'e\u0301', 'Élysée', '\u00ad', 'Σ', 'ς', 'ß', 'İ', '😀', '中', 'UAV', 'MQ-9', 'a', 'A'];
const fragment = fc.constantFrom(...FRAGMENTS);
const ID_LIST = Array.from({ length: 12 }, (_, i) => `e${i}`);
const aliasInput = aliasInputOf(fragment, fc.constantFrom(...ID_LIST));
const text = fc.array(fc.oneof(fragment, fc.string({ unit: 'binary', maxLength: 2 })), { maxLength: 40 }).map((xs) => xs.join(' '));

function marks(m: Matcher, t: string, exact: boolean) {
  return scan(m, t).map((x) => {
    const a = m.alias(x.alias);
    return exact ? [x.start, x.end, x.suffixEnd, a.entityIds, a.caseSensitive, a.needsContext] : [x.start, x.end, a.entityIds, a.caseSensitive];
  });
}

/** The inputs without the removed entities (an input left naming none is dropped). */
function remaining(inputs: readonly MatchAliasInput[], removed: ReadonlySet<string>): MatchAliasInput[] {
  return inputs.map((x) => ({ ...x, entityIds: x.entityIds.filter((e) => !removed.has(e)) })).filter((x) => x.entityIds.length > 0);
}

const mergeKey = (x: MatchAliasInput) => {
  const k = aliasKeyVariants(x.text)[0];
  if (!k) return null;
  return (x.caseSensitive ?? defaultCaseSensitive(x.text)) ? `C${k.exact}` : `I${k.folded}`;
};

describe('taking names out of a matcher (property)', () => {
  it('marks what the remaining aliases compiled from scratch mark (spans and entities; every flag where no removed name shared the alias)', () => {
    fc.assert(
      fc.property(fc.array(aliasInput, { maxLength: 60 }), fc.subarray(ID_LIST, { maxLength: 6 }), fc.array(aliasInput, { maxLength: 10 }), fc.array(text, { minLength: 1, maxLength: 3 }), (inputs, gone, later, texts) => {
        const removed = new Set(gone);
        const base = compileMatcher(inputs);
        const out = removeFromMatcher(base, gone.map((id) => [id, null] as const));
        const whole = hydrateMatcher(compileMatcher(remaining(inputs, removed)));
        const plain = hydrateMatcher(out);
        const packed = hydrateMatcher(JSON.parse(JSON.stringify(packMatcher(out))));
        // Merge groups a removed entity shared with a kept one keep the flags they were compiled with.
        const shared = new Set(inputs.filter((x) => x.entityIds.some((e) => removed.has(e))).map(mergeKey));
        const exact = !inputs.some((x) => x.entityIds.some((e) => !removed.has(e)) && shared.has(mergeKey(x)));
        for (const t of [...texts, ...inputs.map((x) => x.text)]) {
          expect(marks(plain, t, exact)).toEqual(marks(whole, t, exact));
          expect(marks(packed, t, exact)).toEqual(marks(whole, t, exact));
          for (const m of scan(plain, t)) expect(plain.alias(m.alias).entityIds.some((e) => removed.has(e))).toBe(false);
        }
        // Names appended after the removal (a removed id may come back): as the remaining and the later ones compiled at once.
        const again = hydrateMatcher(mergeMatchers(unpackCompiled(packMatcher(out)), compileMatcher(later)));
        const wholeAgain = hydrateMatcher(compileMatcher([...remaining(inputs, removed), ...later]));
        for (const t of [...texts, ...later.map((x) => x.text)]) expect(marks(again, t, false).map((m) => m.slice(0, 2))).toEqual(marks(wholeAgain, t, false).map((m) => m.slice(0, 2)));
        // Names taken out of an appended delta (the head's `delta`) are not inserted by the next merge.
        const delta = removeFromMatcher(compileMatcher(inputs), gone.map((id) => [id, null] as const));
        const viaDelta = hydrateMatcher(mergeMatchers(compileMatcher(later), delta));
        const wholeDelta = hydrateMatcher(compileMatcher([...later, ...remaining(inputs, removed)]));
        for (const t of [...texts, ...inputs.map((x) => x.text)]) expect(marks(viaDelta, t, false).map((m) => m.slice(0, 2))).toEqual(marks(wholeDelta, t, false).map((m) => m.slice(0, 2)));
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('an alias loses only the entity it is removed from (by alias text, folded as the matcher folds)', () => {
    const base = compileMatcher([
      { text: 'Rebane', entityIds: ['anu'] },
      { text: 'Rebane', entityIds: ['mart'] },
      { text: 'Anu Rebane', entityIds: ['anu'] },
    ]);
    const out = hydrateMatcher(removeFromMatcher(base, [['anu', ['REBANE']]]));
    const found = (t: string) => scan(out, t).map((m) => [t.slice(m.start, m.end), out.alias(m.alias).entityIds]);
    expect(found('Rebane and Anu Rebane')).toEqual([
      ['Rebane', ['mart']],
      ['Anu Rebane', ['anu']],
    ]);
  });
});
