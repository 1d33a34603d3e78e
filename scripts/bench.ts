// `npm run bench [-- --json FILE] [--smoke] [--reps N] [--build] [--only scan,markjs,longtasks,hover,idb,hostile,save,reader]`
//
// The performance benchmark, in headless Debian Chromium (playwright-core), with
// the extension's own code: lib/match + lib/page bundled by esbuild into an IIFE
// injected into generated news pages (scripts/bench/page-entry.ts), lib/db in a
// loopback page (scripts/bench/idb-entry.ts), and the built extension itself
// for the content script size (the release, .output/chrome-mv3) and the
// hover-to-card time (the debug build, .output/chrome-mv3-debug: its debug
// channel `__backstory` reports the content script's own timeline).
// Ratios are measured side by side in one page load, repetitions interleaved,
// medians reported. docs/PERFORMANCE.md explains the cases and records figures.
import { hostileSection, type HostileBenchResult } from './bench/hostile';
import { saveToCardSection, type SaveToCardResult } from './bench/save-to-card';
import { readerKbSection, readerMatcherSection, type ReaderKbResult, type ReaderMatcherResult } from './bench/reader';
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { matcherAliases } from '../lib/match/aliases';
import type { KbDocument } from '../lib/kb/document';
import { compileMatcher, hydrateMatcher } from '../lib/match/compile';
import { scan } from '../lib/match/scan';
import type { MatchAliasInput } from '../lib/match/types';
import type { BenchApi } from './bench/page-entry';
import type { IdbApi } from './bench/idb-entry';
import { generatePage, syntheticAliases, syntheticKb, syntheticLinkData, vocabulary, type GeneratedPage } from './bench/gen';
import { compilePageMatcher } from '../lib/link/data';
import { contentScriptBreakdown, fileSize, newestMtime } from './bench/size';
import { bundleIife, fmtMs, fmtX, median, quantile, sizeLabel, table } from './bench/util';
import { CHROMIUM, CHROMIUM_ARGS, EXTENSION_DIR, launchWithExtension, RELEASE_EXTENSION_DIR, ROOT, serveDir, waitFor, type StaticServer } from './chromium';
import { buildKbFromDisk } from './read-data';

// ------------------------------------------------------------------ options

