// scan: one left-to-right pass over a string, walking the trie from every
// position where a word may start. Cost grows with the text, not the number of
// aliases. Never throws, never copies the text, offsets are the text's own.
//
// Rules (README.md has the full list):
// - A match starts at a non-ignorable char whose previous non-ignorable char
//   is not a word char (\p{L}\p{N}\p{M} or a surrogate), or at the text start.
// - Text chars are normalised (’‘ʼ′ → ', “” → ", dashes/minus → -), case-folded
//   for case-insensitive aliases, invisible chars (soft hyphen, zero-width
//   chars, BOM) are skipped, and a run of white space matches one alias space.
// - Case-sensitive aliases must equal the normalised text exactly.
// - End boundary (see `endOf`): the next char must not be a word char, apart
//   from the allowed suffixes "'s", "'" (alias ending in s), plural "s"
//   (alias ending in a digit or uppercase letter); a hyphen/en dash followed
//   by a digit ("Mugin" in "Mugin-5"; an em dash is always a boundary), and
//   (alias ending in a digit) "." or "," followed by a digit, are no boundary.
// - Longest alias wins; among aliases of the same span, case-sensitive ones
//   first, then the lower alias index; a longer alias that fails its checks
//   falls back to the longest shorter one that passes. Matches don't overlap:
//   scanning resumes at the match's suffixEnd.
import { APOSTROPHE, DIGIT, EXACT, HYPHEN, IGNORABLE, INIT, initChar, SPACE, SPACE_CHAR, TAB, WORD } from './chars';
import {
  exactKeysOf,
  F_CASE_SENSITIVE,
  F_ENDS_DIGIT,
  F_ENDS_S,
  F_PLURAL,
  LINEAR_MAX,
  NODE_STRIDE,
  prepareTerm,
  TERM_READY,
  TERM_STRIDE,
  type Matcher,
} from './compile';
import type { RawMatch } from './types';

function info(c: number): number {
  const t = TAB[c]!;
  return t !== 0 ? t : initChar(c);
}

/** Index of the first non-ignorable code unit at or after p (text.length if none). */
function nextReal(text: string, p: number): number {
  const n = text.length;
  while (p < n && info(text.charCodeAt(p)) & IGNORABLE) p++;
  return p;
}

/**
 * Where a match of an alias with flags f, whose alias proper ends at e, ends
 * including its suffix; -1 when e is not a valid end.
 */
export function endOf(text: string, e: number, f: number): number {
  const n = text.length;
  const q = nextReal(text, e);
  if (q >= n) return e;
  const c = text.charCodeAt(q);
  const ci = info(c);
  const x = EXACT[c]!;
  if (ci & WORD) {
    // Plural: "MQ-9s", "UAVs", then optionally "'" ("UAVs'").
    if (x !== 0x73 || !(f & F_PLURAL)) return -1;
    const q2 = nextReal(text, q + 1);
    if (q2 >= n) return q + 1;
    const c2 = text.charCodeAt(q2);
    const i2 = info(c2);
    if (i2 & WORD) return -1;
    if (EXACT[c2] === APOSTROPHE) {
      const q3 = nextReal(text, q2 + 1);
      if (q3 < n && info(text.charCodeAt(q3)) & WORD) return -1;
      return q2 + 1;
    }
    return q + 1;
  }
  if (x === APOSTROPHE) {
    const q2 = nextReal(text, q + 1);
    if (q2 >= n) return f & F_ENDS_S ? q + 1 : e;
    const c2 = text.charCodeAt(q2);
    const i2 = info(c2);
    if (!(i2 & WORD)) return f & F_ENDS_S ? q + 1 : e;
    const x2 = EXACT[c2]!;
    if (x2 !== 0x73 && x2 !== 0x53) return -1; // "Xi'an"
    const q3 = nextReal(text, q2 + 1);
    if (q3 < n && info(text.charCodeAt(q3)) & WORD) return -1; // "Xi'sa"
    return q2 + 1; // "Putin's"
  }
  if ((x === HYPHEN && c !== 0x2014 && c !== 0x2015) || ((x === 0x2e || x === 0x2c) && f & F_ENDS_DIGIT)) {
    // "Mugin" in "Mugin-5", "Mugin-5" in "Mugin-5.1": the name goes on.
    // (Not after an em dash or horizontal bar: "Putin—2024" ends the name.)
    const q2 = nextReal(text, q + 1);
    if (q2 < n && info(text.charCodeAt(q2)) & DIGIT) return -1;
  }
  return e;
}

/**
 * Where the text from `start` ends if it spells `key` exactly (same
 * normalisation and skipping as the walk); -1 if it does not.
 */
function spells(text: string, start: number, key: string): number {
  const n = text.length;
  let j = start;
  for (let k = 0; k < key.length; k++) {
    while (j < n && info(text.charCodeAt(j)) & IGNORABLE) j++;
    if (j >= n) return -1;
    const c = text.charCodeAt(j);
    const kc = key.charCodeAt(k);
    if (kc === SPACE_CHAR) {
      if (!(info(c) & SPACE)) return -1;
      j++;
      while (j < n && info(text.charCodeAt(j)) & (SPACE | IGNORABLE)) j++;
    } else {
      if (EXACT[c] !== kc) return -1;
      j++;
    }
  }
  return j;
}

/** Case-sensitive check of alias a for a walk from `start` to `end` (after the hash matched). */
function caseMatches(m: Matcher, a: number, text: string, start: number, end: number): boolean {
  for (const key of exactKeysOf(m, a)) if (spells(text, start, key) === end) return true;
  return false;
}

