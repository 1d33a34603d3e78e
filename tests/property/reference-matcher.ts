// A deliberately naive reference for `scan`: tokenise the text (one token per
// visible code unit, one per white-space run, invisible chars dropped), then
// try every alias key at every token, O(tokens × aliases × key length). It
// shares only the per-character tables (normalised char, folded char, class)
// with the real matcher; keys, boundaries, suffixes and the choice between
// candidates are written out again here, as plainly as possible.
import { charInfo, DIGIT, exactChar, foldChar, IGNORABLE, SPACE, UPPER, WORD } from '../../lib/match/chars';
import type { Matcher } from '../../lib/match/compile';
import type { RawMatch } from '../../lib/match/types';

interface Token {
  raw: string;
  exact: string;
  folded: string;
  start: number;
  end: number;
  word: boolean;
  digit: boolean;
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const info = charInfo(c);
    if (info & IGNORABLE) {
      i++;
      continue;
    }
    if (info & SPACE) {
      const start = i;
      while (i < text.length && charInfo(text.charCodeAt(i)) & (SPACE | IGNORABLE)) i++;
      out.push({ raw: ' ', exact: ' ', folded: ' ', start, end: i, word: false, digit: false });
      continue;
    }
    out.push({
      raw: text[i]!,
      exact: String.fromCharCode(exactChar(c)),
      folded: String.fromCharCode(foldChar(c)),
      start: i,
      end: i + 1,
      word: (info & WORD) !== 0,
      digit: (info & DIGIT) !== 0,
    });
    i++;
  }
  return out;
}

interface Key {
  exact: string[];
  folded: string[];
}

/** An alias text → its key: chars normalised, invisible chars dropped, space runs → one space, trimmed. */
function key(text: string): Key {
  const ts = tokens(text);
  while (ts.length && ts[0]!.exact === ' ') ts.shift();
  while (ts.length && ts[ts.length - 1]!.exact === ' ') ts.pop();
  return { exact: ts.map((t) => t.exact), folded: ts.map((t) => t.folded) };
}

interface RefAlias {
  keys: Key[];
  caseSensitive: boolean;
  plural: boolean;
  endsS: boolean;
  endsDigit: boolean;
}

function refAliases(m: Matcher): RefAlias[] {
  return m.aliases.map((a) => {
    const nfc = key(a.text.normalize('NFC'));
    const nfd = key(a.text.normalize('NFD'));
    const keys = [nfc, nfd].filter((k) => k.exact.length > 0);
    const last = nfc.exact[nfc.exact.length - 1] ?? '';
    const lastInfo = last ? charInfo(last.charCodeAt(0)) : 0;
    return {
      keys,
      caseSensitive: a.caseSensitive,
      plural: (lastInfo & (DIGIT | UPPER)) !== 0,
      endsS: last === 's' || last === 'S',
      endsDigit: (lastInfo & DIGIT) !== 0,
    };
  });
}

/** The end of the match including its suffix, or -1 when the alias may not end before token `next`. */
function suffixEnd(ts: Token[], next: number, end: number, a: RefAlias): number {
  const t1 = ts[next];
  if (!t1) return end;
  const t2 = ts[next + 1];
  const t3 = ts[next + 2];
  if (t1.word) {
    if (t1.exact !== 's' || !a.plural) return -1; // letters go on: no boundary
    if (!t2) return t1.end; // plural "MQ-9s"
    if (t2.word) return -1;
    if (t2.exact === "'") return t3 && t3.word ? -1 : t2.end; // "UAVs'"
    return t1.end;
  }
  if (t1.exact === "'") {
    if (!t2 || !t2.word) return a.endsS ? t1.end : end; // "Reuters'" / closing quote
    if (t2.exact === 's' || t2.exact === 'S') return t3 && t3.word ? -1 : t2.end; // "Putin's"
    return -1; // "Xi'an"
  }
  const dash = t1.raw === '\u2014' || t1.raw === '\u2015'; // em dash, horizontal bar: always a boundary
  if ((t1.exact === '-' && !dash) || ((t1.exact === '.' || t1.exact === ',') && a.endsDigit)) {
    if (t2 && t2.digit) return -1; // "Mugin-5" in "Mugin-50" or "Mugin-5.1", "Mugin" in "Mugin-5"
  }
  return end;
}

export function referenceScan(m: Matcher, text: string): RawMatch[] {
  const ts = tokens(text);
  const aliases = refAliases(m);
  const out: RawMatch[] = [];
  let p = 0;
  while (p < ts.length) {
    const canStart = p === 0 || !ts[p - 1]!.word;
    let best: (RawMatch & { cs: boolean }) | undefined;
    if (canStart) {
      aliases.forEach((a, index) => {
        for (const k of a.keys) {
          const len = k.folded.length;
          if (p + len > ts.length) continue;
          let ok = true;
          for (let q = 0; q < len && ok; q++) {
            const t = ts[p + q]!;
            ok = a.caseSensitive ? t.exact === k.exact[q] : t.folded === k.folded[q];
          }
          if (!ok) continue;
          const end = ts[p + len - 1]!.end;
          const se = suffixEnd(ts, p + len, end, a);
          if (se < 0) continue;
          const cand = { start: ts[p]!.start, end, suffixEnd: se, alias: index, cs: a.caseSensitive };
          // Longest first; same span: case-sensitive first, then lower index.
          if (
            !best ||
            cand.end > best.end ||
            (cand.end === best.end && cand.cs && !best.cs) ||
            (cand.end === best.end && cand.cs === best.cs && cand.alias < best.alias)
          ) {
            best = cand;
          }
        }
      });
    }
    if (best) {
      out.push({ start: best.start, end: best.end, suffixEnd: best.suffixEnd, alias: best.alias });
      while (p < ts.length && ts[p]!.start < best.suffixEnd) p++;
    } else p++;
  }
  return out;
}
