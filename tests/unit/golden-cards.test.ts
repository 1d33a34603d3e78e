// The golden cards (issue #16): what the card preview says for every corpus
// entity on the bundled sample page. tests/golden/cards-sample-page.json was
// reviewed by reading; a change in what a card says shows as a diff there
// (`npx tsx scripts/golden-cards.ts --write`, then read the diff).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goldenCards } from '../../scripts/golden-cards-lib';
import { ROOT } from '../../scripts/read-data';

describe('golden cards for the sample page', () => {
  it('the card previews equal the reviewed file', async () => {
    const golden = JSON.parse(readFileSync(join(ROOT, 'tests/golden/cards-sample-page.json'), 'utf8'));
    expect(await goldenCards()).toEqual(golden);
  }, 30_000);

  it('say nothing with an id or an internal name, and at most two caveat lines each', async () => {
    const { cards } = await goldenCards();
    expect(Object.keys(cards).length).toBeGreaterThan(15);
    for (const card of Object.values(cards)) {
      const text = JSON.stringify(card);
      expect(text).not.toMatch(/\b\d{3}_[0-9a-f]{16}\b|\breport \d{3}\b|auto-|ed-[a-z]|anonymous-source|internal-inconsistency|headline-overreach/);
      expect(card.caveats.length + (card.repeats ? 1 : 0)).toBeLessThanOrEqual(2);
    }
  }, 30_000);
});
