// Loading the KB into IndexedDB (fake-indexeddb here; the real one is tested in Chromium).
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { buildKb } from '../../lib/kb/build';
import { entityCard, memoryReader } from '../../lib/kb/card';
import { kbStats, type KbDocument } from '../../lib/kb/document';
import { parseInputs } from '../../lib/kb/inputs';
import { activeKbMeta, dbReader, loadKb } from '../../lib/db/kb-store';
import { openBackstoryDb, type BackstoryDatabase } from '../../lib/db/open';
import { createKbService } from '../../lib/background/kb-service';
import { readDataFiles } from '../../scripts/read-data';

const kb = buildKb(parseInputs(readDataFiles()));
let n = 0;
const opened: BackstoryDatabase[] = [];
async function freshDb(): Promise<BackstoryDatabase> {
  const db = await openBackstoryDb(`test-${n++}`);
  opened.push(db);
  return db;
}
afterEach(() => {
  opened.splice(0).forEach((db) => db.close());
});

/** A different KB: one entity fewer and a new hash. */
function smallerKb(): KbDocument {
  const copy = structuredClone(kb);
  copy.entities = copy.entities.slice(1);
  copy.hash = 'different';
  return copy;
}

describe('KB in IndexedDB', () => {
  it('loads the bundled KB with the counts the CLI prints', async () => {
    const db = await freshDb();
    const result = await loadKb(db, kb);
    expect(result.ok && result.loaded).toBe(true);
    expect((await activeKbMeta(db))?.stats).toEqual(kbStats(kb));
    expect(await db.count('entities')).toBe(kb.entities.length);
    expect(await db.count('claims')).toBe(kb.claims.length);
  });

  it('serves the same card from IndexedDB as the CLI builds in memory', async () => {
    const db = await freshDb();
    await loadKb(db, kb);
    expect(await entityCard(dbReader(db), 'xi-jinping')).toEqual(await entityCard(memoryReader(kb), 'xi-jinping'));
    expect(await dbReader(db).findByName('putin')).toEqual(['vladimir-putin']);
  });

  it('does not reload an unchanged KB', async () => {
    const db = await freshDb();
    await loadKb(db, kb, { now: 1 });
    const again = await loadKb(db, kb, { now: 2 });
    expect(again.ok && again.loaded).toBe(false);
    expect((await activeKbMeta(db))?.loadedAt).toBe(1);
  });

  it('swaps in a new KB whole and keeps the reader’s own data', async () => {
    const db = await freshDb();
    await loadKb(db, kb);
    await db.add('corrections', { kbHash: kb.hash, entity: 'xi-jinping', kind: 'note', text: 'mine', url: 'https://example.org', createdAt: 1 });
    await db.put('seenReports', { report: kb.reports[0]!.id, seenAt: 1 });
    const next = smallerKb();
    const result = await loadKb(db, next);
    expect(result.ok).toBe(true);
    expect(await db.count('entities')).toBe(next.entities.length);
    expect(await db.get('entities', kb.entities[0]!.id)).toBeUndefined();
    expect((await activeKbMeta(db))?.hash).toBe('different');
    expect(await db.count('corrections')).toBe(1);
    expect(await db.count('seenReports')).toBe(1);
  });

  it('rejects a KB that fails validation and keeps the previous one', async () => {
    const db = await freshDb();
    await loadKb(db, kb);
    const broken = { ...structuredClone(kb), hash: 'broken', entities: [{ id: 'x' }] };
    const result = await loadKb(db, broken);
    expect(result).toMatchObject({ ok: false, error: 'invalid' });
    expect(result.ok ? '' : result.message).toMatch(/failed validation at entities\.0\./);
    expect((await activeKbMeta(db))?.hash).toBe(kb.hash);
    expect(await db.count('entities')).toBe(kb.entities.length);
  });

  it('reports a full disk and leaves the previous KB whole', async () => {
    const db = await freshDb();
    await loadKb(db, kb);
    // idb wraps IDBObjectStore; patch the underlying prototype's put for one load.
    const proto = IDBObjectStore.prototype;
    const realPut = proto.put;
    proto.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'caveats') throw new DOMException('Quota exceeded', 'QuotaExceededError');
      return realPut.apply(this, args);
    };
    try {
      const result = await loadKb(db, smallerKb());
      expect(result).toMatchObject({ ok: false, error: 'quota' });
    } finally {
      proto.put = realPut;
    }
    expect((await activeKbMeta(db))?.hash).toBe(kb.hash);
    expect(await db.count('entities')).toBe(kb.entities.length);
    expect(await db.count('claims')).toBe(kb.claims.length);
  });
});

describe('background KB service', () => {
  it('loads on install, answers lookups, and rebuilds a missing KB with a notice', async () => {
    let fetches = 0;
    const name = `svc-${n++}`;
    const env = { openDb: () => openBackstoryDb(name), fetchBundle: async () => (fetches++, structuredClone(kb)) };
    const service = createKbService(env);
    const status = await service.refresh('install');
    expect(status.meta?.stats).toEqual(kbStats(kb));
    expect(status.notice).toBeNull();
    expect((await service.card('vladimir-putin'))?.name).toBe('Vladimir Putin');
    expect((await service.matcher())?.hash).toBe(kb.hash);

    // A later wake-up with an intact KB does not reload it.
    const woken = createKbService(env);
    expect((await woken.status()).meta?.hash).toBe(kb.hash);
    expect(fetches).toBe(1);

    // The KB stores emptied (a corrupted or cleared database): rebuilt from the bundle, with a notice.
    const db = await env.openDb();
    await db.clear('meta');
    db.close();
    const repaired = createKbService(env);
    const after = await repaired.status();
    expect(after.meta?.hash).toBe(kb.hash);
    expect(after.notice).toMatch(/rebuilt/);
    expect(fetches).toBe(2);
  });
});
