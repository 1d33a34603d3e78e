// The reader's KB in a page on loopback (Chromium's real IndexedDB), bundled
// into an IIFE by `npm run bench -- --only reader`: the options page's import
// (lib/reader-kb/library.ts, the pipeline in a worker as on the options page)
// and the background's merged lookups (lib/reader-kb/background.ts).
import { createKbService } from '../../lib/background/kb-service';
import { openBackstoryDb } from '../../lib/db/open';
import { getDerived, listReaderReports, openReaderDb, putDerived, type ReaderDatabase } from '../../lib/db/reader-store';
import { parseKbDocument, type KbDocument } from '../../lib/kb/document';
import { createReaderLayer } from '../../lib/reader-kb/background';
import { sketchOf } from '../../lib/reader-kb/duplicates';
import { assemble, type ReportPiece } from '../../lib/reader-kb/incremental';
import { buildAppendIndexes, putAppendIndexes } from '../../lib/reader-kb/append';
import { applyReaderChange, createReaderLibrary, type ReaderChange } from '../../lib/reader-kb/library';
import type { PackReport } from '../../lib/reader-kb/pack';
import { NO_REVIEW, type ReaderDerived } from '../../lib/reader-kb/pipeline';
import { scaleReaderPieces } from './reader-gen';

const now = (): number => performance.now();

function deleteDb(name: string): Promise<void> {
  return new Promise((resolve) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
}

/** The pipeline in a worker with its own connection to the database (as lib/reader-kb/page-env.ts does with Vite's worker import). */
function workerDeriver(workerCode: string, dbName: string, bundled: KbDocument, changed: number[] = [], timing: { ms: number[]; appended: number[]; removed: number[]; fullPath: string[] } = { ms: [], appended: [], removed: [], fullPath: [] }): (change: ReaderChange) => Promise<void> {
  const worker = new Worker(URL.createObjectURL(new Blob([workerCode], { type: 'text/javascript' })));
  let next = 0;
  let sent = false;
  const waiting = new Map<number, (r: { ok: boolean; error?: string; changed?: number }) => void>();
  const sentAt = new Map<number, number>();
  worker.onmessage = (e: MessageEvent<{ id: number; ok: boolean; error?: string; changed?: number; appended?: number; removed?: number; fullPath?: string }>) => {
    if (e.data.ok) changed.push(e.data.changed ?? 0);
    timing.ms.push(now() - (sentAt.get(e.data.id) ?? now()));
    timing.appended.push(e.data.appended ?? 0);
    timing.removed.push(e.data.removed ?? 0);
    timing.fullPath.push(e.data.fullPath ?? '');
    waiting.get(e.data.id)?.(e.data);
    waiting.delete(e.data.id);
  };
  return (change) =>
    new Promise((resolve, reject) => {
      const id = next++;
      waiting.set(id, (r) => (r.ok ? resolve() : reject(new Error(r.error))));
      sentAt.set(id, now());
      worker.postMessage({ id, dbName, change, ...(sent ? {} : { bundled }) });
      sent = true;
    });
}

const longTasks: { start: number; duration: number }[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
}).observe({ type: 'longtask', buffered: true });

