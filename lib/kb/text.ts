// Text helpers shared by the KB build: sentence ranges, furniture ranges,
// a deterministic content hash. Pure and platform-free.

export type Span = [number, number];

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
// The segmenter ends a sentence at every "Rep. ", "Gen. ", "Dr. ", "No. " and initial ("Thomas J. Whitaker"):
// a segment that ends so, followed by a capital or a digit, runs on into the next.
const RUNS_ON = /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Prof|Rep|Sen|Gov|Gen|Lt|Col|Maj|Capt|Cpt|Sgt|Adm|Cmdr|Brig|Rev|Fr|Hon|Pres|Sec|Amb|Supt|Insp|St|Ste|Mt|Ft|No|Nos|Vol|Art|Sr|Jr|\p{Lu})\.\s*$/u;

/**
 * Sentence ranges of `text`: split on line breaks first (headlines and list
 * items have no full stop), then `Intl.Segmenter` within each line. Ranges are
 * trimmed of surrounding whitespace and never empty.
 */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  const lineBreak = /\r\n|\n|\r|\u2028|\u2029/g;
  let lineStart = 0;
  const pushLine = (from: number, to: number) => {
    const line = text.slice(from, to);
    if (line.trim() === '') return;
    let carry: number | null = null;
    for (const seg of segmenter.segment(line)) {
      let s: number = carry ?? from + seg.index;
      let e = from + seg.index + seg.segment.length;
      carry = null;
      if (e < to && RUNS_ON.test(text.slice(s, e)) && /^\s*[\p{Lu}\d]/u.test(text.slice(e, to))) {
        carry = s;
        continue;
      }
      while (s < e && /\s/.test(text[s]!)) s++;
      while (e > s && /\s/.test(text[e - 1]!)) e--;
      if (e > s) spans.push([s, e]);
    }
  };
  for (const m of text.matchAll(lineBreak)) {
    pushLine(lineStart, m.index);
    lineStart = m.index + m[0].length;
  }
  pushLine(lineStart, text.length);
  return spans;
}

/**
 * Ranges of page furniture: from each marker's first occurrence to the first
 * occurrence of its `until` text after it (inclusive), or to the end of the text.
 */
export function furnitureSpans(text: string, markers: readonly { from: string; until: string | null }[]): Span[] {
  const spans: Span[] = [];
  for (const marker of markers) {
    const start = text.indexOf(marker.from);
    if (start < 0) continue;
    let end = text.length;
    if (marker.until !== null) {
      const u = text.indexOf(marker.until, start);
      if (u >= 0) end = u + marker.until.length;
    }
    spans.push([start, end]);
  }
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  return merged;
}

export function insideAny(spans: readonly Span[], start: number, end: number): boolean {
  return spans.some(([s, e]) => start >= s && end <= e);
}

/** 53-bit string hash (cyrb53), hex. Deterministic on every platform; not for security. */
export function contentHash(input: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < input.length; i++) {
    const ch = input.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** Shorten to at most `max` characters at a word boundary, with an ellipsis. */
export function snippet(text: string, max = 220): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > max * 0.6 ? space : max).trimEnd()}…`;
}
