// `npm run bench -- --only reader`: the reader's scale (issue #18). A page
// matcher of 100,000 aliases (the real KB plus synthetic entities with the
// linker's data filled in, scripts/bench/reader-gen.ts) in its packed form
// (lib/match/packed.ts), as a content script receives it:
// - matcher_hydrate_ms_100k: JSON.parse of the message text + hydrateMatcher,
//   on a fresh page each time (cold, as every page pays it), median of 3;
//   the JSON form of today's CompiledMatcher beside it for comparison;
// - scan_vs_floor_100k / scan_vs_floor_10k_reader: the full read of a 1 MB
//   page (scan, link, highlight) over the bare TreeWalker walk, 10k and 100k
//   alias matchers with the same linker data, interleaved reps;
// - content_script_heap_mb_100k: JS heap the page gains by loading the 100k
//   matcher and reading the page once.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { KbDocument } from '../../lib/kb/document';
import { packMatcher } from '../../lib/match/packed';
import type { BenchApi } from './page-entry';
import { generatePage } from './gen';
import { readerScaleMatcher } from './reader-gen';
import { median } from './util';
import type { StaticServer } from '../chromium';

type Api<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => R : never };
function call<K extends keyof BenchApi>(page: Page, method: K, ...args: Parameters<Api<BenchApi>[K]>): Promise<Awaited<ReturnType<Api<BenchApi>[K]>>> {
  return page.evaluate(`window.__bench[${JSON.stringify(method)}](...${JSON.stringify(args)})`) as Promise<Awaited<ReturnType<Api<BenchApi>[K]>>>;
}

export interface ReaderMatcherResult {
  aliases: { '10k': number; '100k': number };
  packedBytes: number;
  jsonBytes: number;
  hydrate: { parseMs: number; hydrateMs: number }[];
  hydrateJson: { parseMs: number; hydrateMs: number } | null;
  matcher_hydrate_ms_100k: number;
  matcher_hydrate_ms_100k_json: number;
  scan: { floorMs: number; ms10k: number; ms100k: number; ratio10k: number; ratio100k: number; mentions10k: number; mentions100k: number; reps: number };
  content_script_heap_mb_100k: number;
}

