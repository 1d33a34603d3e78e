// Whose voice a sentence is in, read from its grammar rather than from one
// phrase per report. The phrase rules (sourcing.ts, sourcing-more.ts) list the
// shapes seen so far; these read the parts every shape shares:
//   - unnamedSpeakers: a speech verb whose subject is people nobody names: a
//     determiner or none, modifiers, a head noun for people (by the data's word
//     lists or by its ending), then anything that places them ("in X", "on the
//     river", "at one of them", "who …") and an aside before the verb
//     ("Teachers in one district, who spoke on condition that …, said");
//     also the tag after the claim ("…, said one teacher").
//   - sweepingClaims: a generalisation in the report's own voice: a bare
//     plural or mass subject ("Oil companies in the region", "Procurement in
//     X"), a habit or a record ("have long", "have always", "for years", "a
//     history of") and a judgement ("silence critics", "open to abuse").
//   - firstPersonAnswers: "I reject that", "We deny this" (a denial) and "I
//     cannot comment on them" (no comment) in someone's own words.
//   - anonymity grants in more shapes ("on condition that neither they nor
//     their company be named", "… that their school not be identified").
//   - the outlet saying it could not check ("The Observer was not able to
//     verify …"), named as the report names itself.
// Each finding is a draft like the phrase rules' own; overlapping drafts of a
// kind merge into one (index.ts), so a claim both find is one caveat.
import { PHRASES, alternation } from './phrases';
import { quotedSpans, type Span } from './text';
import type { CaveatDraft } from './types';
import { SCHEDULE_ONLY, bodyOfficials } from './sourcing';
import { answerLine, coveringAttribution, quoteDraft, type ReportView, type SentenceView } from './view';

const V = PHRASES.voice;
const SPEECH = alternation(V.speechVerbs);
const AUX = '(?:(?:have|has|had|also|privately|now|still|openly|often|repeatedly|long|too|all|both|themselves|already|separately|later|previously|earlier)\\s+)*';
// Speech verb, not in the passive ("are said to be", "were told to leave") and not "against" ("warned against").
const SPEECH_AFTER_SUBJECT = new RegExp(`(?<![\\w’'])(?<!\\b(?:is|are|was|were|be|been|being|whose|the|their|its|his|her|our|my|your|these|those|of|and|or|such|new|false|earlier|similar)\\s+)${AUX}(?:${SPEECH})\\b(?!\\s+(?:against|to\\s+(?:leave|stay|go|move|wait|pay|stop)))`, 'g');

const NUMBER_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a\\s+dozen|dozens|hundreds|thousands|scores';
const QUANT = `(?:(?:around|about|roughly|nearly|almost|more\\s+than|at\\s+least|over|some|fewer\\s+than|up\\s+to)\\s+)?(?:\\d[\\d,]*|${NUMBER_WORDS})(?:\\s+of)?`;
/** What opens an unnamed group or person: an article, a quantity, "some", "many" (never "the", "his", "their": a group already introduced, or someone's own people). */
const DET = `(?:(?:(?:some|many|several|most|few|a\\s+few|one|two|three|none|all|both)\\s+of\\s+(?:the|your|their|our|its|these|those)|a|an|one|another|some|many|several|most|few|a\\s+few|other|a\\s+handful\\s+of|a\\s+number\\s+of|a\\s+group\\s+of|a\\s+majority\\s+of|a\\s+couple\\s+of|${QUANT})\\s+)?`;
const MOD = "(?:(?!(?:the|his|her|its|their|our|my|your|these|those|this|that|who|whose|which|and|or|after|before|when|than|if|unless|until|while|because|following|since|as|with|without|by|for|to|in|on|at|from|of|not|never|also|" + SPEECH + ")\\s)(?:[a-z][\\w-]*(?<![’']s)(?:(?<=s)['’])?|\\p{Lu}\\p{Ll}+(?:an|ian|ese|ish|i|ch|ic)|\\p{Lu}{2,3})\\s+){0,3}?";
const PLACE = "(?:\\p{Ll}+ing\\s+(?:at|in|on|near|for|with|along|around|the|a|an|this|its|their)|(?:contacted|interviewed|reached|quoted|surveyed|questioned)\\s+(?:by|for)|in|on|at|from|near|around|across|along|outside|inside|within|of|for|throughout|close\\s+to|familiar\\s+with|involved\\s+(?:in|with)|working\\s+on|briefed\\s+on|aware\\s+of|with\\s+(?:direct\\s+)?knowledge\\s+of|living\\s+(?:in|on|near)|working\\s+(?:in|at|on|for)|based\\s+in|who|whom\\s+(?:we|I)|(?:that\\s+)?(?:we|I)\\s+(?:spoke|talked)\\s+(?:to|with))";
// Optional "Q:" of an interview's question, or a connective opening the sentence.
const LEAD = '(?:Q:\\s+)?(?:(?:But|And|Yet|Still|Now|Meanwhile|However|Instead|So|Elsewhere|Locally)\\s*,?\\s+)?';
// "patients and pharmacists": the last head is read.
const NP = new RegExp(`^${LEAD}(${DET})((?:${MOD}\\p{L}[\\p{L}-]*\\s+(?:and|or)\\s+)?${MOD})(\\p{L}[\\p{L}'’-]*)((?:\\s+${PLACE}\\b[^,;:“”"]{1,70}?)?)$`, 'u');
// A finite verb inside the placing phrase means the phrase ran into a clause ("ranchers in the area had never …"), except in "who …".
const PLACE_VERB = /^\s+(?!who\b|whom\b|that\b)(?:(?!\b(?:who|whom|that|which)\b).)*?\b(?:had|has|have|was|were|is|are|would|will|could|did|does|do|said|says)\b/;

