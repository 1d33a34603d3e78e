// The KB document: what `lib/kb/build.ts` produces from `data/`, what the
// extension bundles, and what the background validates before loading it into
// IndexedDB. Versioned: bump KB_FORMAT_VERSION when the shape changes.
import { z } from 'zod';
import { Alias, CaveatKind, EntityType, QuoteRef, ReportDate, ReportNoteKind, Severity } from './schema';

export const KB_FORMAT = 'backstory-kb';
export const KB_FORMAT_VERSION = 2;

const span = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);

export const KbReport = z.object({
  id: z.string(),
  headline: z.string(),
  publisher: z.string(),
  publisherReason: z.string(),
  url: z.string().nullable(),
  date: ReportDate,
  republishedFrom: z.object({ publisher: z.string(), url: z.string().nullable(), quote: z.string() }).nullable(),
  notes: z.array(z.object({ kind: ReportNoteKind, text: z.string(), quote: z.string().nullable() })),
  /** The full text, as received. Offsets everywhere in the KB index into it. */
  text: z.string(),
  /** Character ranges of page furniture (comment forms, related-items lists). */
  furniture: z.array(span),
  /** Sentence ranges, in order. */
  sentences: z.array(span),
  /** Every entity mention, page furniture included: [start, end, entity id]. */
  mentions: z.array(z.tuple([z.number().int(), z.number().int(), z.string()])),
});
export type KbReport = z.infer<typeof KbReport>;

export const ClaimantRole = z.enum([
  'party-official', // an official of a party to the conflict (Russia, Ukraine, China, US, NATO...)
  'anonymous-officials',
  'outlet-unnamed-sources', // a news outlet that cites no or unnamed sources
  'outlet',
  'company',
  'analyst',
  'official',
  'media-reports', // "according to Russian media reports", "German press reported"
  'reporter', // the report's own voice
]);
export type ClaimantRole = z.infer<typeof ClaimantRole>;

export const Attribution = z.object({
  /** Who the claim is attributed to, as the text names them ("Blinken", "officials who requested anonymity"). */
  claimant: z.string(),
  /** The claimant's entity, when it is one of ours. */
  entity: z.string().nullable(),
  role: ClaimantRole,
  /** The words that attribute it ("said", "according to", "told CNN"). */
  cue: z.string(),
  /** The outlet that reported the claimant's words ("a Bloomberg report" for "officials who requested anonymity"). */
  via: z.string().nullable().default(null),
});
export type Attribution = z.infer<typeof Attribution>;

/**
 * How well a claim is supported: independent original sources (reports that
 * share most of their text, or cite the same original, count once), distinct
 * reports that carry it, and how many times it appears in all (a report
 * repeating its own sentence adds a repeat, not a source).
 */
export const Support = z.object({
  independentSources: z.number().int().nonnegative(),
  reports: z.number().int().nonnegative(),
  repeats: z.number().int().nonnegative(),
});
export type Support = z.infer<typeof Support>;
export const NO_SUPPORT: Support = { independentSources: 0, reports: 0, repeats: 0 };

/** Whose claim it is, as a reader is told: a named source, an unnamed one, the report itself, or unknown. */
export const Speaker = z.object({
  kind: z.enum(['named', 'unnamed', 'report', 'unknown']),
  name: z.string().optional(),
});
export type Speaker = z.infer<typeof Speaker>;

export const KbClaim = z.object({
  id: z.string(),
  report: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  /** Exact text of the sentence: report.text.slice(start, end). */
  text: z.string(),
  entities: z.array(z.string()),
  attribution: Attribution,
  /** Hedge words that express doubt about this claim ("reportedly", "may"). */
  hedges: z.array(z.string()),
  /** Dates the sentence states, normalised where the report lets us. */
  dates: z.array(z.object({ text: z.string(), value: z.string().nullable() })),
  /** The report's date: what the claim says holds as of then. */
  validAsOf: z.string().nullable().default(null),
  /**
   * The original sources the claim rests on: the outlet it is credited to
   * ("Bloomberg", "Der Spiegel"), the original of a republished report
   * ("Swarajya"), else the report itself ("report 004_…"). Two tellings in one
   * report are one source.
   */
  sources: z.array(z.string()).default([]),
  /** The claim in the same report's first telling that this sentence retells (report tells its story twice). */
  retells: z.string().nullable().default(null),
  /**
   * Claims about the same event elsewhere (other reports, or the other telling),
   * and the independent original sources behind all of them: corroboration is
   * counted by sources, never by the number of reports.
   */
  corroboration: z
    .object({ claims: z.array(z.string()), sources: z.array(z.string()), independentSources: z.number().int().nonnegative() })
    .default({ claims: [], sources: [], independentSources: 0 }),
  /** A later claim about the same event that overtakes this one (a planned meeting that then took place). */
  supersededBy: z.string().nullable().default(null),
  support: Support.default(NO_SUPPORT),
  speaker: Speaker.default({ kind: 'unknown' }),
  /** The entity the claim is about (the first named in the sentence's main clause), when there is one. */
  subject: z.string().nullable().default(null),
  /** The editor's correction (caveat id) that sits on this claim or on the words it repeats: derived views leave it out. */
  correctedBy: z.string().nullable().default(null),
});
export type KbClaim = z.infer<typeof KbClaim>;

