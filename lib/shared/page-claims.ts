// How a card relates to the page in front of the reader: which of an entity's
// facts the page talks about (ranked by the content words they share), and
// which caveated claims the page itself repeats (a page sentence that shares
// most of the claim's content words). Pure string work over text the caller
// gives (the page's marked blocks); runs in the card chunk, the side panel and
// the golden-card script, never in the content script's core.

/** Words too common to say two sentences are about the same thing. */
const STOP = new Set(
  (
    'about above after again against also among and another any are around as at back be because been before being between both but by can could ' +
    'did does doing down during each even ever every few for from further had has have having he her here hers him his how however if in into is it its ' +
    'itself just last least less like made make many may might more most much must near new next nor not now of off on once one only onto or other ' +
    'our out over own per said same says she should since so some such than that the their them then there these they this those though through ' +
    'to told too under until upon very was we were what when where whether which while who whom whose why will with within without would year years ' +
    'yet you your also according report reports reported saying say week weeks day days time first two three'
  ).split(' '),
);

/** Lower-case, quote marks and accents folded, for comparing a page's words with a report's. */
export function foldWords(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘ʼ`´]s\b/g, '')
    .replace(/['"‘’‚‛ʼ′`´“”„‟″«»]/g, '');
}

/** The content words of a text (letters or digits, 3+ characters, not a stop word), as a set. */
export function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of foldWords(text).match(/[\p{L}\p{N}][\p{L}\p{N}-]*[\p{L}\p{N}]/gu) ?? []) {
    // A light stem: "drones" and "drone" are the same word here.
    if (w.length >= 3 && !STOP.has(w)) out.add(w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);
  }
  return out;
}

/** Sentences of a text (a simple split at ., ! or ? followed by a space and a capital, quote or digit). */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…][”"’)]?)\s+(?=[“"‘(\p{Lu}\p{N}])/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** The page's text, prepared once for many comparisons. */
export interface PageText {
  /** Every content word on the page (as read). */
  words: Set<string>;
  /** The page's sentences with their content words. */
  sentences: { text: string; words: Set<string> }[];
  /** All of it, folded (foldWords, spaces collapsed), for exact quotes. */
  folded: string;
}

export function pageText(blocks: Iterable<string>): PageText {
  const words = new Set<string>();
  const out: PageText['sentences'] = [];
  const seen = new Set<string>();
  for (const block of blocks) {
    if (seen.has(block)) continue;
    seen.add(block);
    for (const s of sentences(block)) {
      const w = contentWords(s);
      for (const x of w) words.add(x);
      if (w.size > 0) out.push({ text: s, words: w });
    }
  }
  return { words, sentences: out, folded: [...seen].map((b) => foldWords(b).replace(/\s+/g, ' ')).join(' ') };
}

const INDEXES = new WeakMap<PageText, Map<string, number[]>>();

/** Word → the sentences that have it (built once per page text). */
function sentenceIndex(page: PageText): Map<string, number[]> {
  let index = INDEXES.get(page);
  if (index) return index;
  index = new Map();
  page.sentences.forEach((s, i) => {
    for (const w of s.words) {
      const list = index!.get(w);
      if (list) list.push(i);
      else index!.set(w, [i]);
    }
  });
  INDEXES.set(page, index);
  return index;
}

/** How many of `a`'s words are in `b`. */
function shared(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n;
}

/**
 * Rank items (facts) by how much of their text the page shares: the count of
 * their content words that occur on the page, then the share of them. Stable:
 * equal scores keep their order (the KB's, most telling first).
 */
export function rankForPage<T>(items: readonly T[], textOf: (item: T) => string, page: PageText | null): T[] {
  if (!page || page.words.size === 0) return [...items];
  const scored = items.map((item, i) => {
    const w = contentWords(textOf(item));
    const n = shared(w, page.words);
    return { item, i, n, share: w.size ? n / w.size : 0 };
  });
  scored.sort((a, b) => b.n - a.n || b.share - a.share || a.i - b.i);
  return scored.map((s) => s.item);
}

/**
 * Does the page make this claim? Conservative: one page sentence must share at
 * least `minShared` content words with the claim and at least `minShare` of the
 * claim's content words (a paraphrase that keeps most words, or the sentence
 * itself). Returns the page sentence, or null.
 */
export function pageSentenceFor(claim: string, page: PageText | null, minShare = 0.6, minShared = 5): string | null {
  if (!page) return null;
  const w = contentWords(claim);
  if (w.size === 0) return null;
  const need = Math.max(Math.min(minShared, w.size), Math.ceil(w.size * minShare));
  // Count shared words per sentence through the word index: the cost is the claim's words' postings, not the page.
  const index = sentenceIndex(page);
  const counts = new Map<number, number>();
  let best = -1;
  let bestN = 0;
  for (const word of w) {
    for (const i of index.get(word) ?? []) {
      const n = (counts.get(i) ?? 0) + 1;
      counts.set(i, n);
      if (n >= need && n > bestN) [best, bestN] = [i, n];
    }
  }
  return best >= 0 ? page.sentences[best]!.text : null;
}

/** For "leaves out": does the page say this (the quote itself, or a sentence sharing most of its content words)? */
export function pageSays(quote: string, page: PageText): boolean {
  const folded = foldWords(quote).replace(/\s+/g, ' ').trim();
  if (folded.length > 0 && page.folded.includes(folded)) return true;
  // Lenient on purpose: listing something the page does say is the error to avoid.
  return pageSentenceFor(quote, page, 0.5, 3) !== null;
}

/** One page text from several (read in slices). */
export function mergePageTexts(parts: readonly PageText[]): PageText {
  const words = new Set<string>();
  for (const p of parts) for (const w of p.words) words.add(w);
  return { words, sentences: parts.flatMap((p) => p.sentences), folded: parts.map((p) => p.folded).join(' ') };
}
