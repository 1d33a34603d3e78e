// The background's answers for the side panel: what the KB holds about a
// page's entities, a report laid out for the reader, and which reports the
// reader has opened (IndexedDB `seenReports`, user data kept across KB loads).
// Takes its environment as parameters so tests run it on fake-indexeddb.
import { reportRef } from '../kb/card';
import type { KbEntity } from '../kb/document';
import { dbReader } from '../db/kb-store';
import type { BackstoryDatabase } from '../db/open';
import { collectPanelData } from '../panel/data';
import type { PanelData, ReportView } from '../panel/types';

export interface PanelServiceEnv {
  /** The database; the caller caches the connection (the KB service's `database()`). */
  openDb: () => Promise<BackstoryDatabase>;
  /** Resolves once the KB is loaded (the KB service's status()). */
  ready?: () => Promise<unknown>;
  now?: () => number;
}

export interface PanelService {
  panelData(entities: readonly string[]): Promise<PanelData>;
  reportView(id: string): Promise<ReportView | null>;
  markSeen(id: string): Promise<void>;
  listSeen(): Promise<string[]>;
}

const REPORT_ID = /^\d{3}_[0-9a-f]{16}$/;

export function createPanelService(env: PanelServiceEnv): PanelService {
  const db = async () => {
    await env.ready?.();
    return env.openDb();
  };

  async function reportView(id: string): Promise<ReportView | null> {
    const handle = await db();
    const report = await handle.get('reports', id);
    if (!report) return null;
    const caveats = await handle.getAllFromIndex('caveats', 'report', id);
    const ids = [...new Set(report.mentions.map(([, , entity]) => entity))];
    const entities = new Map<string, KbEntity>();
    for (const e of await dbReader(handle).entities(ids)) if (e) entities.set(e.id, e);
    const marks = report.mentions.map(([start, end, entity]) => ({ start, end, entity }));
    const used = ids.map((eid) => entities.get(eid)).filter((e): e is KbEntity => e !== undefined);
    return {
      report,
      ref: reportRef(report),
      caveats: caveats.sort((a, b) => a.start - b.start || a.id.localeCompare(b.id)),
      marks: marks.filter((m) => entities.has(m.entity)),
      entities: used.map((e) => ({ id: e.id, name: e.name, type: e.type })),
    };
  }

  return {
    panelData: async (ids) => collectPanelData(dbReader(await db()), ids),
    reportView,
    markSeen: async (id) => {
      if (!REPORT_ID.test(id)) return;
      await (await db()).put('seenReports', { report: id, seenAt: (env.now ?? Date.now)() });
    },
    listSeen: async () => (await (await db()).getAllKeys('seenReports')).map(String),
  };
}
