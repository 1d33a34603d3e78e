// Diagnostics for issue #6's scan target (ours ≤ 2× the bare TreeWalker walk):
// what the steps that any correct reader must take cost at the least, measured
// in the same page load as the floor, each as a ratio to the floor of its own
// repetition. Injected by scripts/bench/profile-scan.ts; not part of the
// benchmark's figures. docs/PERFORMANCE.md ("Lower bounds") explains the cases.
//
// A reader that marks names must (1) get the page's text, (2) know which text
// belongs to which block and which text is never read (scripts, styles, form
// fields: else a name matches across two paragraphs or inside a script), and
// (3) look at every character at least once to find where a name may start.
// Each case below is the cheapest way found to do one of these steps.
import { hydrateMatcher, type Matcher } from '../../lib/match/compile';
import type { CompiledMatcher } from '../../lib/match/types';
import { INLINE_TAGS, SKIP_TAGS } from '../../lib/page/core/text-blocks';

/**
 * The Wasm case's module: the word-start loop of `jsWordStarts` below, over
 * UTF-8 bytes in linear memory, compiled from this AssemblyScript with
 * `asc word-starts.ts -O3 --runtime stub --initialMemory 64` (assemblyscript 0.28.20):
 *
 *   export function wordStarts(ptr: usize, len: i32, pairPtr: usize): i32 {
 *     let count = 0;
 *     let prevWord = false;
 *     for (let i = 0; i < len; i++) {
 *       const c = <u32>load<u8>(ptr + <usize>i);
 *       const lc = c | 0x20;
 *       const isW = (lc >= 97 && lc <= 122) || (c >= 48 && c <= 57) || c >= 128;
 *       if (isW && !prevWord) {
 *         const c1 = <u32>load<u8>(ptr + <usize>i + 1) | 0x20;
 *         if (load<u8>(pairPtr + <usize>(((lc & 127) << 7) | (c1 & 127))) != 0) count++;
 *       }
 *       prevWord = isW;
 *     }
 *     return count;
 *   }
 */
// prettier-ignore
const WORD_STARTS_WASM = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 8, 1, 96, 3, 127, 127, 127, 1, 127, 3, 2, 1, 0, 5, 3, 1, 0, 64, 7, 23, 2, 10, 119, 111, 114, 100, 83, 116, 97, 114, 116,
  115, 0, 0, 6, 109, 101, 109, 111, 114, 121, 2, 0, 10, 143, 1, 1, 140, 1, 1, 6, 127, 3, 64, 32, 1, 32, 5, 74, 4, 64, 32, 0, 32, 5, 106, 45, 0, 0, 34, 6,
  65, 32, 114, 34, 7, 65, 225, 0, 79, 33, 8, 32, 4, 65, 1, 32, 7, 65, 250, 0, 77, 32, 8, 32, 8, 27, 34, 4, 69, 4, 64, 32, 6, 65, 57, 77, 32, 6, 65, 48,
  79, 113, 33, 4, 11, 32, 4, 32, 6, 65, 128, 1, 79, 32, 4, 27, 34, 4, 27, 69, 4, 64, 32, 3, 65, 1, 106, 32, 3, 32, 2, 32, 0, 32, 5, 106, 45, 0, 1, 65,
  32, 114, 65, 255, 0, 113, 32, 7, 65, 255, 0, 113, 65, 7, 116, 114, 106, 45, 0, 0, 27, 33, 3, 11, 32, 5, 65, 1, 106, 33, 5, 12, 1, 11, 11, 32, 3, 11,
]);

const now = (): number => performance.now();
const gc = (): void => (window as unknown as { gc?: () => void }).gc?.();

/** The floor, as the benchmark has it: a bare TreeWalker over every text node, reading its data. */
function floor(): number {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let chars = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) chars += (n as Text).data.length;
  return chars;
}

/** Step 1 natively: the body's text as one string (no JS string per text node). */
function textContent(): number {
  return document.body.textContent!.length;
}

/**
 * Step 2 at its cheapest: every text node's length (no string made) and its
 * parent's kind (block, inline, never read), cached per parent element; the
 * nodes' offsets kept (needed to turn a match back into a DOM range).
 * Cheaper than what a reader needs (a parent's kind alone does not say where a
 * block ends inside it, nor whether an ancestor is never read).
 */
function structure(): number {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const kinds = new Map<Node, number>();
  const offsets: number[] = [];
  let lastParent: Node | null = null;
  let kind = 0;
  let offset = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentNode!;
    if (parent !== lastParent) {
      lastParent = parent;
      let k = kinds.get(parent);
      if (k === undefined) {
        const tag = (parent as Element).tagName ?? '';
        k = SKIP_TAGS.has(tag) ? 2 : INLINE_TAGS.has(tag) ? 1 : 0;
        kinds.set(parent, k);
      }
      kind = k;
    }
    offsets.push(offset);
    offset += (n as Text).length + kind;
  }
  return offset;
}

/**
 * Step 3 in JS at its cheapest: the scan's first test at every word start (do
 * the first two letters begin some alias? the matcher's pair table), over the
 * page text as one string, with no trie walk after it.
 */
function jsWordStarts(text: string, pair: Int32Array): number {
  let count = 0;
  let prevWord = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const lc = c | 0x20;
    const isWord = (lc >= 97 && lc <= 122) || (c >= 48 && c <= 57) || c >= 128;
    if (isWord && !prevWord) {
      const c1 = text.charCodeAt(i + 1) | 0x20;
      if (pair[((lc & 127) << 7) | (c1 & 127)] !== 0) count++;
    }
    prevWord = isWord;
  }
  return count;
}

