// Duplicate reports: the same text, or a republished copy, is not added twice.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DuplicateIndex, jaccard, shingles, sketchOf } from '../../lib/reader-kb/duplicates';
import { syntheticReaderReports } from '../../scripts/bench/reader-gen';
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

  it('the persistent index (sketches only, texts read for candidates) finds the same duplicates as the texts do', () => {
    const reports = [{ file: 'ferry.txt', text: ferry }, ...syntheticReaderReports(300)];
    const byText = new DuplicateIndex();
    const bySketch = new DuplicateIndex();
    reports.forEach((r, i) => {
      byText.add({ id: `r${i}`, title: r.file, bundled: false }, r.text);
      // What the store keeps: a JSON round trip of the sketch.
      bySketch.addSketch({ id: `r${i}`, title: r.file, bundled: false }, JSON.parse(JSON.stringify(sketchOf(r.text))));
    });
    const extra = Array.from({ length: 12 }, (_, i) => `Other headline number ${i} about something else entirely in the news today.`).join('\n');
    const probes = [
      ferry.replace('on Friday', 'late on Friday'),
      `${extra}\n${ferry}\n${extra}`,
      reports[17]!.text.replace(/Tuesday/g, 'Monday'),
      'Ferry fares rise in Tallinn\n\nThe Tallinn Harbour Authority raised ferry fares by ten percent on Monday. Kadri Saarepuu said fuel prices had forced the change.',
      syntheticReaderReports(1, 99)[0]!.text,
    ];
    for (const text of probes) {
      // Only the stored texts that share much with the probe are read for a check, not all 301 (these synthetic reports share a template).
      const needed = bySketch.needsText(text);
      expect(needed.length).toBeLessThan(reports.length / 10);
      for (const id of needed) bySketch.hydrate(id, reports[Number(id.slice(1))]!.text);
      expect(bySketch.find(text)?.of.id ?? null).toBe(byText.find(text)?.of.id ?? null);
    }
    expect(bySketch.find(probes[0]!)?.of.id).toBe('r0');
    expect(bySketch.find(probes[2]!)?.of.id).toBe('r17');
  });
});
