// The KB pipeline: reports → sentences → entity mentions → claims →
// per-entity records, plus caveats. Pure and deterministic: the same inputs give
// a byte-identical document, in Node at build time and anywhere else.
import { matcherAliases } from '../match/aliases';
import { compileMatcher, hydrateMatcher } from '../match/compile';
import { createContextState, resolveMentions } from '../match/resolve';
import { scan } from '../match/scan';
import { foldName } from './card';
import { attributeReport, entityRoles, hedgesIn } from './attribution';
import { analyse, type CaveatDraft } from './caveats';
import { CAVEAT_KINDS, caveatOrder } from './caveats/kinds';
import { consolidate } from './caveats/consolidate';
import { claimSubject, coSubjects, demonymsOf, subjectIn } from './subject';
import { claimSupport, originalTextKeys, speakerOf, totalSupport } from './support';
import { linkEvents } from './caveats/events';
import { statedDates } from './dates';
import {
  KB_FORMAT,
  KB_FORMAT_VERSION,
  NO_SUPPORT,
  type KbCaveat,
  type KbClaim,
  type KbDocument,
  type KbEntity,
  type KbReport,
} from './document';
import type { KbInputs } from './inputs';
import type { Entity } from './schema';
import { contentHash, furnitureSpans, insideAny, sentenceSpans, snippet, type Span } from './text';

interface ReportWork {
  report: KbReport;
  /** Mentions in the article itself (not page furniture), with their surface text. */
  mentions: { start: number; end: number; entity: string; surface: string }[];
}

function lineSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(/\r\n|\n|\r/g)) {
    if (m.index > start) spans.push([start, m.index]);
    start = m.index + m[0].length;
  }
  if (start < text.length) spans.push([start, text.length]);
  return spans;
}

/** Every entity mention in a report's text, line by line in reading order (one context state per report). */
export function reportMentions(matcher: ReturnType<typeof hydrateMatcher>, text: string): ReportWork['mentions'] {
  const state = createContextState();
  const mentions: ReportWork['mentions'] = [];
  for (const [ls, le] of lineSpans(text)) {
    const line = text.slice(ls, le);
    for (const m of resolveMentions(matcher, line, scan(matcher, line), state)) {
      if (m.entityId === null) continue;
      mentions.push({ start: ls + m.start, end: ls + m.end, entity: m.entityId, surface: m.surface });
    }
  }
  return mentions;
}

/** The matcher the build links report text with. */
export function reportMatcher(entities: readonly Entity[]): ReturnType<typeof hydrateMatcher> {
  return hydrateMatcher(compileMatcher(matcherAliases(entities, 'reports')));
}

