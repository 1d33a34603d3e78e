// Diagnostics (not part of the benchmark's figures): a CPU profile of our
// unsliced read on the 1 MB page with the 10k-alias KB, with the per-phase
// times of page-entry's diagnostics, and the lower bounds of bounds-entry.ts
// (what the steps any reader must take cost at the least, × the floor).
// `npx tsx scripts/bench/profile-scan.ts [OUT_DIR]`; `--bounds` for the lower bounds only; `--link`: the
// matcher carries link data (the page linker runs as in `scan_vs_floor_10k`); `--default-marking`: the
// reader's default settings, first mention marked (as `scan_vs_floor_10k`), instead of every mention.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { compileMatcher, hydrateMatcher } from '../../lib/match/compile';
import { scan } from '../../lib/match/scan';
import { generatePage, syntheticAliases, syntheticLinkData, vocabulary } from './gen';
import type { BoundsResult } from './bounds-entry';
import { bundleIife } from './util';
import { CHROMIUM, CHROMIUM_ARGS, ROOT, serveDir } from '../chromium';

const boundsOnly = process.argv.includes('--bounds');
const oursCall = `__bench.ours('k', { marking: '${process.argv.includes('--default-marking') ? 'default' : 'every'}' })`;
const out = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? mkdtempSync(join(tmpdir(), 'bs-prof-'));
const dir = mkdtempSync(join(tmpdir(), 'bs-prof-page-'));
const syn = syntheticAliases(10_000);
const compiled = compileMatcher(syn);
writeFileSync(join(dir, 'm.json'), JSON.stringify(process.argv.includes('--link') ? { ...compiled, link: syntheticLinkData(compiled) } : compiled));
const checker = hydrateMatcher(compiled);
const banned = new Set<string>();
const firstWords = new Set(syn.map((a) => a.text.toLowerCase().split(/\s+/)[0]!));
for (const w of vocabulary()) if (firstWords.has(w.toLowerCase()) || scan(checker, w).length || scan(checker, w.toUpperCase()).length) banned.add(w.toLowerCase());
const pool = syn.slice(0, 100).filter((a) => !a.needsContext && a.entityIds.length === 1).map((a) => a.text);
const size = Number(process.env.SIZE ?? 1024 * 1024);
const gen = generatePage({ chars: size, synthetic: pool, real: pool, density: 600, banned, seed: size });
writeFileSync(join(dir, 'page.html'), gen.html);
const server = await serveDir(dir, () => ({ 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' }));
const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'], headless: true });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${server.url}/page.html`, { waitUntil: 'load' });
  await page.addScriptTag({ content: await bundleIife(join(ROOT, 'scripts/bench/page-entry.ts')) });
  await page.evaluate(`__bench.setup()`);
  await page.evaluate(`__bench.loadMatcher('k', '/m.json', null)`);
  const run = async (expr: string) => (await page.evaluate(expr)) as Record<string, number>;
  await page.addScriptTag({ content: await bundleIife(join(ROOT, 'scripts/bench/bounds-entry.ts')) });
  const bounds = (await page.evaluate(`__bounds.run('/m.json')`)) as BoundsResult;
  console.log(`Lower bounds on the ${(bounds.counts.floorChars! / 1e6).toFixed(2)} M-character page (floor ${bounds.floorMs.toFixed(2)} ms; medians of per-repetition ratios):`);
  for (const [name, ratio] of Object.entries(bounds.ratios)) console.log(`  ${ratio.toFixed(2).padStart(5)}× the floor  ${name}`);
  const r = bounds.ratios;
  const chars = Math.min(...Object.entries(r).filter(([name]) => name.startsWith('characters')).map(([, ratio]) => ratio));
  const least = Math.min(r['text: body.textContent']!, 1) + r['structure: text node lengths + parent kinds']! + chars;
  console.log(`  ${least.toFixed(2).padStart(5)}× the floor  text + structure + characters (the cheapest of each), before any matching or marking`);
  if (boundsOnly) process.exit(0);
  for (let i = 0; i < 3; i++) await run(oursCall);
  const times: Record<string, number[]> = { floor: [], blocks: [], spot: [], scanOnly: [], spotTitled: [], ours: [], oursLayout: [], oursWait: [] };
  for (let i = 0; i < 7; i++) {
    times.floor!.push((await run(`__bench.floor()`)).ms!);
    times.blocks!.push((await run(`__bench.blocksOnly()`)).ms!);
    const s = await run(`__bench.blocksAndSpot('k')`);
    times.spot!.push(s.ms!);
    times.scanOnly!.push(s.scanOnlyMs!);
    times.spotTitled!.push((await run(`__bench.blocksAndSpot('k', { title: true })`)).ms!);
    const o = await run(oursCall);
    times.ours!.push(o.ms!);
    times.oursLayout!.push(o.layoutMs!);
    times.oursWait!.push(o.waitMs!);
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  console.log(Object.fromEntries(Object.entries(times).map(([k, v]) => [k, Number(med(v).toFixed(2))])));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  // No forced full GC before each read while profiling: what "(garbage collector)" shows is then the reads' own.
  await page.evaluate('window.gc = undefined');
  await cdp.send('Profiler.start');
  for (let i = 0; i < 10; i++) await run(oursCall);
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[]; samples: number[]; timeDeltas: number[] } };
  writeFileSync(join(out, 'scan.cpuprofile'), JSON.stringify(profile));
  // Self time per function.
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byName = new Map<string, number>();
  for (const n of profile.nodes) {
    const key = `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber}`;
    byName.set(key, (byName.get(key) ?? 0) + (self.get(n.id) ?? 0));
  }
  const total = [...byName.values()].reduce((a, b) => a + b, 0);
  for (const [k, v] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${((100 * v) / total).toFixed(1).padStart(5)}%  ${(v / 1000 / 10).toFixed(2).padStart(7)} ms/run  ${k}`);
} finally {
  await browser.close();
  server.close();
}