export const KbCaveat = z.object({
  id: z.string(),
  kind: CaveatKind,
  severity: Severity,
  label: z.string(),
  report: z.string(),
  /** Exact text from the report; `start`/`end` locate it. */
  quote: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  explanation: z.string(),
  origin: z.enum(['auto', 'editor']),
  /** For editor's notes: the outside knowledge it rests on. For automatic findings: the rule. */
  reasoning: z.string(),
  entities: z.array(z.string()),
  claims: z.array(z.string()),
  /** Further evidence, possibly in other reports. */
  related: z.array(QuoteRef),
  /** Who made the claim the caveat is about, and in what role (null when it is about no claim, e.g. a misspelt name). */
  claimant: z.object({ name: z.string(), role: ClaimantRole, entity: z.string().nullable() }).nullable().default(null),
  /** Every place the same claim or problem appears: the caveat's own quote first, then the others (same report or other reports). */
  appearances: z.array(z.object({ report: z.string(), quote: z.string(), start: z.number().int(), end: z.number().int() })).default([]),
  /** The report, earliest by date, in which the claim first appears. */
  firstAppearance: z.string().default(''),
  /** How sure we are that the problem is real, 0..1 (editor's notes high; automatic rules by how often they are right). */
  confidence: z.number().min(0).max(1).default(1),
  /** What else a reader should know to weigh it (the other side of a conflict, the other telling). */
  context: z.string().nullable().default(null),
  /** The date of the report the caveat is about: it holds as of then. */
  validAsOf: z.string().nullable().default(null),
  /** A later claim (id) that overtakes the one the caveat is about, if any. */
  supersededBy: z.string().nullable().default(null),
  /** For automatic findings: the id of the rule that produced it. */
  rule: z.string().nullable().default(null),
  /** About one claim, or about the report as a whole (undated, republished, told twice). */
  scope: z.enum(['claim', 'report']).default('claim'),
});
export type KbCaveat = z.infer<typeof KbCaveat>;

export const KbEntity = z.object({
  id: z.string(),
  type: EntityType,
  name: z.string(),
  aliases: z.array(Alias.extend({ mentions: z.number().int(), reports: z.array(z.string()) })),
  description: z.string(),
  descriptionSource: QuoteRef,
  /** Claim ids, most informative first. */
  facts: z.array(z.string()),
  /** Reports that mention the entity, with the first sentence that does. */
  reports: z.array(z.object({ report: z.string(), mentions: z.number().int(), snippet: z.string(), claim: z.string() })),
  /** Entities named in the same sentences, most often first. */
  related: z.array(z.object({ id: z.string(), count: z.number().int() })),
  /** Dates the reports give in sentences that name this entity. */
  dates: z.array(z.object({ text: z.string(), value: z.string().nullable(), claim: z.string() })),
  /** Caveat ids, most severe first. */
  caveats: z.array(z.string()),
  /** Caveats about whole reports the entity appears in (undated, republished, told twice); not a claim-level finding about no entity, which only the report view shows, once. */
  reportCaveats: z.array(z.string()).default([]),
  /** Support across the entity's claims: independent sources and reports that carry them, and mentions in all. */
  support: Support.default(NO_SUPPORT),
});
export type KbEntity = z.infer<typeof KbEntity>;

export const KbDocument = z.object({
  format: z.literal(KB_FORMAT),
  version: z.literal(KB_FORMAT_VERSION),
  /** Content hash of everything below; identical inputs give an identical hash. */
  hash: z.string(),
  reports: z.array(KbReport),
  entities: z.array(KbEntity),
  claims: z.array(KbClaim),
  caveats: z.array(KbCaveat),
});
export type KbDocument = z.infer<typeof KbDocument>;

export interface KbStats {
  reports: number;
  entities: number;
  aliases: number;
  claims: number;
  caveats: number;
}

export function kbStats(kb: KbDocument): KbStats {
  return {
    reports: kb.reports.length,
    entities: kb.entities.length,
    aliases: kb.entities.reduce((n, e) => n + e.aliases.length, 0),
    claims: kb.claims.length,
    caveats: kb.caveats.length,
  };
}

/** Validate an unknown value as a KB document, with an error that names the field. */
export function parseKbDocument(value: unknown): KbDocument {
  const result = KbDocument.safeParse(value);
  if (!result.success) {
    const first = result.error.issues[0];
    const where = first ? first.path.join('.') || '(root)' : '(root)';
    throw new Error(`The knowledge base failed validation at ${where}: ${first?.message ?? 'invalid'}`);
  }
  return result.data;
}
