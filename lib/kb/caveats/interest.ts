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
import { alternation, PHRASES } from './phrases';
import { trimSpan } from './text';
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
const VOUCH =
  /\b(?:under control|acted (?:properly|lawfully|appropriately|responsibly|correctly|in good faith)|(?:followed|complied with|abided by) (?:the law|all (?:the )?(?:rules|regulations|procedures|laws)|(?:the )?(?:correct |proper )?procedures?)|to the letter|(?:full|complete|total|every)\s+confidence["”’]?\s+in|never (?:been )?(?:compromised|at risk)|fully (?:approved|audited|compliant|vetted)|approved by independent auditors|worked [“"]?(?:exactly |just )?as (?:(?:it|they) (?:was|were) )?(?:designed|intended)(?: to)?|among the first to (?:help|respond|act|arrive)|(?:utmost|greatest) (?:restraint|care|professionalism)|acted with (?:[\w\s]{0,30})(?:restraint|professionalism|integrity)|(?:the )?highest (?:possible )?standards?|set the standard for|tested to [\w\s-]{0,30}standards|(?:safe|secure) and fully (?:backed|protected|funded)|fully backed|swift and decisive|prevented (?:far |much |even )?worse|(?:is|are|was|were|remains?|remained) (?:completely |entirely |perfectly )?safe\b|carried on safely|responded within (?:hours|minutes)|(?:would|will|does|did) not (?:affect|disrupt|hurt|harm) (?:its|our|their) (?:operations|business|customers|services|finances|results|plans)|(?:the )?(?:results?|fruits?|benefits?) of (?:the |our |its |their )?(?:[\w-]+ ){0,2}(?:decisions?|reforms?|polic(?:y|ies)|measures|work|efforts?|choices)\b)/i;
