// What a card shows for one entity, assembled from a KbReader. The same code
// serves the CLI (`kb inspect`, reading the KB document in memory) and the
// background (reading IndexedDB), so both show the same card.
import { CAVEAT_KINDS, caveatOrder, type CaveatScope } from './caveats/kinds';
// Types only from document.ts: the card chunk must not pull in zod.
import type { Attribution, KbCaveat, KbClaim, KbDocument, KbEntity, KbReport, Speaker, Support } from './document';
import type { EntityType, Severity } from './schema';

export { CAVEAT_KINDS, caveatLabels, SEVERITY_ORDER } from './caveats/kinds';
export type { Speaker, Support } from './document';

/** Read access to a KB, wherever it is stored. */
export interface KbReader {
  entity(id: string): Promise<KbEntity | undefined>;
  entities(ids: readonly string[]): Promise<(KbEntity | undefined)[]>;
  claims(ids: readonly string[]): Promise<(KbClaim | undefined)[]>;
  caveats(ids: readonly string[]): Promise<(KbCaveat | undefined)[]>;
  reportMeta(ids: readonly string[]): Promise<(ReportRef | undefined)[]>;
  /** Entity ids whose alias folds to `name` (case-insensitive, quote and hyphen styles folded). */
  findByName(name: string): Promise<string[]>;
}

export interface ReportRef {
  id: string;
  headline: string;
  publisher: string;
  url: string | null;
  date: string;
  dateInferred: boolean;
  dateReason: string;
  republishedFrom: string | null;
}

export interface CardFact {
  claim: string;
  /** The exact sentence from the report. */
  quote: string;
  report: ReportRef;
  attribution: Attribution;
  hedges: string[];
  /** Caveats that bear on this fact. */
  caveats: string[];
  /** Independent sources, reports and repeats behind this fact. */
  support?: Support;
  /** Whose claim it is. */
  speaker?: Speaker;
}

export interface CardCaveat {
  id: string;
  kind: KbCaveat['kind'];
  severity: Severity;
  /** A plain badge for the reader (no internal terms). */
  label: string;
  /** One line a reader understands. */
  explanation: string;
  /** About one claim, or about the report as a whole. */
  scope?: CaveatScope;
  /** Every quote the caveat rests on (merged caveats have several), each with its report. */
  evidence?: { quote: string; report: ReportRef }[];
  reasoning: string;
  origin: 'auto' | 'editor';
  quote: string;
  start: number;
  end: number;
  report: ReportRef;
}

export interface EntityCard {
  id: string;
  type: EntityType;
  name: string;
  description: string;
  descriptionSource: { quote: string; report: ReportRef };
  /** Spellings the reports use that are wrong or nonstandard, with the reports that use them. */
  spellings: { text: string; note: string; reports: ReportRef[] }[];
  aliases: string[];
  facts: CardFact[];
  reports: (ReportRef & { snippet: string; mentions: number; claim: string })[];
  caveats: CardCaveat[];
  related: { id: string; name: string; type: EntityType; count: number }[];
  dates: { text: string; value: string | null; claim: string }[];
  totals: { facts: number; reports: number; caveats: number };
  /** Support across the entity's claims. */
  support?: Support;
}

const NO_SUPPORT: Support = { independentSources: 0, reports: 0, repeats: 0 };

/** At most this many caveats on a card, those that change belief most first. */
export const CARD_LIMITS = { facts: 5, related: 8, caveats: 8 } as const;

export function reportRef(r: KbReport): ReportRef {
  return {
    id: r.id,
    headline: r.headline,
    publisher: r.publisher,
    url: r.url,
    date: r.date.value,
    dateInferred: r.date.inferred,
    dateReason: r.date.reason,
    republishedFrom: r.republishedFrom?.publisher ?? null,
  };
}

function defined<T>(xs: (T | undefined)[]): T[] {
  return xs.filter((x): x is T => x !== undefined);
}

