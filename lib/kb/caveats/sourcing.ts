// Sourcing rules: unnamed and anonymous sources, figures with no source,
// claims resting on undisclosed information.
import type { ClaimantRole } from '../document';
import { clauseAt, inside, quotedSpans } from './text';
import type { CaveatDraft } from './types';
import { coveringAttribution, phraseDrafts, quoteDraft, type ReportView } from './view';
import { MORE_VERB_TAIL, asideNamesSomeone, moreAnonPatterns, onRecordSpokesperson, pastEventFigure, publicFigure } from './sourcing-more';
import { alternation, PHRASES } from './phrases';
import { reportsBeingDenied } from './statements-more';
import { unnamedSpeakerIn } from './voice';

const ANON_VERBS = '(?:say|says|said|state|states|stated|confirmed|confirm|revealed|reveal|told|tell|believe|believes|claim|claimed|reported|noted|estimated|estimate|warned that|concede|concedes|conceded)';
// A capital first letter too: the group often opens the sentence ("Officials said …").
const GROUP_NOUN = '(?:[Oo]fficials|[Ee]xperts|[Aa]nalysts|[Ss]ources|[Dd]iplomats|[Oo]bservers|[Ii]nsiders|[Rr]esidents|[Ww]itnesses|[Ee]mployees|[Ww]orkers|[Ss]taff|[Ii]nvestigators|[Cc]ontrollers|[Mm]anagers|[Ee]ngineers|[Ii]nspectors|[Aa]uditors|[Dd]octors|[Nn]urses|[Ff]armers|[Tt]raders|[Oo]wners|[Rr]elatives|[Vv]illagers|[Ll]ocals|[Aa]ctivists|[Ll]awmakers|[Aa]ides|[Oo]fficers|[Ss]oldiers|[Bb]ankers|[Ee]xecutives|[Pp]eople (?:familiar with|aware of) [^,.;]+?|[Pp]eople(?= with| close| briefed| aware)|[Pp]eople (?:watching|living|working|waiting|standing|gathered) [^,.;]{2,60}?|[Cc]ritics|[Gg]roups)';
const GROUP_MOD = "(?:(?:(?!(?:While|However|But|And|Meanwhile|Though|Although|As|If|When|The|This|That|Some|Many)\\b)[A-Z][a-z]+|weapons|military|intelligence|security|senior|government|defen[cs]e|western|european|some|several|many|two|three|four|a few|other|local)\\s+){0,3}";
// "Officials there told me", "Factory owners in the Dinh Vu industrial zone said": where they are does not say who they are;
// "People briefed on a federal investigation into … said": what they know, however long its description.
const QUALIFIER =
  '(?:\\s+(?:there|privately)|\\s+in\\s+(?:the\\s+)?[^,.;]{2,40}?(?<!\\s(?:are|were|is|was))(?=\\s+(?:have\\s+|has\\s+|had\\s+)?' + ANON_VERBS + '\\b)|\\s+(?:with (?:direct |first-hand |detailed |knowledge of|direct knowledge of)?knowledge of|with knowledge of|familiar with|aware of|close to|briefed on)\\s+(?:(?:the|this|these)\\s+\\w+(?:\\s+\\w+)?|(?:an?|the|its|their)\\s+[^,.;:“”"]{2,70}?(?=\\s+(?:also\\s+)?(?:have\\s+|has\\s+|had\\s+)?' + ANON_VERBS + '\\b)|[A-Z][A-Za-z-]*(?:\\s+[A-Z][A-Za-z-]*){0,4})|\\s+who\\s+(?:requested|asked|spoke|declined)[^,.;]*?(?=\\s+(?:have\\s+|has\\s+)?' + ANON_VERBS + '\\b)|,?\\s+speaking (?:on condition of anonymity|privately|anonymously|off the record),?)?';

interface AnonPattern {
  id: string;
  re: RegExp;
  role: ClaimantRole;
  explain: (phrase: string) => string;
}