export async function readerMatcherSection(
  browser: Browser,
  server: StaticServer,
  dir: string,
  kb: KbDocument,
  opts: { smoke: boolean; reps: number; bundle: string },
  log: (s: string) => void,
): Promise<ReaderMatcherResult> {
  const big = opts.smoke ? 10_000 : 100_000;
  const small = opts.smoke ? 1_000 : 10_000;
  const t0 = performance.now();
  const c100 = readerScaleMatcher(kb, big);
  const c10 = readerScaleMatcher(kb, small);
  const packed100 = JSON.stringify(packMatcher(c100));
  const json100 = JSON.stringify(c100);
  writeFileSync(join(dir, 'reader-p100k.json'), packed100);
  writeFileSync(join(dir, 'reader-j100k.json'), json100);
  writeFileSync(join(dir, 'reader-p10k.json'), JSON.stringify(packMatcher(c10)));
  // Mentions of entities both matchers know (the synthetic entities are a common prefix), and of the real KB.
  const pool = c10.aliasText.filter((t, a) => typeof c10.aliasEntities[a] === 'number' && /^[A-Z][a-z]+(?: [A-Z][a-z]+)+$/.test(t)).slice(0, 2000);
  const gen = generatePage({ chars: opts.smoke ? 100 * 1024 : 1024 * 1024, synthetic: pool, real: [], density: 600, seed: 18 });
  writeFileSync(join(dir, 'reader-page.html'), gen.html);
  log(`reader: matchers of ${c10.aliasText.length} and ${c100.aliasText.length} aliases built in ${((performance.now() - t0) / 1000).toFixed(1)} s; packed ${(packed100.length / 1e6).toFixed(1)} MB vs JSON ${(json100.length / 1e6).toFixed(1)} MB`);

  const open = async (file: string) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url}/${file}`, { waitUntil: 'load', timeout: 180_000 });
    await page.addScriptTag({ content: opts.bundle });
    await call(page, 'setup');
    return page;
  };

  // Cold hydrate: a fresh page per load, as each page's content script pays it.
  const hydrate: { parseMs: number; hydrateMs: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const page = await open('blank.html');
    const r = await call(page, 'loadMatcher', 'p100k', '/reader-p100k.json', null);
    hydrate.push({ parseMs: r.parseMs, hydrateMs: r.hydrateMs });
    await page.close();
  }
  let hydrateJson: { parseMs: number; hydrateMs: number } | null = null;
  {
    const page = await open('blank.html');
    const r = await call(page, 'loadMatcher', 'j100k', '/reader-j100k.json', null);
    hydrateJson = { parseMs: r.parseMs, hydrateMs: r.hydrateMs };
    await page.close();
  }
  const hydrateMs = median(hydrate.map((h) => h.parseMs + h.hydrateMs));
  log(`reader: hydrate ${big} aliases, packed ${hydrate.map((h) => `${h.parseMs.toFixed(1)} + ${h.hydrateMs.toFixed(1)}`).join(', ')} ms (parse + hydrate); JSON form ${hydrateJson.parseMs.toFixed(1)} + ${hydrateJson.hydrateMs.toFixed(1)} ms`);

  // Heap: the page before and after loading the 100k matcher and reading the page once.
  const page = await open('reader-page.html');
  const cdp = await page.context().newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
  };
  await call(page, 'floor');
  const before = await heap();
  await call(page, 'loadMatcher', 'p100k', '/reader-p100k.json', null);
  await call(page, 'ours', 'p100k');
  const heapMb = ((await heap()) - before) / 1024 / 1024;
  await call(page, 'loadMatcher', 'p10k', '/reader-p10k.json', null);

  // Scan: interleaved reps, order rotated.
  for (const name of ['p10k', 'p100k']) await call(page, 'ours', name);
  const reps = Math.max(3, opts.reps);
  const ops = ['floor', 'p10k', 'p100k'];
  const ms: Record<string, number[]> = { floor: [], p10k: [], p100k: [] };
  const ratio: Record<string, number[]> = { p10k: [], p100k: [] };
  const mentions: Record<string, number> = {};
  for (let rep = 0; rep < reps; rep++) {
    const one: Record<string, number> = {};
    for (const op of ops.map((_, i) => ops[(i + rep) % ops.length]!)) {
      if (op === 'floor') one.floor = (await call(page, 'floor')).ms;
      else {
        const r = await call(page, 'ours', op);
        one[op] = r.ms;
        mentions[op] = r.mentions;
      }
    }
    for (const k of ops) ms[k]!.push(one[k]!);
    ratio.p10k!.push(one.p10k! / one.floor!);
    ratio.p100k!.push(one.p100k! / one.floor!);
  }
  await page.close();
  const scan = {
    floorMs: median(ms.floor!),
    ms10k: median(ms.p10k!),
    ms100k: median(ms.p100k!),
    ratio10k: median(ratio.p10k!),
    ratio100k: median(ratio.p100k!),
    mentions10k: mentions.p10k!,
    mentions100k: mentions.p100k!,
    reps,
  };
  log(`reader: 1 MB page, floor ${scan.floorMs.toFixed(1)} ms, ${small} aliases ${scan.ms10k.toFixed(1)} ms (${scan.ratio10k.toFixed(2)}×), ${big} aliases ${scan.ms100k.toFixed(1)} ms (${scan.ratio100k.toFixed(2)}×); heap +${heapMb.toFixed(1)} MB`);
  return {
    aliases: { '10k': c10.aliasText.length, '100k': c100.aliasText.length },
    packedBytes: packed100.length,
    jsonBytes: json100.length,
    hydrate,
    hydrateJson,
    matcher_hydrate_ms_100k: hydrateMs,
    matcher_hydrate_ms_100k_json: hydrateJson.parseMs + hydrateJson.hydrateMs,
    scan,
    content_script_heap_mb_100k: heapMb,
  };
}
