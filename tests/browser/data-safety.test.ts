// Data safety in real Chromium IndexedDB (what fake-indexeddb cannot show):
// a KB update keeps the reader's settings, per-site choices and corrections; a
// KB load interrupted by the service worker being killed mid-transaction
// leaves the previous KB in use, whole; a deleted database or a cleared meta
// store is rebuilt from the bundle with a notice; a quota error is reported and
// loses nothing else.
//
// How: a temporary copy of the built extension is loaded over CDP
// (Extensions.loadUnpacked). An "update" rewrites the copy's kb/kb.json and
// loads the same path again: Chrome treats that as an update of the same
// extension (same id; runtime.onInstalled with reason 'update'), and the real
// background code loads the new KB. Everything is observed from an extension
// page with the raw IndexedDB and storage APIs, and the background's kbStatus
// message; nothing test-only is built into the extension.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS, EXTENSION_DIR, ROOT, serveDir, waitFor, type StaticServer } from './harness';
import { inContentWorld } from '../support/content-world';
import { CHANGED_PREFERENCES } from '../support/settings';
import { CHROME_EXTENSION_DIR } from './hostile-harness';

interface KbStatusReply {
  meta: { hash: string; stats: Record<string, number> } | null;
  notice: string | null;
  error: string | null;
}

type KbDoc = { hash: string; entities: { id: string; description: string }[]; claims: Record<string, unknown>[] } & Record<string, unknown>;

const SETTINGS = {
  enabled: true,
  siteMode: 'all-except',
  blockedSites: ['127.0.0.1', 'tabloid.example'],
  allowedSites: ['news.example'],
  ...CHANGED_PREFERENCES,
};

const CORRECTIONS = [
  { kbHash: 'h', entity: 'vladimir-putin', kind: 'note', text: 'My own note', url: 'https://news.example/a', createdAt: 1 },
  { kbHash: 'h', entity: 'xi-jinping', kind: 'wrong-link', text: 'Not him', url: 'https://news.example/b', createdAt: 2 },
];
const SEEN = [
  { report: '001_5b362b16a11063f8', seenAt: 10 },
  { report: '003_8ab120d12b74d05f', seenAt: 20 },
];