interface Options {
  json: string | null;
  smoke: boolean;
  reps: number;
  build: boolean;
  only: Set<string> | null;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { json: null, smoke: false, reps: 0, build: false, only: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--json' || a.startsWith('--json=')) o.json = value();
    else if (a === '--smoke') o.smoke = true;
    else if (a === '--build') o.build = true;
    else if (a === '--reps' || a.startsWith('--reps=')) o.reps = Number(value());
    else if (a === '--only' || a.startsWith('--only=')) o.only = new Set(value().split(','));
    else if (a === '--help' || a === '-h') {
      console.log('usage: npm run bench -- [--json FILE] [--smoke] [--reps N] [--build] [--only scan,markjs,longtasks,hover,idb,hostile,save,reader]');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  if (!o.reps) o.reps = o.smoke ? 1 : 5;
  return o;
}

const KiB = 1024;
const MiB = 1024 * 1024;

/** What each mode measures. The full run stays under ~10 minutes on a 2-core machine. */
function config(o: Options) {
  if (o.smoke) {
    return {
      sizes: [20 * KiB],
      synthetic: [100, 1_000],
      headlineSize: 20 * KiB,
      markjsSize: 20 * KiB,
      markjsArrayAliases: 100, // "tiny": mark(array) is slow by design
      markjsReps: 1,
      regexpAliases: [1_000],
      longTaskSize: 20 * KiB,
      storm: { count: 50, ms: 500 },
      hovers: 2,
      idb: { synthetic: 1_000, lookups: 100, cards: 20 },
      hitCalls: 200,
    };
  }
  return {
    sizes: [100 * KiB, 1 * MiB, 5 * MiB],
    synthetic: [100, 1_000, 10_000, 100_000],
    headlineSize: 1 * MiB,
    markjsSize: 100 * KiB,
    markjsArrayAliases: 1_000,
    markjsReps: 3,
    regexpAliases: [1_000, 10_000],
    longTaskSize: 5 * MiB,
    storm: { count: 1_000, ms: 2_000 },
    hovers: 20,
    idb: { synthetic: 100_000, lookups: 1_000, cards: 200 },
    hitCalls: 2_000,
  };
}

/** Longest mark.js run we let happen; beyond it, extrapolate and say so. */
const MARKJS_CAP_MS = 60_000;
const DENSITY = 600;

// ------------------------------------------------------------------ in-page calls

type Api<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => R : never };

/** Call `window[global][method](...args)` in the page (arguments as JSON). */
function callOn<K extends keyof BenchApi>(page: Page, global: string, method: K, ...args: Parameters<Api<BenchApi>[K]>): Promise<Awaited<ReturnType<Api<BenchApi>[K]>>> {
  return page.evaluate(`window[${JSON.stringify(global)}][${JSON.stringify(method)}](...${JSON.stringify(args)})`) as Promise<Awaited<ReturnType<Api<BenchApi>[K]>>>;
}

/** Call the extension's code in the page (`window.__bench`). */
function call<K extends keyof BenchApi>(page: Page, method: K, ...args: Parameters<Api<BenchApi>[K]>): Promise<Awaited<ReturnType<Api<BenchApi>[K]>>> {
  return callOn(page, '__bench', method, ...args);
}


async function heapUsed(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const r = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return r.usedSize;
}

// ------------------------------------------------------------------ inputs

interface Inputs {
  dir: string;
  kb: KbDocument;
  realAliases: MatchAliasInput[];
  synthetic: MatchAliasInput[];
  /** name → { file of the compiled matcher, types file (real KB), alias count } */
  matchers: Map<string, { file: string; types: string | null; aliases: number }>;
  pages: Map<number, GeneratedPage & { file: string }>;
}

/** The real KB, built from data/ by the current code (what `npm run kb:build` bundles). */
function loadRealKb(): KbDocument {
  return buildKbFromDisk();
}

function prepareInputs(cfg: ReturnType<typeof config>, dir: string, log: (s: string) => void): Inputs {
  const kb = loadRealKb();
  const realAliases = matcherAliases(kb.entities);
  const maxSyn = Math.max(...cfg.synthetic, cfg.markjsArrayAliases, ...cfg.regexpAliases);
  const synthetic = syntheticAliases(maxSyn);
  const matchers: Inputs['matchers'] = new Map();
  const write = (name: string, data: unknown) => {
    const file = `${name}.json`;
    writeFileSync(join(dir, file), JSON.stringify(data));
    return file;
  };
  const types: Record<string, string> = {};
  for (const e of kb.entities) types[e.id] = e.type;
  const t0 = performance.now();
  // The pages' matcher with the page linker's data (lib/link/data.ts), as the background sends it.
  const realCompiled = compilePageMatcher(kb);
  matchers.set('real', { file: write('m-real', realCompiled), types: write('types-real', types), aliases: realCompiled.aliasText.length });
  const compiledSyn = new Map<number, ReturnType<typeof compileMatcher>>();
  for (const n of cfg.synthetic) {
    const c = compileMatcher(synthetic.slice(0, n));
    compiledSyn.set(n, c);
    // With link data: the scan runs the page linker, as every page does (scripts/bench/gen.ts syntheticLinkData).
    matchers.set(`syn${n}`, { file: write(`m-syn${n}`, { ...c, link: syntheticLinkData(c) }), types: null, aliases: c.aliasText.length });
  }
  log(`compiled matchers in ${fmtMs(performance.now() - t0)}`);

  // Prose words that would match an alias of any KB are not used (so every
  // mention on the page is an injected one, and the counts can be checked).
  const checkers = [hydrateMatcher(realCompiled), hydrateMatcher(compiledSyn.get(Math.max(...cfg.synthetic))!)];
  const firstWords = new Set([...realAliases, ...synthetic].map((a) => a.text.toLowerCase().split(/\s+/)[0]!));
  const banned = new Set<string>();
  for (const w of vocabulary()) {
    const forms = [w, w.toLowerCase(), w.charAt(0).toUpperCase() + w.slice(1), w.toUpperCase()];
    if (firstWords.has(w.toLowerCase()) || forms.some((f) => checkers.some((m) => scan(m, f).length > 0))) banned.add(w.toLowerCase());
  }
  if (banned.size) log(`prose words left out (they are aliases): ${[...banned].join(', ')}`);

  // Injected mentions: aliases that link directly (no context needed, one entity).
  const direct = (a: MatchAliasInput) => !a.needsContext && a.entityIds.length === 1;
  const synPool = synthetic.slice(0, Math.min(...cfg.synthetic)).filter(direct).map((a) => a.text);
  const realPool = realAliases.filter(direct).map((a) => a.text);
  const pages: Inputs['pages'] = new Map();
  for (const chars of [...new Set([...cfg.sizes, cfg.markjsSize, cfg.longTaskSize])]) {
    const page = generatePage({ chars, synthetic: synPool, real: realPool, density: DENSITY, banned, seed: chars });
    const file = `page-${chars}.html`;
    writeFileSync(join(dir, file), page.html);
    pages.set(chars, { ...page, file });
  }
  writeFileSync(join(dir, 'blank.html'), '<!doctype html><html><head><meta charset="utf-8"><title>idb</title></head><body></body></html>');
  return { dir, kb, realAliases, synthetic, matchers, pages };
}

// ------------------------------------------------------------------ sections

interface ScanRow {
  size: number;
  chars: number;
  textNodes: number;
  textNodesPerKb: number;
  floorMs: number;
  blocksMs: number;
  spot10kMs: number | null;
  /** ours/floor for the 10k KB without the page linker (the matcher's own rules), with the default marking: the linker's share is the difference. */
  noLinkRatio: number;
  /**
   * The 10k KB with the reader's default settings (first mention of each
   * entity in the article body marked; the whole page still read): what
   * `scan_vs_floor_10k` reports. `ours` below marks every mention.
   */
  defaultMarking: { ms: number; ratio: number; mentions: number; painted: number; waitMs: number };
  /** ours(largest synthetic KB) / ours(smallest), median of per-rep ratios. */
  scaling: number;
  /**
   * Per KB: `mentions` the scan linked and painted (the page linker may abstain:
   * a synthetic page has no topic); `mentionsWithoutLinker`, what the matcher's
   * own rules find, which is exactly the `injected` ones.
   */
  ours: Record<string, { ms: number; coldMs: number | null; ratio: number; mentions: number; mentionsWithoutLinker: number; painted: number; injected: number; hydrateMs: number }>;
  regexp: Record<string, { ms: number; marks: number; vsOurs: number }>;
}

async function openBenchPage(browser: Browser, server: StaticServer, file: string, bundle: string, withMark: boolean): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${server.url}/${file}`, { waitUntil: 'load', timeout: 180_000 });
  if (withMark) await page.addScriptTag({ path: join(ROOT, 'node_modules/mark.js/dist/mark.min.js') });
  await page.addScriptTag({ content: bundle });
  await call(page, 'setup');
  return page;
}

async function loadMatchers(page: Page, inputs: Inputs, names: string[]): Promise<Record<string, number>> {
  const hydrate: Record<string, number> = {};
  for (const name of names) {
    const m = inputs.matchers.get(name)!;
    const r = await call(page, 'loadMatcher', name, `/${m.file}`, m.types ? `/${m.types}` : null);
    hydrate[name] = r.hydrateMs;
  }
  return hydrate;
}

function regexpSource(aliases: readonly string[]): string {
  const esc = [...aliases].sort((a, b) => b.length - a.length).map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return `\\b(?:${esc.join('|')})\\b`;
}

async function scanSection(browser: Browser, server: StaticServer, inputs: Inputs, cfg: ReturnType<typeof config>, reps: number, bundle: string, log: (s: string) => void) {
  const rows: ScanRow[] = [];
  let hit: { hitUs: number; missUs: number; hits: number; points: number } | null = null;
  const kbNames = [...cfg.synthetic.map((n) => `syn${n}`), 'real'];
  const tenK = cfg.synthetic.includes(10_000) ? 'syn10000' : `syn${Math.max(...cfg.synthetic)}`;
  for (const size of cfg.sizes) {
    const gen = inputs.pages.get(size)!;
    const page = await openBenchPage(browser, server, gen.file, bundle, true);
    const hydrate = await loadMatchers(page, inputs, kbNames);
    // Cold: the first full read on this page (what a content script pays once per page).
    const cold: Record<string, number> = {};
    const first = await call(page, 'ours', 'real');
    cold.real = first.ms;
    const floor: number[] = [];
    const blocks: number[] = [];
    const spot: number[] = [];
    const ours: Record<string, number[]> = {};
    const ratios: Record<string, number[]> = {};
    const scaling: number[] = [];
    const small = `syn${Math.min(...cfg.synthetic)}`;
    const big = `syn${Math.max(...cfg.synthetic)}`;
    const found: Record<string, { mentions: number; painted: number }> = {};
    let textNodes = 0;
    let chars = 0;
    // Warm-up of every case (JIT, lazy char tables), then interleaved reps, order rotated.
    for (const name of kbNames) await call(page, 'ours', name);
    // What each KB's matcher finds without the linker (outside the timed reps): the injected mentions.
    const unlinked: Record<string, number> = {};
    for (const name of kbNames) unlinked[name] = (await call(page, 'ours', name, { linker: false })).mentions;
    await call(page, 'ours', tenK, { marking: 'default' });
    const ops = ['floor', 'blocks', `spot:${tenK}`, ...kbNames.map((n) => `ours:${n}`), `default:${tenK}`, `nolink:${tenK}`];
    const noLink: number[] = [];
    const firstMs: number[] = [];
    const firstRatio: number[] = [];
    /** Of `ms`, the reader's idle wait for a rendered frame before it reads (reader.ts settledLayout): no work of ours. */
    const firstWait: number[] = [];
    let firstFound = { mentions: 0, painted: 0 };
    for (let rep = 0; rep < reps; rep++) {
      const order = ops.map((_, i) => ops[(i + rep) % ops.length]!);
      const repMs: Record<string, number> = {};
      for (const op of order) {
        if (op === 'floor') {
          const r = await call(page, 'floor');
          repMs.floor = r.ms;
          textNodes = r.nodes;
          chars = r.chars;
        } else if (op === 'blocks') repMs.blocks = (await call(page, 'blocksOnly')).ms;
        else if (op.startsWith('spot:')) repMs.spot = (await call(page, 'blocksAndSpot', op.slice(5))).ms;
        else if (op.startsWith('nolink:')) repMs.nolink = (await call(page, 'ours', op.slice(7), { linker: false, marking: 'default' })).ms;
        else if (op.startsWith('default:')) {
          const r = await call(page, 'ours', op.slice(8), { marking: 'default' });
          repMs.first = r.ms;
          firstWait.push(r.waitMs);
          firstFound = { mentions: r.mentions, painted: r.painted };
        } else {
          const name = op.slice(5);
          const r = await call(page, 'ours', name);
          repMs[name] = r.ms;
          found[name] = { mentions: r.mentions, painted: r.painted };
        }
      }
      floor.push(repMs.floor!);
      noLink.push(repMs.nolink! / repMs.floor!);
      firstMs.push(repMs.first!);
      firstRatio.push(repMs.first! / repMs.floor!);
      blocks.push(repMs.blocks!);
      spot.push(repMs.spot!);
      scaling.push(repMs[big]! / repMs[small]!);
      for (const name of kbNames) {
        (ours[name] ??= []).push(repMs[name]!);
        (ratios[name] ??= []).push(repMs[name]! / repMs.floor!);
      }
    }
    const row: ScanRow = {
      size,
      chars,
      textNodes,
      textNodesPerKb: textNodes / (chars / 1000),
      floorMs: median(floor),
      blocksMs: median(blocks),
      spot10kMs: median(spot),
      noLinkRatio: median(noLink),
      defaultMarking: { ms: median(firstMs), ratio: median(firstRatio), ...firstFound, waitMs: median(firstWait) },
      scaling: median(scaling),
      ours: {},
      regexp: {},
    };
    for (const name of kbNames) {
      row.ours[name] = {
        ms: median(ours[name]!),
        coldMs: cold[name] ?? null,
        ratio: median(ratios[name]!),
        mentions: found[name]!.mentions,
        mentionsWithoutLinker: unlinked[name]!,
        painted: found[name]!.painted,
        injected: name === 'real' ? gen.injected.real : gen.injected.synthetic,
        hydrateMs: hydrate[name]!,
      };
    }
    // Hit test (one pointer move), on the headline page, over the 10k-alias marks.
    if (size === cfg.headlineSize) {
      await call(page, 'ours', tenK, { keep: true });
      hit = await call(page, 'hitTest', cfg.hitCalls);
      await call(page, 'dispose');
    }
    // mark.js markRegExp once per page and alias count, at the end: it wraps
    // matches in <mark>, so each further run gets a fresh page load.
    const regexpCases = cfg.regexpAliases.filter((n, i) => i === 0 || size <= cfg.headlineSize);
    for (const [i, n] of regexpCases.entries()) {
      const name = `syn${n}`;
      const oursMs = row.ours[name]?.ms;
      if (oursMs === undefined) continue;
      const p = i === 0 ? page : await openBenchPage(browser, server, gen.file, bundle, true);
      const r = await call(p, 'markRegExp', regexpSource(inputs.synthetic.slice(0, n).map((a) => a.text)), 'g');
      if (p !== page) await p.close();
      row.regexp[name] = { ms: r.ms, marks: r.marks, vsOurs: r.ms / oursMs };
    }
    await page.close();
    rows.push(row);
    log(
      `scan ${sizeLabel(size)}: floor ${fmtMs(row.floorMs)}, ${kbNames.map((n) => `${n} ${fmtMs(row.ours[n]!.ms)} (${fmtX(row.ours[n]!.ratio)})`).join(', ')} (every mention marked); ${tenK} with the default marking ${fmtMs(row.defaultMarking.ms)} (${fmtX(row.defaultMarking.ratio)}, ${row.defaultMarking.painted} of ${row.defaultMarking.mentions} mentions marked, of which a wait for a frame ${fmtMs(row.defaultMarking.waitMs)}), without the linker ${fmtX(row.noLinkRatio)}`,
    );
  }
  return { rows, hit, tenK };
}

async function markjsSection(browser: Browser, server: StaticServer, inputs: Inputs, cfg: ReturnType<typeof config>, bundle: string, log: (s: string) => void) {
  const gen = inputs.pages.get(cfg.markjsSize)!;
  const n = cfg.markjsArrayAliases;
  const name = `syn${n}`;
  const list = inputs.synthetic.slice(0, n).map((a) => a.text);
  const source = regexpSource(list);
  const runs = { array: [] as number[], regexp: [] as number[], oursCold: [] as number[], oursWarm: [] as number[], arrayRatio: [] as number[], regexpRatio: [] as number[], arrayRatioCold: [] as number[], regexpRatioCold: [] as number[] };
  let marks = { array: 0, regexp: 0, ours: 0 };
  for (let rep = 0; rep < cfg.markjsReps; rep++) {
    for (const kind of ['array', 'regexp'] as const) {
      // A fresh page load for each mark.js run (it wraps matches in <mark>); ours
      // first on the same load (it changes nothing in the DOM), cold then warm.
      const page = await openBenchPage(browser, server, gen.file, bundle, true);
      await loadMatchers(page, inputs, [name]);
      const cold = await call(page, 'ours', name);
      // Warm: the median of reads 5-7 on the same load (steady state: on a busy
      // 2-core machine the optimizing JIT is not always done after two reads).
      for (let i = 0; i < 3; i++) await call(page, 'ours', name);
      const warmRuns = [await call(page, 'ours', name), await call(page, 'ours', name), await call(page, 'ours', name)].sort((a, b) => a.ms - b.ms);
      const warm = warmRuns[1]!;
      const r = kind === 'array' ? await call(page, 'markArray', list) : await call(page, 'markRegExp', source, 'g');
      await page.close();
      runs[kind].push(r.ms);
      runs.oursCold.push(cold.ms);
      runs.oursWarm.push(warm.ms);
      runs[`${kind}Ratio`].push(r.ms / warm.ms);
      runs[`${kind}RatioCold`].push(r.ms / cold.ms);
      marks = { ...marks, [kind]: r.marks, ours: warm.mentions };
      log(`mark.js ${kind} ${n} aliases, ${sizeLabel(cfg.markjsSize)}: ${fmtMs(r.ms)} (${r.marks} marks); ours ${fmtMs(warm.ms)} warm, ${fmtMs(cold.ms)} cold (${warm.mentions} mentions)`);
    }
  }
  // mark(array) elsewhere: one DOM pass per keyword, so its cost is about
  // keywords × text; measure it where it stays under the cap, extrapolate beyond.
  const perKeywordChar = median(runs.array) / n / gen.textChars;
  const extrapolated: { aliases: number; size: number; ms: number }[] = [];
  for (const size of cfg.sizes) {
    for (const k of [1_000, 10_000]) {
      if (size === cfg.markjsSize && k === n) continue;
      const est = perKeywordChar * k * (inputs.pages.get(size)?.textChars ?? size);
      if (est > MARKJS_CAP_MS) extrapolated.push({ aliases: k, size, ms: est });
    }
  }
  return {
    aliases: n,
    size: cfg.markjsSize,
    arrayMs: median(runs.array),
    regexpMs: median(runs.regexp),
    oursWarmMs: median(runs.oursWarm),
    oursColdMs: median(runs.oursCold),
    arrayVsOurs: median(runs.arrayRatio),
    regexpVsOurs: median(runs.regexpRatio),
    arrayVsOursCold: median(runs.arrayRatioCold),
    regexpVsOursCold: median(runs.regexpRatioCold),
    marks,
    extrapolated,
  };
}

async function longTaskSection(browser: Browser, server: StaticServer, inputs: Inputs, cfg: ReturnType<typeof config>, bundle: string, log: (s: string) => void) {
  const gen = inputs.pages.get(cfg.longTaskSize)!;
  const out: Record<string, unknown> & {
    cases: { name: string; wallMs: number; longTasks: number[]; longFrames: number[]; longFrameRenderMs: number[]; longestSliceMs?: number; longestSlicePhase?: string; firstViewportMarkMs?: number | null; mentions?: number; mentionsAfter?: number }[];
  } = { cases: [] };
  let heap = { baseMb: 0, matcherMb: 0, afterScanMb: 0, extraMb: 0, tenKExtraMb: 0 };
  for (const kbName of ['real', cfg.synthetic.includes(10_000) ? 'syn10000' : `syn${Math.max(...cfg.synthetic)}`]) {
    const page = await openBenchPage(browser, server, gen.file, bundle, false);
    const cdp = await page.context().newCDPSession(page);
    const base = await heapUsed(cdp);
    await loadMatchers(page, inputs, [kbName]);
    const withMatcher = await heapUsed(cdp);
    const first = await call(page, 'sliced', kbName);
    const after = await heapUsed(cdp);
    out.cases.push({ name: `first scan, ${kbName}`, ...first });
    log(`long tasks, first scan ${sizeLabel(cfg.longTaskSize)} ${kbName}: ${first.longTasks.length}, long frames ${first.longFrames.length} (wall ${fmtMs(first.wallMs)}, longest slice ${fmtMs(first.longestSliceMs)}, first viewport mark ${fmtMs(first.firstViewportMarkMs)})`);
    const storm = await call(page, 'storm', GEN_STORM(gen), cfg.storm.count, cfg.storm.ms);
    out.cases.push({ name: `mutation storm, ${kbName}`, wallMs: storm.wallMs, longTasks: storm.longTasks, longFrames: storm.longFrames, longFrameRenderMs: storm.longFrameRenderMs, mentions: storm.mentionsBefore, mentionsAfter: storm.mentionsAfter });
    log(`long tasks, storm of ${cfg.storm.count} paragraphs, ${kbName}: ${storm.longTasks.length}, long frames ${storm.longFrames.length} (${storm.mentionsAfter - storm.mentionsBefore} new mentions, ${storm.batches} batches)`);
    if (kbName === 'real') {
      heap = { baseMb: base / MiB, matcherMb: (withMatcher - base) / MiB, afterScanMb: after / MiB, extraMb: (after - base) / MiB, tenKExtraMb: 0 };
      // The same storm with no reader: long tasks that are the page's own.
      await call(page, 'dispose');
      const bare = await call(page, 'storm', GEN_STORM(gen), cfg.storm.count, cfg.storm.ms);
      out.cases.push({ name: 'mutation storm, no extension (baseline)', wallMs: bare.wallMs, longTasks: bare.longTasks, longFrames: bare.longFrames, longFrameRenderMs: bare.longFrameRenderMs });
    } else heap.tenKExtraMb = (after - base) / MiB;
    await page.close();
  }
  out.heap = heap;
  return out;
}

const GEN_STORM = (g: GeneratedPage) => g.stormParagraphs;

async function idbSection(browser: Browser, server: StaticServer, inputs: Inputs, cfg: ReturnType<typeof config>, log: (s: string) => void) {
  const idbBundle = await bundleIife(join(ROOT, 'scripts/bench/idb-entry.ts'));
  writeFileSync(join(inputs.dir, 'kb-real.json'), JSON.stringify(inputs.kb));
  writeFileSync(join(inputs.dir, 'kb-syn.json'), JSON.stringify(syntheticKb(inputs.kb, cfg.idb.synthetic)));
  const page = await browser.newPage();
  await page.goto(`${server.url}/blank.html`);
  await page.addScriptTag({ content: idbBundle });
  const run = (name: string, url: string) =>
    page.evaluate(`window.__idb.run(${JSON.stringify(name)}, ${JSON.stringify(url)}, ${cfg.idb.lookups}, ${cfg.idb.cards})`) as Promise<Awaited<ReturnType<IdbApi['run']>>>;
  const real = await run('bench-real', '/kb-real.json');
  log(`IndexedDB real KB (${real.entities} entities): load ${fmtMs(real.loadMs)}, lookup p50 ${fmtMs(real.lookupP50)} p95 ${fmtMs(real.lookupP95)}, card p95 ${fmtMs(real.cardP95)}`);
  const syn = await run('bench-syn', '/kb-syn.json');
  log(`IndexedDB synthetic KB (${syn.entities} entities): load ${fmtMs(syn.loadMs)}, lookup p50 ${fmtMs(syn.lookupP50)} p95 ${fmtMs(syn.lookupP95)}, card p95 ${fmtMs(syn.cardP95)}`);
  await page.close();
  return { real, syn };
}

// ---------------------------------------------------------- the real extension: hover and size

/** The shipped content script (its size is measured) and the debug build's (its hover is timed through the debug channel). */
const CONTENT_JS = join(RELEASE_EXTENSION_DIR, 'content-scripts/content.js');
const DEBUG_CONTENT_JS = join(EXTENSION_DIR, 'content-scripts/content.js');
/** What the built extension is made from: a change here makes the build stale. */
const EXTENSION_SOURCES = ['lib', 'entrypoints', 'components', 'data', 'wxt.config.ts', 'package.json'].map((p) => join(ROOT, p));

function ensureBuilt(force: boolean, log: (s: string) => void): void {
  for (const [file, script] of [
    [CONTENT_JS, 'build:chrome'],
    [DEBUG_CONTENT_JS, 'build:debug:chrome'],
  ] as const) {
    const stale = !existsSync(file) || statSync(file).mtimeMs < newestMtime(EXTENSION_SOURCES);
    if (!force && !stale) continue;
    log(`building the extension (npm run ${script}${force ? '' : ': the build is missing or older than its sources'})…`);
    try {
      execSync(`npm run ${script}`, { cwd: ROOT, stdio: 'pipe', maxBuffer: 64 * 1024 * 1024 });
    } catch (error) {
      const e = error as { stdout?: Buffer; stderr?: Buffer };
      console.error(`${e.stdout?.toString() ?? ''}${e.stderr?.toString() ?? ''}`);
      throw new Error(`npm run ${script} failed`);
    }
  }
}

interface ContextInfo {
  id: number;
  name: string;
  origin: string;
  auxData?: { type?: string; isDefault?: boolean };
}

/**
 * The hover-to-card time inside the real extension (the debug build). The
 * content script records `dwell-end` in its debug timeline (lib/page/core/debug.ts)
 * when the dwell (`hoverDelayMs`, 500 ms) ends and it decides to show the card
 * (lib/page/card/hover.ts: in an animation frame), and `card-painted` once the frame
 * showing the full card (not the loading state) has painted
 * (lib/page/card/card-layer.tsx); `card_ms_p95` is the
 * time between the two. A probe in the content script's JS world (reached over
 * CDP) also times, from outside, dwell end → the entity card's DOM in the
 * shadow root → the next paint (a message posted in the frame in which the card
 * appeared, or after the next frame: runs after that frame's paint), and checks
 * that at each `card-painted` mark the full card is really visible.
 */
async function hoverSection(inputs: Inputs, server: StaticServer, cfg: ReturnType<typeof config>, log: (s: string) => void) {
  const ext = await launchWithExtension();
  try {
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    const cdp = await page.context().newCDPSession(page);
    const contexts: ContextInfo[] = [];
    cdp.on('Runtime.executionContextCreated', (e: { context: ContextInfo }) => contexts.push(e.context));
    cdp.on('Runtime.executionContextsCleared', () => (contexts.length = 0));
    await cdp.send('Runtime.enable');
    const gen = inputs.pages.get(cfg.markjsSize)!;
    await page.goto(`${server.url}/${gen.file}`, { waitUntil: 'load' });
    const world = await waitFor(async () => contexts.find((c) => c.auxData?.type === 'isolated' && !c.name.startsWith('__playwright') && c.origin.startsWith('chrome-extension://'))?.id ?? contexts.find((c) => c.auxData?.type === 'isolated' && /backstory/i.test(c.name))?.id, { what: "the content script's JS world", timeout: 20_000 });
    const inWorld = async <T>(expression: string): Promise<T> => {
      const r = (await cdp.send('Runtime.evaluate', { expression, contextId: world, awaitPromise: true, returnByValue: true })) as { result: { value: T }; exceptionDetails?: { text: string; exception?: { description?: string } } };
      if (r.exceptionDetails) throw new Error(`in the content script's world: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
      return r.result.value;
    };
    await waitFor(() => inWorld<boolean>('typeof __backstory === "object" && __backstory.active()'), { what: 'the content script to start', timeout: 30_000 });
    await inWorld('__backstory.idle()');
    const markCount = await waitFor(() => inWorld<number>('__backstory.marks().length'), { what: 'marks on the page', timeout: 30_000 });
    await inWorld(HOVER_PROBE);
    // Mentions in the viewport (entity highlights), from the page's highlight registry.
    const points = await page.evaluate(() => {
      const out: { x: number; y: number; text: string }[] = [];
      for (const [name, h] of CSS.highlights) {
        if (!/^backstory-(person|organisation|place|weapon|event|agreement)$/.test(name)) continue;
        for (const r of h as unknown as Set<AbstractRange>) {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          const rect = range.getClientRects()[0];
          if (!rect || rect.top < 40 || rect.bottom > innerHeight - 40 || rect.width < 4) continue;
          out.push({ x: rect.left + Math.min(rect.width / 2, 6), y: rect.top + rect.height / 2, text: range.toString() });
        }
      }
      return out;
    });
    if (points.length === 0) throw new Error('no marked mention in the viewport to hover');
    const popoverGone = () => inWorld<boolean>(`!document.querySelector('backstory-ui')?.shadowRoot?.querySelector('.bs-popover')`);
    for (let i = 0; i < cfg.hovers; i++) {
      const p = points[i % points.length]!;
      await page.mouse.move(1275, 790);
      await waitFor(popoverGone, { what: 'the card to close', timeout: 5_000, interval: 50 });
      const before = await inWorld<number>('__benchHover.results.length');
      await page.mouse.move(p.x, p.y);
      await waitFor(() => inWorld<boolean>(`__benchHover.results.length > ${before}`), { what: `the card for “${p.text}”`, timeout: 5_000, interval: 50 });
    }
    await page.mouse.move(1275, 790);
    const results = await inWorld<{ sync: number; dom: number; paint: number; shown: boolean }[]>('__benchHover.results');
    // A 'card-painted' mark with no full, visible card would be a false claim.
    const unseen = results.filter((r) => !r.shown).length;
    if (unseen) throw new Error(`${unseen} of ${results.length} 'card-painted' events came without the full card visible`);
    // The content script's own record (its debug timeline, in its own world).
    const own = await inWorld<number[]>(`(() => {
      const events = __backstory.timeline();
      const dwell = events.filter((e) => e.name === 'dwell-end');
      const out = [];
      for (const p of events.filter((e) => e.name === 'card-painted')) {
        const d = [...dwell].reverse().find((x) => x.at <= p.at);
        if (d) out.push(p.at - d.at);
      }
      return out;
    })()`);
    // The extension's own hit test, in its own world, on one mention.
    const p0 = points[0]!;
    const hit = await inWorld<{ us: number; hit: string | null } | null>(`__backstory.benchHit(${p0.x}, ${p0.y}, ${cfg.hitCalls})`);
    const paint = results.map((r) => r.paint);
    const out = {
      marks: markCount,
      hovers: results.length,
      syncP50: median(results.map((r) => r.sync)),
      domP50: median(results.map((r) => r.dom)),
      domP95: quantile(results.map((r) => r.dom), 0.95),
      paintP50: median(paint),
      paintP95: quantile(paint, 0.95),
      ownMarks: own.length > 0,
      ownP50: own.length ? median(own) : null,
      ownP95: own.length ? quantile(own, 0.95) : null,
      extensionHitUs: hit?.us ?? NaN,
      extensionHitFound: hit?.hit ?? null,
    };
    log(`hover: card DOM p50 ${fmtMs(out.domP50)} / p95 ${fmtMs(out.domP95)}, painted p50 ${fmtMs(out.paintP50)} / p95 ${fmtMs(out.paintP95)} after the dwell (${out.hovers} hovers${out.ownMarks ? `; content script marks p95 ${fmtMs(out.ownP95)}` : '; no timeline events from the content script'})`);
    return out;
  } finally {
    await ext.close();
  }
}

