// `npm run bench` section "hostile" (issue #17): the built extension, with its
// real random per-install names, on pages made to block a reading extension,
// and a single-page app navigating thousands of times.
//
// long_tasks_hostile: tasks over 50 ms (PerformanceObserver 'longtask' in the
//   page) from the moment Backstory starts reading until it is idle, on
//   30,000 inline links, one block with 100,000 mentions, and a page that
//   churns its DOM without pause. The page's own parse and first layout happen
//   before that window; the same window without the extension is measured for
//   reference (`baseline`).
// spa_heap_growth_mb_2000: JS heap (after GC) after 2,000 SPA navigations
//   (history.pushState + content replaced) minus the heap after the first 20.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, launchWithExtension, serveDir, waitFor } from '../chromium';

const NAMES = ['Vladimir Putin', 'Xi Jinping', 'Moscow', 'Beijing', 'Kyiv', 'Antony Blinken', 'Der Spiegel'];

function page(title: string, body: string, script = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}${script ? `<script>${script}</script>` : ''}</body></html>`;
}

/** The hostile pages, written to `dir`. `scale` < 1 for a smoke run. */
export function writeHostilePages(dir: string, scale = 1): Record<string, string> {
  const links = Math.round(30_000 * scale);
  const mentions = Math.round(100_000 * scale);
  const parts: string[] = [];
  for (let i = 0; i < links; i++) parts.push(`<a href="#l${i}">${NAMES[i % NAMES.length]}</a>`);
  const files: Record<string, string> = {
    'links-30k.html': page('30,000 inline links', `<p>${parts.join(' · ')}</p>`),
    'mentions-100k.html': page('One block, 100,000 mentions', `<p>${Array.from({ length: mentions }, (_, i) => NAMES[i % NAMES.length]).join(' and ')}.</p>`),
    'churn.html': page(
      'Constant DOM churn',
      '<main id="feed"></main>',
      `const feed = document.getElementById('feed'); let n = 0;
       setInterval(() => {
         for (let k = 0; k < 20; k++) {
           const p = document.createElement('p');
           p.textContent = 'Update ' + (n++) + ': ${NAMES.join(' met ')} again.';
           feed.prepend(p);
         }
         while (feed.childElementCount > 400) feed.lastElementChild.remove();
         const first = feed.firstElementChild; if (first) first.firstChild.data += ' More from Kyiv.';
       }, 16);`,
    ),
    'spa.html': page(
      'A single-page app',
      '<nav><a href="#">Home</a></nav><main id="app"></main>',
      `const app = document.getElementById('app'); let view = 0;
       window.__navigate = () => {
         view++;
         history.pushState({ view }, '', '/spa/' + view);
         app.replaceChildren();
         for (let k = 0; k < 30; k++) {
           const p = document.createElement('p');
           p.textContent = 'View ' + view + ', paragraph ' + k + ': ${NAMES.join(' talked with ')}.';
           app.append(p);
         }
         return view;
       };
       window.__navigate();`,
    ),
  };
  for (const [name, html] of Object.entries(files)) writeFileSync(join(dir, name), html);
  return files;
}

const LONG_TASK_OBSERVER = `(() => {
  const tasks = [];
  globalThis.__longTasks = tasks;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push({ at: e.startTime, duration: e.duration }); }).observe({ type: 'longtask', buffered: true });
})();`;

interface ContextInfo {
  id: number;
  name: string;
  auxData?: { type?: string; frameId?: string };
}

/** Evaluate in the Backstory content script's world (the debug channel). */
async function contentWorld(page: Page): Promise<{ cdp: CDPSession; inWorld: <T>(expression: string) => Promise<T> }> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: ContextInfo[] = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: ContextInfo }) => contexts.push(e.context));
  cdp.on('Runtime.executionContextsCleared', () => (contexts.length = 0));
  await cdp.send('Runtime.enable');
  const id = await waitFor(async () => contexts.find((c) => c.name === 'Backstory' && c.auxData?.type === 'isolated')?.id, { what: "the content script's world", timeout: 30_000 });
  const inWorld = async <T>(expression: string): Promise<T> => {
    const r = (await cdp.send('Runtime.evaluate', { expression, contextId: id, awaitPromise: true, returnByValue: true })) as { result: { value: T }; exceptionDetails?: { text: string; exception?: { description?: string } } };
    if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
    return r.result.value;
  };
  await waitFor(() => inWorld<boolean>('typeof __backstory === "object" && __backstory.active()'), { what: 'the content script to start', timeout: 30_000 });
  return { cdp, inWorld };
}

export interface HostileBenchResult {
  long_tasks_hostile: number;
  spa_heap_growth_mb_2000: number;
  cases: { page: string; longTasks: number[]; baselineLongTasks: number[]; marks: number; slices: number; longestSliceMs: number; longestSlicePhase: string }[];
  spa: { navigations: number; heapAfterWarmMb: number; heapAfterMb: number; marksLastView: number };
}

export async function hostileSection(log: (s: string) => void, options: { smoke?: boolean } = {}): Promise<HostileBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-bench-hostile-'));
  const server = await serveDir(dir);
  const scale = options.smoke ? 0.05 : 1;
  writeHostilePages(dir, scale);
  const churnMs = options.smoke ? 1000 : 5000;
  const navigations = options.smoke ? 100 : 2000;
  const ext = await launchWithExtension({ pageNames: 'random' });
  const plain = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const cases: HostileBenchResult['cases'] = [];
  try {
    for (const file of ['links-30k.html', 'mentions-100k.html', 'churn.html']) {
      const tab = await ext.context.newPage();
      await tab.setViewportSize({ width: 1280, height: 800 });
      await tab.addInitScript(LONG_TASK_OBSERVER);
      // HOSTILE_PROFILE=DIR: a CPU profile of each page (diagnostics: where a long slice goes).
      const prof = process.env.HOSTILE_PROFILE ? await tab.context().newCDPSession(tab) : null;
      if (prof) {
        await prof.send('Profiler.enable');
        await prof.send('Profiler.setSamplingInterval', { interval: 100 });
        await prof.send('Profiler.start');
      }
      await tab.goto(`${server.url}/${file}`, { waitUntil: 'load', timeout: 120_000 });
      const { cdp, inWorld } = await contentWorld(tab);
      if (file === 'churn.html') await new Promise((r) => setTimeout(r, churnMs));
      await inWorld('__backstory.idle()');
      if (prof) {
        const { profile } = (await prof.send('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] } };
        writeFileSync(join(process.env.HOSTILE_PROFILE!, `${file}.cpuprofile`), JSON.stringify(profile));
        const self = new Map<string, number>();
        const byId = new Map(profile.nodes.map((n) => [n.id, n]));
        profile.samples.forEach((id, i) => {
          const f = byId.get(id)!.callFrame;
          const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
          self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
        });
        log(`profile ${file}: ${[...self].sort((x, y) => y[1] - x[1]).slice(0, 12).map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join('; ')}`);
        await prof.detach();
      }
      const stats = await inWorld<{ scanStartedAt: number; slices: number; longestSliceMs: number; longestSlicePhase: string }>('__backstory.stats()');
      const until = await tab.evaluate(() => performance.now());
      const tasks = await tab.evaluate(() => (globalThis as unknown as { __longTasks: { at: number; duration: number }[] }).__longTasks);
      const ours = tasks.filter((t) => t.duration > 50 && t.at + t.duration >= stats.scanStartedAt && t.at <= until).map((t) => Math.round(t.duration));
      const marks = await inWorld<number>('__backstory.marks().length');
      await cdp.detach();
      await tab.close();
      // The same page and window without the extension.
      const base = await plain.newPage({ viewport: { width: 1280, height: 800 } });
      await base.addInitScript(LONG_TASK_OBSERVER);
      await base.goto(`${server.url}/${file}`, { waitUntil: 'load', timeout: 120_000 });
      const offset = stats.scanStartedAt;
      await base.waitForFunction((t) => performance.now() > t, until, { timeout: 120_000 });
      const baseTasks = await base.evaluate(() => (globalThis as unknown as { __longTasks: { at: number; duration: number }[] }).__longTasks);
      await base.close();
      const baseline = baseTasks.filter((t) => t.duration > 50 && t.at + t.duration >= offset && t.at <= until).map((t) => Math.round(t.duration));
      cases.push({ page: file, longTasks: ours, baselineLongTasks: baseline, marks, slices: stats.slices, longestSliceMs: stats.longestSliceMs, longestSlicePhase: stats.longestSlicePhase });
      log(`hostile ${file}: ${marks} marks, ${ours.length} long tasks (${ours.join(', ') || 'none'}; without the extension ${baseline.length}), ${stats.slices} slices, longest ${stats.longestSliceMs.toFixed(1)} ms (${stats.longestSlicePhase})`);
    }

    // SPA: navigate, wait for Backstory to have read each view, measure the heap.
    const tab = await ext.context.newPage();
    await tab.goto(`${server.url}/spa.html`, { waitUntil: 'load' });
    const { cdp, inWorld } = await contentWorld(tab);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      return ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize / (1024 * 1024);
    };
    const navigate = async () => {
      await tab.evaluate(() => (window as unknown as { __navigate(): number }).__navigate());
      await inWorld('__backstory.idle()');
    };
    for (let i = 0; i < 20; i++) await navigate();
    const warm = await heap();
    for (let i = 20; i < navigations; i++) await navigate();
    const after = await heap();
    const marksLastView = await inWorld<number>('__backstory.marks().length');
    await cdp.detach();
    await tab.close();
    log(`hostile SPA: ${navigations} navigations, heap ${warm.toFixed(1)} → ${after.toFixed(1)} MB, ${marksLastView} marks on the last view`);
    return {
      long_tasks_hostile: cases.reduce((n, c) => n + c.longTasks.length, 0),
      spa_heap_growth_mb_2000: after - warm,
      cases,
      spa: { navigations, heapAfterWarmMb: warm, heapAfterMb: after, marksLastView },
    };
  } finally {
    await ext.close();
    await plain.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// `npx tsx scripts/bench/hostile.ts [--smoke]`: this section alone.
if (process.argv[1]?.endsWith('hostile.ts')) {
  const smoke = process.argv.includes('--smoke');
  hostileSection((s) => console.error(`[hostile] ${s}`), { smoke }).then(
    (r) => console.log(JSON.stringify({ long_tasks_hostile: r.long_tasks_hostile, spa_heap_growth_mb_2000: +r.spa_heap_growth_mb_2000.toFixed(2), cases: r.cases, spa: r.spa }, null, 1)),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
