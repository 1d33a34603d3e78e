// Who a sentence attributes its claim to, and in what role; and the hedge
// words that express doubt about it. Rule-based and deliberately conservative:
// when no attribution cue is found, the claim is the report's own voice (role
// 'reporter'), which is itself information a reader needs.
//
// The rules, in order:
//   1. "according to X" (and "X, according to Y": Y reported what X said),
//      "as reported by X", "reports emerged";
//   2. a subject before a speech verb outside quotation marks ("Blinken said",
//      "European officials confirmed", "It has insisted");
//   3. an inverted speech tag after a quotation ("…,’ said Li Mingjiang");
//   4. a participle tag ("…, saying …") that gives the speech to the subject
//      of the main clause;
//   5. a passive "hailed by analysts".
// Pronouns ("he told reporters") and "the magazine" are resolved from the
// sentences before (see AttributionContext).
import type { Attribution, ClaimantRole } from './document';
import { PARTIES, PARTY_WORDS, partyOf } from './parties';
import type { EntityType } from './schema';
import { PHRASES, alternation } from './caveats/phrases';

export interface MentionInSentence {
  start: number; // offset within the sentence
  end: number;
  entity: string;
  type: EntityType;
}

/** What earlier sentences of the same report tell us (the build keeps it up to date, see `nextContext`). */
export interface AttributionContext {
  /** The person the last sentences were about (the subject or speaker), for "he"/"she". */
  person: { name: string; entity: string } | null;
  /** The organisation or country the last sentences were about, for "it". */
  thing: { name: string; entity: string; type: EntityType } | null;
  /** The last news outlet named, for "the magazine", "the paper". */
  outlet: { name: string; entity: string } | null;
  /** The last company named, for "the company", "the firm". */
  company: { name: string; entity: string } | null;
  /** Outlets the report says cite no sources ("Der Spiegel did not cite specific sources"). */
  outletsWithoutSources: ReadonlySet<string>;
  /** Role of an entity as a claimant, when the caller knows it (see `entityRoles`). */
  roleOf?: (entityId: string) => ClaimantRole | null;
  /** Type of an entity, when the caller knows it. */
  typeOf?: (entityId: string) => EntityType | null;
}

export function emptyContext(): AttributionContext {
  return { person: null, thing: null, outlet: null, company: null, outletsWithoutSources: new Set() };
}

// Lowercase only: "States" in "the United States" is not the verb "states".
const SPEECH_VERBS = [
  'said', 'says', 'say', 'stated', 'states', 'state', 'told', 'tells', 'added', 'adds', 'noted', 'notes', 'reported', 'reports',
  'revealed', 'reveals', 'warned', 'warns', 'confirmed', 'confirms', 'denied', 'denies', 'claimed', 'claims', 'insisted', 'insists',
  'argued', 'argues', 'announced', 'urged', 'emphasized', 'emphasised', 'expressed', 'described', 'characterized', 'characterised',
  'accused', 'wrote', 'believe', 'believes', 'estimated', 'estimates', 'acknowledged', 'admitted', 'alleged',
  'declared', 'declares',
];
const CALLED = 'called(?= (?:the|it|them|this|that|for|on)\\b)';
// Forms that are also nouns ("state media", "news reports") count only before "that".
const NOUN_LIKE = new Set(['state', 'states', 'reports', 'notes', 'claims', 'estimates']);
// … and not after a verb or a determiner that makes them nouns ("rejected claims that", "the reports that").
const NOUN_CONTEXT = '(?<!\\b(?:the|these|those|such|any|all|of|rejected|rejects|denied|denies|dismissed|dismisses|disputed|disputes|refuted|refutes)\\s)';
const VERBS = SPEECH_VERBS.map((v) => (NOUN_LIKE.has(v) ? `${NOUN_CONTEXT}${v}(?= that\\b)` : v)).join('|');
const VERB_RE = new RegExp(`(?<![\\w-])(?:(?:has|have|had|would|also|repeatedly|later|earlier|previously)\\s+)*(?:${VERBS}|${CALLED})(?![\\w-])`, 'g');
const PARTICIPLE_RE = /,\s+(saying|adding|noting|insisting|arguing|warning|stressing|describing|calling)\b/;
const PASSIVE_BEFORE = /\b(?:was|were|been|be|being|is|are)\s+$/;

