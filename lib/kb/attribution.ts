// Who a sentence attributes its claim to, and in what role. Rule-based and
// deliberately conservative: when no attribution cue is found, the claim is the
// report's own voice (role 'reporter'), which is itself information a reader needs.
import type { Attribution, ClaimantRole } from './document';
import type { EntityType } from './schema';

export interface MentionInSentence {
  start: number; // offset within the sentence
  end: number;
  entity: string;
  type: EntityType;
}

const SPEECH_VERBS =
  'said|says|say|stated|states|told|tells|added|adds|noted|notes|reported|reports|revealed|warned|confirmed|denied|claimed|claims|insisted|argued|announced|urged|emphasized|emphasised|expressed|called|described|characterized|accused|has said|have said|had said|would say';

const ANONYMOUS = /\b(?:anonymity|anonymous|unnamed|unidentified|with knowledge of|familiar with|who requested|who asked not to be|sources?\b|insiders?)\b/i;
const MEDIA_GENERIC = /\b(?:media reports?|press|state media|reports? emerged)\b/i;
const ANALYST = /\b(?:professor|analysts?|experts?|researcher|scholar|weapons experts)\b/i;
const OUTLETS = new Set(['der-spiegel', 'cnn', 'bloomberg', 'financial-times', 'swarajya']);
const COMPANY = /\b(?:company|manufacturer|firm|limited|ltd|technology|group)\b/i;
const OFFICIAL = /\b(?:officials?|ministry|spokes(?:person|man|woman)|minister|ambassador|president|secretary|government|military|army|embassy|authorities|intelligence|kremlin|white house|washington|beijing|representative)\b/i;
const PARTIES = new Set(['china', 'russia', 'ukraine', 'united-states', 'nato', 'kremlin', 'white-house', 'chinese-foreign-ministry']);

function roleFor(claimant: string, entityType: EntityType | null, entityId: string | null): ClaimantRole {
  if (ANONYMOUS.test(claimant)) return /\bofficials?\b/i.test(claimant) ? 'anonymous-officials' : 'outlet-unnamed-sources';
  if (entityId && OUTLETS.has(entityId)) return 'outlet';
  if (MEDIA_GENERIC.test(claimant)) return 'media-reports';
  if (ANALYST.test(claimant)) return 'analyst';
  if (entityId && PARTIES.has(entityId)) return 'party-official';
  if (/\b(?:Russian|Ukrainian|Chinese|US|U\.S\.|American|Ukraine|Russia|China)\b/.test(claimant) && OFFICIAL.test(claimant)) return 'party-official';
  if (entityType === 'organisation' && COMPANY.test(claimant)) return 'company';
  if (COMPANY.test(claimant)) return 'company';
  if (OFFICIAL.test(claimant) || entityType === 'person') return 'official';
  if (entityType === 'organisation' || entityType === 'place') return 'official';
  return 'official';
}

function entityWithin(mentions: readonly MentionInSentence[], start: number, end: number): MentionInSentence | null {
  // The last entity in the claimant phrase is usually its head ("Ukraine's military authorities" → Ukraine, a party).
  let found: MentionInSentence | null = null;
  for (const m of mentions) if (m.start >= start && m.end <= end) found = m;
  return found;
}

function tidy(phrase: string): string {
  return phrase.replace(/^[\s,;:‘’'“”"(]+|[\s,;:‘’'“”")]+$/g, '').replace(/^(?:and|but|however|meanwhile|earlier|also|while)\s+/i, '');
}

/** The attribution of one sentence. `publisher` names the report's own voice. */
export function attributeSentence(sentence: string, mentions: readonly MentionInSentence[], publisher: string): Attribution {
  const make = (claimant: string, cue: string, at: number): Attribution => {
    const c = tidy(claimant);
    const m = entityWithin(mentions, at, at + claimant.length);
    return { claimant: c, entity: m?.entity ?? null, role: roleFor(c, m?.type ?? null, m?.entity ?? null), cue: cue.trim() };
  };

  // "According to a Bloomberg report, ..." / "according to the Kremlin"
  const according = /\baccording to (?:the information from )?([^,.;]{2,80})/i.exec(sentence);
  if (according) return make(according[1]!, 'according to', according.index + according[0].length - according[1]!.length);

  // "..., he told reporters" / "..., a representative said:" — subject before a speech verb.
  const verb = new RegExp(`(^|[,;:.‘’“”'"]\\s*|\\b(?:and|but|while|that)\\s+)([^,;:.‘’“”'"]{2,90}?)\\s+(?:${SPEECH_VERBS})\\b`, 'i');
  const sv = verb.exec(sentence);
  if (sv) {
    const subject = sv[2]!;
    const subjectStart = sv.index + sv[1]!.length;
    const cue = sentence.slice(subjectStart + subject.length, sv.index + sv[0].length);
    // Pronoun subjects ("he said") carry no name: keep the pronoun but look for a named entity in the sentence.
    if (/^(?:he|she|they|it|we)$/i.test(subject.trim())) {
      const person = mentions.find((m) => m.type === 'person');
      if (person) return { claimant: sentence.slice(person.start, person.end), entity: person.entity, role: roleFor(sentence.slice(person.start, person.end), 'person', person.entity), cue: cue.trim() };
      return { claimant: subject.trim(), entity: null, role: 'official', cue: cue.trim() };
    }
    // Ignore long subjects that are whole clauses with no attribution sense.
    if (subject.split(/\s+/).length <= 12) return make(subject, cue, subjectStart);
  }

  // "X reported Friday that" handled above; "reports emerged suggesting" → media reports
  if (/\breports emerged\b/i.test(sentence)) return { claimant: 'reports', entity: null, role: 'media-reports', cue: 'reports emerged' };

  return { claimant: publisher, entity: null, role: 'reporter', cue: '' };
}

// Hedges express doubt about the claim itself. Capability statements ("could
// carry a 35-50kg warhead", "up to 100 aircraft could be made a month") are not
// doubt and are excluded.
const HEDGE = /\b(reportedly|allegedly|rumou?rs?|is believed to|are believed to|believed to|appears? to|seems? to|may|might|possibly|suggests?|suggesting|unconfirmed|so-called|purportedly|it is said)\b/gi;
const CAPABILITY_AFTER = /^\s+(?:not\s+)?(?:carry|carrying|be made|be produced|be built|reach|fly|hold|strike|travel|deliver|produce|make|launch)\b/i;

export function hedgesIn(sentence: string): string[] {
  const out: string[] = [];
  for (const m of sentence.matchAll(HEDGE)) {
    const word = m[0];
    const after = sentence.slice(m.index + word.length);
    if (/^(?:may|might)$/i.test(word) && CAPABILITY_AFTER.test(after)) continue;
    // "may or may not be a coincidence" is the writer hedging a connection: keep it.
    out.push(word.toLowerCase());
  }
  return [...new Set(out)];
}
