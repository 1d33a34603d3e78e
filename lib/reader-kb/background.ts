// The background's view of the whole KB: the bundled KB (lib/background/kb-service)
// with the reader's reports merged in. The options page derives and stores the
// reader's part (lib/db/reader-store); here it is read record by record as
// cards ask for them (a reader's KB of 10,000 reports is well over 100 MB:
// never read whole before the first card), meanwhile read whole a slice at a
// time and then answered from memory; checked by its stamp, and derived
// again only when the bundled KB changed under it (an update).
import type { KbService } from '../background/kb-service';
import { derivedHead, derivedReport, headMatcher, derivedStamp, getDerivedSliced, getReview, listPieces, listReaderReports, putPiecesAndDerived, storedReader, type ReaderDatabase } from '../db/reader-store';
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
  /** Lets other work run between the slices of reading the reader's KB into memory. Default: a macrotask. */
  pause?: () => Promise<void>;
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
  /** Settles when the reader's current KB is held in memory, or cannot be (none, or it changed meanwhile). */
  loaded(): Promise<void>;
}

export function createReaderLayer(env: ReaderLayerEnv): ReaderLayer {
  let dbPromise: Promise<ReaderDatabase> | null = null;
  /** The stored derivation this layer answers from: its stamp, a reader over its records, its matcher once asked for. */
  let cache: { bundledHash: string; readerHash: string; reader: KbReader; db: ReaderDatabase; matcher?: Promise<PackedMatcher | null>; loaded: Promise<void> } | null = null;
  const pause = env.pause ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
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
  async function current(): Promise<NonNullable<typeof cache> | null> {
    const [handle, status] = await Promise.all([db(), env.kb.status()]);
    const bundledHash = status.meta?.hash;
    let stamp: { bundledHash: string; readerHash: string } | null = await derivedStamp(handle);
    if (stamp && cache && cache.db === handle && cache.readerHash === stamp.readerHash && cache.bundledHash === stamp.bundledHash && stamp.bundledHash === bundledHash) return cache;
    if (!stamp || stamp.bundledHash !== bundledHash) {
      // No derivation, or one made against an older bundled KB: derive again from the stored reports.
      if ((await handle.count('reports')) === 0) return (cache = null);
      stamp = await (rederiving ??= rederive(handle).finally(() => (rederiving = null)));
      if (!stamp) return (cache = null);
    }
    // The stamp is written with the derivation's records, in one transaction: they are there. Answer from
    // them at once; read them whole meanwhile, and answer from memory once that is done and still current.
    const entry: NonNullable<typeof cache> = { bundledHash: stamp.bundledHash, readerHash: stamp.readerHash, reader: storedReader(handle), db: handle, loaded: Promise.resolve() };
    entry.loaded = getDerivedSliced(handle, pause)
      .then((whole) => {
        if (whole && whole.readerHash === entry.readerHash && whole.bundledHash === entry.bundledHash) entry.reader = readerKbReader(whole.kb);
      })
      .catch(() => undefined);
    return (cache = entry);
  }

  const reader = async () => {
    // The bundled side through the KB service's checked reader: a corrupt record is skipped and repaired (issue #17).
    const bundled = await env.kb.reader();
    const mine = await current().catch(() => null);
    return mergedReader(bundled, mine?.reader ?? null);
  };

  return {
    loaded: async () => {
      const mine = await current().catch(() => null);
      await mine?.loaded;
    },
    matcher: async () => {
      const bundled = await env.kb.matcher();
      const mine = await current().catch(() => null);
      if (!bundled || !mine) return bundled;
      const compiled = await (mine.matcher ??= derivedHead(mine.db).then((head) => (head?.readerHash === mine.readerHash ? headMatcher(head) : null)));
      // Changed under us since the stamp was read: the bundled matcher this once, the new one on the next ask.
      if (!compiled) mine.matcher = undefined;
      return compiled ? { hash: `${bundled.hash}+${mine.readerHash}`, compiled } : bundled;
    },
    card: async (id) => entityCard(await reader(), id).catch(() => null),
    findByName: async (name) => (await reader()).findByName(name),
    panelData: async (ids) => collectPanelData(await reader(), ids),
    readerReportView: async (id) => {
      const mine = await current().catch(() => null);
      const stored = mine ? await derivedReport(mine.db, id) : null;
      if (!mine || !stored) return null;
      const { report } = stored;
      const merged = await reader();
      const ids = [...new Set(report.mentions.map(([, , entity]) => entity))];
      const entities = new Map((await merged.entities(ids)).filter((e) => e !== undefined).map((e) => [e.id, e]));
      return {
        report,
        ref: reportRef(report),
        caveats: stored.caveats.sort((a, b) => a.start - b.start || a.id.localeCompare(b.id)),
        marks: report.mentions.filter(([, , entity]) => entities.has(entity)).map(([start, end, entity]) => ({ start, end, entity })),
        entities: [...entities.values()].map((e) => ({ id: e.id, name: e.name, type: e.type })),
      };
    },
    report: async (id) => {
      const bundled = await env.kb.report(id);
      if (bundled) return bundled;
      const mine = await current().catch(() => null);
      return mine ? ((await derivedReport(mine.db, id))?.report ?? null) : null;
    },
  };
}
