// Small text tools for the caveat rules: clauses, quoted spans, content words,
// edit distance. Pure and deterministic; offsets are always offsets into the
// string passed in, so callers can add a sentence's start to get report offsets.

export type Span = [number, number];

/** Characters that end a clause for quoting purposes. */
const CLAUSE_BREAK = /[,;:–—()]|\s[-–—]\s/g;

/**
 * Clause spans of a sentence: split at commas, semicolons, colons, dashes and
 * brackets, trimmed of white space and quotation marks. Never empty.
 */
export function clauseSpans(sentence: string): Span[] {
  const spans: Span[] = [];
  let from = 0;
  const push = (s: number, e: number) => {
    const t = trimSpan(sentence, s, e);
    if (t[1] > t[0]) spans.push(t);
  };
  for (const m of sentence.matchAll(CLAUSE_BREAK)) {
    // A comma inside a number ("12,998.52") is not a break.
    if (m[0] === ',' && /\d/.test(sentence[m.index - 1] ?? '') && /\d/.test(sentence[m.index + 1] ?? '')) continue;
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, sentence.length);
  return spans;
}

/** The clause of `sentence` that contains offset `at`. */
export function clauseAt(sentence: string, at: number): Span {
  for (const span of clauseSpans(sentence)) if (at >= span[0] && at < span[1]) return span;
  return trimSpan(sentence, 0, sentence.length);
}

const TRIM_CHARS = /[\s‘’'“”"«».?!]/;

/** Trim white space, quotation marks and final punctuation from both ends of [s, e). */
export function trimSpan(text: string, s: number, e: number): Span {
  while (s < e && TRIM_CHARS.test(text[s]!)) s++;
  while (e > s && TRIM_CHARS.test(text[e - 1]!)) e--;
  return [s, e];
}

/**
 * Spans of quoted speech: “…”, "…" and ‘…’ (a closing ’ is one followed by a
 * non-letter, so apostrophes in "China’s" do not close a quote).
 */
export function quotedSpans(text: string): Span[] {
  const spans: Span[] = [];
  const pairs: [RegExp][] = [[/“[^”]*”?/g], [/"[^"]*"/g], [/‘(?:[^’]|’(?=\p{L}))*’?/gu]];
  for (const [re] of pairs) for (const m of text.matchAll(re)) spans.push([m.index, m.index + m[0].length]);
  return spans.sort((a, b) => a[0] - b[0]);
}

export function inside(spans: readonly Span[], at: number): boolean {
  return spans.some(([s, e]) => at > s && at < e);
}

// ---------- content words ----------

const STOP = new Set(
  (
    'a an the and or but if of to in on at by for from with without as is are was were be been being has have had do does did ' +
    'this that these those it its they them their there here he his she her we our you your i me my who whom whose which what ' +
    'when where while than then so such also very more most much many some any all both each other another into over under about ' +
    'after before between during since until not no nor only just also can could may might will would shall should must ' +
    'said says say stated states state told tells added adds noted notes according however meanwhile including including well ' +
    'last year this year same period current currently'
  ).split(/\s+/),
);

/** A crude English stem: enough to meet "opposing"/"opposition", "drones"/"drone", "collaborating"/"collaboration". */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/[’']s$/, '');
  if (w.length <= 3) return w;
  for (const suffix of ['ations', 'ation', 'itions', 'ition', 'ments', 'ment', 'ings', 'ing', 'ies', 'ied', 'ed', 'es', 'ly', 's']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  return w.replace(/e$/, '');
}

/** A few synonyms the reports use for the same thing. */
const SYNONYMS: Record<string, string> = {
  weapon: 'arm',
  weaponry: 'arm',
  armament: 'arm',
  arm: 'arm',
  rat: 'pace', // "rate" → stem "rat"
  pac: 'pace',
  aid: 'aid',
  assistanc: 'aid',
  support: 'aid',
  concern: 'concern',
  concerned: 'concern',
  plummet: 'declin',
  declin: 'declin',
  chairman: 'chair',
};

export interface Token {
  text: string;
  key: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:[’'.-][\p{L}\p{N}]+)*%?/gu;

/** Content tokens of a text: lowercased stems (numbers as written), stop words left out. */
export function contentTokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const lower = raw.toLowerCase();
    if (STOP.has(lower)) continue;
    let key: string;
    if (/\d/.test(raw)) key = raw.replace(/,/g, '');
    else {
      const s = stem(lower);
      // Truncate long stems: "historically"/"history", "emphasized"/"emphasis" meet at six letters.
      key = SYNONYMS[s] ?? SYNONYMS[lower] ?? (s.length > 6 && !s.includes('-') ? s.slice(0, 6) : s);
    }
    if (key.length < 2) continue;
    out.push({ text: raw, key, start: m.index, end: m.index + raw.length });
  }
  return out;
}

export function contentKeys(text: string): Set<string> {
  return new Set(contentTokens(text).map((t) => t.key));
}

// ---------- edit distance ----------

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push(new Array<number>(b.length + 1).fill(0));
  for (let i = 0; i <= a.length; i++) rows[i]![0] = i;
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = v;
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}

/** Fold a name for comparison: curly apostrophes and dashes normalised, spaces collapsed. */
export function foldName(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[’‘ʼ′]/g, "'")
    .replace(/[‐-―−]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Parts of a name: split at spaces and hyphens ("MQ-9 Reaper" → MQ, 9, Reaper). */
export function nameParts(text: string): string[] {
  return foldName(text)
    .split(/[\s-]+/)
    .filter((p) => p !== '');
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100,
};

/** A cardinal written in digits or words ("12", "twelve"), or null. */
export function cardinal(word: string): number | null {
  const w = word.toLowerCase().replace(/,/g, '');
  if (/^\d+(?:\.\d+)?$/.test(w)) return Number(w);
  return NUMBER_WORDS[w] ?? null;
}
