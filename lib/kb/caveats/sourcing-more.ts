// More sourcing classes, read from data/sourcing-phrases.json:
//   - unnamed groups in more shapes ("Shipping agents said", "Sources within the
//     department say", "diplomats who followed the process said", "officials are
//     quick to point out", "Some voters we spoke to said"), an unnamed person
//     described by a relative clause ("A person who took part in X said"), the
//     inverted tag ("…, said a person familiar with the talks");
//   - a named speaker relaying what unnamed others told them ("she had been told that …");
//   - a spokesperson for a named principal is on the record, not anonymous;
//   - an assertion of wrongdoing or its cause in the report's own voice, in a
//     story that otherwise cites its sources, and a judgement credited to
//     nobody ("is widely regarded as");
//   - figures a reader can check without a source: market moves, public targets.
import { hedgeCues } from '../attribution';
import type { ClaimantRole } from '../document';
import { PHRASES, alternation } from './phrases';
import { clauseAt, quotedSpans } from './text';
import type { CaveatDraft } from './types';
import { phraseDrafts, quoteDraft, type ReportView, type SentenceView } from './view';

export interface AnonPatternLike {
  id: string;
  re: RegExp;
  role: ClaimantRole;
  explain: (phrase: string) => string;
}

const VERB_LEAD = '(?:have\\s+|has\\s+|had\\s+|are\\s+|were\\s+)?';

/** The extra reporting verbs at the end of a phrase, to leave the claimant ("officials are quick to point out" → "officials"). */
export const MORE_VERB_TAIL = new RegExp(`\\s+${VERB_LEAD}(?:${alternation(PHRASES.groupVerbs)})$`);

/**
 * Unnamed-group patterns built on the base rule's parts (its modifiers, nouns,
 * qualifiers and verbs), with the nouns, places, relative clauses and verbs of
 * the data file added.
 */
