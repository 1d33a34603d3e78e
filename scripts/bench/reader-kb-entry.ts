// The reader's KB in a page on loopback (Chromium's real IndexedDB), bundled
// into an IIFE by `npm run bench -- --only reader`: the options page's import
// (lib/reader-kb/library.ts, the pipeline in a worker as on the options page)
// and the background's merged lookups (lib/reader-kb/background.ts).
import { createKbService } from '../../lib/background/kb-service';
import { openBackstoryDb } from '../../lib/db/open';
import { derivedStamp, openReaderDb } from '../../lib/db/reader-store';
import { entityCard } from '../../lib/kb/card';
import { parseKbDocument, type KbDocument } from '../../lib/kb/document';
import { mergedReader, readerKbReader } from '../../lib/reader-kb/merge';
import { createReaderLibrary, type ReaderChange } from '../../lib/reader-kb/library';
import type { ReaderDerived } from '../../lib/reader-kb/pipeline';

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
function workerDeriver(workerCode: string, dbName: string, bundled: KbDocument): (change: ReaderChange) => Promise<void> {
  const worker = new Worker(URL.createObjectURL(new Blob([workerCode], { type: 'text/javascript' })));
  let next = 0;
  let sent = false;
  const waiting = new Map<number, (r: { ok: boolean; error?: string }) => void>();
  worker.onmessage = (e: MessageEvent<{ id: number; ok: boolean; error?: string }>) => {
    waiting.get(e.data.id)?.(e.data);
    waiting.delete(e.data.id);
  };
  return (change) =>
    new Promise((resolve, reject) => {
      const id = next++;
      waiting.set(id, (r) => (r.ok ? resolve() : reject(new Error(r.error))));
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
   * reports, as the background's reader layer answers them once its copy of
   * the reader's KB is in memory (lib/reader-kb/background.ts `current`): per
   * lookup, the KB status and the reader's stamp are read from IndexedDB (to
   * know the copy is current), then the merged card is assembled
   * (lib/reader-kb/merge.ts over the KB service's checked reader). The reader's
   * KB is handed over in memory: stored as one IndexedDB record at this size,
   * Chromium refuses the write (see the issue note).
   */
  async lookups(bundledUrl: string, derivedUrl: string, lookups: number) {
    await deleteDb('bench-reader-10k');
    await deleteDb('bench-bundled');
    const bundled = parseKbDocument(await (await fetch(bundledUrl)).json());
    const derived = (await (await fetch(derivedUrl)).json()) as ReaderDerived;
    const readerDb = await openReaderDb('bench-reader-10k');
    await readerDb.put('derived', { key: 'stamp', bundledHash: derived.bundledHash, readerHash: derived.readerHash, reports: derived.kb.reports.length });
    const kb = createKbService({ openDb: () => openBackstoryDb('bench-bundled'), fetchBundle: async () => bundled });
    await kb.refresh('install');
    let t = now();
    const mine = readerKbReader(derived.kb);
    const buildMs = now() - t;
    const card = async (id: string) => {
      await Promise.all([kb.status(), derivedStamp(readerDb)]);
      return entityCard(mergedReader(await kb.reader(), mine), id);
    };
    const ids = derived.kb.entities.map((e) => e.id);
    t = now();
    const first = await card(ids[0]!);
    const coldMs = now() - t + buildMs;
    const times: number[] = [];
    let seed = 1;
    for (let i = 0; i < lookups; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const id = ids[seed % ids.length]!;
      t = now();
      await card(id);
      times.push(now() - t);
    }
    readerDb.close();
    return { coldMs, p50: quantile(times, 0.5), p95: quantile(times, 0.95), reports: derived.kb.reports.length, entities: ids.length, firstCard: first?.name ?? null };
  },
};

(window as unknown as { __readerKb: typeof api }).__readerKb = api;
export type ReaderKbApi = typeof api;