const api = {
  /** Import `files` one at a time, as a reader adding reports one by one; time each, and watch the page for long tasks. */
  async importReports(files: { file: string; text: string }[], bundledUrl: string, workerCode: string) {
    await deleteDb('bench-reader');
    const bundled = parseKbDocument(await (await fetch(bundledUrl)).json());
    const db = await openReaderDb('bench-reader');
    const library = createReaderLibrary({
      db,
      bundled: async () => bundled,
      parseHtml: (html) => new DOMParser().parseFromString(html, 'text/html'),
      derive: workerDeriver(workerCode, 'bench-reader', bundled),
      yieldToPage: () => new Promise((r) => setTimeout(r, 0)),
    });
    const perReport: number[] = [];
    const outcomes: string[] = [];
    const t0 = now();
    for (const f of files) {
      const bytes = new TextEncoder().encode(f.text);
      const t = now();
      const r = await library.importFiles([{ name: f.file, size: bytes.length, bytes: async () => bytes }]);
      perReport.push(now() - t);
      outcomes.push(r.outcomes[0]!.status);
    }
    const during = longTasks.filter((l) => l.start >= t0);
    const { reports, entities } = await library.list();
    db.close();
    return { perReport, outcomes, reports: reports.length, entities: entities.length, longTasks: during.map((l) => l.duration) };
  },

  /**
   * Card lookups over the bundled KB merged with a reader's KB of many
   * reports, through the background's reader layer (lib/reader-kb/background.ts)
   * on the reader's database: the KB is stored as the options page stores it
   * (lib/db/reader-store.ts `putDerived`, in records); read back whole at
   * once (loadMs: what the side panel's search index reads); the first card
   * through the layer (coldMs: from the records as asked for); the layer's
   * reading of the whole KB into memory a slice at a time (inMemoryMs, from
   * the first card on); then per lookup the KB status and the reader's stamp
   * are read from IndexedDB (to know the copy is current) and the merged card
   * assembled.
   */
  async lookups(bundledUrl: string, derivedUrl: string, lookups: number) {
    await deleteDb('bench-reader-10k');
    await deleteDb('bench-bundled');
    const bundled = parseKbDocument(await (await fetch(bundledUrl)).json());
    const derived = (await (await fetch(derivedUrl)).json()) as ReaderDerived;
    const readerDb = await openReaderDb('bench-reader-10k');
    let t = now();
    await putDerived(readerDb, derived);
    const storeMs = now() - t;
    const kb = createKbService({ openDb: () => openBackstoryDb('bench-bundled'), fetchBundle: async () => bundled });
    await kb.refresh('install');
    t = now();
    const loaded = await getDerived(readerDb);
    const loadMs = now() - t;
    if (loaded?.kb.reports.length !== derived.kb.reports.length) throw new Error('the stored KB did not read back');
    const layer = createReaderLayer({ kb, openReaderDb: async () => readerDb, fetchBundle: async () => bundled });
    const ids = derived.kb.entities.map((e) => e.id);
    t = now();
    const first = await layer.card(ids[0]!);
    const coldMs = now() - t;
    // The background reads the whole KB into memory meanwhile, a slice at a time: lookups after that.
    await layer.loaded();
    const inMemoryMs = now() - t;
    const times: number[] = [];
    let seed = 1;
    for (let i = 0; i < lookups; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const id = ids[seed % ids.length]!;
      t = now();
      await layer.card(id);
      times.push(now() - t);
    }
    readerDb.close();
    return { storeMs, loadMs, coldMs, inMemoryMs, p50: quantile(times, 0.5), p95: quantile(times, 0.95), reports: derived.kb.reports.length, entities: ids.length, firstCard: first?.name ?? null };
  },

  /**
   * Import reports into a reader's KB that already holds `factor` × the base
   * reports (their pieces copied, scripts/bench/reader-gen.ts
   * scaleReaderPieces), as the options page does (the pipeline in a worker):
   * each import derives its own piece, assembles the KB and writes the
   * records it changed. Times each import; `changed`: pieces each derived.
   */
  async importAtScale(bundledUrl: string, baseUrl: string, factor: number, files: { file: string; text: string }[], workerCode: string, deleteAt: number[] = [], fullAt = -1) {
    const name = 'bench-reader-at-scale';
    await deleteDb(name);
    const bundled = parseKbDocument(await (await fetch(bundledUrl)).json());
    const base = (await (await fetch(baseUrl)).json()) as { pieces: ReportPiece[]; packs: PackReport[] };
    let t = now();
    const { pieces, packs } = scaleReaderPieces(base.pieces, base.packs, factor);
    const sketches = base.packs.map((p) => sketchOf(p.text));
    const db = await openReaderDb(name);
    for (let from = 0; from < packs.length; from += 500) {
      const tx = db.transaction(['reports', 'sketches', 'pieces'], 'readwrite');
      for (let i = from; i < Math.min(packs.length, from + 500); i++) {
        const pack = packs[i]!;
        void tx.objectStore('reports').put(pack);
        void tx.objectStore('sketches').put({ ...sketches[i % base.packs.length]!, id: pack.id, title: pack.title });
        void tx.objectStore('pieces').put(pieces[i]!);
      }
      await tx.done;
    }
    const seedMs = now() - t;
    t = now();
    const derived = assemble(bundled, pieces, NO_REVIEW, packs);
    const assembleMs = now() - t;
    t = now();
    await putDerived(db, derived);
    const storeMs = now() - t;
    // The append path's lookups (lib/reader-kb/append.ts), as a KB that grew past APPEND_FROM has them.
    t = now();
    await putAppendIndexes(db, buildAppendIndexes(bundled, pieces, derived.kb, derived.readerHash, NO_REVIEW));
    const indexMs = now() - t;
    const changed: number[] = [];
    const derive = { ms: [] as number[], appended: [] as number[], removed: [] as number[], fullPath: [] as string[] };
    const library = createReaderLibrary({
      db,
      bundled: async () => bundled,
      parseHtml: (html) => new DOMParser().parseFromString(html, 'text/html'),
      derive: workerDeriver(workerCode, name, bundled, changed, derive),
      yieldToPage: () => new Promise((r) => setTimeout(r, 0)),
    });
    const perReport: number[] = [];
    const outcomes: string[] = [];
    for (const f of files) {
      const bytes = new TextEncoder().encode(f.text);
      t = now();
      const r = await library.importFiles([{ name: f.file, size: bytes.length, bytes: async () => bytes }]);
      perReport.push(now() - t);
      outcomes.push(r.outcomes[0]!.status === 'failed' ? `failed: ${(r.outcomes[0] as { reason: string }).reason}` : r.outcomes[0]!.status);
    }
    // The corroboration lookup (claimKeys: repeat keys and 3-word shingles → claims) as stored: records and their JSON size.
    const keyRows = await db.getAll('claimKeys');
    const phraseLookup = {
      records: keyRows.length,
      keys: keyRows.reduce((n, r) => n + Object.keys(r.keys).length, 0),
      mb: keyRows.reduce((n, r) => n + JSON.stringify(r).length, 0) / 1e6,
      ids: keyRows.reduce((n, r) => n + Object.values(r.keys).reduce((m, ids) => m + ids.length, 0), 0),
    };
    // Deleting reports from the middle of the KB one at a time (copies of `deleteAt`, base reports whose new names no other report names).
    const deleteMs: number[] = [];
    const deleteIds = deleteAt.map((i) => packs[Math.floor(factor / 2) * base.packs.length + i]!.id);
    const deriveBefore = derive.ms.length;
    for (const id of deleteIds) {
      t = now();
      await library.deleteReports([id]);
      deleteMs.push(now() - t);
    }
    const deleteDerive = { ms: derive.ms.slice(deriveBefore), removed: derive.removed.slice(deriveBefore), fullPath: derive.fullPath.slice(deriveBefore) };
    // A deletion through the full path (every piece read, the KB put together and written again), once, for comparison in the same run.
    let fullDeleteMs = NaN;
    if (fullAt >= 0) {
      const order = (await listReaderReports(db)).map((r) => r.id);
      t = now();
      await applyReaderChange(db, bundled, { deleting: [packs[Math.floor(factor / 2) * base.packs.length + fullAt]!.id], before: order }, { appendFrom: Infinity });
      fullDeleteMs = now() - t;
    }
    const stored = await counts(db);
    db.close();
    return { reports: packs.length, entities: derived.kb.entities.length, seedMs, assembleMs, storeMs, indexMs, perReport, outcomes, changed, stored, deriveMs: derive.ms.slice(0, deriveBefore), appended: derive.appended.slice(0, deriveBefore), phraseLookup, deleteMs, deleteDerive, fullDeleteMs };
  },
};

async function counts(db: ReaderDatabase) {
  const [reports, pieces, records] = await Promise.all([db.count('reports'), db.count('pieces'), db.count('kbReports')]);
  return { reports, pieces, records };
}

(window as unknown as { __readerKb: typeof api }).__readerKb = api;
export type ReaderKbApi = typeof api;