export async function entityCard(kb: KbReader, id: string): Promise<EntityCard | null> {
  const entity = await kb.entity(id);
  if (!entity) return null;
  const factIds = entity.facts.slice(0, CARD_LIMITS.facts);
  const [facts, caveats, relatedEntities] = await Promise.all([
    kb.claims(factIds).then(defined),
    kb.caveats([...entity.caveats, ...(entity.reportCaveats ?? [])]).then(defined),
    kb.entities(entity.related.slice(0, CARD_LIMITS.related).map((r) => r.id)),
  ]);
  const reportIds = [
    ...new Set([
      entity.descriptionSource.report,
      ...entity.reports.map((r) => r.report),
      ...facts.map((f) => f.report),
      ...caveats.flatMap((c) => [c.report, ...c.appearances.map((a) => a.report)]),
      ...entity.aliases.flatMap((a) => a.reports),
    ]),
  ];
  const refs = new Map(defined(await kb.reportMeta(reportIds)).map((r) => [r.id, r]));
  const ref = (rid: string): ReportRef => refs.get(rid) ?? { id: rid, headline: rid, publisher: 'unknown', url: null, date: '', dateInferred: true, dateReason: 'missing', republishedFrom: null };
  return {
    id: entity.id,
    type: entity.type,
    name: entity.name,
    description: entity.description,
    descriptionSource: { quote: entity.descriptionSource.quote, report: ref(entity.descriptionSource.report) },
    spellings: entity.aliases
      .filter((a) => a.nonstandard && a.mentions > 0)
      .map((a) => ({ text: a.text, note: a.note ?? 'nonstandard spelling', reports: a.reports.map(ref) })),
    aliases: entity.aliases.filter((a) => !a.nonstandard).map((a) => a.text),
    facts: facts.map((c) => ({
      claim: c.id,
      quote: c.text,
      report: ref(c.report),
      attribution: c.attribution,
      hedges: c.hedges,
      caveats: caveats.filter((cv) => cv.claims.includes(c.id)).map((cv) => cv.id),
      support: c.support ?? NO_SUPPORT,
      speaker: c.speaker ?? { kind: 'unknown' },
    })),
    reports: entity.reports.map((r) => ({ ...ref(r.report), snippet: r.snippet, mentions: r.mentions, claim: r.claim })),
    // What bears on this entity's claims first; what is true of a whole report it appears in fills the slots left.
    caveats: caveats
      .sort((a, b) => Number(a.scope === 'report') - Number(b.scope === 'report') || caveatOrder(a, b))
      .slice(0, CARD_LIMITS.caveats)
      .map((c) => ({
        id: c.id,
        kind: c.kind,
        severity: c.severity,
        label: c.label,
        explanation: c.explanation,
        reasoning: c.reasoning,
        origin: c.origin,
        quote: c.quote,
        start: c.start,
        end: c.end,
        report: ref(c.report),
        scope: c.scope ?? CAVEAT_KINDS[c.kind].scope,
        evidence: (c.appearances.length > 0 ? c.appearances : [{ report: c.report, quote: c.quote }]).map((a) => ({ quote: a.quote, report: ref(a.report) })),
      })),
    related: entity.related
      .slice(0, CARD_LIMITS.related)
      .map((r, i) => ({ ...r, entity: relatedEntities[i] }))
      .filter((r): r is typeof r & { entity: KbEntity } => r.entity !== undefined)
      .map((r) => ({ id: r.id, name: r.entity.name, type: r.entity.type, count: r.count })),
    dates: entity.dates,
    totals: { facts: entity.facts.length, reports: entity.reports.length, caveats: entity.caveats.length },
    support: entity.support ?? NO_SUPPORT,
  };
}

/** Fold a name the way the matcher does, for lookups by name. */
export function foldName(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[’‘ʼ′]/g, "'")
    .replace(/[‐-―−]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A KbReader over a KB document held in memory (CLI, tests). */
export function memoryReader(kb: KbDocument): KbReader {
  const entities = new Map(kb.entities.map((e) => [e.id, e]));
  const claims = new Map(kb.claims.map((c) => [c.id, c]));
  const caveats = new Map(kb.caveats.map((c) => [c.id, c]));
  const reports = new Map(kb.reports.map((r) => [r.id, reportRef(r)]));
  const names = new Map(nameIndex(kb).map((n) => [n.name, n.ids]));
  return {
    entity: async (id) => entities.get(id),
    entities: async (ids) => ids.map((id) => entities.get(id)),
    claims: async (ids) => ids.map((id) => claims.get(id)),
    caveats: async (ids) => ids.map((id) => caveats.get(id)),
    reportMeta: async (ids) => ids.map((id) => reports.get(id)),
    findByName: async (name) => names.get(foldName(name)) ?? [],
  };
}

/** Index of folded names → entity ids, stored alongside the KB for `findByName`. */
export function nameIndex(kb: KbDocument): { name: string; ids: string[] }[] {
  const names = new Map<string, string[]>();
  for (const e of kb.entities) {
    for (const text of [e.name, ...e.aliases.map((a) => a.text)]) {
      const key = foldName(text);
      const ids = names.get(key) ?? [];
      if (!ids.includes(e.id)) ids.push(e.id);
      names.set(key, ids);
    }
  }
  return [...names].sort((a, b) => a[0].localeCompare(b[0])).map(([name, ids]) => ({ name, ids }));
}
