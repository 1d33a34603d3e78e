// The background's view of the whole KB: the bundled KB (lib/background/kb-service)
// with the reader's reports merged in. The options page derives and stores the
// reader's part (lib/db/reader-store); here it is read, cached by its stamp,
// and derived again only when the bundled KB changed under it (an update).
import type { KbService } from '../background/kb-service';
import { derivedStamp, getDerived, getReview, listPieces, listReaderReports, putPiecesAndDerived, type ReaderDatabase } from '../db/reader-store';
import { entityCard, type EntityCard, type KbReader } from '../kb/card';
import { parseKbDocument, type KbReport } from '../kb/document';
import type { PackedMatcher } from '../match/packed';
import { reportRef } from '../kb/card';
import { collectPanelData } from '../panel/data';
import type { PanelData, ReportView } from '../panel/types';
import { mergedReader, readerKbReader } from './merge';
import { updateReaderKb } from './incremental';
import type { ReaderDerived } from './pipeline';

export interface ReaderLayerEnv {
  kb: KbService;
  openReaderDb: () => Promise<ReaderDatabase>;
  /** The bundled KB document, unvalidated (for deriving again after an update). */
  fetchBundle: () => Promise<unknown>;
}

export interface ReaderLayer {
  matcher(): Promise<{ hash: string; compiled: PackedMatcher } | null>;
  card(id: string): Promise<EntityCard | null>;
  findByName(name: string): Promise<string[]>;
  report(id: string): Promise<KbReport | null>;
  /** The side panel's data for these entities, over both KBs. */
  panelData(entities: readonly string[]): Promise<PanelData>;
  /** One of the reader's reports laid out for the side panel's reader (bundled ones: lib/background/panel-service). */
  readerReportView(id: string): Promise<ReportView | null>;
}

export function createReaderLayer(env: ReaderLayerEnv): ReaderLayer {
  let dbPromise: Promise<ReaderDatabase> | null = null;
  let cache: { derived: ReaderDerived; reader: KbReader } | null = null;
  let rederiving: Promise<ReaderDerived | null> | null = null;
  const db = () =>
    (dbPromise ??= env.openReaderDb().then((handle) => {
      handle.addEventListener('close', () => (dbPromise = null));
      return handle;
    }));

  async function rederive(handle: ReaderDatabase): Promise<ReaderDerived | null> {
    const reports = await listReaderReports(handle);
    if (reports.length === 0) return null;
    const bundled = parseKbDocument(await env.fetchBundle());
    // Pieces made against an older bundled KB are derived again; current ones are reused.
    const result = updateReaderKb(bundled, { pieces: await listPieces(handle, reports.map((r) => r.id)), reports, review: await getReview(handle) });
    await putPiecesAndDerived(handle, result.changed, result.removed, result.derived);
    return result.derived;
  }

  /** The reader's derived KB for the active bundled KB, or null when the reader has none. */
  async function current(): Promise<{ derived: ReaderDerived; reader: KbReader } | null> {
    const [handle, status] = await Promise.all([db(), env.kb.status()]);
    const bundledHash = status.meta?.hash;
    const stamp = await derivedStamp(handle);
    if (stamp && cache && cache.derived.readerHash === stamp.readerHash && cache.derived.bundledHash === stamp.bundledHash && stamp.bundledHash === bundledHash) return cache;
    let derived = stamp && stamp.bundledHash === bundledHash ? await getDerived(handle) : null;
    if (!derived) {
      // No derivation, or one made against an older bundled KB: derive again from the stored reports.
      if ((await handle.count('reports')) === 0) return (cache = null);
      derived = await (rederiving ??= rederive(handle).finally(() => (rederiving = null)));
      if (!derived) return (cache = null);
    }
    return (cache = { derived, reader: readerKbReader(derived.kb) });
  }

  const reader = async () => {
    // The bundled side through the KB service's checked reader: a corrupt record is skipped and repaired (issue #17).
    const bundled = await env.kb.reader();
    const mine = await current().catch(() => null);
    return mergedReader(bundled, mine?.reader ?? null);
  };

  return {
    matcher: async () => {
      const bundled = await env.kb.matcher();
      const mine = await current().catch(() => null);
      if (!bundled || !mine) return bundled;
      return { hash: `${bundled.hash}+${mine.derived.readerHash}`, compiled: mine.derived.compiled };
    },
    card: async (id) => entityCard(await reader(), id).catch(() => null),
    findByName: async (name) => (await reader()).findByName(name),
    panelData: async (ids) => collectPanelData(await reader(), ids),
    readerReportView: async (id) => {
      const mine = await current().catch(() => null);
      const report = mine?.derived.kb.reports.find((r) => r.id === id);
      if (!mine || !report) return null;
      const merged = await reader();
      const ids = [...new Set(report.mentions.map(([, , entity]) => entity))];
      const entities = new Map((await merged.entities(ids)).filter((e) => e !== undefined).map((e) => [e.id, e]));
      return {
        report,
        ref: reportRef(report),
        caveats: mine.derived.kb.caveats.filter((c) => c.report === id).sort((a, b) => a.start - b.start || a.id.localeCompare(b.id)),
        marks: report.mentions.filter(([, , entity]) => entities.has(entity)).map(([start, end, entity]) => ({ start, end, entity })),
        entities: [...entities.values()].map((e) => ({ id: e.id, name: e.name, type: e.type })),
      };
    },
    report: async (id) => (await env.kb.report(id)) ?? (await current().catch(() => null))?.derived.kb.reports.find((r) => r.id === id) ?? null,
  };
}
