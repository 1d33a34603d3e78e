// Duplicate reports: the same text, or a republished copy, is not added twice.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DuplicateIndex, jaccard, shingles } from '../../lib/reader-kb/duplicates';
import { ROOT } from '../../scripts/read-data';

const ferry = readFileSync(join(ROOT, 'tests/fixtures/reader/ferry.txt'), 'utf8');
const index = () => {
  const i = new DuplicateIndex();
  i.add({ id: 'a', title: 'Ferry', bundled: false }, ferry);
  return i;
};

describe('duplicate detection', () => {
  it('finds the same text whatever its case, quotes and spacing', () => {
    const copy = ferry.toUpperCase().replace(/ /g, '  ').replace(/'/g, '’');
    expect(index().find(copy)).toMatchObject({ kind: 'same-text', of: { id: 'a' } });
  });

  it('finds a republished copy with an edit and a credit line', () => {
    const copy = `${ferry.replace('on Friday', 'late on Friday')}\nRead more at https://news.example/ferry\n`;
    const d = index().find(copy);
    expect(d).toMatchObject({ kind: 'republished', of: { id: 'a' } });
    expect(d!.similarity).toBeGreaterThan(0.5);
  });

  it('finds a copy inside a longer page (most of the report reappears)', () => {
    const extra = Array.from({ length: 12 }, (_, i) => `Other headline number ${i} about something else entirely in the news today.`).join('\n');
    expect(index().find(`${extra}\n${ferry}\n${extra}`)?.kind).toBe('republished');
  });

  it('does not call a different report on the same subject a duplicate', () => {
    const other = 'Ferry fares rise in Tallinn\n\nThe Tallinn Harbour Authority raised ferry fares by ten percent on Monday. Kadri Saarepuu said fuel prices had forced the change, and that the new terminal would not affect fares before 2028.';
    expect(index().find(other)).toBeNull();
  });

  it('forgets a removed report', () => {
    const i = index();
    i.remove('a');
    expect(i.find(ferry)).toBeNull();
  });

  it('shingles are 5-word runs; Jaccard is shared over all', () => {
    expect([...shingles('one two three four five six')]).toEqual(['one two three four five', 'two three four five six']);
    expect(jaccard(shingles('a b c d e f'), shingles('a b c d e g'))).toBeCloseTo(1 / 3);
  });
});