export function moreAnonPatterns(base: { groupMod: string; groupNoun: string; qualifier: string; verbs: string }): AnonPatternLike[] {
  const verbs = `(?:${base.verbs}|${alternation(PHRASES.groupVerbs)})`;
  // "Residents of the hill villages, cut off since the flood, say": an aside between the group and its verb says more
  // about them, not who they are (a name or a speech tag in it is checked where the match is read: `asideNamesSomeone`).
  // Not an anonymity grant ("…, who asked not to be named, said"): the anonymity rule quotes that itself.
  const aside = `(?:,\\s+(?![^,.;]*\\b(?:said|says|told|according|added|names?|named|identified|anonymity|anonymously|withh[oe]ld|authori[sz]ed)\\b)[^,.;:“”"()]{3,90},)?`;
  // Not "Health workers in the district are said to …": the place phrase must not end in a passive's "are".
  const then = `(?<!\\s(?:are|were|is|was|be|been))(?=${aside}\\s+${VERB_LEAD}${verbs}\\b)`;
  // A community's members may be described at length ("…, whose animals graze on the peninsula during the summer and …, say").
  const longAside = aside.replace('{3,90}', '{3,140}');
  // Where they are or how the reporter met them does not say who they are.
  const more = [
    `\\s+(?:${alternation(PHRASES.groupPlaces)})\\s+(?:the\\s+)?[^,.;:“”"]{2,50}?${then}`,
    // "in the old town" as the base rule reads it, with an aside before the verb allowed here.
    `\\s+(?:in|near|around)\\s+(?:the\\s+)?[^,.;:“”"]{2,40}?${then}`,
    // "at the contractor", "at the grid operator": a body not named.
    `\\s+at\\s+(?:the|a|an)\\s+[a-z][^,.;:“”"]{1,40}?${then}`,
    // "Stallholders at Kariakoo market said", "Dockers at Tema port say", "Traders on the Colombo Stock Exchange said": a named spot, like "in Kibera"; not "analysts at
    // Kestrel Research", whose employer is named and publishes their work.
    `\\s+(?:at|on)\\s+(?:the\\s+)?[A-Z][\\w'’-]+(?:\\s+[A-Z][\\w'’-]+){0,3}\\s+(?:${alternation(PHRASES.namedSpotNouns)})${then}`,
    `\\s+who\\s+[^,.;:“”"]{2,80}?${then}`,
    // "Residents of the nearby town say", "Officials from the ministry said"; not "Observers from the Elections
    // Observation Group said": a body named by its name speaks through them.
    `\\s+(?:of|from)\\s+(?!(?:the|a|an)\\s+[A-Z])(?=[a-z])[^,.;:“”"]{2,50}?${then}`,
    // "Herders from the Lákkoluokta siida, whose animals graze …, say": a community's members, the community named, they not.
    `(?<=(?:${alternation(PHRASES.communityNouns)}))\\s+(?:of|from)\\s+(?:the\\s+)?[A-Z][^,.;:“”"]{2,50}?${longAside}(?=\\s+${VERB_LEAD}${verbs}\\b)`,
    `\\s+(?:(?:whom|that)\\s+)?(?:we|I)\\s+(?:spoke|talked)\\s+(?:to|with)(?:\\s+[^,.;:“”"]{1,40}?)?${then}`,
  ].join('|');
  const qualifier = `(?:${base.qualifier.replace(/\?$/, '')}|${more})?${aside}`;
  // Not "His lawyers said", "the company's engineers said": people speaking for a principal named before them.
  // Nor "the students said": a group the report has already introduced, often by name.
  const notOwned = "(?<!\\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Mm]y|[Yy]our|[Tt]he|[Tt]hese|[Tt]hose)\\s)(?<![’']s\\s)(?!(?:His|Her|Their|Its|Our|My|Your|The|These|Those)\\s)";
  const lead = "(?:(?:[Ss]ome|[Mm]any|[Ss]everal|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Aa]\\s+few|[Aa]\\s+number\\s+of|[Oo]ther)\\s+)?";
  // A plural of a people noun, by its ending, unless the data says it names things, an institution or elected members speaking in public.
  // Lower case, or capitalised only at the start of a sentence: "Kestrel Motors said" is a company.
  const byEnding = `(?!(?:${alternation(PHRASES.notGroupNouns)})\\b)(?:(?<=^|[.!?]\\s+)[A-Z]|[a-z])[a-z]+(?:${PHRASES.groupNounEndings.join('|')})(?![\\w’'-])`;
  const nouns = `(?:${base.groupNoun}|${alternation(PHRASES.groupNouns)}|${byEnding}|[Pp]eople(?=\\s+(?:${alternation(PHRASES.groupPlaces)}|who|at|in|from)\\b))`;
  return [
    {
      id: 'anonymous-group-more',
      // Not "Council members are said to be split": passive, the members are what the claim is about (a hedge).
      re: new RegExp(`(?<![\\w’'])${notOwned}${lead}${base.groupMod}${nouns}${qualifier}\\s+(?!(?:are|were)\\s+(?:${base.verbs})\\b)${VERB_LEAD}${verbs}\\b(?!\\s+against)`, 'g'),
      role: 'anonymous-officials',
      explain: (p) => `“${p}”: the people this rests on are not named, so a reader cannot tell who they are or how they know.`,
    },
    {
      id: 'those-close-to',
      // "Those close to the mayor say", "those familiar with the talks said": a circle, nobody in it named.
      re: new RegExp(`\\b[Tt]hose\\s+(?:close\\s+to|familiar\\s+with|around|who\\s+know)\\s+[^,.;:“”"]{2,50}?\\s+${VERB_LEAD}${verbs}\\b`, 'g'),
      role: 'anonymous-officials',
      explain: (p) => `“${p}”: nobody in that circle is named, so a reader cannot check who said this or how they know.`,
    },
    {
      id: 'unnamed-person-who',
      // "A person who took part in the evaluation said", "One international observer who monitored the vote in X said" (not "… who asked not to be named", the anonymity rule's own).
      re: /\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w-]+\s+){0,2}(?:person|official|source|diplomat|insider|aide|employee|executive|member|manager|worker|resident|witness|engineer|officer|observer|monitor|analyst|adviser|advisor|investigator|inspector|auditor)\s+who\s+(?!(?:asked|requested|declined|refused|spoke|did\s+not|was\s+not|were\s+not|is\s+not|are\s+not)\b)[^,.;:“”"]{2,80}?(?=\s+(?:said|says|told|stated|confirmed|revealed)\b)/g,
      role: 'anonymous-officials',
      explain: (p) => `“${p}” is not named: a reader cannot check who said this or how they know.`,
    },
    {
      id: 'said-unnamed',
      // "…, said a person familiar with the talks", "said two officials briefed on the plan"
      // Only as a tag after a comma or a quotation, ending its clause: not "Police said two people were arrested".
      re: /(?<=[,”"’]\s{0,2})(?:said|says)\s+(?:an?|one|two|three|four|several|another)\s+(?:[\w-]+\s+){0,2}(?:person|people|officials?|sources?|diplomats?|insiders?|aides?|executives?|employees?)\b(?:\s+(?:familiar with|with (?:direct )?knowledge of|close to|briefed on|who|in|at|from)\s+[^,.;:“”"]{2,60})?(?=\s*[,.;]|\s*$)/gu,
      role: 'anonymous-officials',
      explain: (p) => `“${p}”: nobody is named, so a reader cannot check who said this or how they know.`,
    },
    {
      id: 'unnamed-person-at',
      // "a fisherman in Teluk Kemang said", "A nurse at the hospital told the paper": one person, placed but not named;
      // or placed only by what they know ("A banker familiar with the company's accounts said").
      // Not "a spokesman for X" (on the record); a named person's apposition ("Jan Kos, a farmer in Ruda, said") has its comma before "said".
      re: new RegExp(`\\b(?:[Aa]n?|[Oo]ne)\\s+(?:(?:local|young|retired|former|senior|junior)\\s+)?(?:${alternation(PHRASES.personNouns)})\\s+(?:in|from|at|near|inside|on|familiar\\s+with|close\\s+to|briefed\\s+on|with\\s+(?:direct\\s+)?knowledge\\s+of)\\s+[^,.;:“”"]{2,50}?(?=\\s+(?:said|says|told)\\b)`, 'gu'),
      role: 'anonymous-officials',
      explain: (p) => `“${p}” is not named: a reader cannot check who said this or how they know.`,
    },
    {
      id: 'unnamed-relation',
      // "A relative of the victim said", "an ally of the minister told the paper": placed only by whom they know. Not
      // "A friend of the victim, Maria Lopez, said": a name in apposition has its comma before the verb.
      re: new RegExp(`\\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\\s+(?:(?:long-?time|old|former|senior)\\s+)?(?:${alternation(PHRASES.relationNouns)})\\s+of\\s+[^,.;:“”"]{2,50}?(?=\\s+(?:said|says|told)\\b)`, 'gu'),
      role: 'anonymous-officials',
      explain: (p) => `“${p}” is not named: a reader cannot check who said this or how they know.`,
    },
    {
      id: 'users-on-platform',
      // "Users on Reddit and Telegram said", "People on social media claimed": whoever posted, nobody named.
      re: /\b(?:[Uu]sers|[Cc]ustomers|[Pp]eople|[Cc]ommenters|[Pp]osters|[Aa]ccounts)\s+on\s+(?:social\s+media|(?:online\s+)?forums|\p{Lu}[\p{L}\d]*(?:(?:,\s+|\s+(?:and|or)\s+)\p{Lu}[\p{L}\d]*){0,3})\s+(?:have\s+|had\s+)?(?:said|say|says|reported|posted|wrote|claimed|complained)\b/gu,
      role: 'anonymous-officials',
      explain: (p) => `“${p}”: the people posting are not named, so a reader cannot check who they are or what they saw.`,
    },
    {
      id: 'citing-unnamed',
      // "(The Rhine Courier,) citing two members of the company's works council, reported …": another outlet's unnamed sources.
      re: /\bciting\s+(?:an?|one|two|three|four|five|several|some|unnamed|anonymous)\s+(?:unnamed\s+|anonymous\s+|senior\s+|former\s+)?(?:members|people|persons?|sources?|officials?|employees|executives|staff|insiders?|diplomats?|aides?|workers)\b(?:\s+(?:of|at|from|in|within|close\s+to|familiar\s+with)\s+[^,.;]{2,60})?/g,
      role: 'outlet-unnamed-sources',
      explain: (p) => `“${p}”: the outlet's sources are not named, so a reader cannot check who they are or how they know.`,
    },
    {
      id: 'anonymity-phrase',
      re: new RegExp(`\\b(?:${alternation(PHRASES.anonymityPhrases)})\\b`, 'g'),
      role: 'anonymous-officials',
      explain: (p) => `“${p}”: the source is not named, so a reader cannot check who they are or how they know.`,
    },
  ];
}

