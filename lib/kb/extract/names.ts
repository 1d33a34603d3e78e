// New names in a report's own text: people, organisations, places, weapon
// systems, events and agreements the KB does not know yet. Rule-based (no NLP
// library is bundled): runs of capitalised words, titles ("President X"),
// appositions ("X, a spokesman for Y"), prepositions of place ("in X"), and
// the words a type's names end in ("Ministry", "Summit", "Treaty"). Short
// forms ("Kuleba" for "Dmytro Kuleba", "NATO" for "North Atlantic Treaty
// Organization") merge into the full name within the report.
import type { EntityType } from '../schema';
import rules from '../../../data/name-rules.json';
import { NameRulesFile } from '../schema';
import { bylineNames } from './meta';

const R = NameRulesFile.parse(rules);
const words = (xs: readonly string[]) => new Set(xs.map((x) => x.toLowerCase()));
const STOP = words(R.notNames);
const TITLES = [...R.personTitles].sort((a, b) => b.length - a.length);
const TYPE_WORDS: [EntityType, Set<string>][] = [
  ['agreement', words(R.typeWords.agreement)],
  ['event', words(R.typeWords.event)],
  ['weapon', words(R.typeWords.weapon)],
  ['organisation', words(R.typeWords.organisation)],
  ['place', words(R.typeWords.place)],
];
const CONNECTORS = words(R.connectors.flatMap((c) => c.split(' ')));
const ORG_WORDS = words(R.typeWords.organisation);
const WEAPON_WORDS = words(R.typeWords.weapon);
const SHIP_PREFIXES = new Set(R.shipPrefixes);
const CONNECTOR_RE = [...R.connectors].sort((a, b) => b.length - a.length).map((c) => c.replace(/ /g, '[ \\t\\u00a0]+')).join('|');
const PLACE_FIRST = new Set(R.placeFirstWords);
const FOLLOWERS = { place: new Set(R.followerNouns.place), organisation: new Set(R.followerNouns.organisation), event: new Set(R.followerNouns.event) };
const esc = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
const alt = (xs: readonly string[]) => (xs.length ? xs.map(esc).join('|') : '(?!)');
// ("the vessel, the Riga-bound Polar Dawn": an apposition to the ship's noun, past a qualifier of where it is bound.)
const SHIP_BEFORE = new RegExp(`\\b(?:${alt([...R.shipNouns].sort((a, b) => b.length - a.length))})(?:\\s*,\\s*(?:the|a|an))?(?:\\s+[\\p{L}-]+-(?:bound|flagged|registered))?\\s+$`, 'iu');
// "a protein called BRX-22": a code after these nouns is a molecule's or a gene's, not a weapon's.
const NOT_WEAPON_CODE_BEFORE = new RegExp(`\\b(?:${alt(R.notWeaponCodeBefore)})\\s+(?:(?:called|named|known\\s+as)\\s+)?$`, 'i');
// Context that makes a name an organisation or a place, whatever its words (data/name-rules.json).
const ORG_BEFORE = new RegExp(`\\b(?:${alt(R.organisationBefore)})\\s+$`, 'i');
// ("Insurers including X", "lenders such as Y": without the comma too.)
const ORG_LIST_BEFORE = new RegExp(`\\b(?:${alt(R.organisationPlural)})(?:\\s*,\\s*(?:including\\s+|such as\\s+)?|\\s+(?:including|such as)\\s+)$`, 'i');
const EVENT_TITLES = new Set(R.eventTitles);
// "importers such as Uniper, Engie and Eni": every name of the list, not only its first.
const LIST_ITEM = `\\p{Lu}[\\p{L}&'’-]*(?:[ \\t]+\\p{Lu}[\\p{L}&'’-]*){0,3}`;
const PLURALS = R.organisationPlural.flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1)]);
const ORG_LIST_ITEM_BEFORE = new RegExp(`(?<![\\p{L}])(?:${alt(PLURALS)})(?:\\s*,\\s*(?:including\\s+|such as\\s+)?|\\s+(?:including|such as)\\s+)(?:${LIST_ITEM}\\s*,\\s*){0,6}(?:${LIST_ITEM}\\s*,?\\s+and\\s+)?$`, 'u');
const POST_NOMINALS = new Set(R.postNominals);
const POSSESSIVE_OPENERS = new Set(R.possessiveOpeners);
const ORG_AGENT_BEFORE = new RegExp(`\\b(?:${alt(R.organisationAgentBefore)})\\s+(?:the\\s+)?$`, 'i');
// "X, the Transport Ministry said": an attribution, not an apposition about X.
const ROLE_NOUNS = R.roleNouns.join('|');
const NOT_SAID = '(?!\\s+(?:said|says|told|added|announced|reported|confirmed)\\b)';
// "X, the group's spokesperson" is a person: a possessive organisation noun is not the apposition's head.
// "X, one of the largest carriers": one of a plural of organisations.
const ORG_APPOSITION = new RegExp(`^,\\s+(?:(?:a|an|the)\\s+(?:[\\w-]+\\s+){0,3}(?:${alt(R.organisationBefore)})|one\\s+of\\s+the\\s+(?:[\\w-]+\\s+){0,3}(?:${alt(R.organisationPlural)}))\\b(?!['’]s)(?!\\s+(?:${ROLE_NOUNS})\\b)${NOT_SAID}`, 'i');
const PLACE_APPOSITION = new RegExp(`^,\\s+(?:a|an|the)\\s+(?:[\\w-]+\\s+){0,3}(?:${alt(R.followerNouns.place)})\\b${NOT_SAID}`, 'i');
const PLACE_OF_BEFORE = new RegExp(`\\b(?:${alt(R.placeOfNouns)})\\s+of\\s+(?:the\\s+)?$`, 'i');
// "X said on Wednesday it would …": what speaks of itself as "it" is not a person.
const SAYS_IT_AFTER = /^\s+(?:said|says|announced|confirmed|added|stated)\s+(?:on\s+\w+\s+|in\s+a\s+statement\s+)?(?:that\s+)?(?:it|its)\b/;
const ORG_ROLE_BEFORE = new RegExp(`\\b(?:${alt(R.organisationBefore)})(?:\\s+(?:of|for|to|at)\\s+[^,.;]{1,40})?,\\s*$`, 'i');
const PERSON_APPOSITION = new RegExp(`^,\\s+(?:a|an|the)\\s+(?:[\\w'’-]+\\s+){0,3}(?:${ROLE_NOUNS})\\b`, 'i');
const PLACE_OF = words(R.placeOfNouns);
const NOUNS_BEFORE_OF = words(R.nounsBeforeOf);
// "in the United States and Canada": a word joined by "and" to a place after "in".
// ("toward Saint-Aubin, Roberval and X": a list of capitalised names after a preposition of direction.)
const COORDINATED_PLACE_BEFORE = /\b(?:in|across|throughout)\s+(?:the\s+)?[\p{L} .’'-]{2,40}?\s+and\s+$|\b(?:toward|towards|via)\s+(?:the\s+)?(?:\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*){0,2},\s+){0,3}\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*){0,2},?\s+and\s+$/u;
const ROLE_BEFORE = new RegExp(`\\b(?:${ROLE_NOUNS})(?:\\s+(?:for|of|at|to)\\s+[^,.;]{1,40})?,\\s*$`, 'i');
const LOCATIVE_BEFORE = /(?:(?<!\p{L})(?:in|at|near|outside|inside|through|via|around|across|throughout)|(?:^|[.!?]\s+|\n\s*)(?:In|At|Near|Outside|Inside|From|Across))\s+(?:the\s+)?$/u;
// "Opposition lawmaker María José Quispe Huamán": a lower-case role noun right before a name.
const ROLE_RIGHT_BEFORE = new RegExp(`(?:^|\\s)(?:${ROLE_NOUNS})\\s+$`);
const PLACE_NAMES = new Set(R.placeNames);
const STATE_POSSESSIONS = new RegExp(`^['’]s\\s+(?:[a-z]+\\s+){0,2}?(?:${alt(R.statePossessions)})\\b`);
// "the Sudan Ports Corporation (SPC)", "Vietnam Electricity (EVN)": an acronym defined in parentheses after a name.
const DEFINED_ACRONYM = /^\s*\((\p{Lu}[\p{Lu}\d&]{1,9})\)/u;
const ROLE_WORDS = words(R.roleNouns);
/** An organisation's name without its legal form ("Helios Nederland" for "Helios Nederland B.V."). */
const LEGAL_FORM = new RegExp(`\\s+(?:${[...R.legalForms].sort((a, b) => b.length - a.length).map(esc).join('|') || '(?!)'})$`);
/** Legal forms written with a closing dot ("Kft.", "Inc."): the dot belongs to the name even where it also ends the sentence. */
const DOTTED_LEGAL = new Set(R.legalForms.filter((f) => f.endsWith('.')));
const DEMONYM_KEPT = new Set(R.demonymKeptBefore);
/** Demonyms the -ian/-ese/-ish shape misses ("Soviet", "Arab", "Thai"). */
const DEMONYMS = new Set(R.demonyms);
// ("UK Department for Transport, Housing and Rural Affairs": a country's acronym may open it.)
const LIST_HEAD = new RegExp(`^(?:The\\s+)?(?:\\p{Lu}{2,5}\\s+)?(?:${alt(R.listNameHeads)})\\s`, 'u');
const AGENT_QUALIFIED = new RegExp(`^(\\p{Lu}[\\p{L}]+)-(?:${alt(R.agentQualifiers)})$`, 'u');
const legalShort = (name: string) => name.replace(LEGAL_FORM, '');
/** A demonym-shaped word that comes from a place ("Ethiopian", "Korean") or that the data lists; not "Solarian". */
function isDemonym(word: string): boolean {
  if (DEMONYMS.has(word)) return true;
  if (!DEMONYM.test(word)) return false;
  const stem = word.slice(0, 4);
  return [...PLACE_NAMES].some((p) => p.split(/\s+/).some((w) => w.startsWith(stem)));
}
// "the film, “Rivers of Salt”": a work's title in quotes names no one.
const WORK_TITLE_BEFORE = new RegExp(`\\b(?:${alt(R.workNouns)})\\s*,?\\s*(?:(?:called|titled|entitled|named)\\s+)?["“‘]$`, 'i');
// "Form-12", "Article-9": a document's code, not a weapon's.
const DOCUMENT_CODE = new RegExp(`^(?:${alt(R.documentCodeWords)})[- ]?\\d`);
const OUTLET_WORDS = new Set(R.outletWords);
// "the pipeline, known as Amber Line": a facility's name after its noun and "known as" is a place.
const FACILITY_KNOWN_AS_BEFORE = new RegExp(`\\b(?:${alt(R.facilityNouns)})\\s*,?\\s+(?:known|called|named)\\s+(?:locally\\s+)?(?:as\\s+)?(?:the\\s+)?$`, 'i');
// "at its Galway headquarters", "their Ohio plant": a word between an owner's possessive and a site's noun is a place.
const POSSESSIVE_SITE_AFTER = new RegExp(`^\\s+(?:${alt([...R.possessivePlaceNouns].sort((a, b) => b.length - a.length))})\\b`);
// "Gavi, the Vaccine Alliance, said": an apposition that is itself a body's capitalised name.
const ORG_NAME_APPOSITION = new RegExp(`^,\\s+the\\s+(?:\\p{Lu}[\\p{L}-]*\\s+){0,3}(?:${[...R.typeWords.organisation].filter((w) => /^\p{Lu}\p{Ll}+$/u.test(w)).join('|')})(?=\\s*[,.;)])`, 'u');
// "Its Latvian partner, Tenergo,": what an organisation's partner, parent or rival is named is an organisation too ("its chief executive, X" is a person).
const ITS_NOUN_BEFORE = /(?:^|[^\p{L}])[Ii]ts\s+(?:[\p{L}-]+\s+){0,2}?(\p{Ll}[\p{L}-]*),\s*$/u;
/** Place names that are also people's names ("Jordan", "Georgia"): a person's surname may be one. */
const PERSONAL_PLACES = new Set(R.placeNamesAlsoPersonal);
/** "Water Portugal", "Gridco Norway": a country's name closes a body's name, never a person's. */
const endsInCountry = (tokens: readonly string[]) => tokens.length >= 2 && tokens.slice(1).some((_, k) => { const tail = tokens.slice(k + 1).join(' '); return PLACE_NAMES.has(tail) && !PERSONAL_PLACES.has(tail); });
// "Norway and Kalvøy", "Kalvøy and Norway": a word joined by "and" to a country is a place.
const PLACE_ALT = [...PLACE_NAMES].filter((p) => !PERSONAL_PLACES.has(p)).sort((a, b) => b.length - a.length).map(esc).join('|');
// (Not "a dispute between Ukraine and Naftogaz": after "between" the other side may be any party.)
const AND_PLACE_BEFORE = new RegExp(`(?<![\\p{L}])(?<!\\bbetween\\s+(?:the\\s+)?)(?:${PLACE_ALT})\\s+and\\s+(?:the\\s+)?$`, 'u');
// (Not "South Korea's KEPCO and France's EDF": two owners' names.)
const AND_PLACE_AFTER = new RegExp(`^\\s+and\\s+(?:${PLACE_ALT})(?![\\p{L}'’])`, 'u');

export interface FoundName {
  name: string;
  type: EntityType;
  /** Every form the report uses (full name first), each an exact substring of the text. */
  aliases: string[];
  /** [start, end) of every occurrence. */
  spans: [number, number][];
  /** Why we think it is a name of this type. */
  evidence: string;
}

interface Candidate {
  text: string;
  start: number;
  end: number;
  type: EntityType | null;
  evidence: string;
  /** An acronym defined in parentheses right after it. */
  acronym?: string;
  /** Another name the report gives it in apposition ("Gavi, the Vaccine Alliance"). */
  sameAs?: string;
}

// A capitalised word: a weapon code ("Su-27", "MQ-9", "S-400"), a hyphenated or plain word, or an acronym.
// Also: a surname opened by a lower-case particle ("al-Nuaimi"), initials and dotted legal forms ("J.K.", "B.V.").
const PARTICLES = R.surnamePrefixes.map(esc).join('|') || '(?!)';
// "Harbour Pilots’ Union", "Crane Operators' Union": a plural possessive inside a name, before an organisation's word.
const PLURAL_POSSESSIVE = `\\p{Lu}[\\p{L}-]*s['’](?=(?:[ \\t\\u00a0]+\\p{Lu}[\\p{L}-]*){0,2}?[ \\t\\u00a0]+(?:${[...R.typeWords.organisation].filter((w) => /^\p{Lu}\p{Ll}+$/u.test(w)).join('|')})(?![\\p{L}]))`;
// "Ma. Carmen dela Rosa": an abbreviated given name, with its dot.
const GIVEN_ABBREVIATIONS = R.givenNameAbbreviations.map(esc).join('|') || '(?!)';
const TOKEN = `(?:(?:${GIVEN_ABBREVIATIONS})(?=[ \\t\\u00a0]+\\p{Lu})|${PLURAL_POSSESSIVE}|(?:${PARTICLES})-\\p{Lu}[\\p{L}'’-]*\\p{L}|[dl]['’]\\p{Lu}[\\p{L}'’-]*\\p{L}|\\p{Lu}\\.(?:\\p{L}{1,2}\\.)+|[A-Z]+\\d+[A-Z]*(?![\\p{L}\\d])|[A-Z][\\p{L}]*-\\d+[A-Za-z]*|[A-Z]+-\\d+[A-Za-z]*|\\p{Lu}[\\p{L}'’-]*[\\p{L}]|\\p{Lu}{2,}|[A-Z]\\.)`;
// Words of one name are separated by spaces only, never a line break.
// "Fjordvik hf.", "Brightwater Foods plc": a legal form in lower case closes a name.
const LOWER_LEGAL = R.legalForms.filter((f) => /^\p{Ll}/u.test(f)).map(esc).join('|') || '(?!)';
// (Jose "Pepe" Alcantara: a nickname in quotes stands inside a person's name.)
const NICKNAME = `["“]\\p{Lu}[\\p{L}'’-]*["”]`;
const RUN = new RegExp(`(?<![\\p{L}\\d-])${TOKEN}(?:(?:[ \\t\\u00a0]+(?:${CONNECTOR_RE}))?(?:[ \\t\\u00a0]+${NICKNAME}(?=[ \\t\\u00a0]+\\p{Lu}))?[ \\t\\u00a0]+${TOKEN})*(?:[ \\t\\u00a0]+(?:${LOWER_LEGAL})(?![\\p{L}]))?`, 'gu');
const DEMONYM = /^[A-Z][a-z]+(?:ian|ean|ese|ish|can)$/;
/** Words that only say what kind of institution a name is ("Armed", "Air", "Coast"), before an organisation word. */
const GENERIC_MODIFIERS = /^(?:Armed|Air|Coast|Border|Special|Security|Defence|Defense|Interior|Foreign|National|Revolutionary|Republican|Communist|Orthodox|Catholic|Federal|Central|Royal|Naval|Military)$/;
const NOT_ALONE = words(R.notAlone);
const PLACE_ACRONYMS = new Set(R.placeAcronyms);
const WEAPON_CODE = /^(?:[A-Z][\p{L}]*|[A-Z]{1,4})-\d{1,4}[A-Za-z]?$|^[A-Z]+-\d/u;

function sentenceStarts(text: string): Set<number> {
  const starts = new Set<number>([0]);
  for (const m of text.matchAll(/(?:[.!?]["”’]?\s+|\n\s*|["“‘]\s*)/g)) starts.add(m.index + m[0].length);
  // A dateline's dash opens the first sentence ("GDANSK, Poland (AP) — Dock workers …").
  for (const m of text.matchAll(/(?:^|\n)\p{Lu}[^\n]{1,80}?(?:\)|\d|\p{Lu}{2,})[ \t]*[-–—][ \t]+/gu)) starts.add(m.index + m[0].length);
  return starts;
}

