// Bylines in more shapes (#15 points 3 and 7, lib/kb/extract/meta.ts): a section label in capitals is no outlet
// ("ANALYSIS | X, athletics correspondent | date"), a writer and their beat, a bare name beside an outlet's field
// ("Meera Iyer | The Harbour Ledger"), a liveblog's "— Updates by A and B", an outlet named before an
// edition's note and a dash, more words outlets are called by ("The Millbrook Current"), and "Staff report" as no
// publisher.
import { describe, expect, it } from 'vitest';
import { bylineNames, metaFromText } from '../../lib/kb/extract/meta';

const meta = (...lines: string[]) => metaFromText('900_x', `A headline\n\n${lines.join('\n')}\n\nThe body says something.`);
const names = (...lines: string[]) => bylineNames(`A headline\n\n${lines.join('\n')}\n\nThe body says something.`).map((b) => `${b.role}:${b.text}`);

describe('bylines in more shapes', () => {
  it('a section label in capitals is no outlet; the writer and their beat give the writer; the foot names the outlet', () => {
    const text = 'A headline\n\nANALYSIS | Nikos Pappas, athletics correspondent | Saturday 5 December 2026\n\nThe body says something.\n\nHarbour Sports Review\n';
    expect(bylineNames(text).map((b) => `${b.role}:${b.text}`)).toEqual(['writer:Nikos Pappas']);
    expect(metaFromText('900_x', text).publisher).toBe('Harbour Sports Review');
  });

  it('a bare name beside an outlet’s field is the writer', () => {
    expect(names('Meera Iyer | The Harbour Ledger', 'New Delhi, 3 December 2026')).toEqual(['writer:Meera Iyer', 'outlet:The Harbour Ledger']);
  });

  it('a liveblog’s "— Updates by A and B" names two writers; its header names the outlet before the edition and a dash', () => {
    expect(names('— Updates by Lena Kraus and Tobias Öhler')).toEqual(['writer:Lena Kraus', 'writer:Tobias Öhler']);
    expect(meta('Valley Herald (English edition) — live updates').publisher).toBe('Valley Herald');
  });

  it('more words outlets are called by', () => {
    expect(meta('By Tom Reyes, The Millbrook Current', 'December 4, 2026').publisher).toBe('The Millbrook Current');
  });

  it('control: "Staff report | date" names no publisher, and two sentence-case fields make no writer', () => {
    expect(meta('Staff report | 3 December 2026').publisher).toBe('unknown');
    expect(names('Live coverage | Harbour Wire')).not.toContain('writer:Live coverage');
  });
});
