// A/B of the scan on a loaded machine: the in-page benchmark (page-entry.ts)
// bundled from two source trees, both injected into the same page, timed
// interleaved (floor, A, B, order rotated) so load hits both alike. Reports the
// medians of per-repetition ours/floor ratios, the ratios of the minima (`scan_vs_floor` of
// `npm run bench`, 1 MB page, 10k synthetic aliases) and the load average.
// `npx tsx scripts/bench/ab-scan.ts BASE_TREE [--reps N] [--size BYTES] [--link] [--default-marking]`
// (BASE_TREE: a checkout of the other version, e.g. `git archive main lib scripts data | tar -x -C DIR`,
// with node_modules linked in). `--link`: both run the page linker with link data. `--default-marking`:
// both mark with the reader's default settings (a tree from before that option marks every mention).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { compileMatcher, hydrateMatcher } from '../../lib/match/compile';
import { scan } from '../../lib/match/scan';
import { generatePage, syntheticAliases, syntheticLinkData, vocabulary } from './gen';
import { bundleIife, median } from './util';
import { CHROMIUM, CHROMIUM_ARGS, ROOT, serveDir } from '../chromium';

const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const flags = ['--link', '--default-marking'];
const base = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1]!.startsWith('--') && !flags.includes(args[i - 1]!)));
if (!base) throw new Error('usage: ab-scan.ts BASE_TREE [--reps N] [--size BYTES] [--link]');
const reps = opt('--reps', 15);
const size = opt('--size', 1024 * 1024);
const withLink = args.includes('--link');
const marking = args.includes('--default-marking') ? 'default' : 'every';

const dir = mkdtempSync(join(tmpdir(), 'bs-ab-'));
const syn = syntheticAliases(10_000);
const compiled = compileMatcher(syn);
writeFileSync(join(dir, 'm.json'), JSON.stringify(withLink ? { ...compiled, link: syntheticLinkData(compiled) } : compiled));
const checker = hydrateMatcher(compiled);
const banned = new Set<string>();
const firstWords = new Set(syn.map((a) => a.text.toLowerCase().split(/\s+/)[0]!));
for (const w of vocabulary()) if (firstWords.has(w.toLowerCase()) || scan(checker, w).length || scan(checker, w.toUpperCase()).length) banned.add(w.toLowerCase());
const pool = syn.slice(0, 100).filter((a) => !a.needsContext && a.entityIds.length === 1).map((a) => a.text);
const gen = generatePage({ chars: size, synthetic: pool, real: pool, density: 600, banned, seed: size });
writeFileSync(join(dir, 'page.html'), gen.html);
const server = await serveDir(dir, () => ({ 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' }));
const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'], headless: true });
const load0 = loadavg()[0]!;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${server.url}/page.html`, { waitUntil: 'load' });
  await page.addScriptTag({ content: await bundleIife(join(resolve(base), 'scripts/bench/page-entry.ts'), { global: '__A' }) });
  await page.addScriptTag({ content: await bundleIife(join(ROOT, 'scripts/bench/page-entry.ts'), { global: '__B' }) });
  const run = async (expr: string) => (await page.evaluate(expr)) as Record<string, number>;
  await run(`__A.setup()`);
  for (const g of ['__A', '__B']) await run(`${g}.loadMatcher('k', '/m.json', null)`);
  for (let i = 0; i < 3; i++) for (const g of ['__A', '__B']) await run(`${g}.ours('k', { marking: '${marking}' })`);
  const ratio: Record<string, number[]> = { A: [], B: [] };
  const ms: Record<string, number[]> = { A: [], B: [], floor: [] };
  const found: Record<string, number> = {};
  for (let rep = 0; rep < reps; rep++) {
    const order = rep % 2 ? ['B', 'A'] : ['A', 'B'];
    const floor = (await run(`__A.floor()`)).ms!;
    ms.floor!.push(floor);
    for (const g of order) {
      const r = await run(`__${g}.ours('k', { marking: '${marking}' })`);
      ms[g]!.push(r.ms!);
      ratio[g]!.push(r.ms! / floor);
      found[g] = r.mentions!;
    }
  }
  const f = (x: number) => x.toFixed(2);
  console.log(`page ${gen.textChars} chars, ${gen.textNodes} text nodes; ${reps} reps; link data: ${withLink}; marking: ${marking}; load average ${f(load0)} → ${f(loadavg()[0]!)}`);
  console.log(`floor ${f(median(ms.floor!))} ms`);
  for (const g of ['A', 'B']) console.log(`${g} (${g === 'A' ? base : 'this tree'}): ${f(median(ms[g]!))} ms, ours/floor median ${f(median(ratio[g]!))} (min ${f(Math.min(...ratio[g]!))}, max ${f(Math.max(...ratio[g]!))}), mentions ${found[g]}`);
  console.log(`B/A per rep, median: ${f(median(ms.A!.map((a, i) => ms.B![i]! / a)))}`);
  // On a loaded machine the least disturbed repetition says most: the minimum of each, and their ratio.
  const min = (xs: number[]) => Math.min(...xs);
  console.log(`minima: floor ${f(min(ms.floor!))} ms, A ${f(min(ms.A!))} ms (${f(min(ms.A!) / min(ms.floor!))}× the floor), B ${f(min(ms.B!))} ms (${f(min(ms.B!) / min(ms.floor!))}× the floor)`);
} finally {
  await browser.close();
  await server.close();
}
