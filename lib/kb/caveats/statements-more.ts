// More shapes of denials, refusals to comment and hedges, read from
// data/sourcing-phrases.json:
//   - denials: "X denies the Commission's finding", "allegations were 'false and
//     defamatory'", "reports that … are speculative", "said he had made no such
//     promise", "said it had no open case", a speaker's "That's not true" in a
//     quotation or an interview answer, and an answer that negates what the
//     question says about the one answering;
//   - not denials: "has not denied the allegation", and a correction's account
//     of what an earlier story said ("The story said the company had denied …");
//   - no comment: "did not comment on", "would not comment while …", "did not
//     respond to phone calls and emails", "did not respond to <outlet> when asked";
//   - hedges: a hedge inside a named source's own quoted words is theirs, not
//     the report's doubt; a hedge in a claim already flagged as resting on an
//     unnamed source is one caveat with it, not a second one.
import type { CaveatDraft } from './types';
import { PHRASES, alternation } from './phrases';
import { quotationSpans } from '../attribution';
import { stem } from './text';
import { answerLine, coveringAttribution, quoteDraft, type ReportView, type SentenceView } from './view';

// ---------- denials ----------

export const DENIAL_NOUNS = alternation(PHRASES.denialNouns);
export const DENIAL_OBJECTS = alternation(PHRASES.denialObjects);
export const DENIAL_ADVERBS = alternation(PHRASES.denialAdverbs);
const VERDICTS = alternation(PHRASES.denialVerdicts);

