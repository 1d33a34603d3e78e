// What a card's preview shows for the page in front of the reader: the fact
// the page shares most words with, the caveat lines, and the caveated claim the
// page itself repeats (if any). Pure: the card chunk gives it the page's text
// (lib/shared/page-claims.ts), the golden-card script the sample page's.
import type { CardCaveat } from '../../lib/kb/card';
import { contentWords, pageSentenceFor, rankForPage, type PageText } from '../../lib/shared/page-claims';
import { cardReports, caveatLine, factSpeaker, kindText, plainReportRefs, reportByline, reportName, supportLine, type RichCaveat, type RichCard, type RichFact } from './plain';

export interface CardPreviewData {
  /** The fact that matters most for this page (null: the card has none). */
  fact: RichFact | null;
  /** At most two caveat lines (none when `repeats` is shown: that line is the caveat that bears on this page). */
  caveats: CardCaveat[];
  /** A caveated claim the page itself makes, and the page's sentence that makes it. */
  repeats: { caveat: CardCaveat; sentence: string; claim: string } | null;
}

/** Caveats about a report as a whole, or a spelling: not about a claim a page can repeat. */
const NOT_A_CLAIM = new Set(['misspelling', 'repetition', 'republished']);

/** The claim sentences a caveat bears on: its facts' quotes, its evidence, and its own quote when it is a sentence. */
export function caveatClaims(card: RichCard, c: RichCaveat): string[] {
  const out = card.facts.filter((f) => f.caveats.includes(c.id)).map((f) => f.quote);
  for (const e of c.evidence ?? []) out.push(e.quote);
  if (contentWords(c.quote).size >= 6) out.push(c.quote);
  return [...new Set(out)];
}

/** The page repeats a caveated claim: the most severe such caveat (card.caveats is most severe first). */
export function repeatedClaim(card: RichCard, page: PageText | null): CardPreviewData['repeats'] {
  if (!page) return null;
  for (const c of card.caveats as RichCaveat[]) {
    if (NOT_A_CLAIM.has(c.kind) || c.scope === 'report') continue;
    for (const claim of caveatClaims(card, c)) {
      const sentence = pageSentenceFor(claim, page);
      if (sentence) return { caveat: c, sentence, claim };
    }
  }
  return null;
}

export function previewFor(card: RichCard, page: PageText | null): CardPreviewData {
  const facts = rankForPage(card.facts as RichFact[], (f) => f.quote, page);
  const fact = facts[0] ?? null;
  const repeats = repeatedClaim(card, page);
  const onFact = new Set(fact?.caveats ?? []);
  const ranked = card.caveats
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.id !== repeats?.caveat.id)
    // A caveat about a whole report (undated, no publisher, republished) bears on the card only through the fact it shows.
    .filter(({ c }) => (c as RichCaveat).scope !== 'report' || (fact !== null && c.report.id === fact.report.id))
    .sort((a, b) => Number(onFact.has(b.c.id)) - Number(onFact.has(a.c.id)) || a.i - b.i)
    .map(({ c }) => c);
  // Two caveats that read the same (same kind, same report) are one line.
  const lines = new Set<string>();
  const caveats: CardCaveat[] = [];
  const max = repeats ? 0 : 2;
  for (const c of max > 0 ? ranked : []) {
    const line = caveatLine(c);
    if (lines.has(line)) continue;
    lines.add(line);
    caveats.push(c);
    if (caveats.length === max) break;
  }
  return { fact, caveats, repeats };
}

/** The preview's text, part by part, as the card shows it (golden cards, tests). */
export interface PreviewText {
  name: string;
  type: string;
  what: string;
  support: string;
  fact: { quote: string; source: string } | null;
  caveats: string[];
  repeats: string | null;
}

export function previewText(card: RichCard, page: PageText | null, typeLabel: string): PreviewText {
  const p = previewFor(card, page);
  const speaker = p.fact ? factSpeaker(p.fact) : null;
  return {
    name: card.name,
    type: typeLabel,
    what: plainReportRefs(card.description, cardReports(card)),
    support: supportLine(card),
    fact: p.fact ? { quote: p.fact.quote, source: speaker ? `${speaker} ${reportName(p.fact.report)}` : reportByline(p.fact.report) } : null,
    caveats: p.caveats.map((c) => caveatLine(c)),
    repeats: p.repeats ? repeatsLine(p.repeats.caveat) : null,
  };
}

/** "This page repeats a claim that rests on people the report does not name (Anue Juheng’s report of July 2024)." */
export function repeatsLine(c: CardCaveat): string {
  return `This page repeats a claim that ${kindText(c.kind).claim} (${reportName(c.report)}).`;
}
