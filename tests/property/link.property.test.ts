// Property of the page linker (lib/link): a page with no KB context around an
// ambiguous alias (a widely shared name or a bare surname, from the KB's own
// alias data) links none of it, whatever the filler text, the title, the
// position or the number of repetitions.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLinkState } from '../../lib/link/linker';
import { scan } from '../../lib/match/scan';
import type { Matcher } from '../../lib/match/compile';
import { linkText } from '../../lib/link/linker';
import { spotText, useLinker } from '../../lib/page/core/spot';
import { pageMatcher } from '../../scripts/kb-spot';
import { buildKbFromDisk } from '../../scripts/read-data';

const RUNS = Math.max(100, Math.floor((Number(process.env.FC_RUNS ?? 1000) || 1000) / 5));

const FILLER = ('the a town council met on tuesday to discuss parking and the new library garden her brother said it was cold ' +
  'Harbour Street market Jenny Lind Bakery The Festival opened sunny rain later Maple Road School choir sang and everyone clapped ' +
  'prices rose slightly Tom Baker won the pie contest again while visitors from the coast queued for tickets').split(' ');

let matcher: Matcher;
let ambiguous: string[];

beforeAll(() => {
  useLinker(linkText);
  matcher = pageMatcher(buildKbFromDisk());
  const bits = matcher.compiled.link!.aliasBits;
  // Aliases the KB marks as short forms or widely shared, with an entity.
  ambiguous = matcher.aliases.map((a, i) => ({ a, b: bits.charCodeAt(i) - 48 })).filter(({ a, b }) => a.entityIds.length > 0 && b & 3).map(({ a }) => a.text);
});

describe('linker property', () => {
  it('the filler itself names nothing in the KB', () => {
    expect(scan(matcher, FILLER.join(' '))).toEqual([]);
    expect(ambiguous.length).toBeGreaterThan(10);
  });

  it('never throws on any text, and every link and rejection points at its own words', () => {
    const names = ['Putin', 'Moscow', 'Xi', 'Hunter Biden', 'Washington', ', Ohio', ' Mule', 'XI', '(', ')', '[', ']', '—', 'kyiv, ', 'President ', 'Jr.', '’s', '\u00ad', ' '];
    const piece = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(...names, ...FILLER));
    fc.assert(
      fc.property(fc.array(fc.array(piece, { maxLength: 12 }).map((p) => p.join(' ')), { maxLength: 5 }), fc.string({ maxLength: 20 }), (blocks, title) => {
        const state = createLinkState(title);
        for (const b of blocks) {
          for (const l of spotText(matcher, b, state)) expect(b.slice(l.start, l.end)).toBe(l.surface);
          for (const r of state.rejected) expect(r.start).toBeLessThan(r.end);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('an ambiguous alias with no other KB evidence on the page is never linked', () => {
    const words = fc.array(fc.constantFrom(...FILLER), { minLength: 0, maxLength: 25 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), words, fc.array(fc.tuple(words, fc.constantFrom('.', ',', '', ' —', ':')), { minLength: 1, maxLength: 4 }), fc.constantFrom('', '. ', '\n'), (pick, title, parts, sep) => {
        const alias = ambiguous[pick % ambiguous.length]!;
        const state = createLinkState(title.join(' '));
        // Blocks of filler, the alias once or more, anywhere in them.
        const blocks = parts.map(([w, punct]) => {
          const at = w.length ? pick % (w.length + 1) : 0;
          return [...w.slice(0, at), alias + punct, ...w.slice(at)].join(' ') + sep;
        });
        const links = blocks.flatMap((b) => spotText(matcher, b, state));
        expect(links.map((l) => [l.surface, l.entityId])).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});