export function buildKb(inputs: KbInputs): KbDocument {
  const entityById = new Map(inputs.entities.map((e) => [e.id, e]));
  const matcher = reportMatcher(inputs.entities);

  // 1. Reports: sentences, furniture, mentions (one context state per report, in reading order).
  const works: ReportWork[] = inputs.reports.map(({ meta, text }) => {
    const mentions = reportMentions(matcher, text);
    const furniture = furnitureSpans(text, meta.furniture);
    const report: KbReport = {
      id: meta.id,
      headline: meta.headline,
      publisher: meta.publisher,
      publisherReason: meta.publisherReason,
      url: meta.url,
      date: meta.date,
      republishedFrom: meta.republishedFrom,
      notes: meta.notes,
      text,
      furniture,
      sentences: sentenceSpans(text),
      mentions: mentions.map((m) => [m.start, m.end, m.entity]),
    };
    // The report reader marks every mention; the KB's records count only the article's.
    return { report, mentions: mentions.filter((m) => !insideAny(furniture, m.start, m.end)) };
  });

  // 2. Claims: every article sentence (not furniture) that names an entity.
  //    Sentences are attributed in reading order, so "he" and "the magazine" resolve.
  const roles = entityRoles(inputs.entities);
  const roleOf = (id: string) => roles.get(id) ?? null;
  const claims: KbClaim[] = [];
  /** Per claim, what it is about: its subject, names joined to the subject, and its speaker. A card's facts come only from these. */
  const aboutOf = new Map<string, string[]>();
  const demonyms = demonymsOf(inputs.entities.filter((e) => e.type === 'place'));
  for (const { report, mentions } of works) {
    const year = Number(report.date.value.slice(0, 4)) || null;
    const typed = mentions.map((m) => ({ ...m, type: entityById.get(m.entity)!.type }));
    for (const sent of attributeReport(report.text, report.sentences, typed, report.publisher, roleOf)) {
      const { start: s, end: e } = sent;
      if (sent.mentions.length === 0 || insideAny(report.furniture, s, e)) continue;
      const sentence = report.text.slice(s, e);
      // "This year, they have reportedly begun …": a pronoun subject carries the previous claim's subject on, within a paragraph.
      const previous = claims.at(-1);
      const carried =
        previous && previous.report === report.id && !report.text.slice(previous.end, s).includes('\n') && /^(?:[^,]{0,40},\s*)?(?:they|it)\s+\p{Ll}/iu.test(sentence) && !/^(?:[^,]{0,40},\s*)?it\s+(?:is|was|has been|had been)\s+(?:the|a|an|one)\b/iu.test(sentence)
          ? previous.subject
          : null;
      const subject = claimSubject(sentence, sent.mentions, sent.attribution, demonyms) ?? carried;
      aboutOf.set(`${report.id}@${s}`, [...coSubjects(sentence, sent.mentions, subject), ...(sent.attribution.entity ? [sent.attribution.entity] : []), ...described(sentence, sent.mentions)]);
      claims.push({
        id: `${report.id}@${s}`,
        report: report.id,
        start: s,
        end: e,
        text: sentence,
        entities: [...new Set(sent.mentions.map((m) => m.entity))],
        attribution: sent.attribution,
        hedges: hedgesIn(sentence),
        dates: statedDates(sentence, year).map(({ text, value }) => ({ text, value })),
        validAsOf: report.date.value,
        sources: [],
        retells: null,
        corroboration: { claims: [], sources: [], independentSources: 0 },
        supersededBy: null,
        support: NO_SUPPORT,
        speaker: speakerOf(sent.attribution, (id) => entityById.get(id)?.name),
        subject,
        correctedBy: null,
      });
    }
  }

  // 3. Provenance: the original source behind each claim, the report's other telling,
  //    claims about the same event elsewhere, and corroboration counted by independent sources.
  const reports = works.map((w) => w.report);
  const { drafts: found, provenance } = analyse({ reports, claims, entities: inputs.entities });
  const retells = new Map(claims.map((c) => [c.id, provenance.get(c.id)?.retells ?? null]));
  const dateOf = new Map(reports.map((r) => [r.id, r.date.value]));
  const links = linkEvents(claims, inputs.entities, retells, (id) => dateOf.get(id) ?? '');
  const retoldBy = new Map<string, string[]>();
  for (const [id, first] of retells) if (first) retoldBy.set(first, [...(retoldBy.get(first) ?? []), id]);
  const claimById = new Map(claims.map((c) => [c.id, c]));
  for (const c of claims) {
    const p = provenance.get(c.id);
    c.sources = p?.sources ?? [];
    c.retells = p?.retells ?? null;
  }
  for (const c of claims) {
    const ids = [...new Set([...(links.same.get(c.id) ?? []), ...(c.retells ? [c.retells] : []), ...(retoldBy.get(c.id) ?? [])])].sort();
    const sources = [...new Set([...c.sources, ...ids.flatMap((id) => claimById.get(id)?.sources ?? [])])].sort();
    c.corroboration = { claims: ids, sources, independentSources: sources.length };
    c.supersededBy = links.supersededBy.get(c.id) ?? null;
  }
  const support = claimSupport(claims, reports, new Map(claims.map((c) => [c.id, c.corroboration.claims])));
  for (const c of claims) c.support = support.get(c.id) ?? NO_SUPPORT;
  const originalText = originalTextKeys(reports);

  // 4. Caveats: the editor's notes and the automatic findings.
  const drafts: CaveatDraft[] = [
    ...inputs.editorNotes.map((n): CaveatDraft => ({
      kind: n.kind,
      severity: n.severity,
      label: n.label,
      report: n.report,
      quote: n.quote,
      explanation: n.explanation,
      reasoning: n.reasoning,
      origin: 'editor',
      entities: n.entities,
      related: n.related,
      ...(n.scope ? { scope: n.scope } : {}),
    })),
    ...found,
  ];
  /** Findings about no entity and no speaker: shown once, with their report, never on every card of the report. */
  const aboutNobody = new Set<string>();
  const caveats = finishCaveats(drafts, reports, claims, works, (id) => entityById.get(id)?.type ?? null, aboutNobody);

  const corrected = correctedClaims(caveats, claims);
  for (const c of claims) c.correctedBy = corrected.get(c.id) ?? null;
  // Claims a medium or high caveat sits on: flagged, so never a key fact.
  const flagged = new Set(caveats.filter((c) => c.scope === 'claim' && c.severity !== 'low').flatMap((c) => claims.filter((x) => c.appearances.some((a) => a.report === x.report && a.start < x.end && x.start < a.end)).map((x) => x.id)));

  // 5. Entity records.
  const entities: KbEntity[] = inputs.entities.map((entity) => {
    const own = claims.filter((c) => c.entities.includes(entity.id));
    const mentionCounts = new Map<string, number>();
    const aliasCounts = new Map<string, { n: number; reports: Set<string> }>();
    for (const w of works) {
      for (const m of w.mentions) {
        if (m.entity !== entity.id) continue;
        mentionCounts.set(w.report.id, (mentionCounts.get(w.report.id) ?? 0) + 1);
        const a = aliasCounts.get(m.surface) ?? { n: 0, reports: new Set<string>() };
        a.n++;
        a.reports.add(w.report.id);
        aliasCounts.set(m.surface, a);
      }
    }
    const related = new Map<string, number>();
    for (const c of own) for (const other of c.entities) if (other !== entity.id) related.set(other, (related.get(other) ?? 0) + 1);
    const reportsOf = works
      .filter((w) => mentionCounts.has(w.report.id))
      .map((w) => {
        const first = own.find((c) => c.report === w.report.id);
        return {
          report: w.report.id,
          mentions: mentionCounts.get(w.report.id)!,
          snippet: snippet(first?.text ?? w.report.headline),
          claim: first?.id ?? '',
        };
      });
    return {
      id: entity.id,
      type: entity.type,
      name: entity.name,
      aliases: entity.aliases.map((a) => ({ ...a, ...countAlias(aliasCounts, a.text) })),
      description: entity.description,
      descriptionSource: entity.descriptionSource,
      facts: rankFacts(own.filter((c) => aboutOf.get(c.id)?.includes(entity.id)), entity.id, works, flagged).map((c) => c.id),
      reports: reportsOf,
      related: [...related].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([id, count]) => ({ id, count })),
      // A corrected claim's dates stay out of the timeline: they would show the error uncorrected.
      dates: own.filter((c) => c.correctedBy === null).flatMap((c) => c.dates.map((d) => ({ ...d, claim: c.id }))),
      caveats: caveats.filter((c) => c.entities.includes(entity.id)).map((c) => c.id),
      reportCaveats: caveats.filter((c) => c.scope === 'report' && !aboutNobody.has(c.id) && mentionCounts.has(c.report)).map((c) => c.id),
      support: totalSupport(own, originalText),
    };
  });

  const body = { format: KB_FORMAT, version: KB_FORMAT_VERSION, reports, entities, claims, caveats } as const;
  return { ...body, hash: contentHash(JSON.stringify(body)) };
}

