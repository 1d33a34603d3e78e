// Per-code-unit tables shared by the compiler, the scanner and the tests.
//
// Every UTF-16 code unit c maps to:
//   EXACT[c]  the normalised char: curly/prime apostrophes → ', curly double
//             quotes → ", hyphen/dash/minus variants → -, every space → ' '.
//   TAB[c]    (fold << 8) | class bits, where fold is EXACT[c] case-folded
//             (simple folding, one code unit → one code unit) and the class
//             bits (WORD, SPACE, IGNORABLE, DIGIT, UPPER, INIT) describe the
//             normalised char. One load gives the scanner both.
// The tables are filled lazily, one code unit at a time, the first time the
// unit is seen (TAB[c] === 0 means "not yet computed"): a full eager build
// costs ~18 ms, which the content script should not pay up front.
//
// Nothing here changes string lengths: the scanner maps chars through these
// tables while it walks the original text, so offsets are offsets in the page.

export const WORD = 1; // \p{L} \p{N} \p{M}, and every surrogate (astral chars are letters; pairs are never split)
export const SPACE = 2; // any white space (JS \s minus U+FEFF, plus U+0085)
export const IGNORABLE = 4; // invisible format chars, skipped everywhere: soft hyphen, zero-width chars, BOM
export const DIGIT = 8; // \p{N}
export const UPPER = 16; // \p{Lu} \p{Lt}
/** Set in every computed TAB entry. */
export const INIT = 0x80;

export const TAB = new Int32Array(65536);
export const EXACT = new Uint16Array(65536);

export const APOSTROPHE = 0x27; // '
export const HYPHEN = 0x2d; // -
export const SPACE_CHAR = 0x20;

const APOSTROPHES = [0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x02bc, 0xff07];
const DOUBLE_QUOTES = [0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0xff02];
const HYPHENS = [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d];
/** U+00AD soft hyphen, U+200B-U+200D zero-width space/non-joiner/joiner, U+2060-U+2064 word joiner and invisible operators, U+FEFF BOM. */
const IGNORABLES = [0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xfeff];

const RE_WORD = /[\p{L}\p{N}\p{M}]/u;
// Scripts written without spaces between words: their letters do not glue to a
// neighbouring name ("普京Putin会见" has a word boundary on each side of "Putin",
// as Unicode word segmentation says), so they do not count as word characters.
const RE_UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const RE_DIGIT = /\p{N}/u;
const RE_UPPER = /[\p{Lu}\p{Lt}]/u;
const RE_SPACE = /\s/;

function normalisedCode(c: number): number {
  if (APOSTROPHES.includes(c)) return APOSTROPHE;
  if (DOUBLE_QUOTES.includes(c)) return 0x22;
  if (HYPHENS.includes(c)) return HYPHEN;
  if (c === 0x85 || (c !== 0xfeff && RE_SPACE.test(String.fromCharCode(c)))) return SPACE_CHAR;
  return c;
}

function foldCode(c: number): number {
  if (c >= 0xd800 && c <= 0xdfff) return c;
  if (c === 0x0130 || c === 0x0131) return c; // Turkic dotted/dotless i: no simple folding
  const s = String.fromCharCode(c);
  let r = c;
  const lower = s.toLowerCase();
  if (lower.length === 1) r = lower.charCodeAt(0);
  // lower(upper(c)) catches ς→σ, ſ→s, ϐ→β, ẞ→ß … (simple case folding).
  const upper = s.toUpperCase();
  if (upper.length === 1) {
    const again = upper.toLowerCase();
    if (again.length === 1) r = again.charCodeAt(0);
  }
  return r;
}

/** Fill the tables for code unit c (0 ≤ c < 65536) and return TAB[c]. */
export function initChar(c: number): number {
  let info = INIT;
  let fold = c;
  if (IGNORABLES.includes(c)) {
    info |= IGNORABLE;
    EXACT[c] = c;
  } else {
    const n = normalisedCode(c);
    EXACT[c] = n;
    fold = foldCode(n);
    if (n >= 0xd800 && n <= 0xdfff) info |= WORD;
    else {
      const s = String.fromCharCode(n);
      if (n === SPACE_CHAR) info |= SPACE;
      else if (RE_WORD.test(s) && !RE_UNSPACED.test(s)) {
        info |= WORD;
        if (RE_DIGIT.test(s)) info |= DIGIT;
        if (RE_UPPER.test(s)) info |= UPPER;
      }
    }
  }
  const t = (fold << 8) | info;
  TAB[c] = t;
  return t;
}

/** TAB[c], computed on first use. */
export function tab(c: number): number {
  const t = TAB[c]!;
  return t !== 0 ? t : initChar(c);
}

/** Class bits of code unit c (see WORD, SPACE, …). */
export function charInfo(c: number): number {
  return tab(c) & 0xff;
}

/** The normalised char of code unit c (quotes, hyphens, spaces unified; case kept). */
export function exactChar(c: number): number {
  tab(c);
  return EXACT[c]!;
}

/** The normalised, case-folded char of code unit c. */
export function foldChar(c: number): number {
  return tab(c) >>> 8;
}

/** Hash of a sequence of exact chars, as the scanner computes it along a walk. */
export function exactHash(key: string): number {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0;
  return h;
}

/**
 * The matching key of an alias: normalised chars, ignorables dropped, every
 * white-space run collapsed to one ' ', trimmed. `exact` keeps case, `folded`
 * is case-folded; both have the same length.
 */
export function aliasKey(text: string): { exact: string; folded: string } {
  const exact: number[] = [];
  const folded: number[] = [];
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const info = charInfo(c);
    if (info & IGNORABLE) continue;
    if (info & SPACE) {
      pendingSpace = exact.length > 0;
      continue;
    }
    if (pendingSpace) {
      exact.push(SPACE_CHAR);
      folded.push(SPACE_CHAR);
      pendingSpace = false;
    }
    exact.push(EXACT[c]!);
    folded.push(TAB[c]! >>> 8);
  }
  return { exact: fromCodes(exact), folded: fromCodes(folded) };
}

/**
 * The keys an alias is entered under: its NFC form and, when different, its
 * NFD form, so "Élysée" matches both precomposed and decomposed page text.
 * Empty keys are left out.
 */
export function aliasKeyVariants(text: string): { exact: string; folded: string }[] {
  const out: { exact: string; folded: string }[] = [];
  for (const form of ['NFC', 'NFD'] as const) {
    const key = aliasKey(text.normalize(form));
    if (key.folded.length > 0 && !out.some((k) => k.exact === key.exact)) out.push(key);
  }
  return out;
}

/** Default of MatchAliasInput.caseSensitive. */
export function defaultCaseSensitive(text: string): boolean {
  if (!/\p{Ll}/u.test(text)) return true;
  return [...aliasKey(text.normalize('NFC')).exact].length <= 3;
}

export function fromCodes(codes: ArrayLike<number>): string {
  let s = '';
  for (let i = 0; i < codes.length; i += 8192) {
    s += String.fromCharCode.apply(null, Array.prototype.slice.call(codes, i, i + 8192) as number[]);
  }
  return s;
}
