import { writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { chromium } from 'playwright-core';
import { generatePage, syntheticAliases } from '../gen';
import { bundleIife } from '../util';
import { compileMatcher } from '../../../lib/match/compile';
import { CHROMIUM, CHROMIUM_ARGS, serveDir } from '../../chromium';
const mode = process.argv[2] ?? 'sliced';
const size = Number(process.argv[3] ?? 5) * 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'btrace-'));
const syn = syntheticAliases(10000);
writeFileSync(join(dir, 'm.json'), JSON.stringify(compileMatcher(syn)));
const g = generatePage({ chars: size, synthetic: syn.slice(0, 100).filter((a) => !a.needsContext).map((a) => a.text), real: [], density: 600 });
writeFileSync(join(dir, 'p.html'), g.html);
const server = await serveDir(dir);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto(`${server.url}/p.html`);
await page.addScriptTag({ content: await bundleIife('/work/main/scripts/bench/page-entry.ts') });
await page.evaluate(`__bench.setup()`);
await page.evaluate(`__bench.loadMatcher('k', '/m.json', null)`);
await page.waitForTimeout(500);
await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'disabled-by-default-v8.gc', 'blink', 'cppgc'] });
let r: unknown;
if (mode === 'sliced') r = await page.evaluate(`__bench.sliced('k')`);
else if (mode === 'stormbare') { r = await page.evaluate(`__bench.storm(${JSON.stringify(g.stormParagraphs)}, 300, 600)`); }
else if (mode === 'ours') { r = await page.evaluate(`__bench.ours('k', {keep: true})`); await page.waitForTimeout(1000); }
else { await page.evaluate(`__bench.sliced('k')`); r = await page.evaluate(`__bench.storm(${JSON.stringify(g.stormParagraphs)}, 300, 600)`); }
const buf = await browser.stopTracing();
writeFileSync(`/tmp/bt/trace-${mode}.json`, buf);
console.log(JSON.stringify(r).slice(0, 400));
const events = JSON.parse(buf.toString()).traceEvents as any[];
const threadNames = new Map<string, string>();
for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args.name);
const main = events.filter((e) => threadNames.get(`${e.pid}:${e.tid}`) === 'CrRendererMain' && e.ph === 'X' && typeof e.dur === 'number');
const pidTids = new Set(main.map(e => `${e.pid}:${e.tid}`)); console.log('main threads', [...pidTids]);
main.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
const tasks = main.filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask');
const longT = tasks.filter((t) => t.dur > 50_000);
console.log('tasks', tasks.length, 'long', longT.length);
const sum = new Map<string, number>();
for (const e of main) if (['UpdateLifecycle','WebFrameWidgetImpl::UpdateLifecycle','LocalFrameView::RunCompositingInputsLifecyclePhase','MajorGC','MinorGC','v8.callFunction','FunctionCall','Layout','Paint','PrePaint','UpdateLayoutTree'].includes(e.name)) sum.set(e.name, (sum.get(e.name) ?? 0) + e.dur);
console.log('totals', [...sum].map(([k, v]) => `${k} ${(v / 1000).toFixed(0)} ms`).join(' | '));
for (const t of (process.env.ALL ? longT : [])) {
  const inner = main.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur + 1);
  const by = new Map<string, number>();
  for (const e of inner) { const k = e.name + (e.args?.data?.functionName ? `(${e.args.data.functionName})` : ''); by.set(k, (by.get(k) ?? 0) + e.dur); }
  console.log(`-- task ${(t.dur / 1000).toFixed(1)} ms at ${((t.ts - tasks[0].ts) / 1000).toFixed(0)}:`, [...by].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(' | '));
}
await browser.close(); await server.close();
