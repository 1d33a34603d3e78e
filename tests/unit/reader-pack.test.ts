// The KB pack file: what a reader exports and imports, and what `kb add` writes.
import { describe, expect, it } from 'vitest';
import { emptyPack, PACK_FORMAT, parsePack, parsePackText } from '../../lib/reader-kb/pack';

const report = (over: Record<string, unknown> = {}) => ({
  id: '500_0123456789abcdef',
  file: 'ferry.txt',
  title: 'Harbour board approves a terminal',
  text: 'Harbour board approves a terminal\n\nThe board approved it.',
  url: null,
  addedAt: 1,
  source: 'file',
  ...over,
});
const pack = (over: Record<string, unknown> = {}) => ({ ...emptyPack(5), reports: [report()], ...over });

describe('pack schema', () => {
  it('accepts a well-formed pack and fills defaults', () => {
    const parsed = parsePack({ format: PACK_FORMAT, version: 1, createdAt: 3, reports: [report({ url: undefined, source: undefined })] });
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.pack.reports[0]!.url).toBeNull();
      expect(parsed.pack.reports[0]!.source).toBe('file');
      expect(parsed.pack.entities).toEqual([]);
    }
  });

  it('says a file is not a pack when it is not JSON or has no format', () => {
    expect(parsePackText('{not json')).toEqual({ ok: false, error: 'Not a Backstory pack: the file is not JSON.' });
    expect(parsePack({ reports: [] })).toMatchObject({ ok: false, error: expect.stringMatching(/^Not a Backstory pack/) });
    expect(parsePack([1, 2])).toMatchObject({ ok: false, error: expect.stringMatching(/^Not a Backstory pack/) });
  });

  it('names the version it cannot read', () => {
    expect(parsePack({ ...pack(), version: 2 })).toEqual({ ok: false, error: 'This pack is version 2; this Backstory reads version 1.' });
  });

  it('names the field that is wrong', () => {
    expect(parsePack(pack({ reports: [report({ id: 'x' })] }))).toMatchObject({ ok: false, error: expect.stringContaining('reports.0.id') });
    expect(parsePack(pack({ reports: [report({ text: '' })] }))).toMatchObject({ ok: false, error: expect.stringContaining('reports.0.text') });
    expect(parsePack(pack({ reports: [report(), report({ title: 'other' })] }))).toMatchObject({ ok: false, error: expect.stringContaining('used twice') });
  });

  it('refuses fields it does not know (a pack cannot carry facts past the pipeline)', () => {
    expect(parsePack(pack({ claims: [{ text: 'made up' }] })).ok).toBe(false);
    expect(parsePack(pack({ reports: [report({ facts: ['made up'] })] })).ok).toBe(false);
  });

  it('round-trips through JSON', () => {
    const p = parsePack(pack());
    expect(p.ok).toBe(true);
    if (p.ok) expect(parsePackText(JSON.stringify(p.pack))).toEqual(p);
  });
});