/**
 * Installed in the content script's world: on the content script's
 * `dwell-end` event, times the rest of that task (sync), the full card
 * in the shadow root (dom: a visible popover's dialog, not busy) and the paint
 * after it (paint); on its `card-painted` event, checks the card is
 * there and visible. A result is recorded once both the probe's paint and the
 * content script's mark have come.
 */
const HOVER_PROBE = `(() => {
  if (globalThis.__benchHover) return true;
  const state = { results: [], inFrame: false, current: null };
  globalThis.__benchHover = state;
  const root = () => document.querySelector('backstory-ui')?.shadowRoot;
  const card = () => root()?.querySelector('.bs-popover:not([aria-hidden]) [role=dialog]');
  const ready = () => { const c = card(); return !!c && c.getAttribute('aria-busy') !== 'true'; };
  // Is the content script inside an animation frame callback? (A message posted there runs after that frame's paint.)
  const raf = window.requestAnimationFrame;
  window.requestAnimationFrame = function (fn) {
    return raf.call(window, (t) => {
      state.inFrame = true;
      try { fn(t); } finally { state.inFrame = false; }
    });
  };
  const done = (cur) => { if (cur.paint !== undefined && cur.shown !== undefined) state.results.push({ sync: cur.sync, dom: cur.dom, paint: cur.paint, shown: cur.shown }); };
  const afterPaint = (cur, inFrame) => {
    const post = () => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { cur.paint = performance.now() - cur.t0; done(cur); };
      ch.port2.postMessage(0);
    };
    if (inFrame) post(); else raf.call(window, post);
  };
  const onDwellEnd = () => {
    const cur = { t0: performance.now() };
    const inFrame = state.inFrame;
    state.current = cur;
    queueMicrotask(() => {
      cur.sync = performance.now() - cur.t0;
      if (ready()) { cur.dom = cur.sync; afterPaint(cur, inFrame); return; }
      const r = root();
      if (!r) return;
      const mo = new MutationObserver(() => {
        if (!ready()) return;
        mo.disconnect();
        cur.dom = performance.now() - cur.t0;
        afterPaint(cur, false);
      });
      mo.observe(r, { childList: true, subtree: true, attributes: true });
    });
  };
  const onPainted = () => {
    const cur = state.current;
    if (!cur || cur.shown !== undefined) return;
    const c = card();
    cur.shown = ready() && getComputedStyle(c).visibility === 'visible' && c.getBoundingClientRect().width > 0;
    done(cur);
  };
  // The content script's debug timeline (lib/page/core/debug.ts), called at each event as it happens.
  __backstory.onTimeline((event) => {
    if (event.name === 'dwell-end') onDwellEnd();
    else if (event.name === 'card-painted') onPainted();
  });
  return true;
})()`;

