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
const OWN_STANCE = /\b(?:neutral|impartial|objective|peace(?:ful|maker)?|responsible|prudent|committed to|always|never|not (?:intended|designed|meant)|legitimate|defensive|constructive|transparent|compl(?:y|ies|ied|iance)|stopped|ceased|no intention|in accordance with|strictly)\b/i;
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
    if (!s.claim || !named(s) || s.heading) continue;
    const a = s.attribution;
    const subject = s.claim.subject;
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
    if (own && OWN_STANCE.test(s.text) && (a.role === 'party-official' || a.role === 'company' || a.role === 'official')) {
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