const PUBLISHING_GROUP = new RegExp(`\\b(?:${alternation(PHRASES.publishingGroupNouns)})\\b`);

/**
 * "Campaigners, led by Ann Obi, say", "Residents, among them the mayor, said": an aside in an unnamed group's phrase
 * that names a person; and "Analysts at the bank, Morgan Harwell, said": analysts whose employer the aside names
 * publish under its name, as "analysts at Kestrel Research" do.
 */
export function asideNamesSomeone(phrase: string, at: number, mentions: readonly { start: number; end: number; type: string }[]): boolean {
  const comma = phrase.indexOf(',');
  if (comma < 0) return false;
  const inAside = (type: string) => mentions.some((x) => x.type === type && x.start >= at + comma && x.end <= at + phrase.length);
  return inAside('person') || (PUBLISHING_GROUP.test(phrase.slice(0, comma)) && inAside('organisation'));
}

/** "A spokesperson for the Department of Transport", "a spokesman for the minister": the principal is named, so the words are on the record. */
export function onRecordSpokesperson(phrase: string): boolean {
  // Not when an aside says they would not be named ("…, who asked not to be named,").
  return /^(?:an?|one|the)\s+(?:[\w-]+\s+)?spokes(?:person|man|woman)\s+(?:for|of|at)\s+[^,]+$/i.test(phrase.trim()) && !/\b(?:senior|former|another|second)\s+/i.test(phrase);
}

