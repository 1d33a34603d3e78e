// `npm run kb -- spot [--text] [--all] FILE.html`: the page linker's test bed.
//   spot FILE.html         one JSON line per link { surface, entity, start, end, reason, why }
//   spot --text FILE.html  first a line { "text": "…" }: the visible text the offsets index into
//   spot --all FILE.html   also the candidates not linked, with entity: null and the reason
// The same code path as the extension (lib/link/page → lib/page/core/spot → lib/link/linker).
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import type { KbDocument } from '../lib/kb/document';
import { compilePageMatcher } from '../lib/link/data';
import { linkDocument, type PageLinks } from '../lib/link/page';
import { hydrateMatcher, type Matcher } from '../lib/match/compile';

export const SPOT_USAGE = 'usage: npm run kb -- spot [--text] [--all] FILE.html';

/** Parse an HTML string without running anything in it and link it. */
export async function linkHtml(matcher: Matcher, html: string): Promise<PageLinks> {
  const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  try {
    // DOMParser, not innerHTML: the page is untrusted data and no script runs.
    const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    return linkDocument(matcher, doc);
  } finally {
    await window.happyDOM.close();
  }
}

export function pageMatcher(kb: KbDocument): Matcher {
  return hydrateMatcher(compilePageMatcher(kb));
}

/** Run `spot` with its arguments (after the word "spot"); returns the lines to print, or an error message. */
export async function spotCommand(kb: KbDocument, args: readonly string[]): Promise<{ lines: string[] } | { error: string }> {
  const flags = new Set(args.filter((a) => a.startsWith('--')));
  const files = args.filter((a) => !a.startsWith('--'));
  const unknown = [...flags].filter((f) => f !== '--text' && f !== '--all');
  if (files.length !== 1 || unknown.length > 0) return { error: unknown.length ? `Unknown option ${unknown[0]}. ${SPOT_USAGE}` : SPOT_USAGE };
  let html: string;
  try {
    html = readFileSync(files[0]!, 'utf8');
  } catch (error) {
    return { error: `Cannot read ${files[0]}: ${(error as Error).message}` };
  }
  const page = await linkHtml(pageMatcher(kb), html);
  const rows = flags.has('--all') ? [...page.links, ...page.rejected].sort((a, b) => a.start - b.start || (a.entity === null ? 1 : -1)) : page.links;
  const lines = rows.map((r) => JSON.stringify(r));
  if (flags.has('--text')) lines.unshift(JSON.stringify({ text: page.text }));
  return { lines };
}
