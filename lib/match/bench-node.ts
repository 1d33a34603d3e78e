// Micro-benchmark of the core matcher (Node, no vitest):
//   npx tsx lib/match/bench-node.ts [aliasCounts…]
// Builds 1k/10k/100k synthetic aliases, times compile, JSON round trip,
// hydrate, and scan of ~1 MiB of prose with injected mentions.
import { compileMatcher, hydrateMatcher } from './compile';
import { createContextState, resolveMentions } from './resolve';
import { scan } from './scan';
import type { MatchAliasInput } from './types';

// Deterministic PRNG (mulberry32).
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYL = ['ka', 'lo', 'mi', 'ren', 'sha', 'tor', 'vi', 'xin', 'zhu', 'an', 'bel', 'cor', 'dan', 'el', 'fra', 'gu', 'ho', 'is', 'jo', 'ku', 'lev', 'mar', 'nov', 'os', 'pet', 'qi', 'ros', 'sun', 'tan', 'ul', 'vor', 'wen', 'yu', 'zel'];
// Syllables of ordinary (non-alias) words: disjoint from SYL, so prose rarely matches by accident.
const PLAIN = ['be', 'ch', 'de', 'fi', 'ge', 'hu', 'le', 'me', 'ne', 'pe', 're', 'se', 'te', 'we', 'ty', 'ng', 'ph', 'ou'];
const COMMON = 'the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were her she there been one all we their has would when if so no what up out said about more who will than its into them two only could new after some over also time first year government'.split(' ');

function word(r: () => number, syllables: number, from = SYL): string {
  let w = '';
  for (let i = 0; i < syllables; i++) w += from[Math.floor(r() * from.length)];
  return w;
}
const cap = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

function makeAliases(count: number, r: () => number): MatchAliasInput[] {
  const out: MatchAliasInput[] = [];
  const seen = new Set<string>();
  while (out.length < count) {
    const kind = r();
    let text: string;
    if (kind < 0.1) {
      // acronym / model number
      const len = 2 + Math.floor(r() * 3);
      text = '';
      for (let i = 0; i < len; i++) text += String.fromCharCode(65 + Math.floor(r() * 26));
      if (r() < 0.5) text += `-${Math.floor(r() * 100)}`;
    } else {
      const words = 1 + Math.floor(r() * 3);
      const parts: string[] = [];
      for (let i = 0; i < words; i++) parts.push(cap(word(r, 1 + Math.floor(r() * 3))));
      text = parts.join(' ');
    }
    if (seen.has(text)) continue;
    seen.add(text);
    out.push({ text, entityIds: [`e${out.length >> 1}`], needsContext: r() < 0.05 });
  }
  return out;
}

function makeText(targetChars: number, aliases: MatchAliasInput[], r: () => number): string {
  const parts: string[] = [];
  let len = 0;
  while (len < targetChars) {
    let w: string;
    const k = r();
    // ~1,800 injected mentions per MiB, as in the research notes' test text.
    if (k < 0.01) w = aliases[Math.floor(r() * aliases.length)]!.text + (r() < 0.2 ? '’s' : '');
    else if (k < 0.7) w = COMMON[Math.floor(r() * COMMON.length)]!;
    else if (k < 0.85) w = word(r, 1 + Math.floor(r() * 3), PLAIN);
    else w = cap(word(r, 1 + Math.floor(r() * 3), PLAIN));
    const sep = r() < 0.08 ? (r() < 0.5 ? '. ' : ', ') : ' ';
    parts.push(w, sep);
    len += w.length + sep.length;
  }
  return parts.join('');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const v = fn();
  return [v, performance.now() - t0];
}

const counts = process.argv.slice(2).map(Number).filter((n) => n > 0);
const COUNTS = counts.length ? counts : [1_000, 10_000, 100_000];
const MiB = 1024 * 1024;

console.log('aliases | compile ms | JSON bytes | JSON.parse ms | hydrate ms | trie nodes | scan ms/MiB (min / median) | floor ms/MiB (min / median) | matches/MiB | resolve ms/MiB');
for (const count of COUNTS) {
  const r = rng(count);
  const aliases = makeAliases(count, r);
  const text = makeText(MiB, aliases, r);
  const [compiled, compileMs] = time(() => compileMatcher(aliases));
  const json = JSON.stringify(compiled);
  // Parse + hydrate: what a content script pays once per page (best of 3).
  let parseMs = Infinity;
  let hydrateMs = Infinity;
  let matcher = hydrateMatcher(compiled);
  for (let k = 0; k < 3; k++) {
    const [parsed, p] = time(() => JSON.parse(json) as typeof compiled);
    const [h, ms] = time(() => hydrateMatcher(parsed));
    parseMs = Math.min(parseMs, p);
    hydrateMs = Math.min(hydrateMs, ms);
    matcher = h;
  }
  // Warm up (also fills the lazy char tables), then measure, interleaved with
  // the floor (a bare charCodeAt loop) so both see the same machine load.
  for (let i = 0; i < 5; i++) scan(matcher, text);
  const runs: number[] = [];
  const floors: number[] = [];
  let found = 0;
  let sink = 0;
  for (let i = 0; i < 21; i++) {
    const [res, ms] = time(() => scan(matcher, text));
    found = res.length;
    runs.push(ms);
    const [, fms] = time(() => {
      for (let k = 0; k < text.length; k++) sink += text.charCodeAt(k);
    });
    floors.push(fms);
  }
  const mib = text.length / MiB;
  const perMiB = `${(Math.min(...runs) / mib).toFixed(2)} / ${(median(runs) / mib).toFixed(2)}`;
  const floorMiB = `${(Math.min(...floors) / mib).toFixed(2)} / ${(median(floors) / mib).toFixed(2)}${sink < 0 ? '!' : ''}`;
  const raw = scan(matcher, text);
  let resolveMs = Infinity;
  for (let k = 0; k < 5; k++) {
    resolveMs = Math.min(resolveMs, time(() => resolveMentions(matcher, text, raw, createContextState()))[1]);
  }
  console.log(
    [
      count,
      compileMs.toFixed(0),
      json.length.toLocaleString('en'),
      parseMs.toFixed(1),
      hydrateMs.toFixed(1),
      compiled.nodeLabels.length.toLocaleString('en'),
      perMiB,
      floorMiB,
      Math.round(found / (text.length / MiB)),
      (resolveMs / (text.length / MiB)).toFixed(2),
    ].join(' | '),
  );
}