// ------------------------------------------------------------------ main

function machine() {
  const run = (cmd: string) => {
    try {
      return execSync(cmd, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return 'unknown';
    }
  };
  return { nproc: cpus().length, chromium: run(`${CHROMIUM} --version`), node: process.version, cpu: cpus()[0]?.model ?? 'unknown' };
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const cfg = config(opts);
  const wants = (s: string) => !opts.only || opts.only.has(s);
  const started = performance.now();
  const loadBefore = loadavg()[0]!;
  const log = (s: string) => console.error(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${s}`);
  const dir = mkdtempSync(join(tmpdir(), 'backstory-bench-'));
  // Cross-origin isolated pages: performance.now() at 5 µs resolution instead of 100 µs.
  const server = await serveDir(dir, () => ({ 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' }));
  let browser: Browser | null = null;
  try {
    const inputs = prepareInputs(cfg, dir, log);
    for (const [size, p] of inputs.pages) log(`page ${sizeLabel(size)}: ${p.textChars} chars, ${p.textNodes} text nodes, ${p.injected.synthetic} + ${p.injected.real} injected mentions`);
    const bundle = await bundleIife(join(ROOT, 'scripts/bench/page-entry.ts'));
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc', '--enable-precise-memory-info'] });

    const scanR = wants('scan') ? await scanSection(browser, server, inputs, cfg, opts.reps, bundle, log) : null;
    const markR = wants('markjs') ? await markjsSection(browser, server, inputs, cfg, bundle, log) : null;
    const longR = wants('longtasks') ? await longTaskSection(browser, server, inputs, cfg, bundle, log) : null;
    const idbR = wants('idb') ? await idbSection(browser, server, inputs, cfg, log) : null;
    // Issue #18: the reader's scale (scripts/bench/reader.ts).
    // Not in a plain smoke run (it builds 100k-alias matchers and runs the pipeline): `--smoke --only reader` runs it small.
    const wantsReader = wants('reader') && (!opts.smoke || opts.only?.has('reader') === true);
    const readerR: ReaderMatcherResult | null = wantsReader ? await readerMatcherSection(browser, server, dir, inputs.kb, { smoke: opts.smoke, reps: opts.reps, bundle }, log) : null;
    const readerKbR: ReaderKbResult | null = wantsReader ? await readerKbSection(browser, server, dir, inputs.kb, { smoke: opts.smoke }, log) : null;
    await browser.close();
    browser = null;
    let size: { bytes: number; gzipBytes: number; breakdown: { source: string; bytes: number }[] } | null = null;
    let hoverR: Awaited<ReturnType<typeof hoverSection>> | null = null;
    // Issue #17: the built extension on hostile pages and an SPA (scripts/bench/hostile.ts).
    let hostileR: HostileBenchResult | null = null;
    if (wants('hostile')) {
      ensureBuilt(opts.build, log);
      hostileR = await hostileSection(log, { smoke: opts.smoke });
    }
    // Issue #18: Save click → the new name's card ready on the page (scripts/bench/save-to-card.ts).
    let saveR: SaveToCardResult | null = null;
    if (wants('save')) {
      ensureBuilt(opts.build, log);
      saveR = await saveToCardSection(log, opts.smoke ? 1 : 3);
    }
    if (wants('hover')) {
      ensureBuilt(opts.build, log);
      const breakdown = await contentScriptBreakdown(ROOT, join(ROOT, 'entrypoints/content/index.ts'));
      size = { ...fileSize(CONTENT_JS), breakdown: breakdown.parts };
      hoverR = await hoverSection(inputs, server, cfg, log);
    }

    // ---------------------------------------------------------------- results
    const headline = scanR?.rows.find((r) => r.size === cfg.headlineSize);
    const tenK = scanR?.tenK ?? 'syn10000';
    const big = `syn${Math.max(...cfg.synthetic)}`;
    const small = `syn${Math.min(...cfg.synthetic)}`;
    const longCount = longR ? longR.cases.filter((c) => !c.name.includes('baseline')).reduce((n, c) => n + c.longTasks.length, 0) : NaN;
    const result = {
      // With the reader's default settings (issue #16: first mention in the article body marked; the whole page read).
      scan_vs_floor_10k: headline?.defaultMarking.ratio ?? NaN,
      // The same without the page linker (scan_vs_floor_10k runs it, as pages do): the linker costs the difference.
      scan_vs_floor_10k_without_linker: headline?.noLinkRatio ?? NaN,
      // The same read with every mention marked (what scan_vs_floor_10k measured before issue #16's default marking).
      scan_vs_floor_10k_every_mention: headline?.ours[tenK]?.ratio ?? NaN,
      markjs_vs_ours_1k: markR?.arrayVsOurs ?? NaN,
      markjs_regexp_vs_ours_1k: markR?.regexpVsOurs ?? NaN,
      alias_scaling_100_to_100k: headline?.scaling ?? NaN,
      long_tasks: longCount,
      long_animation_frames: longR ? longR.cases.filter((c) => !c.name.includes('baseline')).reduce((n, c) => n + c.longFrames.length, 0) : NaN,
      hit_test_ms: scanR?.hit ? scanR.hit.hitUs / 1000 : NaN,
      card_ms_p95: hoverR ? (hoverR.ownP95 ?? hoverR.paintP95) : NaN,
      lookup_ms_p95: idbR ? Math.max(idbR.real.lookupP95, idbR.syn.lookupP95) : NaN,
      content_script_bytes: size?.bytes ?? NaN,
      content_script_gzip_bytes: size?.gzipBytes ?? NaN,
      heap_mb_5mb: (longR?.heap as { extraMb: number } | undefined)?.extraMb ?? NaN,
      kb_load_ms: idbR?.real.loadMs ?? NaN,
      kb_load_ms_100k: idbR?.syn.loadMs ?? NaN,
      long_tasks_hostile: hostileR?.long_tasks_hostile ?? NaN,
      spa_heap_growth_mb_2000: hostileR?.spa_heap_growth_mb_2000 ?? NaN,
      save_to_card_ms: saveR?.medianMs ?? NaN,
      matcher_hydrate_ms_100k: readerR?.matcher_hydrate_ms_100k ?? NaN,
      scan_vs_floor_100k: readerR?.scan.ratio100k ?? NaN,
      // The 10k ratio measured beside it (same page, same linker data), for the "within 10%" comparison.
      scan_vs_floor_10k_reader: readerR?.scan.ratio10k ?? NaN,
      content_script_heap_mb_100k: readerR?.content_script_heap_mb_100k ?? NaN,
      lookup_ms_p95_10k_reports: readerKbR?.lookup_ms_p95_10k_reports ?? NaN,
      import_ms_per_report: readerKbR?.import_ms_per_report ?? NaN,
      import_ms_per_report_at_10k: readerKbR?.import_ms_per_report_at_10k ?? NaN,
      delete_ms_per_report_at_10k: readerKbR?.delete_ms_per_report_at_10k ?? NaN,
      delete_ms_full_path_at_10k: readerKbR?.delete_ms_full_path_at_10k ?? NaN,
      reader_phrase_lookup_records_10k: readerKbR?.reader_phrase_lookup_records_10k ?? NaN,
      reader_phrase_lookup_mb_10k: readerKbR?.reader_phrase_lookup_mb_10k ?? NaN,
      reader_phrase_lookup_keys_10k: readerKbR?.reader_phrase_lookup_keys_10k ?? NaN,
      reader_phrase_keys_per_report_real: readerKbR?.reader_phrase_keys_per_report_real ?? NaN,
      reader_kb_load_ms_10k_reports: readerKbR?.reader_kb_load_ms_10k_reports ?? NaN,
      // Long tasks (≥ 50 ms) on the importing page while 50 reports are imported one by one (the pipeline runs in a worker).
      long_tasks_during_import: readerKbR?.long_tasks_during_import ?? NaN,
      // Which figures the keys above come from.
      meta: {
        smoke: opts.smoke,
        reps: opts.reps,
        command: `npm run bench --${process.argv.slice(2).length ? ` ${process.argv.slice(2).join(' ')}` : ''}`,
        date: new Date().toISOString(),
        machine: machine(),
        headline_page_chars: headline?.chars ?? null,
        ten_k_kb: tenK,
        scaling: `${small} → ${big}`,
        markjs: markR ? { aliases: markR.aliases, page_chars: markR.size } : null,
        duration_s: (performance.now() - started) / 1000,
        // 1-minute load average before and after: on a shared 2-core machine, figures above ~2 mean noisy timings.
        load_average: [+loadBefore.toFixed(2), +loadavg()[0]!.toFixed(2)],
      },
      scan: scanR?.rows ?? [],
      hit_test: scanR?.hit ?? null,
      markjs: markR,
      long_tasks_detail: longR,
      hover: hoverR,
      idb: idbR,
      content_script: size,
      hostile: hostileR,
      save_to_card: saveR,
      reader: readerR,
      reader_kb: readerKbR,
    };

    // ---------------------------------------------------------------- print
    const out: string[] = [];
    if (scanR) {
      const kbNames = [...cfg.synthetic.map((n) => `syn${n}`), 'real'];
      out.push('Scan + match + highlight, end to end (unsliced), vs the bare TreeWalker walk; ms, medians of interleaved reps');
      out.push(
        table(
          ['page', 'text nodes', 'floor', 'blocks only', ...kbNames.map((n) => (n === 'real' ? `real KB (${inputs.matchers.get('real')!.aliases})` : `${Number(n.slice(3)).toLocaleString('en')} aliases`)), `ours/floor ${tenK.slice(3)}`, `${small.slice(3)}→${big.slice(3)}`],
          scanR.rows.map((r) => [
            sizeLabel(r.size),
            `${r.textNodes} (${r.textNodesPerKb.toFixed(1)}/KB)`,
            fmtMs(r.floorMs),
            fmtMs(r.blocksMs),
            ...kbNames.map((n) => `${fmtMs(r.ours[n]!.ms)} (${fmtX(r.ours[n]!.ratio)})`),
            fmtX(r.ours[tenK]?.ratio),
            fmtX(r.scaling),
          ]),
        ),
      );
      out.push('');
      out.push(`Where the time goes (${tenK.slice(3)} aliases): each stage includes the ones before it`);
      out.push(
        table(
          ['page', 'floor (bare walk)', 'blocks (lib/page/core/text-blocks)', 'blocks + spotText (scan, resolve)', 'ours: + index + highlights (every mention)', 'ours, default marking (first mention)'],
          scanR.rows.map((r) => [sizeLabel(r.size), fmtMs(r.floorMs), fmtMs(r.blocksMs), fmtMs(r.spot10kMs), fmtMs(r.ours[tenK]?.ms), `${fmtMs(r.defaultMarking.ms)} (${fmtX(r.defaultMarking.ratio)})`]),
        ),
      );
      out.push('');
      out.push('Mentions linked / found without the linker / injected (our scan, per KB; the linker abstains where a page has no topic)');
      out.push(table(['page', ...kbNames], scanR.rows.map((r) => [sizeLabel(r.size), ...kbNames.map((n) => `${r.ours[n]!.mentions} / ${r.ours[n]!.mentionsWithoutLinker} / ${r.ours[n]!.injected}`)])));
      out.push('');
    }
    if (markR || scanR) {
      const rows: string[][] = [];
      if (markR) {
        rows.push([`mark(array), ${markR.aliases} aliases`, sizeLabel(markR.size), fmtMs(markR.arrayMs), fmtMs(markR.oursWarmMs), fmtX(markR.arrayVsOurs), fmtX(markR.arrayVsOursCold)]);
        rows.push([`markRegExp, ${markR.aliases} aliases`, sizeLabel(markR.size), fmtMs(markR.regexpMs), fmtMs(markR.oursWarmMs), fmtX(markR.regexpVsOurs), fmtX(markR.regexpVsOursCold)]);
        for (const e of markR.extrapolated) rows.push([`mark(array), ${e.aliases} aliases`, sizeLabel(e.size), `skipped (>60 s): ~${(e.ms / 1000).toFixed(0)} s extrapolated`, '', '', '']);
      }
      for (const r of scanR?.rows ?? []) {
        for (const [name, x] of Object.entries(r.regexp)) rows.push([`markRegExp, ${name.slice(3)} aliases (1 run)`, sizeLabel(r.size), fmtMs(x.ms), fmtMs(r.ours[name]?.ms), fmtX(x.vsOurs), '']);
      }
      out.push('mark.js (npm) vs ours on the same page load (fresh page per mark.js run); ratio = mark.js / ours');
      out.push(table(['case', 'page', 'mark.js', 'ours (warm)', 'ratio', 'ratio vs ours cold'], rows));
      out.push('');
    }
    if (longR) {
      out.push(`Long tasks (≥ 50 ms) with the real time-sliced reader, ${sizeLabel(cfg.longTaskSize)} page`);
      out.push(
        table(
          ['case', 'wall', 'long tasks', 'long animation frames (max; of which rendering)', 'longest slice of ours', 'first mark in viewport'],
          longR.cases.map((c) => [
            c.name,
            fmtMs(c.wallMs),
            `${c.longTasks.length}${c.longTasks.length ? ` (max ${Math.max(...c.longTasks).toFixed(0)} ms)` : ''}`,
            `${c.longFrames.length}${c.longFrames.length ? ` (${Math.max(...c.longFrames).toFixed(0)} ms; ${Math.max(...c.longFrameRenderMs).toFixed(0)} ms)` : ''}`,
            c.longestSliceMs === undefined ? '-' : `${fmtMs(c.longestSliceMs)}${c.longestSlicePhase ? ` (${c.longestSlicePhase})` : ''}`,
            fmtMs(c.firstViewportMarkMs),
          ]),
        ),
      );
      const h = longR.heap as { matcherMb: number; extraMb: number; tenKExtraMb: number };
      out.push(`Extra JS heap on the ${sizeLabel(cfg.longTaskSize)} page: real KB ${h.extraMb.toFixed(1)} MB (matcher ${h.matcherMb.toFixed(1)} MB), ${tenK.slice(3)} aliases ${h.tenKExtraMb.toFixed(1)} MB`);
      out.push('');
    }
    if (scanR?.hit || hoverR) {
      out.push('Hover');
      const rows: string[][] = [];
      if (scanR?.hit) rows.push(['hit test per pointer move (lib/page/core/hit-test mentionAtPoint), on a mention', `${(scanR.hit.hitUs / 1000).toFixed(4)} ms`]);
      if (scanR?.hit) rows.push(['hit test, between mentions', `${(scanR.hit.missUs / 1000).toFixed(4)} ms`]);
      if (hoverR) {
        rows.push(['hit test inside the extension (__backstory.benchHit)', `${(hoverR.extensionHitUs / 1000).toFixed(4)} ms`]);
        rows.push(['dwell timer callback (open the card, synchronous part), p50', fmtMs(hoverR.syncP50)]);
        rows.push(['dwell end → card DOM ready, p50 / p95', `${fmtMs(hoverR.domP50)} / ${fmtMs(hoverR.domP95)}`]);
        rows.push(['dwell end → card painted (next frame), p50 / p95', `${fmtMs(hoverR.paintP50)} / ${fmtMs(hoverR.paintP95)}`]);
        if (hoverR.ownMarks) rows.push(['content script marks backstory:dwell-end → card-painted, p50 / p95', `${fmtMs(hoverR.ownP50)} / ${fmtMs(hoverR.ownP95)}`]);
      }
      out.push(table(['what', 'time'], rows));
      out.push('');
    }
    if (idbR) {
      out.push('IndexedDB (Chromium, lib/db): KB install and point lookups');
      out.push(
        table(
          ['KB', 'entities', 'install (loadKb)', 'of which validate / compile', 'matcher read', 'lookup p50', 'lookup p95', 'card p50', 'card p95'],
          [idbR.real, idbR.syn].map((x, i) => [i === 0 ? 'real' : 'synthetic', String(x.entities), fmtMs(x.loadMs), `${fmtMs(x.validateMs)} / ${fmtMs(x.compileMs)}`, fmtMs(x.matcherReadMs), fmtMs(x.lookupP50), fmtMs(x.lookupP95), fmtMs(x.cardP50), fmtMs(x.cardP95)]),
        ),
      );
      out.push('');
    }
    if (size) {
      out.push(`Content script: ${size.bytes.toLocaleString('en')} bytes minified, ${size.gzipBytes.toLocaleString('en')} gzip. Largest parts (esbuild re-bundle of its imports, minified bytes):`);
      out.push(table(['source', 'bytes'], size.breakdown.slice(0, 12).map((p) => [p.source, p.bytes.toLocaleString('en')])));
      out.push('');
    }

    const targets: [string, number, string, boolean][] = [
      ['scan_vs_floor_10k', result.scan_vs_floor_10k, '≤ 3 (default marking)', result.scan_vs_floor_10k <= 3],
      ['scan_vs_floor_10k_every_mention', result.scan_vs_floor_10k_every_mention, 'reported (every mention marked)', true],
      ['alias_scaling_100_to_100k', result.alias_scaling_100_to_100k, '≤ 1.5', result.alias_scaling_100_to_100k <= 1.5],
      ['markjs_vs_ours_1k', result.markjs_vs_ours_1k, '≥ 100', result.markjs_vs_ours_1k >= 100],
      ['markjs_regexp_vs_ours_1k', result.markjs_regexp_vs_ours_1k, '≥ 5', result.markjs_regexp_vs_ours_1k >= 5],
      ['long_tasks', result.long_tasks, '0', result.long_tasks === 0],
      ['hit_test_ms', result.hit_test_ms, '< 0.1', result.hit_test_ms < 0.1],
      ['card_ms_p95', result.card_ms_p95, '≤ 16', result.card_ms_p95 <= 16],
      ['lookup_ms_p95', result.lookup_ms_p95, '≤ 5', result.lookup_ms_p95 <= 5],
      ['content_script_bytes', result.content_script_bytes, '≤ 50,000', result.content_script_bytes <= 50_000],
      ['long_tasks_hostile', result.long_tasks_hostile, '0', result.long_tasks_hostile === 0],
      ['spa_heap_growth_mb_2000', result.spa_heap_growth_mb_2000, '≤ 2', result.spa_heap_growth_mb_2000 <= 2],
      ['save_to_card_ms', result.save_to_card_ms, '≤ 1,000', result.save_to_card_ms <= 1000],
      ['matcher_hydrate_ms_100k', result.matcher_hydrate_ms_100k, '≤ 50', result.matcher_hydrate_ms_100k <= 50],
      ['scan_vs_floor_100k', result.scan_vs_floor_100k, `within 10% of ${Number.isFinite(result.scan_vs_floor_10k_reader) ? result.scan_vs_floor_10k_reader.toFixed(2) : '10k'}`, result.scan_vs_floor_100k <= result.scan_vs_floor_10k_reader * 1.1],
      ['content_script_heap_mb_100k', result.content_script_heap_mb_100k, 'reported', true],
      ['lookup_ms_p95_10k_reports', result.lookup_ms_p95_10k_reports, '≤ 5', result.lookup_ms_p95_10k_reports <= 5],
      ['import_ms_per_report', result.import_ms_per_report, 'reported (median of 50)', true],
      ['import_ms_per_report_at_10k', result.import_ms_per_report_at_10k, 'reported (median of 3, into 10,000)', true],
      ['delete_ms_per_report_at_10k', result.delete_ms_per_report_at_10k, 'reported (median of 3, from 10,000)', true],
      ['reader_phrase_lookup_records_10k', result.reader_phrase_lookup_records_10k, 'reported', true],
      ['reader_phrase_lookup_mb_10k', result.reader_phrase_lookup_mb_10k, 'reported', true],
      ['reader_kb_load_ms_10k_reports', result.reader_kb_load_ms_10k_reports, 'reported', true],
      ['long_tasks_during_import', result.long_tasks_during_import, '0', result.long_tasks_during_import === 0],
    ];
    out.push(opts.smoke ? 'Headline figures (SMOKE run: tiny pages, not comparable with the targets)' : 'Headline figures and targets');
    out.push(table(['key', 'value', 'target', ''], targets.map(([k, v, t, ok]) => [k, Number.isFinite(v) ? (Number.isInteger(v) ? v : +v.toPrecision(4)) : 'not measured', t, Number.isFinite(v) ? (ok ? 'met' : 'MISSED') : ''])));
    if (Number.isFinite(result.scan_vs_floor_10k_without_linker)) out.push(`scan_vs_floor_10k runs the page linker; without it: ${result.scan_vs_floor_10k_without_linker.toPrecision(4)} (the linker costs the difference)`);
    console.log(out.join('\n'));
    log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s (load average ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after)`);

    if (opts.json) {
      const file = resolve(opts.json);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
      log(`figures written to ${file}`);
    }
  } finally {
    await browser?.close().catch(() => undefined);
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
