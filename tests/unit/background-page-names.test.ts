// Per-install names in pages (lib/background/page-names.ts): random, valid,
// stored once, replaced when the stored record is corrupt.
import { describe, expect, it } from 'vitest';
import { ensurePageNames, makePageNames, PAGE_NAMES_KEY } from '../../lib/background/page-names';
import { HIGHLIGHT_KINDS } from '../../lib/page/core/highlight-css';

function memoryStorage(initial: Record<string, unknown> = {}) {
  const data = { ...initial };
  return { data, get: async (k: string) => (k in data ? { [k]: data[k] } : {}), set: async (items: Record<string, unknown>) => void Object.assign(data, items) };
}

describe('page names', () => {
  it('are random per install: no fixed word, unique highlight names, a valid custom element tag', () => {
    const a = makePageNames();
    const b = makePageNames();
    expect(a.highlights).not.toEqual(b.highlights);
    expect(a.host).not.toBe(b.host);
    const names = HIGHLIGHT_KINDS.map((k) => a.highlights[k]);
    expect(new Set(names).size).toBe(HIGHLIGHT_KINDS.length);
    for (const n of names) {
      expect(n).toMatch(/^[a-z][a-z0-9]{9}$/);
      expect(n).not.toMatch(/backstory/);
    }
    expect(a.host).toMatch(/^[a-z]+-[a-z]+$/);
  });

  it('are made once and kept', async () => {
    const storage = memoryStorage();
    const first = await ensurePageNames(storage);
    expect(storage.data[PAGE_NAMES_KEY]).toEqual(first);
    expect(await ensurePageNames(storage)).toEqual(first);
  });

  it('a corrupt stored record is replaced by fresh names', async () => {
    const storage = memoryStorage({ [PAGE_NAMES_KEY]: { highlights: { person: '</style>' }, host: 'div' } });
    const names = await ensurePageNames(storage);
    expect(names.host).toMatch(/^[a-z]+-[a-z]+$/);
    expect(storage.data[PAGE_NAMES_KEY]).toEqual(names);
  });
});
