// Alias inputs for the matcher's property tests (packed and appended forms):
// short texts made of fragments that exercise the matcher's rules (case,
// Unicode forms, invisible chars, possessives, model numbers), with entity ids
// and case/context flags.
import fc from 'fast-check';
import type { MatchAliasInput } from '../../lib/match/types';

/** A fifth of the runs the other property tests make (each run compiles and packs matchers). */
export const RUNS = Math.max(200, Math.floor((Number(process.env.FC_RUNS ?? 10000) || 10000) / 5));

/** An alias input of 1–4 fragments, naming 1–3 of `ids`. */
export function aliasInputOf(fragment: fc.Arbitrary<string>, ids: fc.Arbitrary<string>): fc.Arbitrary<MatchAliasInput> {
  return fc.record(
    {
      text: fc.array(fragment, { minLength: 1, maxLength: 4 }).map((xs) => xs.join('')),
      entityIds: fc.array(ids, { minLength: 1, maxLength: 3 }),
      caseSensitive: fc.boolean(),
      needsContext: fc.boolean(),
    },
    { requiredKeys: ['text', 'entityIds'] },
  );
}