describe('data safety (real IndexedDB in Chromium)', () => {
  let context: BrowserContext;
  let browserCdp: CDPSession;
  let userDataDir: string;
  let extDir: string;
  let server: StaticServer;
  let id = '';
  let page: Page;
  let original: KbDoc;

  const origin = () => `chrome-extension://${id}`;

  /** A page in the extension's origin, to read IndexedDB and storage and to send messages. */
  async function control(): Promise<Page> {
    if (page && !page.isClosed()) return page;
    page = await context.newPage();
    await page.goto(`${origin()}/manifest.json`);
    return page;
  }

  /** Delete the extension's database from its own origin (the background closes its connection on versionchange, so the delete is not blocked for long). */
  async function deleteDatabase(): Promise<void> {
    await (await control()).evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.deleteDatabase('backstory');
          req.onsuccess = () => resolve();
          req.onerror = () => reject(req.error);
        }),
    );
  }

  /** Restart the worker (as after 30 s idle); its next lookup rebuilds the KB (`hash`) from the bundle, with a notice. */
  async function expectRebuiltAfterRestart(hash: string): Promise<void> {
    await killServiceWorker();
    const s = await waitFor(async () => {
      const st = await status();
      return st.meta ? st : null;
    }, { what: 'the rebuilt KB', timeout: 30_000 });
    expect(s.meta!.hash).toBe(hash);
    expect(s.notice).toMatch(/missing|rebuilt/i);
  }

  async function status(): Promise<KbStatusReply> {
    const p = await control();
    const reply = (await p.evaluate(() =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ id: 1, type: 'kbStatus', data: undefined, timestamp: Date.now() }),
    )) as { res?: KbStatusReply; err?: { message?: string } };
    if (reply.err) throw new Error(`kbStatus failed: ${reply.err.message ?? JSON.stringify(reply.err)}`);
    return reply.res!;
  }

  /** Raw IndexedDB reads, without ever creating the database. */
  async function db(): Promise<{ exists: boolean; stores: string[]; meta: { hash: string } | null; counts: Record<string, number>; corrections: unknown[]; seen: unknown[] }> {
    const p = await control();
    return p.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const req = indexedDB.open('backstory');
          let created = false;
          req.onupgradeneeded = () => {
            created = true;
            req.transaction!.abort();
          };
          req.onerror = () => (created ? resolve({ exists: false, stores: [], meta: null, counts: {}, corrections: [], seen: [] }) : reject(req.error));
          req.onsuccess = () => {
            const d = req.result;
            const stores = [...d.objectStoreNames];
            const out = { exists: true, stores, meta: null as unknown, counts: {} as Record<string, number>, corrections: [] as unknown[], seen: [] as unknown[] };
            if (stores.length === 0) {
              d.close();
              return resolve(out);
            }
            const tx = d.transaction(stores, 'readonly');
            for (const s of stores) {
              const c = tx.objectStore(s).count();
              c.onsuccess = () => (out.counts[s] = c.result);
            }
            if (stores.includes('meta')) {
              const m = tx.objectStore('meta').get('active');
              m.onsuccess = () => (out.meta = m.result ?? null);
            }
            if (stores.includes('corrections')) {
              const c = tx.objectStore('corrections').getAll();
              c.onsuccess = () => (out.corrections = c.result);
            }
            if (stores.includes('seenReports')) {
              const c = tx.objectStore('seenReports').getAll();
              c.onsuccess = () => (out.seen = c.result);
            }
            tx.oncomplete = () => {
              d.close();
              resolve(out);
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    ) as never;
  }

  async function storage(): Promise<Record<string, unknown>> {
    const p = await control();
    return p.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get(null));
  }

  /** Write the reader's own data: settings (with per-site choices) and rows in the user stores. */
  async function writeUserData() {
    const p = await control();
    await p.evaluate(
      async ({ settings, corrections, seen }) => {
        const chromeApi = (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome;
        // As WXT storage writes the versioned item: the value, and its meta key.
        await chromeApi.storage.local.set({ settings, settings$: { v: 1 } });
        await new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('backstory');
          req.onsuccess = () => {
            const d = req.result;
            const tx = d.transaction(['corrections', 'seenReports'], 'readwrite');
            for (const c of corrections) tx.objectStore('corrections').add(c);
            for (const s of seen) tx.objectStore('seenReports').put(s);
            tx.oncomplete = () => {
              d.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
          req.onerror = () => reject(req.error);
        });
      },
      { settings: SETTINGS, corrections: CORRECTIONS, seen: SEEN },
    );
  }

  /** Ship `kb` in the package and update the extension to it (same path: an update). */
  async function update(kb: KbDoc) {
    writeFileSync(join(extDir, 'kb/kb.json'), JSON.stringify(kb));
    writeFileSync(join(extDir, 'kb/kb.hash'), `${kb.hash}\n`);
    await page?.close().catch(() => undefined);
    await browserCdp.send('Extensions.loadUnpacked' as never, { path: extDir } as never);
    await control();
  }

  async function killServiceWorker() {
    const { targetInfos } = (await browserCdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
    const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`${origin()}/`));
    if (!sw) return false;
    await browserCdp.send('Target.closeTarget', { targetId: sw.targetId });
    await waitFor(
      async () => {
        const { targetInfos: now } = (await browserCdp.send('Target.getTargets')) as { targetInfos: { targetId: string }[] };
        return !now.some((t) => t.targetId === sw.targetId);
      },
      { what: 'the service worker to stop' },
    );
    return true;
  }

  const variant = (hash: string, change: (kb: KbDoc) => void = () => undefined): KbDoc => {
    const kb = structuredClone(original);
    kb.hash = hash;
    change(kb);
    return kb;
  };
  const withUserData = async () => {
    const d = await db();
    return { corrections: d.corrections, seen: d.seen, storage: await storage() };
  };

  beforeAll(async () => {
    const built = CHROME_EXTENSION_DIR ?? EXTENSION_DIR;
    if (!existsSync(join(built, 'manifest.json'))) throw new Error(`No built extension at ${built}: run \`npm run build\` first.`);
    extDir = mkdtempSync(join(tmpdir(), 'backstory-ext-'));
    cpSync(built, extDir, { recursive: true });
    original = JSON.parse(readFileSync(join(extDir, 'kb/kb.json'), 'utf8')) as KbDoc;
    server = await serveDir();
    userDataDir = mkdtempSync(join(tmpdir(), 'backstory-data-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      ignoreDefaultArgs: ['--disable-extensions'],
      args: [...CHROMIUM_ARGS, '--enable-unsafe-extension-debugging'],
    });
    browserCdp = await context.browser()!.newBrowserCDPSession();
    ({ id } = (await browserCdp.send('Extensions.loadUnpacked' as never, { path: extDir } as never)) as { id: string });
    await waitFor(async () => (await db()).meta?.hash === original.hash, { what: 'the bundled KB at install', timeout: 30_000 });
    await writeUserData();
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    for (const d of [userDataDir, extDir]) if (d) rmSync(d, { recursive: true, force: true });
  });

  it('a KB update replaces the KB and keeps settings, per-site choices and corrections', async () => {
    const before = await withUserData();
    expect(before.corrections).toHaveLength(2);
    expect(before.storage.settings).toEqual(SETTINGS);
    const changed = variant('test-update-1', (kb) => {
      kb.entities[0]!.description = 'Description changed by a KB update.';
    });
    await update(changed);
    await waitFor(async () => (await status()).meta?.hash === 'test-update-1', { what: 'the updated KB', timeout: 30_000 });
    const after = await withUserData();
    expect(after).toEqual(before);
    // The new KB is the one in use (a card built from it), whole.
    const d = await db();
    expect(d.counts.entities).toBe(original.entities.length);
    expect(d.counts.claims).toBe(original.claims.length);
    const card = (await (await control()).evaluate(
      (entity) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ id: 2, type: 'getCard', data: { id: entity }, timestamp: Date.now() }),
      original.entities[0]!.id,
    )) as { res: { description: string } };
    expect(card.res.description).toBe('Description changed by a KB update.');
    expect((await status()).error).toBeNull();
  });

  it('honours the kept per-site choice after the update (a blocked site gets no marks)', async () => {
    const news = await context.newPage();
    await news.goto(`${server.url}/sample-news.html`);
    // The content script has started and read its settings (its debug channel is up): it decided not to run here.
    await waitFor(() => inContentWorld<boolean>(news, 'typeof __backstory === "object"').catch(() => false), { what: 'the content script' });
    await inContentWorld(news, '__backstory.idle()');
    expect(await inContentWorld(news, '__backstory.active()')).toBe(false);
    const marks = await news.evaluate(() => [...CSS.highlights.keys()].filter((k) => k.startsWith('backstory-')).length);
    expect(marks).toBe(0);
    await news.close();
  });

  it('an interrupted KB load (worker killed mid-transaction) leaves the previous KB in use, whole', async () => {
    const userBefore = await withUserData();
    const previous = (await db()).meta!.hash;
    // A KB big enough that its load transaction runs for a while.
    const huge = variant('test-huge', (kb) => {
      const report = (kb.claims[0] as { report: string }).report;
      for (let i = 0; i < 120_000; i++) {
        kb.claims.push({ id: `synthetic-${i}`, report, start: 0, end: 1, text: 'x', entities: [], attribution: { claimant: 'x', entity: null, role: 'reporter', cue: 'x', via: null }, hedges: [], dates: [] });
      }
    });
    await update(huge);
    // The load's readwrite transaction is running when a readwrite transaction of
    // ours on the same store has to wait: then kill the worker.
    const p = await control();
    const writing = () =>
      p.evaluate(
        () =>
          new Promise<boolean>((resolve) => {
            const req = indexedDB.open('backstory');
            req.onsuccess = () => {
              const d = req.result;
              const timer = setTimeout(() => resolve(true), 150);
              const g = d.transaction('meta', 'readwrite').objectStore('meta').get('active');
              g.onsuccess = () => {
                clearTimeout(timer);
                d.close();
                resolve(false);
              };
            };
            req.onerror = () => resolve(false);
          }),
      );
    await waitFor(writing, { what: 'the KB load transaction to start', timeout: 60_000, interval: 20 });
    expect(await killServiceWorker()).toBe(true);
    // The aborted transaction left the previous KB in the database, complete
    // (read before any message wakes a new worker, which would finish the update).
    await waitFor(async () => (await writing()) === false, { what: 'the killed transaction to be gone', timeout: 30_000 });
    const d = await db();
    expect(d.meta!.hash).toBe(previous);
    expect(d.counts.claims).toBe(original.claims.length);
    expect(d.counts.entities).toBe(original.entities.length);
    expect(await withUserData()).toEqual(userBefore);
  });

  // The next worker compares the active KB's hash with the bundle's (kb/kb.hash)
  // and finishes the load.
  it('finishes an interrupted update on a later wake of the worker', async () => {
    await killServiceWorker();
    await waitFor(async () => (await status()).meta?.hash === 'test-huge', { what: 'the bundled KB to be loaded', timeout: 15_000 });
  });

  it('rebuilds a deleted database from the bundle, with a notice for the side panel', async () => {
    // Ship a normal KB again (an update to a KB that is already active costs nothing).
    await update(variant('test-update-1', (kb) => (kb.entities[0]!.description = 'Description changed by a KB update.')));
    await waitFor(async () => (await status()).meta?.hash === 'test-update-1', { what: 'the KB back', timeout: 30_000 });
    const storageBefore = await storage();
    await deleteDatabase();
    expect((await db()).exists).toBe(false);
    // The worker restarts (as it does after 30 s idle); the next lookup rebuilds the KB.
    await expectRebuiltAfterRestart('test-update-1');
    const d = await db();
    expect(d.counts.entities).toBe(original.entities.length);
    expect(d.counts.claims).toBe(original.claims.length);
    // Settings live in extension storage, not in the database: untouched.
    expect(await storage()).toEqual(storageBefore);
  });

  // The worker forgets a connection closed under it (versionchange/close), so
  // the next lookup reopens and rebuilds.
  it('rebuilds a database deleted while the worker runs, on the next lookup', async () => {
    await deleteDatabase();
    try {
      const s = await waitFor(async () => (await status().catch(() => null))?.meta ?? null, { what: 'the rebuilt KB', timeout: 15_000 });
      expect(s.hash).toBe('test-update-1');
    } finally {
      // Leave a working extension for the next test: a restarted worker rebuilds.
      await killServiceWorker();
      await waitFor(async () => (await status().catch(() => null))?.meta ?? null, { what: 'the rebuilt KB after a restart', timeout: 30_000 });
    }
  });

  it('rebuilds after the meta store was cleared, with a notice, keeping the reader\'s corrections', async () => {
    await writeUserData();
    const userBefore = await withUserData();
    const p = await control();
    await p.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('backstory');
          req.onsuccess = () => {
            const d = req.result;
            const tx = d.transaction('meta', 'readwrite');
            tx.objectStore('meta').clear();
            tx.oncomplete = () => {
              d.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    expect((await db()).meta).toBeNull();
    await expectRebuiltAfterRestart('test-update-1');
    expect(await withUserData()).toEqual(userBefore);
  });

  // The quota case is below: Chromium does not apply CDP quota overrides to
  // chrome-extension:// origins (checked: the same override makes a web origin's
  // IndexedDB writes fail with QuotaExceededError, the extension's succeed).
});

