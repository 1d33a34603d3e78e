// The cards of every corpus entity, as the card and panel receive them
// (lib/kb/card.ts), against tests/golden/cards.json: reviewed by reading,
// committed, and changed on purpose only (UPDATE_GOLDEN=1 rewrites it; read
// the diff before committing it). Compact: what a reader sees, not every field.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CARD_LIMITS, entityCard, memoryReader, type EntityCard } from '../../lib/kb/card';
import { buildKbFromDisk } from '../../scripts/read-data';

const GOLDEN = new URL('../golden/cards.json', import.meta.url);
const kb = buildKbFromDisk();

function compact(card: EntityCard) {
  return {
    id: card.id,
    name: card.name,
    support: card.support,
    facts: card.facts.map((f) => ({ quote: f.quote, report: f.report.id.slice(0, 3), speaker: f.speaker, support: f.support })),
    caveats: card.caveats.map((c) => ({
      kind: c.kind,
      severity: c.severity,
      scope: c.scope,
      label: c.label,
      quote: c.quote,
      report: c.report.id.slice(0, 3),
      evidence: c.evidence?.length ?? 1,
    })),
  };
}

describe('golden cards', async () => {
  const reader = memoryReader(kb);
  const cards = (await Promise.all(kb.entities.map((e) => entityCard(reader, e.id)))).filter((c): c is EntityCard => c !== null);
  const actual = cards.map(compact).sort((a, b) => a.id.localeCompare(b.id));

  it('match the reviewed golden file', () => {
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, `${JSON.stringify(actual, null, 2)}\n`);
    expect(actual).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')));
  });

  it('show at most the card limits, most serious first, and quote each caveat exactly', () => {
    const text = new Map(kb.reports.map((r) => [r.id, r.text]));
    const order = { high: 0, medium: 1, low: 2 } as const;
    for (const card of cards) {
      expect(card.caveats.length).toBeLessThanOrEqual(CARD_LIMITS.caveats);
      expect(card.facts.length).toBeLessThanOrEqual(CARD_LIMITS.facts);
      // Claim caveats first, most serious first; then the report-level ones.
      const claimLevel = card.caveats.filter((c) => c.scope === 'claim');
      expect(card.caveats.slice(0, claimLevel.length)).toEqual(claimLevel);
      for (let i = 1; i < claimLevel.length; i++) expect(order[claimLevel[i - 1]!.severity]).toBeLessThanOrEqual(order[claimLevel[i]!.severity]);
      for (const c of card.caveats) {
        expect(text.get(c.report.id)).toContain(c.quote);
        for (const e of c.evidence ?? []) expect(text.get(e.report.id)).toContain(e.quote);
        // A reader's label, no internal words.
        expect(c.label).not.toMatch(/internal inconsistency|headline overreach|anonymous-source|[a-z]+-[a-z]+-[a-z]+/i);
      }
      // A fact is never the quote of one of the card's caveats.
      for (const f of card.facts) for (const c of card.caveats) if (c.scope === 'claim' && c.severity !== 'low') expect(f.quote.includes(c.quote), `${card.id}: ${c.quote}`).toBe(false);
    }
  });
});
