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
}

export interface KbService {
  /** Load the bundle if it differs from the active KB (install, update, repair). */
  refresh(reason: 'install' | 'update' | 'startup'): Promise<KbStatus>;
  status(): Promise<KbStatus>;
  matcher(): Promise<{ hash: string; compiled: CompiledMatcher } | null>;
  card(id: string): Promise<EntityCard | null>;
  findByName(name: string): Promise<string[]>;
  report(id: string): Promise<KbReport | null>;
}

export function createKbService(env: KbServiceEnv): KbService {
  let dbPromise: Promise<BackstoryDatabase> | null = null;
  let ready: Promise<unknown> | null = null;
  let notice: string | null = null;
  let error: string | null = null;

  const db = () => (dbPromise ??= env.openDb());

  async function refresh(reason: 'install' | 'update' | 'startup'): Promise<KbStatus> {
    const handle = await db();
    const before = await activeKbMeta(handle);
    // On a plain wake-up an intact KB is used as is; only install/update or a
    // missing KB costs a load.
    if (reason === 'startup' && before) return status();
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
  };
}