/** Praise by superlative ("its offer was the most generous in the history of the operation", "one of the best-maintained fleets"). */
const SUPERLATIVE = /\b(?:one of the|the) (?:most [a-z]+|(?:best|finest|safest|fairest|cleanest|strongest|largest|lowest|highest)(?:-[a-z]+)?)\b/i;
/** The claim speaks of the speaker's own body or things: "its offer", "our teams", "we", "the company's". */
const OWN_REF = /\b(?:its|our|we|us)\b|\bit (?:had|has)\b|\b(?:the|this) (?:company|club|trust|ministry|university|bank|government|council|firm|group|airline|hospital|board|agency|union|town|city|municipality|county|mission|force|exchange|fund|federation|school|department)(?:['’]s)?\b/i;
/** "the best offer in the history of this company": the speaker's own body, by "this". */
const THIS_BODY = /\bthis (?:company|club|firm|group|bank|airline|exchange|fund|union|city|town|government|ministry|mission|hospital|university)\b/i;
/** A negation before the vouching words turns them into someone's accusation ("had not acted properly"). */
const NEGATED = /\b(?:not|n['’]t|no longer|hardly|failed to)\s+(?:[\w-]+\s+){0,2}$/i;
/** A body by its kind in a speech tag ("the company", "the club", "the trust", "the ministry's spokesman"). */
const BODY_TAG = /\b(?:company|club|trust|ministry|university|bank|government|council|firm|group|airline|operator|board|agency|union|department|hospital|federation|league|party|campaign)\b/i;
const SPEAKS_FOR_BODY_ROLES = new Set(['official', 'company', 'party-official']);

/**
 * A body, or someone speaking for it, vouching for its own conduct, product or record ("the company said its systems are
 * safe", "the club said it had acted properly throughout", "Our teams responded within hours", a chief executive's "one of
 * the best-maintained fleets"): self-serving, quoted on what was said. Only what a speaker the report names (or a body
 * by its kind) says, never the report's own voice, and not where the words are negated.
 */
export function ownRecord(view: ReportView, corpus: Corpus): CaveatDraft[] {
  const out: CaveatDraft[] = [];
  for (const s of view.sentences) {
    if (s.heading) continue;
    const a = s.attribution;
    if (!SPEAKS_FOR_BODY_ROLES.has(a.role)) continue;
    if (a.entity === null && !BODY_TAG.test(a.claimant) && !/[“"]|^\s*(?:Our|We)\b/.test(s.text)) continue;
    const [qs1, qe0] = reportedSpan(s);
    // A transcript's speaker label ("BLAKE:") is who speaks, not what was said.
    const qs = qs1 + (/^\p{Lu}[\p{Lu} .'’()-]{1,60}:\s+/u.exec(s.text.slice(qs1, qe0))?.[0].length ?? 0);
    const said0 = s.text.slice(qs, qe0);
    // A second verb of the speaker's ("… and accused the union of …") is another finding: stop there.
    const next = /\s+and (?:that )?(?:accus|blam|attack|criticis|den|call|warn)\w*/.exec(said0);
    const qe = next ? qs + next.index : qe0;
    const said = s.text.slice(qs, qe);
    const vouch = VOUCH.exec(said);
    // What the speaker reports being told ("every time we are told it is under control") is not their own account.
    if (vouch && /\b(?:told|claim(?:s|ed)?|insist(?:s|ed)?|promised|assured)\s+(?:that\s+)?(?:[\w'’-]+\s+){0,3}$/i.test(said.slice(0, vouch.index))) continue;
    const sup = SUPERLATIVE.exec(said);
    const hit = vouch && !NEGATED.test(said.slice(0, vouch.index)) ? vouch : sup && (OWN_REF.test(said.slice(0, sup.index)) || THIS_BODY.test(said) || speaksForSubject(s, corpus)) ? sup : null;
    if (!hit) continue;
    // A vouching phrase about the body's own things, or by a body whose claim names no one else's conduct.
    if (hit === vouch && !OWN_REF.test(said) && !/\b(?:he|she|it|they)\b/.test(said) && !speaksForSubject(s, corpus) && !/confidence|under control|to the letter/i.test(hit[0])) continue;
    const speakerName = a.entity ? (corpus.entityById.get(a.entity)?.name ?? a.claimant) : capitalise(a.claimant.replace(/^.*?\b(the (?:[\w-]+ )?)/i, '$1').trim());
    // "said X had no role in it and that the minister had full confidence in …": each reported clause is its own claim; quote the one vouching.
    const cuts = [...said.matchAll(/\s+and\s+that\s+/g)];
    const clauses = [0, ...cuts.map((c) => c.index + c[0].length)].map((from, i): [number, number] => [from, cuts[i]?.index ?? said.length]);
    const vouching = clauses.filter(([f, t]) => {
      const c = said.slice(f, t);
      const v = VOUCH.exec(c);
      const su = SUPERLATIVE.exec(c);
      return (v && !NEGATED.test(c.slice(0, v.index))) || (su && (OWN_REF.test(c.slice(0, su.index)) || THIS_BODY.test(c) || speaksForSubject(s, corpus)));
    });
    const [cs, ce] = vouching.length > 0 ? [qs + vouching[0]![0], qs + vouching[vouching.length - 1]![1]] : [qs, qe];
    out.push(
      quoteDraft(view, s.start + cs, s.start + ce, {
        kind: 'self-serving',
        severity: 'low',
        label: CAVEAT_KINDS['self-serving'].label,
        explanation: `${speakerName} vouches for ${a.entity ? 'their own side’s' : 'its own'} conduct, product or record (“${hit[0]}”): that is their own account, which the report does not test against anything else.`,
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
  /\b(?:his|her|their|our|my) (?:team|campaign|party|side|club|lawyers?|union|members) (?:had|has|have) (?:evidence|proof) of\b|\bwe (?:have|had) (?:evidence|proof) of\b/i,
  /\b(?:looking for (?:someone|somebody|a scapegoat) to blame|trying to (?:shift|deflect|pass) (?:the )?blame|looking for a scapegoat|smear campaign|witch[- ]hunt)\b/i,
];

/** The accuser as the subject of "accused … of" in the report's voice: "(In a statement) the company (has) accused the union of". */
const ACCUSER_SUBJECT =
  /(?:^|,\s*|\bIn a statement(?: on \p{Lu}\p{Ll}+)?,?\s+)(the (?:company|club|union|firm|group|management|party|campaign|government|ministry|council|board|league|federation|letter|statement|complaint|lawsuit|petition|post)|\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,4})\s+(?:has\s+|had\s+|also\s+|then\s+)?accus(?:ed|es)\s+(?:the|its|their|his|her)\s/iu;

/**
 * A side in a dispute accusing the other (a company accusing the union it is bargaining with, a candidate's team alleging
 * vote-buying by the rival's volunteers, an agent saying the club "is looking for someone to blame"): interested party,
 * whether or not data/parties.json knows the two. Only what a speaker the report names says (a quotation that runs on
 * from their speech tag counts), never a court's, prosecutor's or regulator's finding, and never the report's own voice.
 */
/** A side's own quoted word for its opponent's act: "called the extension "irresponsible …"", "the regulator was "punishing innovation"". */
const PEJORATIVE = alternation(PHRASES.pejoratives);
const SIDE_CHARACTERISES = [
  new RegExp(`\\bcall(?:ed|ing|s)\\s+(?:the|its|their|his|her|this)\\s+(?:[\\p{L}'’-]+\\s+){0,3}?[“"‘][^”"’]{0,80}?\\b(?:${PEJORATIVE})\\b`, 'iu'),
  new RegExp(`\\b(?:the|its|their|his|her)\\s+(?:[\\p{L}'’-]+\\s+){0,2}?(?:was|were|is|are|had|has|amounted\\s+to|amounts\\s+to)\\s+(?:(?:once\\s+again|again|simply|nothing\\s+but)\\s+)?[“"‘][^”"’]{0,80}?\\b(?:${PEJORATIVE})\\b`, 'iu'),
];
/** A body's document as the subject of "accused": "The letter accused the family of …". */
const DOCUMENT = /^the (?:letter|statement|complaint|lawsuit|petition|post)$/i;
const SIDE_MARK = new RegExp(`\\b(?:${alternation(PHRASES.sideMarks)})\\b`, 'i');
const SIDE_HEAD = new RegExp(`\\b(?:${alternation(PHRASES.sideHeads)})\\b`, 'i');

/**
 * Whether a named person speaks as a side: their introduction in the report marks them as one ("Opposition senator X",
 * "X, who has clashed with Y over the budget", "Rival exchange X") or as the head or spokesperson of a body ("the
 * union's chairman X", "Norland's government spokesman, X"), not as an office that rules on the matter.
 */
function personIsSide(view: ReportView, corpus: Corpus, entity: string, here: SentenceView): boolean {
  const first = view.sentences.find((x) => x.mentions.some((m) => m.entity === entity)) ?? here;
  return [first, here].some((x) => {
    const m = x.mentions.find((y) => y.entity === entity);
    if (!m) return false;
    const around = x.text.slice(Math.max(0, m.start - 60), Math.min(x.text.length, m.end + 90));
    if (AUTHORITY.test(around)) return false;
    if (SIDE_MARK.test(around)) return true;
    // The head of a body named beside them ("the union's chairman", "the company's head of human resources").
    const body = x.mentions.find((y) => y !== m && corpus.entityById.get(y.entity)?.type === 'organisation' && Math.abs(y.start - m.start) < 60);
    return SIDE_HEAD.test(around) && (body !== undefined || BODY_TAG.test(around) || /\bgovernment\b/i.test(around));
  });
}

export function sideAccuses(view: ReportView, corpus: Corpus): CaveatDraft[] {
  const out: CaveatDraft[] = [];
  for (const s of view.sentences) {
    if (s.heading) continue;
    let a = /^\s*[“"]/.test(s.text) ? coveringAttribution(view, s) : s.attribution;
    // "In a statement the company accused the union of …": the verb itself says whose accusation it is.
    const accuser = a.role === 'reporter' || DOCUMENT.test(a.claimant.trim()) ? ACCUSER_SUBJECT.exec(s.text) : null;
    if (accuser) {
      const at = s.text.indexOf(accuser[1]!, accuser.index);
      const m = s.mentions.find((x) => x.start - s.start <= at && x.end - s.start >= at + accuser[1]!.length - 1);
      // "The letter accused the family of …": the body whose letter the report has just named.
      const doc = DOCUMENT.test(accuser[1]!)
        ? [...view.sentences.slice(Math.max(0, s.index - 2), s.index + 1).flatMap((x) => x.mentions.filter((y) => x !== s || y.start < at))].reverse().find((y) => corpus.entityById.get(y.entity)?.type === 'organisation' && !AUTHORITY.test(corpus.entityById.get(y.entity)?.name ?? ''))
        : undefined;
      a = { ...a, claimant: accuser[1]!, role: 'official', entity: m?.entity ?? doc?.entity ?? null, cue: 'accused' };
    }
    // "The Ranchers Association (Arpa), which represents ranchers, rejected the report, calling the study "an attack on …"": the body opening the
    // sentence is the one calling it so.
    const calling = a.role === 'reporter' && !accuser ? SIDE_CHARACTERISES[0]!.exec(s.text) : null;
    const opener = calling ? s.mentions.find((m) => m.start < calling.index && !/[,;:“"]/.test(s.text.slice(0, m.start)) && corpus.entityById.get(m.entity)?.type === 'organisation') : undefined;
    if (calling && opener) a = { ...a, claimant: s.text.slice(opener.start, opener.end), role: 'official', entity: opener.entity, cue: '' };
    if (!SPEAKS_FOR_BODY_ROLES.has(a.role) || AUTHORITY.test(a.claimant)) continue;
    if (a.entity === null && !BODY_TAG.test(a.claimant)) continue;
    const isBody = BODY_TAG.test(a.claimant) || (a.entity !== null && corpus.entityById.get(a.entity)?.type === 'organisation');
    const isSide = isBody || (a.entity !== null && personIsSide(view, corpus, a.entity, s));
    // When the speech verb is the accusation itself ("The union has accused the company of …"), what was said starts at it;
    // so too when the speaker's tag comes before "accused" ("X, who has clashed with Y, accused the city manager of … and said …").
    const accusedAt = s.text.search(/\baccus(?:ed|es)\s/i);
    const tagBefore = accusedAt >= 0 && a.claimant !== '' && s.text.indexOf(a.claimant) >= 0 && s.text.indexOf(a.claimant) < accusedAt && !/[“"]/.test(s.text.slice(0, accusedAt));
    // "…, calling the study 'an attack on …'" read as the speech verb: what was said starts at it.
    const cueAt = /accus/i.test(a.cue) || tagBefore ? accusedAt : /^call/i.test(a.cue) ? s.text.search(/\bcall(?:ed|ing|s)\b/i) : -1;
    const [qs, qe0] = cueAt >= 0 ? trimSpan(s.text, cueAt, s.text.length) : opener ? trimSpan(s.text, calling!.index, s.text.length) : a === s.attribution ? reportedSpan(s) : trimSpan(s.text, accuser ? accuser.index : 0, s.text.length);
    // "… and said he would ask council to subpoena the audit": the speaker's next act is not the accusation.
    const andSaid = /\s+and\s+(?:said|called|added|demanded|vowed)\b/.exec(s.text.slice(qs, qe0));
    const qe = cueAt >= 0 && andSaid ? qs + andSaid.index : qe0;
    const said = s.text.slice(qs, qe);
    const hit = [...SIDE_ACCUSES, ...SIDE_CHARACTERISES].map((re) => re.exec(said)).find((m) => m !== null);
    if (!hit || NEGATED.test(said.slice(0, hit.index))) continue;
    // "…, without providing evidence": the unbacked-claim finding says it already, and more (one caveat per problem).
    if (/\bwithout (?:providing|offering|giving|citing) (?:any )?(?:evidence|proof)|\b(?:offered|provided|gave) no (?:evidence|proof)|\bdid not substantiate\b/i.test(s.text)) continue;
    // "accused X of" and a pejorative are a side's charge when a body or a person marked as a side makes them; a
    // councillor's charge with no side marked may be an office's, and the sourcing rules read it.
    const pejorative = SIDE_CHARACTERISES.some((re) => re.test(hit[0]));
    if ((/^accus/i.test(hit[0]) || pejorative) && !isSide) continue;
    // Someone else is accused: an entity other than the speaker named in what was said, or a definite body ("the union").
    const others = s.mentions.filter((m) => m.entity !== a.entity && m.start >= qs && m.end <= qe && corpus.entityById.get(m.entity)?.type !== 'place');
    if (others.length === 0 && !/^accus/i.test(hit[0]) && !pejorative) continue;
    // Quote the charge itself, not the speaker's other words before it ("tabled 'the best offer' and called the extension …").
    const start = /^accus/i.test(hit[0]) || pejorative ? qs + hit.index : qs;
    const speakerName = a.entity ? (corpus.entityById.get(a.entity)?.name ?? a.claimant) : capitalise(a.claimant.replace(/^.*?\b(the (?:[\w-]+ )?)/i, '$1').trim());
    out.push(
      quoteDraft(view, s.start + start, s.start + qe, {
        kind: 'interested-party',
        severity: 'medium',
        label: CAVEAT_KINDS['interested-party'].label,
        explanation: `${speakerName} is a side in this dispute and here accuses the other side: that is one side’s accusation, not an independent finding.`,
        reasoning: 'Rule side-accuses: a named speaker or a body that is a party to the dispute accuses its opponent (not a court, prosecutor or regulator).',
        rule: 'side-accuses',
        confidence: 0.7,
        claimant: { name: a.claimant, role: a.role, entity: a.entity },
        entities: [...new Set([...others.map((m) => m.entity), ...(a.entity ? [a.entity] : [])])],
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
  return corpus.entityById.get(subj)?.type === 'organisation' && /\b(?:chief|executive|chairman|chairwoman|chair|president|director|head|spokes(?:man|woman|person)|founder|owner|manager)\b/i.test(s.attribution.claimant);
}

// ---------- a party's own release ----------

const RELEASE_MARK = /^\s*(?:PRESS RELEASE|FOR IMMEDIATE RELEASE|NEWS RELEASE|MEDIA RELEASE|Press [Rr]elease|News [Rr]elease|Media [Rr]elease)\b/;
/** "Norvane Robotics AS, Norway's leading …, today issued the following statement": the issuer's own voice. */
const RELEASE_LEAD = new RegExp(`\\b(?:today\\s+|on\\s+\\p{Lu}\\p{Ll}+day\\s+)?(?:${alternation(PHRASES.releaseLeads)})\\b`, 'u');
/** Where the issuer's text ends and a republishing outlet's own note begins ("Editor's note (AsiaTech Wire): …"). */
const OUTLET_NOTE = /^\s*(?:Editor['’]s [Nn]ote|Note to editors|Notes to editors)\b/;
const fold = (t: string) => t.toLowerCase().replace(/[\s.,]+/g, ' ').trim();

/** An organisation the report names whose name (or a short form) is `name`. */
function namedOrganisation(view: ReportView, corpus: Corpus, name: string): string | null {
  const want = fold(name);
  const m = view.mentions.find((x) => {
    const e = corpus.entityById.get(x.entity);
    return e !== undefined && e.type === 'organisation' && [e.name, ...e.aliases.map((a) => a.text)].some((n) => fold(n) === want || fold(n).startsWith(`${want} `) || want.startsWith(`${fold(n)} `));
  });
  return m?.entity ?? null;
}

/**
 * A press release ("PRESS RELEASE | Helios Nederland B.V. | …"; an "About <publisher>" boilerplate section; its issuer
 * opening in its own voice, "X today issued the following statement", with "About X" below or not): the whole text is
 * the issuer's own account of itself, even when an outlet republishes it. One report-level caveat, resting on the
 * marker and on every sentence of the issuer's text where it praises its own product, standing or record.
 */
export function ownRelease(view: ReportView, corpus: Corpus): CaveatDraft[] {
  const publisher = view.report.publisher;
  const known = publisher !== 'unknown' ? fold(publisher) : null;
  let issuer: string | null = null;
  let issuerName: string | null = null;
  let marker =
    view.sentences.slice(0, 6).find((s) => RELEASE_MARK.test(s.text)) ??
    (known ? view.sentences.find((s) => s.heading && /^About\s+/.test(s.text) && known.startsWith(fold(s.text.replace(/^About\s+/, '')))) : undefined);
  if (!marker) {
    // The issuer named at the head of a lead sentence in the release's voice, before the lead phrase.
    for (const s of view.sentences.slice(0, 6)) {
      const lead = s.heading ? null : RELEASE_LEAD.exec(s.text);
      const org = lead ? s.mentions.find((m) => m.type === 'organisation' && m.end <= lead.index) : undefined;
      if (lead && org && s.attribution.role === 'reporter') {
        marker = s;
        issuer = org.entity;
        break;
      }
    }
    // Or an "About X" boilerplate heading about an organisation the report names.
    const about = view.sentences.find((s) => s.heading && /^About\s+\p{Lu}/u.test(s.text) && namedOrganisation(view, corpus, s.text.replace(/^About\s+/, '')) !== null);
    if (!marker && about) {
      // Only with the organisation also opening the text: a news report does not end on a firm's boilerplate.
      const id = namedOrganisation(view, corpus, about.text.replace(/^About\s+/, ''))!;
      const opening = view.sentences.filter((s) => !s.heading).slice(0, 2);
      if (opening.some((s) => s.mentions.some((m) => m.entity === id))) {
        marker = about;
        issuer = id;
      }
    }
    if (issuer) issuerName = corpus.entityById.get(issuer)?.name ?? null;
  }
  if (!marker) return [];
  const noteAt = view.sentences.find((s) => OUTLET_NOTE.test(s.text))?.start ?? Infinity;
  const praise = view.sentences.filter((s) => s !== marker && !s.heading && s.start < noteAt && (OWN_STANCE.test(s.text) || PRAISE.test(s.text) || SUPERLATIVE.test(s.text)));
  // The publisher as an entity, where the text names it.
  const own = issuer
    ? { entity: issuer }
    : known
      ? view.mentions.find((m) => {
          const e = corpus.entityById.get(m.entity);
          return e !== undefined && [e.name, ...e.aliases.map((a) => a.text)].some((n) => fold(n) === known);
        })
      : undefined;
  const who = issuerName ?? (publisher !== 'unknown' ? publisher : 'the organisation it is about');
  return [
    quoteDraft(view, marker.start, marker.end, {
      kind: 'self-serving',
      severity: 'medium',
      label: 'Press release',
      explanation: `This is ${who}${/s$/.test(who) ? '’' : '’s'} own press release${issuerName && publisher !== 'unknown' && fold(publisher) !== fold(issuerName) ? `, as ${publisher} carries it` : ''}: what it says about itself and its products is its own account, not an independent report.`,
      reasoning: 'Rule own-release: the text marks itself as a press release (a release line, an “About <issuer>” boilerplate, or its issuer’s “today issued the following statement”); its praise of its own product or record is quoted as evidence.',
      rule: 'own-release',
      confidence: 0.9,
      claimant: own ? { name: who, role: 'company', entity: own.entity } : null,
      scope: 'report',
      entities: own ? [own.entity] : [],
      appearances: praise.map((s) => ({ report: view.id, quote: s.text, start: s.start })),
    }),
  ];
}