// ---------- "many believe" ----------

const MANY = /\b(?:[Mm]any|[Ss]ome|[Oo]thers)(?:\s+(?:here|there|locally|in\s+(?:the\s+)?[a-z]+))?\s+(?:believe|say|think|fear|suspect|argue|claim|insist)\b/g;

/** "Many here believe …", "Some say …": a view credited to nobody in particular, outside anyone's quoted words. */
export function vagueMany(view: ReportView): CaveatDraft[] {
  // "some say" after a named group ("Some of the growers say") is not matched: the words follow directly.
  return phraseDrafts(view, MANY, (m, s) =>
    quotedSpans(s.text).some(([qs, qe]) => m.index > qs && m.index < qe)
      ? null
      : {
          kind: 'anonymous-source',
          severity: 'medium',
          label: 'Unnamed source',
          explanation: `“${m[0]}”: the report does not say who holds this view or how many do.`,
          reasoning: 'Rule vague-many: "many believe", "some say" and the like, with nobody named.',
          rule: 'vague-many',
          confidence: 0.8,
          claimant: { name: m[0], role: 'anonymous-officials', entity: null },
        },
  );
}

// ---------- hearsay relayed by a named speaker ----------

const HEARSAY = PHRASES.hearsayPatterns.map((p) => new RegExp(p, 'giu'));

