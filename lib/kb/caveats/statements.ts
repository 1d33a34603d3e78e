// Rules on how a statement is made: hedged, denied, not commented on, or
// republished from elsewhere.
import { hedgeCues } from '../attribution';
import { clauseAt } from './text';
import type { CaveatDraft } from './types';
import { coveringAttribution, quoteDraft, type ReportView, type SentenceView } from './view';
import { DENIAL_ADVERBS, DENIAL_NOUNS, DENIAL_OBJECTS, MORE_DENIALS, MORE_NO_COMMENT, hedgeInNamedQuote, notADenial } from './statements-more';
import { quotationSpans } from '../attribution';

const HEARSAY = /^(?:could not verify|reportedly|allegedly|purportedly|rumou?rs?|rumou?red|unconfirmed|unverified|no (?:official |independent )?confirmation|could not be .*|(?:is|are|was|were|widely)(?:\s+(?:also|still|now|widely))? believed to|(?:is|are|was|were)(?:\s+(?:also|still|now|widely))? (?:said|thought|understood|rumou?red) to|it is (?:understood|believed|thought|said|alleged|rumou?red) that)$/i;

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function speaker(s: SentenceView): string {
  return s.attribution.role === 'reporter' ? 'The report' : s.attribution.claimant;
}

/** Hedges: one finding per clause that carries a hedge cue. */
/**
 * "The Harbour Wire could not independently confirm the timing", "The Wire could not verify this": the outlet
 * itself (its name, or "The" and its name's last word) saying it could not check what it passes on. Not anyone else's
 * "could not confirm" (a speaker's own answer).
 */
function outletCouldNotVerify(view: ReportView, s: SentenceView): { cue: string; start: number; end: number }[] {
  const outlets = ownOutletNames(view);
  if (outlets.length === 0) return [];
  const names = outlets
    .flatMap((outlet) => {
      const words = outlet.replace(/^The\s+/i, '').split(/\s+/);
      // The name, its last word ("The Wire"), and its leading words ("Indus 24" for "Indus 24 News").
      return [words.join(' '), words[words.length - 1]!, ...(words.length > 2 ? [words.slice(0, -1).join(' ')] : [])];
    })
    .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`(?:^|[,;]\\s+|\\b(?:though|although|but|while|and)\\s+)(?:[Tt]he\\s+)?(?:${names.join('|')})\\s+(?:could|can|was|has|had)\\s*(?:not|n['’]t|unable\\s+to|not\\s+been\\s+able\\s+to|been\\s+unable\\s+to)\\s+(?:independently\\s+)?(?:verify|confirm|establish)\\b`, 'g');
  return [...s.text.matchAll(re)].map((m) => ({ cue: 'could not verify', start: m.index + (/^(?:[,;]\s+|(?:though|although|but|while|and)\s+)/.exec(m[0])?.[0].length ?? 0), end: m.index + m[0].length }));
}

/**
 * The newsroom that wrote the report, however the report names it: its publisher, the outlet its sources spoke to
 * ("Sources in the commission told Indus 24 that …"), the newsroom that first published it ("This story was first
 * published by the Visayas Investigative Desk …").
 */
function ownOutletNames(view: ReportView): string[] {
  const names: string[] = [];
  const publisher = view.report.publisher;
  if (publisher && publisher !== 'unknown') names.push(publisher);
  const name = String.raw`(?:the\s+)?(\p{Lu}[\p{L}\d'’-]*(?:\s+(?:\p{Lu}[\p{L}\d'’-]*|\d+)){0,4})`;
  for (const m of view.text.matchAll(new RegExp(String.raw`\b(?:[Ss]ources?|officials?|[Oo]fficials|people|[Pp]eople)\b[^.;]{0,60}?\btold\s+${name}\s+(?:that|on|in)\b`, 'gu'))) {
    // An outlet, not a person the officials briefed.
    const at = m.index + m[0].lastIndexOf(m[1]!);
    if (!view.mentions.some((x) => x.type === 'person' && x.start < at + m[1]!.length && at < x.end)) names.push(m[1]!);
  }
  for (const m of view.text.matchAll(new RegExp(String.raw`\b(?:first|originally)\s+published\s+by\s+${name}`, 'gu'))) names.push(m[1]!);
  return [...new Set(names)];
}