// A quota error in real Chromium IndexedDB. Chromium ignores CDP's
// Storage.overrideQuotaForOrigin for chrome-extension:// origins, so the real
// background code (lib/background/kb-service.ts over lib/db, bundled here with
// esbuild, nothing test-only in it) runs in a loopback web page, whose origin's
// quota CAN be shrunk: the same IndexedDB engine, the same error. (An override
// only takes effect if set before the origin first opens IndexedDB in a
// browser session, so each phase is a new browser on the same profile.)
describe('a quota error in real IndexedDB (the KB service in a web page)', () => {
  let server: StaticServer;
  let dir: string;
  let profile: string;

  beforeAll(async () => {
    const { build } = await import('esbuild');
    dir = mkdtempSync(join(tmpdir(), 'backstory-quota-'));
    profile = mkdtempSync(join(tmpdir(), 'backstory-quota-profile-'));
    await build({
      stdin: {
        contents: [
          "import { createKbService } from './lib/background/kb-service';",
          "import { openBackstoryDb } from './lib/db/open';",
          '(globalThis as any).backstory = { createKbService, openBackstoryDb };',
        ].join('\n'),
        resolveDir: ROOT,
        loader: 'ts',
      },
      bundle: true,
      format: 'iife',
      platform: 'browser',
      outfile: join(dir, 'service.js'),
      logLevel: 'silent',
    });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>KB service</title><script src="service.js"></script>');
    const kb = JSON.parse(readFileSync(join(CHROME_EXTENSION_DIR ?? EXTENSION_DIR, 'kb/kb.json'), 'utf8')) as KbDoc;
    writeFileSync(join(dir, 'kb-a.json'), JSON.stringify({ ...kb, hash: 'quota-a' }));
    writeFileSync(join(dir, 'kb-b.json'), JSON.stringify({ ...kb, hash: 'quota-b' }));
    server = await serveDir(dir);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    for (const d of [dir, profile]) if (d) rmSync(d, { recursive: true, force: true });
  });

  interface RunResult {
    status: { meta: { hash: string } | null; error: string | null };
    entities: number;
    claims: number;
    corrections: unknown[];
  }

  /** A browser on the shared profile; `quota` (bytes) is set for the page's origin before it first opens IndexedDB. */
  async function session<T>(quota: number | null, fn: (page: Page) => Promise<T>): Promise<T> {
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    try {
      const page = await context.newPage();
      if (quota !== null) {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Storage.overrideQuotaForOrigin' as never, { origin: server.url, quotaSize: quota } as never);
      }
      await page.goto(`${server.url}/index.html`);
      return await fn(page);
    } finally {
      await context.close();
    }
  }

  /** Run the KB service with bundle `file`: refresh(reason), then its status and the raw stores. */
  const run = (page: Page, file: string, reason: 'install' | 'update', addCorrections: unknown[] = []): Promise<RunResult> =>
    page.evaluate(
      async ({ file, reason, addCorrections }) => {
        type Db = { count(s: string): Promise<number>; getAll(s: string): Promise<unknown[]>; add(s: string, v: unknown): Promise<unknown>; close(): void };
        const g = globalThis as unknown as {
          backstory: {
            createKbService(env: { openDb: () => Promise<Db>; fetchBundle: () => Promise<unknown> }): { refresh(r: string): Promise<RunResult['status']> };
            openBackstoryDb(): Promise<Db>;
          };
        };
        const svc = g.backstory.createKbService({ openDb: () => g.backstory.openBackstoryDb(), fetchBundle: async () => (await fetch(file)).json() });
        const status = await svc.refresh(reason);
        const db = await g.backstory.openBackstoryDb();
        for (const row of addCorrections) await db.add('corrections', row);
        const out = { status, entities: await db.count('entities'), claims: await db.count('claims'), corrections: await db.getAll('corrections') };
        db.close();
        return out;
      },
      { file, reason, addCorrections },
    );

  it("reports the quota error, keeps the previous KB whole and the reader's corrections", async () => {
    const first = await session(null, (page) => run(page, '/kb-a.json', 'install', CORRECTIONS));
    expect(first.status).toMatchObject({ error: null, meta: { hash: 'quota-a' } });
    expect(first.corrections).toHaveLength(CORRECTIONS.length);

    const full = await session(1024, (page) => run(page, '/kb-b.json', 'update'));
    expect(full.status.error).toMatch(/no room/i);
    expect(full.status.meta?.hash).toBe('quota-a');
    expect({ entities: full.entities, claims: full.claims }).toEqual({ entities: first.entities, claims: first.claims });
    expect(full.corrections).toEqual(first.corrections);

    // With room again, the next refresh loads the new KB; nothing was lost meanwhile.
    const after = await session(null, (page) => run(page, '/kb-b.json', 'update'));
    expect(after.status).toMatchObject({ error: null, meta: { hash: 'quota-b' } });
    expect(after.corrections).toEqual(first.corrections);
  });
});
