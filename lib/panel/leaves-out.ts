// "What this page leaves out", checked against the page's own text in the
// panel: a caveat is listed only when the page says neither its quote nor a
// sentence sharing most of its words (a paraphrase). Listing something the page
// does say is the error to avoid, so the check is lenient.
import { pageSays, pageText } from '../shared/page-claims';

/** For each quote: does the page's text say it (the quote, or a paraphrase that keeps most of its words)? */
export function pageSaysEach(text: string, quotes: readonly string[]): boolean[] {
  const page = pageText([text]);
  return quotes.map((q) => pageSays(q, page));
}