/** "Cllr X said she had been told that …": the speaker is named, the people who told her are not. */
export function relayedHearsay(view: ReportView): CaveatDraft[] {
  const out: CaveatDraft[] = [];
  for (const s of view.sentences) {
    const a = s.attribution;
    // An interview's answer line ("A: …") is the interviewee's, though no speech verb credits it.
    const answer = a.role === 'reporter' && /^A:\s/.test(view.text.slice(view.text.lastIndexOf('\n', s.start - 1) + 1));
    // Only where a named speaker relays it; "We were told" in someone's own quoted answer is their account, not a relay.
    if ((a.role === 'reporter' && !answer) || a.role === 'anonymous-officials' || a.role === 'outlet-unnamed-sources' || a.role === 'media-reports') continue;
    const quotes = quotedSpans(s.text);
    for (const re of HEARSAY) {
      re.lastIndex = 0;
      for (const m of s.text.matchAll(re)) {
        // In the speaker's own words (a quotation, an answer) only when it says who told them, unnamed: "I have been told by people at the ministry".
        const byUnnamed = /\bby\s+(?:people|someone|somebody|sources|officials|colleagues|contacts|friends|insiders)\b/i.test(m[0]);
        if (!byUnnamed && (answer || quotes.some(([qs, qe]) => m.index > qs && m.index < qe))) continue;
        // "told that" by someone named right after ("she had been told by X that") is not matched; the relayed claim runs to the end of the sentence.
        let e = s.text.length;
        while (e > m.index && /[\s.”"’]/.test(s.text[e - 1]!)) e--;
        const start = s.start + m.index;
        const phrase = m[0].trim();
        out.push(
          quoteDraft(view, start, s.start + e, {
            kind: 'anonymous-source',
            severity: 'medium',
            label: 'Unnamed source',
            explanation: `${answer ? 'The interviewee' : a.claimant} passes on what others told them (“${phrase}”) without saying who: the claim rests on people nobody can check.`,
            reasoning: 'Rule relayed-hearsay: a named speaker says they were told something by people the report does not name.',
            rule: 'relayed-hearsay',
            confidence: 0.85,
            claimant: answer ? null : { name: a.claimant, role: a.role, entity: a.entity },
            ...(a.entity && !answer ? { entities: [a.entity] } : {}),
          }),
        );
      }
    }
  }
  return out;
}

// ---------- assertions with no source ----------

const WRONGDOING = PHRASES.wrongdoingPatterns.map((p) => new RegExp(p, 'iu'));
const WEASEL_VIEW = new RegExp(`\\b(?:is|are|was|were|has\\s+been|have\\s+been|had\\s+been)\\s+(?:${alternation(PHRASES.weaselViews.adverbs)})\\s+(?:${alternation(PHRASES.weaselViews.verbs)})(?:\\s+(?:in|among|across)\\s+[\\w'’-]+(?:\\s+[\\w'’-]+){0,2}?)?\\s+(?:as|for|with)\\b`, 'i');
const UNATTRIBUTED_VIEWS = PHRASES.unattributedViews.map((p) => new RegExp(p, 'u'));
/** "is widely regarded as", "It is an open secret … that", "has been accused for years of": a view or charge credited to nobody. */
const WEASEL = { exec: (t: string) => WEASEL_VIEW.exec(t) ?? UNATTRIBUTED_VIEWS.map((re) => re.exec(t)).find((m) => m !== null) ?? null };
// The report points to where it knows this from (a document, a finding, a poll: "…, a recent poll found").
const SOURCED_HERE = /\baccording to\b|\bseen by\b|\b(?:documents?|records?|minutes|data|figures|filings?|emails?|letters?|footage|photos?|images?|video)\s+(?:\w+\s+){0,3}(?:show|showed|shows|reveal|revealed|reveals|indicate|indicated|suggest|suggested)\b|\b(?:court|judge|jury|inquiry|investigation|audit|report)\s+(?:\w+\s+){0,2}(?:found|concluded|ruled)\b|\b(?:polls?|surveys?|stud(?:y|ies)|census|research)\s+(?:\w+\s+){0,3}(?:found|finds|shows?|showed|suggests?|suggested|indicates?|indicated)\b/i;

/**
 * A contested assertion the report makes in its own voice: wrongdoing or its
 * cause ("The tender was decided before it was announced.", "had missed two
 * scheduled inspections") or a judgement credited to nobody ("is widely
 * regarded as a vanity project"). Only in a story that cites sources
 * elsewhere (so the missing source stands out), never in quoted words, a
 * headline, or a sentence that points to a document or a finding.
 */
export function unsourcedAssertions(view: ReportView): CaveatDraft[] {
  const out: CaveatDraft[] = [];
  const attributed = view.sentences.filter((x) => x.attribution.role !== 'reporter').length;
  if (attributed < 2) return out;
  for (const s of view.sentences) {
    // "Nobody seriously believes that …" reads to attribution as a speaker ("Nobody") believing; it is the report's own verdict.
    const nobody = /^(?:Nobody|No one|Few people)\s+(?:seriously|really|honestly|here)\s+(?:believes?|thinks?|accepts?|expects?)\b/.test(s.text);
    if (s.heading || (s.attribution.role !== 'reporter' && !nobody) || s === view.headline) continue;
    if (/[“”"]|(?:^|\s)‘|’(?=\s|[.,;]|$)/.test(s.text) || SOURCED_HERE.test(s.text)) continue;
    // A question or an interview line is not an assertion.
    if (/\?\s*$/.test(s.text) || /^[QA]:\s/.test(s.text)) continue;
    const weasel = WEASEL.exec(s.text);
    const wrong = weasel ? null : WRONGDOING.map((re) => re.exec(s.text)).find((m) => m !== null);
    const m = weasel ?? wrong;
    if (!m) continue;
    let e = s.text.length;
    while (e > 0 && /[\s.]/.test(s.text[e - 1]!)) e--;
    out.push(
      quoteDraft(view, s.start, s.start + e, {
        kind: 'unsourced',
        severity: 'medium',
        label: weasel ? 'Whose view?' : 'No source given',
        explanation: weasel
          ? `“${m[0]}”: the report credits this judgement to nobody, so a reader cannot tell whose view it is or how widely it is held.`
          : 'The report states this as fact in its own voice and says nowhere how it knows, though it names its sources elsewhere: it is an assertion, not a finding.',
        reasoning: weasel
          ? 'Rule weasel-view: "is widely regarded as" and the like, in the report’s own voice, with no one named.'
          : `Rule unsourced-assertion: an assertion of wrongdoing or its cause (“${m[0]}”) in the report’s own voice, with no attribution in the sentence, in a report that attributes other claims.`,
        rule: weasel ? 'weasel-view' : 'unsourced-assertion',
        confidence: 0.75,
        claimant: { name: s.attribution.claimant, role: 'reporter', entity: null },
        ...(s.claim?.subject ? { entities: [s.claim.subject] } : {}),
      }),
    );
  }
  return out;
}

// ---------- figures a reader can check ----------

const MARKET_SUBJECT = new RegExp(`(?:^|\\s)(?:${alternation(PHRASES.marketSubjects)})\\b`);
// "rose 2%", and the level it moved to: "rose 1.2 percent to $10,480 a tonne".
const MARKET_MOVE = new RegExp(`\\b(?:${alternation(PHRASES.marketMoves)})\\s+(?:by\\s+|about\\s+|nearly\\s+|almost\\s+|more\\s+than\\s+|as\\s+much\\s+as\\s+)?(?:\\d[\\d.,]*\\s?(?:%|per\\s?cent|percent)\\s+(?:to|from)\\s+)?(?:US)?\\$?$`);
const POSITION = new RegExp(`\\b(?:${alternation(PHRASES.positionVerbs)})\\s+(?:(?:an?|the|its|their|about|around|roughly|nearly|just|only)\\s+)?(?:US)?\\$?$`);
const SHARE_OF_WHOLE = new RegExp(`^\\d+(?:\\.\\d+)?\\s?(?:%|per\\s?cent|percent)\\s+of\\s+(?:the\\s+)?(?:[\\p{L}'’-]+\\s+){0,3}?(?:${alternation(PHRASES.shareWholes)})\\b`, 'u');
// "owns 66 percent of the project", "holds the remaining 34 percent", "a 20% stake in": a registered holding, not a claim.
const STAKE = new RegExp(`\\b(?:${alternation(PHRASES.stakeVerbs)})\\s+(?:(?:an?|the|its|their|about|around|roughly|nearly|almost|just\\s+over|just\\s+under|more\\s+than|less\\s+than|remaining|other|rest\\s+of\\s+the)\\s+){0,2}$`);
const STAKE_AFTER = /^\d+(?:\.\d+)?\s?(?:%|per\s?cent|percent)\s+(?:stake|interest|shareholding|holding|share)\s+(?:in|held\s+by|owned\s+by)\b/;
// "asked the Kansas Corporation Commission in May for a 14.2% increase": a party's filed request, its stated position.
const REQUEST = new RegExp(`\\b(?:${alternation(PHRASES.requestVerbs)})\\s+(?:[^.;,]{1,70}?\\s+)?for\\s+(?:(?:an?|the|its|their|about|around|roughly|nearly)\\s+)?(?:US)?\\$?$`);
// "bills could rise by $19 if regulators approve the utility's request": what a pending request would mean, readable in the filing.
const IF_APPROVED = new RegExp(`\\b(?:if|once|should|unless)\\s+[^.;]{0,60}?\\b(?:approves?|grants?|accepts?|backs?|signs?\\s+off\\s+on)\\s+[^.;]{0,40}?\\b(?:request|application|proposal|petition|filing|plan|bid|rate\\s+case)\\b`, 'i');
// "…, but that figure could not be independently verified": the report flags the figure itself, the hedge finding's.
const NOT_VERIFIED = /\b(?:could|can)\s*not\s+(?:be\s+)?(?:independently\s+)?(?:verif(?:y|ied)|confirm(?:ed)?|check(?:ed)?)\b|\b(?:unable|not\s+possible)\s+to\s+(?:independently\s+)?(?:verify|confirm)\b/i;
const PLEDGE = new RegExp(`\\b(?:${alternation(PHRASES.pledgeVerbs)})\\b`);
const BY_YEAR = /\bby\s+(?:up\s+to\s+)?\d[\d.,]*\s?(?:%|per ?cent|percent)?[^.;]*\bby\s+(?:19|20)\d\d\b|\bby\s+(?:19|20)\d\d\b/;

/**
 * A market move ("Shares of X, which are listed in Copenhagen, fell 3.8%",
 * "Uranium prices rose 2%"), read over the whole sentence, not only the
 * figure's clause; and a public target ("has promised to cut emissions by up to
 * 67% by 2035"). Both can be checked without the report naming a source.
 */
export function publicFigure(sentence: string, at: number): boolean {
  const before = sentence.slice(0, at);
  if (MARKET_MOVE.test(before)) {
    // The market subject is the sentence's subject: before the verb, near the start.
    const verb = before.search(new RegExp(`\\b(?:${alternation(PHRASES.marketMoves)})\\b[^]*$`));
    if (MARKET_SUBJECT.test(before.slice(0, verb))) return true;
  }
  // A party's offer or demand in a negotiation is its stated position; a share of a country's or market's output is a background statistic.
  if (POSITION.test(before) || SHARE_OF_WHOLE.test(sentence.slice(at))) return true;
  if (STAKE.test(before) || STAKE_AFTER.test(sentence.slice(at)) || REQUEST.test(before) || IF_APPROVED.test(sentence) || NOT_VERIFIED.test(sentence)) return true;
  // "9 million pesos (about $9,600)": a conversion of the figure before it, not a claim of its own.
  if (/\d[^()]*\(\s*(?:about|around|roughly|approximately|some|nearly|almost|or)?\s*$/.test(before)) return true;
  const [cs, ce] = clauseAt(sentence, at);
  const clause = sentence.slice(cs, ce);
  // A hedged figure ("is thought to be costing $12 million a day") is the hedge rule's finding, not a figure stated as fact.
  if (hedgeCues(clause).length > 0) return true;
  return PLEDGE.test(clause) && BY_YEAR.test(clause);
}

/** A figure in a sentence about a dated past event ("A 2021 strike lasted 38 days", "In 2019, …"): background a reader can look up, not a new claim. */
export function pastEventFigure(sentence: string, reportDate: string): boolean {
  const year = Number(/^(\d{4})/.exec(reportDate)?.[1] ?? NaN);
  const m = /^(?:An?|The|In|By)\s+(?:(?:early|late|mid-?)\s*)?((?:19|20)\d\d)\b/.exec(sentence);
  return m !== null && Number.isFinite(year) && Number(m[1]) < year;
}

// ---------- "One said …", "Another said …" after unnamed sources ----------

const UNNAMED_NOUN = '(?:person|people|source|sources|insider|insiders|official|officials|diplomat|diplomats|executive|executives|employee|employees|aide|aides|staffer|staffers)';
const SAID = '(?:said|says|told|added|recalled|described|claimed|alleged|recounted)';
/** "One of them said", "Another said", "Another person, who has advised the family in the past, said". */
const CONTINUES = new RegExp(
  `^(?:One|Another|A second|A third|The other|The second|The third|Both|All three|Two|Three)(?:\\s+of\\s+(?:them|those|these)|\\s+${UNNAMED_NOUN}(?:,\\s+who\\s+[^,.;:“”"]{2,80},)?)?\\s+(?:also\\s+)?${SAID}\\b`,
);
/** "…, the people said.", "The same person said …", "the sources added": back to unnamed people the report introduced before. */
const BACK_REFERENCE = new RegExp(`(?:^|,\\s+|[”"]\\s*)(?:[Tt]he\\s+(?:same\\s+)?|[Tt]hose\\s+|[Bb]oth\\s+)(${UNNAMED_NOUN})\\s+(?:also\\s+)?${SAID}\\b`);
const nounStem = (w: string) => w.replace(/s$/, '').replace(/^people$/, 'person').replace(/^peopl$/, 'person');

/**
 * "Three former members of the lab, who would speak only if … withheld their
 * names, described …. One said …. Another said …": each sentence that
 * continues an unnamed group in the same paragraph rests on the same people
 * nobody can check. Works on one report's drafts, adding to them.
 */
export function continuedUnnamed(view: ReportView, drafts: CaveatDraft[]): void {
  const anon = drafts.filter((d) => d.kind === 'anonymous-source' && d.report === view.id && d.start !== undefined);
  // The sentence (without its closing stop) rests on the same unnamed people as `lead`: one more caveat of theirs.
  const add = (s: SentenceView, lead: CaveatDraft, why: { explanation: string; reasoning: string; rule: string }) => {
    let e = s.text.length;
    while (e > 0 && /[\s.]/.test(s.text[e - 1]!)) e--;
    const draft = quoteDraft(view, s.start, s.start + e, {
      kind: 'anonymous-source',
      severity: 'medium',
      label: 'Unnamed source',
      ...why,
      confidence: 0.8,
      claimant: lead.claimant ?? null,
      ...(lead.entities ? { entities: lead.entities } : {}),
    });
    drafts.push(draft);
    anon.push(draft);
  };
  for (const s of view.sentences) {
    const back = BACK_REFERENCE.exec(s.text);
    if (back && !anon.some((d) => d.start! >= s.start && d.start! < s.end)) {
      // The last unnamed source before it of that kind ("people familiar with the matter" for "the people"), within the
      // last few paragraphs, and no one named of that kind since ("Kim Ji-ho, an official at …" makes "the official" him).
      const stem = nounStem(back[1]!.toLowerCase());
      const lead = anon
        .filter((d) => d.start! < s.start && s.paragraph - (view.sentences.find((x) => d.start! >= x.start && d.start! < x.end)?.paragraph ?? -99) <= 3)
        .filter((d) => new RegExp(`\\b${stem === 'person' ? '(?:person|people)' : `${stem}s?`}\\b`, 'i').test(d.quote))
        .pop();
      const namedSince = lead && view.sentences.some((x) => x.start > lead.start! && x.start < s.start && x.attribution.entity !== null && x.attribution.role !== 'reporter' && new RegExp(`\\b${stem}`, 'i').test(x.text));
      if (lead && !namedSince) {
        add(s, lead, {
          explanation: `“${back[0].replace(/^[,”"\s]+/, '')}”: the unnamed ${back[1]} introduced before; a reader cannot check who said it or how they know.`,
          reasoning: 'Rule unnamed-back-reference: "the people said", "the same person said" refers back to unnamed sources introduced earlier in the report.',
          rule: 'unnamed-back-reference',
        });
        continue;
      }
    }
    if (!CONTINUES.test(s.text)) continue;
    let lead: CaveatDraft | undefined;
    for (let k = 1; k <= 2 && !lead; k++) {
      const prev = view.sentences[s.index - k];
      if (!prev || prev.paragraph !== s.paragraph) break;
      lead = anon.find((d) => d.start! >= prev.start && d.start! < prev.end);
    }
    if (!lead || anon.some((d) => d.start! >= s.start && d.start! < s.end)) continue;
    add(s, lead, {
      explanation: 'This continues the account of the unnamed sources before it: a reader cannot check who said it or how they know.',
      reasoning: 'Rule unnamed-continued: "One said …", "Another said …" right after unnamed sources in the same paragraph.',
      rule: 'unnamed-continued',
    });
  }
}
