// The reader's KB in a page on loopback (Chromium's real IndexedDB), bundled
// into an IIFE by `npm run bench -- --only reader`: the options page's import
// (lib/reader-kb/library.ts, the pipeline in a worker as on the options page)
// and the background's merged lookups (lib/reader-kb/background.ts).
import { createKbService } from '../../lib/background/kb-service';
import { openBackstoryDb } from '../../lib/db/open';
import { openReaderDb, putPiecesAndDerived } from '../../lib/db/reader-store';
import { parseKbDocument, type KbDocument } from '../../lib/kb/document';
import { createReaderLayer } from '../../lib/reader-kb/background';
import type { UpdateInput, UpdateResult } from '../../lib/reader-kb/incremental';
import { createReaderLibrary } from '../../lib/reader-kb/library';
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

/** The pipeline in a worker (the options page's lib/reader-kb/page-env.ts does the same with Vite's worker import). */
function workerDeriver(workerCode: string, bundled: KbDocument): (input: UpdateInput) => Promise<UpdateResult> {
  const worker = new Worker(URL.createObjectURL(new Blob([workerCode], { type: 'text/javascript' })));
  let next = 0;
  const waiting = new Map<number, (r: { ok: boolean; result?: UpdateResult; error?: string }) => void>();
  worker.onmessage = (e: MessageEvent<{ id: number; ok: boolean; result?: UpdateResult; error?: string }>) => {
    waiting.get(e.data.id)?.(e.data);
    waiting.delete(e.data.id);
  };
  return (input) =>
    new Promise((resolve, reject) => {
      const id = next++;
      waiting.set(id, (r) => (r.ok ? resolve(r.result!) : reject(new Error(r.error))));
      worker.postMessage({ id, bundled, input });
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
      derive: workerDeriver(workerCode, bundled),
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
   * Card lookups over the bundled KB merged with a reader's KB of many reports
   * (the background's code path): `lookups` cards of random entities the
   * reader's reports mention, after one cold lookup (which reads the reader's KB).
   */
  async lookups(bundledUrl: string, derivedUrl: string, lookups: number) {
    await deleteDb('bench-reader-10k');
    await deleteDb('bench-bundled');
    const bundled = parseKbDocument(await (await fetch(bundledUrl)).json());
    const derived = (await (await fetch(derivedUrl)).json()) as ReaderDerived;
    const readerDb = await openReaderDb('bench-reader-10k');
    await putPiecesAndDerived(readerDb, [], [], derived);
    const kb = createKbService({ openDb: () => openBackstoryDb('bench-bundled'), fetchBundle: async () => bundled });
    await kb.refresh('install');
    const layer = createReaderLayer({ kb, openReaderDb: async () => readerDb, fetchBundle: async () => bundled });
    const ids = derived.kb.entities.map((e) => e.id);
    let t = now();
    const first = await layer.card(ids[0]!);
    const coldMs = now() - t;
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
    return { coldMs, p50: quantile(times, 0.5), p95: quantile(times, 0.95), reports: derived.kb.reports.length, entities: ids.length, firstCard: first?.name ?? null };
  },
};

(window as unknown as { __readerKb: typeof api }).__readerKb = api;
export type ReaderKbApi = typeof api;
