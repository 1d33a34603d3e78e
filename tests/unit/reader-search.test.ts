// Search (issue #18, lib/reader-kb/search.ts) over the bundled KB and a
// reader's derived KB: what a reader types finds names, claims and report
// text, and each hit opens its report at exactly the text it matched.
import { describe, expect, it } from 'vitest';
import { deriveReaderKb } from '../../lib/reader-kb/pipeline';
import { buildSearchIndex, foldSameLength, locate, searchCorpus } from '../../lib/reader-kb/search';
import { buildKbFromDisk } from '../../scripts/read-data';

const bundled = buildKbFromDisk();
const text = 'Island heritage trust\n\nMaarja Tammeleht said on Monday that the keepers would arrive in December. The ferry will sail on Fridays.';
const mine = deriveReaderKb(bundled, [{ id: '500_00000000000000aa', file: 'keepers.txt', title: 'Island heritage trust', text, url: null, addedAt: 1, source: 'file' }]).kb;
const index = buildSearchIndex(searchCorpus(bundled, mine));
const reportText = (id: string) => [...bundled.reports, ...mine.reports].find((r) => r.id === id)!.text;

describe('search', () => {
  it('finds a reader’s name by the start of a word, without its diacritics or case, and opens its card over its report', () => {
    const hit = index.search('TAMMEL').entities.find((e) => e.name === 'Maarja Tammeleht');
    expect(hit).toBeDefined();
    expect(hit!.open.entity).toBe(hit!.key.slice(2));
    expect(hit!.open.id).toBe('500_00000000000000aa');
  });

  it('finds a bundled name by an alias, and a claim whose quote opens at its sentence', () => {
    const r = index.search('Putin');
    expect(r.entities.map((e) => e.name)).toContain('Vladimir Putin');
    expect(r.claims.length).toBeGreaterThan(0);
    for (const c of r.claims) {
      expect(reportText(c.open.id).slice(c.open.quoteStart, c.open.quoteEnd)).toBe(c.text);
      expect(c.text).toMatch(/Putin/);
    }
  });

  it('finds report text and opens the report at the words it matched', () => {
    const hit = index.search('ferry will sail').reports.find((r) => r.title === 'Island heritage trust');
    expect(hit).toBeDefined();
    expect(text.slice(hit!.open.quoteStart, hit!.open.quoteEnd)).toBe('ferry will sail');
    expect(hit!.snippet).toContain('ferry will sail');
  });

  it('an empty or punctuation-only query finds nothing, and so does a word no report has', () => {
    expect(index.search('  ')).toEqual({ entities: [], claims: [], reports: [] });
    expect(index.search('“…”')).toEqual({ entities: [], claims: [], reports: [] });
    expect(index.search('zzzqqq')).toEqual({ entities: [], claims: [], reports: [] });
  });

  it('a name the bundled KB and the reader’s reports share is listed once', () => {
    const ids = searchCorpus(bundled, bundled).entities.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('folds case and diacritics without moving offsets', () => {
    const s = 'Vahtramäe ÉTÉ İstanbul';
    expect(foldSameLength(s)).toHaveLength(s.length);
    expect(foldSameLength(s)).toBe('vahtramae ete istanbul');
    expect(locate('Lauri Vahtramäe said', 'vahtramae')).toEqual([6, 15]);
    expect(locate('Lauri Vahtramäe said', 'vahtra')).toEqual([6, 15]);
    expect(locate('unrelated', 'vahtra')).toBeNull();
  });
});