/** Find the mentions of the matcher's aliases in text, sorted, non-overlapping. */
export function scan(m: Matcher, text: string): RawMatch[] {
  const out: RawMatch[] = [];
  const n = text.length;
  const { root, nodes, terms, dense } = m;
  const tab = TAB;
  const pair = m.pair;
  const exact = EXACT;
  let prevWord = false;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    let t = tab[c]!;
    if (t === 0) t = initChar(c);
    if (t & IGNORABLE) {
      i++;
      continue;
    }
    if (prevWord) {
      if (!(t & WORD)) {
        prevWord = false;
        i++;
        continue;
      }
      // Inside a word no match starts: run to its end in a tight loop (most of
      // the text). An uncomputed or invisible char stops it; the loop above takes it.
      i++;
      while (i < n && (tab[text.charCodeAt(i)]! & (WORD | INIT)) === (WORD | INIT)) i++;
      continue;
    }
    prevWord = (t & WORD) !== 0;
    let node = root[t >>> 8]!;
    if (node === 0) {
      i++;
      continue;
    }
    // Walk the trie from i. hx hashes the exact (case-kept) chars walked.
    let j = i + 1;
    let hx = exact[c]!;
    // Shortcut: the first two chars are ASCII word chars (most words).
    const f0 = t >>> 8;
    if (f0 < 128 && j < n) {
      const c1 = text.charCodeAt(j);
      const t1 = tab[c1]!;
      if (c1 < 128 && (t1 & (WORD | INIT)) === (WORD | INIT)) {
        const p = pair[(f0 << 7) | (t1 >>> 8)]!;
        if (p === 0) {
          i++;
          continue;
        }
        if (p > 0) {
          node = p;
          j++;
          hx = (Math.imul(hx, 31) + exact[c1]!) | 0;
        }
      }
    }
    let bestAlias = -1;
    let bestEnd = 0;
    let bestSuffixEnd = 0;
    for (;;) {
      const r = node * NODE_STRIDE;
      const ts = nodes[r + 1]!;
      const te = nodes[r + 1 + NODE_STRIDE]!;
      for (let x = ts; x < te; x++) {
        const tr = x * TERM_STRIDE;
        let f = terms[tr + 1]!;
        if (f & F_CASE_SENSITIVE) {
          if (!(f & TERM_READY)) {
            prepareTerm(m, x);
            f = terms[tr + 1]!;
          }
          if (terms[tr + 2] !== hx && terms[tr + 3] !== hx) continue;
          if (!caseMatches(m, terms[tr]!, text, i, j)) continue;
        }
        const se = endOf(text, j, f);
        if (se < 0) continue;
        bestAlias = terms[tr]!;
        bestEnd = j;
        bestSuffixEnd = se;
        break;
      }
      const cs = nodes[r]!;
      const ce = nodes[r + NODE_STRIDE]!;
      if (cs === ce) break;
      // Next real char: skip invisible chars, fold a white-space run into one ' '.
      let k = j;
      let kc = 0;
      let kt = 0;
      while (k < n) {
        kc = text.charCodeAt(k);
        kt = tab[kc]!;
        if (kt === 0) kt = initChar(kc);
        if (!(kt & IGNORABLE)) break;
        k++;
      }
      if (k >= n) break;
      let fc: number;
      if (kt & SPACE) {
        k++;
        while (k < n) {
          const sc = text.charCodeAt(k);
          let st = tab[sc]!;
          if (st === 0) st = initChar(sc);
          if (!(st & (SPACE | IGNORABLE))) break;
          k++;
        }
        fc = SPACE_CHAR;
        hx = (Math.imul(hx, 31) + SPACE_CHAR) | 0;
      } else {
        fc = kt >>> 8;
        hx = (Math.imul(hx, 31) + exact[kc]!) | 0;
        k++;
      }
      // Child lookup: linear for small nodes, a dense row or a binary search (children are sorted by label) for big ones.
      let child = 0;
      if (ce - cs <= LINEAR_MAX) {
        for (let s = cs; s < ce; s++) {
          if ((nodes[s * NODE_STRIDE + 2]! & 0xffff) === fc) {
            child = s;
            break;
          }
        }
      } else {
        const row = nodes[r + 2]! >>> 16;
        if (row !== 0 && fc < 128) {
          const d = dense[((row - 1) << 7) + fc]!;
          if (d !== 0) child = cs + d - 1;
        } else {
          let lo = cs;
          let hi = ce - 1;
          while (lo <= hi) {
            const mid = (lo + hi) >>> 1;
            const l = nodes[mid * NODE_STRIDE + 2]! & 0xffff;
            if (l === fc) {
              child = mid;
              break;
            }
            if (l < fc) lo = mid + 1;
            else hi = mid - 1;
          }
        }
      }
      if (child === 0) break;
      node = child;
      j = k;
    }
    if (bestAlias >= 0) {
      out.push({ start: i, end: bestEnd, suffixEnd: bestSuffixEnd, alias: bestAlias });
      i = bestSuffixEnd;
      // Previous real char before the resume point.
      let p = i - 1;
      while (p >= 0 && info(text.charCodeAt(p)) & IGNORABLE) p--;
      prevWord = p >= 0 && (info(text.charCodeAt(p)) & WORD) !== 0;
      continue;
    }
    i++;
  }
  return out;
}
