// The background's answers for the side panel: what the KB holds about a
// page's entities, a report laid out for the reader, and which reports the
// reader has opened (IndexedDB `seenReports`, user data kept across KB loads).
// Takes its environment as parameters so tests run it on fake-indexeddb.
import { reportRef } from '../kb/card';
import type { KbEntity } from '../kb/document';
import { activeMatcher, dbReader } from '../db/kb-store';
import type { BackstoryDatabase } from '../db/open';
import { collectPanelData } from '../panel/data';
import { entityNames, resolveReportMarks } from '../panel/report-marks';
import type { PanelData, ReportView } from '../panel/types';

export interface PanelServiceEnv {
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
  let dbPromise: Promise<BackstoryDatabase> | null = null;
  const db = async () => {
    await env.ready?.();
    return (dbPromise ??= env.openDb());
  };

  async function reportView(id: string): Promise<ReportView | null> {
    const handle = await db();
    const report = await handle.get('reports', id);
    if (!report) return null;
    const [caveats, matcher] = await Promise.all([handle.getAllFromIndex('caveats', 'report', id), activeMatcher(handle)]);
    const order = matcher?.compiled.entities ?? [];
    const reader = dbReader(handle);
    const entities = new Map<string, KbEntity>();
    const load = async (ids: readonly string[]) => {
      const missing = [...new Set(ids)].filter((x) => !entities.has(x));
      if (missing.length === 0) return;
      for (const e of await reader.entities(missing)) if (e) entities.set(e.id, e);
    };
    await load(report.mentions.map(([, , i]) => order[i]).filter((x): x is string => x !== undefined));
    const names = new Map<string, Set<string>>();
    const namesOf = (eid: string) => {
      const e = entities.get(eid);
      if (!e) return undefined;
      let set = names.get(eid);
      if (!set) names.set(eid, (set = entityNames(e)));
      return set;
    };
    const { marks } = await resolveReportMarks(report, order, namesOf, (name) => reader.findByName(name));
    await load(marks.map((m) => m.entity));
    const used = [...new Set(marks.map((m) => m.entity))].map((eid) => entities.get(eid)).filter((e): e is KbEntity => e !== undefined);
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