const OUTLET_WORDS = /\b(?:magazine|paper|newspaper|outlet|agency|broadcaster|network|daily|weekly)\b/i;
const OUTLET_DESCRIPTION = /\b(?:news|magazine|newspaper|agency|broadcaster|network)\b/i;
const ANONYMOUS = /\b(?:anonymity|anonymous|unnamed|unidentified|with knowledge of|familiar with|who requested|who asked not to be|not authori[sz]ed|insiders?|sources?)\b/i;
const GROUP_OFFICIALS = /\b(?:officials|diplomats|representatives|authorities|sources)\b/i;
const INDEFINITE_OFFICIAL = /^(?:an?|one|another)\s+(?:\w+\s+){0,2}(?:representative|official|spokes(?:person|man|woman)|source|diplomat|insider|aide|person|executive|manager|employee|staffer)\b/i;
const ON_RECORD_SPOKES = /^(?:an?|one)\s+(?:[\w-]+\s+)?spokes(?:person|man|woman)\s+(?:for|of|at)\s+\S/i;
const MEDIA_GENERIC = /\b(?:media|press|reports?)\b/i;
const ANALYST = /\b(?:professor|analysts?|experts?|researchers?|scholars?|observers?|think[- ]tank)\b/i;
const COMPANY = /\b(?:company|manufacturer|maker|firm|limited|ltd|inc|corporation|technology|group|founder)\b/i;
const OFFICIAL_WORDS = /\b(?:officials?|ministry|spokes(?:person|man|woman)|minister|ambassador|president|secretary|government|military|army|embassy|authorities|intelligence|envoy|representative|chair)\b/i;
// A party's seat of power ("the Kremlin", "the White House") speaks as an official.
const SEATS = new RegExp(`\\b(?:${PARTIES.flatMap((p) => p.seats).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|') || '(?!)'})\\b`, 'i');
const OFFICIAL = { test: (s: string) => OFFICIAL_WORDS.test(s) || SEATS.test(s) };
// Names of the parties to the conflict, from data/parties.json.
const PARTY = new RegExp(`(?<![\\w.])(?:${PARTY_WORDS})(?![\\w])`);

/** Claimant roles of the gazetteer's entities, from their type and description. */
export function entityRoles(entities: readonly { id: string; type: EntityType; description: string }[]): Map<string, ClaimantRole> {
  const roles = new Map<string, ClaimantRole>();
  for (const e of entities) {
    // The first clause says what the entity is; "ambassador to China" does not make one Chinese.
    const d = e.description.split(/[;,]/)[0]!.replace(/\b(?:to|in|with|from)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*/g, '');
    let role: ClaimantRole | null = null;
    if (partyOf(e.id)) role = 'party-official';
    else if (e.type === 'organisation' && OUTLET_DESCRIPTION.test(d) && !/\bplatform\b/i.test(d)) role = 'outlet';
    else if (e.type === 'person' && ANALYST.test(d)) role = 'analyst';
    else if (e.type === 'person' && /\bfounder\b/i.test(d)) role = 'company';
    else if (e.type === 'person' && PARTY.test(d) && OFFICIAL.test(d)) role = 'party-official';
    else if (e.type === 'person') role = 'official';
    else if (e.type === 'organisation' && /\b(?:maker|company|operator|platform|group|firm)\b/i.test(d)) role = 'company';
    if (role) roles.set(e.id, role);
  }
  return roles;
}

function roleFor(claimant: string, entity: MentionInSentence | null, ctx: AttributionContext): ClaimantRole {
  const known = entity ? ctx.roleOf?.(entity.entity) ?? null : null;
  // "A spokesperson for the Department of Transport": speaking for a named principal is on the record.
  if (ANONYMOUS.test(claimant) || (INDEFINITE_OFFICIAL.test(claimant) && !ON_RECORD_SPOKES.test(claimant))) {
    return /\b(?:officials?|representatives?|diplomats?|spokes\w+|aides?|authorities|executives?|managers?|employees?|staffers?)\b/i.test(claimant) ? 'anonymous-officials' : 'outlet-unnamed-sources';
  }
  if (entity && (known === 'outlet' || OUTLET_WORDS.test(claimant))) {
    return ctx.outletsWithoutSources.has(entity.entity) ? 'outlet-unnamed-sources' : 'outlet';
  }
  if (!entity && MEDIA_GENERIC.test(claimant)) return 'media-reports';
  if (ANALYST.test(claimant) && (!entity || entity.type !== 'place')) return 'analyst';
  // "European officials", "Western officials": a group nobody is named in.
  if (entity?.type !== 'person' && GROUP_OFFICIALS.test(claimant) && !PARTY.test(claimant.replace(/\b(?:European|Western)\b/g, ''))) {
    return 'anonymous-officials';
  }
  if (known) return known;
  if (PARTY.test(claimant) && (OFFICIAL.test(claimant) || entity?.type === 'place')) return 'party-official';
  if (COMPANY.test(claimant)) return 'company';
  return 'official';
}