/**
 * The same loop for a flat copy of the text. A second copy of the function on
 * purpose: V8 specialises a function for the string representations it has
 * seen, and one function fed both Blink's external strings and flat strings
 * is slower on both (measured: up to 5× per character).
 */
function jsWordStartsFlat(text: string, pair: Int32Array): number {
  let count = 0;
  let prevWord = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const lc = c | 0x20;
    const isWord = (lc >= 97 && lc <= 122) || (c >= 48 && c <= 57) || c >= 128;
    if (isWord && !prevWord) {
      const c1 = text.charCodeAt(i + 1) | 0x20;
      if (pair[((lc & 127) << 7) | (c1 & 127)] !== 0) count++;
    }
    prevWord = isWord;
  }
  return count;
}

interface Wasm {
  memory: WebAssembly.Memory;
  wordStarts: (ptr: number, len: number, pairPtr: number) => number;
}

const PAIR_PTR = 0;
const TEXT_PTR = 1 << 16;

/** Step 3 in WebAssembly: copy the text into linear memory (TextEncoder.encodeInto, UTF-8), then the same loop. */
function wasmWordStarts(wasm: Wasm, text: string, encoder: TextEncoder): number {
  const { written } = encoder.encodeInto(text, new Uint8Array(wasm.memory.buffer, TEXT_PTR));
  return wasm.wordStarts(TEXT_PTR, written, PAIR_PTR);
}

/**
 * Step 3 natively, for this matching rule: one regular expression for the word
 * starts whose first two letters (either case) begin some alias, from the
 * matcher's pair table (ASCII; any non-ASCII letter is a candidate too).
 */
function pairRegex(m: Matcher): RegExp {
  const hex = (c: number) => `\\x${c.toString(16).padStart(2, '0')}`;
  const isWord = (c: number) => (c >= 48 && c <= 57) || (c >= 97 && c <= 122);
  const both = (c: number) => (c >= 97 && c <= 122 ? hex(c) + hex(c - 32) : hex(c));
  const alternatives: string[] = [];
  for (let c0 = 0; c0 < 128; c0++) {
    if (!isWord(c0) || m.root[c0] === 0) continue;
    const next: string[] = [];
    for (let c1 = 0; c1 < 128; c1++) if (isWord(c1) && m.pair[(c0 << 7) | c1] !== 0) next.push(both(c1));
    alternatives.push(`[${both(c0)}](?:[${next.join('')}]|(?![A-Za-z0-9]))`);
  }
  alternatives.push('[^\\x00-\\x7f]');
  return new RegExp(`(?<![A-Za-z0-9])(?:${alternatives.join('|')})`, 'g');
}

function regexStarts(text: string, re: RegExp): number {
  re.lastIndex = 0;
  let count = 0;
  while (re.test(text)) count++;
  return count;
}

/** For reference, a different matching rule (names only where they start with a capital letter or digit): a native regular expression finds the candidates. */
function capitalStarts(text: string): number {
  const re = /[A-Z0-9\u0080-\uffff]/g;
  let count = 0;
  while (re.test(text)) count++;
  return count;
}

export interface BoundsResult {
  floorMs: number;
  /** Medians of per-repetition ratios to the floor. */
  ratios: Record<string, number>;
  counts: Record<string, number>;
}

async function run(matcherUrl: string, reps = 25): Promise<BoundsResult> {
  const matcher: Matcher = hydrateMatcher((await (await fetch(matcherUrl)).json()) as CompiledMatcher);
  const { instance } = await WebAssembly.instantiate(WORD_STARTS_WASM, {});
  const wasm = instance.exports as unknown as Wasm;
  const text = document.body.textContent!;
  const bytesNeeded = TEXT_PTR + text.length * 3;
  const pages = Math.ceil((bytesNeeded - wasm.memory.buffer.byteLength) / 65536);
  if (pages > 0) wasm.memory.grow(pages);
  const pair = new Uint8Array(wasm.memory.buffer, PAIR_PTR, 128 * 128);
  for (let i = 0; i < pair.length; i++) pair[i] = matcher.pair[i] !== 0 ? 1 : 0;
  const encoder = new TextEncoder();
  const pairStarts = pairRegex(matcher);
  const cases: Record<string, () => number> = {
    'text: body.textContent': textContent,
    'structure: text node lengths + parent kinds': structure,
    'characters, JS: word starts + pair table, over the text as Blink gives it': () => jsWordStarts(text, matcher.pair),
    // A cons string, made flat (copied) by its first character read: the copy is in the time.
    'characters, JS: the same, over a flat copy (copy included)': () => jsWordStartsFlat(`${text}\u0000`, matcher.pair),
    'characters, Wasm: encodeInto + the same loop': () => wasmWordStarts(wasm, text, encoder),
    'characters, native: a regular expression for those word starts': () => regexStarts(text, pairStarts),
    '(other rule) capital-letter starts, native regex': () => capitalStarts(text),
  };
  const names = Object.keys(cases);
  const ratios: Record<string, number[]> = {};
  const floors: number[] = [];
  const counts: Record<string, number> = {};
  for (let rep = -3; rep < reps; rep++) {
    gc();
    const t0 = now();
    counts.floorChars = floor();
    const floorMs = now() - t0;
    for (let k = 0; k < names.length; k++) {
      const name = names[(k + Math.max(rep, 0)) % names.length]!;
      gc();
      const t = now();
      counts[name] = cases[name]!();
      const ms = now() - t;
      if (rep >= 0) (ratios[name] ??= []).push(ms / floorMs);
    }
    if (rep >= 0) floors.push(floorMs);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  return { floorMs: median(floors), ratios: Object.fromEntries(names.map((n) => [n, median(ratios[n]!)])), counts };
}

(window as unknown as { __bounds: { run: typeof run } }).__bounds = { run };
