// "Save this page" (issue #18): the page → a draft the reader checks and edits
// (title, publisher, date) → a report text in the corpus format, which goes
// through the same pipeline as an imported file (ReaderLibrary.addText).
//
// Where Readability runs, and why: the content script only serialises the
// page (`document.documentElement.outerHTML`, a few bytes of code); the
// extension page (the popup, or the save window the menu and the shortcut
// open) parses that HTML into an inert document (DOMParser runs no script and
// loads nothing) and runs Readability there. That is a clone of the page, as
// the issue asks, but Readability (~30 KB) stays out of the content script's
// 50,000 B budget and needs no new web-accessible file a page could probe
// for, and the page never sees any of it happen.
import { articleFromDocument, type ParseHtml } from './import-file';
import type { ReaderLibrary } from './library';
import { pageMetadata, type PageMetadata } from './page-metadata';

export interface SaveDraft extends PageMetadata {
  /** The article text, as Readability found it (paragraphs separated by blank lines), without the title. */
  body: string;
}

export type DraftResult = { ok: true; draft: SaveDraft } | { ok: false; reason: string };

/** The most of a page we read (the same limit as a report file). */
export const MAX_PAGE_HTML = 20 * 1024 * 1024;

/** A page's serialised HTML → a draft to show the reader. `url`: the page's address. */
export function draftFromHtml(html: string, url: string | null, parseHtml: ParseHtml): DraftResult {
  if (html.length > MAX_PAGE_HTML) return { ok: false, reason: 'The page is too large to save (over 20 MB of HTML).' };
  // Two parsed copies: Readability changes the document it reads.
  const meta = pageMetadata(parseHtml(html), url);
  const article = articleFromDocument(parseHtml(html), meta.title);
  if (!article.ok) return { ok: false, reason: `Nothing to save: ${article.reason}.` };
  let body = article.text;
  // articleFromDocument puts its own headline (and date line) first: the form has fields for those.
  const lines = body.split('\n');
  while (lines.length > 0 && (lines[0]!.trim() === '' || lines[0]!.trim() === article.title || lines[0]!.trim() === meta.title || /^Published: \d{4}/.test(lines[0]!.trim()))) lines.shift();
  body = lines.join('\n').trim();
  if (body === '') return { ok: false, reason: 'Nothing to save: the page has no article text.' };
  return { ok: true, draft: { ...meta, title: meta.title || article.title, url: meta.url ?? article.url, body } };
}

export interface SaveFields {
  title: string;
  publisher: string;
  date: string;
  body: string;
  url: string | null;
}

/**
 * The report text: headline, then the date and publisher the reader confirmed
 * in the lines the pipeline reads them from (lib/kb/extract/meta.ts: a
 * "Published:" line near the top, a "©" line), then the article.
 */
export function savedReportText(fields: SaveFields): { title: string; text: string; url: string | null } | { error: string } {
  const title = fields.title.replace(/\s+/g, ' ').trim();
  const body = fields.body.trim();
  if (title === '') return { error: 'The report needs a title.' };
  if (body === '') return { error: 'The report has no text.' };
  const date = fields.date.trim();
  if (date !== '' && !/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(date)) return { error: 'The date must be written YYYY-MM-DD (or YYYY-MM, or YYYY), or left empty.' };
  const publisher = fields.publisher.replace(/\s+/g, ' ').trim().replace(/[.,|]/g, ' ').replace(/\s+/g, ' ').trim();
  const head = [date ? `Published: ${date}` : '', publisher ? `© ${publisher}` : ''].filter(Boolean).join('\n');
  return { title, text: [title, head, body].filter(Boolean).join('\n\n'), url: fields.url && /^https?:\/\//i.test(fields.url) ? fields.url : null };
}

/** The name the report is listed under ("file"): the page's host and path, else the title. */
export function savedFileName(url: string | null, title: string): string {
  try {
    if (url) {
      const u = new URL(url);
      return `${u.hostname}${u.pathname}`.replace(/[\\/]+$/, '').replace(/[\\/]/g, '_') || title;
    }
  } catch {
    // fall through
  }
  return title;
}

type Library = ReaderLibrary;
const CHANGES: readonly (keyof Library)[] = ['importFiles', 'addText', 'deleteAll', 'deleteReports', 'applyPackImport', 'review'];

/**
 * The library, telling `changed` after each call that may change the reader's
 * KB (import, delete, pack import, review), even a failed one (a part may have
 * been stored): the options page's hook for "open tabs update without reload".
 */
export function announceChanges(library: Library, changed: () => void): Library {
  const wrapped = { ...library } as Record<string, unknown>;
  for (const key of CHANGES) {
    const call = library[key] as (...args: unknown[]) => Promise<unknown>;
    wrapped[key] = (...args: unknown[]) => call(...args).finally(changed);
  }
  return wrapped as unknown as Library;
}