function tidy(phrase: string): string {
  return phrase
    .replace(/^[\s,;:‘’'“”"(]+|[\s,;:‘’'“”")]+$/g, '')
    .replace(/^(?:and|but|however|meanwhile|earlier|also|while|though|although|so|then)\s+/i, '')
    .replace(/\s+(?:also|repeatedly|later|earlier|previously|has|have|had|would)$/i, '')
    .trim();
}

const PRONOUN = /^(?:he|she|they|it|we|i)$/i;

/**
 * Quoted spans: “…”, "…", and ‘…’ where the closing ’ is followed by a
 * non-letter. A quotation the report forgets to close ends at the speech tag
 * (", he said") or at the next opening quotation mark.
 */
function quoted(sentence: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const re of [/“[^”“]*”?/g, /"[^"]*"/g, /‘(?:[^’‘]|’(?=\p{L}))*’?/gu]) {
    for (const m of sentence.matchAll(re)) {
      let end = m.index + m[0].length;
      if (!/[”"’]$/.test(m[0])) {
        const tag = /,\s+(?:he|she|they|we|[A-Z][\w-]+(?:\s+[A-Z][\w-]+)*)\s+(?:said|says|added|told|noted|wrote)\b/.exec(m[0]);
        if (tag) end = m.index + tag.index + 1;
      }
      spans.push([m.index, end]);
    }
  }
  return spans;
}
const within = (spans: readonly [number, number][], at: number) => spans.some(([s, e]) => at > s && at < e);

/** Start of the clause that ends at `end`: after the last comma, semicolon, colon, quote mark or subordinator. */
function clauseStart(sentence: string, end: number): number {
  const before = sentence.slice(0, end);
  let start = 0;
  for (const m of before.matchAll(/[,;:‘’“”"(]|\b(?:that|while|and|but|though|although|because|as|whereas)\s/g)) {
    // An apostrophe inside a word ("China’s") is not a boundary.
    if ((m[0] === '’' || m[0] === '‘') && /\p{L}/u.test(before[m.index - 1] ?? '') && /\p{L}/u.test(before[m.index + 1] ?? '')) continue;
    start = m.index + m[0].length;
  }
  return start;
}

/**
 * The head entity of a claimant phrase: a person named in it; else the owner
 * in a possessive ("China’s ambassador to Russia" → China); else the last
 * mention not inside a prepositional phrase ("a representative from the
 * Ukrainian embassy in China" names no head).
 */
function headMention(sentence: string, mentions: readonly MentionInSentence[], start: number, end: number): MentionInSentence | null {
  const inPhrase = mentions.filter((m) => m.start >= start && m.end <= end);
  const person = [...inPhrase].reverse().find((m) => m.type === 'person');
  if (person) return person;
  const owner = inPhrase.find((m) => /^['’]s?\b/.test(sentence.slice(m.end)));
  if (owner) return owner;
  // "A spokesman for Al Bahar Logistics", "a lawyer for X", "the chief executive of X": the body they speak for.
  const speaksFor = inPhrase.find((m) => SPEAKS_FOR_BEFORE.test(sentence.slice(start, m.start)));
  if (speaksFor) return speaksFor;
  const free = inPhrase.filter((m) => !/\b(?:to|in|at|from|of|with|on|for|by|about)\s+(?:the\s+|its\s+|their\s+)?$/i.test(sentence.slice(start, m.start)));
  return free[free.length - 1] ?? null;
}

const SPEAKS_FOR_BEFORE = /^\s*(?:an?|the|its|one)\s+(?:[\w-]+\s+)?(?:spokes(?:man|woman|person)|representative|lawyer|attorney|chief executive|executive|director|chairman|chairwoman|head|official)\s+(?:for|of|at)\s+(?:the\s+)?$/i;

/** The attribution of one sentence. `publisher` names the report's own voice. */
export function attributeSentence(
  sentence: string,
  mentions: readonly MentionInSentence[],
  publisher: string,
  ctx: AttributionContext = emptyContext(),
): Attribution {
  const quotes = quoted(sentence);
  const reporter: Attribution = { claimant: publisher, entity: null, role: 'reporter', cue: '', via: null };

  const make = (raw0: string, at0: number, cue: string, via: string | null = null): Attribution | null => {
    // A dateline ("DETROIT - ", "LISBON, May 12 (Reuters) - ") is where the report was filed, not part of the speaker.
    const dateline = /^\s*\p{Lu}[\p{Lu} .'’-]{2,40}(?:,[^\n–—-]{0,40})?\s+[-–—]\s+/u.exec(raw0)?.[0].length ?? 0;
    const raw = raw0.slice(dateline);
    const at = at0 + dateline;
    const claimant = tidy(raw);
    if (claimant === '' || claimant.split(/\s+/).length > 14) return null;
    const offset = at + raw.indexOf(claimant);
    if (PRONOUN.test(claimant)) {
      const inner = mentions.find((m) => m.type === 'person' && m.end <= offset && !within(quotes, m.start));
      type Who = { name: string; entity: string; type: EntityType };
      const person: Who | null = inner
        ? { name: sentence.slice(inner.start, inner.end), entity: inner.entity, type: 'person' }
        : ctx.person
          ? { ...ctx.person, type: 'person' }
          : null;
      const who: Who | null = /^(?:he|she)$/i.test(claimant) ? person : /^it$/i.test(claimant) ? ctx.thing : null;
      if (who) {
        const pseudo: MentionInSentence = { start: 0, end: 0, entity: who.entity, type: who.type };
        return { claimant: who.name, entity: who.entity, role: roleFor(who.name, pseudo, ctx), cue: cue.trim(), via };
      }
      return { claimant, entity: null, role: 'official', cue: cue.trim(), via };
    }
    // "The magazine also said": the outlet named before.
    if (/^the (?:magazine|paper|newspaper|agency|broadcaster)$/i.test(claimant) && ctx.outlet) {
      const pseudo: MentionInSentence = { start: 0, end: 0, entity: ctx.outlet.entity, type: 'organisation' };
      return { claimant: ctx.outlet.name, entity: ctx.outlet.entity, role: roleFor(ctx.outlet.name, pseudo, ctx), cue: cue.trim(), via };
    }
    // "The company says": the company named before (earlier in this sentence, else in the ones before).
    const companyHere = [...mentions].reverse().find((m) => m.end <= offset && m.type === 'organisation' && ctx.roleOf?.(m.entity) === 'company');
    const company = companyHere ? { name: sentence.slice(companyHere.start, companyHere.end), entity: companyHere.entity } : ctx.company;
    if (/^the (?:company|firm|manufacturer|maker)$/i.test(claimant) && company) {
      const pseudo: MentionInSentence = { start: 0, end: 0, entity: company.entity, type: 'organisation' };
      return { claimant: company.name, entity: company.entity, role: roleFor(company.name, pseudo, ctx), cue: cue.trim(), via };
    }
    // "the group said": the organisation named before (an armed group, a movement), in this sentence outside quotes, else the one the last sentences were about.
    if (/^the (?:group|movement|militia|organi[sz]ation)$/i.test(claimant)) {
      const here = [...mentions].reverse().find((m) => m.end <= offset && m.type === 'organisation' && !within(quotes, m.start));
      const body = here ? { name: sentence.slice(here.start, here.end), entity: here.entity } : ctx.thing?.type === 'organisation' ? ctx.thing : null;
      if (body) {
        const pseudo: MentionInSentence = { start: 0, end: 0, entity: body.entity, type: 'organisation' };
        return { claimant: body.name, entity: body.entity, role: roleFor(body.name, pseudo, ctx), cue: cue.trim(), via };
      }
    }
    const head = headMention(sentence, mentions, offset, offset + claimant.length);
    return { claimant, entity: head?.entity ?? null, role: roleFor(claimant, head, ctx), cue: cue.trim(), via };
  };

  // 1a. "According to X, Y stated that …": Y speaks, X reports it.
  const according = /\baccording to (?:the information from |information from )?([^,.;]{2,80})/i.exec(sentence);
  if (according && !within(quotes, according.index)) {
    const xStart = according.index + according[0].length - according[1]!.length;
    const outer = make(according[1]!, xStart, 'according to');
    const rest = sentence.slice(according.index + according[0].length);
    const inner = /^,\s+([^,;:‘’“”"]{2,80}?)\s+((?:has |have |had )?(?:stated|said|told|confirmed|revealed|say|says|state|states))\s+(?:that\b)?/.exec(rest);
    if (outer && inner) {
      const at = according.index + according[0].length + rest.indexOf(inner[1]!);
      const nested = make(inner[1]!, at, inner[2]!, outer.claimant);
      if (nested) return nested;
    }
    if (outer) return outer;
  }
  // 1b. "as reported by X"
  const reportedBy = /\b(?:as )?reported by ([^,.;]{2,60})/i.exec(sentence);
  if (reportedBy && !within(quotes, reportedBy.index)) {
    const a = make(reportedBy[1]!, reportedBy.index + reportedBy[0].length - reportedBy[1]!.length, 'reported by');
    if (a) return a;
  }
  // 1c. "reports emerged"
  const emerged = /\breports? (?:emerged|surfaced|circulated)\b/i.exec(sentence);
  if (emerged) return { claimant: 'reports', entity: null, role: 'media-reports', cue: emerged[0], via: null };

  // 2. Subject + speech verb, outside quotes.
  for (const m of sentence.matchAll(VERB_RE)) {
    if (within(quotes, m.index)) continue;
    const before = sentence.slice(0, m.index);
    if (PASSIVE_BEFORE.test(before)) continue;
    // "rejected claims that X had warned it": a verb inside the disputed claim is part of the claim, not its source.
    if (/\b(?:claims?|allegations?|accusations?|reports?|suggestions?|charges?|rumou?rs?)\s+that\b[^.;]*$/i.test(before)) continue;
    // Inverted tag "…,’ said X", after a quotation.
    if (/[’”"]\s*$/.test(before)) {
      const after = /^(?:said|says|added|noted|wrote)\s+([^,.;]{2,60})/.exec(sentence.slice(m.index));
      if (after) {
        const a = make(after[1]!, m.index + after[0].length - after[1]!.length, after[0].split(/\s+/)[0]!);
        if (a) return a;
      }
    }
    if (/[’”",]\s*$/.test(before)) {
      // "Wang Wenbin, without naming the United States, said …": the subject is before the aside.
      // Also "Stefano Bonaccini, president of the region, said": an aside in lower case after a name.
      const aside = /^([^,]{2,80}),\s+(?:without|who|which|in|speaking|citing|a|an|the)\b[^,]*,\s*$/.exec(before) ?? /^((?:[A-Z][\p{L}'’-]+\s+){0,3}[A-Z][\p{L}'’-]+),\s+[a-z][^,]{0,80}(?:,\s+[a-z][^,]{0,60})?,\s*$/u.exec(before);
      if (aside) {
        const a = make(aside[1]!, 0, m[0]);
        if (a) return a;
      }
      // "The mine's owner, Minera Sur, said": a description, then the name in apposition, which speaks.
      // Also after a quotation: "“…,” its commercial director, Giorgos Lambrakis, said".
      // After an opening phrase too: "In written testimony, the utility's vice president, X, said".
      // And after a possessive: "Norland's government spokesman, Colonel X, said", also a name of several words ("Altai Peak's chief executive, X, said").
      const named = /^(?:[\s\S]*?(?:[.;:]|[,.!?]?[”"’])\s+|(?:In|At|During|Before|After|Under|Speaking)\s+[^,“”"]{2,60},\s+)?(?:(?:\p{Lu}[\p{L}-]*\s+){0,3}\p{Lu}[\p{L}-]*(?:['’]s|s['’])|[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+[^,]{2,60},\s+((?:\p{Lu}[\p{L}'’.-]*\s+){0,4}\p{Lu}[\p{L}'’.-]*),\s*$/u.exec(before);
      if (named) {
        const at = before.lastIndexOf(named[1]!);
        const a = make(named[1]!, at, m[0]);
        if (a) return a;
      }
      continue;
    }
    const start = clauseStart(sentence, m.index);
    const subject = sentence.slice(start, m.index);
    if (subject.trim() === '' || /^\s*(?:it|this|there)\s+(?:is|was)\b/i.test(subject)) continue;
    const a = make(subject, start, m[0]);
    if (a) return a;
  }

  // 4. "…, saying …": the main clause's subject speaks.
  const participle = PARTICIPLE_RE.exec(sentence);
  if (participle) {
    // The main clause's subject: the first person named near the start, else the first organisation.
    const before = mentions.filter((x) => x.start < participle.index && x.start < 40);
    const subject = before.find((x) => x.type === 'person') ?? before.find((x) => x.type === 'organisation');
    if (subject) {
      // Take the full noun phrase up to the subject's end ("NATO Secretary-General Jens Stoltenberg").
      const a = make(sentence.slice(0, subject.end), 0, participle[1]!);
      if (a) return a;
    }
  }

  // 5. "has been hailed by analysts"
  const passive = /\b(?:hailed|praised|critici[sz]ed|described|seen|viewed|regarded|welcomed|dismissed|questioned)\s+by\s+((?:\w+\s+){0,2}(?:analysts|experts|observers|critics|commentators|officials|diplomats|sources))\b/.exec(sentence);
  if (passive) {
    const a = make(passive[1]!, passive.index + passive[0].length - passive[1]!.length, passive[0].slice(0, passive[0].length - passive[1]!.length).trim());
    if (a) return a;
  }

  return reporter;
}

/**
 * The context after a sentence: who it was about, for the pronouns of the next.
 * The subject is the speaker when there is one, else the first person (for
 * "he") and the first organisation or country (for "it") named before the verb.
 */
export function nextContext(ctx: AttributionContext, sentence: string, mentions: readonly MentionInSentence[], attribution: Attribution): AttributionContext {
  const next: AttributionContext = { ...ctx };
  const quotes = quoted(sentence);
  const outside = mentions.filter((m) => !within(quotes, m.start));
  const speakerIsPerson = attribution.entity !== null && outside.some((m) => m.entity === attribution.entity && m.type === 'person');
  if (attribution.entity && (speakerIsPerson || ctx.person?.entity === attribution.entity)) {
    next.person = { name: attribution.claimant, entity: attribution.entity };
  } else {
    const firstPerson = outside.find((m) => m.type === 'person');
    if (firstPerson && firstPerson.start < sentence.length / 2) next.person = { name: sentence.slice(firstPerson.start, firstPerson.end), entity: firstPerson.entity };
  }
  const speakerType = attribution.entity ? ctx.typeOf?.(attribution.entity) ?? null : null;
  const firstThing = outside.find((m) => m.type === 'organisation' || m.type === 'place');
  if (attribution.entity && (speakerType === 'organisation' || speakerType === 'place')) {
    next.thing = { name: attribution.claimant, entity: attribution.entity, type: speakerType };
  } else if (firstThing && firstThing.start < 12) next.thing = { name: sentence.slice(firstThing.start, firstThing.end), entity: firstThing.entity, type: firstThing.type };
  const outlet = [...outside].reverse().find((m) => ctx.roleOf?.(m.entity) === 'outlet');
  if (outlet) next.outlet = { name: sentence.slice(outlet.start, outlet.end), entity: outlet.entity };
  const company = [...outside].reverse().find((m) => ctx.roleOf?.(m.entity) === 'company' && m.type === 'organisation');
  if (company) next.company = { name: sentence.slice(company.start, company.end), entity: company.entity };
  return next;
}

/** Outlets a report says cite no sources: "Der Spiegel did not cite specific sources". */
export function outletsWithoutSources(text: string, mentions: readonly { start: number; end: number; entity: string }[]): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/\b(?:did not|didn’t|didn't|does not|doesn’t|doesn't|failed to)\s+(?:cite|name|identify|disclose|give)\s+(?:any\s+|specific\s+|its\s+|their\s+)*sources?\b/g)) {
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    const subject = [...mentions].reverse().find((x) => x.end <= m.index && x.start >= lineStart);
    if (subject) out.add(subject.entity);
  }
  return out;
}

// ---------- hedges ----------

// Hedges express doubt about the claim itself. Not hedges: capability
// ("could carry a 35-50kg warhead", "up to 100 aircraft could be made a
// month"), warnings ("could go beyond everyone’s control", "would have severe
// consequences"), reported futures ("Putin would give Xi …"), and roles
// ("a possible peacemaker", "the potential for China to produce …").
const HEDGE_CUES: { re: RegExp; cue?: string }[] = [
  { re: /\bmay or may not\b/gi, cue: 'may or may not' },
  { re: /\b(?:is|are|was|were|widely)\s+(?:(?:also|still|now|widely)\s+)?believed\s+to\b/gi },
  // "is also said to be", "is understood to have", "are thought to".
  { re: /\b(?:is|are|was|were)\s+(?:(?:also|still|now|widely)\s+)?(?:said|thought|understood|rumou?red)\s+to\b/gi },
  // "is reported to have asked", "is alleged to have paid" (data/sourcing-phrases.json).
  { re: new RegExp(`\\b(?:is|are|was|were)\\s+(?:(?:also|still|now|widely)\\s+)?(?:${alternation(PHRASES.hedgeReportedVerbs)})\\s+to\\b`, 'gi') },
  // "was reported by a Sinhala-language weekly last month to have offered": an outlet nobody names, passing the claim on.
  { re: new RegExp(`\\b(?:is|are|was|were|had\\s+been|has\\s+been)\\s+(?:(?:also|first|widely)\\s+)?(?:${alternation(PHRASES.hedgeReportedVerbs)})\\s+by\\s+(?:an?|one|some|several|other|local)\\s+[^,.;“”"]{2,60}?\\s+to\\s+(?:have|be)\\b`, 'gi'), cue: 'was reported by an unnamed outlet to' },
  { re: /\bit is (?:understood|believed|thought|said|alleged|rumou?red) that\b/gi },
  // "It is not clear whether those invoices were paid": the report says it does not know.
  { re: /\bit\s+(?:is|was|remains|remained)\s+(?:not\s+(?:yet\s+)?clear|unclear)\s+(?:whether|if|how|why|who|what|when|where)\b/gi, cue: 'it is not clear' },
  // "It is understood Oostende pulled out …": the same without "that".
  { re: /\bit is (?:understood|believed|thought|alleged|rumou?red)\b(?!\s+(?:to|by|as|how|why|what|whether)\b)/gi },
  { re: /\breportedly\b/gi },
  { re: /\ballegedly\b/gi },
  { re: /\bpurportedly\b/gi },
  { re: new RegExp(`\\b(?:${alternation(PHRASES.hedgeWords)})\\b`, 'gi') },
  // "is suspected of taking bribes": a suspicion, not a finding.
  { re: /\b(?:is|are|was|were)\s+(?:(?:also|still|now|widely)\s+)?suspected\s+of\b/gi },
  { re: /\bapparently\b/gi },
  { re: /\bunconfirmed\b/gi },
  { re: /\bunverified\b/gi },
  { re: /\bno (?:official |independent )?confirmation\b/gi },
  { re: /\bcould not be (?:independently )?(?:verified|confirmed|established|authenticated)\b/gi },
  // "Neither claim could be independently verified", "None of the accounts could be confirmed".
  { re: /\b(?:neither|none)\b[^.;]{0,60}?\bcould\s+be\s+(?:independently\s+)?(?:verified|confirmed|authenticated)\b/gi, cue: 'could not be verified' },
  // "It was not possible to confirm who made the calls", "It has been impossible to verify …": the report's own doubt, impersonal.
  { re: /\bit\s+(?:was|is|has|had)(?:\s+not|n['’]t)\s+(?:yet\s+)?(?:been\s+)?possible\s+to\s+(?:independently\s+)?(?:confirm|verify|establish|check)\b|\bit\s+(?:was|is|has\s+been|had\s+been)\s+impossible\s+to\s+(?:independently\s+)?(?:confirm|verify|establish|check)\b/gi, cue: 'could not verify' },
  // "its figures could not be checked", "We have not been able to verify where they were filmed"
  { re: /\bcould not be (?:independently )?checked\b|\b(?:have|has|had) not been able to (?:independently )?(?:verify|confirm|check)\b|\b(?:was|were|is|are|(?:has|have|had) been) unable to (?:independently )?(?:verify|confirm)\b/gi },
  // "We could not independently confirm the timing", "I was unable to verify": the reporter's own doubt.
  // (Also "We were not able to verify his account independently".)
  { re: /\b(?:[Ww]e|I)\s+(?:could|can|were|was)\s*(?:not\s+able\s+to|not|n['’]t|unable\s+to)\s+(?:independently\s+)?(?:verify|confirm|establish)\b/g },
  // "The firm, as far as this newsletter can tell, was registered only in March": the report's own limit.
  { re: /\bas\s+far\s+as\s+(?:we|I|this\s+\w+|the\s+\w+)\s+(?:can|could)\s+(?:tell|establish|see|determine|ascertain)\b/gi, cue: 'as far as we can tell' },
  // "Around 1,800 claims could still be in dispute, by some estimates": whose estimates, the report does not say.
  { re: /\bby\s+(?:some|many|several|other|unofficial)\s+(?:estimates?|accounts?|counts?|reckonings?)\b/gi, cue: 'by some estimates' },
  // "Dozens of payments went, it seems, to holiday homes": the report's own guess, set off by commas.
  { re: /,\s*it\s+(?:seems|appears|would\s+seem|would\s+appear)\s*,/gi, cue: 'it seems' },
  // "The overcharged amount could run into several hundred crore rupees": an estimate of size, not a figure.
  { re: /\bcould\s+(?:well\s+|easily\s+)?run\s+into\b/gi },
  { re: /\brumou?rs?\b|\brumou?red\b/gi },
  { re: /\b(?:appears?|appeared|seems?|seemed)\s+to\b/gi },
  // "The rules seem designed to help the largest exporters": the report's reading of a purpose.
  { re: /\b(?:appears?|appeared|seems?|seemed)\s+(?:designed|intended|aimed|calculated|meant|tailored)\b/gi },
  // "Residents appear divided along generational lines": the report's reading of a mood it did not measure.
  { re: /\b(?:appears?|appeared|seems?|seemed)\s+(?:(?:deeply|sharply|largely|increasingly)\s+)?(?:divided|split|reluctant|unwilling|resigned|poised|determined)\b/gi },
  // "the death toll is likely to rise": a forecast, not a count.
  { re: /\b(?:is|are|was|were)\s+(?:(?:also|still)\s+)?(?:likely|unlikely)\s+to\b/gi },
  // "drones were likely used": a guess at what happened.
  { re: /\b(?:is|are|was|were)\s+(?:most\s+)?likely\s+[a-z]+ed\b/gi },
  // "heavy rain likely washed fertilizer into …": "likely" as an adverb on a past verb, a guess at a cause.
  { re: /(?<!\b(?:is|are|was|were|be|been|being|more|less|most|least|a|an|the|not)\s+)\b(?:most\s+|very\s+|quite\s+)?likely\s+(?!to\b)[a-z]+ed\b/gi },
  { re: /\bcould\s+(?:signal|indicate|suggest|mean|point to|be a sign)\b/gi },
  { re: /\b(?:may|might)\b(?!\s+or may not)/g },
];
const CAPABILITY_AFTER = /^\s+(?:not\s+)?(?:also\s+)?(?:carry|carrying|be made|be produced|be built|reach|fly|travel|cost)\b/i;
// "each boat may land", "the firm may apply to have the licence reinstated": a permission, not a doubt.
const PERMISSION_AFTER = /^\s+(?:only\s+|still\s+|now\s+|then\s+)?(?:apply|appeal|request|submit|seek|resume|reopen|land|enter|operate|proceed|fish|keep|sell|use)\b/i;

export interface HedgeCue {
  cue: string;
  start: number;
  end: number;
}

/** Hedge cues in a sentence, with their offsets. */
export function hedgeCues(sentence: string): HedgeCue[] {
  const out: HedgeCue[] = [];
  const taken: [number, number][] = [];
  for (const { re, cue } of HEDGE_CUES) {
    re.lastIndex = 0;
    for (const m of sentence.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      const word = m[0];
      if (/^(?:may|might)$/i.test(word)) {
        // "May" the month: capitalised mid-sentence, or next to a day number.
        if (word === 'May' && (start > 0 || /^\s+\d/.test(sentence.slice(end)))) continue;
        if (CAPABILITY_AFTER.test(sentence.slice(end))) continue;
        if (/^may$/i.test(word) && PERMISSION_AFTER.test(sentence.slice(end))) continue;
      }
      // "the first fire was reported to Japan's Consumer Affairs Agency": a report made to a body, not hearsay ("is reported to have").
      if (/\s+to$/i.test(word) && /^\s+(?:\p{Lu}|(?:the|a|an|his|her|its|their|police|authorities|regulators|officials)\b)/u.test(sentence.slice(end))) continue;
      taken.push([start, end]);
      out.push({ cue: cue ?? word.toLowerCase().replace(/\s+/g, ' '), start, end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

export function hedgesIn(sentence: string): string[] {
  return [...new Set(hedgeCues(sentence).map((h) => h.cue))];
}

// ---------- a whole report ----------

export interface ReportSentence {
  start: number;
  end: number;
  mentions: MentionInSentence[];
  attribution: Attribution;
}

/**
 * Attribute every sentence of a report in reading order, carrying the context
 * (who "he" and "it" are, which outlet "the magazine" is) from one sentence to
 * the next. `mentions` are report offsets, sorted.
 */
const SPEAKER_LABEL = /^(\p{Lu}[\p{Lu}'’-]+(?: \p{Lu}[\p{Lu}'’-]+){0,2}):\s/u;

export function attributeReport(
  text: string,
  sentences: readonly [number, number][],
  mentions: readonly { start: number; end: number; entity: string; type: EntityType }[],
  publisher: string,
  roleOf: (entityId: string) => ClaimantRole | null,
): ReportSentence[] {
  const types = new Map(mentions.map((m) => [m.entity, m.type]));
  let ctx: AttributionContext = {
    ...emptyContext(),
    roleOf,
    typeOf: (id) => types.get(id) ?? null,
    outletsWithoutSources: outletsWithoutSources(text, mentions),
  };
  const out: ReportSentence[] = [];
  let mi = 0;
  // A transcript's turn ("LEE: It is … Our projections show …"): the sentences of a line opened by a speaker label are that speaker's.
  let turn: { line: number; attribution: Attribution } | null = null;
  for (const [s, e] of sentences) {
    while (mi < mentions.length && mentions[mi]!.start < s) mi++;
    const inSentence: MentionInSentence[] = [];
    for (let j = mi; j < mentions.length && mentions[j]!.end <= e; j++) {
      const m = mentions[j]!;
      inSentence.push({ start: m.start - s, end: m.end - s, entity: m.entity, type: m.type });
    }
    const sentence = text.slice(s, e);
    let attribution = attributeSentence(sentence, inSentence, publisher, ctx);
    const line = text.lastIndexOf('\n', s - 1) + 1;
    const label = line === s ? SPEAKER_LABEL.exec(sentence) : null;
    if (label) {
      const who = inSentence.find((m) => m.start === 0 && m.type === 'person') ?? null;
      // "LEE" reads as "Lee".
      const claimant = label[1]!.replace(/\p{Lu}+/gu, (w) => w[0] + w.slice(1).toLowerCase());
      turn = { line, attribution: { claimant, entity: who?.entity ?? null, role: roleFor(claimant, who, ctx), cue: 'in the transcript', via: null } };
    } else if (turn && turn.line !== line) turn = null;
    if (turn && attribution.role === 'reporter') attribution = turn.attribution;
    ctx = nextContext(ctx, sentence, inSentence, attribution);
    out.push({ start: s, end: e, mentions: inSentence, attribution });
  }
  return carryQuotations(text, out);
}

/**
 * Quotations that run over several sentences (or paragraphs that each reopen
 * the quote): the sentences inside belong to whoever the quotation is tagged
 * to, before it ("X said: “…") or after it ("…,” said X).
 */
export function quotationSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let open = -1;
  let straightOpen = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '“' || (ch === '"' && !straightOpen && open < 0)) {
      if (open < 0) {
        open = i;
        straightOpen = ch === '"';
      }
    } else if ((ch === '”' && !straightOpen) || (ch === '"' && straightOpen)) {
      if (open >= 0) spans.push([open, i + 1]);
      open = -1;
      straightOpen = false;
    } else if (ch === '\n' && open >= 0) {
      // An unclosed quotation continues only when the next paragraph reopens it.
      const next = /^\n*\s*([“"])/.exec(text.slice(i + 1));
      if (!next) {
        spans.push([open, i]);
        open = -1;
        straightOpen = false;
      }
    }
  }
  if (open >= 0) spans.push([open, text.length]);
  return spans;
}

function carryQuotations(text: string, sentences: ReportSentence[]): ReportSentence[] {
  for (const [qs, qe] of quotationSpans(text)) {
    const inside = sentences.filter((x) => x.end > qs && x.start < qe);
    if (inside.length < 2) continue;
    const attributed = (x: ReportSentence) => x.attribution.role !== 'reporter' && x.attribution.cue !== '';
    // The tag: in the sentence where the quotation ends (after the closing mark), else where it opens (before the opening mark), else just before it.
    const last = inside[inside.length - 1]!;
    const first = inside[0]!;
    const before = sentences[sentences.indexOf(first) - 1];
    const tag = attributed(last) && last.end > qe ? last : attributed(first) && first.start < qs ? first : before && attributed(before) && /:\s*$/.test(text.slice(before.start, qs)) ? before : null;
    if (!tag) continue;
    // A sentence wholly inside the quotation is the quoted speaker's, whatever verbs it uses ("The US has told Beijing …").
    for (const x of inside) if (x !== tag && (x.attribution.role === 'reporter' || (x.start >= qs && x.end <= qe))) x.attribution = { ...tag.attribution };
  }
  // A quotation standing alone as its sentence right after '"…," he said by telephone.' in the same paragraph goes on
  // in the same voice: the speaker's next words, not the report's.
  for (const [qs, qe] of quotationSpans(text)) {
    const i = sentences.findIndex((x) => x.start <= qs && x.end > qs);
    const x = sentences[i];
    const prev = sentences[i - 1];
    if (!x || !prev || x.attribution.role !== 'reporter' || text.slice(x.start, qs).trim() !== '' || !/^[.!?]?[”"’]?[.!?]?\s*$/.test(text.slice(qe + 1, x.end))) continue;
    if (prev.attribution.role === 'reporter' || prev.attribution.cue === '' || text.slice(prev.end, x.start).includes('\n')) continue;
    if (!/[”"],?\s+(?:\p{Ll}+\s+)?(?:said|says|added|told|wrote)\b[^”"“]*$/u.test(text.slice(prev.start, prev.end))) continue;
    x.attribution = { ...prev.attribution };
  }
  return sentences;
}
