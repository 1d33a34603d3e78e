// Shared by the kb-sourcing-* and kb-interest-* tests: run the report pipeline
// (the same code the build runs for data/reports/) on a report written for the
// test, and read off its caveats.
import { expect } from 'vitest';
import { extractReports } from '../../lib/kb/extract';
import { parseInputs } from '../../lib/kb/inputs';
import { readDataFiles } from '../../scripts/read-data';

const known = parseInputs(readDataFiles());

export interface Found {
  kind: string;
  quote: string;
  label: string;
  explanation: string;
  about: string[];
}

/** A report in the corpus format: headline, blank line, paragraphs. */
export function report(headline: string, ...paragraphs: string[]): string {
  return `${headline}\n\n${paragraphs.join('\n\n')}\n`;
}

export function caveatsOf(text: string): Found[] {
  const { kb } = extractReports([{ file: 'test.txt', text }], known);
  const nameOf = new Map(kb.entities.map((e) => [e.id, e.name]));
  return kb.caveats.map((c) => ({ kind: c.kind, quote: c.quote, label: c.label, explanation: c.explanation, about: c.entities.map((id) => nameOf.get(id) ?? id) }));
}

/** The caveats of a kind whose quote overlaps the given words of the text (as the held-out scorer counts them). */
export function at(found: readonly Found[], text: string, kind: string, words: string): Found[] {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`not in the text: ${words}`);
  const end = start + words.length;
  return found.filter((c) => {
    if (c.kind !== kind) return false;
    const s = text.indexOf(c.quote);
    return s >= 0 && s < end && start < s + c.quote.length;
  });
}

export const SOURCING = ['anonymous-source', 'unsourced', 'hedged', 'denial', 'no-comment'];

/**
 * The quotes of the caveats of one kind in a report of `paragraphs` under a
 * byline that names its writer, outlet and date (so no report-level caveat
 * gets in the way); every caveat's quote is checked to be exact text.
 */
export function quotesOfKind(kind: string, ...paragraphs: string[]): string[] {
  const text = `Headline for a test report\n\nBy Ana Test | Test Harbour Wire | 4 May 2026\n\n${paragraphs.join('\n\n')}\n`;
  const { result } = extractReports([{ file: 't.txt', text }], known);
  for (const c of result.caveats) expect(text).toContain(c.quote);
  return result.caveats.filter((c) => c.kind === kind).map((c) => c.quote);
}

/** The quotes of each kind, for a report of these paragraphs (the class tests' one-liners). */
const ofKind = (kind: string) => (...paragraphs: string[]) => quotesOfKind(kind, ...paragraphs);
export const anonymousQuotes = ofKind('anonymous-source');
export const hedgedQuotes = ofKind('hedged');
export const noCommentQuotes = ofKind('no-comment');
export const denialQuotes = ofKind('denial');
export const unsourcedQuotes = ofKind('unsourced');
export const selfServingQuotes = ofKind('self-serving');
export const interestedQuotes = ofKind('interested-party');

/** A report lead that names its sources, so that an assertion in the report's own voice after it stands out. */
export const SOURCED_LEAD = 'The mayor, Ines Calder, said the depot would reopen in March. The union said drivers had been told to wait.';
