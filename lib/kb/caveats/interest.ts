// Whose interest a claim serves. Two kinds, each explained in plain words:
//   - interested party: a party accuses its adversary (data/parties.json says
//     who opposes whom): an accusation, not an independent finding;
//   - self-serving: a party describes its own stance, conduct or product
//     ("China is a neutral party", "our drones are not for military use"):
//     its own account, not an independent view.
// Only sentences the report attributes to a speaker it names count, and only
// when the claim's subject is a party (or the speaker itself).
import { partyOf, partyOfNamed, adversaries, PARTIES, PARTY_WORDS, type Party } from '../parties';
import { CAVEAT_KINDS } from './kinds';
import type { CaveatDraft } from './types';
import { capitalise } from './statements';
import { trimSpan } from './text';
import { anyOf, INTEREST_PHRASES } from './interest-phrases';
import { DISPARAGING, introductionOf, PARTY_DOCUMENT, standingOf, UNBACKED } from './interest-sides';
import { alternation, PHRASES } from './phrases';
import { coveringAttribution, quoteDraft, type Corpus, type ReportView, type SentenceView } from './view';

const ACCUSATION = /\b(?:accus\w*|alleg\w*|warn(?:s|ed)?|is (?:considering|planning|preparing)|are (?:considering|planning|preparing)|intends? to|(?:is|are|has been|have been) (?:providing|supplying|arming|sending)|aggress\w*|threaten\w*|blam\w*|responsible for|provocation\w*|lies|propaganda)\b/i;
// Also the words of promotion: a party calling its own product or record the best.
const OWN_STANCE = /\b(?:fully cooperat\w*|cooperat\w* fully|best|leading|breakthrough|unrivall?ed|unmatched|unparalleled|world-class|world-leading|industry-leading|record-breaking|no competitor|state-of-the-art|cutting-edge|most (?:efficient|advanced|reliable|innovative|powerful|secure|affordable)|(?:most \w+|\w+est) (?:in|on) the (?:industry|world|market|sector|continent|country|region)|neutral|impartial|objective|peace(?:ful|maker)?|responsible|prudent|committed to|always|never|not (?:intended|designed|meant)|legitimate|defensive|constructive|transparent|compl(?:y|ies|ied|iance)|stopped|ceased|no intention|in accordance with|strictly)\b/i;
/** "… stated that they promote …": the speaker speaks of itself. */
const OWN_VOICE = /\bthat (?:it|they|we)\b/;
const FIRST_PERSON = /[“"‘][^”"’]*\b(?:we|our|us)\b[^”"’]*[”"’]?/i;
const PARTY_IN_DESCRIPTION = new RegExp(`(?<![\\w.])(?:${PARTY_WORDS})(?![\\w])`);

function partyOfEntity(corpus: Corpus, id: string | null): Party | null {
  if (!id) return null;
  const e = corpus.entityById.get(id);
  const own = e ? partyOfNamed(e) : partyOf(id);
  if (own) return own;
  // A person or office speaks for the party its description names at once ("Chinese foreign ministry spokesperson", "China's ministry of …").
  if (!e || (e.type !== 'person' && e.type !== 'organisation')) return null;
  const lead = e.type === 'person' ? e.description.split(/[;,]/)[0]! : e.description.split(/\s+/).slice(0, 2).join(' ');
  const m = PARTY_IN_DESCRIPTION.exec(lead);
  return m ? (PARTIES.find((p) => p.words.includes(m[0]) || p.demonym === m[0]) ?? null) : null;
}

/** Praise of one's own product, plan or standing, beyond OWN_STANCE: "the clear leader in …", "the safest car it has ever built", "the plan is working". */
const PRAISE = /\b(?:clear|undisputed|global|market|industry|world|category) leader\b|\bthe leader in\b|\bleads? the (?:market|industry|world|sector|field)\b|\b(?:safest|fastest|cheapest|strongest|best-selling|most popular)\b|\bever (?:built|made|produced|designed|launched|sold)\b|\b(?:is|was|were|are|has been|had been) (?:working|succeeding|paying off)\b|\bon track\b|\b(?:a|an) (?:great |huge |major |resounding |clear )?success\b|\bsuccessful\b|\bhighly effective\b/i;
/** A body's promise for its own policy or product: "its new housing subsidies will reverse the decline". */
const PROMISE = /\b(?:its|our|their) (?:new |own )?(?:[\w-]+ ){0,2}(?:will|would|are going to|is going to) (?:reverse|boost|fix|solve|end|revive|restore|improve|turn around|create|deliver|lower|reduce|cut|help|protect|strengthen)\b/i;
/** A body blaming its failure on something else: "caused by record demand, not by mismanagement". */
const EXCUSE = /\bnot (?:by|due to|because of|the result of|caused by) (?:any )?(?:mismanagement|negligence|incompetence|corruption|human error|(?:its|our|their) (?:own )?[\w-]+)/i;
/** A body named by its kind ("The government says …", "the ministry said"), with no name. */
const DEFINITE_BODY = /^the (?:government|ministry|administration|company|firm|group|authorities|agency|utility|operator|army|military|regulator)$/i;
/** The speaker's own body or its things: "its", "our", "the company", "the plan". */
const OWN_THING = /\b(?:its|their|our|we|us)\b|\bthe (?:[a-z-]+ ){0,2}(?:company|firm|group|government|ministry|administration|department|agency|plan|programme|program|policy|strategy|reforms?|recall|products?|model|project|operation|campaign|scheme|initiative|rollout|system|service|platform|network|brand)\b/i;
/** An unnamed speaker who speaks for a body: "a senior official", "one executive", "a company spokesperson". */
const UNNAMED_FOR_BODY = /^(?:an?|one|another|two|three|several|some)\s+(?:[\w-]+\s+){0,2}(?:officials?|executives?|managers?|directors?|spokes(?:person|man|woman)|representatives?|aides?|insiders?|employees?|staff)\b/i;
const COMPANY_ROLE = /\b(?:executives?|managers?|directors?|employees?|staff|company|firm)\b/i;

function named(s: SentenceView): boolean {
  const a = s.attribution;
  return a.role !== 'reporter' && a.role !== 'anonymous-officials' && a.role !== 'media-reports' && a.role !== 'outlet-unnamed-sources' && a.entity !== null;
}

/**
 * Whom a speaker speaks for: a named speaker themselves (and the organisation named with them in the speech tag,
 * "Lumivex chief executive Sanna Ollberg"), an unnamed one the body named in their phrase ("a senior official at
 * Dorvane Motors"), or, for an unnamed executive or manager, the company the report named last.
 */
function speakerBody(view: ReportView, s: SentenceView, corpus: Corpus, affiliation: ReadonlyMap<string, string>): { unnamed: boolean; body: string | null } | null {
  const a = s.attribution;
  if (named(s)) {
    const tag = a.claimant ? s.text.indexOf(a.claimant) : -1;
    const inTag = tag >= 0 ? s.mentions.find((m) => m.type === 'organisation' && m.entity !== a.entity && m.start >= tag && m.end <= tag + a.claimant.length) : undefined;
    return { unnamed: false, body: inTag?.entity ?? affiliation.get(a.entity!) ?? null };
  }
  // "The government says its …": a body by its kind speaks for itself; which body, the report may not say.
  if (a.entity === null && DEFINITE_BODY.test(a.claimant.trim())) return { unnamed: true, body: null };
  if (a.role !== 'anonymous-officials' || !UNNAMED_FOR_BODY.test(a.claimant)) return null;
  if (a.entity) return { unnamed: true, body: a.entity };
  if (!COMPANY_ROLE.test(a.claimant)) return { unnamed: true, body: null };
  const last = [...view.mentions].reverse().find((m) => m.end <= s.start && m.type === 'organisation' && corpus.entityById.get(m.entity) !== undefined);
  return { unnamed: true, body: last?.entity ?? null };
}

