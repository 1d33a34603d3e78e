// A KB report laid out for the panel's reader: paragraphs from its text (one
// per line), page furniture set apart, and each paragraph cut into segments at
// every mark, caveat quote and focus boundary, so the UI can render marks,
// highlighted quotes and the quote it was opened at without touching HTML.
import type { ReportMark } from './types';

export interface Span {
  start: number;
  end: number;
}

export interface ReaderSegment extends Span {
  text: string;
  /** Index into the marks given, when this text is a mention. */
  mark: number | null;
  /** Ids of the caveats whose quote covers this text. */
  caveats: string[];
  /** Inside the quote the reader was opened at. */
  focus: boolean;
}

export interface ReaderParagraph extends Span {
  furniture: boolean;
  segments: ReaderSegment[];
  /** Caveats whose quote ends in this paragraph (shown after it). */
  caveatsEnding: string[];
}

export interface ReaderBlock {
  furniture: boolean;
  paragraphs: ReaderParagraph[];
}

function lineSpans(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(/\r\n|\n|\r/g)) {
    if (text.slice(start, m.index).trim()) out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  if (text.slice(start).trim()) out.push({ start, end: text.length });
  return out;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Cut spans at furniture boundaries, marking the furniture parts. */
function splitFurniture(spans: readonly Span[], furniture: readonly (readonly [number, number])[]): (Span & { furniture: boolean })[] {
  const out: (Span & { furniture: boolean })[] = [];
  for (const s of spans) {
    const cuts = new Set<number>([s.start, s.end]);
    for (const [fs, fe] of furniture) {
      if (fs > s.start && fs < s.end) cuts.add(fs);
      if (fe > s.start && fe < s.end) cuts.add(fe);
    }
    const points = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i + 1 < points.length; i++) {
      const part = { start: points[i]!, end: points[i + 1]! };
      const inFurniture = furniture.some(([fs, fe]) => part.start >= fs && part.end <= fe);
      out.push({ ...part, furniture: inFurniture });
    }
  }
  return out;
}

export interface LayoutInput {
  text: string;
  furniture: readonly (readonly [number, number])[];
  marks: readonly ReportMark[];
  caveats: readonly { id: string; start: number; end: number }[];
  focus?: Span | null;
}

/** The report's paragraphs, cut into segments. Whitespace-only parts are dropped. */
export function layoutReport({ text, furniture, marks, caveats, focus }: LayoutInput): ReaderParagraph[] {
  const paragraphs: ReaderParagraph[] = [];
  const validFocus = focus && focus.start >= 0 && focus.end > focus.start && focus.end <= text.length ? focus : null;
  for (const p of splitFurniture(lineSpans(text), furniture)) {
    if (!text.slice(p.start, p.end).trim()) continue;
    const cuts = new Set<number>([p.start, p.end]);
    const pMarks = marks.map((m, i) => ({ ...m, i })).filter((m) => m.start >= p.start && m.end <= p.end && m.end > m.start);
    const pCaveats = caveats.filter((c) => overlaps(c, p));
    for (const m of pMarks) cuts.add(m.start).add(m.end);
    for (const c of pCaveats) {
      if (c.start > p.start && c.start < p.end) cuts.add(c.start);
      if (c.end > p.start && c.end < p.end) cuts.add(c.end);
    }
    if (validFocus && overlaps(validFocus, p)) {
      if (validFocus.start > p.start) cuts.add(validFocus.start);
      if (validFocus.end < p.end) cuts.add(validFocus.end);
    }
    const points = [...cuts].filter((x) => x >= p.start && x <= p.end).sort((a, b) => a - b);
    const segments: ReaderSegment[] = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const s = { start: points[i]!, end: points[i + 1]! };
      const mark = pMarks.find((m) => m.start <= s.start && m.end >= s.end);
      segments.push({
        ...s,
        text: text.slice(s.start, s.end),
        mark: mark ? mark.i : null,
        caveats: pCaveats.filter((c) => c.start <= s.start && c.end >= s.end).map((c) => c.id),
        focus: !!validFocus && validFocus.start <= s.start && validFocus.end >= s.end,
      });
    }
    paragraphs.push({
      start: p.start,
      end: p.end,
      furniture: p.furniture,
      segments,
      caveatsEnding: pCaveats.filter((c) => c.end > p.start && c.end <= p.end).map((c) => c.id),
    });
  }
  return paragraphs;
}

/** Consecutive paragraphs grouped into article text and furniture. */
export function groupBlocks(paragraphs: readonly ReaderParagraph[]): ReaderBlock[] {
  const blocks: ReaderBlock[] = [];
  for (const p of paragraphs) {
    const last = blocks[blocks.length - 1];
    if (last && last.furniture === p.furniture) last.paragraphs.push(p);
    else blocks.push({ furniture: p.furniture, paragraphs: [p] });
  }
  return blocks;
}

/** Is the span's text exactly `quote`? (A request may carry stale offsets after a KB update.) */
export function locateQuote(text: string, span: Span | null | undefined, quote?: string): Span | null {
  if (!span) return null;
  if (span.start >= 0 && span.end <= text.length && span.end > span.start) {
    if (quote === undefined || text.slice(span.start, span.end) === quote) return span;
  }
  if (quote) {
    const at = text.indexOf(quote);
    if (at >= 0) return { start: at, end: at + quote.length };
  }
  return null;
}