// "does not comment on rumours", "declined to discuss market rumours": the rumour is what a party will not talk about (the
// no-comment finding), not a claim the report passes on unconfirmed.
const REFUSED_TOPIC = /\b(?:comment(?:s|ed|ing)?\s+on|discuss(?:es|ed|ing)?|talk(?:s|ed|ing)?\s+about|respond(?:s|ed|ing)?\s+to)\s+(?:[“"‘']\s*)?(?:(?:market|media|press|such|any|the|these|those|idle)\s+){0,2}$/i;

const DOCUMENT_CREDITED = /\baccording\s+to\s+(?:the|a|an|its|their)\s+(?:[\w-]+\s+){0,3}(?:assessment|report|study|survey|analysis|review|audit|estimates?|projections?|forecasts?|model|modelling|data|figures|census|inventory)\b/i;
// Only its forecast ("are likely to be"); "may have been used …, according to the permit data" is still the report's guess at the past.
const FORECAST_CUE = /^(?:is|are)\s+(?:(?:also|still|most)\s+)?(?:likely|unlikely)\s+to\b/;

export function hedged(view: ReportView): CaveatDraft[] {
  const out: CaveatDraft[] = [];
  const quotes = quotationSpans(view.text);
  for (const s of view.sentences) {
    // A hedge in a named source's own quoted words is theirs (statements-more.ts).
    // "Stocks … are likely to be overexploited, according to the most recent assessment by …": the document's own forecast, which it names.
    const byDocument = DOCUMENT_CREDITED.test(s.text);
    const cues = [...hedgeCues(s.text).filter((c) => !(byDocument && FORECAST_CUE.test(c.cue))), ...outletCouldNotVerify(view, s)].filter((c) => !hedgeInNamedQuote(view, s, c.start, quotes) && !REFUSED_TOPIC.test(s.text.slice(0, c.start)));
    const byClause = new Map<string, { span: [number, number]; cues: string[] }>();
    for (const c of cues) {
      const span = clauseAt(s.text, c.start);
      const key = `${span[0]}:${span[1]}`;
      const entry = byClause.get(key) ?? { span, cues: [] };
      entry.cues.push(c.cue);
      byClause.set(key, entry);
    }
    for (const { span, cues: words } of byClause.values()) {
      const hearsay = words.some((w) => HEARSAY.test(w));
      const list = words.map((w) => `“${w}”`).join(', ');
      const who = speaker(s);
      const explanation = hearsay
        ? `${list}: this is hearsay that ${who === 'The report' ? 'the report' : who} does not confirm; it should not be read as established.`
        : words.includes('may or may not')
          ? `The report itself says this “may or may not” be so: it offers the link as a possibility, not a finding.`
          : `${capitalise(who)} hedges this (${list}): it is a possibility or an inference, not an established fact.`;
      out.push(
        quoteDraft(view, s.start + span[0], s.start + span[1], {
          kind: 'hedged',
          severity: hearsay ? 'medium' : 'low',
          label: hearsay ? 'Unconfirmed' : 'Hedged',
          explanation,
          reasoning: `Rule hedge-cue: hedge words (${words.join(', ')}) in the clause; modal verbs followed by a capability verb ("could carry", "could be made") are not counted.`,
          rule: 'hedge-cue',
          confidence: hearsay ? 0.9 : 0.8,
          claimant: { name: s.attribution.claimant, role: s.attribution.role, entity: s.attribution.entity },
        }),
      );
    }
  }
  return out;
}

// ---------- denials ----------

interface DenialPattern {
  id: string;
  re: RegExp;
  /** Quote from the start of the clause (the subject) rather than the match. */
  fromClause: boolean;
  explain: (who: string, quote: string) => string;
  /** Counts only in a sentence the report credits to a speaker (a party's own words, not the report's). */
  attributedOnly?: boolean;
}

const DENIALS: DenialPattern[] = [
  { id: 'denied', re: new RegExp(`\\b(?:has\\s+|have\\s+|had\\s+)?[“"‘]?(?:(?:${DENIAL_ADVERBS})\\s+)?(?:denied|denies|deny|rejected|rejects|dismissed|dismisses|refuted|refutes|disputed|disputes|contested|contests)[”"’]?\\s+(?:the\\s+|these\\s+|such\\s+|any\\s+|all\\s+|[\\w'’-]+\\s+){0,2}(?:figures?|accusations?|allegations?|claims?|charges?|reports?|suggestions?|criticism|criticisms|complaints?|findings|accounts?|version|assertions?|characteri[sz]ation|${DENIAL_NOUNS})\\b[^,;]*`, 'g'), fromClause: true, explain: (w) => `${w} denies the accusation: the claim is disputed by the party it is about, and the report does not settle it.` },
  // "denied any wrongdoing", "denied taking any payment", "denied that it had known about the fault"
  { id: 'denied-act', re: new RegExp(`\\b(?:has\\s+|have\\s+|had\\s+)?(?:(?:${DENIAL_ADVERBS})\\s+)?(?:denied|denies|deny|denying)\\s+(?:that\\s+[^,;.]+|there\\s+(?:was|were|is|are|had\\s+been|has\\s+been|have\\s+been)\\s+[^,;.]+|any\\s+[a-z]+\\b[^,;.]*|(?:ever\\s+|[a-z]+ly\\s+)?\\w+ing\\b[^,;.]*|(?:this|it|the (?:report|story|claim|allegation|accusation))\\b(?=\\s*[,.;])|(?:${DENIAL_OBJECTS})\\b[^,;.]*)`, 'g'), fromClause: true, explain: (w) => `${w} denies it: the claim is disputed by the party it is about, and the report does not settle it.` },
  { id: 'maintains-innocence', re: /\b(?:has\s+)?(?:always\s+)?(?:maintained|protested|asserted)\s+(?:his|her|their|its)\s+innocence\b/g, fromClause: false, explain: (w) => `${w} says they are innocent: the accusation is disputed by the person it is about.` },
  { id: 'called-allegation-false', re: /\bcalled\s+the\s+(?:allegations?|accusations?|claims?|reports?)\b[^.;]*?[‘“"']?(?:smear|lies?|slander|baseless|groundless|false|fabricat\w*|absurd|nonsense)[’”"']?/g, fromClause: true, explain: (w) => `${w} rejects the allegation as false: the claim is disputed by the party it is about, and the report does not settle it.` },
  { id: 'insists-neutral', re: /\binsist(?:ed|s)?\s+(?:that\s+)?\w+\s+(?:is|was|are|were|remains?)\s+(?:a\s+)?neutral\b[^,;.]*/g, fromClause: true, explain: (w) => `${w} answers the charge of taking sides by calling itself neutral: its own account of its position, not an independent finding.` },
  { id: 'not-for-military-use', re: /\b(?:is|are|was|were)\s+not\s+(?:intended|designed|meant|made|sold)\s+for\s+military\s+(?:use|purposes)\b/g, fromClause: false, explain: (w) => `${w} says its products are not meant for military use: the maker’s own account, which the report does not check against how they were used.` },
  { id: 'charge-denied', re: /\b(?:a|an|the)\s+(?:charge|claim|accusation|allegation)s?\s+(?:that\s+)?(?:the\s+|its\s+)?(?:[\w-]+\s+){0,4}?(?:denies|denied|rejects|rejected|disputes|disputed|dismissed|dismisses)\b/g, fromClause: false, explain: (w) => `${w} denies the accusation: the claim is disputed by the party it is about, and the report does not settle it.` },
  // "The RSF said that its fighters had never targeted civilians": a party answering an accusation says it never did the thing.
  { id: 'never-did', re: /\b(?:(?:its|their|our|his|her)\s+(?:[a-z-]+\s+){0,2}[“"]?|(?:it|they|we)\s+)(?:had|has|have)\s+never\s+(?:deliberately\s+)?(?:targeted|attacked|shelled|bombed|killed|fired|used|harmed|supplied|sold|sent|armed|paid|violated|broken|breached)\b(?:\s+(?!and\b)[^\s,;.]+)*/g, fromClause: false, attributedOnly: true, explain: (w) => `${w} says it never did what it is accused of: the claim is disputed by the party it is about, and the report does not settle it.` },
  { id: 'always-responsible', re: /\b(?:has|have)\s+always\s+been\s+(?:prudent|responsible|cautious|careful)(?:\s+and\s+(?:prudent|responsible|cautious|careful))?(?:\s+(?:when it comes to|with|in|about)\s+[\w\s-]+?(?=\s+and\s|[,.;]|$))?/g, fromClause: true, explain: (w) => `${w} answers accusations with a general assurance: a standard rebuttal by the party accused, not evidence either way.` },
  // More shapes (statements-more.ts, words in data/sourcing-phrases.json).
  ...MORE_DENIALS,
];

const BODY_NOUN = /^(?:company|firm|group|authority|ministry|agency|government|party|militia|movement|organi[sz]ation|department|office|regulator|operator|bank|union|board|commission|council|club|federation|association|army|carmaker|airline|utility|consortium)$/;

/** The body a definite noun ("the authority", "The company") stands for: the last organisation named before, preferring one whose name has the noun. */
function definiteBody(view: ReportView, s: SentenceView, before: string): SentenceView['mentions'][number] | undefined {
  const noun = /^\s*the\s+([a-z]+)\s*$/i.exec(before)?.[1]?.toLowerCase();
  if (!noun) return undefined;
  const earlier = view.mentions.filter((x) => x.end <= s.start + before.length && x.type === 'organisation').reverse();
  const hit = earlier.find((x) => x.surface.toLowerCase().split(/\s+/).includes(noun)) ?? (BODY_NOUN.test(noun) ? earlier[0] : undefined);
  return hit ? { start: hit.start - s.start, end: hit.end - s.start, entity: hit.entity, type: hit.type } : undefined;
}

export function denials(view: ReportView): CaveatDraft[] {
  const out: CaveatDraft[] = [];
  for (const s of view.sentences) {
    for (const p of DENIALS) {
      if (p.attributedOnly && s.attribution.role === 'reporter') continue;
      p.re.lastIndex = 0;
      for (const m of s.text.matchAll(p.re)) {
        // "has not denied the allegation", "The story said the company had denied …": nobody denies anything.
        if (notADenial(s, m.index)) continue;
        let from = m.index;
        if (p.fromClause) {
          const [cs] = clauseAt(s.text, m.index);
          from = cs;
        }
        const start = s.start + from;
        // "said X had "no role" in it and that the minister had full confidence in …": the second reported clause is another
        // claim (its own finding), not part of what is denied; "denied that A and that B" denies both.
        // Nor "dismissed the criticism as … and said its software had 'the highest accuracy …'": a new speech verb, a new claim.
        const second = /\s+and\s+(?:said|says|added|adds|insisted|insists)\s/.exec(m[0]) ?? (/\b(?:denied|denies|deny|denying)\s+that\b/.test(m[0]) ? null : /\s+and\s+that\s/.exec(m[0]));
        const m0 = second ? m[0].slice(0, second.index) : m[0].replace(/\s+$/, '');
        const end = s.start + m.index + m0.length;
        const subject = s.mentions.find((x) => x.start >= from && x.start < m.index + m0.length) ?? s.mentions.find((x) => x.start < m.index);
        // "…, an allegation Andes Copper rejects": the one who rejects is named inside the match.
        const inside = !p.fromClause ? s.mentions.find((x) => x.start >= m.index && x.end <= m.index + m0.length && x.type !== 'place') : undefined;
        // "Hallam Precision rejected claims that …": a party named before the verb, in its clause, is the one denying, whoever spoke in the sentences before.
        const named0 = p.fromClause && s.attribution.role === 'reporter' ? [...s.mentions].reverse().find((x) => x.start >= from && x.end <= m.index && x.type !== 'place') : undefined;
        // "The authority rejected the accusation": a definite noun opening the clause is the body named before whose name has that noun (else, for a body noun, the last body named).
        const named = named0 ?? (p.fromClause && s.attribution.role === 'reporter' ? definiteBody(view, s, s.text.slice(from, m.index)) : undefined);
        // "Israel said that Hezbollah is preparing …, a charge the group rejected": "the group" is the one accused before it in the sentence, not the speaker.
        const anaphor = !p.fromClause && !inside && /\bthe\s+(?:[a-z-]+\s+)?(?:group|movement|militia|rebels|organi[sz]ation|company|firm|party)\b/i.test(m0)
          ? [...s.mentions].reverse().find((x) => x.end <= m.index && x.type !== 'place' && x.entity !== s.attribution.entity)
          : undefined;
        const said = inside
          ? { claimant: s.text.slice(inside.start, inside.end), entity: inside.entity, role: 'official' as const, cue: '', via: null }
          : anaphor
            ? { claimant: s.text.slice(anaphor.start, anaphor.end), entity: anaphor.entity, role: 'official' as const, cue: '', via: null }
            : named
            ? { claimant: view.text.slice(s.start + named.start, s.start + named.end), entity: named.entity, role: 'official' as const, cue: '', via: null }
            : coveringAttribution(view, s);
        const denier = said.role !== 'reporter' ? said.claimant : subject ? s.text.slice(subject.start, subject.end) : 'the party concerned';
        const claimant = said.role !== 'reporter' ? { name: said.claimant, role: said.role, entity: said.entity } : subject ? { name: denier, role: subject.type === 'place' ? ('party-official' as const) : ('official' as const), entity: subject.entity } : null;
        // Whom the denied claim is about: the first entity named in the denied words, other than the denier.
        const denierId = claimant?.entity ?? null;
        const about = s.mentions.find((x) => x.start >= m.index && x.end <= m.index + m0.length && x.entity !== denierId && x.type !== 'place') ?? s.mentions.find((x) => x.start >= m.index && x.end <= m.index + m0.length && x.entity !== denierId);
        const aboutName = about ? s.text.slice(about.start, about.end) : null;
        // "that it …" / "its …" in the denied words: the denier denies a claim about itself.
        const aboutItself = /\b(?:it|its|itself|they|their|we|our)\b/.test(m0) && !/\bthat\s+[A-Z]/.test(m0);
        const thirdParty = about !== undefined && denierId !== null && !aboutItself && p.id === 'denied';
        out.push(
          quoteDraft(view, start, end, {
            kind: 'denial',
            severity: 'medium',
            label: thirdParty ? 'Disputed' : 'Denied',
            ...(thirdParty ? { entities: [about.entity, denierId] } : anaphor ? { entities: [anaphor.entity] } : {}),
            explanation: thirdParty
              ? `${capitalise(denier)} disputes a claim about ${aboutName}; ${aboutName} itself is not quoted denying it, and the report does not settle it.`
              : capitalise(p.explain(denier, m[0])),
            reasoning: `Rule ${p.id}: a party rejects an accusation or asserts its own innocence.`,
            rule: p.id,
            confidence: 0.85,
            claimant,
          }),
        );
      }
    }
  }
  return out;
}

// ---------- no comment ----------

const NO_COMMENT =
  /\b(?:did not|didn’t|didn't|has not|have not|had not)\s+(?:immediately\s+)?respond(?:ed)?\s+to\s+(?:an?\s+|our\s+|multiple\s+)?(?:[\w-]+\s+)?requests?\s+for\s+comments?\b|\b(?:declined|refused)\s+to\s+comment\b|\bcould\s+not\s+(?:immediately\s+)?be\s+reached\s+for\s+comment\b|\bdid\s+not\s+(?:immediately\s+)?reply\s+to\s+[^,.;]*?requests?\s+for\s+comment\b|\b(?:did not|didn’t|didn't|has not|have not|had not)\s+(?:immediately\s+)?(?:respond(?:ed)?|repl(?:y|ied))\s+to\s+(?:(?:written\s+|emailed\s+|e-mailed\s+)?questions?|(?:that|the|this|these|those)\s+(?:claims?|allegations?|accusations?|questions?|criticism|report|reports))\b|\b(?:has|have|had)\s+not\s+(?:yet\s+)?(?:publicly\s+)?commented\b|\b(?:did not|didn’t|didn't|does not|doesn’t|doesn't)\s+(?:want|wish)\s+to\s+comment\b|\b(?:declined|refused)\s+to\s+(?:respond|answer|say)\b|\b[Nn]either\s+[^,.;]{1,40}?\s+(?:responded|replied)\s+to\s+(?:requests?|questions?)(?:\s+for\s+comments?)?|\b(?:did not|didn’t|didn't|has not|have not|had not)\s+(?:immediately\s+)?(?:respond(?:ed)?|repl(?:y|ied))\s+to\s+(?:an?\s+|several\s+|multiple\s+|repeated\s+)?(?:e-?mails?|messages?|(?:phone\s+)?calls?|text\s+messages?|inquiries|enquiries)\s+(?:seeking|requesting|asking\s+for)\s+comments?\b/g;

/** "His office declined to comment": the person (or, for "its", the organisation) named last in the sentences before, not a transcript's speaker label. */
function possessor(view: ReportView, s: SentenceView, before: string): SentenceView['mentions'][number] | undefined {
  // Also "A company spokesperson", "The firm": the organisation named last.
  const p = /^(His|Her|Its|Their)\s+(?:[\w-]+\s+){0,2}$/i.exec(`${before} `)?.[1]?.toLowerCase() ?? (/^(?:an?|the)\s+(?:company|firm|ministry|agency|group|carmaker|bank|operator)(?:['’]s)?(?:\s+[\w-]+)?$/i.test(before) ? 'its' : null);
  if (!p) return undefined;
  const want = p === 'its' ? 'organisation' : p === 'their' ? null : 'person';
  // "The ministry": an organisation whose name says ministry, not whichever body (the outlet itself) was named last.
  const noun = /^(?:an?|the)\s+(ministry|agency)\b/i.exec(before)?.[1]?.toLowerCase();
  for (let i = s.index - 1; i >= Math.max(0, s.index - 3); i--) {
    const prev = view.sentences[i]!;
    const found = [...prev.mentions].reverse().find((x) => (want === null || x.type === want) && !(x.start === 0 && /^:/.test(prev.text.slice(x.end))) && (!noun || prev.text.slice(x.start, x.end).toLowerCase().includes(noun)));
    if (found) return { ...found, start: found.start + prev.start - s.start, end: found.end + prev.start - s.start };
  }
  return undefined;
}

function subjectName(view: ReportView, m: SentenceView['mentions'][number]): string {
  return view.mentions.find((x) => x.entity === m.entity)?.surface ?? 'The party concerned';
}

const LATER_ANSWER = /\b(?:after\s+(?:publication|this\s+(?:story|article|report)\s+was\s+(?:first\s+)?published)|(?:later|subsequently|has\s+since|have\s+since|had\s+since)\s+(?:said|told|responded|replied|issued|sent|provided|confirmed))\b/i;

/** A sentence after the refusal, in its paragraph, where the same party answers after all. */
function answeredLater(view: ReportView, s: SentenceView): boolean {
  for (let k = 1; k <= 2; k++) {
    const next = view.sentences[s.index + k];
    if (!next || next.paragraph !== s.paragraph) return false;
    if (LATER_ANSWER.test(next.text) && /\b(?:said|says|told|responded|replied|statement)\b/.test(next.text)) return true;
  }
  return false;
}

export function noComment(view: ReportView): CaveatDraft[] {
  const out: CaveatDraft[] = [];
  for (const s of view.sentences) {
    for (const m of [NO_COMMENT, ...MORE_NO_COMMENT].flatMap((re) => ((re.lastIndex = 0), [...s.text.matchAll(re)]))) {
      // "declined to comment beyond the letter", "confirmed she would appear and declined to comment further": they have
      // commented, in what the report quotes; unless a question the report puts to them goes unanswered ("Asked whether it
      // would lower its fees, X declined to comment beyond …").
      if (/^\s+(?:beyond|further|other\s+than|outside)\b/.test(s.text.slice(m.index + m[0].length)) && !/\b[Aa]sked\s+(?:whether|if|about|how|what|why|when|who|where|for)\b/.test(s.text)) continue;
      // "did not respond to questions by the time of publishing. In a statement issued after publication, the board said …":
      // the party answered after all, in what the report prints, so nothing is left unanswered.
      if (answeredLater(view, s)) continue;
      const [cs] = clauseAt(s.text, m.index);
      // "… said the university was cooperating fully and would not comment on …": the refusal is the second verb's clause,
      // so a finding about the first (its own praise) keeps its text.
      const and = /\s+and\s+(?=(?:would|will|could|did|does)\s+not\s+|declined\s+|refused\s+)/.exec(s.text.slice(cs, m.index + m[0].length));
      const start = s.start + (and && cs + and.index + and[0].length === m.index ? m.index : cs);
      const end = s.start + m.index + m[0].length;
      const before = s.text.slice(cs, m.index).trim();
      // The last name before the verb: "Nigeria's President Bola Tinubu has not commented" is Tinubu's silence.
      const subject = [...s.mentions].reverse().find((x) => x.start >= cs && x.start < m.index) ?? possessor(view, s, before);
      const here = subject && s.mentions.includes(subject);
      const who = subject ? (here ? s.text.slice(subject.start, subject.end) : subjectName(view, subject)) : before !== '' && before.split(/\s+/).length <= 6 ? capitalise(before) : 'The party concerned';
      out.push(
        quoteDraft(view, start, end, {
          kind: 'no-comment',
          severity: 'low',
          label: 'No comment',
          explanation: `${who} did not comment: the report gives only one side of the story about it.`,
          reasoning: 'Rule no-comment: "did not respond to a request for comment", "declined to comment" and the like.',
          rule: 'no-comment',
          confidence: 0.95,
          claimant: subject ? { name: who, role: 'company', entity: subject.entity } : null,
          ...(subject ? { entities: [subject.entity] } : {}),
        }),
      );
    }
  }
  return out;
}

// ---------- republished ----------

const REPUBLISHED =
  /^\(?(?:Read (?:More|more|the full (?:story|article)) (?:at|on)|(?:Syndicated|Distributed) (?:by|from|via)|This (?:article|story|report|piece|post|explainer|column|analysis|feature|interview|essay|commentary|op-ed) (?:was|is) (?:originally|first) (?:published|posted) (?:at|on|by|in)|(?:Republished|Reprinted) (?:with permission )?(?:from|by)|This (?:article|story|piece|report|post) (?:is|was) (?:republished|reprinted|reproduced)(?: here)?(?: with permission)? (?:from|by)|Originally (?:published|posted) (?:at|on|by|in)|This (?:article|story) (?:first|originally) appeared (?:on|in|at)|First published (?:at|on|by|in)|Source:)\s*(\S.*)$/;

export function republished(view: ReportView): CaveatDraft[] {
  const out: CaveatDraft[] = [];
  for (const s of view.sentences) {
    const m = REPUBLISHED.exec(s.text);
    if (!m) continue;
    // "(Syndicated by the X Wire)" is a line of its own; "Distributed by the Red Cross, food parcels reached …" is news.
    if (/^\(?(?:Syndicated|Distributed)\b/.test(s.text) && !/^\(.*\)\.?$/.test(s.text.trim()) && s.text.trim().split(/\s+/).length > 8) continue;
    // "… by the Cape Standard and is republished here with permission.": the outlet only.
    const where = m[1]!.trim().replace(/^the\s+/i, '').replace(/\s+(?:and|with|under)\s.*$|[.;)]+$/s, '');
    const domain = /^https?:\/\/(?:www\.)?([^/\s]+)/.exec(where)?.[1] ?? where;
    const origin = s.mentions.map((x) => x.entity)[0] ?? null;
    out.push(
      quoteDraft(view, s.start, s.end, {
        kind: 'republished',
        severity: 'medium',
        label: 'Republished',
        explanation: `This text is republished from ${domain}: it counts as one source together with its original, not as an independent report.`,
        reasoning: 'Rule republished-from: the text ends by pointing to an original elsewhere ("Read more at …", "Originally published …").',
        rule: 'republished-from',
        confidence: 0.95,
        context: `Original: ${where}`,
        claimant: null,
        entities: origin ? [origin] : [],
        claims: view.sentences.filter((x) => x.claim && x !== s).map((x) => x.claim!.id),
      }),
    );
  }
  // The report's metadata may know the original when the text does not point to it.
  const meta = view.report.republishedFrom;
  if (out.length === 0 && meta) {
    const start = view.text.indexOf(meta.quote);
    if (start >= 0) {
      out.push(
        quoteDraft(view, start, start + meta.quote.length, {
          kind: 'republished',
          severity: 'medium',
          label: 'Republished',
          explanation: `This text is republished from ${meta.publisher}: it counts as one source together with its original, not as an independent report.`,
          reasoning: "Rule republished-meta: the report's metadata names the original it republishes, quoting the passage that shows it.",
          rule: 'republished-meta',
          confidence: 0.9,
          context: meta.url ? `Original: ${meta.url}` : null,
          claimant: null,
          claims: view.sentences.filter((x) => x.claim).map((x) => x.claim!.id),
        }),
      );
    }
  }
  return out;
}