export function interestFindings(view: ReportView, corpus: Corpus): CaveatDraft[] {
  const out: CaveatDraft[] = [];
  // A person named with an organisation in a speech tag speaks for it later too ("Ollberg told investors").
  const affiliation = new Map<string, string>();
  for (const s of view.sentences) {
    if (s.heading) continue;
    const sb = speakerBody(view, s, corpus, affiliation);
    if (sb && !sb.unnamed && sb.body && s.attribution.entity && !affiliation.has(s.attribution.entity)) affiliation.set(s.attribution.entity, sb.body);
    if (sb?.unnamed) {
      out.push(...unnamedOwnAccount(view, s, corpus, sb.body));
      continue;
    }
    // A quote in the first person with no entity in it ("We have always acted lawfully," the group said) makes no claim, but is still the speaker's account of itself.
    if ((!s.claim && !FIRST_PERSON.test(s.text)) || !named(s)) continue;
    const a = s.attribution;
    const subject = s.claim ? s.claim.subject : a.entity;
    const speakerParty = partyOfEntity(corpus, a.entity);
    const subjectParty = partyOfEntity(corpus, subject);
    const speakerName = corpus.entityById.get(a.entity!)?.name ?? a.claimant;
    const subjectName = subject ? (corpus.entityById.get(subject)?.name ?? subject) : '';
    const claimant = { name: a.claimant, role: a.role, entity: a.entity };
    if (subject && subject !== a.entity && adversaries(speakerParty, subjectParty) && ACCUSATION.test(s.text)) {
      out.push(
        quoteDraft(view, s.start, s.end, {
          kind: 'interested-party',
          severity: 'medium',
          label: CAVEAT_KINDS['interested-party'].label,
          explanation:
            speakerName === speakerParty!.name
              ? `${speakerName} is opposed to ${subjectParty!.name}: this is one side’s accusation about ${subjectName}, not an independent finding.`
              : `${speakerName} speaks for ${speakerParty!.name}, which is opposed to ${subjectParty!.name}: this is one side’s accusation about ${subjectName}, not an independent finding.`,
          reasoning: 'Rule adversary-accuses: the named speaker and the claim’s subject belong to parties data/parties.json lists as adversaries, and the sentence accuses.',
          rule: 'adversary-accuses',
          confidence: 0.8,
          claimant,
          entities: [subject, a.entity!],
        }),
      );
      continue;
    }
    const firstPerson = FIRST_PERSON.test(s.text) || OWN_VOICE.test(s.text);
    const body = sb?.body ?? null;
    // About itself: its own side (a different entity of the same party), its product, or itself speaking of "its"/"our" conduct;
    // a chief executive calling "the company" the leader speaks of their own company.
    const aboutSelf = subject === a.entity || (body !== null && subject === body);
    const own =
      (subject !== a.entity && speakerParty !== null && speakerParty === subjectParty) ||
      (a.role === 'company' && subject !== null && corpus.entityById.get(subject)?.type === 'weapon') ||
      (aboutSelf && (firstPerson || /\b(?:its|their)\b/.test(s.text))) ||
      (aboutSelf && OWN_THING.test(tail(s)) && (PRAISE.test(s.text) || PROMISE.test(s.text))) ||
      (aboutSelf && EXCUSE.test(s.text));
    const speaksForBody = a.role === 'party-official' || a.role === 'company' || a.role === 'official' || corpus.entityById.get(a.entity!)?.type === 'organisation';
    if (own && (OWN_STANCE.test(s.text) || PRAISE.test(s.text) || PROMISE.test(s.text) || EXCUSE.test(s.text)) && speaksForBody) {
      const about = subjectName || speakerName;
      const bodyName = body ? (corpus.entityById.get(body)?.name ?? null) : null;
      out.push(
        quoteDraft(view, s.start, s.end, {
          kind: 'self-serving',
          severity: 'low',
          label: CAVEAT_KINDS['self-serving'].label,
          explanation: bodyName && aboutSelf
            ? `${speakerName} speaks for ${bodyName} and describes its own product, standing or conduct: that is their own account, which the report does not test against anything else.`
            : `${speakerName} describes ${about === speakerName ? 'its own' : `${about}’s`} stance or conduct: that is their own account, which the report does not test against anything else.`,
          reasoning: 'Rule own-account: a named speaker describes their own (or their own side’s) position, conduct or product in favourable terms.',
          rule: 'own-account',
          confidence: 0.75,
          claimant,
          entities: [...new Set([...(aboutSelf && body ? [body] : []), subject ?? a.entity!, a.entity!])],
        }),
      );
    }
  }
  return out;
}

/** Where what was said is in a sentence: after "X said (that)", or before ", X said". */
function saidSpan(s: SentenceView): [number, number] {
  const a = s.attribution;
  const at = a.claimant ? s.text.indexOf(a.claimant) : -1;
  if (at < 0) return trimSpan(s.text, 0, s.text.length);
  const afterTag = at + a.claimant.length;
  if (at < s.text.length / 2) {
    const cue = a.cue ? s.text.indexOf(a.cue, afterTag) : -1;
    const from = cue >= 0 && cue - afterTag < 40 ? cue + a.cue.length : afterTag;
    const that = /^\s+(?:on\s+\w+\s+)?(?:that\s+)?/.exec(s.text.slice(from))?.[0].length ?? 0;
    return trimSpan(s.text, from + that, s.text.length);
  }
  return trimSpan(s.text, 0, at).map((x, i) => (i === 1 ? x - (/[,\s]+$/.exec(s.text.slice(0, x))?.[0].length ?? 0) : x)) as [number, number];
}

/** The sentence after its speech tag: what the speaker says, not who they are. */
function tail(s: SentenceView): string {
  const a = s.attribution;
  const at = a.claimant ? s.text.indexOf(a.claimant) : -1;
  return at < 0 ? s.text : s.text.slice(0, at) + s.text.slice(at + a.claimant.length);
}

/**
 * An unnamed speaker for a body praising the body's own product, plan or record ("A senior official at Dorvane Motors
 * said the recall was working", "One executive described the model as the safest car the company had ever built"):
 * the same own account a named one of that role gives, with nobody to hold to it.
 */
function unnamedOwnAccount(view: ReportView, s: SentenceView, corpus: Corpus, body: string | null): CaveatDraft[] {
  const a = s.attribution;
  const said = tail(s);
  // Praise, a promise or an excuse: the looser words of a stance ("neutral", "never") are too often about someone else.
  if (!OWN_THING.test(said) || !(PRAISE.test(said) || PROMISE.test(said) || EXCUSE.test(said))) return [];
  const definite = DEFINITE_BODY.test(a.claimant.trim());
  // About the body itself or its things, not about a third party named in the claim.
  // (A transcript's speaker label or a dateline before the speech tag is not in the claim.)
  const [qs0, qe0] = saidSpan(s);
  const others = s.mentions.filter((m) => m.entity !== body && m.start >= qs0 && m.end <= qe0);
  if (others.length > 0) return [];
  const bodyName = body ? (corpus.entityById.get(body)?.name ?? null) : null;
  // What was said, without the speech tag: the tag is the anonymous-source finding's quote, this one is the claim's.
  const [qs, qe] = saidSpan(s);
  return [
    quoteDraft(view, s.start + qs, s.start + qe, {
      kind: 'self-serving',
      severity: 'low',
      label: CAVEAT_KINDS['self-serving'].label,
      explanation: definite
        ? `${capitalise(a.claimant.trim())} describes its own policy, product or record: that is its own account, not an independent view.`
        : bodyName
          ? `An unnamed speaker for ${bodyName} describes its own product, plan or record: that is its own account, and nobody is named to answer for it.`
          : 'An unnamed official describes their own side’s plan or record: that is their own account, and nobody is named to answer for it.',
      reasoning: 'Rule own-account-unnamed: an unnamed speaker for a body describes the body’s own product, plan or conduct in favourable terms.',
      rule: 'own-account-unnamed',
      confidence: 0.7,
      claimant: { name: a.claimant, role: a.role, entity: body },
      entities: body ? [body] : [],
    }),
  ];
}

