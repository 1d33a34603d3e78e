// The reader's reports through the same pipeline as the bundled ones
// (lib/kb/extract → lib/kb/build): names the bundled KB knows are linked to
// its entities, new names are found by rule, and claims, support and caveats
// are computed over the reader's reports. The result is a KB document of the
// reader's reports alone, merged with the bundled KB at lookup
// (./merge.ts); the matcher is compiled over both.
import ignoreFile from '../../data/ignore-names.json';
import type { KbDocument } from '../kb/document';
import { extractReports, type KnownNames } from '../kb/extract';
import type { Entity, EntityType } from '../kb/schema';
import { contentHash } from '../kb/text';
import { compilePageMatcher } from '../link/data';
import { packMatcher, type PackedMatcher } from '../match/packed';
import type { PackEntity, PackReport } from './pack';

/** The bundled KB's entities as pipeline inputs (their mention counts and report lists left out). */
export function bundledInputs(bundled: Pick<KbDocument, 'entities'>): Entity[] {
  return bundled.entities.map((e) => ({
    id: e.id,
    type: e.type,
    name: e.name,
    aliases: e.aliases.map(({ mentions: _m, reports: _r, ...a }) => a),
    description: e.description,
    descriptionSource: e.descriptionSource,
  }));
}

/** The bundled KB's entities as pipeline inputs, with the bundled ignore list. */
export function knownFromKb(bundled: Pick<KbDocument, 'entities'>): KnownNames {
  return { entities: bundledInputs(bundled), ignore: (ignoreFile as { names: { text: string }[] }).names };
}

/** The reader's decisions about the names their reports added; they outlast re-imports (names are keyed by folded text, new entities by their stable id). */
export interface Review {
  /** Folded names never to propose again. */
  rejected: string[];
  renamed: Record<string, string>;
  retyped: Record<string, EntityType>;
  /** Entity id → the entity it is another name of (the reader merged them). */
  merged: Record<string, string>;
}
export const NO_REVIEW: Review = { rejected: [], renamed: {}, retyped: {}, merged: {} };
export const foldReviewName = (name: string) => name.replace(/\s+/g, ' ').trim().toLowerCase();

export interface ReaderDerived {
  /** Hash of the bundled KB this was derived against: a new bundle means deriving again. */
  bundledHash: string;
  /** Hash of the reader's report ids and texts, and of their review. */
  readerHash: string;
  kb: KbDocument;
  /** The page matcher over bundled + reader entities, packed as pages receive it. */
  compiled: PackedMatcher;
  entities: PackEntity[];
  /** How many of `kb.caveats`, at its end, were found across reports (./incremental.ts): they can change without their report's piece. Unknown: any may. */
  crossCaveats?: number;
}

export function readerHash(reports: readonly Pick<PackReport, 'id' | 'text'>[]): string {
  return contentHash(reports.map((r) => `${r.id}\n${r.text}`).join('\n\u0000'));
}

/** Run the reader's reports through the pipeline against the bundled KB. */
export function deriveReaderKb(bundled: KbDocument, reports: readonly PackReport[], known: KnownNames = knownFromKb(bundled), review: Review = NO_REVIEW): ReaderDerived {
  const bundledIds = new Set(bundled.entities.map((e) => e.id));
  const inputs = reports.map((r) => ({ file: r.file, text: r.text, id: r.id }));
  const ignore = [...known.ignore, ...review.rejected.map((text) => ({ text }))];
  let { kb } = extractReports(inputs, { entities: known.entities, ignore });
  // Merges: the merged name's forms become aliases of the entity it was merged
  // into, which the pipeline then knows; a second pass links its mentions there.
  const merges = Object.entries(review.merged ?? {}).filter(([from, into]) => from !== into);
  let knownEntities = known.entities;
  if (merges.length > 0) {
    const found = new Map(kb.entities.filter((e) => e.reports.length > 0).map((e) => [e.id, e]));
    const byId = new Map(known.entities.map((e) => [e.id, structuredClone(e)]));
    for (const [from, into] of merges) {
      const source = found.get(from);
      const target = found.get(into);
      const entity: Entity | undefined =
        byId.get(into) ??
        (target && {
          id: target.id,
          type: target.type,
          name: target.name,
          aliases: target.aliases.filter((a) => a.mentions > 0).map(({ mentions: _m, reports: _r, ...a }) => a),
          description: target.description,
          descriptionSource: target.descriptionSource,
        });
      if (!source || !entity || bundledIds.has(from)) continue;
      for (const a of source.aliases) if (a.mentions > 0 && !entity.aliases.some((x) => x.text === a.text)) entity.aliases.push({ text: a.text, needsContext: false, caseSensitive: true, nonstandard: false, reportsOnly: false, shortForm: false, shared: false, qualifiers: [] });
      byId.set(into, entity);
    }
    knownEntities = [...byId.values()];
    ({ kb } = extractReports(inputs, { entities: knownEntities, ignore }));
  }
  // The reader's renames and type changes, for names their reports added (bundled entities are not theirs to change).
  for (const e of kb.entities) {
    if (bundledIds.has(e.id)) continue;
    const name = review.renamed[e.id];
    if (name && name.trim()) e.name = name.trim();
    const type = review.retyped[e.id];
    if (type) e.type = type;
  }
  // Titles the reader gave (or edited) name the report on cards.
  const titleOf = new Map(reports.map((r) => [r.id, r]));
  for (const r of kb.reports) {
    const p = titleOf.get(r.id);
    if (p) {
      r.headline = p.title;
      if (p.url) r.url = p.url;
    }
  }
  const mentioned = kb.entities.filter((e) => e.reports.length > 0);
  const entities: PackEntity[] = mentioned.map((e) => ({
    id: e.id,
    name: e.name,
    type: e.type,
    aliases: e.aliases.filter((a) => a.mentions > 0).map((a) => a.text),
    reports: e.reports.map((r) => r.report),
    isNew: !bundledIds.has(e.id),
  }));
  return {
    bundledHash: bundled.hash,
    // The review is part of what was derived: a rename must not be served from a cache of the old names.
    readerHash: contentHash(`${readerHash(reports)}\n${JSON.stringify(review)}`),
    kb: { ...kb, entities: mentioned },
    // With the linker's data (case rules, context profiles) from the bundled and the reader's reports together.
    compiled: packMatcher(compilePageMatcher({ entities: kb.entities, reports: [...bundled.reports, ...kb.reports] })),
    entities,
  };
}

/** The page matcher over the bundled entities and the reader's new ones. */
export function readerMatcher(bundled: Pick<KbDocument, 'entities' | 'reports'>, fresh: Pick<KbDocument, 'entities' | 'reports'>): PackedMatcher {
  return packMatcher(compilePageMatcher({ entities: [...bundled.entities, ...fresh.entities], reports: [...bundled.reports, ...fresh.reports] }));
}
