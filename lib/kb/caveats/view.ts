// A report as the caveat rules read it: its article sentences (furniture left
// out), each with its mentions, attribution and paragraph, and the claim built
// from it. Built once per detector run.
import { attributeReport, entityRoles, type MentionInSentence } from '../attribution';
import type { Attribution, KbClaim, KbReport } from '../document';
import type { Entity, EntityType } from '../schema';
import { insideAny } from '../text';
import type { CaveatDraft } from './types';

export interface SentenceView {
  /** Index in ReportView.sentences. */
  index: number;
  start: number;
  end: number;
  text: string;
  /** Index of the line (paragraph) the sentence is on. */
  paragraph: number;
  /** Mentions with offsets inside the sentence. */
  mentions: MentionInSentence[];
  attribution: Attribution;
  /** The sentence is a line of its own with no final full stop: a headline or section heading. */
  heading: boolean;
  claim: KbClaim | null;
}

export interface ReportView {
  report: KbReport;
  id: string;
  text: string;
  sentences: SentenceView[];
  /** The first article line: the headline as printed. */
  headline: SentenceView | null;
  /** Every mention in the report (article text only), with its surface form. */
  mentions: { start: number; end: number; entity: string; type: EntityType; surface: string }[];
  /** The report's date (YYYY, YYYY-MM or YYYY-MM-DD). */
  date: string;
}

export interface Corpus {
  reports: ReportView[];
  entities: readonly Entity[];
  entityById: ReadonlyMap<string, Entity>;
  claimsById: ReadonlyMap<string, KbClaim>;
}

export function buildCorpus(reports: readonly KbReport[], claims: readonly KbClaim[], entities: readonly Entity[]): Corpus {
  const entityById = new Map(entities.map((e) => [e.id, e]));
  const roles = entityRoles(entities);
  const claimByStart = new Map(claims.map((c) => [`${c.report}@${c.start}`, c]));
  const views = reports.map((report): ReportView => {
    const all = report.mentions
      .map(([start, end, id]) => ({ start, end, entity: id, type: entityById.get(id)!.type, surface: report.text.slice(start, end) }))
      .sort((a, b) => a.start - b.start || b.end - a.end);
    const attributed = attributeReport(report.text, report.sentences, all, report.publisher, (id) => roles.get(id) ?? null);
    const lineStarts = [0];
    for (let i = report.text.indexOf('\n'); i >= 0; i = report.text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    const lineOf = (at: number) => {
      let lo = 0;
      let hi = lineStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (lineStarts[mid]! <= at) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    const sentences: SentenceView[] = [];
    for (const sent of attributed) {
      if (insideAny(report.furniture, sent.start, sent.end)) continue;
      const text = report.text.slice(sent.start, sent.end);
      const lineStart = lineStarts[lineOf(sent.start)]!;
      const nl = report.text.indexOf('\n', sent.end);
      const lineEnd = nl < 0 ? report.text.length : nl;
      const ownLine = report.text.slice(lineStart, sent.start).trim() === '' && report.text.slice(sent.end, lineEnd).trim() === '';
      sentences.push({
        index: sentences.length,
        start: sent.start,
        end: sent.end,
        text,
        paragraph: lineOf(sent.start),
        mentions: sent.mentions,
        attribution: sent.attribution,
        heading: ownLine && !/[.!"”’]$/.test(text),
        claim: claimByStart.get(`${report.id}@${sent.start}`) ?? null,
      });
    }
    const mentions = all.filter((m) => !insideAny(report.furniture, m.start, m.end));
    return { report, id: report.id, text: report.text, sentences, headline: sentences[0] ?? null, mentions, date: report.date.value };
  });
  return { reports: views, entities, entityById, claimsById: new Map(claims.map((c) => [c.id, c])) };
}

/** A draft quoting [start, end) of the report (offsets into the report text). */
export function quoteDraft(
  view: ReportView,
  start: number,
  end: number,
  fields: Omit<CaveatDraft, 'report' | 'quote' | 'start' | 'origin'>,
): CaveatDraft {
  return { ...fields, report: view.id, quote: view.text.slice(start, end), start, origin: 'auto' };
}

/**
 * One draft per match of a global `pattern` in each sentence, quoting the
 * match: the shape of the phrase rules. `fields` gives the draft's fields, or
 * null to pass over that match.
 */
export function phraseDrafts(
  view: ReportView,
  pattern: RegExp,
  fields: (m: RegExpMatchArray & { index: number }, s: SentenceView) => Omit<CaveatDraft, 'report' | 'quote' | 'start' | 'origin'> | null,
): CaveatDraft[] {
  const out: CaveatDraft[] = [];
  for (const s of view.sentences) {
    for (const m of s.text.matchAll(pattern)) {
      const f = fields(m as RegExpMatchArray & { index: number }, s);
      if (!f) continue;
      const start = s.start + m.index;
      out.push(quoteDraft(view, start, start + m[0].length, f));
    }
  }
  return out;
}

/** Whether a sentence's claim is credited to someone other than the report itself. */
export function isAttributed(a: Attribution): boolean {
  return a.role !== 'reporter';
}

/**
 * The attribution that covers a sentence: its own, or, for a sentence in the
 * report's voice, that of an attributed sentence at most two sentences before
 * it in the same paragraph ("The Chinese ambassador said … The trade volume …
 * is 33.69 billion dollars."): a paragraph of reported speech.
 */
export function coveringAttribution(view: ReportView, s: SentenceView): Attribution {
  if (isAttributed(s.attribution)) return s.attribution;
  for (let k = 1; k <= 2; k++) {
    const prev = view.sentences[s.index - k];
    if (!prev || prev.paragraph !== s.paragraph) break;
    if (isAttributed(prev.attribution) && prev.attribution.cue !== '') return prev.attribution;
  }
  return s.attribution;
}

/** A line of an interview's answer: "A: …", or a paragraph right after a question paragraph ("…?") in a report of several questions. */
export function answerLine(view: ReportView, s: SentenceView, addressedOnly = true): boolean {
  const lineStart = view.text.lastIndexOf('\n', s.start - 1) + 1;
  const lineEnd = view.text.indexOf('\n', lineStart);
  const line = view.text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd).trim();
  if (/^A:\s/.test(line)) return true;
  if (/^Q:\s/.test(line) || /\?$/.test(line)) return false;
  const before = view.text.slice(0, lineStart).split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const prev = before[before.length - 1] ?? '';
  if (!/\?$/.test(prev)) return false;
  if (/^Q:\s/.test(prev)) return true;
  // An interview without Q and A labels: several paragraphs that are questions, and an answer in the first person
  // (an explainer's answers under its question headings are the report's own voice).
  // An explainer's question headings ask about the story ("Is the auction legal?"); an interviewer asks the one interviewed
  // ("What did you see?"), so most questions say "you".
  const questions = view.text.split('\n').filter((l) => /\?$/.test(l.trim()));
  const addressed = questions.filter((l) => /\b(?:you|your)\b/i.test(l)).length;
  if (questions.length < 3 || !/\b(?:I|me|my|we|us|our)\b/.test(line)) return false;
  // An answer in the singular first person is the interviewee's; "we" alone may be the explainer's newsroom.
  return !addressedOnly || /\b(?:I|me|my)\b/.test(line) || addressed * 3 >= questions.length;
}