/**
 * Names a relative clause says something about: "Iran’s Shahed-136 drone, with which Russia has
 * launched countless attacks" and "the Shahed drone used extensively by Russia" state a fact about
 * the drone, even when the sentence's own claim is about something else.
 */
function described(sentence: string, mentions: readonly { start: number; end: number; entity: string }[]): string[] {
  return mentions
    .filter((m) => /^(?:\s+[\p{Ll}-]+){0,2}(?:,\s*(?:with which|by which|which|who|whose)\b|\s+(?:used|deployed|made|built|developed|launched|operated|fired)\s+(?:\w+ly\s+)?by\b)/u.test(sentence.slice(m.end, m.end + 60)))
    .map((m) => m.entity);
}

function countAlias(counts: ReadonlyMap<string, { n: number; reports: Set<string> }>, alias: string): { mentions: number; reports: string[] } {
  // The matcher folds case and quote styles; count surfaces that fold to this alias.
  let mentions = 0;
  const reports = new Set<string>();
  for (const [surface, c] of counts) {
    if (foldName(surface) !== foldName(alias)) continue;
    mentions += c.n;
    c.reports.forEach((r) => reports.add(r));
  }
  return { mentions, reports: [...reports].sort() };
}

/**
 * The card's key facts: claims about the entity (its subject, named early),
 * ranked by independent support, then by centrality and substance. A claim
 * an editor corrected, a claim a medium or high caveat sits on, or a heading
 * is never a key fact: the card must not state as fact what it flags.
 */
