// Search in the side panel (issue #18): names, claims and report text, over
// the bundled KB and the reader's own reports, with FlexSearch. Built lazily
// in the panel the first time the reader uses the search field (never in the
// content script: it is the panel's memory, and only when asked for). The
// index holds ids only; each hit is shown from the corpus and opens the
// report at the exact place (the claim's sentence, the matched words).
// In the extension build 'flexsearch' is its light build (Index and the
// encoder only: no worker code, no dynamic import; wxt.config.ts).
import { Index } from 'flexsearch';
import type { KbDocument } from '../kb/document';
import type { EntityType } from '../kb/schema';

export interface SearchCorpus {
  entities: { id: string; name: string; type: EntityType; aliases: string[]; description: string; report: string; quote: string }[];
  claims: { id: string; report: string; start: number; end: number; text: string }[];
  reports: { id: string; headline: string; publisher: string; date: string; text: string; mine: boolean }[];
}

/** What the panel opens for a hit: a report, at a range of its text, with an entity's card. */
export interface SearchTarget {
  id: string;
  quoteStart?: number;
  quoteEnd?: number;
  entity?: string;
}

export type SearchHit =
  | { kind: 'entity'; key: string; name: string; type: EntityType; description: string; open: SearchTarget }
  | { kind: 'claim'; key: string; text: string; report: string; open: SearchTarget }
  | { kind: 'report'; key: string; title: string; snippet: string; open: SearchTarget };

export interface SearchResults {
  entities: Extract<SearchHit, { kind: 'entity' }>[];
  claims: Extract<SearchHit, { kind: 'claim' }>[];
  reports: Extract<SearchHit, { kind: 'report' }>[];
}

/** The corpus of the bundled KB and the reader's derived KB (either may be missing); the bundled side wins on shared ids. */
export function searchCorpus(bundled: Pick<KbDocument, 'entities' | 'claims' | 'reports'> | null, mine: Pick<KbDocument, 'entities' | 'claims' | 'reports'> | null): SearchCorpus {
  const corpus: SearchCorpus = { entities: [], claims: [], reports: [] };
  const seen = { e: new Set<string>(), c: new Set<string>(), r: new Set<string>() };
  for (const [doc, isMine] of [
    [bundled, false],
    [mine, true],
  ] as const) {
    if (!doc) continue;
    for (const e of doc.entities) {
      if (seen.e.has(e.id)) continue;
      seen.e.add(e.id);
      corpus.entities.push({ id: e.id, name: e.name, type: e.type, aliases: [...new Set(e.aliases.filter((a) => !a.reportsOnly).map((a) => a.text))], description: e.description, report: e.descriptionSource.report, quote: e.descriptionSource.quote });
    }
    for (const c of doc.claims) {
      if (seen.c.has(c.id)) continue;
      seen.c.add(c.id);
      corpus.claims.push({ id: c.id, report: c.report, start: c.start, end: c.end, text: c.text });
    }
    for (const r of doc.reports) {
      if (seen.r.has(r.id)) continue;
      seen.r.add(r.id);
      corpus.reports.push({ id: r.id, headline: r.headline, publisher: r.publisher, date: r.date.value, text: r.text, mine: isMine });
    }
  }
  return corpus;
}

/** Lower case without diacritics, one UTF-16 unit per unit, so offsets found in the folded text are offsets in the original. */
export function foldSameLength(text: string): string {
  let out = '';
  for (const ch of text) {
    if (ch.length > 1) {
      out += ch;
      continue;
    }
    out += (ch.normalize('NFD')[0] ?? ch).toLowerCase()[0] ?? ch;
  }
  return out;
}

const terms = (query: string) =>
  foldSameLength(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);

/** Where the query's words occur in `text` (each word as a word start, the first that occurs), as a [start, end) range. */
export function locate(text: string, query: string): [number, number] | null {
  const folded = foldSameLength(text);
  const words = terms(query);
  if (words.length === 0) return null;
  // The whole phrase first, then its longest word.
  const phrase = words.join(' ');
  const atWordStart = (needle: string): number => {
    for (let i = folded.indexOf(needle); i >= 0; i = folded.indexOf(needle, i + 1)) if (i === 0 || !/[\p{L}\p{N}]/u.test(folded[i - 1]!)) return i;
    return -1;
  };
  // A word typed in part ("tamme") is shown whole ("Tammeleht").
  const toWordEnd = (i: number, length: number): [number, number] => {
    let end = i + length;
    while (end < text.length && /[\p{L}\p{N}]/u.test(folded[end]!)) end++;
    return [i, end];
  };
  for (const needle of [phrase, ...[...words].sort((a, b) => b.length - a.length)]) {
    const i = atWordStart(needle);
    if (i >= 0) return toWordEnd(i, needle.length);
  }
  return null;
}

function snippet(text: string, [start, end]: [number, number], around = 70): string {
  const from = Math.max(0, text.lastIndexOf(' ', Math.max(0, start - around)) + 1);
  const to = Math.min(text.length, (text.indexOf(' ', end + around) + 1 || text.length + 1) - 1);
  return `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/g, ' ').trim()}${to < text.length ? '…' : ''}`;
}

export interface SearchIndex {
  search(query: string, limit?: number): SearchResults;
}

/** Build the indexes (a few hundred milliseconds for thousands of reports; call it when the reader first searches). */
export function buildSearchIndex(corpus: SearchCorpus): SearchIndex {
  // 'forward': a word is found by its beginning ("tamme" finds Tammeleht), as one types.
  const options = { tokenize: 'forward' as const, encode: terms };
  const entities = new Index(options);
  const claims = new Index(options);
  const reports = new Index(options);
  corpus.entities.forEach((e, i) => entities.add(i, [e.name, ...e.aliases, e.description].join(' \n ')));
  corpus.claims.forEach((c, i) => claims.add(i, c.text));
  corpus.reports.forEach((r, i) => reports.add(i, `${r.headline}\n${r.text}`));
  const reportText = new Map(corpus.reports.map((r) => [r.id, r]));
  const quoteIn = (report: string, quote: string): SearchTarget => {
    const text = reportText.get(report)?.text ?? '';
    const at = quote ? text.indexOf(quote) : -1;
    return at >= 0 ? { id: report, quoteStart: at, quoteEnd: at + quote.length } : { id: report };
  };
  const ids = (index: Index, query: string, limit: number) => index.search(query, { limit }) as number[];
  return {
    search(query, limit = 8) {
      const q = query.trim();
      if (terms(q).length === 0) return { entities: [], claims: [], reports: [] };
      return {
        entities: ids(entities, q, limit).map((i) => {
          const e = corpus.entities[i]!;
          return { kind: 'entity', key: `e:${e.id}`, name: e.name, type: e.type, description: e.description, open: { ...quoteIn(e.report, e.quote), entity: e.id } };
        }),
        claims: ids(claims, q, limit).map((i) => {
          const c = corpus.claims[i]!;
          const r = reportText.get(c.report);
          return { kind: 'claim', key: `c:${c.id}`, text: c.text, report: r ? r.headline : c.report, open: { id: c.report, quoteStart: c.start, quoteEnd: c.end } };
        }),
        reports: ids(reports, q, limit).map((i) => {
          const r = corpus.reports[i]!;
          const at = locate(r.text, q);
          return { kind: 'report', key: `r:${r.id}`, title: r.headline, snippet: at ? snippet(r.text, at) : snippet(r.text, [0, 0]), open: at ? { id: r.id, quoteStart: at[0], quoteEnd: at[1] } : { id: r.id } };
        }),
      };
    },
  };
}
