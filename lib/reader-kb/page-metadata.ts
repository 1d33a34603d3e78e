// What a news page says about itself (issue #18, "Save this page"): title,
// publisher and date, from the page's own metadata, in order of how reliably
// publishers fill them in: Open Graph / article: meta tags, schema.org JSON-LD
// (NewsArticle and friends, also inside @graph), other common meta names,
// then the visible page (<h1>, the first <time datetime>). Read from a parsed
// copy of the page; nothing here runs the page's scripts (JSON-LD is JSON.parse'd
// as data). Every value is only a proposal: the reader edits them before saving.

export interface PageMetadata {
  title: string;
  publisher: string;
  /** YYYY-MM-DD, YYYY-MM or YYYY; '' when the page states none. */
  date: string;
  url: string | null;
}

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

function meta(doc: Document, ...keys: string[]): string {
  for (const key of keys) {
    for (const attr of ['property', 'name', 'itemprop']) {
      const el = doc.querySelector(`meta[${attr}="${key}" i]`);
      const v = clean(el?.getAttribute('content'));
      if (v) return v;
    }
  }
  return '';
}

type Json = Record<string, unknown>;
const ARTICLE_TYPES = /(?:^|\b)(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|OpinionNewsArticle|LiveBlogPosting|WebPage|Report)$/;

/** The JSON-LD objects of the page, flattened (@graph, arrays), articles first. */
function jsonLd(doc: Document): Json[] {
  const out: Json[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 4 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) return void v.forEach((x) => visit(x, depth + 1));
    const o = v as Json;
    out.push(o);
    if (o['@graph']) visit(o['@graph'], depth + 1);
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json" i]'))) {
    try {
      visit(JSON.parse(script.textContent ?? ''), 0);
    } catch {
      // A malformed block is skipped; the others still count.
    }
  }
  const isArticle = (o: Json) => [o['@type']].flat().some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t));
  return [...out.filter(isArticle), ...out.filter((o) => !isArticle(o))];
}

const str = (v: unknown): string => (typeof v === 'string' ? clean(v) : Array.isArray(v) ? str(v[0]) : v && typeof v === 'object' ? str((v as Json).name) : '');

/** A stated date as YYYY-MM-DD (or YYYY-MM, YYYY); '' when it is not one. */
export function isoDate(value: string): string {
  const v = value.trim();
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(v);
  if (m) return [m[1], m[2], m[3]].filter(Boolean).join('-');
  const parsed = Date.parse(v);
  if (!Number.isNaN(parsed) && /\d{4}/.test(v)) return new Date(parsed).toISOString().slice(0, 10);
  return '';
}

/** The page's title, publisher, date and canonical URL, as far as it states them. `pageUrl`: where it was read. */
export function pageMetadata(doc: Document, pageUrl: string | null = null): PageMetadata {
  const ld = jsonLd(doc);
  const fromLd = (key: string) => ld.map((o) => str(o[key])).find((v) => v !== '') ?? '';
  const h1 = clean(doc.querySelector('article h1, main h1, h1')?.textContent);
  const title = meta(doc, 'og:title', 'twitter:title') || fromLd('headline') || h1 || clean(doc.title);
  let host = '';
  try {
    host = pageUrl ? new URL(pageUrl).hostname.replace(/^www\./, '') : '';
  } catch {
    host = '';
  }
  const publisher = meta(doc, 'og:site_name', 'article:publisher', 'publisher', 'application-name', 'dc.publisher') || fromLd('publisher') || host;
  const timeEl = doc.querySelector('article time[datetime], main time[datetime], time[datetime]');
  const date =
    [meta(doc, 'article:published_time', 'datePublished', 'pubdate', 'publishdate', 'publish-date', 'date', 'dc.date', 'dc.date.issued', 'sailthru.date', 'parsely-pub-date'), fromLd('datePublished'), clean(timeEl?.getAttribute('datetime')), fromLd('dateCreated')]
      .map(isoDate)
      .find((d) => d !== '') ?? '';
  const canonical = doc.querySelector('link[rel="canonical" i]')?.getAttribute('href') ?? meta(doc, 'og:url');
  const url = [canonical, pageUrl].find((u) => !!u && /^https?:\/\//i.test(u)) ?? null;
  // A publisher that is a URL ("https://…/#organization") is not a name.
  return { title, publisher: /^https?:/i.test(publisher) ? host : publisher, date, url };
}