function rankFacts(own: readonly KbClaim[], entityId: string, works: readonly ReportWork[], flagged: ReadonlySet<string>): KbClaim[] {
  const firstMention = (c: KbClaim) => {
    const w = works.find((x) => x.report.id === c.report)!;
    const m = w.mentions.find((x) => x.entity === entityId && x.start >= c.start && x.end <= c.end);
    return m ? (m.start - c.start) / Math.max(1, c.end - c.start) : 1;
  };
  const score = (c: KbClaim) =>
    Math.min(c.support.independentSources, 3) +
    (c.subject === entityId ? 4 : 0) +
    (firstMention(c) < 0.3 ? 1 : 0) +
    (c.attribution.role !== 'reporter' ? 1 : 0) +
    (/\d/.test(c.text) ? 1 : 0) +
    (c.text.length > 60 ? 1 : 0) -
    (c.hedges.length > 0 ? 2 : 0) -
    (c.supersededBy ? 2 : 0);
  // Headings and questions are not facts. One fact per thing said: a retelling or a repeat of a fact already chosen adds nothing.
  const eligible = own.filter((c) => !flagged.has(c.id) && c.correctedBy === null && /[.!"”’]$/.test(c.text.trim()));
  const sorted = [...eligible].sort((a, b) => score(b) - score(a) || a.report.localeCompare(b.report) || a.start - b.start);
  const out: KbClaim[] = [];
  for (const c of sorted) if (!out.some((o) => o.corroboration.claims.includes(c.id) || o.retells === c.id || c.retells === o.id)) out.push(c);
  return out;
}

/**
 * Claims an editor's correction (a factual error, a wrong date or name) sits
 * on, and every other claim that repeats the corrected words: none of them
 * may reappear uncorrected in a derived view (facts, timeline).
 */
function correctedClaims(caveats: readonly KbCaveat[], claims: readonly KbClaim[]): Map<string, string> {
  const out = new Map<string, string>();
  const fold = (t: string) => t.toLowerCase().replace(/\s+/g, ' ');
  for (const c of caveats) {
    if (c.origin !== 'editor' || !CORRECTIONS.has(c.kind)) continue;
    const words = fold(c.quote);
    for (const claim of claims) {
      const here = c.appearances.some((a) => a.report === claim.report && a.start < claim.end && claim.start < a.end);
      if ((here || (words.length >= 12 && fold(claim.text).includes(words))) && !out.has(claim.id)) out.set(claim.id, c.id);
    }
  }
  return out;
}

const CORRECTIONS = new Set<KbCaveat['kind']>(['factual-error', 'wrong-date', 'misnaming']);

const OVERLAP = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

function finishCaveats(drafts: readonly CaveatDraft[], reports: readonly KbReport[], claims: readonly KbClaim[], works: readonly ReportWork[], typeOf: (id: string) => Entity['type'] | null, aboutNobody: Set<string>): KbCaveat[] {
  const byId = new Map(reports.map((r) => [r.id, r]));
  const located = drafts.map((d) => {
    const report = byId.get(d.report);
    if (!report) throw new Error(`caveat '${d.label}' names report '${d.report}', which is not in the KB`);
    const start = d.start ?? report.text.indexOf(d.quote);
    if (start < 0 || report.text.slice(start, start + d.quote.length) !== d.quote) {
      throw new Error(`caveat '${d.label}': quote "${d.quote}" is not in report ${d.report}`);
    }
    return { d, report, start, end: start + d.quote.length };
  });
  // An automatic finding of the same kind on the same passage as an editor's note adds nothing:
  // the note stays as the editor wrote it, and the agreement raises its confidence.
  const editors = located.filter((x) => x.d.origin === 'editor');
  const confirmed = new Set<(typeof located)[number]>();
  const kept = located.filter((x) => {
    if (x.d.origin === 'editor') return true;
    const twin = editors.find((e) => e.d.kind === x.d.kind && e.d.report === x.d.report && OVERLAP(e, x));
    if (twin) confirmed.add(twin);
    return !twin;
  });

  const seen = new Set<string>();
  const out: KbCaveat[] = [];
  for (const x of kept) {
    const { d, report, start, end } = x;
    const key = `${d.kind}|${d.report}|${start}|${end}|${d.origin}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const overlapping = claims.filter((c) => c.report === d.report && c.start < end && c.end > start);
    const primary = overlapping[0] ?? null;
    const w = works.find((y) => y.report.id === d.report)!;
    let entities = d.entities ?? scopedEntities(d, primary, w.mentions, report.text, start, end, typeOf);
    // An automatic finding in a sentence that names nothing in the KB ("Weapons experts say the drone …",
    // a war's toll) is about no entity: it is shown once with its report, not dropped from every view.
    // The same for a finding whose sentence names only what it is not about (a place in passing): it has no subject, and a
    // speaker, when known, is already among its entities.
    const aboutNoEntity = d.origin === 'auto' && CAVEAT_KINDS[d.kind].scope === 'claim' && d.scope === undefined && entities.length === 0;
    if (entities.length === 0 && CAVEAT_KINDS[d.kind].scope === 'claim' && d.origin === 'editor') {
      // No entity in the quote's own sentence: take the first of its paragraph.
      const lineStart = report.text.lastIndexOf('\n', start) + 1;
      const nl = report.text.indexOf('\n', end);
      const lineEnd = nl < 0 ? report.text.length : nl;
      entities = w.mentions.filter((m) => m.start >= lineStart && m.end <= lineEnd).map((m) => m.entity).slice(0, 1);
    }
    const claimIds = [...new Set([...overlapping.map((c) => c.id), ...(d.claims ?? [])])];
    // Every place the same claim or problem appears: this quote, the places the rule found, and repeats of the exact quote.
    const appearances: KbCaveat['appearances'] = [{ report: d.report, quote: d.quote, start, end }];
    const addAppearance = (rid: string, quote: string, at: number) => {
      if (appearances.some((a) => a.report === rid && a.start === at)) return;
      appearances.push({ report: rid, quote, start: at, end: at + quote.length });
    };
    for (const a of d.appearances ?? []) addAppearance(a.report, a.quote, a.start);
    for (let i = report.text.indexOf(d.quote); i >= 0; i = report.text.indexOf(d.quote, i + 1)) {
      if (!insideAny(report.furniture, i, i + d.quote.length)) addAppearance(d.report, d.quote, i);
    }
    const dateOf = (rid: string) => byId.get(rid)?.date.value ?? '';
    const firstAppearance = [...new Set(appearances.map((a) => a.report))].sort((a, b) => dateOf(a).localeCompare(dateOf(b)) || a.localeCompare(b))[0]!;
    // A misspelt name is the report's own doing, whoever the sentence quotes.
    const claimant =
      d.claimant !== undefined
        ? d.claimant
        : d.kind === 'misspelling' || d.kind === 'misnaming'
          ? null
          : primary
          ? { name: primary.attribution.claimant, role: primary.attribution.role, entity: primary.attribution.entity }
          : null;
    if (claimant?.role === 'reporter' && claimant.name === 'unknown') claimant.name = `report ${d.report.slice(0, 3)} (publisher unknown)`;
    const id = `${d.origin === 'editor' ? 'ed' : 'auto'}-${d.kind}-${d.report.slice(0, 3)}-${start}`;
    if (aboutNoEntity) aboutNobody.add(id);
    out.push({
      id,
      kind: d.kind,
      severity: d.severity,
      label: d.label,
      report: d.report,
      quote: d.quote,
      start,
      end,
      explanation: d.explanation,
      origin: d.origin,
      reasoning: d.reasoning,
      entities,
      claims: claimIds,
      related: d.related ?? [],
      claimant,
      appearances,
      firstAppearance,
      confidence: d.confidence ?? (d.origin === 'editor' ? (confirmed.has(x) ? 0.99 : 0.95) : 0.8),
      context: d.context ?? null,
      validAsOf: report.date.value,
      supersededBy: primary?.supersededBy ?? null,
      rule: d.origin === 'auto' ? (d.rule ?? null) : null,
      scope: d.scope ?? (aboutNoEntity ? 'report' : CAVEAT_KINDS[d.kind].scope),
    });
  }
  return consolidate(out, claims).sort((a, b) => caveatOrder(a, b) || a.report.localeCompare(b.report) || a.start - b.start || a.id.localeCompare(b.id));
}

/**
 * The entities a claim-level finding is about: the subject of the quoted text
 * (else of its sentence's claim) and the speaker. Not every entity that stands
 * in the sentence: a person next to an anonymous claim is not in doubt.
 */
function scopedEntities(d: CaveatDraft, claim: KbClaim | null, mentions: ReportWork['mentions'], text: string, start: number, end: number, typeOf: (id: string) => Entity['type'] | null): string[] {
  if ((d.scope ?? CAVEAT_KINDS[d.kind].scope) === 'report') return [];
  const speaker = d.claimant !== undefined ? (d.claimant?.entity ?? null) : (claim?.attribution.entity ?? null);
  // A figure's clause that names nobody is about nobody in particular, unless it is most of the sentence.
  const mostOfSentence = claim !== null && end - start >= 0.6 * (claim.end - claim.start);
  // … or unless the figure sits in the subject's own clause ("the EU’s share of Russian trade fell from 36% to 17%").
  const subjectMention = claim?.subject ? mentions.find((m) => m.entity === claim.subject && m.start >= claim.start && m.end <= start) : undefined;
  const sameClause = subjectMention !== undefined && !/[;:]|,\s*(?:but|while|which|who|whereas|and|as|\p{Ll}+ing)\b/u.test(text.slice(subjectMention.end, start));
  const fallback = d.kind === 'unsourced' && !mostOfSentence && !sameClause ? null : (claim?.subject ?? null);
  let subject = subjectIn(text, mentions, start, end, null) ?? fallback;
  // A place named in passing ("in Khartoum", "the Sylhet division of Bangladesh", a dateline) is where the claim is, not what
  // a sourcing caveat doubts: only a place that is itself the claim's subject ("Khartoum was quiet") carries it.
  if (subject && claim && SOURCING_SCOPED.has(d.kind) && typeOf(subject) === 'place' && inPassing(text, mentions, claim, subject)) subject = null;
  return [...new Set([subject, speaker].filter((x): x is string => x !== null))];
}

const SOURCING_SCOPED = new Set<KbCaveat['kind']>(['anonymous-source', 'unsourced', 'hedged']);
// Where, not who: "in X", "near X", "the Sylhet division of X", "the border with X" (not "talks between X and Y", "drones from X": a party).
const PLACE_PREP_BEFORE = /(?:\b(?:in|at|near|into|across|outside|inside|around|through|throughout|along|off|over|beyond|within)\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|central|north-eastern|north-western|south-eastern|south-western|rural|coastal|occupied|neighbouring|neighboring)\s+)?|\b(?:division|region|province|city|town|village|district|county|state|north|south|east|west|outskirts|capital|coast|parts?|area|areas)\s+of\s+(?:the\s+)?|\bborders?\s+(?:with|of)\s+(?:the\s+)?)$/u;
const DATELINE = /^[\p{Lu}][\p{Lu} .'’-]{2,40}(?:,[^\n]{0,40}?)?\s*(?:\([^)\n]{2,40}\)\s*)?[-–—]\s*$/u;

// "Port Calvero, 3 May 2026 (Meridian Wire) —", "Velmarsk (Meridian Wire) —": what follows a mixed-case dateline's city.
const MIXED_DATELINE_AFTER = /^(?:(?:,\s+\p{Lu}[\p{L} ]{1,30})?,\s+(?:\d{1,2}\s+\p{Lu}\p{Ll}+\.?|\p{Lu}\p{Ll}+\.?\s+\d{1,2})(?:,?\s+\d{4})?\s*(?:\([^)\n]{2,40}\)\s*)?|\s*\([^)\n]{2,40}\)\s*)[-–—]/u;

/** Every mention of `place` in the claim's sentence is in a dateline or follows a preposition: named in passing. */
function inPassing(text: string, mentions: ReportWork['mentions'], claim: KbClaim, place: string): boolean {
  const own = mentions.filter((m) => m.entity === place && m.start >= claim.start && m.end <= claim.end);
  if (own.length === 0) return false;
  return own.every((m) => {
    const before = text.slice(Math.max(claim.start, m.start - 40), m.start);
    const opensLine = text.slice(claim.start, m.start).trim() === '' && (m.start === 0 || text[m.start - 1] === '\n');
    return DATELINE.test(text.slice(claim.start, m.start)) || DATELINE.test(text.slice(claim.start, m.end) + ' -') || (opensLine && MIXED_DATELINE_AFTER.test(text.slice(m.end, m.end + 80))) || PLACE_PREP_BEFORE.test(before);
  });
}
