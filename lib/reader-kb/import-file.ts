// One file → one report text in the corpus format (headline line, blank line,
// body). `.txt` is taken as written; `.html` goes through Readability on a
// parsed document (never on a live page, never via innerHTML); `.md` loses its
// markup. Every refusal is one reason in words, without the file name (the
// caller shows the name beside it).
import { Readability } from '@mozilla/readability';
import { decodeReport } from '../kb/extract/files';
import { headlineOf } from '../kb/extract/meta';

export type ReportKind = 'txt' | 'html' | 'md';
export type ReportFromFile =
  | {
      ok: true;
      title: string;
      text: string;
      url: string | null;
      /** From an HTML page's metadata (Readability's byline, the site's name), which Readability leaves out of the text. */
      byline?: string | null;
      siteName?: string | null;
    }
  | { ok: false; reason: string };

/** Parses HTML into a Document without running it (DOMParser in a browser, happy-dom in Node). */
export type ParseHtml = (html: string) => Document;

export function kindOf(name: string): ReportKind | null {
  const m = /\.(txt|text|html?|xhtml|md|markdown)$/i.exec(name);
  if (!m) return null;
  const ext = m[1]!.toLowerCase();
  return ext.startsWith('htm') || ext === 'xhtml' ? 'html' : ext.startsWith('m') ? 'md' : 'txt';
}

/** Collapse spacing inside lines and runs of blank lines; trim. */
function tidy(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function corpus(title: string, body: string): string {
  const t = title.replace(/\s+/g, ' ').trim();
  const b = tidy(body);
  // The body may already begin with the headline (a .txt in the corpus format, an article's <h1>).
  if (t === '' || headlineOf(b) === t) return b;
  return `${t}\n\n${b}`;
}

const BLOCK = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'BLOCKQUOTE', 'PRE', 'TABLE', 'TR', 'FIGURE', 'FIGCAPTION', 'HEADER', 'FOOTER', 'ASIDE', 'DL', 'DT', 'DD', 'HR']);

/** An element's text with a paragraph break around each block (Readability's textContent runs paragraphs together). */
export function blockText(root: Node): string {
  let out = '';
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      out += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT' || tag === 'TEMPLATE') return;
    if (tag === 'BR') {
      out += '\n';
      return;
    }
    const block = BLOCK.has(tag);
    if (block) out += '\n\n';
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
    if (block) out += '\n\n';
  };
  walk(root);
  return tidy(out);
}

function isoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim());
  return m ? m[1]! : null;
}