const lower = (xs: readonly string[]) => new Set(xs.map((x) => x.toLowerCase()));
const HEADS = lower(V.groupHeads);
// The not-a-group words that are things, not people who speak in public ("documents", "figures"): never speakers.
const NOT_GROUP_THINGS = lower(V.notPeople);
const BODY_VOICE = lower(V.bodyVoiceHeads);
const GROUP = lower([...PHRASES.groupNouns, ...PHRASES.communityNouns]);
const PERSON = lower([...PHRASES.personNouns, ...PHRASES.relationNouns, ...V.personHeads]);
const NOT_GROUP = lower([...PHRASES.notGroupNouns, ...V.notPeople]);
const PUBLISHING = lower(PHRASES.publishingGroupNouns);
const ENDINGS = new RegExp(`(?:${PHRASES.groupNounEndings.join('|')})$`);
const SINGULAR_ENDINGS = new RegExp(`(?:${V.personEndings.join('|')})$`);
const SPOKES = /\bspokes(?:person|man|woman)\b/i;

/** Whether a head noun names people not named: a plural group, or one person with an article ("a village chairman"). */
function peopleHead(head: string, det: string, place = ''): boolean {
  const h = head.toLowerCase();
  if (SPOKES.test(h)) return false;
  // The voice's own heads win over the phrase rules' not-a-group list ("officials", "representatives": a body named for
  // them is read by bodyOfficials). "Leaders" stay out: they speak in public ("union leaders said").
  if (HEADS.has(h)) return true;
  if (NOT_GROUP.has(h)) return false;
  if (GROUP.has(h)) return true;
  // "Two scouts who work the east of the island": "who" says they are people.
  if (/^\s+who\b/.test(place) && /s$/.test(h)) return true;
  const one = /^(?:a|an|one|another)\s/i.test(det.trim() + ' ');
  if (PERSON.has(h)) return one || det.trim() === '';
  // "boatmen", "linesmen": a plural by its ending, though it does not end in "s".
  if (/men$/.test(h)) return true;
  // By its ending: a plural ("anglers", "campaigners"), or one person with an article ("a chairman").
  if (/s$/.test(h)) return ENDINGS.test(h);
  return one && SINGULAR_ENDINGS.test(h);
}

interface Speaker {
  start: number; // offsets in the sentence
  end: number;
  phrase: string;
}