const ANON: AnonPattern[] = [
  {
    id: 'anonymous-group',
    // "Weapons experts say", "European officials with knowledge of the situation have revealed", "officials who requested anonymity stated"
    re: new RegExp(`(?<![\\w’'])${GROUP_MOD}${GROUP_NOUN}${QUALIFIER}\\s+(?:also\\s+)?(?:have\\s+|has\\s+|had\\s+)?${ANON_VERBS}\\b(?!\\s+against)`, 'g'),
    role: 'anonymous-officials',
    explain: (p) => `“${p}”: the people this rests on are not named, so a reader cannot tell who they are or how they know.`,
  },
  {
    id: 'according-to-unnamed',
    // Not "according to analysts at Bloomberg Intelligence": their employer is named.
    re: /\b[Aa]ccording to (?:(?:the|some|several|local|[A-Z][a-z]+)\s+){0,2}(?:media reports|press reports|reports|sources|officials|experts|analysts|people (?:familiar with|with (?:direct |detailed |first-hand )?knowledge of|briefed on|close to|aware of) [^,.;]+)(?!\s+(?:at|from|of|with)\s+(?:the\s+)?\p{Lu})/gu,
    role: 'media-reports',
    explain: (p) => `“${p}” names no outlet or person: the claim cannot be traced to a source.`,
  },
  {
    id: 'according-to-unnamed-person',
    // "According to a person familiar with the investigation", "according to one official familiar with the case"
    re: /\b[Aa]ccording to (?:an?|one|two|three|several)\s+(?:[\w-]+\s+){0,2}(?:person|people|officials?|sources?|diplomats?|insiders?|aides?|investigators?|officers?)\b(?:\s+(?:familiar with|with knowledge of|close to|briefed on|who)\s+[^,.;]+)?/g,
    role: 'anonymous-officials',
    explain: (p) => `“${p}”: nobody is named, so a reader cannot check who said this or how they know.`,
  },
  {
    id: 'anonymity-granted',
    // "speaking on condition of anonymity", "who asked not to be named", "who was not authorised to speak to the media"
    re: /\b(?:(?:speaking|spoke)\s+)?on (?:the\s+)?condition of anonymity|\bwho (?:asked|requested|declined) not to be (?:named|identified)|\bwho (?:declined|refused) to be (?:named|identified)|\bwho (?:asked|requested) anonymity|\bon (?:the\s+)?condition that (?:he|she|they|his|her|their)(?: names?)? not be (?:named|identified|used)|\bwho (?:did not|didn't|didn’t) want (?:to be|his|her|their) (?:name[sd]?|identified|named)(?: to be (?:used|published|given))?|\bwho (?:declined|refused) to (?:give|be identified by) (?:his|her|their) (?:full |last )?name|\bwho gave only (?:his|her|their) first name|\bwho would (?:only )?(?:speak|talk)(?: to [^,.;]{1,30}?)? (?:only )?(?:if|on condition that|provided(?: that)?) (?:his|her|their) names? (?:was|were|is|are|would be) not (?:used|published|printed|given)|\bwho (?:was|were|is|are) not authori[sz]ed to (?:speak|talk) (?:to|with) (?:the )?(?:media|press|reporters)(?:\s+publicly)?/g,
    role: 'anonymous-officials',
    explain: (p) => `“${p}”: the source is not named, so a reader cannot check who they are or how they know.`,
  },
  {
    id: 'unnamed-body',
    // "a union representing the company's workers said": the body is not named.
    re: /\b(?:a|an)\s+(?:[\w-]+\s+)?(?:union|association|group|organi[sz]ation|coalition|committee|body)\s+(?:representing|of|for)\s+[^,.;]{2,60}?\s+(?:said|says|told|claimed|stated)\b/g,
    role: 'anonymous-officials',
    explain: (p) => `“${p}”: the body is not named, so a reader cannot check who is speaking.`,
  },
  {
    id: 'identified-by-media',
    re: /\b(?:identified|named|described)\s+by\s+(?:local\s+|state\s+|some\s+|several\s+)?(?:media|press|news reports|reports)(?:\s+as)?/g,
    role: 'media-reports',
    explain: (p) => `“${p}”: no outlet is named, so the identification cannot be traced to its source.`,
  },
  {
    id: 'unnamed-press',
    re: /\b(?:[A-Z][a-z]+\s+)?(?:press|media|newspapers)\s+(?:reported|said|say|claimed|reports that)(?:\s+on\s+[A-Z][a-z]+day)?/g,
    role: 'media-reports',
    explain: (p) => `“${p}”: no outlet is named, so the claim cannot be traced to its source.`,
  },
  {
    id: 'reports-that',
    // "declined to comment on reports that …", "amid unconfirmed reports that …": whose reports, the text does not say.
    re: /(?<!\p{Lu}[\p{L}.]*\s)(?<![’']s\s)\b(?:unconfirmed\s+|media\s+|press\s+|local\s+|news\s+)?reports\s+(?:that|suggesting|saying)\b[^,.;]{0,100}/gu,
    role: 'media-reports',
    explain: (p) => `“${p}”: the report does not say whose reports these are.`,
  },
  {
    id: 'reports-emerged',
    re: /\breports?\s+(?:emerged|surfaced|circulated)(?:\s+(?:suggesting|that|saying))?/g,
    role: 'media-reports',
    explain: (p) => `“${p}”: the report does not say whose reports these are.`,
  },
  {
    id: 'passive-unnamed',
    re: /\b(?:(?:has|have|had)\s+been\s+|(?:is|are|was|were)\s+)?(?:hailed|praised|critici[sz]ed|described|welcomed|dismissed|questioned)\s+by\s+(?:some\s+|many\s+)?(?:analysts|experts|observers|critics|commentators|sources)\b/g,
    role: 'analyst',
    explain: (p) => `“${p}”: the analysts are not named, so the judgement cannot be weighed or checked.`,
  },
  {
    id: 'unnamed-individual',
    // "A source at the Ministry of Trade, Industry and Fisheries said": a body's name may list its remits (", Industry and
    // Fisheries"); not a name in apposition ("A spokesperson for the premier, Claudine Ferland, said").
    re: /\b(?:[Aa]n?|[Oo]ne)\s+(?:[\w-]+\s+){0,2}(?:representative|official|spokes(?:person|man|woman)|source|diplomat|insider|aide|person|executive|manager|staffer|employee)(?:\s+(?:from|of|at|in|with|for|familiar with|aware of|close to|briefed on)\s+[^,.;:‘’“”]{2,60}?(?:(?:,\s+[A-Z][\w'’-]*)+\s+(?:and|&)\s+[A-Z][^,.;:‘’“”]{1,40}?)?)?(?:\s*,\s*(?:who|speaking)\b[^,;]{0,160},)?(?=\s*,?\s+(?:said|says|told|stated|confirmed|revealed|described)\b)/g,
    role: 'anonymous-officials',
    explain: (p) => `“${p}” is not named: a reader cannot check who said this.`,
  },
  // More shapes of the same classes (sourcing-more.ts, words in data/sourcing-phrases.json).
  ...moreAnonPatterns({ groupMod: GROUP_MOD, groupNoun: GROUP_NOUN, qualifier: QUALIFIER, verbs: ANON_VERBS }),
];

/** A sentence that only says who is due where and when ("is due in the capital on Monday", "will visit the camp on Friday"). */
export const SCHEDULE_ONLY = /^[^.;]*\b(?:is|are)\s+(?:due|scheduled|expected|set)\s+(?:in|at|to\s+(?:arrive|visit|travel|land|attend|meet|speak|hold|open|resume))\b[^.;]*$|^[^.;]*\bwill\s+(?:visit|arrive|travel|land)\b[^.;]*$/i;

const NO_SOURCES = /\b(?:did not|didn’t|didn't|does not|doesn’t|doesn't|failed to)\s+(?:cite|name|identify|disclose)\s+(?:any\s+|specific\s+|its\s+|their\s+)*sources?\b/g;

const SPEAKING_KIND = new RegExp(`\\b(${alternation(PHRASES.speakingBodyKinds)})\\s+$`);

/** "union officials said" (nothing more: no anonymity grant, no place) in a report that names a union: its officials on the record. */
export function bodyOfficials(view: ReportView, lead: string, phrase: string): boolean {
  const kind = SPEAKING_KIND.exec(lead)?.[1];
  if (!kind || !/^(?:officials|representatives|leaders)\s+(?:also\s+)?(?:said|say|says|told)$/.test(phrase.trim())) return false;
  const word = new RegExp(`\\b${kind.replace(/s$/, '').replace(/^./, (c) => c.toUpperCase())}s?\\b`);
  return view.mentions.some((x) => x.type === 'organisation' && word.test(x.surface));
}

const PUBLISHING_AT_NAMED = new RegExp(`^(?:${alternation(PHRASES.publishingGroupNouns)})\\s+at\\s+(?:the\\s+)?(?:[a-z-]+\\s+){0,2}\\p{Lu}`, 'u');

export function anonymousSources(view: ReportView): CaveatDraft[] {
  const out: CaveatDraft[] = [];
  for (const s of view.sentences) {
    // The longest phrase wins: "A civil protection official, who asked not to be named, said" over its "who asked not to be named".
    const matches = ANON.flatMap((p) => [...s.text.matchAll(p.re)].map((m) => ({ p, m })));
    const longest = matches.filter(({ m }) => !matches.some((o) => o.m !== m && o.m.index <= m.index && o.m.index + o.m[0].length >= m.index + m[0].length && o.m[0].length > m[0].length));
    // A headline's "…, witnesses say" heads the body that sources the claim; the body's own phrases are the findings.
    if (s.heading && s.index === 0) continue;
    for (const { p, m } of longest) {
      // "The force commander is due in the capital on Monday, a mission official said": a schedule, nothing a reader must weigh.
      if (SCHEDULE_ONLY.test((s.text.slice(0, m.index) + s.text.slice(m.index + m[0].length)).replace(/[\s.!?]+$/, '')) && !/\b(?:because|after|but|although|accus|alleg|kill|attack|blam)/i.test(s.text)) continue;
      // "A government spokesperson said", "a company spokesman said": an institution on the record, not an anonymous source.
      if (p.id === 'unnamed-individual' && /^(?:an?|one)\s+(?:[\w-]+\s+){1,2}spokes(?:person|man|woman)$/i.test(m[0].trim()) && !/\b(?:senior|former|another|second)\s+/i.test(m[0])) continue;
      // "A spokesperson for the Department of Transport said": speaking for a named principal, on the record.
      if (p.id === 'unnamed-individual' && onRecordSpokesperson(m[0])) continue;
      // "Dilmun Build said it had paid … "…," a spokesman said": a bare spokesperson speaks for the body the sentence or the
      // one before it names, on the record.
      // (However far back the body is: a bare spokesperson speaks for the one the report is about.)
      if (p.id === 'unnamed-individual' && /^(?:an?|one)\s+spokes(?:person|man|woman)$/i.test(m[0].trim())) continue;
      if (p.id === 'reports-that' && reportsBeingDenied(s.text, m.index, m[0].length)) continue;
      const lead = s.text.slice(0, m.index);
      // "on a larger scale than officials have acknowledged": a comparison with what they said, not a source of the claim.
      if (/\bthan\s+$/i.test(lead)) continue;
      // "not authorised to talk to the press said": the press is the object of what came before, not a speaker.
      if (p.id === 'unnamed-press' && /\b(?:to|with|by|in)\s+(?:the\s+)?$/i.test(lead)) continue;
      // "recalled the pens after patients and pharmacists reported faults": the complaints that set off what the report
      // describes (the recall, confirmed by its maker), not a source for a claim of its own.
      // Whatever the verb: "suspended the permit after residents argued that …" is what set the story off, not its source.
      if (/\b(?:after|following|when)\s+(?:[\w-]+\s+(?:and|or)\s+)?(?:[\w-]+\s+)?$/i.test(lead) && /\b(?:reported|complained)$/.test(m[0].trim())) continue;
      // "The Union of Port and Dock Workers, which represents …, said": the group's words are inside a body's name.
      // (A name that only starts the phrase, "Pubnico workers", "Riders say", leaves the group unnamed.)
      if (s.mentions.some((x) => x.type === 'organisation' && x.start <= m.index && x.end > m.index + (/^\S+/.exec(m[0])?.[0].length ?? 0))) continue;
      // "employs tens of thousands of people in the state": people counted as an object, not speaking.
      // "An association of owners who hold licences … says": the association speaks.
      if (/\bof\s+$/.test(lead) && (p.id === 'anonymous-group-more' || p.id === 'anonymous-group')) continue;
      // "Analysts at the brokerage Océan Capital said": their employer is named, as in "analysts at Kestrel Research".
      if (PUBLISHING_AT_NAMED.test(m[0])) continue;
      if (p.id === 'anonymous-group-more' && asideNamesSomeone(m[0], m.index, s.mentions)) continue;
      // "Her chief of staff said", "the governor's head of staff said": one office-holder of a named principal, on the record.
      if (/^[Ss]taff\b/.test(m[0]) && /\b(?:[Hh]is|[Hh]er|[Tt]heir|\p{Lu}[\p{L}-]*['’]s)\s+(?:deputy\s+)?(?:chief|head)\s+of\s+$/u.test(lead)) continue;
      // "…, union officials said" when the report names the union: that body speaking in public, not people hiding their names.
      if ((p.id === 'anonymous-group' || p.id === 'anonymous-group-more') && bodyOfficials(view, lead, m[0])) continue;
      // "Jay Tarriela, a spokesman for the coast guard, said": an apposition to a name; the speaker is named.
      if (p.id === 'unnamed-individual' && s.mentions.some((x) => x.type === 'person' && /^,\s*$/.test(s.text.slice(x.end, m.index)))) continue;
      {
        const start = s.start + m.index;
        const phrase = m[0].replace(/\s+$/, '');
        // The claimant is the phrase without its verb; its role follows from who they are.
        const who = phrase.replace(new RegExp(`\\s+(?:have\\s+|has\\s+|had\\s+)?${ANON_VERBS}(?:\\s+on\\s+\\w+)?$`), '').replace(MORE_VERB_TAIL, '').replace(/^according to\s+/i, '').replace(/^(?:(?:has|have|had)\s+been\s+|(?:is|are|was|were)\s+)?\w+\s+by\s+/i, '');
        const role: ClaimantRole = /\b(?:officials?|diplomats?|representative|spokes\w+|aide)\b/i.test(who)
          ? 'anonymous-officials'
          : /\b(?:experts?|analysts?|observers?|critics|commentators)\b/i.test(who)
            ? 'analyst'
            : /\bsources?\b/i.test(who)
              ? 'outlet-unnamed-sources'
              : p.role;
        out.push(
          quoteDraft(view, start, start + phrase.length, {
            kind: 'anonymous-source',
            severity: 'medium',
            label: role === 'media-reports' ? 'Unnamed media' : role === 'analyst' ? 'Unnamed experts' : 'Anonymous source',
            explanation: p.explain(phrase),
            reasoning: `Rule ${p.id}: an unnamed claimant (no person or outlet named in the phrase) introduces the claim.`,
            rule: p.id,
            confidence: 0.9,
            claimant: { name: who, role, entity: null },
          }),
        );
      }
    }
    // "Der Spiegel did not cite specific sources": every claim credited to the outlet rests on them.
    NO_SOURCES.lastIndex = 0;
    for (const m of s.text.matchAll(NO_SOURCES)) {
      const subject = [...s.mentions].reverse().find((x) => x.end <= m.index);
      const from = subject ? subject.start : clauseAt(s.text, m.index)[0];
      const start = s.start + from;
      const end = s.start + m.index + m[0].length;
      const outlet = subject?.entity ?? null;
      const credited = outlet
        ? view.sentences.filter((x) => x.claim && x.attribution.entity === outlet).map((x) => x.claim!.id)
        : [];
      const name = subject ? s.text.slice(subject.start, subject.end) : 'The outlet';
      out.push(
        quoteDraft(view, start, end, {
          kind: 'anonymous-source',
          severity: 'medium',
          label: 'No sources cited',
          explanation: `By this report’s own account, ${name} did not cite its sources: the claims credited to it here (${credited.length}) rest on sources nobody can check.`,
          reasoning: 'Rule outlet-no-sources: the report says the outlet it relies on cites no sources.',
          rule: 'outlet-no-sources',
          confidence: 0.95,
          claims: credited,
          claimant: outlet ? { name, role: 'outlet-unnamed-sources', entity: outlet } : null,
          // The outlet, and what the claims credited to it are about (their subjects), not every name in those sentences.
          ...(outlet ? { entities: [...new Set([outlet, ...view.sentences.filter((x) => x.attribution.entity === outlet && x.claim?.subject).map((x) => x.claim!.subject!)])] } : {}),
        }),
      );
    }
  }
  return out;
}

// ---------- figures with no source ----------

const FIGURES: { re: RegExp; what: string }[] = [
  { re: /(?:US)?\$\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|trillion|bn))?/g, what: 'amount' },
  { re: /\b\d[\d,]*(?:\.\d+)?\s?(?:million|billion|trillion)?\s?(?:dollars|euros|yuan|roubles|rubles|pounds)\b/g, what: 'amount' },
  { re: /\b(?:millions|billions|trillions)\s+of\s+(?:dollars|euros|yuan|roubles|rubles|pounds)\b/g, what: 'amount' },
  { re: /\b\d+(?:\.\d+)?\s?(?:%|per ?cent\b|percent\b)/g, what: 'share' },
  {
    re: /\b(?:(?:tens|hundreds)\s+of\s+thousands|thousands|hundreds|dozens|millions|\d[\d,]*)\s+(?:of\s+)?(?:people|civilians|soldiers|troops|children)?\s*(?:have\s+|had\s+|were\s+|have\s+been\s+)?(?:died|been killed|killed|dead|wounded|injured)\b/gi,
    what: 'toll',
  },
  { re: /\b(?:(?:tens|hundreds)\s+of\s+thousands|thousands|millions)\s+of\s+(?:people|civilians|residents)\s+(?:to\s+flee|have\s+fled|fled|displaced|were\s+displaced)\b/gi, what: 'toll' },
];

interface Figure {
  start: number;
  end: number;
  text: string;
  what: string;
}

function figuresIn(text: string): Figure[] {
  const found: Figure[] = [];
  for (const { re, what } of FIGURES) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].trimEnd().length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      found.push({ start, end, text: text.slice(start, end), what });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

// Figures a reader can check without the report naming a source, so not unsourced claims: a market move
// (prices are public), a published indicator (turnout, inflation, a vote share), a scheduled event, and what
// the report's own people saw or counted.
const MARKET_NOUN = /\b(?:shares|stocks?|share price|stock price|index|indices|benchmark|futures|bonds?|yields?|currency|dollar|euro|yen|sterling|pound|rouble|ruble|rupee|yuan|renminbi|peso|lira|won|rand|crude|Brent|oil prices?|gold|bitcoin|market value|market capitali[sz]ation|market cap)\b/i;
const MARKET_MOVE = /\b(?:rose|rise|rises|rising|risen|fell|fall|falls|falling|fallen|gained|gains?|lost|loses|lose|dropped|drops?|climbed|climbs?|jumped|jumps?|slid|slides?|slipped|slips?|tumbled|tumbles?|surged|surges?|plunged|plunges?|declined|declines?|soared|soars?|sank|sinks?|rallied|rallies|advanced|edged|closed|opened|ended|traded|trading|was up|were up|was down|were down|is up|are up|is down|are down)\b/i;
const PUBLISHED_INDICATOR = /\b(?:turnout|inflation|unemployment|jobless rate|GDP|gross domestic product|interest rates?|policy rate|benchmark rate|base rate|repo rate|exchange rate|consumer prices|of the (?:vote|votes|ballots|valid votes)|official (?:data|figures|statistics)|(?:census|customs|government|published|released) (?:data|figures|statistics)|(?:data|figures|statistics) (?:released|published) (?:by|on))\b/i;
// A posted price a reader pays and can check: "Bus fares have risen by 40 percent this year", "tolls rose 5%".
const PUBLIC_PRICE = /\b(?:fares?|tolls?|tariffs?|ticket prices?|petrol prices?|fuel prices?|pump prices?)\b/i;
// A company's own published results ("quarterly revenue rose 12%", "net profit fell 8% in the third quarter").
const RESULTS = /\b(?:revenue|revenues|net income|net profit|profit|profits|earnings|operating (?:income|profit)|sales|dividend)\b/i;
const RESULTS_PERIOD = /\b(?:quarter|quarterly|half-year|full-year|annual|fiscal|year-on-year|results|reported|posted)\b/i;
const SCHEDULED = /\b(?:will|is due to|are due to|is scheduled to|are scheduled to|is set to|are set to)\s+(?:report|publish|announce|hold|vote|meet|pay|release|open|close|begin|start|take place)\b|\bscheduled (?:for|on)\b/i;
const OWN_PEOPLE = '(?:reporters?|correspondents?|journalists?|photographers?|team|crew|staff)';
const OBSERVED = new RegExp(`\\b(?:our|this|a|an|the)\\s+(?:[A-Z][\\w’'-]*\\s+){0,3}${OWN_PEOPLE}\\s+(?:at the scene\\s+|on the scene\\s+|on the ground\\s+|there\\s+|in [A-Z][\\w’'-]*\\s+)?(?:saw|counted|observed|witnessed|watched|verified|measured|tallied)\\b|\\b(?:seen|witnessed|counted|observed|verified|tallied|measured)\\s+by\\s+(?:this|our)\\s+${OWN_PEOPLE}`, 'i');

function checkable(view: ReportView, sentence: string, f: Figure): boolean {
  const [cs, ce] = clauseAt(sentence, f.start);
  const clause = sentence.slice(cs, ce);
  if ((MARKET_NOUN.test(clause) || PUBLIC_PRICE.test(clause)) && MARKET_MOVE.test(clause)) return true;
  if (PUBLISHED_INDICATOR.test(clause) || SCHEDULED.test(clause) || (RESULTS.test(clause) && RESULTS_PERIOD.test(clause))) return true;
  if (OBSERVED.test(sentence)) return true;
  // "… seen by the Coastline Courier", "Coastline Courier reporters saw …": the report's own publisher saw it.
  const publisher = view.report.publisher;
  if (publisher === 'unknown' || publisher === '') return false;
  const own = publisher.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\b(?:seen|witnessed|counted|observed|verified|reviewed)\\s+by\\s+(?:the\\s+)?${own}\\b|\\b${own}\\s+(?:${OWN_PEOPLE}|witness(?:es)?)\\s+(?:at the scene\\s+|there\\s+)?(?:saw|counted|observed|witnessed|verified)\\b`).test(sentence);
}

// The unnamed-source patterns without the global flag: testing them leaves no lastIndex behind for matchAll to inherit.
const ANON_ONCE = ANON.map((p) => new RegExp(p.re.source, p.re.flags.replace('g', '')));

const DOCUMENT_SHOWS = /\b(?:an?|the)\s+(?:[\w-]+\s+){0,3}(?:extract|document|documents|record|records|register|filing|filings|copy|memo|letter|contract|invoice|invoices|minutes|ledger|spreadsheet)\s+(?:(?:seen|obtained|reviewed)\s+by\s+[^,.;]{2,50}?\s+)?(?:shows?|showed|lists?|listed|records?|recorded)\s+(?:that\s+)?/i;

// The size of a thing or of a transaction, a matter of record rather than a claim: "a $38 million seawall", "a planned
// $300 million bond", "received about $6 million", "is expected to cost about $320 million", "spent more than $90 million".
// Not what a party lost, owes or took ("lost $48 million", "embezzled $2 million"), nor what something is worth ("The deal is
// worth $2 billion"): those are claims or estimates.
const AMOUNT_NOUN_AFTER = /^\s+(?:[a-z-]+\s+)?(?:seawall|bond|bonds|loan|loans|grant|grants|project|programme|program|plan|deal|contract|expansion|upgrade|plant|port|pier|bridge|road|dam|terminal|facility|fund|package|budget|investment|refinery|mine|hospital|stadium|tender|scheme|facility|issue|offering|settlement|fine|bailout|stake|acquisition|takeover|purchase|sale|order)\b/;
const AMOUNT_VERB_BEFORE = /\b(?:cost|costs|costing|received|receives|receive|spent|spends|spend|spending|raised|raises|raise|borrowed|borrow|borrows|invested|invest|invests|investing|funded|fund|funds|budgeted|allocated|granted|awarded|won|paid|pays|pay)\s+(?:(?:about|around|roughly|nearly|almost|some|more\s+than|less\s+than|over|under|up\s+to|at\s+least|an\s+estimated|a\s+further|another|a\s+total\s+of)\s+)*(?:US|J|NZ|A|C|HK|S)?$/;
function recordedAmount(sentence: string, f: { start: number; end: number; what: string }): boolean {
  if (f.what !== 'amount') return false;
  return AMOUNT_NOUN_AFTER.test(sentence.slice(f.end)) || AMOUNT_VERB_BEFORE.test(sentence.slice(0, f.start));
}

const DOCUMENT_SUBJECT = /^(?:The|A|An|Its|This|That|Their)\s+(?:[\w-]+\s+){0,2}(?:notice|decree|filing|order|ruling|judgment|judgement|statement|plan|proposal|budget|law|bill|contract|regulation|rules?|circular|memo|letter|prospectus|tender|resolution|ordinance|directive)\b(?:,[^,]{1,120},)?\s+(?:[a-z]+\s+){0,2}(?:raised|raises|cut|cuts|lowered|lowers|set|sets|proposes|proposed|told|tells|says|said|gives|gave|allocates|allocated|caps|capped|fixes|fixed|increases|increased|reduces|reduced|requires|required|lists|listed|puts|put)\b/;
const DIRECTIVE = /\b(?:asked|ordered|told|instructed|required|urged|directed)\s+[^.;]{1,60}?\s+to\s+(?:cut|reduce|lower|raise|increase|limit|curb|trim)\b/;
const PROPOSAL = /\b(?:wants|plans|proposes|intends|aims|seeks|hopes|wanted|planned|proposed|intended|aimed|sought|hoped)\s+to\s+(?:raise|cut|lower|increase|reduce|lift|double|halve|charge|set|cap|spend|invest|borrow|hire|build|close|sell|buy)\b/;

export function unsourcedFigures(view: ReportView): CaveatDraft[] {
  const out: CaveatDraft[] = [];
  const byKey = new Map<string, CaveatDraft>();
  for (const s of view.sentences) {
    if (s.heading) continue;
    // "Industry insiders estimate the deal is worth $2 billion": the figure rests on the unnamed people before it, which the
    // anonymous-source finding quotes (one caveat per claim), not on the report's own voice.
    const anonBefore = (at: number) => ANON_ONCE.some((re) => re.test(s.text.slice(0, at)));
    // "A register extract seen by the Weekly shows that 49% …": the figure rests on a document the report names; "The decree
    // raised the duty to 33%", "The notice … proposes cutting the coupon from 6.5% to 4%": the document's own terms.
    if (DOCUMENT_SHOWS.test(s.text) || DOCUMENT_SUBJECT.test(s.text)) continue;
    // "The board wants to raise the charge by about 40 percent": a party's stated proposal, public, not a finding.
    // "The agency has asked industrial users to cut use by 15%": a public body's directive, a matter of record.
    if (PROPOSAL.test(s.text) || DIRECTIVE.test(s.text)) continue;
    // "Biomass traders say chip prices have risen by 15%": the unnamed group's figure, which their finding quotes.
    if (unnamedSpeakerIn(view, s)) continue;
    // A toll of another, earlier event ("In 2018, more than 160 people died when …") is background history, like any past figure.
    const history = /^In\s+(?:19|20)\d\d\b/.test(s.text);
    const figures = figuresIn(s.text).filter((f) => !recordedAmount(s.text, f) && !inside(quotedSpans(s.text), f.start) && !publicFigure(s.text, f.start) && !checkable(view, s.text, f) && !((f.what !== 'toll' || history) && pastEventFigure(s.text, view.date)) && !anonBefore(f.start));
    if (figures.length === 0) continue;
    const covering = coveringAttribution(view, s);
    if (covering.role !== 'reporter') continue;
    const first = figures[0]!;
    const last = figures[figures.length - 1]!;
    const [cs] = clauseAt(s.text, first.start);
    const [, ce] = clauseAt(s.text, last.start);
    const from = first.start - cs > 60 ? first.start : cs;
    const start = s.start + from;
    const end = s.start + Math.max(ce, last.end);
    const key = figures.map((f) => f.text.replace(/\s+/g, '').toLowerCase()).sort().join('|');
    const prior = byKey.get(key);
    if (prior) {
      // The same figures again (a report that tells its story twice): one finding, two appearances.
      prior.appearances = [...(prior.appearances ?? []), { report: view.id, quote: view.text.slice(start, end), start }];
      prior.explanation += ' The report gives the same figures again later, still without a source; repeating them is not corroboration.';
      continue;
    }
    const list = figures.map((f) => `“${f.text}”`).join(', ');
    const kinds = new Set(figures.map((f) => f.what));
    const noun = kinds.has('toll') ? 'toll' : kinds.has('share') ? 'share' : 'figure';
    const draft = quoteDraft(view, start, end, {
      kind: 'unsourced',
      severity: 'medium',
      label: 'Figure with no source',
      explanation: `The report states this ${noun} (${list}) in its own voice and says nowhere where it comes from.`,
      reasoning: 'Rule unsourced-figure: an amount, percentage or casualty toll in a sentence with no attribution, and none in the sentence before it in the same paragraph.',
      rule: 'unsourced-figure',
      confidence: 0.8,
      claimant: { name: s.attribution.claimant, role: 'reporter', entity: null },
    });
    byKey.set(key, draft);
    out.push(draft);
  }
  return out;
}

// ---------- undisclosed information ----------

const UNDISCLOSED = /\b(?:we|they|I)\s+(?:have|had|has)\s+(?:seen\s+)?(?:information|intelligence)\b(?:\s+that\s+(?:gives|give|gave)\s+us\s+(?:concern|reason to believe))?/gi;

export function undisclosedInformation(view: ReportView): CaveatDraft[] {
  return phraseDrafts(view, UNDISCLOSED, (_m, s) => {
    const a = s.attribution;
    return {
      kind: 'unsourced',
      severity: 'medium',
      label: 'Undisclosed evidence',
      explanation: `${a.role === 'reporter' ? 'The speaker' : a.claimant} points to information that is not disclosed: the claim rests on evidence a reader cannot see or check.`,
      reasoning: 'Rule undisclosed-information: "we have information/intelligence" with nothing said about what it is.',
      rule: 'undisclosed-information',
      confidence: 0.85,
      claimant: { name: a.claimant, role: a.role, entity: a.entity },
    };
  });
}

// ---------- a claim its speaker did not back ----------

// "offered no evidence", "without providing evidence", "did not substantiate", "provided no proof": the report
// says the speaker gave nothing to back the claim. Not "found no evidence of" (an investigation's finding) and not
// "there is no evidence" (the report's own counter-statement), nor "said it lacks evidence" (a denial).
// Not "gave no details": withholding details of a process is not leaving a claim unbacked.
const BACKING = '(?:evidence|proof)';
const NO_EVIDENCE = new RegExp(
  [
    `\\b(?:offered|offers|provided|provides|gave|gives|presented|presents|produced|produces|cited|cites|shared|supplied)\\s+no\\s+(?:(?:public|further|supporting|concrete|specific|direct|hard)\\s+)?${BACKING}\\b(?!\\s+(?:of\\s+(?:any\\s+)?)?(?:wrongdoing|foul play|tampering|a crime))`,
    `\\bwithout\\s+(?:offering|providing|giving|presenting|producing|citing|sharing|supplying)\\s+(?:any\\s+)?(?:(?:public|further|supporting|concrete|specific|direct|hard)\\s+)?${BACKING}\\b`,
    `\\b(?:did not|didn’t|didn't|does not|doesn’t|doesn't|has not|hasn’t|hasn't|have not|had not|failed to|declined to|refused to)\\s+(?:immediately\\s+)?(?:offer|provide|give|present|produce|cite|share|supply|provided|offered|given|presented|produced|cited|shared|supplied)\\s+(?:any\\s+)?(?:(?:public|further|supporting|concrete|specific|direct|hard)\\s+)?${BACKING}\\b(?!\\s+(?:of\\s+(?:any\\s+)?)?(?:wrongdoing|foul play))`,
    `\\b(?:did not|didn’t|didn't|has not|hasn’t|hasn't|have not|had not|failed to|could not|couldn’t|couldn't)\\s+(?:yet\\s+)?(?:substantiate|substantiated|back up|backed up|support|supported)\\s+(?:the|this|that|his|her|its|their|these|those|such)\\s+(?:claims?|allegations?|accusations?|charges?|assertions?|figures?|remarks?|statements?)\\b`,
    `\\bwithout\\s+substantiating\\b`,
    `\\b(?:a|an|the)\\s+(?:claim|charge|allegation|accusation|assertion)s?\\s+(?:that\\s+)?(?:he|she|they|it|the\\s+\\w+)\\s+(?:did not|didn’t|didn't|has not|hasn’t|hasn't|have not|could not)\\s+(?:substantiate|back up|support)\\b`,
    `\\b(?:the\\s+)?(?:claims?|allegations?|accusations?|charges?)\\s+(?:was|were|is|are|remain|remains|went)\\s+(?:unsubstantiated|unsupported)\\b`,
  ].join('|'),
  'g',
);
/** Verbs that report what was said (their object is the speaker's content), not an act like "accused". */
const PURE_SPEECH = /\b(?:said|says|say|told|tells|stated|states|added|noted|wrote|reported|argued|insisted)\b/;
const PRONOUN_OPENING = /^\s*(?:But\s+|However,?\s+|Yet\s+)?(?:he|she|they|it)\b/i;

/**
 * A claim the report says its speaker did not back: the sentence (the claim and the remark together),
 * about the claim's subject and its speaker. "He offered no evidence." on its own speaks of the claim
 * in the sentence before it: that sentence is quoted with it.
 */
export function unbackedClaims(view: ReportView): CaveatDraft[] {
  const out: CaveatDraft[] = [];
  for (const s of view.sentences) {
    NO_EVIDENCE.lastIndex = 0;
    const m = NO_EVIDENCE.exec(s.text);
    if (!m) continue;
    // "The company said the union had made the claims without providing evidence": the speaker's charge against someone
    // else, inside what they said (no clause break after the speech verb), or before an inverted tag (", the company said").
    const a = s.attribution;
    const cueAt = a.role !== 'reporter' && a.cue ? s.text.indexOf(a.cue, Math.max(0, s.text.indexOf(a.claimant))) : -1;
    // ("X accused Y of fraud without providing evidence" and "X said without offering evidence that …" are the report's own remark on X.)
    const between = cueAt >= 0 ? s.text.slice(cueAt + a.cue.length, m.index) : '';
    const insideWhatWasSaid = cueAt >= 0 && !/[,;:–—]|\bbut\b/.test(between) && (/\bthat\b/.test(between) || (PURE_SPEECH.test(a.cue) && between.trim().split(/\s+/).length > 2));
    if (cueAt >= 0 && (cueAt > m.index || insideWhatWasSaid)) continue;
    // "He offered no evidence.": the claim is the sentence before, in the same paragraph.
    const before = s.text.slice(0, m.index);
    const prev = view.sentences[s.index - 1];
    const standsAlone = PRONOUN_OPENING.test(before) && !/[,;]/.test(before) && prev !== undefined && prev.paragraph === s.paragraph && !prev.heading;
    const said = standsAlone ? coveringAttribution(view, prev) : coveringAttribution(view, s);
    // Who did not back it: the speaker, else the party named in the clause before the remark ("Kovac accused the government …, without providing evidence").
    const actor = said.role !== 'reporter' ? null : [...s.mentions].reverse().find((x) => x.end <= m.index && x.type !== 'place');
    const speaker = said.role !== 'reporter' ? said.claimant : actor ? s.text.slice(actor.start, actor.end) : standsAlone ? 'The speaker' : 'The party making it';
    const claimant = said.role !== 'reporter' ? { name: said.claimant, role: said.role, entity: said.entity } : actor ? { name: speaker, role: 'official' as const, entity: actor.entity } : null;
    const [, qEnd] = trimTail(s.text);
    out.push(
      quoteDraft(view, s.start, s.start + qEnd, {
        kind: 'unsourced',
        severity: 'medium',
        label: 'No evidence given',
        explanation: `${speaker} made this claim without backing it (“${m[0].trim()}”), by the report’s own account: it rests on their word alone.`,
        reasoning: 'Rule no-evidence-offered: the report says the speaker offered no evidence for the claim, or did not substantiate it.',
        rule: 'no-evidence-offered',
        confidence: 0.9,
        claimant,
        // The claim's subject and whoever did not back it.
        ...(!standsAlone ? { entities: [...new Set([s.claim?.subject ?? null, claimant?.entity ?? null].filter((x): x is string => x !== null))] } : {}),
        ...(standsAlone
          ? {
              appearances: [{ report: view.id, quote: prev.text, start: prev.start }],
              claims: prev.claim ? [prev.claim.id] : [],
              entities: [...new Set([prev.claim?.subject ?? null, said.entity].filter((x): x is string => x !== null))],
            }
          : {}),
      }),
    );
  }
  return out;
}

/** A sentence without its final full stop and closing quotation marks. */
function trimTail(text: string): [number, number] {
  let e = text.length;
  while (e > 0 && /[\s.]/.test(text[e - 1]!)) e--;
  return [0, e];
}
