// Self-repair (issue #17): a corrupt or missing KB record in IndexedDB is
// detected when read (zod), skipped, and put back from the bundled KB in the
// background while everything else keeps working (fake-indexeddb here).
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { buildKb } from '../../lib/kb/build';
import { parseInputs } from '../../lib/kb/inputs';
import { loadKb } from '../../lib/db/kb-store';
import { openBackstoryDb, type BackstoryDatabase } from '../../lib/db/open';
import { createKbService } from '../../lib/background/kb-service';
import { readDataFiles } from '../../scripts/read-data';

const kb = buildKb(parseInputs(readDataFiles()));
let n = 0;
const opened: BackstoryDatabase[] = [];
afterEach(() => {
  opened.splice(0).forEach((db) => db.close());
});

async function setup(options: { gate?: Promise<void> } = {}) {
  const name = `repair-${n++}`;
  const db = await openBackstoryDb(name);
  opened.push(db);
  expect((await loadKb(db, kb)).ok).toBe(true);
  let bundleReads = 0;
  const service = createKbService({
    openDb: () => openBackstoryDb(name).then((h) => (opened.push(h), h)),
    fetchBundle: async () => {
      bundleReads++;
      await options.gate;
      return structuredClone(kb);
    },
    fetchBundleHash: async () => kb.hash,
  });
  return { db, service, bundleReads: () => bundleReads };
}

// Two entities with facts, so one can break while the other keeps working.
const [first, second] = kb.entities.filter((e) => e.facts.length > 0);

describe('KB self-repair', () => {
  it('a corrupt entity record: its card is skipped, the others work, and it is put back from the bundle', async () => {
    let open!: () => void;
    const { db, service } = await setup({ gate: new Promise<void>((resolve) => (open = resolve)) });
    await db.put('entities', { ...first!, name: 42, facts: 'broken' } as never);
    const [bad, good] = await Promise.all([service.card(first!.id), service.card(second!.id)]);
    expect(bad).toBeNull();
    expect(good?.name).toBe(second!.name);
    // The popup says "Repairing the knowledge base" while the bundle is read.
    expect((await service.status()).repairing).toBe(true);
    open();
    await service.repaired();
    expect((await service.status()).repairing).toBe(false);
    expect(await db.get('entities', first!.id)).toEqual(first);
    expect((await service.card(first!.id))?.name).toBe(first!.name);
  });

  it('a missing claim record is detected and put back; the card shows its other facts meanwhile', async () => {
    const { db, service } = await setup();
    const claimId = first!.facts[0]!;
    await db.delete('claims', claimId);
    const card = await service.card(first!.id);
    expect(card?.name).toBe(first!.name);
    await service.repaired();
    expect(await db.get('claims', claimId)).toEqual(kb.claims.find((c) => c.id === claimId));
  });

  it('a corrupt matcher row: the content script’s request waits for the repair instead of getting nothing', async () => {
    const { db, service } = await setup();
    const good = await service.matcher();
    await db.put('matcher', { key: 'active', hash: kb.hash, compiled: { format: 'nope' } } as never);
    const repaired = await service.matcher();
    expect(repaired?.compiled).toEqual(good?.compiled);
    expect(await service.status()).toMatchObject({ repairing: false, error: null });
  });

  it('an id the bundle does not have either is tried once, not on every read', async () => {
    const t = await setup();
    expect(await t.service.card('no-such-entity')).toBeNull();
    await t.service.repaired();
    expect(await t.service.card('no-such-entity')).toBeNull();
    await t.service.repaired();
    expect(t.bundleReads()).toBe(1);
  });
});
