// A speaker praising their own side by superlative: a body's speaker (a minister for their country, a chief engineer or
// president for their company) says in their own quoted words that the body's conduct, product or record is the best
// of its kind ("Our dams are among the best maintained in …", the Icelandic fleet follows "the most rigorous catch
// controls in …", he called PhilBio "the most reliable partner …", "with more flexibility than any other party").
// Whose side it is comes from how the report introduces the speaker (the body named with their role, "its president"),
// never from a list of names. Not a neutral role or an authority, not a superlative that blames ("the worst", "the
// biggest fraud"), not the report's own voice.
import { CAVEAT_KINDS } from './kinds';
import type { CaveatDraft } from './types';
import { anyOf, INTEREST_PHRASES } from './interest-phrases';
import { DISPARAGING, introductionOf, standingOf } from './interest-sides';
import { coveringAttribution, quoteDraft, type Corpus, type ReportView, type SentenceView } from './view';

/** Praise by superlative or by "more … than any other". */
const SUPERLATIVE =
  /\b(?:(?:one of|among) the|the) (?:most [a-z]+|(?:best|finest|safest|fairest|cleanest|strongest|most|greatest)(?:[- ][a-z]+)?)\b|\bmore [a-z]+ than any other\b/i;
const NEGATIVE = anyOf(INTEREST_PHRASES.negativeSuperlatives);
/** Offices whose verdict is a finding, not a side's praise. */
const AUTHORITY = /\b(?:court|judge|prosecutors?|regulators?|authority|police|inspectors?|auditors?|commission|ombudsman|watchdog|investigators?|coroner|tribunal)\b/i;
/** "He called X '…'": a label by the speaker the sentence before named. */
const PRONOUN_LABEL = /^\s*(?:He|She|They) (?:call(?:s|ed)|describ(?:es|ed))\b/;
const QUOTED = /[“"]([^”"]{6,300})[”"]?/u;

/** The body a speaker speaks for: a body speaking itself, or the organisation or place named with their role ("Iceland's fisheries minister, X", "Its chief executive, X"). */
function bodyOf(view: ReportView, corpus: Corpus, entity: string): string | null {
  const type = corpus.entityById.get(entity)?.type;
  if (type === 'organisation') return entity;
  if (type !== 'person') return null;
  const first = view.mentions.find((m) => m.entity === entity);
  if (!first) return null;
  const sent = view.sentences.find((x) => x.start <= first.start && first.start < x.end);
  if (!sent) return null;
  const typeOf = (id: string) => corpus.entityById.get(id)?.type;
  // "Iceland's fisheries minister, X", "PhilBio president X": the body named just before, in the same tag.
  const tagged = view.mentions.filter(
    (m) => m.entity !== entity && m.start >= sent.start && m.end <= first.start && first.start - m.end <= 50 && ['organisation', 'place'].includes(typeOf(m.entity) ?? '') && !/[.;]/.test(view.text.slice(m.end, first.start)),
  );
  if (tagged.length) return tagged.at(-1)!.entity;
  // "Its chief executive, X", "its president, X", "the company's chief engineer, X": the organisation the report named last.
  const before = view.text.slice(Math.max(sent.start, first.start - 60), first.start);
  const its = /\b(?:[Ii]ts|[Tt]he (?:company|firm|group|operator|utility|ministry|government|university|club|party|union)['’]s)\s+(?:[\w-]+\s+){0,3}[\w-]+,?\s*$/.exec(before);
  if (its) {
    const itsAt = first.start - before.length + its.index;
    return [...view.mentions].reverse().find((m) => m.end <= itsAt && typeOf(m.entity) === 'organisation')?.entity ?? null;
  }
  return null;
}

/** The body is what the praise is about: named in the sentence, or by its adjective ("the Icelandic fleet"), or "our"/"we". */
function praisesOwn(view: ReportView, s: SentenceView, said: string, body: string, corpus: Corpus): boolean {
  if (/\b(?:our|we|us)\b/i.test(said)) return true;
  if (s.mentions.some((m) => m.entity === body)) return true;
  const name = corpus.entityById.get(body)?.name ?? '';
  if (name.length < 4 || /[^\p{L}]/u.test(name)) return false;
  // An adjective of the body's name ("Iceland" → "Icelandic", "Norway" → "Norwegian").
  const stem = name.slice(0, Math.max(4, name.length - 2));
  return new RegExp(`\\b${stem}\\p{L}*(?:ic|ian|ese|ish|an|i)\\b`, 'u').test(s.text.replace(new RegExp(`\\b${name}\\b`, 'gu'), ''));
}

export function ownPraise(view: ReportView, corpus: Corpus): CaveatDraft[] {
  const out: CaveatDraft[] = [];
  for (const s of view.sentences) {
    if (s.heading) continue;
    const opensQuote = /^\s*[“"]/.test(s.text);
    const a = s.attribution.role === 'reporter' && (opensQuote || PRONOUN_LABEL.test(s.text)) ? coveringAttribution(view, s) : s.attribution;
    if (a.role === 'reporter' || a.entity === null) continue;
    // Only the speaker's own quoted words, never the report's paraphrase.
    const q = QUOTED.exec(s.text);
    if (!q) continue;
    const said = q[1]!;
    const sup = SUPERLATIVE.exec(said);
    if (!sup || NEGATIVE.test(said) || DISPARAGING.test(said) || /\b(?:not|n['’]t|never|no)\s+(?:[\w-]+\s+){0,2}$/i.test(said.slice(0, sup.index))) continue;
    const intro = introductionOf(view, a.entity, a.claimant, s);
    if (AUTHORITY.test(intro) || standingOf(view, corpus, a.entity, a.claimant, s) === 'neutral') continue;
    const body = bodyOf(view, corpus, a.entity);
    if (!body || !praisesOwn(view, s, said, body, corpus)) continue;
    const start = s.start + s.text.indexOf(said, q.index);
    const bodyName = corpus.entityById.get(body)?.name ?? 'its own side';
    out.push(
      quoteDraft(view, start, start + said.length, {
        kind: 'self-serving',
        severity: 'low',
        label: CAVEAT_KINDS['self-serving'].label,
        explanation: `${corpus.entityById.get(a.entity)?.name ?? a.claimant} speaks for ${bodyName} and praises it here (“${sup[0]}”): that is its own account, which the report does not test against anything else.`,
        reasoning: 'Rule own-praise: a speaker for a body praises the body’s own conduct, product or record with a superlative, in their own quoted words.',
        rule: 'own-praise',
        confidence: 0.65,
        claimant: { name: a.claimant, role: a.role, entity: a.entity },
        entities: [...new Set([a.entity, body])],
      }),
    );
  }
  return out;
}
