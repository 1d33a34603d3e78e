// The reader's KB, written one report at a time (issue #18, points 4 and 9).
//
// Each report is run through the pipeline (lib/kb/extract) on its own, against
// the bundled entities and the new names earlier reports introduced, and the
// result is kept as the report's *piece*: its report record, claims, caveats,
// the entities it mentions, and the new names it introduced. A second step
// looks at the report with its *neighbours* (the bundled and reader reports
// that name one of its entities) through lib/kb's own build, which gives the
// caveats that take two reports (a conflict) on both sides, bundled or not.
// The KB is the pieces put together (`assemble`): linear work, no NLP.
// Corroboration is counted across bundled and reader claims with lib/kb's
// support code, so the same source in both counts once.
//
// The order of reports is the order they were added: a piece sees the new
// names of the pieces before it. Deleting a report re-derives only the later
// pieces whose text names one of the names it introduced.
import ignoreFile from '../../data/ignore-names.json';
import { buildKb } from '../kb/build';
import { KB_FORMAT, KB_FORMAT_VERSION, type KbCaveat, type KbDocument, type KbEntity, type KbReport } from '../kb/document';
import { extractReports } from '../kb/extract';
import type { Entity } from '../kb/schema';
import { claimSupport, originalTextKeys, totalSupport } from '../kb/support';
import { contentHash } from '../kb/text';
import { compilePageMatcher } from '../link/data';
import { packMatcher } from '../match/packed';
import type { PackEntity, PackReport } from './pack';
import { bundledInputs, foldReviewName, NO_REVIEW, readerHash, type ReaderDerived, type Review } from './pipeline';

/** What one report contributed. Stored per report (lib/db/reader-store `pieces`). */
export interface ReportPiece {
  id: string;
  /** The bundled KB and review it was derived against: either changing means deriving again. */
  bundledHash: string;
  reviewHash: string;
  /** Its report record, claims, caveats, and the entities it mentions (records over this report alone). */
  kb: Pick<KbDocument, 'reports' | 'claims' | 'caveats' | 'entities'>;
  /** New names this report introduced (pipeline inputs), which later reports are linked to. */
  fresh: Entity[];
  /** Caveats found with its neighbours (conflicts), on its side and on theirs. */
  cross: KbCaveat[];
  /** Capitalised words of its text (folded): which pieces a removed name could concern. */
  nameWords: string[];
}

export const reviewHash = (review: Review) => contentHash(JSON.stringify(review));


const IGNORE = (ignoreFile as { names: { text: string }[] }).names;

