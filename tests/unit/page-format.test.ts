// Card text helpers (lib/shared/format.ts).
import { describe, expect, it } from 'vitest';
import { claimSpan, formatDate, reasonText, REASON_RULE } from '../../lib/shared/format';

describe('card formatting', () => {
  it('formats full, month-only and year-only dates', () => {
    expect(formatDate('2023-02-24')).toBe('24 February 2023');
    expect(formatDate('2023-03')).toBe('March 2023');
    expect(formatDate('2024')).toBe('2024');
    expect(formatDate('soon')).toBe('soon');
  });

  it('finds a claim’s span from its id and sentence', () => {
    expect(claimSpan('001_5b362b16a11063f8@2635', 'abc')).toEqual({ quoteStart: 2635, quoteEnd: 2638 });
    expect(claimSpan('nonsense', 'abc')).toEqual({});
  });

  it('says why a link was made, for every rule', () => {
    expect(reasonText('alias', 'Putin', 'Putin')).toContain('is a name of this entry');
    expect(reasonText('context-full-name', 'Xi', 'Xi')).toContain('full name appears earlier on this page');
    expect(reasonText('context-nearby', 'Kremlin', 'Kremlin')).toContain('named nearby');
    expect(reasonText('ambiguous', 'Bingo', 'Bingo')).toContain('does not guess');
    expect(reasonText('alias', 'Xi Jinping', 'XI JINPING')).toContain('(the name “Xi Jinping”)');
    expect(Object.keys(REASON_RULE).sort()).toEqual(['alias', 'ambiguous', 'context-full-name', 'context-nearby']);
  });
});