function typeFromWords(name: string): EntityType | null {
  const parts = name.split(/\s+/).map((p) => p.toLowerCase().replace(/[’']s$/, ''));
  const last = parts[parts.length - 1]!;
  // "Permanent Commission for the Conservation of the Lake", "Election Commission of Narnia": the head before "of" or "for" says organisation.
  const head = /^(.+?)\s+(?:of|for|on)\s/.exec(name)?.[1]?.split(/\s+/).pop()?.toLowerCase();
  if (head && ORG_WORDS.has(head) && !TYPE_WORDS.some(([t, set]) => t === 'place' && set.has(head))) return 'organisation';
  // "Cape Standard", "Gulf Cooperation Council": the last word says organisation, whatever the first says.
  if (parts.length > 1 && ORG_WORDS.has(last)) return 'organisation';
  // ("Greenko Energies", "Delta Utilities": the plural of an organisation's word.)
  if (parts.length > 1 && last.endsWith('ies') && ORG_WORDS.has(`${last.slice(0, -3)}y`)) return 'organisation';
  if (PLACE_FIRST.has(name.split(/\s+/)[0]!) && name.includes(' ')) return 'place';
  // A lone word that is both ("Congress"): the institution.
  if (parts.length === 1 && ORG_WORDS.has(last) && TYPE_WORDS.some(([t, set]) => t === 'event' && set.has(last))) return 'organisation';
  for (const [type, set] of TYPE_WORDS) if (set.has(last)) return type;
  for (const [type, set] of TYPE_WORDS) if (type !== 'place' && parts.some((p) => set.has(p))) return type;
  if (parts.some((p) => WEAPON_CODE.test(p.toUpperCase())) && WEAPON_CODE.test(name.split(/\s+/).pop()!)) return 'weapon';
  return null;
}

/** Trim stop words from both ends of a run; split it at a possessive. */
function trimRun(text: string, start: number): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let offset = 0;
  // "Iran’s Shahed drone" is two names; "the Public Prosecutor's Office" is one (what follows is only a type word).
  const split = text.split(/(?<=[’']s)\s+/).reduce<string[]>((acc, p) => {
    // …but "Peru's Congress" is a country and its institution.
    const owner = acc.length > 0 ? acc[acc.length - 1]!.replace(/[’']s$/, '') : '';
    const ownerIsPlace = !owner.includes(' ') && (PLACE_NAMES.has(owner) || (!ROLE_WORDS.has(owner.toLowerCase()) && STATE_POSSESSIONS.test(`'s ${p.toLowerCase()}`)));
    // ("The People's Democratic Party", "Women's Equality Party": a people's possessive opens the body's name.)
    const opener = acc.length > 0 && POSSESSIVE_OPENERS.has(owner.split(/\s+/).pop()!.replace(/[’']$/, '')) && typeFromWords(p) === 'organisation';
    if (opener || (acc.length > 0 && !p.includes(' ') && ORG_WORDS.has(p.toLowerCase()) && !ownerIsPlace)) acc[acc.length - 1] += ` ${p}`;
    else acc.push(p);
    return acc;
  }, []);
  for (const piece of split) {
    const at = text.indexOf(piece, offset);
    offset = at + piece.length;
    let tokens = piece.replace(/[’']s$/, '').split(/([ \t\u00a0]+)/);
    let lead = 0;
    const leadingNoise = (t: string) =>
      (STOP.has(t.toLowerCase()) && !(/^(?:New|North|South|East|West)$/.test(t) && tokens.length > 2)) || (CONNECTORS.has(t.toLowerCase()) && t === t.toLowerCase()) || (TITLES.includes(t) && !(tokens.length >= 3 && ORG_WORDS.has(tokens[tokens.length - 1]!.toLowerCase())));
    while (tokens.length > 0 && leadingNoise(tokens[0]!)) {
      lead += tokens[0]!.length + (tokens[1]?.length ?? 0);
      tokens = tokens.slice(2);
    }
    // ("Coastal Wildlife Watch": a word that is noise alone closes a longer organisation's name.)
    while (tokens.length > 0 && ((STOP.has(tokens[tokens.length - 1]!.toLowerCase()) && !(tokens.length >= 5 && ORG_WORDS.has(tokens[tokens.length - 1]!.toLowerCase()))) || CONNECTORS.has(tokens[tokens.length - 1]!.toLowerCase()))) tokens = tokens.slice(0, -2);
    const t = tokens.join('').trim();
    if (t) out.push({ text: t, start: start + at + lead });
  }
  return out;
}

/** "European Commission President Ursula von der Leyen" → the affiliation and the person, at the title. */
function splitAtTitle(text: string, start: number): { text: string; start: number; titled: string | null }[] {
  // "Defence Minister Jorge Luis Castañeda Villanueva": a run that opens with a title.
  const opening = TITLES.find((t) => text.startsWith(`${t} `) && t.includes(' '));
  if (opening) return [{ text: text.slice(opening.length + 1), start: start + opening.length + 1, titled: opening }];
  for (const t of TITLES) {
    const i = text.indexOf(` ${t} `);
    // "The Justice Department", "the General Assembly": a title word before an organisation's word is part of its name.
    // ("Services and General Purchasing Department": whatever follows the title ends in an organisation's word.)
    if (i > 0 && ORG_WORDS.has(text.slice(i + t.length + 2).split(/\s+/).pop()!.toLowerCase())) continue;
    // "The Chief State Auditor's Office": after an article, a title word opening an organisation's name is part of it.
    if (i > 0 && text.slice(0, i).split(/\s+/).every((w) => STOP.has(w.toLowerCase())) && ORG_WORDS.has(text.split(/\s+/).pop()!.toLowerCase())) continue;
    // "The Director of Public Prosecutions", "the Minister for Health": a title and its office name an office, not a person.
    if (i >= 0 && /^(?:of|for)\s+(?:\S+\s*){1,3}$/.test(text.slice(i + t.length + 2))) {
      const before = text.slice(0, Math.max(0, i));
      return before.split(/\s+/).some((w) => w !== '' && !STOP.has(w.toLowerCase())) ? [{ text: before, start, titled: null }] : [];
    }
    if (i > 0) {
      const rest = i + t.length + 2;
      // ("WA Environment Minister Reece Whitby": words before a title that end in no body's word are the title's place and
      // portfolio; only a country or state among them is a name.)
      const leftWords = text.slice(0, i).split(/\s+/).filter((w) => !STOP.has(w.toLowerCase()));
      if (leftWords.length >= 2 && !ORG_WORDS.has(leftWords[leftWords.length - 1]!.toLowerCase()) && !/ (?:of|for|and) /.test(text.slice(0, i))) {
        const first = text.slice(0, i).split(/\s+/).find((w) => !STOP.has(w.toLowerCase()))!;
        const keep = PLACE_NAMES.has(first) || PLACE_ACRONYMS.has(first) ? [{ text: first, start: start + text.indexOf(first), titled: null }] : [];
        return [...keep, { text: text.slice(rest), start: start + rest, titled: t }];
      }
      // ("Chief Election Commissioner Justice X": a single type word before a title is the title's portfolio, no name.)
      const leftCore = text.slice(0, i).split(/\s+/).filter((w) => !STOP.has(w.toLowerCase()) && !TITLES.includes(w));
      if (leftCore.length === 1 && TYPE_WORDS.some(([, set]) => set.has(leftCore[0]!.toLowerCase()))) return [{ text: text.slice(rest), start: start + rest, titled: t }];
      return [
        { text: text.slice(0, i), start, titled: null },
        { text: text.slice(rest), start: start + rest, titled: t },
      ];
    }
  }
  return [{ text, start, titled: null }];
}

/** Title-case lines (headlines, menus) capitalise ordinary words: no new names are read from them. */
function titleCaseLines(text: string): [number, number][] {
  const out: [number, number][] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    const tokens = line.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
    const caps = tokens.filter((t) => /^\p{Lu}/u.test(t) && !CONNECTORS.has(t.toLowerCase())).length;
    // Bylines ("Reporting by …; Editing by …") are capitalised because they are names.
    if (tokens.length >= 4 && caps / tokens.length >= 0.6 && !/^\s*\(?(?:By|Reporting|Writing|Editing|Additional reporting|\p{Lu}\p{Ll}+ed by)\b/u.test(line) && !/^\s*(?:(?:Media|Press|Investor|Journalist)\s+)?[Cc]ontacts?\s*:/.test(line)) out.push([at, at + line.length]);
    at += line.length + 1;
  }
  return out;
}

/** "Independent Electoral and Boundaries Commission", "Ministry of Trade and Industry": one name across "and". */
function joinAnd(text: string, runs: { text: string; start: number }[]): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  for (const r of runs) {
    const prev = out[out.length - 1];
    const last = r.text.split(/\s+/).pop()!.toLowerCase();
    // ("Coral Bank and Meridian Trust Holding Company": two names, each already ending in an organisation's word.)
    const prevLast = prev?.text.split(/\s+/).pop()!.toLowerCase() ?? '';
    const twoBodies = prev !== undefined && prev.text.includes(' ') && !/ (?:of|for) /.test(prev.text) && ORG_WORDS.has(prevLast);
    // ("Maritime and Port Authority of Mauritius": the organisation's word stands before "of".)
    const headOf = / of /.test(r.text) && ORG_WORDS.has(r.text.split(/ of /)[0]!.split(/\s+/).pop()!.toLowerCase());
    if (prev && !twoBodies && text.slice(prev.start + prev.text.length, r.start) === ' and ' && (ORG_WORDS.has(last) || headOf || / (?:of|for) /.test(prev.text)) && !TYPE_WORDS.some(([t, set]) => t !== 'organisation' && set.has(last))) {
      prev.text = text.slice(prev.start, r.start + r.text.length);
      continue;
    }
    out.push({ ...r });
  }
  return out;
}

/** "Directorate General of Civil Aviation (DGCA)": the acronym after a run spells all of it, so no title splits it. */
function definesItself(full: string, text: string, start: number): boolean {
  const a = DEFINED_ACRONYM.exec(full.slice(start + text.length))?.[1];
  return a !== undefined && (initials(text) === a || (/\s\p{Ll}/u.test(text) && capInitials(text.replace(/^(?:The|A|An)\s+/, '')) === a));
}

/** The first lines of a report, where its byline stands. */
function top0(text: string): number {
  return text.split('\n').slice(0, 6).join('\n').length;
}

/** "Department for Education", "Centre for Economic Policy Research": an organisation's word, then "for" and a name. */
function joinFor(text: string, runs: { text: string; start: number }[]): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  for (const r of runs) {
    const prev = out[out.length - 1];
    const gap = prev ? text.slice(prev.start + prev.text.length, r.start) : '';
    const prevWords = prev ? prev.text.split(/\s+/) : [];
    // "Tribunal of Appeal for Athletics": an organisation's word opens it, or the acronym after it spells all of it.
    const joined = prev ? text.slice(prev.start, r.start + r.text.length) : '';
    const spelled = DEFINED_ACRONYM.exec(text.slice(r.start + r.text.length))?.[1];
    if (prev && gap === ' for ' && (ORG_WORDS.has(prevWords[prevWords.length - 1]!.toLowerCase()) || (ORG_WORDS.has(prevWords[0]!.toLowerCase()) && / of /.test(prev.text)) || (spelled !== undefined && capInitials(joined) === spelled)) && !r.text.includes(' for ')) {
      prev.text = joined;
      continue;
    }
    // "Lagos 2040 Commonwealth Games": a place, a year, then an event.
    if (prev && /^ (?:1[89]|2\d)\d\d $/.test(gap) && typeFromWords(r.text) === 'event' && !prev.text.includes(' ')) {
      prev.text = joined;
      continue;
    }
    out.push({ ...r });
  }
  return out;
}

/**
 * "Pacific Water Mission in the Altiplano-Sur (PWMA)", "Comité Citoyen pour la Paix au Lac (CCPL)":
 * runs joined by short lower-case words (any language's "in the", "pour la", "au") are one name when the acronym
 * defined right after the last spells all of it.
 */
function joinSpelled(text: string, runs: { text: string; start: number }[]): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  for (let i = 0; i < runs.length; i++) {
    let joined: { text: string; start: number } | null = null;
    let k = i;
    for (let j = i + 1; j < runs.length && j <= i + 3; j++) {
      const gap = text.slice(runs[j - 1]!.start + runs[j - 1]!.text.length, runs[j]!.start);
      if (!/^ (?:\p{Ll}{1,5} ){1,3}$/u.test(gap)) break;
      const candidate = text.slice(runs[i]!.start, runs[j]!.start + runs[j]!.text.length);
      const spelled = DEFINED_ACRONYM.exec(text.slice(runs[j]!.start + runs[j]!.text.length))?.[1];
      if (spelled !== undefined && spelled.length >= 3 && capInitials(candidate.replace(/^(?:The|A|An)\s+/, '')) === spelled) {
        joined = { text: candidate, start: runs[i]!.start };
        k = j;
      }
    }
    out.push(joined ?? { ...runs[i]! });
    i = k;
  }
  return out;
}

/** The first letters of a name's capitalised words ("Tribunal of Appeal for Athletics" → "TAA"). */
function capInitials(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
}

/** "Department of Rural Affairs, Fisheries and Tourism": a department's name that runs over a list of its portfolios. */
function joinPortfolios(text: string, runs: { text: string; start: number }[]): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  for (let i = 0; i < runs.length; i++) {
    const r = { ...runs[i]! };
    out.push(r);
    if (!LIST_HEAD.test(r.text) || r.text.split(/ of | for /).length > 2) continue;
    // Items: ", X" … then " and Y" (or ", and Y"), each of one to three words.
    let j = i + 1;
    while (j < runs.length && text.slice(runs[j - 1]!.start + runs[j - 1]!.text.length, runs[j]!.start) === ', ' && runs[j]!.text.split(/\s+/).length <= 3 && !/ of | and /.test(runs[j]!.text)) j++;
    const last = runs[j];
    const gap = last ? text.slice(runs[j - 1]!.start + runs[j - 1]!.text.length, last.start) : '';
    // The last item joined already by "and" ("…, Sports, Science and Technology", "…, Food and Rural Affairs").
    const joinedLast = last !== undefined && gap === ', ' && / and /.test(last.text) && last.text.split(/\s+/).length <= 5 && !/ of | for /.test(last.text);
    if (!last || (!joinedLast && (j === i + 1 || !/^,? and (?:the )?$/.test(gap) || last.text.split(/\s+/).length > 3))) continue;
    r.text = text.slice(r.start, last.start + last.text.length);
    i = j;
  }
  return out;
}

/** "Samuel Kiprop of the United Democratic Alliance": a person, then the organisation they belong to. */
function splitAtOf(full: string, text: string, start: number): { text: string; start: number; hint?: 'place' }[] {
  const m = / of (?:the )?/.exec(text);
  if (!m) return [{ text, start }];
  // "the Joint Command of the Armed Forces (CCFFAA)": one name, its acronym says so.
  if (DEFINED_ACRONYM.test(full.slice(start + text.length))) return [{ text, start }];
  const left = text.slice(0, m.index);
  const right = text.slice(m.index + m[0].length);
  // ("… of Ateneo University's TideWatch project": the body's name ends before its possessive.)
  const lastRight = right.split(/['’]s\s+/)[0]!.split(/\s+/).pop()!.toLowerCase();
  const leftTokens = left.split(/\s+/);
  // "Chief Executive Officer of Lumen Fabrics": a role, then whose; but "Minister of State X" is a title.
  if (ROLE_WORDS.has(leftTokens[leftTokens.length - 1]!.toLowerCase()) && (leftTokens.filter((t) => !STOP.has(t.toLowerCase())).length >= 2 || typeFromWords(right) === 'organisation') && !TITLES.some((t) => t.includes(' of ') && text.startsWith(`${t} `))) return [{ text: right, start: start + m.index + m[0].length }];
  // "Residents of Sunamganj": the noun is not part of the name.
  if (leftTokens.length === 1 && (PLACE_OF.has(left.toLowerCase()) || NOUNS_BEFORE_OF.has(left.toLowerCase()))) return [{ text: right, start: start + m.index + m[0].length }];
  // "the Cyber Crimes Department of the Ministry of Internal Affairs": a unit, then the body it belongs to (two names).
  const rightTokens = right.split(/\s+/);
  if (/^ of the /.test(m[0]) && leftTokens.length >= 2 && rightTokens.length >= 2 && ORG_WORDS.has(leftTokens[leftTokens.length - 1]!.toLowerCase()) && ORG_WORDS.has(rightTokens[0]!.toLowerCase()) && !leftTokens.slice(1).some((t) => STOP.has(t.toLowerCase()))) {
    return [
      { text: left, start },
      { text: right, start: start + m.index + m[0].length },
    ];
  }
  // "Saffron Remedies of Nagpur", "Mary Obi of Enugu": two or three words that are no institution's, then "of" and
  // one word: a name, then the place it is from.
  if (m[0] === ' of ' && leftTokens.length >= 2 && leftTokens.length <= 3 && rightTokens.length === 1 && /^\p{Lu}\p{Ll}{2,}$/u.test(right) && !STOP.has(right.toLowerCase()) && !leftTokens.some((t) => STOP.has(t.toLowerCase()) || TITLES.includes(t) || ROLE_WORDS.has(t.toLowerCase()) || TYPE_WORDS.some(([, set]) => set.has(t.toLowerCase())) || CONNECTORS.has(t.toLowerCase()))) {
    return [
      { text: left, start },
      { text: right, start: start + m.index + m[0].length, hint: 'place' },
    ];
  }
  // "Northstar Air Cargo of Saint Paul": a name, then the place it is from.
  const right0 = right.split(/\s+/)[0]!;
  // ("Football Association of Serbia", "Central Bank of Nigeria": a national body, one name.)
  const nationalBody = ORG_WORDS.has(leftTokens[leftTokens.length - 1]!.toLowerCase()) && PLACE_NAMES.has(right);
  if (leftTokens.length >= 2 && !nationalBody && (PLACE_NAMES.has(right) || (PLACE_FIRST.has(right0) && right.includes(' '))) && !leftTokens.some((t) => STOP.has(t.toLowerCase()))) {
    return [
      { text: left, start },
      { text: right, start: start + m.index + m[0].length },
    ];
  }
  // ("Chief Superintendent Mark Lowe of Greater Manchester Police": a title may open the person's side.)
  const titled = TITLES.find((t) => left.startsWith(`${t} `));
  const personSide = titled ? leftTokens.length - titled.split(' ').length : leftTokens.length;
  // ("Pádraig Mac Con Uladh of the Dockworkers Union": four words of a person's name.)
  if (ORG_WORDS.has(lastRight) && personSide >= 2 && personSide <= 4 && !typeFromWords(left) && !leftTokens.some((t) => STOP.has(t.toLowerCase()))) {
    return [
      { text: left, start },
      { text: right, start: start + m.index + m[0].length },
    ];
  }
  return [{ text, start }];
}

// A facility's name: its own name, an optional number ("No. 2"), up to two modifiers ("oil", "power") and a facility noun.
const FACILITY_AFTER = new RegExp(
  `^(?:[ \\t]+(?:No\\.?[ \\t]*\\d+|\\d+|[IVX]{1,4}))?(?:[ \\t]+(?:${alt(R.facilityModifiers)})){0,2}[ \\t]+(?:${alt([...R.facilityNouns].sort((a, b) => b.length - a.length))})(?![\\p{L}-])`,
  'u',
);
const GROUP_MEMBERS = new Set(R.groupMemberNouns);
/** "Yemeni", "Afghan", "Pakistani": a word formed from a country's name (its first letters, a short ending). */
function countryAdjective(word: string): boolean {
  const stem = word.slice(0, Math.max(4, word.length - (word.endsWith('i') ? 1 : 2)));
  return [...PLACE_NAMES].some((p) => p !== word && p.startsWith(stem));
}
// "fighters of X", "members of the X": one capitalised word whose fighters or members are named is a group or party.
const GROUP_MEMBER_OF_BEFORE = new RegExp(`\\b(?:${alt(R.groupMemberNouns)})\\s+of\\s+(?:the\\s+)?$`, 'i');
// "X, the ruling party,", "X, Myanmar's military": an apposition that ends in a group noun.
const GROUP_APPOSITION = new RegExp(`^,\\s+(?:a|an|the|\\p{Lu}[\\p{L}-]*['’]s)\\s+(?:[\\p{L}'’-]+\\s+){0,3}?(?:${alt(R.groupNouns)})(?=\\s*[,.;)]|\\s+(?:that|which|who|known|in|of|led|loyal|fighting)\\b)${NOT_SAID}`, 'iu');
// "the militia known as X", "a rebel group called X".
const GROUP_KNOWN_AS_BEFORE = new RegExp(`\\b(?:${alt(R.groupNouns)})\\s*,?\\s+(?:known|called)\\s+(?:locally\\s+)?(?:as\\s+)?(?:the\\s+)?$`, 'i');

// What follows a dateline's city: an optional country, a date, an optional agency, a dash.
const DATELINE_AFTER = /^(?:(?:,\s+\p{Lu}[\p{L} ]{1,30})?,\s+(?:\d{1,2}\s+\p{Lu}\p{Ll}+\.?|\p{Lu}\p{Ll}+\.?\s+\d{1,2})(?:,?\s+\d{4})?\s*(?:\([^)\n]{2,40}\)\s*)?|\s*\((?:AFP|AP|Reuters|[^)\n]{2,30}(?:Wire|Agency|Press|News))\)\s*)[-–—]/u;
// What follows a dateline's city in capitals: an optional ", Region" (", Calif.", ", Ukraine"), an optional "(Agency)", a dash.
const CAPS_DATELINE_AFTER = /^(?:,\s+\p{Lu}[\p{L}.]{1,20}(?:\s+\p{Lu}[\p{L}.]{1,20})?)?\s*(?:\([^)\n]{2,40}\)\s*)?[-–—]\s/u;
// What a body does as a verb's subject ("X denied the allegation", "X said in a statement").
const BODY_VERBS = '(?:denied|denies|rejected|rejects|said|says|claimed|vowed|warned|accused|insisted)\\b';
const PLACE_BEFORE = /(?<!\p{L})(?:in|at|near|from|to|into|across|outside|inside|between|with|against|toward|towards|across|throughout|within)\s+(?:the\s+)?$/u;

const CAP_RUN = `\\p{Lu}[\\p{L}'’-]*(?:[ \\t]+\\p{Lu}[\\p{L}'’-]*)*`;
const AGREEMENT_LONG = new RegExp(
  `(?<![\\p{L}\\d-])(?:${R.typeWords.agreement.filter((w) => /^(?:Treaty|Convention|Agreement|Protocol|Accord|Pact|Charter)$/.test(w)).join('|')})[ \\t]+(?:on|for|against|between|of)[ \\t]+(?:(?:a|an|the)[ \\t]+)?${CAP_RUN}(?:[ \\t]+(?:in|of|on|for|and|against)[ \\t]+(?:the[ \\t]+)?${CAP_RUN})*`,
  'gu',
);

/** Guesses from a name's shape or a preposition alone, which any context about the same name overrides. */
const WEAK_EVIDENCE = new Set(['it speaks as a body, after “at”', 'a two- or three-word capitalised name', 'follows a preposition of place', 'a capitalised name after a preposition of place', 'a capitalised name after “the”', 'an acronym']);

function candidates(text: string, taken: readonly [number, number][], untyped: Candidate[] = []): Candidate[] {
  const starts = sentenceStarts(text);
  const skip = [...taken, ...titleCaseLines(text)];
  const lowerWords = new Set(text.match(/(?<![\p{L}])\p{Ll}[\p{L}'’-]*/gu) ?? []);
  // Lines that open with a speaker's label in capitals ("LEE:", "PRESENTER (MARY ADEYEMI):"): a transcript has several.
  // ("UPDATE:", "EDITOR'S NOTE:" are a newsroom's labels, no speaker's.)
  const speakerLabels = (text.match(/^[ \t]*\p{Lu}{2,}[\p{Lu} .'’-]*(?:[ \t]*\([^)\n]*\))?[ \t]*(?=:)/gmu) ?? []).filter((l) => !l.trim().split(/[\s'’]+/).every((w) => w.length < 2 || STOP.has(w.toLowerCase()))).length;
  const lowerUse = (w: string) => [w, `${w}s`, `${w}'s`, `${w}’s`].some((x) => lowerWords.has(x.toLowerCase()));
  const out: Candidate[] = [];
  // Bylines and sign-offs (lib/kb/extract/meta.ts): the writer is a person, the outlet an organisation, where it was filed from a place.
  for (const b of bylineNames(text)) {
    skip.push(b.line);
    // "By Ruth Akande, Fact-Check Desk": a desk or section after the writer is no place it was filed from, and names no one.
    if (b.role === 'place' && typeFromWords(b.text) === 'organisation') continue;
    const type = b.role === 'writer' ? 'person' : b.role === 'outlet' ? 'organisation' : 'place';
    out.push({ text: b.text, start: b.start, end: b.start + b.text.length, type, evidence: b.role === 'writer' ? 'the byline’s writer' : b.role === 'outlet' ? 'the byline’s outlet' : 'where the byline was filed from' });
  }
  // "…, who gave only her first name, Amina": a person the report names by a first name alone.
  for (const m of text.matchAll(/\b(?:gave|giving|gives|give|used|uses|using)\s+only\s+(?:his|her|their)\s+first\s+name,?\s+(\p{Lu}\p{Ll}[\p{L}'’-]+)(?![\p{L}'’-]|\s+\p{Lu})/gu)) {
    const start = m.index + m[0].length - m[1]!.length;
    if (!skip.some(([s, e]) => start < e && s < start + m[1]!.length)) out.push({ text: m[1]!, start, end: start + m[1]!.length, type: 'person', evidence: 'a first name the report says is all a speaker gave' });
  }
  // "Media contact: KOBAYASHI Emi, Investor Relations, …" (a press release's contact line): the person named first.
  for (const m of text.matchAll(/^[ \t]*(?:(?:Media|Press|Investor|Journalist)[ \t]+)?[Cc]ontacts?[ \t]*:[ \t]*(\p{Lu}[\p{L}'’.-]+(?:[ \t]+\p{Lu}[\p{L}'’.-]+){1,3})(?=[ \t]*(?:,|$))/gmu)) {
    const at = m.index + m[0].indexOf(m[1]!);
    skip.push([m.index, m.index + (text.indexOf('\n', m.index) + 1 || text.length + 1) - m.index - 1]);
    out.push({ text: m[1]!, start: at, end: at + m[1]!.length, type: 'person', evidence: 'a press release’s contact' });
  }
  // "Brightwater Foods plc (LSE: BWF)": an exchange and a stock ticker in brackets name no one.
  // ("(Nasdaq Stockholm: NVOLT)": an exchange of two words.)
  for (const m of text.matchAll(/\(\s*\p{Lu}[\p{L}]{1,9}(?:\s+\p{Lu}[\p{L}]{1,12})?\s*:\s*[\p{Lu}\d.]{1,10}\s*\)/gu)) skip.push([m.index, m.index + m[0].length]);
  // "Senior Correspondent, 3 December 2026" under a byline: the writer's role names no one.
  for (const m of text.slice(0, top0(text)).matchAll(/^[ \t]*(?:\p{Lu}[\p{L}-]*[ \t]+){0,3}(?:Correspondent|Reporter|Editor|Writer|Columnist|Journalist|Contributor)s?[ \t]*,[^\n]*\b\d{4}\b[^\n]*$/gmu)) skip.push([m.index, m.index + m[0].length]);
  // "By Our Court Reporter", "By Staff Correspondent": a byline that names a role names no one.
  for (const m of text.matchAll(/^[ \t]*By[ \t]+(?:Our|Staff|The|A)[ \t]+[^\n]{0,40}?(?:Reporter|Correspondent|Writer|Desk|Team|Staff|Bureau)s?[ \t]*$/gm)) skip.push([m.index, m.index + m[0].length]);
  // "PRESS RELEASE", "FOR IMMEDIATE RELEASE": a press release's label line names no one.
  for (const m of text.matchAll(/^[ \t]*(?:FOR IMMEDIATE RELEASE|PRESS RELEASE|NEWS RELEASE|MEDIA RELEASE)[ \t]*:?[ \t]*$/gm)) skip.push([m.index, m.index + m[0].length]);
  // "LIMA (AFP) -", "BERGEN, Dec 3 (Harbour Markets Wire) -": the agency in a dateline's brackets is an organisation.
  for (const m of text.matchAll(/^[ \t]*\p{Lu}[\p{Lu} .'’-]+(?:,[^\n(]{1,40})?[ \t]*\((\p{Lu}[^)\n]{1,40})\)[ \t]*[-–—]/gmu)) {
    const at = m.index + m[0].lastIndexOf(`(${m[1]!})`) + 1;
    if (taken.some(([s, e]) => at < e && s < at + m[1]!.length)) continue;
    skip.push([at, at + m[1]!.length]);
    out.push({ text: m[1]!, start: at, end: at + m[1]!.length, type: 'organisation', evidence: 'the agency in a dateline’s brackets' });
  }
  // "the Convention on the Protection of Migratory Species in Northern Asia", "the Convention on the Rights of the Child": an agreement's
  // word, then what it is on or between, across lower-case prepositions and articles.
  for (const m of text.matchAll(AGREEMENT_LONG)) {
    const end = m.index + m[0].length;
    if (taken.some(([s, e]) => m.index < e && s < end) || skip.some(([s, e]) => m.index < e && s < end)) continue;
    skip.push([m.index, end]);
    out.push({ text: m[0], start: m.index, end, type: 'agreement', evidence: 'an agreement’s word, then what it is on' });
  }
  // "© Site" near the top; "Copyright 2026 Tasman Public Radio" as a footer.
  for (const m of text.matchAll(/^[ \t]*(?:©|Copyright(?:[ \t]*©)?)[ \t]*(?:\d{4}[ \t]+)?(\p{Lu}[^\n|.,]{1,58}?)[ \t]*\.?[ \t]*(?:All rights reserved\.?[ \t]*)?$/gmu)) {
    if (m.index >= top0(text) && !/^[ \t]*Copyright/.test(m[0])) continue;
    skip.push([m.index, m.index + m[0].length]);
    const at = m.index + m[0].indexOf(m[1]!);
    out.push({ text: m[1]!, start: at, end: at + m[1]!.length, type: 'organisation', evidence: 'the byline’s outlet' });
  }
  // "ORIZABA, Puebla —": the region after a dateline's city in capitals is a place.
  for (const m of text.matchAll(/^[ \t]*\p{Lu}[\p{Lu} .'’-]+,[ \t]+(\p{Lu}\p{Ll}[\p{L}'’-]*(?:[ \t]+\p{Lu}\p{Ll}[\p{L}'’-]*)?)[ \t]*(?:\([^)\n]{2,40}\)[ \t]*)?[-–—][ \t]/gmu)) {
    const at = m.index + m[0].indexOf(m[1]!);
    const end = at + m[1]!.length;
    if (STOP.has(m[1]!.split(/\s+/)[0]!.toLowerCase()) || /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*$/.test(m[1]!) || taken.some(([s, e]) => at < e && s < end)) continue;
    out.push({ text: m[1]!, start: at, end, type: 'place', evidence: 'the region in the dateline' });
  }
  // A byline that gives the writer's role instead of "By" ("Helen McCarthy-Boateng Political correspondent"), near the top.
  const top = top0(text);
  for (const m of text.slice(0, top).matchAll(/^[ \t]*(\p{Lu}[\p{L}'’.-]+(?:[ \t]+\p{Lu}[\p{L}'’.-]+){1,3}?)[ \t]+(?:\p{Lu}\p{Ll}+[ \t]+)?(?:correspondent|editor|reporter|writer|columnist|journalist)[ \t]*$/gmu)) {
    const at = m.index + m[0].indexOf(m[1]!);
    skip.push([m.index, m.index + m[0].length]);
    out.push({ text: m[1]!, start: at, end: at + m[1]!.length, type: 'person', evidence: 'the byline’s writer' });
  }
  const runs = joinPortfolios(text, joinAnd(text, joinFor(text, joinSpelled(text, joinAnd(text, [...text.matchAll(RUN)].map((m) => ({ text: m[0], start: m.index })))))));
  const pieces = runs.flatMap((m) => splitAtOf(text, m.text, m.start)).flatMap((m) => (definesItself(text, m.text, m.start) ? [{ text: m.text, start: m.start, titled: null }] : splitAtTitle(m.text, m.start)).flatMap((p) => trimRun(p.text, p.start).map((x) => ({ ...x, titled: p.titled, hint: 'hint' in m ? m.hint : undefined }))));
  for (const raw of pieces) {
    // A leading demonym ("Russian Su-27", "Chinese Foreign Ministry") describes, it is not part of the name, unless the rest is only a type word.
    let piece = raw;
    // "Kisumu-based research firm", "a Lisbon-based lessor": the word before "-based" is a place; the adjective is no name.
    // ("the Phnom Penh-based group": a place of two words.)
    const based = /^((?:\p{Lu}[\p{L}]+\s+){0,2}\p{Lu}[\p{L}]+)-based(?=\s|$)/u.exec(piece.text);
    if (based && !STOP.has(based[1]!.toLowerCase()) && !DEMONYM.test(based[1]!) && !taken.some(([s, e]) => piece.start < e && s < piece.start + based[1]!.length)) {
      out.push({ text: based[1]!, start: piece.start, end: piece.start + based[1]!.length, type: 'place', evidence: 'where something is based (“X-based”)' });
    }
    if (based && piece.text === based[0]) continue;
    if (based && based[1]!.includes(' ')) piece = { ...piece, text: piece.text.slice(based[0].length + 1), start: piece.start + based[0].length + 1 };
    // "China-made Mugin-5", "Kremlin-backed X": the hyphenated qualifier is not part of the name.
    const qualifier = /^\S+-(?:made|based|backed|led|owned|built|designed|funded|linked|bound|flagged|registered|listed|run|rival|controlled)\s+/.exec(piece.text);
    // "the Perindo-backed candidate", "Hamas-led": the word before a qualifier of agency names a body (not a country, a demonym or a known name).
    const agent = AGENT_QUALIFIED.exec(piece.text.split(/\s+/)[0]!)?.[1];
    if (agent && !PLACE_NAMES.has(agent) && !DEMONYM.test(agent) && !DEMONYMS.has(agent) && !/i$/.test(agent) && !STOP.has(agent.toLowerCase()) && !NOT_ALONE.has(agent.toLowerCase()) && !taken.some(([s, e]) => piece.start < e && s < piece.start + agent.length)) {
      out.push({ text: agent, start: piece.start, end: piece.start + agent.length, type: 'organisation', evidence: `it backs or leads as a body (“${piece.text.split(/\s+/)[0]}”)` });
    }
    if (agent && !piece.text.includes(' ')) continue;
    if (qualifier) piece = { ...piece, text: piece.text.slice(qualifier[0].length), start: piece.start + qualifier[0].length };
    // "Pune-based Solvik Renewables": what a place-qualifier describes, named by capitalised words, is a body.
    const basedBody = (based !== null || /-(?:based|listed|registered|owned)\s+$/.test(qualifier?.[0] ?? '')) && /^\p{Lu}\S*(?:\s+\p{Lu}\S*){1,3}$/u.test(piece.text);
    // "Helen Marsh KC", "Jane Doe MP": letters after a person's name.
    const postNominal = piece.text.split(/\s+/);
    if (postNominal.length >= 3 && POST_NOMINALS.has(postNominal[postNominal.length - 1]!)) piece = { ...piece, text: postNominal.slice(0, -1).join(' ') };
    const first = /^(\S+)\s+/.exec(piece.text);
    const n = piece.text.split(/\s+/).length;
    // An institution named only by generic words after its demonym ("Sudanese Armed Forces", "Israeli Air Force"): without the demonym it names nothing.
    const generic = first && n >= 3 && piece.text.slice(first[0].length).split(/\s+/).every((w) => ORG_WORDS.has(w.toLowerCase()) || GENERIC_MODIFIERS.test(w));
    // ("Portuguese Cardiology Society", "Maltese Sporting Herald": a society or an outlet keeps its demonym.)
    const keepsDemonym = n >= 3 && DEMONYM_KEPT.has(piece.text.split(/\s+/).pop()!);
    // ("African Union Peace Support Office", "European Union Satellite Centre": the demonym and an organisation's word name a body that opens the name.)
    const opensWithBody = n >= 3 && ORG_WORDS.has(piece.text.split(/\s+/)[1]!.toLowerCase());
    // ("Peruvian Fisheries and Aquaculture Supervisory Agency", "Kenyan Coastal Fisheries Regulatory Authority": a national body's long name opens with its demonym.)
    const nationalBody = n >= 4 && ORG_WORDS.has(piece.text.split(/\s+/).pop()!.toLowerCase());
    if (first && DEMONYM.test(first[1]!) && isDemonym(first[1]!) && n >= 2 && !generic && !keepsDemonym && !opensWithBody && !nationalBody && !(n === 2 && typeFromWords(piece.text) && typeFromWords(piece.text.slice(first[0].length)) !== 'weapon')) {
      piece = { ...piece, text: piece.text.slice(first[0].length), start: piece.start + first[0].length };
    }
    // "Chipmaker Veltrix to cut jobs": a class noun capitalised only because it opens the line or sentence describes the name after it.
    const lead = /^(\S+)\s+/.exec(piece.text);
    if (lead && n >= 2 && starts.has(piece.start) && ORG_BEFORE.test(`${lead[1]!.toLowerCase()} `) && lead[1]!.toLowerCase() !== lead[1]) {
      piece = { ...piece, text: piece.text.slice(lead[0].length), start: piece.start + lead[0].length };
    }
    // "Coach Emeka Obi said …": a role noun capitalised only because it opens the sentence is not part of the name.
    // ("Trainer Lo Ka-ming, one of the oldest": a word the report also writes in lower case is such a noun.)
    if (lead && n >= 3 && starts.has(piece.start) && (ROLE_WORDS.has(lead[1]!.toLowerCase()) || /^\p{Lu}\p{Ll}+(?:ologist|ographer|ician|ist)$/u.test(lead[1]!) || (lowerUse(lead[1]!) && /(?:er|or|ist|ian|ant|ent|man|woman|ey|ee|ess)$/.test(lead[1]!) && !CONNECTORS.has(lead[1]!.toLowerCase()))) && !TITLES.includes(lead[1]!) && piece.text.slice(lead[0].length).split(/\s+/).every((w) => /^\p{Lu}\p{Ll}/u.test(w) && !ORG_WORDS.has(w.toLowerCase()))) {
      piece = { ...piece, text: piece.text.slice(lead[0].length), start: piece.start + lead[0].length };
    }
    // "Tisza Freight Kft.": the dot of a legal form is the name's, even where it also ends the sentence.
    if (DOTTED_LEGAL.has(`${piece.text.split(/\s+/).pop()!}.`) && piece.text.includes(' ') && text[piece.start + piece.text.length] === '.') piece = { ...piece, text: `${piece.text}.` };
    {
      let { start } = piece;
      let end = start + piece.text.length;
      // "United Nations Children's Fund", "United States Department of Justice": a known name opens a longer organisation's name.
      const opensLonger = (s: number, e: number) =>
        s === start && e < end && (text.slice(e, end).split(/\s+/).some((w) => ORG_WORDS.has(w.toLowerCase().replace(/[’']s$/, ''))) || typeFromWords(text.slice(e, end).trim()) === 'place') && taken.some(([ts, te]) => ts === s && te === e);
      // "Maritime and Port Authority of Mauritius": a known place closes a body's name after its organisation's word and "of".
      const closesBody = (s: number, e: number) => e === end && s > start && /\s+of\s+(?:the\s+)?$/.test(text.slice(start, s)) && ORG_WORDS.has(text.slice(start, s).replace(/\s+of\s+(?:the\s+)?$/, '').split(/\s+/).pop()!.toLowerCase()) && taken.some(([ts, te]) => ts === s && te === e);
      if (skip.some(([s, e]) => start < e && s < end && !opensLonger(s, e) && !closesBody(s, e))) continue;
      // "Ohio Gov. Mike DeWine", "State Sen. Karen Boyd": an abbreviated title closing a run (its dot ended the run) is no part of the name before it.
      const lastTok = piece.text.split(/\s+/).pop()!;
      if (text[end] === '.' && TITLES.includes(`${lastTok}.`)) {
        const rest = piece.text.slice(0, -lastTok.length).trim();
        if (!rest || rest.split(/\s+/).every((w) => STOP.has(w.toLowerCase()) || NOT_ALONE.has(w.toLowerCase()))) continue;
        piece = { ...piece, text: rest };
        end = start + rest.length;
      }
      // "The Finance Minister's office": a title alone names an office, no one.
      if (TITLES.includes(piece.text)) continue;
      // ("the Finance Minister's office", "the Finance Secretary": a portfolio and a title, no one's name.)
      // (After "the" or an owner's possessive only: "Ruth Judge said" is a person.)
      if (!piece.titled && /^\S+\s+\S+$/.test(piece.text) && TITLES.includes(piece.text.split(/\s+/).pop()!) && !/^\s+\p{Lu}/u.test(text.slice(end, end + 3)) && /(?:^|\s)(?:[Tt]he|\p{L}+['’]s)\s+$/u.test(text.slice(Math.max(0, start - 30), start))) continue;
      // "the film, “Rivers of Salt”": a work's title, the whole of a quotation.
      if (WORK_TITLE_BEFORE.test(text.slice(Math.max(0, start - 40), start)) && /^["”’]/.test(text.slice(end, end + 1))) continue;
      // "Form-12 result sheets": a document's code.
      if (!piece.text.includes(' ') && DOCUMENT_CODE.test(piece.text)) continue;
      // "a Soviet-era dam", "Kyrgyz-style": a demonym's compound is an adjective.
      if (!piece.text.includes(' ') && /^(\p{Lu}[\p{L}]+)-(?:era|style|type)$/u.test(piece.text)) continue;
      // "the Broad-Market Index", "the benchmark FTSE index": a market index is a figure, not a name.
      if (/\sIndex$/.test(piece.text) || /^\s+index\b/.test(text.slice(end, end + 8))) continue;
      // "the Sheskharis oil terminal", "the Belbek air base", "the Heishan No. 2 mine": a facility is named with its noun.
      const facility = FACILITY_AFTER.exec(text.slice(end, end + 80));
      const base = piece.text;
      const ownType = typeFromWords(piece.text);
      // Only "the X terminal": "a Shanxi coal mine", a headline's "wins Port Sudan terminal" name a place's mine or terminal, not a facility's name.
      const isFacility = facility !== null && (ownType === null || ownType === 'place') && !piece.titled && /\bthe\s+$/i.test(text.slice(Math.max(0, start - 5), start)) && !skip.some(([s, e]) => end < e && s < end + facility[0].length);
      if (isFacility) {
        piece = { ...piece, text: text.slice(start, end + facility[0].length) };
        end = start + piece.text.length;
      }
      const tokens = piece.text.split(/\s+/);
      const single = tokens.length === 1;
      const before = text.slice(Math.max(0, start - 40), start);
      const after = text.slice(end, end + 60);
      let type = isFacility ? 'place' : typeFromWords(piece.text);
      if (type === 'weapon' && single && NOT_WEAPON_CODE_BEFORE.test(before)) continue;
      let evidence = isFacility ? `a facility (“${base}”)` : type ? `its words mark ${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}` : '';
      // "Daniel Plant, the plant manager": two words that end like a facility, but an apposition names a person's role.
      if (type === 'place' && tokens.length === 2 && PERSON_APPOSITION.test(after)) {
        type = 'person';
        evidence = 'an apposition names their role';
      }
      // "WATANABE Kenji", "KOBAYASHI Emi": a family name in capitals (a word one can say, never used alone as an acronym), then a
      // given name, is a person, written family name first.
      if (!type && tokens.length === 2 && /^\p{Lu}{3,}$/u.test(tokens[0]!) && /[AEIOUY]/.test(tokens[0]!.slice(1)) && /^\p{Lu}\p{Ll}+$/u.test(tokens[1]!) && !tokens[1]!.endsWith('s') && !ORG_WORDS.has(tokens[1]!.toLowerCase()) && !PLACE_NAMES.has(tokens[1]!) && !PLACE_ACRONYMS.has(tokens[0]!) && !new RegExp(`(?<![\\p{L}\\d-])${tokens[0]}(?![\\p{L}\\d-])(?!\\s+\\p{Lu}\\p{Ll})`, 'u').test(text)) {
        type = 'person';
        evidence = 'a family name in capitals, then a given name';
      }
      // "Typhoon Haikui", "Hurricane Ada": a storm's name.
      if (!type && tokens.length >= 2 && (EVENT_TITLES.has(tokens[0]!) || EVENT_TITLES.has(tokens.slice(0, 2).join(' ')))) {
        type = 'event';
        evidence = 'a storm’s name';
      }
      // "Brandt & Kessel": names joined by an ampersand are a firm.
      if (!type && tokens.includes('&')) {
        type = 'organisation';
        evidence = 'an ampersand joins it, as a firm';
      }
      // "MV Ocean Star", "HMS Dauntless": a ship's prefix opens its name (typed a place, as after a ship's noun).
      if (!type && tokens.length >= 2 && tokens.length <= 4 && SHIP_PREFIXES.has(tokens[0]!)) {
        type = 'place';
        evidence = 'a ship’s prefix opens it';
      }
      // "PRESENTER (MARY ADEYEMI):", "SAMUEL OKORO:": a transcript's speaker, in capitals, is a person.
      // ("MULTAN: The district court …": the report's one label in capitals, near its top, is its dateline.)
      // (Not "WHAT WE KNOW:": the dateline's words are never the report's ordinary words.)
      const colonDateline = /^:/.test(after) && /(?:^|\n)[ \t]*$/.test(before) && speakerLabels <= 1 && start < top0(text) + 200 && !tokens.some((t) => lowerWords.has(t.toLowerCase()));
      if (colonDateline && tokens.every((t) => /^\p{Lu}[\p{Lu}'’-]+$/u.test(t))) {
        type = 'place';
        evidence = 'the dateline';
      }
      if (!type && tokens.length >= 2 && tokens.length <= 4 && tokens.every((t) => /^\p{Lu}[\p{Lu}'’-]+$/u.test(t)) && /^\)?:/.test(after) && /(?:^|\n)[ \t]*(?:\p{Lu}+[ \t]*\()?$/u.test(before)) {
        type = 'person';
        evidence = 'a transcript’s speaker label';
      }
      // "Cllr Aine Kehoe (Sinn Féin)": a name in brackets right after a person's name is their party or body.
      if (!type && /\p{Lu}[\p{L}'’-]+[ \t]*\($/u.test(before) && /^\)/.test(after) && !PLACE_NAMES.has(piece.text) && !/^\p{Lu}{2,}$/u.test(piece.text) && !(before.split(/[.!?]\s|\n/).pop() ?? '').split(/\s+/).slice(-6).some((w) => ORG_WORDS.has(w.toLowerCase()) || TYPE_WORDS.some(([, set]) => set.has(w.toLowerCase())))) {
        type = 'organisation';
        evidence = 'in brackets after a person’s name, their party';
      }
      // "NHS England", "BBC News": an acronym that opens a name makes it an organisation (not "US Senate"'s place acronym alone).
      if (!type && tokens.length >= 2 && /^\p{Lu}{2,5}$/u.test(tokens[0]!) && !PLACE_ACRONYMS.has(tokens[0]!)) {
        type = 'organisation';
        evidence = 'an acronym opens it';
      }
      // "Le Monde", "El País", "Die Zeit": a foreign article and one word name an outlet or a body, not a person.
      // ("near El Fasher, the capital of …" is a town.)
      if (!type && tokens.length === 2 && /^(?:Le|La|Les|El|Il|Lo|Die|Das|Los|Las|Het)$/.test(tokens[0]!) && !/\p{Lu}\p{Ll}+\s+$/u.test(before) && !PLACE_APPOSITION.test(after) && !/\b(?:near|outside|around|toward|towards)\s+$/.test(before) && !PLACE_OF_BEFORE.test(before)) {
        type = 'organisation';
        evidence = 'a foreign article opens it';
      }
      // "IndiGo", "PayPal": a capital inside a word (not "McCarthy", "DeSantis", "MacDonald") marks a brand.
      // ("builders in KwaNdebele-Highveld": a hyphenated name after a preposition of place is a place.)
      if (!type && tokens.some((t) => /^\p{Lu}\p{Ll}+\p{Lu}/u.test(t) && !/^(?:Mc|Mac|De|Le|La|Di|Du|Da|Van|Von|Fitz|O)\p{Lu}/u.test(t)) && !(tokens.some((t) => /^\p{Lu}[\p{L}]+-\p{Lu}/u.test(t)) && LOCATIVE_BEFORE.test(before))) {
        type = 'organisation';
        evidence = 'a capital inside a word marks a brand';
      }
      const acronym = DEFINED_ACRONYM.exec(after)?.[1];
      // "the All Progressives Congress (APC)": a word trimmed as noise is part of the name when the acronym says so.
      const dropped = acronym && !single ? /(\p{Lu}\p{L}*)\s+$/u.exec(before) : null;
      if (dropped && initials(piece.text) !== acronym && initials(`${dropped[1]} ${piece.text}`) === acronym) {
        piece = { ...piece, text: `${dropped[1]} ${piece.text}`, start: start - dropped[0].length };
        start = piece.start;
      }
      if (!type && PLACE_NAMES.has(piece.text)) {
        type = 'place';
        evidence = 'a country or state';
      } else if (!type && piece.hint === 'place') {
        type = 'place';
        evidence = 'a name is “of” it, as where it is from';
      } else if (!type && single && /^\p{Lu}{2,}$/u.test(piece.text) && /(?:^|\n)[ \t]*$/.test(before) && /^:/.test(after)) {
        type = 'person';
        evidence = 'a transcript’s speaker label';
      } else if (!type && !single && acronym) {
        type = 'organisation';
        evidence = `an acronym (${acronym}) is defined for it`;
      } else if (!type && single && STATE_POSSESSIONS.test(after)) {
        type = 'place';
        evidence = 'its government, army or capital is named';
      }
      // "North Kaliva CPS chief …", "the Kerala BJP": a body's acronym the report defines, after one to three words, is that
      // body's branch in a place: the words before it name the place.
      const branchOf = tokens.length >= 2 && tokens.length <= 4 && /^\p{Lu}{2,6}$/u.test(tokens[tokens.length - 1]!) && tokens.slice(0, -1).every((t) => /^\p{Lu}\p{Ll}/u.test(t) && !ORG_WORDS.has(t.toLowerCase())) ? tokens[tokens.length - 1]! : null;
      if (!type && branchOf && text.includes(`(${branchOf})`)) {
        const place = tokens.slice(0, -1).join(' ');
        if (piece.text.startsWith(place)) {
          out.push({ text: branchOf, start: start + piece.text.length - branchOf.length, end, type: 'organisation', evidence: 'an acronym the report defines' });
          piece = { ...piece, text: place };
          end = start + place.length;
          type = 'place';
          evidence = `where a branch of ${branchOf} is`;
        }
      }
      // "the Storting's foreign affairs committee", "the Knesset's members": a body whose committee or members are named.
      if (!type && single && /(?:^|\s)the\s+$/i.test(before) && /^['’]s\s+(?:[a-z-]+\s+){0,3}(?:committee|committees|board|members|speaker|chairman|chairwoman|leadership|secretariat|presidium)\b/.test(text.slice(end, end + 60))) {
        type = 'organisation';
        evidence = 'its committee or members are named';
      }
      // "Rovers host Millbrook Town on Saturday": a town's name that a team hosts, beats or plays is a club.
      if (!type && tokens.length >= 2 && tokens.length <= 3 && tokens[tokens.length - 1] === 'Town' && /\b(?:host|hosts|hosted|hosting|beat|beats|beaten|face|faces|faced|facing|play|plays|played|drew\s+with|draw\s+with|lost\s+to|lose\s+to|visit|visits)\s+$/.test(before)) {
        type = 'organisation';
        evidence = 'a team plays it, as a club';
      }
      // "the tanker Blue Marlin", "the bulk carrier Silver Heron": a ship, named after its noun, is where things happen aboard (a place).
      if (!type && tokens.length <= 4 && SHIP_BEFORE.test(before)) {
        type = 'place';
        evidence = 'a ship’s name after its noun';
      }
      if (!type && basedBody) {
        type = 'organisation';
        evidence = 'a place-qualifier describes it (“X-based”), as a body';
      }
      if (!type && single && /\b(?:its|their)\s+$/i.test(before) && POSSESSIVE_SITE_AFTER.test(after)) {
        type = 'place';
        evidence = 'where an owner’s site is (“its X headquarters”)';
      }
      const appositionName = !type && single ? ORG_NAME_APPOSITION.exec(after)?.[0].replace(/^,\s+the\s+/, '') : undefined;
      if (appositionName) {
        type = 'organisation';
        evidence = 'an apposition names it a body';
      }
      if (!type && FACILITY_KNOWN_AS_BEFORE.test(before)) {
        type = 'place';
        evidence = 'a facility’s noun, then “known as”';
      }
      const itsNoun = ITS_NOUN_BEFORE.exec(before)?.[1];
      if (!type && single && itsNoun && !itsNoun.split('-').some((w) => ROLE_WORDS.has(w) || ROLE_WORDS.has(w.replace(/s$/, ''))) && !FOLLOWERS.place.has(itsNoun) && /^,/.test(after)) {
        type = 'organisation';
        evidence = `an organisation’s ${itsNoun} (“its ${itsNoun}, X”)`;
      }
      if (!type) {
        const orgBy = ORG_BEFORE.test(before) || (ORG_ROLE_BEFORE.test(before) && !ROLE_BEFORE.test(before))
          ? 'a noun before it names an organisation'
          : single && !starts.has(start) && GROUP_MEMBER_OF_BEFORE.test(before) && !/^(?:\s+(?:family|household|clan)\b|['’]s\b)/.test(after)
            ? 'its fighters or members are named (“fighters of X”)'
          : single && (GROUP_APPOSITION.test(after) || GROUP_KNOWN_AS_BEFORE.test(before))
            ? 'an apposition names it an armed group or party'
          : /\b(?:calling|calls|called)\s+(?:itself|themselves)\s+$/.test(before)
            ? 'it calls itself so, as a group'
          : ORG_LIST_BEFORE.test(before) || ORG_LIST_ITEM_BEFORE.test(text.slice(Math.max(0, start - 160), start))
            ? 'it is listed after a plural of organisations'
            : ORG_APPOSITION.test(after)
              ? 'an apposition says it is an organisation'
              : SAYS_IT_AFTER.test(after) && !single && !piece.titled
                ? 'it speaks of itself as “it”'
                : ORG_AGENT_BEFORE.test(before) && !starts.has(start)
                  ? 'it acts as an organisation (“wanted by”, “played for”)'
                  : null;
        if (orgBy) {
          type = 'organisation';
          evidence = orgBy;
        } else if (PERSON_APPOSITION.test(after)) {
          type = 'person';
          evidence = 'an apposition names their role';
        } else if (PLACE_APPOSITION.test(after) || (tokens.filter((t) => !CONNECTORS.has(t)).length <= 3 && PLACE_OF_BEFORE.test(before) && !starts.has(start)) || (tokens.length <= 3 && COORDINATED_PLACE_BEFORE.test(before) && !starts.has(start))) {
          type = 'place';
          evidence = 'its context names a place';
        } else if (tokens.length >= 2 && ROLE_BEFORE.test(before)) {
          type = 'person';
          evidence = 'an apposition after a role names them';
        } else if (tokens.length >= 2 && tokens.length <= 5 && ROLE_RIGHT_BEFORE.test(before)) {
          type = 'person';
          evidence = 'a role noun names them';
        } else if (tokens.length >= 2 && tokens.length <= 5 && /^,\s+who\b/.test(after)) {
          type = 'person';
          evidence = '“who” follows the name';
        }
      }
      // "The Lisbon Documentary Film Festival has dropped a film": an event does not act; its organisers' body does.
      if (type === 'event' && !/\b(?:Games|Olympics|Summit|War|Talks|Election|Elections)$/.test(piece.text) && /^\s+(?:has|have|had)\s+(?!been\b)\p{Ll}+ed\b|^\s+(?:said|says|announced|denied|declined|confirmed)\b/u.test(after)) {
        type = 'organisation';
        evidence = 'it acts as an organisation';
      }
      // "a fellow at the Caspian Policy Forum": what employs or speaks as a body is an organisation, though its last word may name an event.
      if (type === 'event' && ORG_AGENT_BEFORE.test(before)) {
        type = 'organisation';
        evidence = 'it acts as an organisation (“fellow at”, “works for”)';
      }
      const title = piece.titled ?? TITLES.find((t) => before.endsWith(`${t} `));
      if (!type && title) {
        type = 'person';
        evidence = `after the title “${title}”`;
        // "President Aurelio Vantress of Maldoria": the person, then where they are from.
        const of = / of /.exec(piece.text);
        if (of) {
          const place = piece.text.slice(of.index + 4);
          out.push({ text: place, start: start + of.index + 4, end: start + of.index + 4 + place.length, type: 'place', evidence: `what the title “${title}” is of` });
          piece = { ...piece, text: piece.text.slice(0, of.index) };
          end = start + piece.text.length;
        }
      }
      // "COP33 climate summit", "WWDC24 conference": letters and an edition number before an event's noun name the event (not "G20 summit"'s group).
      const eventAfter = /^\s+(?:[a-z]+\s+)?([a-z]+)\b/.exec(after)?.[1];
      if (!type && single && /^\p{Lu}{2,}\d{1,4}$/u.test(piece.text) && eventAfter && FOLLOWERS.event.has(eventAfter)) {
        type = 'event';
        evidence = `an edition number, then “${eventAfter}”`;
      }
      // ("a Kisumu start-up": a hyphenated noun follows too.)
      const follower = /^\s+([a-z]+(?:-[a-z]+)?)(?![\w-])/.exec(after)?.[1];
      // "48 Wolf howitzers", "its T7 howitzer": one word before a weapon's noun names the weapon.
      if (!type && single && follower && WEAPON_WORDS.has(follower.replace(/s$/, ''))) {
        type = 'weapon';
        evidence = `followed by “${follower}”`;
      }
      // "the ASEAN summit": the acronym is the body that meets, the summit its event.
      if (!type && follower && /^\p{Lu}{2,6}$/u.test(piece.text) && FOLLOWERS.event.has(follower)) {
        type = 'organisation';
        evidence = `an acronym followed by “${follower}”`;
      }
      // "Yemeni rebels", "Afghan fighters", "Islamist militants": an adjective of a country or a creed before a group's
      // members names no group ("Houthi rebels", "Wagner fighters" do).
      const adjectiveOfMembers = single && GROUP_MEMBERS.has(follower ?? '') && (/ists?$/.test(piece.text) || countryAdjective(piece.text));
      if (!type && follower && !adjectiveOfMembers) {
        for (const t of ['place', 'organisation', 'event'] as const) {
          if (FOLLOWERS[t].has(follower)) {
            type = t;
            evidence = `followed by “${follower}”`;
            break;
          }
        }
        // "Ardmore councillors" beside "in Ardmore": a word the report puts after a preposition of place is a place.
        if (type === 'organisation' && single && new RegExp(`(?<!\\p{L})(?:in|at|near|from|outside)\\s+${esc(piece.text)}(?![\\p{L}\\d-])`, 'u').test(text)) {
          type = 'place';
          evidence = 'follows a preposition of place elsewhere';
        }
      }
      const role = new RegExp(`^,\\s+(?:a|an|the)\\s+(?:[\\w-]+\\s+){0,3}(?:${ROLE_NOUNS})\\b`, 'i').exec(after);
      if (!type && role) {
        type = 'person';
        evidence = 'an apposition names their role';
      }
      if (!type && /^\s+(?:said|says|told|added|wrote|argued|noted)\b/.test(after) && tokens.length >= 2) {
        type = endsInCountry(tokens) ? 'organisation' : 'person';
        evidence = type === 'person' ? 'speaks in the report' : 'a country’s name closes it, as a body’s';
      }
      // "… , Samsung said", "Lumen declined to comment", "Siemens, which …": one word that speaks, mid-sentence, and is no
      // one's surname (a person's short form merges into their full name later) is an organisation.
      // ("in Kashmir, which …", "officials in Kashmir said" name a place: the preposition says so; "at" may name a body.)
      // (A place never "did not respond to a request for comment": that holds at a sentence's start too.)
      if (!type && single && /^\p{Lu}\p{Ll}{2,}$/u.test(piece.text) && !lowerWords.has(piece.text.toLowerCase()) && ((!starts.has(start) && (/^\s+(?:said|says|announced|confirmed|declined|denied|did not respond|could not be reached)\b/.test(after) || /^,\s+which\b/.test(after)) && !/\b(?:in|near|into|across|outside|inside)\s+(?:the\s+)?$/.test(before)) || (/^\s+(?:did not (?:immediately )?respond|declined to comment|could not be reached|has not claimed)\b/.test(after) && !/\b(?:in|near|into|across|outside|inside)\s+(?:the\s+)?$/.test(before)))) {
        type = 'organisation';
        // ("Crowds at Kourouville said": after "at" the word may as well be the place the speakers are at.)
        evidence = /\bat\s+(?:the\s+)?$/.test(before) ? 'it speaks as a body, after “at”' : 'it speaks as a body';
      }
      if (single && NOT_ALONE.has(piece.text.toLowerCase())) continue;
      if (!type && !single && /^(?:North|South|East|West|Northern|Southern|Eastern|Western|Upper|Lower|New|Central)$/.test(tokens[0]!) && !DEMONYM.test(tokens[tokens.length - 1]!)) {
        type = 'place';
        evidence = 'a compass word begins it';
      }
      // (Not "Glencore and Congo signed a deal": parties to an agreement may be a company and a state.)
      const andPlace = AND_PLACE_BEFORE.test(before) ? after : AND_PLACE_AFTER.exec(after) ? after.slice(AND_PLACE_AFTER.exec(after)![0].length) : null;
      if (!type && single && !PLACE_NAMES.has(piece.text) && andPlace !== null && !/^\s+(?:have\s+|has\s+|had\s+)?(?:signed|agreed|reached|struck|announced|said|say|says|sealed|settled|formed|launched)\b/.test(andPlace) && !tokens.some((t) => ORG_WORDS.has(t.toLowerCase()))) {
        type = 'place';
        evidence = 'joined by “and” to a country';
      }
      if (!type && PLACE_ACRONYMS.has(piece.text)) {
        type = 'place';
        evidence = 'a country acronym';
      }
      if (!type && single && /(?:(?<!\p{L})(?:in|at|near|from|to|into|across|outside|inside)|(?:^|[.!?]\s+|\n\s*)(?:In|At|Near|From|Outside|Inside))\s+(?:the\s+)?$/u.test(before) && !/\baccording\s+to\s+$/i.test(before) && !/^[A-Z]{2,}$/.test(piece.text)) {
        type = 'place';
        evidence = 'follows a preposition of place';
      }
      // ("the Ghana Cocoa Board (COCOBOD)": a longer acronym the report defines in brackets.)
      if (!type && (/^[A-Z]{2,6}$/.test(piece.text) || (/^\p{Lu}{7,10}$/u.test(piece.text) && /\p{L}[ \t]*\($/u.test(before) && /^\)/.test(after)))) {
        type = 'organisation';
        evidence = 'an acronym';
      }
      // Two or three capitalised words none of which the report also uses as an ordinary word ("State Grid", "Social Credit").
      const core = tokens.filter((t, i) => !(i > 0 && i < tokens.length - 1 && CONNECTORS.has(t) && t === t.toLowerCase()));
      // "told Al Jazeera that": whom a speaker told, by a name that is no one's known name, is most often an outlet.
      if (!type && core.length >= 2 && core.length <= 3 && /\btold\s+$/.test(before) && /^\s+(?:that|in|on|last|this|,)/.test(after)) {
        type = 'organisation';
        evidence = 'a speaker told it, as an outlet';
      }
      if (!type && core.length >= 2 && core.length <= 3 && core.every((t) => /^\p{Lu}[\p{L}'’-]+$/u.test(t) && !lowerWords.has(t.toLowerCase()) && !(DEMONYM.test(t) && isDemonym(t)))) {
        // "outside the Campus de Justiça" is a place; otherwise two or three capitalised words are most often a person.
        // A person takes no article: "the Sahel Relief Programme declined to comment" is a body.
        // ("blocked Lakeshore Polymers from expanding its plant": what the clause then calls "its" is a body.)
        const itsAfter = /^\s+(?:\p{Ll}[\p{L}-]*\s+){0,3}its\b/u.test(after);
        type = LOCATIVE_BEFORE.test(before) ? 'place' : /(?:^|\s)[Tt]he\s+$/.test(before) || endsInCountry(core) || itsAfter ? 'organisation' : 'person';
        evidence = type === 'place' ? 'a capitalised name after a preposition of place' : type === 'organisation' ? (/(?:^|\s)[Tt]he\s+$/.test(before) ? 'a capitalised name after “the”' : itsAfter ? 'the clause calls it “its”' : 'a country’s name closes it, as a body’s') : 'a two- or three-word capitalised name';
      }
      // A dateline city ("LIMA, June 3 (…) -") is a place.
      if (single && /^\p{Lu}{3,}$/u.test(piece.text) && /(?:^|\n)\s*$/.test(before) && (/^(?:[ A-Z]*),\s+[A-Z][a-z]+\s+\d/.test(after) || CAPS_DATELINE_AFTER.test(after))) {
        type = 'place';
        evidence = 'the dateline';
      }
      // A dateline city of several words in capitals ("SAN JOSE, Calif. —", "NEW DELHI (Meridian Wire) —") is a place.
      if (tokens.length >= 2 && tokens.length <= 3 && /^[\p{Lu}][\p{Lu} .'’-]+$/u.test(piece.text) && /(?:^|\n)[ \t]*$/.test(before) && CAPS_DATELINE_AFTER.test(after)) {
        type = 'place';
        evidence = 'the dateline';
      }
      // A dateline in mixed case at a line's start ("Tel Aviv, 14 March 2026 (Harbour Wire) —", "Khartoum, Sudan, May 3 -"): the city is a place.
      if (tokens.length <= 3 && /(?:^|\n)[ \t]*$/.test(before) && DATELINE_AFTER.test(after)) {
        type = 'place';
        evidence = 'the dateline';
      }
      // "Election officials said": a type word opening a sentence before a lower-case noun is an ordinary word.
      if (single && starts.has(start) && evidence.startsWith('its words mark') && /^\s+\p{Ll}/u.test(after)) continue;
      // A follower noun is weak evidence at the start of a sentence ("Mining firm halts …").
      // (An acronym is never an ordinary word: "COCOBOD spokesman Fiifi Boafo …".)
      if (single && starts.has(start) && evidence.startsWith('followed by') && !/^\p{Lu}{2,}$/u.test(piece.text)) continue;
      // A single capitalised word at the start of a sentence is usually just the first word.
      if (single && starts.has(start) && (!type || evidence === 'an acronym') && !/^[A-Z]{2,}$/.test(piece.text)) continue;
      if (evidence === 'an acronym' && /(?:^|\n)\s*$/.test(before) && /^,/.test(after)) continue;
      // ("WHAT WE KNOW:": a label in capitals that the report also writes as an ordinary word.)
      if (evidence === 'an acronym' && /(?:^|\n)[ \t]*(?:\p{Lu}+[ \t]+)*$/u.test(before) && /^:/.test(after) && lowerWords.has(piece.text.toLowerCase())) continue;
      if (single && (DEMONYM.test(piece.text) || DEMONYMS.has(piece.text)) && !title) continue;
      if (!type) {
        // Kept aside: a single word used mid-sentence may prove a name by recurring (see findNames).
        if (single && !starts.has(start) && !lowerWords.has(piece.text.toLowerCase()) && !STOP.has(piece.text.toLowerCase()) && !DEMONYM.test(piece.text)) {
          untyped.push({ text: piece.text, start, end, type: null, evidence: PLACE_BEFORE.test(before) ? 'place' : '' });
        }
        continue;
      }
      if (single && piece.text.length < 3 && !/^[A-Z]{2}$|^[A-Z]\d$/.test(piece.text)) continue;
      // "the National Weather Institute (Inameh)": a short form in mixed case defined in brackets after an organisation's name.
      const short = type === 'organisation' && !single && !acronym ? /^[ \t]*\((\p{Lu}\p{Ll}[\p{L}\d]{1,10})\)/u.exec(after) : null;
      if (short) {
        const at = end + short[0].indexOf(short[1]!);
        out.push({ text: short[1]!, start: at, end: at + short[1]!.length, type, evidence: 'a short form defined in brackets' });
      }
      const defined = acronym ?? short?.[1];
      out.push({ text: piece.text, start, end, type, evidence, ...(defined && !single ? { acronym: defined } : {}), ...(appositionName ? { sameAs: appositionName } : {}) });
    }
  }
  return out;
}

const fold = (s: string) => s.replace(/\s+/g, ' ').toLowerCase();

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => !CONNECTORS.has(w.toLowerCase()))
    .map((w) => w[0])
    .join('')
    .toUpperCase();
}

/**
 * New names in `text`. `taken` are spans already linked to KB entities;
 * `ignore` are names never to propose (data/ignore-names.json).
 */
export function findNames(text: string, taken: readonly [number, number][] = [], ignore: ReadonlySet<string> = new Set()): FoundName[] {
  const untyped: Candidate[] = [];
  const found = candidates(text, taken, untyped).filter((c) => !ignore.has(fold(c.text)));
  // A single capitalised word the report uses at least twice mid-sentence, never in lower case, and at least once after a preposition of place: a place.
  const groups = new Map<string, Candidate[]>();
  for (const u of untyped) groups.set(u.text, [...(groups.get(u.text) ?? []), u]);
  for (const [word, group] of groups) {
    if (ignore.has(fold(word))) continue;
    const uses = text.match(new RegExp(`(?<![\\p{L}\\d-])${esc(word)}(?![\\p{L}\\d-])`, 'gu'))?.length ?? 0;
    if (group.length < 2) {
      // Once mid-sentence, and again opening a sentence as the one who denies or says ("Hamas denied the report."): a body.
      if (uses >= 2 && new RegExp(`(?:^|[.!?]\\s+|\\n)${esc(word)}\\s+(?:denied|denies|rejected|rejects|said|says)\\b`, 'u').test(text)) {
        found.push({ ...group[0]!, type: 'organisation', evidence: 'recurs, and denies or says as a body' });
      }
      continue;
    }
    if (group.some((g) => g.evidence === 'place')) {
      for (const g of group) found.push({ ...g, type: 'place', evidence: 'recurs mid-sentence, after prepositions of place' });
      continue;
    }
    // … and one that, somewhere in the report, denies, rejects or says as the verb's subject: a body (an armed group, a party).
    if (new RegExp(`(?<![\\p{L}\\d-])${esc(word)}\\s+${BODY_VERBS}`, 'u').test(text)) {
      for (const g of group) found.push({ ...g, type: 'organisation', evidence: 'recurs mid-sentence and speaks or denies as a body' });
    }
  }
  // An acronym defined in parentheses is that name's short form, whatever its letters.
  const definedAs = new Map<string, string>();
  for (const c of found) if (c.acronym && !definedAs.has(c.acronym)) definedAs.set(c.acronym, fold(c.text));
  const byName = new Map<string, FoundName>();
  // Longest first, so short forms can attach to a full name seen anywhere in the report.
  const order = [...found].sort((a, b) => b.text.split(/\s+/).length - a.text.split(/\s+/).length || b.text.length - a.text.length || a.start - b.start);
  for (const c of order) {
    const parts = c.text.split(/\s+/);
    const full = [...byName.values()].find(
      (n) =>
        n.aliases.some((a) => fold(a) === fold(c.text)) ||
        (n.type === 'person' && parts.length === 1 && c.text.length >= 2 && n.name.split(/\s+/).some((p) => p === c.text || (p.length > 2 && p === p.toUpperCase() && p === c.text.toUpperCase()))) ||
        (/^[A-Z]{2,6}$/.test(c.text) && n.name.split(/\s+/).length >= 2 && initials(n.name) === c.text) ||
        (definedAs.get(c.text) !== undefined && n.aliases.some((a) => fold(a) === definedAs.get(c.text))) ||
        // A transcript's "LEE:" is Lee Soo-jin.
        (c.evidence === 'a transcript’s speaker label' && n.type === 'person' && n.name.split(/\s+/).some((p) => p.toUpperCase() === c.text)) ||
        // "Castañeda Villanueva" for "Jorge Luis Castañeda Villanueva"; "Helios Nederland" for "Helios Nederland B.V.".
        (n.type === 'person' && c.type === 'person' && parts.length >= 2 && n.name.toLowerCase().endsWith(` ${c.text.toLowerCase()}`)) ||
        // ("Cork Harbour" beside "Cork Harbour Company": a place the company is named after is the place.)
        (n.type === 'organisation' && legalShort(n.name) !== n.name && legalShort(n.name) === c.text && typeFromWords(c.text) !== 'place') ||
        // "the Sheskharis terminal" for "the Sheskharis oil terminal": the same facility by its own name.
        (c.evidence.startsWith('a facility') && n.evidence === c.evidence),
    );
    if (full) {
      // The weakest guesses (two or three capitalised words: a person; a word after "from": a place) give way to any context that says otherwise.
      // (A word after "to" or "at" is a place only until an apposition or the report's use says it is a body: "to Komnas" beside "Komnas, the national rights agency".)
      const weak = full.evidence === 'a two- or three-word capitalised name' || (full.evidence === 'follows a preposition of place' && c.type === 'organisation' && !WEAK_EVIDENCE.has(c.evidence));
      if (full.name === c.text && weak && c.evidence !== full.evidence) {
        full.type = c.type!;
        full.evidence = c.evidence;
      }
      if (!full.aliases.includes(c.text)) full.aliases.push(c.text);
      full.spans.push([c.start, c.end]);
      continue;
    }
    byName.set(c.text, { name: c.text, type: c.type!, aliases: [c.text], spans: [[c.start, c.end]], evidence: c.evidence });
  }
  // "Gavi, the Vaccine Alliance": the name in apposition is the same body's other name.
  for (const c of found.filter((x) => x.sameAs)) {
    const n = byName.get(c.text);
    const other = byName.get(c.sameAs!);
    if (!n || !other || other === n) continue;
    for (const a of other.aliases) if (!n.aliases.includes(a)) n.aliases.push(a);
    n.spans.push(...other.spans);
    byName.delete(c.sameAs!);
  }
  // A lone single word guessed from weak evidence, used once, is more often a stray capital than a name.
  const names = [...byName.values()].filter((n) => n.spans.length > 1 || n.name.includes(' ') || n.evidence !== 'follows a preposition of place' || n.type === 'place');
  // An organisation named without its legal suffix ("Andes Copper" for "Andes Copper Corp").
  for (const n of names.filter((x) => x.type === 'organisation')) {
    const short = legalShort(n.name);
    if (short === n.name || !short.includes(' ') || typeFromWords(short) === 'place') continue;
    const re = new RegExp(`(?<![\\p{L}\\d-])${short.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\d-])`, 'gu');
    for (const m of text.matchAll(re)) {
      if (n.spans.some(([s, e]) => m.index >= s && m.index < e) || taken.some(([s, e]) => m.index >= s && m.index < e)) continue;
      if (!n.aliases.includes(short)) n.aliases.push(short);
      n.spans.push([m.index, m.index + short.length]);
    }
  }
  // "FK Sloga" beside "FK Mladost": a name that opens with the same word as an organisation's is one too.
  const starts = sentenceStarts(text);
  for (const n of [...names]) {
    if (n.evidence !== 'a two- or three-word capitalised name' && n.evidence !== 'speaks in the report') continue;
    const first = n.name.split(/\s+/)[0]!;
    // "Marmara Liman" beside "Marmara Liman Hizmetleri": the organisation's name cut short is the same organisation (unless the report
    // calls the longer one by its acronym: then it is a unit of the shorter).
    // ("Pedra Alta" beside "Pedra Alta Hydroelectric Plant": a facility named without its suffix.)
    const longer = names.find((o) => o !== n && (o.type === 'organisation' || (o.type === 'place' && typeFromWords(o.name) === 'place')) && o.name.startsWith(`${n.name} `) && !o.aliases.some((a) => /^\p{Lu}{2,6}$/u.test(a)));
    if (longer) {
      longer.spans.push(...n.spans);
      if (!longer.aliases.includes(n.name)) longer.aliases.push(n.name);
      names.splice(names.indexOf(n), 1);
      continue;
    }
    if (n.evidence === 'a two- or three-word capitalised name' && names.some((o) => o !== n && o.type === 'organisation' && o.name.split(/\s+/)[0] === first && o.name.includes(' '))) {
      n.type = 'organisation';
      n.evidence = 'it opens like an organisation’s name in the report';
    }
  }
  // An organisation's first word alone ("Kestrel" for "Kestrel Motors"), where the report uses it so.
  for (const n of names.filter((x) => x.type === 'organisation' && x.name.includes(' '))) {
    const first = n.name.split(/\s+/)[0]!;
    const lower = first.toLowerCase();
    // ("The Galway Sentinel": an outlet is most often named after its city; "Galway" alone is the city.)
    if (OUTLET_WORDS.has(n.name.split(/\s+/).pop()!) && n.name.split(/\s+/).length <= 3) continue;
    // ("Election" for "Election Commission of Narnia": a type word alone is an ordinary noun.)
    if (TYPE_WORDS.some(([, set]) => set.has(first.toLowerCase()))) continue;
    if (first.length < 4 || PLACE_NAMES.has(first) || STOP.has(lower) || CONNECTORS.has(lower) || NOT_ALONE.has(lower) || DEMONYM.test(first) || PLACE_FIRST.has(first) || /^(?:North|South|East|West|New|United|National|International|Independent|Central|General|State|Public|Royal|Federal)$/.test(first)) continue;
    // The first word found on its own as an organisation ("Chipmaker Veltrix …" beside "Veltrix Semiconductor"): the same body, unless another name opens with it too.
    // ("anyone from Veltrix" beside "Veltrix Semiconductor": a word after "from" is the company, not a place.)
    const alone = names.filter((o) => o !== n && o.name === first && (o.type === 'organisation' || (o.evidence === 'follows a preposition of place' && o.spans.length === 1 && !/(?<!\p{L})(?:in|at|near|outside)\s+(?:the\s+)?$/u.test(text.slice(Math.max(0, o.spans[0]![0] - 12), o.spans[0]![0])))));
    // "Kestrel" beside "Kestrel Port Terminals (KPT)": a body the report calls by its own acronym is not the one its first word names alone (a parent and its unit).
    const ownAcronym = n.aliases.some((a) => /^\p{Lu}{2,6}$/u.test(a) && capInitials(n.name) === a);
    if (ownAcronym) {
      const re = new RegExp(`(?<![\\p{L}\\d-])${esc(first)}(?![\\p{L}\\d-])(?!\\s+\\p{Lu})`, 'gu');
      // ("Exporters have complained …" beside "Exporters Council of Ghana (ECG)": a plural noun opening a sentence before a plural verb is an ordinary word.)
      const plural = (s: number) => starts.has(s) && /s$/.test(first) && /^\s+(?:have|are|were|say|do|fear|want|complain(?:ed)?)\b/.test(text.slice(s + first.length, s + first.length + 12));
      const spans = [...text.matchAll(re)].map((m): [number, number] => [m.index, m.index + first.length]).filter(([s]) => !n.spans.some(([a, b]) => s >= a && s < b) && !taken.some(([a, b]) => s >= a && s < b) && !plural(s));
      if (spans.length && !alone.length && !names.some((o) => o !== n && o.name.split(/\s+/)[0] === first)) {
        names.push({ name: first, type: 'organisation', aliases: [first], spans, evidence: `the first word of “${n.name}”, which the report calls by its acronym, names another body` });
      }
      continue;
    }
    if (alone.length && !names.some((o) => o !== n && !alone.includes(o) && o.name.split(/\s+/)[0] === first)) {
      for (const o of alone) {
        n.spans.push(...o.spans);
        names.splice(names.indexOf(o), 1);
      }
      if (!n.aliases.includes(first)) n.aliases.push(first);
    }
    if (names.some((o) => o !== n && o.name.split(/\s+/)[0] === first)) continue;
    const re = new RegExp(`(?<![\\p{L}\\d-])${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\d-])(?!\\s+\\p{Lu})`, 'gu');
    for (const m of text.matchAll(re)) {
      if (n.spans.some(([s, e]) => m.index >= s && m.index < e) || taken.some(([s, e]) => m.index >= s && m.index < e)) continue;
      // "with a Philippine supply boat": between lower-case words the word describes; it names no one.
      if (/\p{Ll}[\p{L}'’-]*\s+$/u.test(text.slice(Math.max(0, m.index - 20), m.index)) && /^\s+\p{Ll}/u.test(text.slice(m.index + first.length, m.index + first.length + 3))) continue;
      // "Department for Environment": the word inside another name is not this organisation.
      if (/\p{Lu}[\p{L}'’-]*\s+(?:for|of|and|de|del)\s+$/u.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
      // "Lembaga Survei Harapan" beside "Harapan Daily": the word at the end of another capitalised name is not this one.
      if (/\p{Lu}[\p{L}'’-]*[ \t]+$/u.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
      // "floods in Cork" beside "the Cork Harbour Company": after a preposition of place the word is the place.
      if (/(?<!\p{L})(?:in|at|near|outside)\s+$/u.test(text.slice(Math.max(0, m.index - 10), m.index))) continue;
      if (!n.aliases.includes(first)) n.aliases.push(first);
      n.spans.push([m.index, m.index + first.length]);
    }
  }
  // "the Herald" for "Western Herald", "the Commission" for "Coastal Water Regulatory Commission": an organisation's last word alone,
  // where only one organisation of the report ends in it.
  for (const n of [...names]) {
    if (n.type !== 'organisation' || n.name.includes(' ') || !ORG_WORDS.has(n.name.toLowerCase())) continue;
    const owners = names.filter((o) => o !== n && o.type === 'organisation' && o.name.endsWith(` ${n.name}`));
    if (owners.length !== 1) continue;
    owners[0]!.spans.push(...n.spans);
    if (!owners[0]!.aliases.includes(n.name)) owners[0]!.aliases.push(n.name);
    names.splice(names.indexOf(n), 1);
  }
  // Short forms of a person's name ("Putin", "Xi") wherever the report uses them alone, unless two names share the part.
  const persons = names.filter((n) => n.type === 'person' && n.name.includes(' '));
  for (const n of persons) {
    for (const part of n.name.split(/\s+/)) {
      const lower = part.toLowerCase();
      if (part.length < 2 || CONNECTORS.has(lower) || STOP.has(lower) || NOT_ALONE.has(lower) || n.aliases.includes(part)) continue;
      if (persons.some((o) => o !== n && o.name.split(/\s+/).includes(part))) continue;
      if (names.some((o) => o.name === part)) continue;
      const re = new RegExp(`(?<![\\p{L}\\d-])${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\d-])`, 'gu');
      for (const m of text.matchAll(re)) {
        if (n.spans.some(([s, e]) => m.index >= s && m.index < e) || taken.some(([s, e]) => m.index >= s && m.index < e)) continue;
        if (!n.aliases.includes(part)) n.aliases.push(part);
        n.spans.push([m.index, m.index + part.length]);
      }
    }
  }
  // A facility's own name alone ("Sheskharis" for "the Sheskharis oil terminal"), where the report uses it so.
  for (const n of names) {
    const base = /^a facility \(“(.+)”\)$/.exec(n.evidence)?.[1];
    // "Loma Verde" beside "the Loma Verde copper mine": the place the facility is named after, found on its own, is one name with it.
    const own = base ? names.find((o) => o !== n && o.name === base) : undefined;
    if (own && own.type === n.type) {
      for (const a of n.aliases) if (!own.aliases.includes(a)) own.aliases.push(a);
      own.spans.push(...n.spans);
      n.spans = [];
      continue;
    }
    if (!base || own) continue;
    // Its own name is a short form ("Charrúa" for "the Charrúa substation"), whether or not the report uses it alone.
    if (!n.aliases.includes(base)) n.aliases.push(base);
    const re = new RegExp(`(?<![\\p{L}\\d-])${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\d-])`, 'gu');
    for (const m of text.matchAll(re)) {
      if (n.spans.some(([s, e]) => m.index >= s && m.index < e) || taken.some(([s, e]) => m.index >= s && m.index < e)) continue;
      if (!n.aliases.includes(base)) n.aliases.push(base);
      n.spans.push([m.index, m.index + base.length]);
    }
  }
  // "SURABAYA, Dec 6 —" then "an ally of Surabaya": the dateline's city in capitals is the same place written in title case.
  for (const n of names.filter((x) => x.type === 'place' && x.evidence === 'the dateline' && /^\p{Lu}[\p{Lu} '’-]+$/u.test(x.name))) {
    const title = n.name.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, p: string, c: string) => p + c.toUpperCase());
    if (title === n.name || names.some((o) => o !== n && o.name === title)) continue;
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\d-])${esc(title)}(?![\\p{L}\\d-])`, 'gu'))) {
      const end = m.index + title.length;
      // ("Surabaya Bay", "Port of Surabaya Authority": inside a longer capitalised name it is that name's.)
      if (/^[ \t]+\p{Lu}/u.test(text.slice(end, end + 3)) || /\p{Lu}[\p{L}'’-]*[ \t]+$/u.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
      if (n.spans.some(([s, e]) => m.index >= s && m.index < e) || taken.some(([s, e]) => m.index >= s && m.index < e)) continue;
      if (!n.aliases.includes(title)) n.aliases.push(title);
      n.spans.push([m.index, end]);
    }
  }
  for (const n of names) n.spans.sort((a, b) => a[0] - b[0]);
  return names.filter((n) => n.spans.length > 0).sort((a, b) => a.spans[0]![0] - b.spans[0]![0]);
}