function nameWordsOf(text: string): string[] {
  return [...new Set((text.match(/\p{Lu}[\p{L}\p{M}'’-]*/gu) ?? []).map((w) => w.toLowerCase()))].sort();
}

function aliasWords(e: Pick<Entity, 'name' | 'aliases'>): string[] {
  return [...new Set([e.name, ...e.aliases.map((a) => a.text)].flatMap((t) => (t.match(/\p{Lu}[\p{L}\p{M}'’-]*/gu) ?? []).map((w) => w.toLowerCase())))];
}

/** The names known before a piece: bundled entities (with the reader's merges folded in) and earlier pieces' new names. */
export interface Known {
  bundled: KbDocument;
  bundledEntities: Entity[];
  review: Review;
  /** New names introduced so far, in order. */
  registry: Entity[];
}

export function applyMerges(known: Known, entities: Entity[]): Entity[] {
  const merges = Object.entries(known.review.merged ?? {}).filter(([from, into]) => from !== into);
  if (merges.length === 0) return entities;
  const byId = new Map(entities.map((e) => [e.id, e]));
  for (const [from, into] of merges) {
    const source = byId.get(from);
    const target = byId.get(into);
    if (!source || !target || known.bundled.entities.some((e) => e.id === from)) continue;
    const aliases = [...target.aliases];
    for (const a of [{ text: source.name }, ...source.aliases]) if (!aliases.some((x) => x.text === a.text)) aliases.push(freshAlias(a.text));
    byId.set(into, { ...target, aliases });
    byId.delete(from);
  }
  return [...byId.values()];
}

function freshAlias(text: string): Entity['aliases'][number] {
  return { text, needsContext: false, caseSensitive: true, nonstandard: false, reportsOnly: false, shortForm: false, shared: false, qualifiers: [] };
}

/** Run one report through the pipeline against what is known before it. */
export function derivePiece(report: PackReport, known: Known): ReportPiece {
  const ignore = [...IGNORE, ...known.review.rejected.map((text) => ({ text }))];
  const before = applyMerges(known, [...known.bundledEntities, ...known.registry]);
  let { kb } = extractReports([{ file: report.file, text: report.text, id: report.id }], { entities: before, ignore });
  const knownIds = new Set(before.map((e) => e.id));
  let fresh = kb.entities.filter((e) => !knownIds.has(e.id) && e.reports.length > 0);
  // A new name the reader merged into another: its forms become that entity's, and the report is linked again.
  if (fresh.some((e) => known.review.merged?.[e.id])) {
    const freshInputs = fresh.map(toInput);
    const withMerged = applyMerges(known, [...before, ...freshInputs]);
    ({ kb } = extractReports([{ file: report.file, text: report.text, id: report.id }], { entities: withMerged, ignore }));
    const ids = new Set(withMerged.map((e) => e.id));
    fresh = kb.entities.filter((e) => (!knownIds.has(e.id) && e.reports.length > 0) || (!ids.has(e.id) && e.reports.length > 0));
  }
  for (const r of kb.reports) {
    r.headline = report.title;
    if (report.url) r.url = report.url;
  }
  return {
    id: report.id,
    bundledHash: known.bundled.hash,
    reviewHash: reviewHash(known.review),
    kb: { reports: kb.reports, claims: kb.claims, caveats: kb.caveats, entities: kb.entities.filter((e) => e.reports.length > 0) },
    fresh: fresh.map(toInput),
    cross: [],
    nameWords: nameWordsOf(report.text),
  };
}

export function toInput(e: KbEntity): Entity {
  return {
    id: e.id,
    type: e.type,
    name: e.name,
    aliases: e.aliases.filter((a) => a.mentions > 0 || a.text === e.name).map(({ mentions: _m, reports: _r, ...a }) => a),
    description: e.description,
    descriptionSource: e.descriptionSource,
  };
}

/** At most this many neighbour reports are read with a new report (the ones sharing most entities with it). */
export const NEIGHBOURS_MAX = 40;

/**
 * Caveats that take two reports: the piece read together with the bundled and
 * reader reports that name its entities, through lib/kb's build. Kept: the
 * conflicts between this report and another, on both sides; the other side
 * names a reader's report by its title.
 */
export function crossCaveats(piece: ReportPiece, others: readonly ReportPiece[], known: Known, titles: ReadonlyMap<string, string>): KbCaveat[] {
  const mine = new Set(piece.kb.entities.map((e) => e.id));
  const score = (ids: Iterable<string>) => {
    let n = 0;
    for (const id of ids) if (mine.has(id)) n++;
    return n;
  };
  const candidates: { report: KbReport; n: number }[] = [];
  for (const r of known.bundled.reports) {
    const n = score(new Set(r.mentions.map((m) => m[2])));
    if (n > 0) candidates.push({ report: r, n });
  }
  for (const p of others) {
    if (p.id === piece.id) continue;
    const n = score(p.kb.entities.map((e) => e.id));
    if (n > 0) candidates.push({ report: p.kb.reports[0]!, n });
  }
  return crossWith(piece, nearest(candidates), known, titles);
}

/** The NEIGHBOURS_MAX candidates sharing most entities with a report (ties by report id). */
export function nearest(candidates: { report: KbReport; n: number }[]): KbReport[] {
  candidates.sort((a, b) => b.n - a.n || a.report.id.localeCompare(b.report.id));
  return candidates.slice(0, NEIGHBOURS_MAX).map((c) => c.report);
}

/** The conflicts between a piece's report and its neighbours (./append.ts finds the neighbours from the stored entity records). */
export function crossWith(piece: ReportPiece, neighbours: readonly KbReport[], known: Known, titles: ReadonlyMap<string, string>): KbCaveat[] {
  if (neighbours.length === 0) return [];
  const me = piece.kb.reports[0]!;
  const entities = applyMerges(known, [...known.bundledEntities, ...known.registry, ...piece.fresh]);
  let kb: KbDocument;
  try {
    kb = buildKb({ reports: [...neighbours, me].map(asInput), entities, ignore: [], editorNotes: [] });
  } catch {
    return [];
  }
  const name = (id: string) => titles.get(id);
  return kb.caveats
    .filter((c) => c.kind === 'conflict' && (c.report === me.id ? c.related.some((r) => r.report !== me.id) : c.related.some((r) => r.report === me.id)))
    .map((c) => ({
      ...c,
      // On a bundled report, the bundled caveat of the same finding is replaced (lib/reader-kb/merge.ts reads the reader's first): one caveat naming every other side.
      id: c.report !== me.id && bundledCaveatIds(known.bundled).has(c.id) ? c.id : `x-${c.id}-${me.id.slice(4, 12)}`,
      explanation: namedByTitle(c.explanation, c.related, name),
      context: c.context === null ? null : namedByTitle(c.context, c.related, name),
    }));
}

const caveatIds = new WeakMap<KbDocument, Set<string>>();
function bundledCaveatIds(kb: KbDocument): Set<string> {
  let ids = caveatIds.get(kb);
  if (!ids) caveatIds.set(kb, (ids = new Set(kb.caveats.map((c) => c.id))));
  return ids;
}

/** lib/kb names other reports by their id's first digits ("report 512 (2026-03…)"); a reader's report is named by its title. */
function namedByTitle(text: string, related: readonly { report: string }[], title: (id: string) => string | undefined): string {
  let out = text;
  for (const r of related) {
    const t = title(r.report);
    if (t) out = out.split(`report ${r.report.slice(0, 3)} (`).join(`your report “${t}” (`);
  }
  return out;
}

/** A report record back as a build input (its metadata and furniture as markers). */
function asInput(r: KbReport): { meta: Parameters<typeof buildKb>[0]['reports'][number]['meta']; text: string; path: string } {
  return {
    meta: {
      id: r.id,
      headline: r.headline,
      publisher: r.publisher,
      publisherReason: r.publisherReason,
      url: r.url,
      date: r.date,
      republishedFrom: r.republishedFrom,
      furniture: r.furniture.map(([s, e]) => ({ from: r.text.slice(s, e), until: r.text.slice(s, e), reason: 'page furniture' })),
      notes: r.notes,
    },
    text: r.text,
    path: `${r.id}.txt`,
  };
}

/** The state of the reader's KB: pieces in the order their reports were added. */
export interface PieceSet {
  pieces: ReportPiece[];
}

/** Add reports at the end: one piece each (and its cross caveats); nothing else is derived again. */
export function addReports(set: readonly ReportPiece[], reports: readonly PackReport[], known: Omit<Known, 'registry'>, titles: Map<string, string>): ReportPiece[] {
  const out = [...set];
  for (const r of reports) {
    titles.set(r.id, r.title);
    const piece = derivePiece(r, { ...known, registry: out.flatMap((p) => p.fresh) });
    piece.cross = crossCaveats(piece, out, { ...known, registry: out.flatMap((p) => p.fresh) }, titles);
    out.push(piece);
  }
  return out;
}

/**
 * Remove reports: their pieces go, and so does everything that came only from
 * them. Later pieces that could have named one of their new names (by the
 * words of their text) are derived again, in order, as if the removed
 * reports had never been added.
 */
export function removeReports(set: readonly ReportPiece[], ids: ReadonlySet<string>, reports: ReadonlyMap<string, PackReport>, known: Omit<Known, 'registry'>, titles: Map<string, string>): { pieces: ReportPiece[]; rederived: string[] } {
  const out: ReportPiece[] = [];
  const changedWords = new Set<string>();
  const changedIds = new Set<string>();
  const rederived: string[] = [];
  const note = (p: ReportPiece) => {
    for (const e of p.fresh) {
      changedIds.add(e.id);
      for (const w of aliasWords(e)) changedWords.add(w);
    }
  };
  for (const p of set) {
    if (ids.has(p.id)) {
      note(p);
      continue;
    }
    const concerned = changedIds.size > 0 && (p.nameWords.some((w) => changedWords.has(w)) || p.fresh.some((e) => [...changedIds].some((id) => e.id.startsWith(`${id}-`))));
    const report = reports.get(p.id);
    if (concerned && report) {
      note(p);
      const known2 = { ...known, registry: out.flatMap((x) => x.fresh) };
      const piece = derivePiece(report, known2);
      piece.cross = crossCaveats(piece, out, known2, titles);
      note(piece);
      out.push(piece);
      rederived.push(p.id);
    } else out.push(p);
  }
  return { pieces: out, rederived };
}

function union<T>(a: readonly T[], b: readonly T[]): T[] {
  return [...new Set([...a, ...b])];
}

/**
 * The reader's KB from its pieces: reports, claims and caveats side by side;
 * an entity's records over its pieces merged; corroboration recounted across
 * bundled and reader claims (lib/kb/support), so a source both carry counts
 * once; the cross caveats attached to the entities they are about, bundled
 * ones included. Then the page matcher over both KBs, packed.
 */
export function assemble(bundled: KbDocument, pieces: readonly ReportPiece[], review: Review = NO_REVIEW, packs: readonly PackReport[] = []): ReaderDerived {
  const bundledIds = new Set(bundled.entities.map((e) => e.id));
  const present = new Set([...bundled.reports.map((r) => r.id), ...pieces.map((p) => p.id)]);
  const reports = pieces.flatMap((p) => p.kb.reports);
  const claims = pieces.flatMap((p) => p.kb.claims);
  // Cross caveats whose reports are all still here.
  // The latest piece's version of a finding wins (it was read with the most neighbours).
  const cross = [...new Map(pieces.flatMap((p) => p.cross).filter((c) => present.has(c.report) && c.related.every((r) => present.has(r.report))).map((c) => [c.id, c])).values()];
  const caveats = [...pieces.flatMap((p) => p.kb.caveats), ...cross];

  // Entity records: merged over the pieces that mention the entity (all of an entity's records at once:
  // merging them two at a time copies and sorts its growing lists once per report, quadratic in the reports naming it).
  const recordsOf = new Map<string, KbEntity[]>();
  for (const p of pieces) {
    for (const e of p.kb.entities) {
      const list = recordsOf.get(e.id);
      if (list) list.push(e);
      else recordsOf.set(e.id, [e]);
    }
  }
  const byId = new Map<string, KbEntity>();
  for (const [id, records] of recordsOf) byId.set(id, records.length === 1 ? structuredClone(records[0]!) : mergeRecords(records));
  // Support across both KBs: a claim's group spans bundled and reader claims (repeats, restatements, the same named source).
  const touched = new Set(byId.keys());
  const bundledOwn = bundled.claims.filter((c) => c.entities.some((id) => touched.has(id)));
  const joint = [...bundledOwn, ...claims];
  const same = new Map(joint.map((c) => [c.id, c.corroboration.claims]));
  // Republished copies of one original count once; reader reports are never copies of each other or of a bundled one (they are refused as duplicates).
  const republished = [...bundled.reports, ...reports].filter((r) => r.republishedFrom);
  const support = claimSupport(joint, republished, same);
  const originals = originalTextKeys(republished);
  const supportedClaims = claims.map((c) => ({ ...c, support: support.get(c.id) ?? c.support }));
  // Each entity's claims and cross caveats, gathered in one pass (not a scan of every claim per entity).
  const about = <T extends { entities: string[] }>(items: readonly T[]) => {
    const by = new Map<string, T[]>();
    for (const item of items) {
      for (const id of new Set(item.entities)) {
        const list = by.get(id);
        if (list) list.push(item);
        else by.set(id, [item]);
      }
    }
    return by;
  };
  const bundledAbout = about(bundledOwn);
  const readerAbout = about(supportedClaims);
  const crossAbout = about(cross);
  for (const [id, e] of byId) {
    const all = [...(bundledIds.has(id) ? (bundledAbout.get(id) ?? []) : []), ...(readerAbout.get(id) ?? [])];
    e.support = totalSupport(all, originals);
    e.caveats = union(e.caveats, (crossAbout.get(id) ?? []).map((c) => c.id));
  }
  // A bundled entity a cross caveat is about, which the reader's reports do not mention themselves.
  for (const c of cross) {
    for (const id of c.entities) {
      if (byId.has(id) || !bundledIds.has(id)) continue;
      const b = bundled.entities.find((x) => x.id === id)!;
      // Every cross caveat about it (not only the first found).
      byId.set(id, { ...b, aliases: b.aliases.map((a) => ({ ...a, mentions: 0, reports: [] })), facts: [], reports: [], related: [], dates: [], caveats: (crossAbout.get(id) ?? [c]).map((x) => x.id), reportCaveats: [], support: b.support });
    }
  }
  // The reader's renames and type changes, for names their reports added.
  for (const [id, e] of byId) {
    if (bundledIds.has(id)) continue;
    const name = review.renamed[id];
    if (name && name.trim()) e.name = name.trim();
    const type = review.retyped[id];
    if (type) e.type = type;
  }
  const entities = [...byId.values()];
  const kb: KbDocument = {
    format: KB_FORMAT,
    version: KB_FORMAT_VERSION,
    reports,
    entities,
    claims: supportedClaims,
    caveats,
    hash: contentHash(pieces.map((p) => `${p.id}:${p.bundledHash}:${p.reviewHash}`).join('\n')),
  };
  const packEntities: PackEntity[] = entities
    .filter((e) => e.reports.length > 0)
    .map((e) => ({ id: e.id, name: e.name, type: e.type, aliases: e.aliases.filter((a) => a.mentions > 0).map((a) => a.text), reports: e.reports.map((r) => r.report), isNew: !bundledIds.has(e.id) }));
  // The page matcher: bundled entities (with the reader's merged forms) and the new names.
  const fresh = new Map(pieces.flatMap((p) => p.fresh).map((e) => [e.id, e]));
  const merged = Object.entries(review.merged ?? {});
  const pageEntities: KbEntity[] = [
    ...bundled.entities.map((b) => {
      const extra = merged.filter(([from, into]) => into === b.id && from !== into).flatMap(([from]) => byId.get(from)?.aliases ?? fresh.get(from)?.aliases.map((a) => ({ ...a, mentions: 1, reports: [] })) ?? []);
      const mineE = byId.get(b.id);
      const fromReader = mineE ? mineE.aliases.filter((a) => a.mentions > 0 && !b.aliases.some((x) => x.text === a.text)) : [];
      return extra.length || fromReader.length ? { ...b, aliases: [...b.aliases, ...[...extra, ...fromReader].filter((a, i, all) => all.findIndex((x) => x.text === a.text) === i && !b.aliases.some((x) => x.text === a.text))] } : b;
    }),
    ...entities.filter((e) => !bundledIds.has(e.id) && e.reports.length > 0 && !review.merged?.[e.id]),
  ];
  return {
    bundledHash: bundled.hash,
    readerHash: contentHash(`${readerHash(packs.length ? packs : pieces.map((p) => ({ id: p.id, text: p.kb.reports[0]?.text ?? '' })))}\n${JSON.stringify(review)}`),
    kb,
    compiled: packMatcher(compilePageMatcher({ entities: pageEntities, reports: [...bundled.reports, ...reports] })),
    entities: packEntities,
    crossCaveats: cross.length,
  };
}

/** One entity's records from several pieces as one: mentions added up, lists joined in the pieces' order without repeats. */
export function mergeRecords(records: readonly KbEntity[]): KbEntity {
  const first = records[0]!;
  const aliases = new Map<string, { alias: KbEntity['aliases'][number]; reports: Set<string>; records: number }>();
  const facts = new Set<string>();
  const reports = new Map<string, KbEntity['reports'][number]>();
  const related = new Map<string, number>();
  const dates: KbEntity['dates'] = [];
  const caveats = new Set<string>();
  const reportCaveats = new Set<string>();
  for (const e of records) {
    for (const x of e.aliases) {
      const same = aliases.get(x.text);
      if (same) {
        same.alias.mentions += x.mentions;
        for (const r of x.reports) same.reports.add(r);
        same.records++;
      } else aliases.set(x.text, { alias: { ...x }, reports: new Set(x.reports), records: 1 });
    }
    for (const f of e.facts) facts.add(f);
    for (const r of e.reports) if (!reports.has(r.report)) reports.set(r.report, r);
    for (const r of e.related) related.set(r.id, (related.get(r.id) ?? 0) + r.count);
    dates.push(...e.dates);
    for (const c of e.caveats) caveats.add(c);
    for (const c of e.reportCaveats) reportCaveats.add(c);
  }
  return {
    ...first,
    // An alias two records share lists its reports sorted; one only one record has keeps its own order.
    aliases: [...aliases.values()].map(({ alias, reports: rs, records: n }) => ({ ...alias, reports: n > 1 ? [...rs].sort() : [...rs] })),
    facts: [...facts],
    reports: [...reports.values()],
    related: [...related].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).map(([id, count]) => ({ id, count })),
    dates,
    caveats: [...caveats],
    reportCaveats: [...reportCaveats],
  };
}

/** Derive the reader's KB from scratch: every report added in order (what the incremental steps must equal). */
export function deriveFromScratch(bundled: KbDocument, reports: readonly PackReport[], review: Review = NO_REVIEW): { pieces: ReportPiece[]; derived: ReaderDerived } {
  const known = { bundled, bundledEntities: bundledInputs(bundled), review };
  const pieces = addReports([], reports, known, new Map());
  return { pieces, derived: assemble(bundled, pieces, review, reports) };
}

/** Folded names of a review's rejections, for the pipeline's ignore list. */
export const rejectedNames = (review: Review) => review.rejected.map(foldReviewName);

export interface UpdateInput {
  /** The stored pieces, in the order their reports were added (removed ones included, for a removal). */
  pieces: readonly ReportPiece[];
  /** All of the reader's reports now stored (added ones included, removed ones gone). */
  reports: readonly PackReport[];
  review: Review;
  /** Reports just added (at the end). */
  added?: readonly string[];
  /** Reports just removed. */
  removed?: readonly string[];
  /** Derive every piece again (a report replaced in place). */
  full?: boolean;
}

export interface UpdateResult {
  pieces: ReportPiece[];
  /** Pieces derived in this update (to store). */
  changed: ReportPiece[];
  removed: string[];
  derived: ReaderDerived;
  /** Whether every piece had to be derived again (a new bundled KB, a review change, missing pieces). */
  full: boolean;
}

/**
 * One change to the reader's KB: add the new reports' pieces, or remove the
 * removed ones (and derive again the few later pieces that could have named
 * their new names). Pieces made against another bundled KB or review, or
 * missing ones, mean deriving everything again (an update, a review change).
 */
export function updateReaderKb(bundled: KbDocument, input: UpdateInput): UpdateResult {
  const known = { bundled, bundledEntities: bundledInputs(bundled), review: input.review };
  const rh = reviewHash(input.review);
  const order = new Map(input.reports.map((r, i) => [r.id, i]));
  const byId = new Map(input.reports.map((r) => [r.id, r]));
  const titles = new Map(input.reports.map((r) => [r.id, r.title]));
  const added = new Set(input.added ?? []);
  const removed = new Set(input.removed ?? []);
  const stored = input.pieces.filter((p) => !removed.has(p.id) || !order.has(p.id));
  const current = stored.filter((p) => order.has(p.id) && !added.has(p.id)).sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  const expected = input.reports.filter((r) => !added.has(r.id));
  const fresh = current.length === expected.length && current.every((p, i) => p.id === expected[i]!.id && p.bundledHash === bundled.hash && p.reviewHash === rh);
  // Added reports come last in the order they were added; anything else is a full derivation.
  const addedInOrder = input.reports.filter((r) => added.has(r.id));
  const tailOk = addedInOrder.every((r) => order.get(r.id)! >= expected.length);
  if (!fresh || !tailOk || input.full) {
    const pieces = addReports([], input.reports, known, titles);
    return { pieces, changed: pieces, removed: input.pieces.map((p) => p.id).filter((id) => !order.has(id)), derived: assemble(bundled, pieces, input.review, input.reports), full: true };
  }
  let pieces = current;
  let changed: ReportPiece[] = [];
  if (removed.size > 0) {
    // The stored pieces still hold the removed ones: take them out in place, re-deriving what depended on them.
    // In the order they were added (the caller passes the pieces in the old reports' order).
    const withRemoved = input.pieces.filter((p) => (removed.has(p.id) || order.has(p.id)) && !added.has(p.id));
    const r = removeReports(withRemoved, removed, byId, known, titles);
    pieces = r.pieces;
    changed = pieces.filter((p) => r.rederived.includes(p.id));
  }
  if (addedInOrder.length > 0) {
    const before = pieces.length;
    pieces = addReports(pieces, addedInOrder, known, titles);
    changed = [...changed, ...pieces.slice(before)];
  }
  return { pieces, changed, removed: [...removed], derived: assemble(bundled, pieces, input.review, input.reports), full: false };
}
