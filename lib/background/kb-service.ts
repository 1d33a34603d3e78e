// The background's KB service: keeps the bundled KB loaded in IndexedDB and
// answers lookups. Takes its environment (database opener, bundle fetcher) as
// parameters so tests can run it against fake-indexeddb.
import { entityCard, type EntityCard } from '../kb/card';
import type { KbReport } from '../kb/document';
import { activeKbMeta, activeMatcher, dbReader, loadKb } from '../db/kb-store';
import type { BackstoryDatabase } from '../db/open';
import type { KbStatus } from '../messages';
import type { CompiledMatcher } from '../match/types';

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
  matcher(): Promise<{ hash: string; compiled: CompiledMatcher } | null>;
  card(id: string): Promise<EntityCard | null>;
  /** The open database, once the KB is ready (for other background services). */
  database(): Promise<BackstoryDatabase>;
  findByName(name: string): Promise<string[]>;
  report(id: string): Promise<KbReport | null>;
}

export function createKbService(env: KbServiceEnv): KbService {
  let dbPromise: Promise<BackstoryDatabase> | null = null;
  let ready: Promise<unknown> | null = null;
  let notice: string | null = null;
  let error: string | null = null;

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
    return { meta, notice, error };
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
    matcher: async () => (await activeMatcher(await whenReady())) ?? null,
    card: async (id) => entityCard(dbReader(await whenReady()), id),
    findByName: async (name) => dbReader(await whenReady()).findByName(name),
    report: async (id) => (await (await whenReady()).get('reports', id)) ?? null,
    database: whenReady,
  };
}
