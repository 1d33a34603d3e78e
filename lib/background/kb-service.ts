// The background's KB service: keeps the bundled KB loaded in IndexedDB and
// answers lookups. Takes its environment (database opener, bundle fetcher) as
// parameters so tests can run it against fake-indexeddb.
import { entityCard, type EntityCard, type KbReader } from '../kb/card';
import type { KbReport } from '../kb/document';
import { activeKbMeta, activeMatcher, dbReader, loadKb, RECORD_SCHEMAS, repairRecords, type BadRecord, type RepairableStore } from '../db/kb-store';
import type { BackstoryDatabase } from '../db/open';
import type { KbStatus } from '../shared/messages';
import type { PackedMatcher } from '../match/packed';

export interface KbServiceEnv {
  openDb: () => Promise<BackstoryDatabase>;
  /** The KB bundled with the extension, unvalidated. */
  fetchBundle: () => Promise<unknown>;
  /**
   * The bundled KB's hash (a tiny file written beside it at build time), so a
   * wake-up can tell an interrupted update from an intact KB without reading
   * the whole bundle.
   */
  fetchBundleHash?: () => Promise<string>;
}

export interface KbService {
  /** Load the bundle if it differs from the active KB (install, update, repair). */
  refresh(reason: 'install' | 'update' | 'startup'): Promise<KbStatus>;
  status(): Promise<KbStatus>;
  matcher(): Promise<{ hash: string; compiled: PackedMatcher } | null>;
  card(id: string): Promise<EntityCard | null>;
  /** The open database, once the KB is ready (for other background services). */
  database(): Promise<BackstoryDatabase>;
  /** A reader over the bundled KB that checks every record and repairs bad ones (as `card` does), for other background services. */
  reader(): Promise<KbReader>;
  findByName(name: string): Promise<string[]>;
  report(id: string): Promise<KbReport | null>;
  /** Resolves when no repair is running (tests). */
  repaired(): Promise<void>;
}

export function createKbService(env: KbServiceEnv): KbService {
  let dbPromise: Promise<BackstoryDatabase> | null = null;
  let ready: Promise<unknown> | null = null;
  let notice: string | null = null;
  let error: string | null = null;

  // Self-repair (issue #17): records found corrupt or missing on read are put
  // back from the bundled KB in the background; meanwhile they are skipped and
  // everything else keeps working. A record repaired once is not retried in this
  // worker's life (a missing id the bundle does not have either stays missing).
  const bad = new Map<RepairableStore, Set<string>>();
  const tried = new Set<string>();
  let repairing: Promise<void> | null = null;
  const onBad: BadRecord = (store, key) => {
    const id = `${store}/${key}`;
    if (tried.has(id)) return;
    tried.add(id);
    let keys = bad.get(store);
    if (!keys) bad.set(store, (keys = new Set()));
    keys.add(key);
    repairing ??= Promise.resolve()
      .then(async () => {
        while (bad.size > 0) {
          const batch = new Map(bad);
          bad.clear();
          await repairRecords(await db(), await env.fetchBundle(), batch);
        }
      })
      .catch((e: unknown) => {
        error = `Repairing the knowledge base failed: ${(e as Error)?.message ?? String(e)}`;
      })
      .finally(() => {
        repairing = null;
      });
  };

  const db = () =>
    (dbPromise ??= env.openDb().then((handle) => {
      // Deleted or cleared under us (another context, the user clearing site
      // data): forget this connection so the next call reopens and repairs.
      const forget = () => {
        dbPromise = null;
        ready = null;
      };
      handle.addEventListener('close', forget);
      handle.addEventListener('versionchange', forget);
      return handle;
    }));

  async function refresh(reason: 'install' | 'update' | 'startup'): Promise<KbStatus> {
    const handle = await db();
    const before = await activeKbMeta(handle);
    // On a plain wake-up an intact KB is used as is; only install/update, a
    // missing KB, or an update that was interrupted (the active hash is not the
    // bundle's) costs a load.
    if (reason === 'startup' && before) {
      const bundled = await env.fetchBundleHash?.().catch(() => undefined);
      if (bundled === undefined || bundled === before.hash) return status();
    }
    const result = await loadKb(handle, await env.fetchBundle());
    if (result.ok) {
      error = null;
      if (!before && reason === 'startup') notice = 'The knowledge base was missing and has been rebuilt from the copy bundled with Backstory.';
    } else {
      error = result.message;
    }
    return status();
  }

  async function status(): Promise<KbStatus> {
    const meta = (await activeKbMeta(await db())) ?? null;
    return { meta, notice, error, repairing: repairing !== null };
  }

  const whenReady = async () => {
    ready ??= refresh('startup').catch((e: unknown) => {
      error = (e as Error).message;
    });
    await ready;
    return db();
  };

  return {
    refresh: (reason) => {
      const run = refresh(reason);
      ready = run.catch((e: unknown) => {
        error = (e as Error).message;
      });
      return run;
    },
    status: async () => {
      await whenReady();
      return status();
    },
    matcher: async () => {
      const handle = await whenReady();
      const found = await activeMatcher(handle, onBad);
      if (found || !repairing) return found ?? null;
      // The matcher itself was bad: every page needs it, so wait for its repair.
      await repairing;
      return (await activeMatcher(handle)) ?? null;
    },
    // One bad record costs its own card, never a batch.
    card: async (id) => entityCard(dbReader(await whenReady(), onBad), id).catch(() => null),
    findByName: async (name) => dbReader(await whenReady(), onBad).findByName(name),
    report: async (id) => {
      const row = await (await whenReady()).get('reports', id);
      if (row === undefined) return null;
      if (RECORD_SCHEMAS.reports.safeParse(row).success) return row;
      onBad('reports', id);
      return null;
    },
    database: whenReady,
    reader: async () => dbReader(await whenReady(), onBad),
    repaired: async () => {
      while (repairing) await repairing;
    },
  };
}