/** Extra denial shapes, in the form statements.ts reads its own. */
export const MORE_DENIALS = [
  {
    id: 'called-false',
    // "WABU said … that Ms X's allegations were "false and defamatory"", "the claims are baseless"
    re: new RegExp(`\\b(?:${DENIAL_NOUNS})\\s+(?:(?:against|about|of)\\s+[^,.;]{2,40}?\\s+)?(?:were|was|are|is|remain|remains)\\s+[“"‘']?(?:(?:completely|entirely|totally|simply|wholly|both|wildly|grossly|deeply|highly|utterly|categorically|absolutely|patently|demonstrably)\\s+)?[“"‘']?(?:${VERDICTS})(?:\\s+and\\s+(?:${VERDICTS}))?\\b[”"’']?`, 'g'),
    fromClause: true,
    explain: (w: string) => `${w} calls the allegation false: the claim is disputed by the party it is about, and the report does not settle it.`,
  },
  {
    id: 'reports-false',
    // "Media reports that the Commission is also examining X are speculative"
    re: new RegExp(`\\b(?:(?:[Mm]edia|[Pp]ress|[Nn]ews)\\s+)?(?:${DENIAL_NOUNS}|speculation)\\s+that\\s+[^.;]{3,160}?\\s+(?:are|were|is|was)\\s+(?:(?:completely|entirely|totally|simply|wholly|purely)\\s+)?[“"‘']?(?:${VERDICTS})(?:\\s+and\\s+(?:${VERDICTS}))?\\b[”"’']?`, 'g'),
    fromClause: false,
    explain: (w: string) => `${w} rejects the report as untrue: the claim is disputed by the party it is about, and the report does not settle it.`,
  },
  {
    id: 'no-basis',
    // "said the allegations had "no basis in fact"", "the claims have no foundation"
    re: new RegExp(`\\b(?:${DENIAL_NOUNS})\\s+(?:had|have|has|held|hold|holds)\\s+[“"‘']?(?:absolutely\\s+)?no\\s+(?:basis|foundation|substance|merit)(?:\\s+(?:whatsoever|in\\s+(?:fact|truth|reality|law)))?\\b[”"’']?`, 'g'),
    fromClause: true,
    attributedOnly: true,
    explain: (w: string) => `${w} says the allegation has no basis: the claim is disputed by the party it is about, and the report does not settle it.`,
  },
  {
    id: 'did-nothing-wrong',
    // "insisted it had done nothing wrong", "said he "did nothing wrong"": the party's own denial of wrongdoing.
    re: /\b(?:(?:had|has|have)\s+[“"‘']?done|[“"‘']?did)\s+(?:absolutely\s+)?nothing\s+(?:wrong|illegal|improper|unlawful)\b[”"’']?/g,
    fromClause: true,
    attributedOnly: true,
    explain: (w: string) => `${w} says it did nothing wrong: the accusation is disputed by the party it is about, and the report does not settle it.`,
  },
  {
    id: 'pleaded-not-guilty',
    re: /\b(?:has\s+|have\s+|had\s+)?(?:pleaded|pled|pleads|plead)\s+(?:not\s+guilty|innocent)\b[^,;.]*/g,
    fromClause: true,
    explain: (w: string) => `${w} pleads not guilty: the charge is disputed, and the report does not settle it.`,
  },
  {
    id: 'no-such',
    // "said he had made no such promise", "had received no such request"
    // Not "There is no such thing as a perfect bill": a saying, not a denial.
    re: /\b(?:had|has|have|was|were|is|are|made|make|makes|gave|give|received|signed|held|sent|there\s+(?:was|were|is|are))\s+(?:\w+\s+){0,2}?no\s+(?:[a-z]+\s+of\s+any\s+)?such\s+(?!thing\b)[a-z]+(?!\s+as\b)/g,
    fromClause: true,
    attributedOnly: true,
    explain: (w: string) => `${w} says the thing claimed did not happen: the claim is disputed, and the report does not settle it.`,
  },
  {
    id: 'no-open-case',
    // "The EPPO said … that it had no open case concerning X", "said it was not investigating the company"
    re: /\b(?:it|he|she|they|we)\s+(?:had|has|have)\s+no\s+(?:open|active|ongoing|current|pending)\s+(?:case|investigation|inquiry|enquiry|probe|proceedings?)\b[^,;.]*|\b(?:it|he|she|they|we)\s+(?:was|were|is|are)\s+not\s+(?:investigating|examining|looking\s+into|prosecuting)\b[^,;.]*/g,
    fromClause: true,
    attributedOnly: true,
    explain: (w: string) => `${w} says there is no such case: the claim that there is one is disputed, and the report does not settle it.`,
  },
  {
    id: 'denied-too',
    // "Paredes denied this as well", "The company denied it too."
    // "The ministry rejects this, pointing to fourteen meetings": the pronoun standing for the claim just made, then its reason or the sentence's end.
    re: /\b(?:has\s+|have\s+|had\s+)?(?:also\s+)?(?:denied|denies|rejected|rejects|disputed|disputes)\s+(?:(?:this|that|it|these|those)\s+(?:as\s+well|too|also|either)\b|(?:this|that|these|those)(?=\s*[.;]\s*$|\s*,\s*(?:pointing|saying|citing|insisting|arguing|noting)\b))/g,
    fromClause: true,
    explain: (w: string) => `${w} denies it: the claim is disputed by the party it is about, and the report does not settle it.`,
  },
  {
    id: 'dismissed-as',
    // "The former chief executive … dismissed that as "nonsense"": the pronoun standing for the claim just made, called false.
    re: new RegExp(`\\b(?:has\\s+|have\\s+|had\\s+)?(?:also\\s+)?(?:dismissed|dismisses|rejected|rejects|brushed\\s+aside|waved\\s+away)\\s+(?:this|that|it|these|those|them|the\\s+(?:account|accusation|allegation|claim|suggestion|charge)s?)\\s+as\\s+[“"‘']?(?:(?:complete|total|utter|pure|simply)\\s+)?(?:${VERDICTS})\\b[”"’']?`, 'g'),
    fromClause: true,
    explain: (w: string) => `${w} rejects it as false: the claim is disputed by the party it is about, and the report does not settle it.`,
  },
  {
    id: 'something-denied',
    // "…, something the central bank has previously denied", "…, which the ministry denies"; not "…, which shareholders rejected" (a vote),
    // nor "disputed" as an adjective ("which has the final word on disputed results").
    re: /(?<=,\s+)(?:something|which|a\s+claim|a\s+charge|an\s+allegation|an\s+accusation|a\s+suggestion)\s+(?:that\s+)?(?:the\s+|its\s+)?(?:[\p{L}'’-]+\s+){1,5}?(?:has\s+|have\s+|had\s+)?(?:previously\s+|repeatedly\s+|always\s+|consistently\s+|strongly\s+|since\s+)?(?<!\b(?:on|of|in|over|about|for|from|with|the|a|an|its|their|his|her|all|any|some|no)\s+)(?:denied|denies|disputed|disputes)\b(?!\s+(?:results?|votes?|ballots?|claims?|territory|territories|areas?|regions?|seats?|elections?|border|land|sheets?|boxes|accounts?|figures?|points?|matters?|cases?|issues?)\b)/gu,
    fromClause: false,
    explain: (w: string) => `${w} denies it: the claim is disputed by the party it is about, and the report does not settle it.`,
  },
  {
    id: 'does-not-recognise',
    // "The trust says it does not recognise that figure"
    re: /\b(?:does|do|did)\s+not\s+recogni[sz]e\s+(?:that|the|this|these|those|such)\s+(?:figures?|numbers?|totals?|estimates?|accounts?|descriptions?|characteri[sz]ations?|claims?|picture|version|allegations?)\b/g,
    fromClause: true,
    explain: (w: string) => `${w} says the account is wrong: the claim is disputed by the party it is about, and the report does not settle it.`,
  },
  {
    id: 'rejected-what-it-called',
    // "rejected what it called "speculation" about the vessel's condition"
    re: /\b(?:denied|denies|rejected|rejects|dismissed|dismisses|refuted|refutes|disputed|disputes)\s+what\s+(?:it|he|she|they|we)\s+(?:called|calls|described\s+as|describes\s+as|termed)\b[^,;.]*/g,
    fromClause: true,
    explain: (w: string) => `${w} rejects the account: the claim is disputed by the party it is about, and the report does not settle it.`,
  },
  {
    id: 'no-role',
    // "said Łukaszewski had "no role whatsoever" in drafting the requirements"; not a body's remit, "had no role in licensing
    // decisions in those waters" (a kind of decision, not the act it is accused of).
    re: /\b(?:had|has|have|played)\s+[“"‘']?no\s+(?:role|part|involvement|hand|knowledge)(?:\s+(?:whatsoever|at\s+all))?[”"’']?(?!\s+in\s+(?!(?:the|this|that|these|those|a|an|its|his|her|their|any)\b)(?:[a-z-]+\s+){0,2}(?:decisions|matters|policy|policies|oversight|regulation|enforcement)\b)(?:\s+(?:in|with|of)\b[^,;.]*)?/g,
    fromClause: true,
    attributedOnly: true,
    explain: (w: string) => `${w} says there was no involvement: the claim is disputed, and the report does not settle it.`,
  },
  {
    id: 'none-of-any-kind',
    // "said … that there was "no dispute of any kind" within the family", "had "no contact whatsoever" with the bidder"
    re: /\b(?:there\s+(?:was|were|is|are|had\s+been|has\s+been)|(?:had|has|have)(?:\s+been)?)\s+[“"‘']?no\s+(?:[a-z-]+\s+){1,2}?(?:of\s+any\s+kind|whatsoever|at\s+all)\b[”"’']?(?:\s+(?:in|with|within|between|among|of)\b[^,;.]*)?/g,
    fromClause: true,
    attributedOnly: true,
    explain: (w: string) => `${w} says there was nothing of the kind: the claim is disputed, and the report does not settle it.`,
  },
  {
    id: 'has-not-and-will-not',
    // "said the city "has not paid and will not pay" a ransom": the charge answered in the speaker's own words.
    re: /\b(?:has|have|had|did)\s+not\s+[a-z]+\s+and\s+(?:will|would)\s+not\s+[a-z]+\b[”"’']?(?:\s+(?!and\b)[^\s,;.]+){0,4}/g,
    fromClause: true,
    attributedOnly: true,
    explain: (w: string) => `${w} says it has not done it and will not: the claim is disputed, and the report does not settle it.`,
  },
  {
    id: 'within-the-rules',
    // "Senator X says every claim was within the rules", "said all the payments had been made in line with the guidelines"
    re: /\b(?:every|all|each)\s+(?:of\s+(?:the|her|his|its|their)\s+)?(?:[a-z-]+\s+){0,2}?(?:was|were|had\s+been|has\s+been|have\s+been|is|are)\s+(?:[“"‘']?(?:[a-z]+ly\s+[a-z]+,?\s+(?:and\s+)?)*)?(?:within|in\s+line\s+with|in\s+accordance\s+with|according\s+to)\s+(?:the\s+)?(?:rules|law|guidelines|regulations|entitlements)\b/g,
    fromClause: true,
    attributedOnly: true,
    explain: (w: string) => `${w} says everything was within the rules: the accusation is disputed, and the report does not settle it.`,
  },
  {
    id: 'other-cause',
    // "He said Zhou's contract had ended because its funding had run out, not because of her complaint": a speaker's other explanation, rebutting the one alleged.
    // Not a mood explained ("People are angry because they have been lied to, not because they are criminals"): a speaker
    // speaking up for how others feel answers no charge against the speaker's side.
    re: /(?<!\b(?:angry|upset|frustrated|furious|worried|afraid|scared|fed\s+up|tired|desperate|anxious|sad|unhappy|protesting|marching|striking)\s+)\bbecause\s+[^,;.]{3,120},\s+not\s+(?:because|due\s+to|as\s+a\s+result\s+of|in\s+response\s+to)\b[^,;.]*/g,
    fromClause: true,
    attributedOnly: true,
    explain: (w: string) => `${w} gives another explanation and rejects the one alleged: the claim is disputed, and the report does not settle it.`,
  },
];

const DENIED_BEFORE = /\b(?:denied|denies|deny|denying|rejected|rejects|dismissed|dismisses|refuted|refutes|disputed|disputes)\s+(?:the\s+|all\s+|any\s+)?(?:media\s+|press\s+|news\s+)?$/i;
const VERDICT_AFTER = new RegExp(`^[^.;]{0,160}?\\s+(?:are|were|is|was)\\s+(?:(?:completely|entirely|totally|simply|wholly|purely)\\s+)?[“"‘']?(?:${VERDICTS})\\b`);

/** "denied reports that …", "reports that … were false": the reports are the allegation a party denies, not the report's unnamed source. */
export function reportsBeingDenied(sentence: string, at: number, length: number): boolean {
  return DENIED_BEFORE.test(sentence.slice(0, at)) || VERDICT_AFTER.test(sentence.slice(at, at + length + 160));
}

/**
 * Matches that are not a denial by anyone: a negated one ("has not denied the
 * allegation") or a story's account of one ("The story said the company had
 * denied …").
 */
export function notADenial(s: SentenceView, at: number): boolean {
  const before = s.text.slice(0, at);
  if (/\b(?:not|never|n[’']t)\s+(?:yet\s+)?(?:(?:has|have|had)\s+)?$/i.test(before)) return true;
  return /\b(?:story|article|piece|report|version|item)\s+(?:also\s+|had\s+|wrongly\s+|incorrectly\s+)?(?:said|stated|reported|claimed|misstated|suggested)\b/i.test(before);
}

const REBUTTAL = new RegExp(`^(?:A:\\s*)?[“"‘']?(?:No[,.!]\\s+)?(?:${alternation(PHRASES.rebuttals)})\\b`);

/** A line of an interview's answer ("A: …"), or the line's start when the line is a question ("Q: …"). */
function qaLine(view: ReportView, s: SentenceView): { kind: 'Q' | 'A'; line: number } | null {
  const lineStart = view.text.lastIndexOf('\n', s.start - 1) + 1;
  const m = /^([QA]):\s/.exec(view.text.slice(lineStart, lineStart + 3));
  return m ? { kind: m[1] as 'Q' | 'A', line: lineStart } : null;
}

function insideQuotation(spans: readonly [number, number][], at: number): boolean {
  return spans.some(([qs, qe]) => at > qs && at < qe);
}

const FIRST_PERSON_NO = /\b(?:I|we)\s+(?:[a-z]+\s+){0,2}(?:not|never|no)\b|\bI(?:['’]ve|['’]m)\s+(?:not|never|no)\b|\b(?:I|we)\s+(?:didn|don|haven|wasn|weren)['’]t\b/;
const STOP = /^(?:that|this|with|from|have|were|what|your|they|them|their|about|there|which|would|could|should|been|said|says|told|month|year|week|last|only|also|into|some|more)$/i;

function contentStems(text: string): Set<string> {
  return new Set((text.match(/\p{L}{4,}/gu) ?? []).filter((w) => !STOP.test(w)).map((w) => stem(w).slice(0, 5)));
}

/**
 * A speaker's rebuttal: "That's not true" opening a sentence inside a
 * quotation or an interview answer, and an interview answer that negates what
 * the question puts to the one answering ("… that you were settling personal
 * scores." — "I have no scores to settle with anyone."). The denier is the
 * speaker (or the one interviewed).
 */
export function rebuttals(view: ReportView): CaveatDraft[] {
  const out: CaveatDraft[] = [];
  const spans = quotationSpans(view.text);
  for (const s of view.sentences) {
    const qa = qaLine(view, s);
    const quoted = insideQuotation(spans, s.start + 1) || /^[“"‘']/.test(s.text);
    const m = REBUTTAL.exec(s.text);
    const said = coveringAttribution(view, s);
    // In a transcript ("NAME: That's not true."), the speaker label attributes the line.
    // An interview without Q and A labels counts too: a first-person answer after a question paragraph.
    if (m && (qa?.kind === 'A' || answerLine(view, s, false) || said.cue === 'in the transcript' || (quoted && said.role !== 'reporter'))) {
      const at = m[0].startsWith('A:') ? m[0].length - m[0].replace(/^A:\s*/, '').length : 0;
      const from = s.start + at + (/^[“"‘']/.test(s.text.slice(at)) ? 1 : 0);
      out.push(denialDraft(view, from, s.start + m.index + m[0].length, qa?.kind === 'A' ? 'The one interviewed' : said.claimant, said, 'rebuttal', 'a speaker answers a claim put to them with “That’s not true” or the like'));
      continue;
    }
    // An answer that negates what the question said about the one answering.
    if (qa?.kind !== 'A' || !FIRST_PERSON_NO.test(s.text)) continue;
    const question = [...view.sentences].slice(0, s.index).reverse().find((x) => qaLine(view, x)?.kind === 'Q');
    if (!question) continue;
    const qStart = qaLine(view, question)!.line;
    const qText = view.text.slice(qStart, view.text.indexOf('\n', qStart) < 0 ? view.text.length : view.text.indexOf('\n', qStart));
    // Only a question that puts a claim to the one answering ("… says you …", "… that you were …").
    if (!/\byou(?:r)?\b/i.test(qText) || /\?\s*$/.test(qText.trim()) && !/\b(?:says?|said|told|claims?|accuses?|accused)\b/i.test(qText)) continue;
    const asked = contentStems(qText.replace(/^Q:\s*/, ''));
    const shared = [...contentStems(s.text)].filter((w) => asked.has(w));
    if (shared.length === 0) continue;
    let e = s.text.length;
    while (e > 0 && /[\s.]/.test(s.text[e - 1]!)) e--;
    const at = /^A:\s*/.exec(s.text)?.[0].length ?? 0;
    out.push(denialDraft(view, s.start + at, s.start + e, 'The one interviewed', said, 'answer-negates-question', 'an interview answer negates, in the question’s own words, what the question says about the one answering'));
  }
  return out;
}

function denialDraft(view: ReportView, start: number, end: number, who: string, said: ReturnType<typeof coveringAttribution>, rule: string, what: string): CaveatDraft {
  const named = said.role !== 'reporter';
  return quoteDraft(view, start, end, {
    kind: 'denial',
    severity: 'medium',
    label: 'Denied',
    explanation: `${named ? said.claimant : who} denies what is said about them: the claim is disputed, and the report does not settle it.`,
    reasoning: `Rule ${rule}: ${what}.`,
    rule,
    confidence: 0.8,
    claimant: named ? { name: said.claimant, role: said.role, entity: said.entity } : null,
    ...(named && said.entity ? { entities: [said.entity] } : {}),
  });
}

// ---------- no comment ----------

const OBJECTS = alternation(PHRASES.noCommentObjects);
const NOT = "(?:did\\s+not|didn['’]t|does\\s+not|doesn['’]t|has\\s+not|hasn['’]t|have\\s+not|haven['’]t|had\\s+not|would\\s+not|wouldn['’]t|will\\s+not|won['’]t|could\\s+not|couldn['’]t|has\\s+yet\\s+to|have\\s+yet\\s+to)";

/** Refusals to comment in more shapes; statements.ts runs them with its own. */
export const MORE_NO_COMMENT: RegExp[] = [
  // "did not comment on internal planning", "would not comment while the investigation was under way";
  // not "will not comment further": the speaker has just commented.
  new RegExp(`\\b${NOT}\\s+(?:immediately\\s+|publicly\\s+|yet\\s+)?comment\\b(?!\\s+further)`, 'g'),
  // "would not say whether it had been approached", "declined to give an estimate of …", "refused to disclose the sum"
  /\b(?:would\s+not|wouldn['’]t|will\s+not|won['’]t|declined\s+to|refused\s+to)\s+(?:say|confirm|disclose|reveal|specify)\s+(?:whether|if|how|what|when|why|who|where|which)\b|\b(?:declined|refused)\s+to\s+(?:give|provide|offer|release|disclose|reveal|share|put|specify)\s+(?:an?\s+|the\s+|any\s+)?(?:estimate|figure|number|total|breakdown|details?|timeline|date|amount|sum|reason|explanation)s?\b/g,
  // "said it did not discuss personnel matters", "does not comment on individual cases": a policy of silence.
  new RegExp(`\\b${NOT}\\s+(?:publicly\\s+)?(?:discuss|comment\\s+on|talk\\s+about)\\s+(?:${alternation(PHRASES.silencePolicyTopics)})\\b`, 'g'),
  // "could not be contacted", "could not be reached this evening"
  /\bcould\s+not\s+(?:immediately\s+)?be\s+(?:contacted|located|traced)\b/g,
  // "declined to release its construction invoices, citing trade secrets": records the report asked for, withheld.
  /\b(?:declined|refused)\s+to\s+(?:release|disclose|publish|make\s+public|hand\s+over|share|provide)\s+(?:its|the|their|his|her|any|copies\s+of\s+(?:its|the|their))\s+(?:[\p{L}-]+\s+){0,2}?(?:documents?|invoices?|contracts?|records?|accounts|data|reports?|study|studies|minutes|correspondence|e-?mails|audits?|receipts|budgets?|costings|bills|logs|files)\b/gu,
  // "said he had "nothing to add at this stage"", "had nothing further to say"
  /\b(?:had|has|have)\s+[“"‘']?nothing\s+(?:further\s+|more\s+)?to\s+(?:add|say)\b/g,
  // "did not respond to phone calls and emails", "did not return calls", "did not respond to Reuters' questions"
  new RegExp(`\\b${NOT}\\s+(?:immediately\\s+)?(?:respond(?:ed)?|repl(?:y|ied)|return(?:ed)?|answer(?:ed)?)\\s+(?:to\\s+)?(?:[^\\s,.;]+\\s+){0,4}?(?:${OBJECTS})\\b`, 'g'),
  // "did not respond to Meridian News when asked about the request", "He did not answer when I asked him about it"
  new RegExp(`\\b${NOT}\\s+(?:immediately\\s+)?(?:respond|reply|answer)(?:\\s+to\\s+(?:us|\\p{Lu}[\\p{L}'’.-]*(?:\\s+\\p{Lu}[\\p{L}'’.-]*){0,3}))?\\s+when\\s+(?:asked|(?:I|we)\\s+asked)\\b`, 'gu'),
  // "did not respond by publication time", "did not respond." at the end of the sentence, "his office has not yet replied"
  new RegExp(`\\b${NOT}\\s+(?:yet\\s+)?(?:immediately\\s+)?(?:respond(?:ed)?|repl(?:y|ied))(?=\\s*[.;]|\\s*$|\\s+by\\s+(?:publication|press\\s+time|deadline|the\\s+time))`, 'g'),
  /\bcould\s+not\s+(?:immediately\s+)?be\s+reached\b|\b(?:was|were|is|are)\s+not\s+(?:immediately\s+)?available\s+(?:for|to)\s+comment\b|\bhad\s+no\s+(?:immediate\s+)?comment\b|\b(?:declined|refused)\s+to\s+(?:elaborate|be\s+interviewed|answer\s+questions)\b|\bdeclined\s+to\s+discuss\s+(?:it|this|that|the\s+(?:matter|case|details|allegations?|claims?|report|investigation)|details|specifics)\b/g,
  // "refused to be drawn on whether …", "No one at the ministry was available for comment"
  /\b(?:refused|declined)\s+to\s+be\s+drawn\s+(?:on|into)\b|\b(?:would|will)\s+not\s+be\s+drawn\s+(?:on|into)\b|\b(?:[Nn]o\s*one|[Nn]obody)\s+(?:at|from)\s+[^,.;]{2,60}?\s+(?:was|were|could\s+be)\s+(?:immediately\s+)?(?:available|reached)\s+(?:for|to)\s+comment\b/g,
  // "Repeated attempts to reach X were unsuccessful", "Calls to the mayor's office went unanswered"
  /\b(?:[Rr]epeated\s+|[Ss]everal\s+|[Mm]ultiple\s+)?(?:attempts|efforts)\s+(?:by\s+[^,.;]{2,30}?\s+)?to\s+(?:reach|contact)\s+[^,.;]{2,60}?\s+(?:were|have\s+been|had\s+been)\s+unsuccessful\b|\b(?:[Cc]alls|[Ee]-?mails|[Mm]essages|[Qq]uestions|[Rr]equests\s+for\s+comment)(?:\s+and\s+[a-z-]+)?\s+(?:to|for|sent\s+to)\s+[^,.;]{2,60}?\s+(?:went|have\s+gone|had\s+gone|remain|remained)\s+unanswered\b/g,
  // "Neither side has commented", "Neither the firm nor its owner has commented"
  /\b[Nn]either\s+[^,.;]{1,60}?\s+(?:has|have|had)\s+(?:yet\s+)?(?:publicly\s+)?commented\b/g,
];

// ---------- hedges ----------

const UNNAMED_ROLES = new Set(['reporter', 'anonymous-officials', 'outlet-unnamed-sources', 'media-reports']);

/** A hedge cue inside a named source's own quoted words ("Some may see higher readings," she added): their caution, not the report's doubt. */
export function hedgeInNamedQuote(view: ReportView, s: SentenceView, at: number, spans: readonly [number, number][]): boolean {
  // "… whose data we believe may have been taken": a speaker's own "we believe", in whatever line carries it.
  if (OWN_BELIEF.test(s.text.slice(Math.max(0, at - 40), at))) return true;
  // The speaker of a quotation standing alone after "…, she told reporters." is the one named in the sentence before.
  const a = s.attribution.role === 'reporter' ? coveringAttribution(view, s) : s.attribution;
  if (UNNAMED_ROLES.has(a.role) || /\b(?:anonymity|unnamed|not (?:be )?named|familiar with)\b/i.test(a.claimant)) return false;
  if (insideQuotation(spans, s.start + at)) return true;
  // A forecast in a named speaker's reported speech ("Its coordinator, Siti Rahman, said the spill was likely to reach …",
  // "Analysts at Kestrel Research said … was likely to face pressure"): their prediction, not the report's doubt.
  // Only a forecast: "could not be independently verified" beside it is the report's own doubt, "signs that it might" a claim passed on.
  return s.attribution.role !== 'reporter' && namedSpeaker(view, s) && FORECAST_CUE.test(s.text.slice(at)) && SAID_BEFORE.test(s.text.slice(0, at));
}

const OWN_BELIEF = /\b(?:we|I)\s+(?:believe|think|fear|suspect|expect)\s+(?:that\s+)?(?:[\p{L}'’-]+\s+){0,3}$/iu;
// A forecast ("was likely to reach", "is unlikely to"): not "there were signs that it might", an unconfirmed claim of fact the report passes on.
// Also a modal on what is to come ("which she estimated might affect 6-8% of revenue", "but might also delay the listing");
// not a modal on what happened ("might have", "may be true"): that is a claim passed on.
const FORECAST_CUE = /^(?:(?:(?:is|are|was|were)\s+(?:(?:also|still|most|very)\s+)?)?(?:un)?likely\s+to\b|(?:may|might|could)\s+(?:also\s+|well\s+|still\s+|even\s+)?(?!have\b|not\b|be\s+(?:true|right|wrong|false|the\s+case|responsible|behind|linked)\b)\p{Ll}+)/iu;
const SAID_BEFORE = /\b(?:said|says|told|added|warned|predicted|forecast|expects?|expected|estimated|believes?|believed)\b/;

/** The sentence's speaker is named: a person or body the report names in the speech tag, not "analysts" or "officials" alone. */
function namedSpeaker(view: ReportView, s: SentenceView): boolean {
  const a = s.attribution;
  if (a.entity) return true;
  // "Grosu said …": a surname alone, when the sentence names a person.
  if (/^\p{Lu}\p{Ll}+$/u.test(a.claimant) && !/^(?:Officials|Analysts|Sources|Residents|Critics|Experts|Police|They|He|She|It|We)$/.test(a.claimant) && view.mentions.some((m) => m.type !== 'place' && m.start < s.start && m.surface.split(/\s+/).includes(a.claimant))) return true;
  return /\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)+/u.test(a.claimant.replace(/^(?:An?|The)\s+/, ''));
}

/**
 * One caveat per claim: a hedge on text that already carries an unnamed-source
 * caveat is folded into it (its words added to the
 * explanation), not shown as a second caveat. Works on one report's drafts, in place.
 */
export function foldHedgesIntoAnonymous(view: ReportView, drafts: CaveatDraft[]): void {
  for (let i = drafts.length - 1; i >= 0; i--) {
    const h = drafts[i]!;
    if (h.kind !== 'hedged' || h.report !== view.id || h.start === undefined) continue;
    // Only on the same text: a hedge in a clause of its own ("…, but the figure could not be confirmed") is a second finding.
    const hEnd = h.start + h.quote.length;
    // Or the claim an unnamed source's tag introduces in the same sentence ("An official …, said at least 40 … were believed to be …").
    const sentence = view.sentences.find((x) => x.start <= h.start! && h.start! < x.end);
    const anon =
      drafts.find((d) => d.kind === 'anonymous-source' && d.report === view.id && d.start !== undefined && d.start < hEnd && h.start! < d.start + d.quote.length) ??
      drafts.find(
        (d) =>
          // Not the report's own "could not verify …": a finding of its own.
          !/\b(?:verif|confirm|check|authenticat)/i.test(h.quote) &&
          d.kind === 'anonymous-source' && d.report === view.id && d.start !== undefined && sentence !== undefined &&
          d.start >= sentence.start && d.start + d.quote.length <= h.start! && /\b(?:said|says|say|told|believe|believes|claimed|claim|claims)$/.test(d.quote),
      );
    if (!anon) continue;
    const cues = /hedge words \(([^)]*)\)/.exec(h.reasoning)?.[1];
    const note = cues ? ` The claim is hedged as well (${cues}).` : ' The claim is hedged as well.';
    // Every unnamed-source draft on this sentence says so: overlapping ones merge later, and any of them may be the one kept.
    for (const d of drafts) {
      if (d === anon || (d.kind === 'anonymous-source' && d.report === view.id && sentence && d.start !== undefined && d.start >= sentence.start && d.start < sentence.end)) {
        if (!d.explanation.includes(note)) d.explanation += note;
      }
    }
    anon.claims = [...new Set([...(anon.claims ?? []), ...(h.claims ?? [])])];
    anon.related = [...(anon.related ?? []), { report: view.id, quote: h.quote }];
    drafts.splice(i, 1);
  }
}
