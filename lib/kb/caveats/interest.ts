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
import { quoteDraft, type Corpus, type ReportView, type SentenceView } from './view';

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

function named(s: SentenceView): boolean {
  const a = s.attribution;
  return a.role !== 'reporter' && a.role !== 'anonymous-officials' && a.role !== 'media-reports' && a.role !== 'outlet-unnamed-sources' && a.entity !== null;
}

export function interestFindings(view: ReportView, corpus: Corpus): CaveatDraft[] {
  const out: CaveatDraft[] = [];
  for (const s of view.sentences) {
    // A quote in the first person with no entity in it ("We have always acted lawfully," the group said) makes no claim, but is still the speaker's account of itself.
    if ((!s.claim && !FIRST_PERSON.test(s.text)) || !named(s) || s.heading) continue;
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
    // About itself: its own side (a different entity of the same party), its product, or itself speaking of "its"/"our" conduct.
    const own =
      (subject !== a.entity && speakerParty !== null && speakerParty === subjectParty) ||
      (a.role === 'company' && subject !== null && corpus.entityById.get(subject)?.type === 'weapon') ||
      (subject === a.entity && (firstPerson || /\b(?:its|their)\b/.test(s.text)));
    const speaksForBody = a.role === 'party-official' || a.role === 'company' || a.role === 'official' || corpus.entityById.get(a.entity!)?.type === 'organisation';
    if (own && OWN_STANCE.test(s.text) && speaksForBody) {
      const about = own ? subjectName || speakerName : speakerName;
      out.push(
        quoteDraft(view, s.start, s.end, {
          kind: 'self-serving',
          severity: 'low',
          label: CAVEAT_KINDS['self-serving'].label,
          explanation: `${speakerName} describes ${about === speakerName ? 'its own' : `${about}’s`} stance or conduct: that is their own account, which the report does not test against anything else.`,
          reasoning: 'Rule own-account: a named speaker describes their own (or their own side’s) position, conduct or product in favourable terms.',
          rule: 'own-account',
          confidence: 0.75,
          claimant,
          entities: [...new Set([subject ?? a.entity!, a.entity!])],
        }),
      );
    }
  }
  return out;
}

// ---------- a party's own release ----------

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
  const marker =
    view.sentences.slice(0, 6).find((s) => RELEASE_MARK.test(s.text)) ??
    (known ? view.sentences.find((s) => s.heading && /^About\s+/.test(s.text) && known.startsWith(fold(s.text.replace(/^About\s+/, '')))) : undefined);
  if (!marker) return [];
  const praise = view.sentences.filter((s) => s !== marker && !s.heading && OWN_STANCE.test(s.text));
  // The publisher as an entity, where the text names it.
  const own = known
    ? view.mentions.find((m) => {
        const e = corpus.entityById.get(m.entity);
        return e !== undefined && [e.name, ...e.aliases.map((a) => a.text)].some((n) => fold(n) === known);
      })
    : undefined;
  const who = publisher !== 'unknown' ? publisher : 'the organisation it is about';
  return [
    quoteDraft(view, marker.start, marker.end, {
      kind: 'self-serving',
      severity: 'medium',
      label: 'Press release',
      explanation: `This is ${who}${/s$/.test(who) ? '’' : '’s'} own press release: what it says about itself and its products is its own account, not an independent report.`,
      reasoning: 'Rule own-release: the text marks itself as a press release (or carries an “About <publisher>” boilerplate); its praise of its own product or record is quoted as evidence.',
      rule: 'own-release',
      confidence: 0.9,
      claimant: own ? { name: publisher, role: 'company', entity: own.entity } : null,
      scope: 'report',
      entities: own ? [own.entity] : [],
      appearances: praise.map((s) => ({ report: view.id, quote: s.text, start: s.start })),
    }),
  ];
}