/** Where a clause may start before a speech verb: the sentence's start, or after a comma, a dash, a quotation or a connective. */
function clauseStarts(pre: string): number[] {
  const out = [0];
  // Not after "as": "…, as growers warned they could lose a season" is a circumstance of the story, not its source.
  for (const m of pre.matchAll(/(?:,|;|:|—|–|\s-\s|[”"’])\s+(?!as\s)|\b(?:and|but|while|because|though|although|that)\s+/g)) out.push(m.index + m[0].length);
  return out;
}

/** The unnamed speaker before `verbAt` in `text`, if the words there read as one. */
// "Several cooperative leaders, speaking privately because they feared …, told us": whoever they are, they are unnamed.
const ANONYMITY_ASIDE = /\b(?:speaking\s+(?:privately|anonymously|on\s+condition)|on\s+(?:the\s+)?condition\s+(?:of\s+anonymity|that)|asked\s+not\s+to\s+be\s+(?:named|identified)|anonymity)\b/i;

function speakerBefore(view: ReportView, s: SentenceView, verbAt: number): Speaker | null {
  let pre = s.text.slice(0, verbAt).replace(/\s+$/, '');
  let aside: Span | null = null;
  let anonymous = false;
  // An aside between the group and its verb: "Teachers in X, who spoke on condition that …, said".
  if (pre.endsWith(',')) {
    const open = pre.slice(0, -1).lastIndexOf(',');
    if (open <= 0) return null;
    const words = pre.slice(open + 1, -1);
    // A speech tag or a named person in the aside: someone else is speaking, or the speaker is named ("A teacher, Ana Ruiz, said").
    if (/\b(?:said|says|told|according)\b/.test(words)) return null;
    // Or a name in apposition ("A rival bidder, the Turkish operator Karadeniz Liman, said"): then the speaker is named.
    if (s.mentions.some((m) => (m.type === 'person' || m.type === 'organisation') && m.start >= open && m.end <= pre.length)) return null;
    aside = [open, pre.length];
    pre = pre.slice(0, open);
    anonymous = ANONYMITY_ASIDE.test(words);
    // "One, a visitor from Sapporo, said": after a bare "One" or "Another", the aside says who they are.
    if (/(?:^|[.;]\s+)(?:One|Another|A\s+second|A\s+third)(?:\s+of\s+them)?$/.test(pre)) {
      const who = words.trim();
      const m = NP.exec(who);
      if (m && /^(?:a|an)\s/.test(m[1]!) && peopleHead(m[3]!, m[1]!, m[4]!) && !s.mentions.some((x) => x.type === 'person' && x.start >= open && x.end <= aside![1])) {
        const start = pre.search(/(?:One|Another|A\s+second|A\s+third)(?:\s+of\s+them)?$/);
        return { start, end: verbAt, phrase: s.text.slice(start, verbAt) };
      }
      return null;
    }
  }
  // "Several in the Valdobbiadene area say": a quantifier placed somewhere stands for people there.
  {
    // Not "Few in the village believe": a view credited to nobody, the group-mood finding's.
    const q = /(?:^|[.;]\s+|,\s+)((?:Several|Many|Some|Most|Others)\s+(?:in|from|at|on|around|across|near|along)\s+[^,;:“”"]{2,60})$/.exec(pre);
    if (q && !PLACE_VERB.test(' ' + q[1]!.replace(/^\S+\s+/, '')) && !/^(?:believe|believes|expect|expects|suspect)\b/.test(s.text.slice(verbAt))) {
      const start = pre.length - q[1]!.length;
      return { start, end: verbAt, phrase: s.text.slice(start, verbAt) };
    }
  }
  for (const from of clauseStarts(pre)) {
    const cand = pre.slice(from);
    // The sentence's first word is capitalised whatever it is ("Artisanal fishers, who …, have long complained").
    const opens = from === 0 || /^Q:\s+$/.test(pre.slice(0, from));
    const m = NP.exec(opens ? cand.replace(/^((?:Q:\s+)?)(\p{Lu})(?=\p{Ll}|\s)/u, (_, q: string, c: string) => q + c.toLowerCase()) : cand);
    if (!m) continue;
    const [, det, , head, place] = m as unknown as [string, string, string, string, string];
    if (PLACE_VERB.test(place)) continue;
    // A capital head is a name, unless it opens the sentence ("Anglers on the Ithon say").
    const headAt = from + cand.length - place.length - head.length;
    if (/^\p{Lu}/u.test(head) || s.mentions.some((x) => x.start === headAt)) continue;
    // Whoever they are, people the outlet interviewed or who would not be named are unnamed sources ("Clan leaders interviewed by
    // Pacific Ledger said").
    const metByOutlet = /^\s+(?:interviewed|contacted|reached|quoted|surveyed)\s+(?:by|for)\b/.test(place);
    if (!peopleHead(head, det, place) && !((anonymous || metByOutlet) && /s$/.test(head) && !NOT_GROUP_THINGS.has(head.toLowerCase()))) continue;
    const lead = pre.slice(0, from);
    // "on a larger scale than officials have acknowledged"; "recalled after patients reported faults": no source of the claim.
    if (/\b(?:than|after|following|when|until|before|if|unless)\s+(?:\S+\s+(?:and|or)\s+)?$/i.test(lead)) return null;
    // "Ana Ruiz, a partner at the firm, said": the role is a named person's apposition.
    if (/,\s*$/.test(lead) && s.mentions.some((x) => x.type === 'person' && /^,\s*$/.test(s.text.slice(x.end, from)))) return null;
    // "His lawyers said", "the company's engineers said": someone's own people, on the record.
    if (/(?:['’]s|\b(?:his|her|their|its|our|my|your|the|these|those))\s+$/i.test(lead)) return null;
    // "He said workers had complained": the group inside a named speaker's reported speech is that speaker's account.
    // ("the runoff that scientists blame for …": a relative "that" after a noun leaves the group the speaker.)
    if (/\b(?:said|says|told\s+[\w\s]{1,30}?|added|believes?|thinks?)\s+(?:that\s+)?$/i.test(lead)) return null;
    // "Observers from the Elections Observation Group said": a named body speaks through its people.
    // Its employees are not: "Two employees of Guru Kirpa Seeds said" are people nobody names.
    if (/^\s+(?:of|from|at)\b/.test(place) && BODY_VOICE.has(head.toLowerCase()) && s.mentions.some((x) => x.type === 'organisation' && x.start >= headAt && x.end <= from + cand.length)) return null;
    // A named person inside the phrase is who speaks ("residents led by Ana Ruiz").
    // Only before the placing phrase: an unknown place there ("in Soroti") may read as a person's name.
    if (s.mentions.some((x) => x.type === 'person' && x.start >= from && x.end <= headAt + head.length)) return null;
    const phraseEnd = aside ? aside[1] : pre.length;
    // "Analysts at Kestrel Research said": their employer is named and publishes their work.
    if (PUBLISHING.has(head.toLowerCase()) && s.mentions.some((x) => x.type === 'organisation' && x.start >= from && x.end <= phraseEnd)) return null;
    if (SPOKES.test(place)) return null;
    // "union officials said" when the report names the union: that body speaking in public.
    if (bodyOfficials(view, s.text.slice(0, headAt), `${head.toLowerCase()} said`)) return null;
    const start = from + (/^Q:\s+/.exec(cand)?.[0].length ?? 0);
    return { start, end: verbAt, phrase: s.text.slice(start, verbAt) };
  }
  return null;
}

// "…, said one teacher.", "…, a village chairman told us."
const TAG_AFTER = new RegExp(`(?<=[,”"’]\\s{0,2})(?:said|says|told\\s+(?:us|me|reporters|the\\s+\\p{Lu}[\\p{L}]+))\\s+`, 'gu');

function speakerAfter(s: SentenceView, at: number, len: number): Speaker | null {
  const rest = s.text.slice(at + len).replace(/[\s.!?”"]+$/, '');
  if (/[,;]/.test(rest) || rest.split(/\s+/).length > 12) return null;
  const m = NP.exec(rest);
  if (!m) return null;
  const [, det, , head, place] = m as unknown as [string, string, string, string, string];
  if (PLACE_VERB.test(place)) return null;
  if (det.trim() === '' || /^\p{Lu}/u.test(head) || !peopleHead(head, det, place)) return null;
  if (s.mentions.some((x) => x.type === 'person' && x.start >= at)) return null;
  return { start: at, end: at + len + rest.length, phrase: s.text.slice(at, at + len + rest.length) };
}

const DOCUMENT_SOURCE = /\baccording\s+to\s+(?:(?:internal|leaked|court|public|official|company|police)\s+)?(?:e-?mails|documents|records|minutes|filings|letters|a\s+letter|a\s+memo|data|figures|a\s+copy)\b/i;

/** A group read from a phrase standing alone ("two customers", "traders", "people in the sector"): an article or none. */
function groupPhrase(s: SentenceView, from: number, phrase: string): boolean {
  const m = NP.exec(phrase.replace(/^(\p{Lu})(?=\p{Ll}|\s)/u, (c: string) => c.toLowerCase()));
  if (!m) return false;
  const [, det, , head, place] = m as unknown as [string, string, string, string, string];
  if (PLACE_VERB.test(place) || /^\p{Lu}/u.test(head) || !peopleHead(head, det, place)) return false;
  // Plural only, or one person with an article: a bare singular is a thing ("according to plan").
  if (det.trim() === '' && !/s$|men$|people$/i.test(head) && !HEADS.has(head.toLowerCase())) return false;
  const end = from + phrase.length;
  if (s.mentions.some((x) => x.type === 'person' && x.start >= from && x.end <= end)) return false;
  if (PUBLISHING.has(head.toLowerCase()) && s.mentions.some((x) => x.type === 'organisation' && x.start >= from && x.end <= end)) return false;
  return true;
}

// "according to two customers", "according to traders", "according to people in the sector"
const ACCORDING = /\b[Aa]ccording\s+to\s+([^,.;:“”"()]{2,80}?)(?=\s*(?:[,.;:)]|$)|\s+and\s)/g;
// "Farmers I spoke to in Newala", "residents we talked to": people the reporter met, not named.
const MET = /(?:^|[,;]\s+|\b(?:and|but|while)\s+)((?!(?:and|but|while)\s)(?:[\p{L}\d'’-]+\s+){1,4}?)(?:whom\s+|that\s+)?(?:I|we)\s+(?:spoke|talked|interviewed)(?:\s+(?:to|with))?\b/gu;
// "I hear from two people at the brewery that …": the writer's own unnamed sources.
const HEARD_FROM = /\b(?:I|[Ww]e)\s+(?:hear|heard|have\s+heard|am\s+told|was\s+told|have\s+been\s+told|were\s+told)\s+(?:from|by)\s+((?:[\p{L}\d'’-]+\s+){1,5}?)(?=(?:at|in|from|on|who|that|close|familiar)\b)/gu;
// "led some economists to argue that …": a group the report cites for a view, not named.
const LED_TO_SAY = /\b(?:led|prompted|leading|prompting|causing|caused)\s+((?:[\p{L}\d'’-]+\s+){1,4}?)to\s+(?:argue|say|warn|suggest|claim|question|predict|conclude)\b/gu;
const WHO_SAY = /(?:^|[,;:(]\s*|\b(?:by|from|with|among|and|for)\s+)((?:some|many|several|most|other)\s+[^,;:“”"()]{2,60}?),\s+who\s+(?:say|says|said|claim|claimed|argue|argued|complain|complained|insist|insisted)\b/g;
// "in what drivers describe as a campaign of extortion": a group's characterisation, its people not named.
const WHAT_THEY_CALL = /\bwhat\s+((?:[\p{L}\d'’-]+\s+){1,4}?)(?:describe|describes|described|call|calls|called|see|sees|regard|regards|consider|considers)(?:\s+as)?\b/gu;
// "All but two said …", "Most of them said …" after the report counts people it does not name ("interviewed 23 workers").
const QUANTIFIED = /^(?:(?:All|Nearly\s+all|Almost\s+all)\s+but\s+(?:one|two|three|four|five|a\s+few|\d+)|Most|Many|Several|Half|Nearly\s+all|Almost\s+all|Some|None)(?:\s+of\s+(?:them|those|these|the\s+[\w-]+))?\s+(?:also\s+)?(?:said|say|says|told|described|complained|reported)\b/;
const COUNTED = /\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|dozens\s+of|hundreds\s+of|several|a\s+dozen)\s+(?:[\p{L}-]+\s+){0,2}?([\p{L}-]+)\b/gu;

function moreUnnamedSpeakers(view: ReportView, s: SentenceView, inQuote: (at: number) => boolean): Speaker[] {
  const out: Speaker[] = [];
  for (const m of s.text.matchAll(ACCORDING)) {
    const at = m.index + m[0].length - m[1]!.length;
    if (inQuote(m.index) || DOCUMENT_SOURCE.test(m[0])) continue;
    if (groupPhrase(s, at, m[1]!)) out.push({ start: m.index, end: m.index + m[0].length, phrase: m[0] });
  }
  for (const m of s.text.matchAll(MET)) {
    const words = m[1]!.replace(/\s+$/, '');
    const at = m.index + m[0].indexOf(m[1]!);
    if (inQuote(at)) continue;
    // "Voters we spoke to were divided": the reporter's summary of a mood, not a claim resting on them.
    if (/^[^.;]{0,80}?\b(?:were|are)\s+(?:divided|split|mixed)\b/.test(s.text.slice(m.index + m[0].length))) continue;
    if (groupPhrase(s, at, words)) out.push({ start: at, end: m.index + m[0].length, phrase: s.text.slice(at, m.index + m[0].length) });
  }
  for (const re of [HEARD_FROM, LED_TO_SAY]) {
    for (const m of s.text.matchAll(re)) {
      const words = m[1]!.replace(/\s+$/, '');
      const at = m.index + m[0].indexOf(m[1]!);
      if (inQuote(m.index) && re === LED_TO_SAY) continue;
      if (groupPhrase(s, at, words)) out.push({ start: m.index, end: m.index + m[0].length, phrase: m[0] });
    }
  }
  // "some residents of Blue Hills, who say the resort would block beach access": the group speaks in its relative clause.
  for (const m of s.text.matchAll(WHO_SAY)) {
    if (inQuote(m.index)) continue;
    const words = m[1]!;
    const at = m.index + m[0].indexOf(words);
    if (groupPhrase(s, at, words)) out.push({ start: at, end: m.index + m[0].length, phrase: m[0].slice(m[0].indexOf(words)) });
  }
  for (const m of s.text.matchAll(WHAT_THEY_CALL)) {
    if (inQuote(m.index)) continue;
    if (groupPhrase(s, m.index + 5, m[1]!.replace(/\s+$/, ''))) out.push({ start: m.index, end: m.index + m[0].length, phrase: m[0] });
  }
  if (QUANTIFIED.test(s.text)) {
    // The people counted in the same paragraph, just before.
    const before = view.sentences.filter((x) => x.paragraph === s.paragraph && x.index < s.index && x.index >= s.index - 2);
    // …or opens with a group the report does not name ("Workers who left the meeting were less convinced. Several said …").
    const opensWithGroup = (t: string) => {
      const g = /^(?:(?:Some|Many|Most|The)\s+)?(?:[\p{L}-]+\s+){0,2}?([\p{L}-]+s)\b/u.exec(t);
      return g !== null && peopleHead(g[1]!, 'several ');
    };
    const counted = before.some((x) => [...x.text.matchAll(COUNTED)].some((c) => peopleHead(c[1]!, 'several ')) || opensWithGroup(x.text));
    if (counted) {
      const m = QUANTIFIED.exec(s.text)!;
      out.push({ start: 0, end: m[0].length, phrase: m[0] });
    }
  }
  return out;
}

/** An unnamed-source draft: the kind, severity and label every rule here gives it. */
function anonymousDraft(view: ReportView, start: number, end: number, fields: Pick<CaveatDraft, 'explanation' | 'reasoning' | 'rule' | 'confidence' | 'claimant'>): CaveatDraft {
  return quoteDraft(view, start, end, { kind: 'anonymous-source', severity: 'medium', label: 'Anonymous source', ...fields });
}

/** Whether a sentence has a speech verb whose subject is people the report does not name (for rules that defer to it). */
export function unnamedSpeakerIn(view: ReportView, s: SentenceView): boolean {
  for (const m of s.text.matchAll(SPEECH_AFTER_SUBJECT)) if (speakerBefore(view, s, m.index)) return true;
  return false;
}

/** A speech verb whose subject (or tag) is people the report does not name. */
export function unnamedSpeakers(view: ReportView): CaveatDraft[] {
  const out: CaveatDraft[] = [];
  for (const s of view.sentences) {
    // (An interview's first-person answer is left out for every unnamed-group rule at once, in index.ts.)
    if (s.heading || s.text.includes(' | ')) continue;
    // "an outside auditor told the city …, according to internal emails": the claim rests on the documents, named.
    if (DOCUMENT_SOURCE.test(s.text)) continue;
    const quotes = quotedSpans(s.text);
    const inQuote = (at: number) => quotes.some(([qs, qe]) => at > qs && at < qe);
    const found: Speaker[] = [];
    for (const m of s.text.matchAll(SPEECH_AFTER_SUBJECT)) {
      if (inQuote(m.index)) continue;
      // "complained about drill cuttings": a complaint made, an event of the story; "complained that …" is a claim.
      if (/complain\w*$/.test(m[0]) && /^\s+about\b/.test(s.text.slice(m.index + m[0].length))) continue;
      const sp = speakerBefore(view, s, m.index);
      if (sp) found.push({ ...sp, end: m.index + m[0].length, phrase: s.text.slice(sp.start, m.index + m[0].length) });
    }
    for (const m of s.text.matchAll(TAG_AFTER)) {
      if (inQuote(m.index)) continue;
      const sp = speakerAfter(s, m.index, m[0].length);
      if (sp) found.push(sp);
    }
    // "The commander is due in Ayorou on Monday, a mission official said": a schedule, nothing a reader must weigh.
    const tagged = found.filter((sp) => !SCHEDULE_ONLY.test(s.text.slice(0, sp.start).replace(/[\s,]+$/, '')));
    for (const sp of [...tagged, ...moreUnnamedSpeakers(view, s, inQuote)]) {
      const phrase = sp.phrase.replace(/\s+$/, '');
      out.push(
        anonymousDraft(view, s.start + sp.start, s.start + sp.start + phrase.length, {
          explanation: `“${phrase}”: the people this rests on are not named, so a reader cannot tell who they are or how they know.`,
          reasoning: 'Rule unnamed-speaker: the subject of a speech verb is people the report does not name (a group or one person by role or place), read from the grammar of the phrase.',
          rule: 'unnamed-speaker',
          confidence: 0.8,
          claimant: { name: phrase.replace(new RegExp(`\\s+${AUX}(?:${SPEECH})$`), ''), role: 'anonymous-officials', entity: null },
        }),
      );
    }
  }
  return out;
}

// ---------- anonymity granted, in more shapes ----------

const GRANT = new RegExp(V.anonymityGrantPatterns.join('|'), 'g');

/** "who spoke on condition that neither they nor their company be named", "… that their school not be identified". */
export function anonymityGrants(view: ReportView): CaveatDraft[] {
  const out: CaveatDraft[] = [];
  for (const s of view.sentences) {
    for (const m of s.text.matchAll(GRANT)) {
      // The claim is the sentence the grant stands in: quote from its start, so the claim and its speaker are one caveat. A grant
      // standing alone ("He asked not to be named because …") is about the claim just before it: quote from there.
      const prev = view.sentences[s.index - 1];
      const start = m.index === 0 && /^(?:He|She|They|It)\b/.test(s.text) && prev && prev.paragraph === s.paragraph ? prev.start : s.start;
      const end = s.start + m.index + m[0].length;
      out.push(
        anonymousDraft(view, start, end, {
          explanation: `“${m[0]}”: the source is not named, so a reader cannot check who they are or how they know.`,
          reasoning: 'Rule anonymity-condition: the report says it withheld who the source is.',
          rule: 'anonymity-condition',
          confidence: 0.9,
          claimant: null,
        }),
      );
    }
  }
  return out;
}

// ---------- sweeping claims in the report's own voice ----------

const HABIT = new RegExp(V.sweepingMarkers.join('|'), 'i');
const JUDGEMENT = new RegExp(V.sweepingJudgements.join('|'), 'i');
const SPEECH_ANYWHERE = new RegExp(`\\b(?:${SPEECH})\\b|\\baccording\\s+to\\b`, 'i');
// A bare plural or mass noun phrase: a class of things or people, not one that the report has introduced.
const BARE_SUBJECT = new RegExp(`^(?:\\(\\s*)?(?:(?:Most|Many|All|Few|Such)\\s+)?(?:(?:\\p{L}[\\p{L}'’-]*)\\s+){0,3}?(\\p{L}[\\p{L}'’-]*)(?:\\s+(?:in|on|at|of|across|throughout|around|like|such\\s+as)\\s+[^,;:“”"]{1,50}?)?$`, 'u');

function bareGeneric(subject: string): boolean {
  const m = BARE_SUBJECT.exec(subject.trim());
  if (!m) return false;
  const words = subject.trim().replace(/^\(\s*/, '').split(/\s+/);
  // Not "The company", "This tender", "Its owners", "He": an article, a demonstrative or a pronoun makes it one thing.
  if (/^(?:the|a|an|this|that|these|those|its|his|her|their|our|my|it|he|she|they|we|i|there|one)$/i.test(words[0]!)) return false;
  const head = m[1]!;
  // A name is not a class: a capital head after the first word ("Lanna Skyport has always …").
  if (/^\p{Lu}/u.test(head) && words.indexOf(head) > 0) return false;
  return /s$/i.test(head) || V.massNounEndings.some((e) => head.toLowerCase().endsWith(e));
}

/** A generalisation in the report's voice: a class of people or things, a habit or record, and a judgement, with no one credited. */
export function sweepingClaims(view: ReportView): CaveatDraft[] {
  const out: CaveatDraft[] = [];
  for (const s of view.sentences) {
    if (s.heading || s === view.headline) continue;
    if (coveringAttribution(view, s).role !== 'reporter' || SPEECH_ANYWHERE.test(s.text)) continue;
    if (/[“”"]|(?:^|\s)‘/.test(s.text) || /^[QA]:\s/.test(s.text) || /\?\s*$/.test(s.text)) continue;
    const habit = HABIT.exec(s.text);
    if (!habit || !JUDGEMENT.test(s.text)) continue;
    // The subject is what comes before the habit's verb.
    const subject = s.text.slice(0, habit.index).replace(/^(?:But|And|Yet|Still|Meanwhile|Indeed|In\s+truth)\s*,?\s+/, '');
    if (!bareGeneric(subject)) continue;
    let e = s.text.length;
    while (e > 0 && /[\s.)]/.test(s.text[e - 1]!)) e--;
    const from = /^\(\s*/.exec(s.text)?.[0].length ?? 0;
    out.push(
      quoteDraft(view, s.start + from, s.start + e, {
        kind: 'unsourced',
        severity: 'medium',
        label: 'No source given',
        explanation: 'The report makes a sweeping claim about a whole class of people or bodies in its own voice, and says nowhere how it knows: it is an assertion, not a finding.',
        reasoning: `Rule sweeping-claim: a generalisation (a bare plural or mass subject, “${habit[0]}”) with a judgement, in the report’s own voice, credited to no one.`,
        rule: 'sweeping-claim',
        confidence: 0.7,
        claimant: { name: s.attribution.claimant, role: 'reporter', entity: null },
      }),
    );
  }
  return out;
}

// ---------- first-person denials and refusals ----------

const FIRST_DENIAL = new RegExp(V.firstPersonDenials.join('|'), 'g');
const FIRST_NO_COMMENT = new RegExp(V.firstPersonNoComment.join('|'), 'g');

/** In someone's own words (a quotation or an interview's answer line): "I reject that", "I cannot comment on them". */
export function firstPersonAnswers(view: ReportView): CaveatDraft[] {
  const out: CaveatDraft[] = [];
  for (const s of view.sentences) {
    const lineStart = view.text.lastIndexOf('\n', s.start - 1) + 1;
    const answer = /^A:\s/.test(view.text.slice(lineStart, lineStart + 3));
    const quotes = quotedSpans(s.text);
    const said = coveringAttribution(view, s);
    const own = (at: number) => answer || quotes.some(([qs, qe]) => at > qs && at < qe);
    const who = answer ? 'The one interviewed' : said.role !== 'reporter' ? said.claimant : 'The speaker';
    const claimant = !answer && said.role !== 'reporter' ? { name: said.claimant, role: said.role, entity: said.entity } : null;
    for (const [re, kind] of [
      [FIRST_DENIAL, 'denial'],
      [FIRST_NO_COMMENT, 'no-comment'],
    ] as const) {
      for (const m of s.text.matchAll(re)) {
        if (!own(m.index)) continue;
        // "If I deny that, …", "Did you reject that?": a condition or a question is no answer.
        if (/\b(?:if|whether|unless)\s+$/i.test(s.text.slice(Math.max(0, m.index - 10), m.index)) || /\?\s*$/.test(s.text)) continue;
        const start = s.start + m.index;
        out.push(
          quoteDraft(view, start, start + m[0].length, {
            kind,
            severity: kind === 'denial' ? 'medium' : 'low',
            label: kind === 'denial' ? 'Denied' : 'No comment',
            explanation:
              kind === 'denial'
                ? `${who} denies what is said about them: the claim is disputed, and the report does not settle it.`
                : `${who} would not comment: the report gives only one side of the story about it.`,
            reasoning: `Rule first-person-${kind}: a speaker's own “${m[0]}”, in a quotation or an interview answer.`,
            rule: `first-person-${kind}`,
            confidence: 0.85,
            claimant,
            ...(claimant?.entity ? { entities: [claimant.entity] } : {}),
          }),
        );
      }
    }
  }
  return out;
}

// ---------- the outlet could not check ----------

const NOT_CHECKED = new RegExp(`(?:^|[\\s(])(${V.outletSubjects.join('|')}|(?:[Tt]he\\s+)?\\p{Lu}[\\p{L}]+(?:\\s+(?:&\\s+)?\\p{Lu}[\\p{L}]+){0,3})\\s+(?:${V.couldNotCheck.join('|')})\\b`, 'gu');

/** "The Observer was not able to verify his account": the report says it could not check, naming itself as its reader knows it. */
export function outletCouldNotCheck(view: ReportView): CaveatDraft[] {
  const out: CaveatDraft[] = [];
  const publisher = view.report.publisher.toLowerCase();
  // When no publisher was read, the lines above the body still name the outlet ("Lion Mountain Reports, Freetown").
  const header = view.text.split('\n').filter((l) => l.trim() !== '').slice(0, 5).join('\n').toLowerCase();
  for (const s of view.sentences) {
    for (const m of s.text.matchAll(NOT_CHECKED)) {
      const who = m[1]!;
      // The outlet by its own name or its short form ("the Observer" of "The Albertine Observer"); not a body named in the report.
      const name = who.replace(/^the\s+/i, '').toLowerCase();
      const isOutlet =
        V.outletSubjects.some((re) => new RegExp(`^(?:${re})$`).test(who)) ||
        (name.length > 2 && (publisher !== 'unknown' ? publisher.includes(name) : header.includes(name)));
      if (!isOutlet) continue;
      const at = m.index + m[0].indexOf(who);
      let e = s.text.length;
      while (e > at && /[\s.)]/.test(s.text[e - 1]!)) e--;
      out.push(
        quoteDraft(view, s.start + at, s.start + e, {
          kind: 'hedged',
          severity: 'low',
          label: 'Unconfirmed',
          explanation: 'The report says it could not check this itself: it is passed on unconfirmed.',
          reasoning: `Rule outlet-could-not-check: the outlet (“${who}”) says it could not verify or confirm the claim.`,
          rule: 'outlet-could-not-check',
          confidence: 0.85,
          claimant: null,
        }),
      );
    }
  }
  return out;
}

// ---------- more shapes of the sourcing kinds ----------

const NO_COMMENT_MORE = new RegExp(V.noCommentPatterns.join('|'), 'g');
const DENIAL_MORE = new RegExp(V.denialPatterns.join('|'), 'g');
const ATTRIBUTED_DENIAL = new RegExp(V.attributedDenialPatterns.join('|'), 'g');
const RUMOUR = new RegExp(V.rumourPatterns.join('|'), 'g');
const GROUP_MOOD = new RegExp(V.groupMoodPatterns.join('|'), 'g');
const MEASURED = /\baccording\s+to\b|\b(?:poll|survey|study|census|research)\s+(?:\w+\s+)?(?:found|finds|showed|shows|suggested|suggests)\b/i;

/**
 * "None of them could be reached for comment", "could not confirm or deny"
 * (no comment); "rejected the alliance's review as …" (denial); "Word around
 * Griffith is that …" (talk nobody is named for); "Many people in the valley
 * remain convinced that …" in the report's own voice (whose view?).
 */
export function morePhrases(view: ReportView): CaveatDraft[] {
  const out: CaveatDraft[] = [];
  for (const s of view.sentences) {
    if (s.heading && s.index === 0) continue;
    const quotes = quotedSpans(s.text);
    const inQuote = (at: number) => quotes.some(([qs, qe]) => at > qs && at < qe);
    const said = coveringAttribution(view, s);
    const claimant = said.role !== 'reporter' ? { name: said.claimant, role: said.role, entity: said.entity } : null;
    const push = (m: RegExpMatchArray & { index: number }, fields: Omit<CaveatDraft, 'report' | 'quote' | 'start' | 'origin'>) =>
      out.push(quoteDraft(view, s.start + m.index, s.start + m.index + m[0].length, fields));
    for (const m of s.text.matchAll(NO_COMMENT_MORE))
      push(m, { kind: 'no-comment', severity: 'low', label: 'No comment', explanation: `“${m[0]}”: the party concerned gave no answer, so the report gives only one side of the story about it.`, reasoning: 'Rule no-answer: nobody concerned could be reached, or a body would neither confirm nor deny.', rule: 'no-answer', confidence: 0.85, claimant, ...(claimant?.entity ? { entities: [claimant.entity] } : {}) });
    if (claimant) {
      for (const m of s.text.matchAll(ATTRIBUTED_DENIAL))
        push(m, { kind: 'denial', severity: 'medium', label: 'Denied', explanation: `${claimant.name} denies any part in it: the claim is disputed, and the report does not settle it.`, reasoning: 'Rule nothing-to-do-with: a speaker says someone “had nothing to do with” what is alleged.', rule: 'nothing-to-do-with', confidence: 0.8, claimant, ...(claimant.entity ? { entities: [claimant.entity] } : {}) });
    }
    for (const m of s.text.matchAll(DENIAL_MORE)) {
      if (inQuote(m.index)) continue;
      push(m, { kind: 'denial', severity: 'medium', label: 'Denied', explanation: `${claimant ? claimant.name : 'The party concerned'} rejects the finding or charge by name: the claim is disputed, and the report does not settle it.`, reasoning: 'Rule rejects-as: a party rejects or dismisses a finding, report or charge “as” something.', rule: 'rejects-as', confidence: 0.8, claimant, ...(claimant?.entity ? { entities: [claimant.entity] } : {}) });
    }
    for (const m of s.text.matchAll(RUMOUR)) {
      if (inQuote(m.index)) continue;
      out.push(anonymousDraft(view, s.start + m.index, s.start + m.index + m[0].length, { explanation: `“${m[0]}”: talk that nobody is named for, so a reader cannot tell who says it or how they know.`, reasoning: 'Rule talk-nobody-named: word, talk or rumour passed on with no one named.', rule: 'talk-nobody-named', confidence: 0.8, claimant: null }));
    }
    // Not a mood a poll or survey measured ("…, a recent poll found", "according to a council survey").
    // "Few in the village believe …": attribution may read the group itself as the believer; it is still nobody named.
    const ownVoice = said.role === 'reporter' || /^(?:Few|Many|Most|Some|Not many|Nobody|No one)\b/.test(said.claimant);
    if (ownVoice && !answerLine(view, s) && !MEASURED.test(s.text)) {
      for (const m of s.text.matchAll(GROUP_MOOD)) {
        if (inQuote(m.index)) continue;
        push(m, { kind: 'unsourced', severity: 'medium', label: 'Whose view?', explanation: `“${m[0]}”: the report states a group's conviction as fact and names no one who holds it, so a reader cannot tell whose view it is or how widely it is held.`, reasoning: 'Rule group-mood: a group’s conviction or suspicion stated in the report’s own voice, with no one named.', rule: 'group-mood', confidence: 0.75, claimant: null });
      }
    }
  }
  return out;
}