// ---------- a body vouching for its own record ----------

/**
 * Words with which a body vouches for its own conduct, product or record, whoever the sentence's subject is:
 * "had acted properly throughout", "followed the law to the letter", "the leak was under control", "full
 * confidence in", "never been compromised", "fully approved by independent auditors", "worked exactly as designed".
 */
const VOUCH = anyOf([...INTEREST_PHRASES.vouchPatterns, ...INTEREST_PHRASES.compliancePatterns]);
/** Saying it kept the rules ("fully compliant", "followed the law to the letter"): right after the same body's denial it is that denial restated. */
const COMPLIANCE = anyOf(INTEREST_PHRASES.compliancePatterns);
const DENIAL_VERB = /\b(?:denied|denies|deny|denying|rejected|rejects|disputed|disputes)\b/i;
/** Praise by superlative ("its offer was the most generous in the history of the operation", "one of the best-maintained fleets"). */
// Praising "-est" adjectives ("the freest platform", "the fastest network", "the strictest controls"); not every word
// ending so: "the harshest winter", "the latest request" are no praise.
// Not a forecast's likelihood ("February is the most likely date for the first cut"): no praise in it.
const SUPERLATIVE = /\b(?:one of the|the) (?:most (?!(?:likely|probable|plausible)\b)[a-z]+|(?:best|finest|safest|fairest|cleanest|strongest|largest|lowest|highest|freest|fastest|quickest|cheapest|greenest|smartest|friendliest|healthiest|brightest|widest|broadest|newest|simplest|easiest|strictest|greatest)(?:-[a-z]+)?)\b/i;
/** The claim speaks of the speaker's own body or things: "its offer", "our teams", "we", "the company's". */
const OWN_REF =
  /\b(?:its|our|we|us|I|my|myself|ourselves)\b|\b(?:the|this) (?:company|club|trust|ministry|university|bank|government|council|firm|group|airline|hospital|board|agency|union|city|town|county|municipality|mission|exchange|department|force|service|party|festival|association|foundation|charity|institute)(?:['’]s)?\b/i;
/** A body's speaker reporting what "it" or "they" did: the body itself ("the company said it had …"). */
const BODY_PRONOUN = /^(?:it|they)\b/i;
/** A negation before the vouching words turns them into someone's accusation ("had not acted properly", "had not been \"stronger than ever\""). */
const NEGATED = /\b(?:not|n['’]t|no longer|hardly|failed to)\s+(?:[\w-]+\s+){0,2}[“"‘]?$/i;
/** A body by its kind in a speech tag ("the company", "the club", "the trust", "the ministry's spokesman"). */
const BODY_TAG = /\b(?:company|club|trust|ministry|university|bank|government|council|firm|group|airline|operator|board|agency|union|department|hospital|federation|league|party|campaign|consortium|association|utility|alliance|coalition|collective|forum|cooperative|municipality)\b/i;
const SPEAKS_FOR_BODY_ROLES = new Set(['official', 'company', 'party-official']);
/** A body by its kind as the subject, its speech verb later in the sentence ("The consortium promises … and says (that)"). */
const BODY_SUBJECT_SAYS =
  /^((?:The|Its) (?:company|consortium|firm|group|operator|club|ministry|government|council|union|board|agency|utility|federation|association|bank|airline|trust))\b(?:[^.;“”"]{0,100}?\band\s+)?\s*(?:also\s+)?(says|said|insists|insisted|maintains|maintained)\s+(?:that\s+)?/;
/** An inquiry promised to be "thorough" or a measure promised to "raise the quality …", and the speech-tag role of someone who speaks for the body running it. */
const OWN_PROCESS = /^(?:(?:investigation|inquiry|review|probe|audit)s? (?:would|will) be|(?:measure|ban|policy|rule|reform|law|scheme|programme|program|plan|subsidy|subsidies|regulation|tax)s? (?:would|will)\b)/i;
const SPEAKER_TAG = /\b(?:spokes(?:person|man|woman)|chair(?:man|woman|person)?|head|director(?:[- ]general)?|chief|minister|commissioner|secretary|governor|mayor)\b/i;

/**
 * A body, or someone speaking for it, vouching for its own conduct, product or record ("the company said its systems are
 * safe", "the club said it had acted properly throughout", "Our teams responded within hours", a chief executive's "one of
 * the best-maintained fleets"): self-serving, quoted on what was said. Only what a speaker the report names (or a body
 * by its kind) says, never the report's own voice, and not where the words are negated.
 */
export function ownRecord(view: ReportView, corpus: Corpus): CaveatDraft[] {
  const out: CaveatDraft[] = [];
  for (const [i, s] of view.sentences.entries()) {
    if (s.heading) continue;
    let a = s.attribution.role === 'reporter' ? (leadQuoteTag(view, s) ?? s.attribution) : s.attribution;
    // "The consortium promises … and says its plan is …": a body by its kind, the sentence's subject, speaking later in it.
    let bodySays = a.role === 'reporter' ? BODY_SUBJECT_SAYS.exec(s.text) : null;
    if (bodySays) a = { ...a, claimant: bodySays[1]!, role: 'company', entity: null, cue: bodySays[2]! };
    // "Sankofa Data dismissed the criticism as '…' and said its software had …": a named body, the sentence's subject,
    // whose speech verb comes second (attribution reads the sentence as the report's).
    const lead = a.role === 'reporter' && !bodySays ? s.mentions.find((x) => x.start === 0 && corpus.entityById.get(x.entity)?.type === 'organisation') : undefined;
    const namedSays = lead ? /^[^.;]{0,120}?\band\s+(?:also\s+)?(said|says|insisted|insists|maintained|maintains)\s+(?:that\s+)?/.exec(s.text.slice(lead.end)) : null;
    if (lead && namedSays) {
      bodySays = Object.assign([s.text.slice(0, lead.end + namedSays[0].length), s.text.slice(lead.start, lead.end), namedSays[1]!], { index: 0, input: s.text }) as unknown as RegExpExecArray;
      a = { ...a, claimant: bodySays[1]!, role: 'company', entity: lead.entity, cue: namedSays[1]! };
    }
    // An interview's answer line ("A: … Our members are the most efficient …") is the interviewee's, speaking for their body.
    const answer = a.role === 'reporter' && /^A:\s/.test(view.text.slice(view.text.lastIndexOf('\n', s.start - 1) + 1)) && /^\s*(?:A:\s+)?(?:Our|We)\b/.test(s.text);
    if (answer) a = { ...a, claimant: 'The interviewee', role: 'company', entity: null, cue: '' };
    if (!SPEAKS_FOR_BODY_ROLES.has(a.role)) continue;
    if (a.entity === null && !BODY_TAG.test(a.claimant) && !/[“"]|^\s*(?:A:\s+)?(?:Our|We)\b/.test(s.text)) continue;
    // A sentence that opens with the quotation ("'Our products …,' its director, X, said"): what was said is the quotation, whoever the tag names.
    // (Not when the tag goes on to more that was said: "…, adding that its crews had been …".)
    const leadQuote = /^\s*[“"][^”"]{10,400}?[,.]?[”"]/u.test(s.text) && !/\b(?:adding|saying|insisting) that\b/.test(s.text);
    const [qs2, qe0] = answer ? trimSpan(s.text, /^\s*(?:A:\s+)?/.exec(s.text)![0].length, s.text.length) : bodySays ? trimSpan(s.text, bodySays[0].length, s.text.length) : a === s.attribution && !leadQuote ? reportedSpan(s) : leadQuoteSpan(s);
    // "She said the town's plan had worked …": the speaker as a pronoun is the speech tag too.
    const qs1 = qs2 + (qs2 === 0 ? (/^(?:He|She|They|It)\s+(?:said|says|added|told\s+\p{L}+)\s+(?:that\s+)?/u.exec(s.text)?.[0].length ?? 0) : 0);
    // A transcript's speaker label ("BLAKE:") is who speaks, not what was said.
    const qs = qs1 + (/^\p{Lu}[\p{Lu} .'’()-]{1,60}:\s+/u.exec(s.text.slice(qs1, qe0))?.[0].length ?? 0);
    const said0 = s.text.slice(qs, qe0);
    // A second verb of the speaker's ("… and accused the union of …") is another finding: stop there.
    // So is a refusal beside it ("… and would not comment on …"), which the no-comment finding quotes.
    const next = /\s+and (?:that )?(?:(?:accus|blam|attack|criticis|den|call|warn)\w*|(?:would|will|could|did|does) not (?:comment|say|discuss|disclose|respond|answer|elaborate)\b|declined|refused)/.exec(said0);
    const qe = next ? qs + next.index : qe0;
    const said = s.text.slice(qs, qe);
    const vouch = VOUCH.exec(said);
    // What the speaker reports being told ("every time we are told it is under control") is not their own account.
    if (vouch && /\b(?:told|claim(?:s|ed)?|insist(?:s|ed)?|promised|assured)\s+(?:that\s+)?(?:[\w'’-]+\s+){0,3}$/i.test(said.slice(0, vouch.index))) continue;
    const sup = SUPERLATIVE.exec(said);
    // "it had 'the most rigorous …'" from a body, or "the best offer in the history of this company".
    const ownBefore = (at: number) => OWN_REF.test(said.slice(0, at)) || (BODY_PRONOUN.test(said) && (a.entity === null || corpus.entityById.get(a.entity)?.type === 'organisation'));
    const ownAfter = (at: number) => /^[^.;]{0,60}?\b(?:of|in|at) (?:this|our) \p{L}+/iu.test(said.slice(at));
    // A superlative after a negation in its clause ("the consortium had not offered the best price") is no praise.
    const supNegated = sup !== null && /\b(?:not|n['’]t|never|no longer|hardly)\b/i.test(said.slice(0, sup.index).split(/[,;]|\band\b/).at(-1)!);
    const hit = vouch && !NEGATED.test(said.slice(0, vouch.index)) ? vouch : sup && !supNegated && (ownBefore(sup.index) || ownAfter(sup.index + sup[0].length) || speaksForSubject(s, corpus)) ? sup : null;
    if (!hit) continue;
    // A vouching phrase about the body's own things, or by a body whose claim names no one else's conduct.
    const bodySpeaks =
      a.entity !== null && corpus.entityById.get(a.entity)?.type === 'organisation' && !s.mentions.some((m) => m.entity !== a.entity && m.start >= qs && m.end <= qe && corpus.entityById.get(m.entity)?.type !== 'place');
    // A body's speaker promising its own inquiry will be "thorough" ("A commission spokesperson, X, said the investigation would be …"),
    // or its measure will "raise the quality of …" ("Authority director general X said the measure would …").
    const ownProcess = OWN_PROCESS.test(hit[0]) && SPEAKER_TAG.test(s.text.slice(0, qs));
    if (hit === vouch && !OWN_REF.test(said) && !/\b(?:he|she|it|they)\b/.test(said) && !speaksForSubject(s, corpus) && !bodySpeaks && !ownProcess && !/confidence|under control|to the letter/i.test(said)) continue;
    // "X denied any wrongdoing. … the company said its prices had been 'fully compliant …'": the denial restated, not praise.
    const before = view.sentences[i - 1];
    if (hit === vouch && COMPLIANCE.test(hit[0]) && (DENIAL_VERB.test(said.slice(0, hit.index)) || (before && !before.heading && DENIAL_VERB.test(before.text)))) continue;
    // Of several things said ("… were 'false and defamatory' and that its accounts had been 'fully approved …'"), the clause that vouches,
    // so the denial beside it keeps its own quote.
    // Also after a second speech verb ("dismissed the criticism as … and said its software had 'the highest …'").
    const clause = [...said.slice(0, hit.index).matchAll(/\b(?:and|adding|saying|insisting) that\s+|\band (?:said|says|added|adds|insisted|insists)(?: that)?\s+/g)].at(-1);
    const from = clause ? qs + clause.index + clause[0].length : qs;
    const speakerName = a.entity ? (corpus.entityById.get(a.entity)?.name ?? a.claimant) : capitalise(a.claimant.replace(/^.*?\b(the (?:[\w-]+ )?)/i, '$1').trim());
    out.push(
      quoteDraft(view, s.start + from, s.start + qe, {
        kind: 'self-serving',
        severity: 'low',
        label: CAVEAT_KINDS['self-serving'].label,
        explanation: `${speakerName} vouches for ${a.entity && corpus.entityById.get(a.entity)?.type !== 'organisation' ? 'their own side’s' : 'its own'} conduct, product or record (“${hit[0].replace(/["“”]/g, '').trim()}”): that is ${a.entity && corpus.entityById.get(a.entity)?.type !== 'organisation' ? 'their' : 'its'} own account, which the report does not test against anything else.`,
        reasoning: 'Rule own-record: a speaker for a body describes the body’s own conduct, product or record in favourable terms (vouching words or a superlative about its own things).',
        rule: 'own-record',
        confidence: 0.7,
        claimant: { name: a.claimant, role: a.role, entity: a.entity },
        entities: a.entity ? [a.entity] : [],
      }),
    );
  }
  return out;
}

// ---------- the chooser praising its choice ----------

const AWARD = new RegExp(`(?:${alternation(PHRASES.awardCues)})\\b`);
const GOVERNMENT_TAG = new RegExp(`\\b(?:${alternation(PHRASES.governmentTitles)})\\b`);
/** The winner referred to by its kind in what was said ("the consortium had offered …"). */
const WINNER_NOUN = /\b(?:the|its|their) (?:winning |successful |chosen )?(?:consortium|winner|bidder|bid|offer|contractor|supplier|firm|company|group|partner|joint venture)\b/i;

/**
 * A government speaker praising the bidder their own government chose ("The contract went to a consortium led by X. The
 * energy minister said at the signing that the consortium had offered 'the best technology at the best price'"):
 * the chooser defending its own decision, self-serving. Only where the report says, in that sentence or the three
 * before it, that a contract, tender or concession went to the bidder, and the praise (a superlative, not negated)
 * is about the bidder (named in the award, or by its kind). Never an analyst's or a rival's view, never the report's voice.
 */
export function chooserPraise(view: ReportView, corpus: Corpus): CaveatDraft[] {
  const out: CaveatDraft[] = [];
  view.sentences.forEach((s, i) => {
    if (s.heading) return;
    const a = s.attribution;
    if (a.role !== 'official' && a.role !== 'party-official') return;
    const [qs, qe] = reportedSpan(s);
    if (!GOVERNMENT_TAG.test(s.text.slice(0, qs) + ' ' + s.text.slice(qe))) return;
    const said = s.text.slice(qs, qe);
    const sup = SUPERLATIVE.exec(said) ?? /\bthe best\b/i.exec(said);
    if (!sup || NEGATED.test(said.slice(0, sup.index))) return;
    const award = [...view.sentences.slice(Math.max(0, i - 3), i), s].filter((x) => !x.heading && AWARD.test(x.text));
    if (award.length === 0) return;
    // The praised one is the bidder the award names (not a place), or the bidder by its kind.
    const winners = new Set(award.flatMap((x) => x.mentions.filter((m) => m.type === 'organisation' || m.type === 'person').map((m) => m.entity)));
    winners.delete(a.entity ?? '');
    const inSaid = s.mentions.filter((m) => m.start >= qs && m.end <= qe);
    const winner = inSaid.find((m) => winners.has(m.entity))?.entity ?? (WINNER_NOUN.test(said.slice(0, sup.index)) ? ([...winners][0] ?? null) : null);
    if (winner === null) return;
    const speakerName = a.entity ? (corpus.entityById.get(a.entity)?.name ?? a.claimant) : capitalise(a.claimant.trim());
    const winnerName = corpus.entityById.get(winner)?.name ?? 'the bidder';
    out.push(
      quoteDraft(view, s.start + qs, s.start + qe, {
        kind: 'self-serving',
        severity: 'low',
        label: CAVEAT_KINDS['self-serving'].label,
        explanation: `${speakerName} speaks for the government that chose ${winnerName}: praising its offer defends their own decision, which the report does not test against anything else.`,
        reasoning: 'Rule chooser-praise: a government speaker praises, with a superlative, the bidder the report says the contract or tender went to.',
        rule: 'chooser-praise',
        confidence: 0.7,
        claimant: { name: a.claimant, role: a.role, entity: a.entity },
        entities: [...new Set([...(a.entity ? [a.entity] : []), winner])],
      }),
    );
  });
  return out;
}

// ---------- a side accusing the other ----------

/** Bodies whose accusation is a finding of their office, not a side's: courts, prosecutors, regulators, auditors. */
const AUTHORITY = /\b(?:court|judge|prosecutors?|regulators?|authority|police|inspectors?|auditors?|commission|ombudsman|watchdog|investigators?|coroner|tribunal)\b/i;
/** A side's accusation: "accused the union of …", "his team had evidence of vote-buying by …", "X are looking for someone to blame". */
const SIDE_ACCUSES = [
  /\baccus(?:ed|es|ing) (?:the|its|their|his|her|our) (?:[\p{L}'’-]+\s+){0,3}?of\b/iu,
  // "accused environmental groups of …": the other side as a kind of body, unnamed.
  /\baccus(?:ed|es|ing) (?:[a-z-]+\s+){0,2}(?:groups|organi[sz]ations|activists|campaigners|environmentalists|companies|firms|unions|parties|charities|NGOs|rivals|competitors) of\b/u,
  // "accused Karoo of", "accused Uzbekistan of": the accused named (no case folding, so \p{Lu} stays a capital).
  /\baccus(?:ed|es|ing) \p{Lu}[\p{L}'’.-]*(?:\s+(?:of the\s+)?\p{Lu}[\p{L}'’.-]*){0,4}(?:\s+\([^)]{1,20}\))?\s+of\b/u,
  /\b(?:his|her|their|our|my) (?:team|campaign|party|side|club|lawyers?|union|members) (?:had|has|have) (?:evidence|proof) of\b|\bwe (?:have|had) (?:evidence|proof) of\b/i,
  /\b(?:looking for (?:someone|somebody|a scapegoat) to blame|trying to (?:shift|deflect|pass) (?:the )?blame|looking for a scapegoat|smear campaign|witch[- ]hunt)\b/i,
];

/** The accuser as the subject of "accused … of" in the report's voice: "(In a statement) the company (has) accused the union of". */
// Also with an apposition between the body and its verb ("The X Ratepayers Alliance, a coalition of farm groups, school districts and
// small businesses, accused …").
const ACCUSER_SUBJECT =
  /(?:^|,\s*|\bIn a statement(?: on \p{Lu}\p{Ll}+)?,?\s+)(the (?:company|club|union|firm|group|management|party|campaign|government|ministry|council|board|league|federation)|\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,4})(?:,\s+(?:an?|the)\s+[^“”",.;]{2,60}(?:,\s+[^“”",.;]{2,40}){0,3},)?\s+(?:has\s+|had\s+|also\s+|then\s+)?accus(?:ed|es)\s+(?:the|its|their|his|her)\s/iu;

/**
 * A side in a dispute accusing the other (a company accusing the union it is bargaining with, a candidate's team alleging
 * vote-buying by the rival's volunteers, an agent saying the club "is looking for someone to blame"): interested party,
 * whether or not data/parties.json knows the two. Only what a speaker the report names says (a quotation that runs on
 * from their speech tag counts), never a court's, prosecutor's or regulator's finding, and never the report's own voice.
 */
export function sideAccuses(view: ReportView, corpus: Corpus): CaveatDraft[] {
  const out: CaveatDraft[] = [];
  for (const s of view.sentences) {
    if (s.heading) continue;
    let a = /^\s*[“"]/.test(s.text) ? coveringAttribution(view, s) : s.attribution;
    // "In a statement the company accused the union of …": the verb itself says whose accusation it is.
    const accuser = a.role === 'reporter' ? ACCUSER_SUBJECT.exec(s.text) : null;
    if (accuser) {
      const at = s.text.indexOf(accuser[1]!, accuser.index);
      // Sentence mentions are offsets within the sentence: the accuser's name where the subject stands ("Condori accuses …").
      const m = s.mentions.find((x) => x.start <= at && x.end >= at + accuser[1]!.length - 1);
      a = { ...a, claimant: accuser[1]!, role: 'official', entity: m?.entity ?? null, cue: 'accused' };
    }
    if (!SPEAKS_FOR_BODY_ROLES.has(a.role) || AUTHORITY.test(a.claimant)) continue;
    // A side's own document ("The letter accused the family of …"), unless an authority wrote it just before.
    const prev = view.sentences[s.index - 1];
    const document = a.entity === null && PARTY_DOCUMENT.test(a.claimant.trim()) && !(prev && prev.paragraph === s.paragraph && AUTHORITY.test(prev.text));
    const standing = standingOf(view, corpus, a.entity, a.claimant, s);
    // "Opposition MP Anoma Perera accused …": a person the tag itself names and marks as a side, even when the name was not
    // resolved to an entity.
    const taggedSide = a.entity === null && (standing === 'side' || standing === 'rival') && /\p{Lu}[\p{L}'’-]+\s+\p{Lu}[\p{L}'’-]+$/u.test(a.claimant.trim());
    if (a.entity === null && !BODY_TAG.test(a.claimant) && !document && !taggedSide) continue;
    if (standing === 'neutral') continue;
    // When the speech verb is the accusation itself ("The union has accused the company of …"), what was said starts at it.
    const cueAt = /accus/i.test(a.cue) ? s.text.search(/\baccus(?:ed|es|ing)\b/i) : -1;
    const [qs, qe] = cueAt >= 0 ? trimSpan(s.text, cueAt, s.text.length) : a === s.attribution ? reportedSpan(s) : trimSpan(s.text, accuser ? accuser.index : 0, s.text.length);
    const said = s.text.slice(qs, qe);
    const hit = SIDE_ACCUSES.map((re) => re.exec(said)).find((m) => m !== null);
    if (!hit || NEGATED.test(said.slice(0, hit.index))) continue;
    // "accused X of" is a side's charge when a body makes it (a company, a union, an armed group); a person's charge
    // (a councillor accusing the harbour master) may be an office's, and the sourcing rules read it.
    // A person whom the report introduces as a side's ("GLZ chairman X", "Opposition senator X", "X, who has clashed with Y") makes it too.
    const byBody = BODY_TAG.test(a.claimant) || document || (a.entity !== null && corpus.entityById.get(a.entity)?.type === 'organisation');
    // A named person, introduced as neither neutral nor an authority (a prosecutor, an inspector), who accuses in their
    // own quoted words ("accused Karoo of 'trying to buy the market …'") is taking a side; a paraphrased charge ("accused
    // the harbour master of negligence") may be an office's, and is left alone.
    const ownWords = /^[\s]*[“"]/.test(said.slice(hit.index + hit[0].length));
    const namedPerson = ownWords && a.entity !== null && corpus.entityById.get(a.entity)?.type === 'person' && !AUTHORITY.test(introductionOf(view, a.entity, a.claimant, s));
    if (/^accus/i.test(hit[0]) && !(byBody || standing === 'side' || standing === 'rival' || namedPerson)) continue;
    // A person's accusation the report says they did not back ("…, without providing evidence") is the unbacked-claim finding's.
    if (!byBody && UNBACKED.test(said)) continue;
    // Someone else is accused: an entity other than the speaker named in what was said, or a definite body ("the union").
    const others = s.mentions.filter((m) => m.entity !== a.entity && m.start >= qs && m.end <= qe && corpus.entityById.get(m.entity)?.type !== 'place');
    if (others.length === 0 && !/^accus/i.test(hit[0])) continue;
    const start = /^accus/i.test(hit[0]) ? qs + hit.index : qs;
    // The accusation, not the rebuttal the report hangs on it ("…, an allegation the company rejects").
    const rebut = /,\s+(?:an? (?:allegation|charge|claim|accusation)|a claim|something|which)\b/i.exec(s.text.slice(start, qe));
    const end = rebut ? start + rebut.index : qe;
    const speakerName = a.entity ? (corpus.entityById.get(a.entity)?.name ?? a.claimant) : capitalise(a.claimant.replace(/^.*?\b(the (?:[\w-]+ )?)/i, '$1').trim());
    const isPerson = a.entity !== null && corpus.entityById.get(a.entity)?.type === 'person';
    // Who wrote the document: the organisation the sentence before says wrote or sent it ("X wrote to the board …").
    const author =
      document && prev && prev.paragraph === s.paragraph && /\b(?:wrote|sent|filed|published|issued|posted|signed)\b/.test(prev.text)
        ? (prev.mentions.find((m) => corpus.entityById.get(m.entity)?.type === 'organisation')?.entity ?? null)
        : null;
    out.push(
      quoteDraft(view, s.start + start, s.start + end, {
        kind: 'interested-party',
        severity: 'medium',
        label: CAVEAT_KINDS['interested-party'].label,
        explanation: document
          ? `This ${a.claimant.trim().replace(/^\S+\s+/, '')}${author ? ` from ${corpus.entityById.get(author)?.name ?? 'one side'}` : ''} comes from one side of this dispute and accuses the other: that is one side’s accusation, not an independent finding.`
          : `${speakerName} ${isPerson ? 'speaks for one side of' : 'is a side in'} this dispute and here accuses the other side: that is one side’s accusation, not an independent finding.`,
        reasoning: 'Rule side-accuses: a named speaker or a body that is a party to the dispute accuses its opponent (not a court, prosecutor or regulator).',
        rule: 'side-accuses',
        confidence: 0.7,
        claimant: { name: a.claimant, role: a.role, entity: a.entity },
        entities: [...new Set([...others.map((m) => m.entity), ...(a.entity ? [a.entity] : []), ...(author ? [author] : [])])],
      }),
    );
  }
  return out;
}

// ---------- a body blaming its failure on someone else ----------

const BLAME_SHIFT = anyOf(INTEREST_PHRASES.blameShiftPatterns);
/** A body as the subject of "blamed" in the report's voice ("Harlan Foods blamed a supplier", "The company has blamed …"). */
const BLAMER_SUBJECT = /^((?:The (?:company|firm|group|operator|airline|utility|consortium|manufacturer|carmaker|retailer|bank|municipality|council|ministry|department|board))|\p{Lu}[\p{L}'’&-]*(?:\s+\p{Lu}[\p{L}'’&-]*){0,4})\s+(?=(?:has\s+|had\s+|also\s+)?blam(?:ed|es)\b)/u;
/** "The municipality says … . It blames …": the body the sentence before opened with, in the same paragraph. */
const BODY_OPENING = /^(The (?:company|firm|group|operator|airline|utility|consortium|manufacturer|carmaker|retailer|bank|municipality|council|ministry|department|board))\s+(?:also\s+)?(?:says|said|insists|insisted|maintains|maintained)\b/;

/**
 * A body (or its speaker) putting its own failure down to another party ("The company said the outage was caused by
 * 'an upgrade at a third-party data centre'", "blamed a subcontractor for the delay"): interested party, the account
 * of the one whose failure it is. Never the report's own voice, a neutral speaker, or a court's or regulator's finding.
 */
export function blameShift(view: ReportView, corpus: Corpus): CaveatDraft[] {
  const out: CaveatDraft[] = [];
  for (const s of view.sentences) {
    if (s.heading) continue;
    let a = s.attribution;
    // "Harlan Foods blamed a packaging supplier for …": the verb itself says whose account it is.
    const blamer = a.role === 'reporter' ? BLAMER_SUBJECT.exec(s.text) : null;
    // "It blames the failure on …": the body that spoke in the sentence before.
    const prev = view.sentences[s.index - 1];
    const it = blamer && blamer[1] === 'It' && prev && prev.paragraph === s.paragraph ? BODY_OPENING.exec(prev.text) : null;
    if (blamer && blamer[1] === 'It' && !it) continue;
    if (it) {
      const m = prev!.mentions.find((x) => x.start === 0 && corpus.entityById.get(x.entity)?.type === 'organisation');
      a = { ...a, claimant: it[1]!, role: 'company', entity: m?.entity ?? null, cue: 'blames' };
    } else if (blamer) {
      // The subject named at the sentence's start (an organisation, or a name the extractor typed as a person).
      const m = s.mentions.find((x) => x.start === 0 && x.end >= blamer[1]!.length - 1 && ['organisation', 'person'].includes(corpus.entityById.get(x.entity)?.type ?? ''));
      if (!m && !BODY_TAG.test(blamer[1]!)) continue;
      a = { ...a, claimant: blamer[1]!, role: 'company', entity: m?.entity ?? null, cue: 'blamed' };
    }
    if (!SPEAKS_FOR_BODY_ROLES.has(a.role) || AUTHORITY.test(a.claimant)) continue;
    if (a.entity === null && !BODY_TAG.test(a.claimant)) continue;
    if (standingOf(view, corpus, a.entity, a.claimant, s) === 'neutral') continue;
    const [qs, qe] = blamer ? trimSpan(s.text, blamer[1]!.length, s.text.length) : reportedSpan(s);
    const said = s.text.slice(qs, qe);
    const hit = BLAME_SHIFT.exec(said);
    if (!hit || NEGATED.test(said.slice(0, hit.index))) continue;
    const speakerName = a.entity ? (corpus.entityById.get(a.entity)?.name ?? a.claimant) : capitalise(a.claimant.trim());
    out.push(
      quoteDraft(view, s.start + qs + hit.index, s.start + qs + hit.index + hit[0].length, {
        kind: 'interested-party',
        severity: 'medium',
        label: CAVEAT_KINDS['interested-party'].label,
        explanation: `${speakerName} puts the failure down to another party (a supplier, a contractor, an outside provider): that is one side’s account of who is to blame, not an independent finding.`,
        reasoning: 'Rule blame-shift: a body or its speaker says its own failure was caused by a third party (a supplier, a contractor, an outside provider).',
        rule: 'blame-shift',
        confidence: 0.65,
        claimant: { name: a.claimant, role: a.role, entity: a.entity },
        entities: a.entity ? [a.entity] : [],
      }),
    );
  }
  return out;
}

/** Who speaks in a sentence the attribution left to the report: its first named person or body, then a speech verb ("X, which represents ranchers, rejected …, calling the study …", "Niger's government spokesman, Colonel X, said …"). */
function leadSpeaker(s: SentenceView, corpus: Corpus): { entity: string; said: [number, number] } | null {
  const m = s.mentions.find((x) => x.start < 100 && corpus.entityById.get(x.entity)?.type !== 'place');
  if (!m || !['person', 'organisation'].includes(corpus.entityById.get(m.entity)?.type ?? '')) return null;
  // The speaker is the sentence's subject: nothing before it but its own description.
  if (/\b(?:said|says|told|according)\b/i.test(s.text.slice(0, m.start))) return null;
  const rest = s.text.slice(m.end);
  const verb = /\b(?:said|says|told|wrote|added|calling|called|described|rejected|dismissed)\b/i.exec(rest);
  if (!verb) return null;
  const from = m.end + verb.index;
  const that = /^\w+(?:\s+[^"“.;,]{0,60}?)?\s+that\s+/.exec(s.text.slice(from));
  // "said the tax was …": what was said starts after a plain speech verb; "calling the study …" keeps its verb.
  const plain = /^(?:said|says|wrote|added)\s+/i.exec(s.text.slice(from));
  return { entity: m.entity, said: trimSpan(s.text, that ? from + that[0].length : plain ? from + plain[0].length : from, s.text.length) };
}

/** The other side by its role, inside a side's hostile words. */
const OTHER_SIDE = /\b(?:the|an?|this|that)\s+(?:(?:ruling|governing|incumbent|opposition|rival|current)\s+)?(?:party|administration|government|opposition|regime|authorities|ministry|minister|governor(?:['’]s office)?|president|company|management|union|board|club)\b/i;
/** A verb that labels what the other side did: "calling the study …", "called the extension …", "described X as …". */
const LABEL_VERB = /\b(?:call(?:ed|ing|s)?|describ(?:ed|ing|es)|brand(?:ed|ing|s)?|labell?(?:ed|ing)|dismiss(?:ed|ing|es))\b/i;

/**
 * A side's disparaging words for what the other side does, in its own quoted words ("calling the study 'an attack on
 * families'", "the regulator was 'punishing innovation'", "called the extension 'irresponsible'", "the mission had
 * 'shown that it is a danger to the people it claims to protect'"), and a rival's verdict on its competitor ("Rival
 * exchange X said 'this was always going to happen to a business built on promises …'"): interested party. Only a
 * body or a person the report introduces as a side's, never a neutral role or an authority, and never the report's voice.
 */
export function sideDisparages(view: ReportView, corpus: Corpus): CaveatDraft[] {
  const out: CaveatDraft[] = [];
  for (const s of view.sentences) {
    if (s.heading) continue;
    const a = s.attribution;
    let speaker: string | null;
    let claimant: string;
    let qs: number;
    let qe: number;
    if (SPEAKS_FOR_BODY_ROLES.has(a.role)) {
      speaker = a.entity;
      claimant = a.claimant;
      [qs, qe] = reportedSpan(s);
    } else if (a.role === 'reporter') {
      const lead = leadSpeaker(s, corpus);
      if (!lead) continue;
      speaker = lead.entity;
      claimant = corpus.entityById.get(lead.entity)?.name ?? '';
      [qs, qe] = lead.said;
    } else continue;
    if (AUTHORITY.test(claimant) || (speaker === null && !BODY_TAG.test(claimant))) continue;
    const standing = standingOf(view, corpus, speaker, claimant, s);
    const body = speaker !== null && corpus.entityById.get(speaker)?.type === 'organisation';
    if (standing === 'neutral' || !(standing === 'side' || standing === 'rival' || body || BODY_TAG.test(claimant))) continue;
    const said = s.text.slice(qs, qe);
    // The side's own words, in quotation marks (read over the sentence: the span may start inside a quotation), as offsets into `said`.
    const quoted = [...s.text.matchAll(/[“"]([^”"]{3,300})(?:[”"]|$)/g)]
      .map((q) => ({ text: q[1]!, at: q.index + 1 - qs }))
      .filter((q) => q.at + q.text.length > 0 && q.at < said.length);
    if (quoted.length === 0) continue;
    const disparaging = quoted.find((q) => {
      const d = DISPARAGING.exec(q.text);
      return d !== null && !NEGATED.test(q.text.slice(0, d.index));
    });
    const others = s.mentions.filter((m) => m.entity !== speaker && corpus.entityById.get(m.entity)?.type !== 'place');
    // A rival's words about the competitor it names in the sentence (not about a court it will go to).
    const rival = standing === 'rival' && others.some((m) => corpus.entityById.get(m.entity)?.type === 'organisation' && !AUTHORITY.test(corpus.entityById.get(m.entity)?.name ?? ''));
    if (!disparaging && !rival) continue;
    // About someone else: another named party in what was said, or the other side's thing by its noun ("the study").
    const firstQuote = Math.max(0, (disparaging ?? quoted[0]!).at - 1);
    // Or the hostile words name the other side by its role ("stolen … by the ruling party", "an administration that …").
    const otherSide = disparaging !== undefined && OTHER_SIDE.test(disparaging.text);
    const target = others.some((m) => m.start >= qs && m.end <= qe) || /\bthe\s+\p{L}+/iu.test(said.slice(0, firstQuote)) || rival || otherSide;
    if (!target) continue;
    // From the labelling verb ("calling the study …"), in what was said or just before it.
    const label = LABEL_VERB.exec(said.slice(0, firstQuote));
    const tagVerb = new RegExp(`${LABEL_VERB.source}\\s*$`, 'i').exec(s.text.slice(Math.max(0, qs - 20), qs));
    const start = label ? qs + label.index : tagVerb ? Math.max(0, qs - 20) + tagVerb.index : qs;
    const speakerName = speaker ? (corpus.entityById.get(speaker)?.name ?? claimant) : capitalise(claimant.replace(/^.*?\b(the (?:[\w-]+ )?)/i, '$1').trim());
    out.push(
      quoteDraft(view, s.start + start, s.start + qe, {
        kind: 'interested-party',
        severity: 'medium',
        label: CAVEAT_KINDS['interested-party'].label,
        explanation: rival
          ? `${speakerName} is a rival of the company it speaks about: that is a competitor’s verdict, not an independent finding.`
          : speaker !== null && corpus.entityById.get(speaker)?.type === 'person'
            ? `${speakerName} speaks for one side of this dispute and here describes what the other side does in hostile words of their own: that is one side’s view, not an independent finding.`
            : `${speakerName} is a side in this dispute and here describes what the other side does in hostile words of its own: that is one side’s view, not an independent finding.`,
        reasoning: 'Rule side-disparages: a body, or a person the report introduces as a side’s or a rival’s, labels the other side in its own quoted words (not a neutral expert, a court, prosecutor or regulator).',
        rule: 'side-disparages',
        confidence: 0.65,
        claimant: { name: claimant, role: a.role, entity: speaker },
        entities: [...new Set([...others.filter((m) => m.start >= qs && m.end <= qe).map((m) => m.entity), ...(speaker ? [speaker] : [])])],
      }),
    );
  }
  return out;
}

/**
 * What a speaker said, without the tag: after "X said (in a filing to Y) that …" (the first "that" after the cue, near it),
 * or before ", X said".
 */
function reportedSpan(s: SentenceView): [number, number] {
  const a = s.attribution;
  const at = a.claimant ? s.text.indexOf(a.claimant) : -1;
  const cue = at >= 0 && a.cue ? s.text.indexOf(a.cue, at + a.claimant.length) : -1;
  if (at >= 0 && at < s.text.length / 2 && cue >= 0) {
    const rest = s.text.slice(cue + a.cue.length);
    const that = /^[^"“”.;]{0,80}?\bthat\s+/.exec(rest);
    const from = cue + a.cue.length + (that ? that[0].length : (/^\s*/.exec(rest)?.[0].length ?? 0));
    return trimSpan(s.text, from, s.text.length);
  }
  return saidSpan(s);
}

/** The speaker is a chief executive or spokesperson of the organisation the claim is about ("Chief executive X said Fjordair operated …"). */
function speaksForSubject(s: SentenceView, corpus: Corpus): boolean {
  const subj = s.claim?.subject ?? null;
  if (!subj || subj === s.attribution.entity) return false;
  if (corpus.entityById.get(subj)?.type !== 'organisation') return false;
  const a = s.attribution;
  // The role may be in the claimant ("Chief executive X") or in an apposition before it ("The company's head of human resources, Dr. X,").
  const at = a.claimant ? s.text.indexOf(a.claimant) : -1;
  const lead = at > 0 && at < 120 ? s.text.slice(0, at) : '';
  return SPEAKER_ROLE.test(a.claimant) || (/^(?:The|Its) (?:company|firm|group|operator|club|bank|airline|exchange)['’]s\s/i.test(lead) && /,\s*$/.test(lead));
}

const SPEAKER_ROLE = /\b(?:chief|executive|chairman|chairwoman|chair|president|director|spokes(?:man|woman|person)|founder|owner|manager|head)\b/i;

/**
 * A sentence that opens with a quotation and names its speaker only after it, in a tag the attribution did not read
 * ("'Our products are tested …,' its commercial director, X, said in a statement"): the speaker by their role, when
 * the role speaks for a body.
 */
function leadQuoteTag(view: ReportView, s: SentenceView): SentenceView['attribution'] | null {
  const m = /^\s*[“"]([^”"]{10,400})[,.]?[”"],?\s+((?:its|the|their|his|her)\s+[^.;"“”]{3,120}?)\s+(?:said|says|told|added|wrote)\b/iu.exec(s.text);
  if (!m || !SPEAKER_ROLE.test(m[2]!)) return null;
  const tagAt = s.text.indexOf(m[2]!, m[1]!.length);
  const person = s.mentions.find((x) => x.start >= tagAt && x.end <= tagAt + m[2]!.length && mentionType(view, x.entity) === 'person');
  return { ...s.attribution, claimant: m[2]!, role: 'official', entity: person?.entity ?? null, cue: 'said' };
}

/** The quotation that opens a sentence, without its marks. */
function leadQuoteSpan(s: SentenceView): [number, number] {
  const m = /^\s*[“"]([^”"]{10,400}?)[,.]?[”"]/u.exec(s.text)!;
  const at = s.text.indexOf(m[1]!);
  return [at, at + m[1]!.length];
}

function mentionType(view: ReportView, id: string): string | undefined {
  return view.mentions.find((m) => m.entity === id)?.type;
}

// ---------- a party's own release ----------

/** "Norvane Robotics AS, Norway's leading …, today issued the following statement": the issuer's own voice. */
const RELEASE_LEAD = new RegExp(`\\b(?:today\\s+|on\\s+\\p{Lu}\\p{Ll}+day\\s+)?(?:${alternation(PHRASES.releaseLeads)})\\b`, 'u');
const RELEASE_MARK = /^\s*(?:PRESS RELEASE|FOR IMMEDIATE RELEASE|NEWS RELEASE|MEDIA RELEASE|Press [Rr]elease|News [Rr]elease|Media [Rr]elease)\b/;
const fold = (t: string) => t.toLowerCase().replace(/[\s.,]+/g, ' ').trim();

/**
 * A press release ("PRESS RELEASE | Helios Nederland B.V. | …", or an "About
 * <publisher>" boilerplate section): the whole text is the publisher's own
 * account of itself. One report-level caveat, resting on the marker and on
 * every sentence where the release praises its own product or record.
 */
export function ownRelease(view: ReportView, corpus: Corpus): CaveatDraft[] {
  const publisher = view.report.publisher;
  const known = publisher !== 'unknown' ? fold(publisher) : null;
  const nameOf = (id: string) => {
    const e = corpus.entityById.get(id);
    return e ? [e.name, ...e.aliases.map((a) => a.text)].map(fold) : [];
  };
  // A company's statement carried by another outlet ("Kairo Technologies … today issued the following statement", then
  // "About Kairo Technologies"): the "About" boilerplate names an organisation the report names, not the publisher.
  const aboutOther = (s: SentenceView) => {
    if (!s.heading || !/^About\s+\p{Lu}/u.test(s.text)) return undefined;
    const who = fold(s.text.replace(/^About\s+/, ''));
    return view.mentions.find((m) => m.type === 'organisation' && nameOf(m.entity).some((n) => n === who || n.startsWith(`${who} `)));
  };
  const marker =
    view.sentences.slice(0, 6).find((s) => RELEASE_MARK.test(s.text)) ??
    (known ? view.sentences.find((s) => s.heading && /^About\s+/.test(s.text) && known.startsWith(fold(s.text.replace(/^About\s+/, '')))) : undefined);
  // Or the issuer opening in the release's own voice: "X today issued the following statement" (the issuer is the organisation before the lead).
  const leadOf = (s: SentenceView) => {
    const lead = s.heading || s.attribution.role !== 'reporter' ? null : RELEASE_LEAD.exec(s.text);
    const m = lead ? s.mentions.find((x) => x.type === 'organisation' && x.end <= lead.index) : undefined;
    return m ? { s, m } : undefined;
  };
  const other = marker
    ? undefined
    : (view.sentences.map((s) => ({ s, m: aboutOther(s) })).find((x) => x.m !== undefined) ?? view.sentences.slice(0, 6).map(leadOf).find((x) => x !== undefined));
  const at = marker ?? other?.s;
  if (!at) return [];
  // Praise in the release's own voice, not in an editor's note the carrier adds after it.
  const note = view.sentences.find((s) => s.start > at.start && /^Editor['’]s note\b/i.test(s.text));
  const praise = view.sentences.filter(
    (s) => s !== at && !s.heading && (!note || s.start < note.start) && (OWN_STANCE.test(s.text) || (other !== undefined && SUPERLATIVE.test(s.text) && /\b(?:is|are) (?:the|one of the) (?:most|best)\b/i.test(s.text))),
  );
  // The publisher (or the organisation the release is from) as an entity, where the text names it.
  const own = other?.m ?? (known ? view.mentions.find((m) => nameOf(m.entity).some((n) => n === known)) : undefined);
  const who = other?.m ? (corpus.entityById.get(other.m.entity)?.name ?? publisher) : publisher !== 'unknown' ? publisher : 'the organisation it is about';
  // The outlet that carried it: the original it says it first appeared on, else its publisher.
  const carrier = view.report.republishedFrom?.publisher ?? publisher;
  return [
    quoteDraft(view, at.start, at.end, {
      kind: 'self-serving',
      severity: 'medium',
      label: 'Press release',
      explanation: `This is ${who}${/s$/.test(who) ? '’' : '’s'} own press release${other && carrier !== 'unknown' && carrier !== who ? `, carried by ${carrier}` : ''}: what it says about itself and its products is its own account, not an independent report.`,
      reasoning: 'Rule own-release: the text marks itself as a press release (or carries an “About <publisher>” boilerplate, or an “About <organisation>” boilerplate of an organisation it names, carried by another outlet); its praise of its own product or record is quoted as evidence.',
      rule: 'own-release',
      confidence: 0.9,
      claimant: own ? { name: other ? who : publisher, role: 'company', entity: own.entity } : null,
      scope: 'report',
      entities: own ? [own.entity] : [],
      appearances: praise.map((s) => ({ report: view.id, quote: s.text, start: s.start })),
    }),
  ];
}