/** Article text of a parsed HTML document, via Readability (on `doc`, which it modifies: pass a parsed copy). */
export function articleFromDocument(doc: Document, fallbackTitle = ''): ReportFromFile {
  const pageTitle = doc.title;
  const url = doc.querySelector('link[rel=canonical]')?.getAttribute('href') ?? doc.querySelector('meta[property="og:url"]')?.getAttribute('content') ?? null;
  let article: ReturnType<Readability<string>['parse']> = null;
  try {
    article = new Readability(doc, { charThreshold: 200 }).parse();
  } catch {
    article = null;
  }
  let body = '';
  if (article?.content) {
    const parsed = doc.implementation.createHTMLDocument('');
    // The article HTML goes into an inert document (createHTMLDocument runs no script and loads nothing), never the live page.
    const holder = parsed.createElement('div');
    const fragment = new (doc.defaultView?.DOMParser ?? DOMParser)().parseFromString(article.content, 'text/html');
    holder.append(...Array.from(fragment.body.childNodes).map((n) => parsed.importNode(n, true)));
    body = blockText(holder);
  }
  if (body.trim() === '') body = doc.body ? blockText(doc.body) : '';
  if (body.trim() === '') return { ok: false, reason: 'no article text found in the page' };
  const title = (article?.title || pageTitle || fallbackTitle).replace(/\s+/g, ' ').trim() || headlineOf(body);
  const date = isoDate(article?.publishedTime);
  const text = corpus(title, date && !body.includes(date) ? `Published: ${date}\n\n${body}` : body);
  const siteName = (article?.siteName ?? doc.querySelector('meta[property="og:site_name"]')?.getAttribute('content') ?? '').replace(/\s+/g, ' ').trim() || null;
  const byline = (article?.byline ?? '').replace(/\s+/g, ' ').replace(/^by\s+/i, '').trim() || null;
  return { ok: true, title, text, url: url && /^https?:\/\//.test(url) ? url : null, byline, siteName };
}

/**
 * An imported page's writer and site, which Readability takes out of the
 * article text, put back as the corpus format's byline ("By X | Site | date")
 * or, with no date, as "By X" and "© Site" lines: the lines the pipeline reads
 * a report's writer and publisher from (lib/kb/extract/meta.ts).
 */
export function withPageByline(text: string, byline: string | null | undefined, siteName: string | null | undefined): string {
  const writer = byline && byline.length <= 80 && !/[|\n]/.test(byline) ? byline : null;
  const site = siteName && siteName.length <= 60 && !/[|\n]/.test(siteName) ? siteName : null;
  if (!writer && !site) return text;
  const lines = text.split('\n');
  const headline = lines[0]!;
  let rest = lines.slice(1).join('\n').replace(/^\n+/, '');
  const published = /^Published: (\d{4}-\d{2}-\d{2})\n+/.exec(rest);
  if (published) rest = rest.slice(published[0].length);
  const date = published?.[1] ?? null;
  const header = date && site ? [`${writer ? `By ${writer} | ` : ''}${site} | ${date}`] : [...(writer ? [`By ${writer}`] : []), ...(date ? [`Published: ${date}`] : []), ...(site ? [`© ${site}`] : [])];
  return `${headline}\n\n${header.join('\n')}\n\n${rest}`;
}

/** Markdown → plain text: headings, emphasis, links, images, code fences, lists, quotes, front matter. */
export function markdownToText(md: string): { title: string | null; text: string } {
  let text = md;
  let title: string | null = null;
  const front = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (front) {
    title = /^title:\s*["']?(.+?)["']?\s*$/m.exec(front[1]!)?.[1] ?? null;
    text = text.slice(front[0].length);
  }
  text = text
    .replace(/```[^\n]*\n([\s\S]*?)```/g, '$1')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/^\[[^\]]+\]:\s*\S+.*$/gm, '')
    .replace(/^(.+)\n(?:=+|-+)\s*$/gm, '$1')
    .replace(/^#{1,6}\s+(.*?)\s*#*\s*$/gm, '$1')
    .replace(/^\s*>\s?/gm, '')
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+/gm, '')
    .replace(/^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/gm, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(?<![\p{L}\d])([*_])(?!\s)(.+?)(?<!\s)\1(?![\p{L}\d])/gu, '$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/<\/?[a-z][^>]*>/gi, '');
  return { title, text: tidy(text) };
}

/** Decode and convert one file. `parseHtml` is needed only for `.html`. */
export function reportFromFile(name: string, bytes: Uint8Array, parseHtml?: ParseHtml): ReportFromFile {
  const kind = kindOf(name);
  if (!kind) return { ok: false, reason: 'not a report file (use .txt, .html or .md)' };
  const decoded = decodeReport(name, bytes);
  if (!decoded.ok) return { ok: false, reason: decoded.error.slice(name.length + 2) };
  if (kind === 'html') {
    if (!parseHtml) return { ok: false, reason: 'HTML cannot be read here' };
    const base = name.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
    const article = articleFromDocument(parseHtml(decoded.text), base);
    return article.ok ? { ...article, text: withPageByline(article.text, article.byline, article.siteName) } : article;
  }
  if (kind === 'md') {
    const { title, text } = markdownToText(decoded.text);
    if (text.trim() === '') return { ok: false, reason: 'the file has no text' };
    const t = title ?? headlineOf(text);
    return { ok: true, title: t, text: corpus(t, text), url: null };
  }
  const text = tidy(decoded.text);
  return { ok: true, title: headlineOf(text), text, url: null };
}
