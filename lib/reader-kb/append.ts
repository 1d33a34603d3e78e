// Adding one report to a large reader's KB without reading the whole KB
// (issue #18, point 9). ./incremental.ts `assemble` puts every piece together
// again, which at 10,000 reports is seconds of work per import; here a report's
// piece is derived against only the new names its text could contain, its
// neighbours are found through the stored entity records, and only the records
// it touches are read and written:
// - the entities it names (their records merged with its own, support counted
//   on from the stored support), and the ones its cross-report caveats are about;
// - the claims whose corroboration group it joins or changes, found through a
//   persisted lookup of repeat keys and 3-word shingles (`claimKeys`), never a
//   scan of every claim; their support recounted over their group alone;
// - the index entries of what changed, the names it adds, its piece, its new
//   names in the `registry`, and its new names as a small matcher beside the
//   stored one (the head's `delta`, inserted by whoever reads the head,
//   ../match/append.ts; a full compile happens off the import's path).
// The result means what `assemble` gives (tests/unit/reader-append.test.ts
// compares cards, caveats and support with a from-scratch derivation); the
// order of some lists may differ. Cases whose effect reaches beyond the
// records a report touches (a report that republishes another, the reader's
// merges, a stale lookup) take the full path (./incremental.ts).
import { APPEND_META, getDerived, listPieces, settleRemovals, write, type ReaderDatabase } from '../db/reader-store';
import type { DerivedIndexDelta } from '../db/reader-store';
import { NO_SUPPORT, type KbClaim, type KbDocument, type KbEntity, type KbReport, type Support } from '../kb/document';
import { foldName } from '../kb/card';
import type { Entity } from '../kb/schema';
import { jaccard, namedSource, originalTextKeys, repeatKey, RESTATED_JACCARD, shingles, totalSupport } from '../kb/support';
import { contentHash } from '../kb/text';
import { aliasKey, aliasKeyVariants } from '../match/chars';
import { compilePageMatcher } from '../link/data';
import { mergeMatchers } from '../match/append';
import { crossWith, derivePiece, mergeRecords, nearest, reviewHash, type Known, type ReportPiece } from './incremental';
import type { PackReport } from './pack';
import { bundledInputs, type Review } from './pipeline';

/** Below this many reports the full path is fast enough and keeps every list in the order a derivation from scratch gives. */
export const APPEND_FROM = 200;
/** After this many new names appended to the page matcher, it is compiled whole again (off the import's path). */
export const MATCHER_COMPACT_AFTER = 2000;
/** A shingle shared by more claims than this says nothing about sameness (lib/kb/support.ts `restatements`). */
export const HOLDERS_MAX = 50;

/** Support as a key, to see whether a recount changed it. */
export const supportKey = (s: Support) => `${s.independentSources}.${s.reports}.${s.repeats}`;

/**
 * lib/kb/support's `claimSupport` for one claim, over its group as the stored lookups give it
 * (the append and the removal both recount only the claims whose group changed).
 */
export function supportCounter(env: {
  holders: (key: string) => readonly string[];
  jointClaim: (id: string) => KbClaim | undefined;
  keyOf: (c: KbClaim) => readonly string[];
  originals: ReadonlyMap<string, string>;
}): (c: KbClaim) => Support {
  const { holders, jointClaim, keyOf, originals } = env;
  const shinglesOf = new Map<string, Set<string>>();
  const sh = (c: KbClaim) => {
    let s = shinglesOf.get(c.id);
    if (!s) shinglesOf.set(c.id, (s = shingles(c.text, 3)));
    return s;
  };
  return (c) => {
    const group = new Set([c.id, ...c.corroboration.claims]);
    const rk = keyOf(c).find((k) => k.startsWith('r '));
    if (rk) for (const x of holders(rk)) group.add(x);
    for (const k of keyOf(c)) {
      if (!k.startsWith('s ')) continue;
      const hs = holders(k);
      if (hs.length > HOLDERS_MAX) continue;
      for (const x of hs) {
        if (group.has(x)) continue;
        const other = jointClaim(x);
        if (other && other.report !== c.report && jaccard(sh(c), sh(other)) >= RESTATED_JACCARD) group.add(x);
      }
    }
    const members = [...group].map(jointClaim).filter((x): x is KbClaim => x !== undefined);
    const sourceOf = (m: KbClaim) => {
      const named = namedSource(m.attribution);
      return named ? `named:${named.toLowerCase()}` : `text:${originals.get(m.report) ?? m.report}`;
    };
    return { independentSources: new Set(members.map(sourceOf)).size, reports: new Set(members.map((m) => m.report)).size, repeats: members.length };
  };
}

/** A new name a reader's report introduced, with what a text must contain (folded as the matcher folds) to name it. */
export interface RegistryEntry {
  id: string;
  /** Order of introduction (later reports see earlier names). */
  at: number;
  entity: Entity;
  /** Folded keys of its name and aliases (NFC and NFD): a text naming it contains one. */
  folded: string[];
  /** Lower-cased name and aliases (lib/kb/caveats `viaName` looks them up as substrings). */
  lower: string[];
  /** A one-word place's name less its last letter, lower-cased: its demonym starts so (lib/kb/subject `demonymsOf`). */
  stem: string | null;
  /**
   * Later reports whose derivation was given this name (their text could name it, ./append.ts `namesIn`): deleting
   * the report that introduced it changes theirs, so that deletion takes the full path (./remove.ts).
   */
  seenBy: string[];
}

/**
 * One record of the corroboration lookup: the keys (repeat keys, 3-word shingles) whose hash falls in one bucket,
 * each with the reader's claims that have it. Buckets, not one record per key: 10,000 distinct reports have some
 * 6 million keys (600 per report), which as records would take minutes to build and most of the database's
 * entries; CLAIM_KEY_BUCKETS records hold them all, and an import reads and writes the buckets of its own keys.
 */
export interface ClaimKeyRecord {
  key: string;
  keys: Record<string, string[]>;
}

export const CLAIM_KEY_BUCKETS = 1 << 16;

/** The bucket a key is stored in (FNV-1a). */
export function claimKeyBucket(key: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return `b${((h >>> 0) % CLAIM_KEY_BUCKETS).toString(36)}`;
}

/** The lookup's records for these keys and claims. */
export function claimKeyRecords(entries: Iterable<[string, string[]]>): ClaimKeyRecord[] {
  const buckets = new Map<string, Record<string, string[]>>();
  for (const [k, ids] of entries) {
    const b = claimKeyBucket(k);
    let rec = buckets.get(b);
    if (!rec) buckets.set(b, (rec = {}));
    rec[k] = ids;
  }
  return [...buckets].map(([key, keys]) => ({ key, keys }));
}

/** The stored lookup as one change reads and writes it: the buckets of the keys it asks for, read once; its changes written back per bucket. */
export class ClaimKeyLookup {
  private buckets = new Map<string, Record<string, string[]>>();
  private dirty = new Set<string>();
  constructor(private readonly db: ReaderDatabase) {}

  async read(keys: Iterable<string>): Promise<void> {
    const missing = [...new Set([...keys].map(claimKeyBucket))].filter((b) => !this.buckets.has(b));
    for (const [i, row] of (await getMany(this.db, 'claimKeys', missing)).entries()) this.buckets.set(missing[i]!, row?.keys ?? {});
  }

  /** The claims that have this key (read first). */
  get(key: string): string[] {
    const rec = this.buckets.get(claimKeyBucket(key));
    return (rec && Object.hasOwn(rec, key) ? rec[key] : undefined) ?? [];
  }

  set(key: string, ids: string[]): void {
    const b = claimKeyBucket(key);
    const rec = this.buckets.get(b) ?? {};
    this.buckets.set(b, rec);
    if (ids.length > 0) rec[key] = ids;
    else delete rec[key];
    this.dirty.add(b);
  }

  /** The changed buckets: to put, and (empty) to delete. */
  changes(): { put: ClaimKeyRecord[]; remove: string[] } {
    const put: ClaimKeyRecord[] = [];
    const remove: string[] = [];
    for (const b of this.dirty) {
      const keys = this.buckets.get(b)!;
      if (Object.keys(keys).length > 0) put.push({ key: b, keys });
      else remove.push(b);
    }
    return { put, remove };
  }
}

/** Which derivation the lookups describe, and what the append path needs besides them. */
export interface AppendMeta {
  readerHash: string;
  bundledHash: string;
  reviewHash: string;
  /** Bundled entities the reader's reports name (their bundled claims count in corroboration). */
  touched: string[];
  /** Original text keys of republished reports, bundled and the reader's (lib/kb/support `originalTextKeys`). */
  originals: [string, string][];
  /** Next registry order. */
  at: number;
  /** New names appended to (or taken out of) the stored page matcher since it was compiled whole. */
  appended: number;
  /** APPEND_INDEX_VERSION: lookups of another version are built again. */
  version?: number;
  /**
   * Bundled caveats a reader's conflict stands in for (its id: the bundled finding with the reader's report added,
   * ./incremental.ts `crossWith`) → the reports whose pieces have a version of it, in order (the last one's is stored).
   */
  overrides?: [string, string[]][];
}

/** 2: registry entries list the later reports that could name them (`seenBy`, for deletions); 3: the corroboration lookup in buckets. */
const APPEND_INDEX_VERSION = 3;

export function registryEntry(entity: Entity, at: number): RegistryEntry {
  const texts = [entity.name, ...entity.aliases.map((a) => a.text)];
  const folded = [...new Set(texts.flatMap((t) => aliasKeyVariants(t).map((k) => k.folded)))];
  const lower = [...new Set(texts.map((t) => t.toLowerCase()))];
  const stem = entity.type === 'place' && /^\p{Lu}\p{Ll}{3,}$/u.test(entity.name) ? entity.name.toLowerCase().slice(0, -1) : null;
  return { id: entity.id, at, entity, folded, lower, stem, seenBy: [] };
}

/** The registry indexed by the first three chars of each of its keys, so a text is checked against the few names that start like one of its trigrams. */
export class RegistryIndex {
  readonly entries: RegistryEntry[] = [];
  readonly ids = new Set<string>();
  private byGram = new Map<string, RegistryEntry[]>();
  private short: RegistryEntry[] = [];

  constructor(entries: readonly RegistryEntry[] = []) {
    for (const e of [...entries].sort((a, b) => a.at - b.at)) this.add(e);
  }

  private static gramsOf(e: RegistryEntry): { grams: Set<string>; short: boolean } {
    const grams = new Set<string>();
    let short = false;
    for (const k of [...e.folded, ...e.lower, ...(e.stem === null ? [] : [e.stem])]) {
      if (k.length < 3) short = true;
      else grams.add(k.slice(0, 3));
    }
    return { grams, short };
  }

  /** Take these names out (a deleted report's, ./remove.ts). */
  drop(ids: ReadonlySet<string>): void {
    const gone = this.entries.filter((e) => ids.has(e.id));
    if (gone.length === 0) return;
    const keep = this.entries.filter((e) => !ids.has(e.id));
    this.entries.length = 0;
    this.entries.push(...keep);
    for (const e of gone) {
      this.ids.delete(e.id);
      const { grams, short } = RegistryIndex.gramsOf(e);
      if (short) this.short = this.short.filter((x) => x !== e);
      for (const g of grams) {
        const list = this.byGram.get(g)?.filter((x) => x !== e) ?? [];
        if (list.length > 0) this.byGram.set(g, list);
        else this.byGram.delete(g);
      }
    }
  }

  add(e: RegistryEntry): void {
    this.entries.push(e);
    this.ids.add(e.id);
    const { grams, short } = RegistryIndex.gramsOf(e);
    if (short) this.short.push(e);
    for (const g of grams) {
      const list = this.byGram.get(g);
      if (list) list.push(e);
      else this.byGram.set(g, [e]);
    }
  }

  /**
   * The registry's names these texts could name, in the order they were
   * introduced: a superset of what the pipeline would link in them (a mention
   * spells its alias's folded key; a demonym starts with its place's stem; an
   * outlet named in passing contains its name).
   */
  namesIn(texts: readonly string[]): Entity[] {
    const folded = texts.flatMap((t) => [...new Set([aliasKey(t).folded, aliasKey(t.normalize('NFC')).folded, aliasKey(t.normalize('NFD')).folded])]);
    const lower = texts.map((t) => t.toLowerCase());
    const grams = new Set<string>();
    for (const t of [...folded, ...lower]) for (let i = 0; i + 3 <= t.length; i++) grams.add(t.slice(i, i + 3));
    const candidates = new Set(this.short);
    for (const g of grams) for (const e of this.byGram.get(g) ?? []) candidates.add(e);
    // Every trigram of a key must be one of the texts' before a substring search is worth it.
    const has = (hay: readonly string[], k: string) => {
      for (let i = 0; i + 3 <= k.length; i++) if (!grams.has(k.slice(i, i + 3))) return false;
      return hay.some((t) => t.includes(k));
    };
    return [...candidates]
      .filter((e) => e.folded.some((k) => has(folded, k)) || e.lower.some((k) => has(lower, k)) || (e.stem !== null && has(lower, e.stem)))
      .sort((a, b) => a.at - b.at)
      .map((e) => e.entity);
  }
}

/** A claim's keys in the corroboration lookup: its repeat key (4 words or more) and its 3-word shingles. */
/** `claimKeysOf` a claim's text, once per claim id. */
export function claimKeysMemo(): (c: KbClaim) => string[] {
  const keysOf = new Map<string, string[]>();
  return (c) => {
    let k = keysOf.get(c.id);
    if (!k) keysOf.set(c.id, (k = claimKeysOf(c.text)));
    return k;
  };
}

export function claimKeysOf(text: string): string[] {
  const k = repeatKey(text);
  return [...(k.split(' ').length >= 4 ? [`r ${k}`] : []), ...[...shingles(text, 3)].map((g) => `s ${g}`)];
}

const bundledCache = new WeakMap<KbDocument, { inputs: Entity[]; ids: Set<string>; mentions: Map<string, Set<string>>; byKey: Map<string, KbClaim[]>; claims: Map<string, KbClaim> }>();
export function bundledFacts(bundled: KbDocument) {
  let b = bundledCache.get(bundled);
  if (!b) {
    const byKey = new Map<string, KbClaim[]>();
    for (const c of bundled.claims) for (const k of claimKeysOf(c.text)) byKey.set(k, [...(byKey.get(k) ?? []), c]);
    b = {
      inputs: bundledInputs(bundled),
      ids: new Set(bundled.entities.map((e) => e.id)),
      mentions: new Map(bundled.reports.map((r) => [r.id, new Set(r.mentions.map((m) => m[2]))])),
      byKey,
      claims: new Map(bundled.claims.map((c) => [c.id, c])),
    };
    bundledCache.set(bundled, b);
  }
  return b;
}

/** The lookups for a stored derivation, built from its pieces and records (once, when a KB first grows past APPEND_FROM). */
export function buildAppendIndexes(bundled: KbDocument, pieces: readonly ReportPiece[], kb: Pick<KbDocument, 'claims' | 'entities' | 'reports'>, readerHash: string, review: Review): { registry: RegistryEntry[]; claimKeys: ClaimKeyRecord[]; meta: AppendMeta } {
  const registry = pieces.flatMap((p) => p.fresh).map((e, i) => registryEntry(e, i));
  // Which later reports' texts could name each new name (what their derivation was given of it).
  const index = new RegistryIndex(registry);
  const at = new Map(registry.map((e) => [e.id, e]));
  let start = 0;
  // Per distinct text (a KB's copies of one text ask once).
  const named = new Map<string, Entity[]>();
  for (const p of pieces) {
    const text = p.kb.reports[0]?.text;
    if (text !== undefined && start > 0) {
      let names = named.get(text);
      if (!names) named.set(text, (names = index.namesIn([text])));
      for (const e of names) if (at.get(e.id)!.at < start) at.get(e.id)!.seenBy.push(p.id);
    }
    start += p.fresh.length;
  }
  const keys = new Map<string, string[]>();
  for (const c of kb.claims) {
    for (const k of claimKeysOf(c.text)) {
      const list = keys.get(k);
      if (list) list.push(c.id);
      else keys.set(k, [c.id]);
    }
  }
  const { ids } = bundledFacts(bundled);
  const republished = [...bundled.reports, ...kb.reports].filter((r) => r.republishedFrom);
  return {
    registry,
    claimKeys: claimKeyRecords(keys),
    meta: {
      readerHash,
      bundledHash: bundled.hash,
      reviewHash: reviewHash(review),
      touched: kb.entities.filter((e) => ids.has(e.id) && e.reports.length > 0).map((e) => e.id),
      originals: [...originalTextKeys(republished)],
      at: registry.length,
      appended: 0,
      version: APPEND_INDEX_VERSION,
      overrides: overridesOf(pieces),
    },
  };
}

/** Which pieces have a version of a bundled caveat (a cross caveat whose id is not one of the reader's own `x-` ids). */
function overridesOf(pieces: readonly Pick<ReportPiece, 'id' | 'cross'>[], into: [string, string[]][] = []): [string, string[]][] {
  const map = new Map(into.map(([c, rs]) => [c, [...rs]]));
  for (const p of pieces) for (const c of p.cross) if (!c.id.startsWith('x-')) map.set(c.id, [...(map.get(c.id) ?? []).filter((r) => r !== p.id), p.id]);
  return [...map];
}

type Meta = { key: string; value: unknown };
const appendMetaOf = (row: Meta | undefined): AppendMeta | null => (row?.value as AppendMeta | undefined) ?? null;

/** Build and store the lookups if the stored ones do not describe the stored derivation. Returns them, or null (no derivation). */
export async function ensureIndexes(db: ReaderDatabase, bundled: KbDocument, review: Review): Promise<AppendMeta | null> {
  const [stamp, row] = await Promise.all([db.get('derived', 'stamp'), db.get('meta', APPEND_META)]);
  if (stamp?.key !== 'stamp' || stamp.bundledHash !== bundled.hash) return null;
  const meta = appendMetaOf(row);
  if (meta && meta.version === APPEND_INDEX_VERSION && meta.readerHash === stamp.readerHash && meta.bundledHash === bundled.hash && meta.reviewHash === reviewHash(review)) return meta;
  const derived = await getDerived(db);
  if (!derived || derived.readerHash !== stamp.readerHash) return null;
  const pieces = await listPieces(db, derived.kb.reports.map((r) => r.id));
  if (pieces.length !== derived.kb.reports.length || pieces.some((p, i) => p.id !== derived.kb.reports[i]!.id)) return null;
  const built = buildAppendIndexes(bundled, pieces, derived.kb, stamp.readerHash, review);
  await putAppendIndexes(db, built);
  return built.meta;
}

/** Store the lookups (replacing any), in one transaction. */
export async function putAppendIndexes(db: ReaderDatabase, built: ReturnType<typeof buildAppendIndexes>): Promise<void> {
  const tx = db.transaction(['registry', 'claimKeys', 'meta'], 'readwrite');
  const queue = (p: Promise<unknown>) => void p.catch(() => undefined);
  queue(tx.objectStore('registry').clear());
  queue(tx.objectStore('claimKeys').clear());
  for (const e of built.registry) queue(tx.objectStore('registry').put(e));
  for (const k of built.claimKeys) queue(tx.objectStore('claimKeys').put(k));
  queue(tx.objectStore('meta').put({ key: APPEND_META, value: built.meta }));
  await tx.done;
}

/** The registry, kept in memory between imports while it describes the stored KB (read whole once per session). */
let registryCache: { db: ReaderDatabase; readerHash: string; index: RegistryIndex } | null = null;

/** After a write that changed the registry from `before` to `after`: the cached copy follows (`update` on it), or is dropped. */
export function registryChanged(db: ReaderDatabase, before: string, after: string | null, update?: (index: RegistryIndex) => RegistryIndex): void {
  if (after === null || !update || registryCache?.db !== db || registryCache.readerHash !== before) {
    if (registryCache?.db === db) registryCache = null;
    return;
  }
  registryCache = { db, readerHash: after, index: update(registryCache.index) };
}

export async function registryFor(db: ReaderDatabase, meta: AppendMeta): Promise<RegistryIndex> {
  if (registryCache?.db === db && registryCache.readerHash === meta.readerHash) return registryCache.index;
  const index = new RegistryIndex(await db.getAll('registry'));
  registryCache = { db, readerHash: meta.readerHash, index };
  return index;
}

export interface AppendResult {
  piece: ReportPiece;
  /** Records written besides the report's own. */
  written: { entities: number; claims: number; caveats: number };
}

/**
 * Add one stored report (`id`, the last one added) to the stored KB. Null:
 * this change needs the full path (no stored derivation, a report that
 * republishes another, the reader's merges…); nothing was written.
 */
export async function appendReport(db: ReaderDatabase, bundled: KbDocument, id: string): Promise<AppendResult | null> {
  const review = await readReview(db);
  if (Object.keys(review.merged ?? {}).length > 0) return null;
  const meta = await ensureIndexes(db, bundled, review);
  if (!meta) return null;
  // The index itself is not read: the change is written as index entries beside it (`index-delta`).
  const [report, storedDelta, head, stamp, already] = await Promise.all([db.get('reports', id), db.get('derived', 'index-delta'), db.get('derived', 'head'), db.get('derived', 'stamp'), db.getKey('kbReports', id)]);
  if (!report || head?.key !== 'head' || stamp?.key !== 'stamp' || stamp.readerHash !== meta.readerHash || already !== undefined) return null;
  const oldDelta: DerivedIndexDelta = storedDelta?.key === 'index-delta' ? storedDelta : { key: 'index-delta', reports: [], entities: [], claims: [], caveats: [], names: [] };
  const b = bundledFacts(bundled);
  const registry = await registryFor(db, meta);

  // 1. The piece, against the bundled names and the registry's names the text could contain.
  // The registry's names this report's derivation was given (its piece and its conflicts): a deletion of the report that introduced one re-derives.
  const seen = new Set<string>();
  const knownFor = (texts: string[], extra: readonly Entity[] = []): Known => {
    const named = registry.namesIn(texts);
    const ids = new Set(named.map((e) => e.id));
    const known = [...named, ...extra.filter((e) => !ids.has(e.id))].sort((x, y) => atOf(x) - atOf(y));
    for (const e of known) seen.add(e.id);
    return { bundled, bundledEntities: b.inputs, review, registry: known };
  };
  const atOrder = new Map(registry.entries.map((e) => [e.id, e.at]));
  const atOf = (e: Entity) => atOrder.get(e.id) ?? Infinity;
  let extra: Entity[] = [];
  let piece = derivePiece(report, knownFor([report.text]));
  // A new name's id must not be one an earlier report's name has (lib/kb/extract numbers them): with those names known, derive again.
  for (let round = 0; round < 4; round++) {
    const clash = piece.fresh.filter((e) => registry.ids.has(e.id));
    if (clash.length === 0) break;
    extra = [...extra, ...registry.entries.filter((e) => clash.some((c) => e.id === c.id || e.id.startsWith(`${c.id}-`))).map((e) => e.entity)];
    piece = derivePiece(report, knownFor([report.text], extra));
  }
  if (piece.fresh.some((e) => registry.ids.has(e.id))) return null;
  const me = piece.kb.reports[0]!;
  if (me.republishedFrom) return null; // may join other reports into one original: support beyond its own groups changes

  // 2. Its neighbours (reports naming its entities) through the stored entity records; the conflicts with them.
  const entityIds = piece.kb.entities.map((e) => e.id);
  const stored = new Map<string, KbEntity>();
  for (const [i, e] of (await getMany(db, 'kbEntities', entityIds)).entries()) if (e) stored.set(entityIds[i]!, e);
  const counts = new Map<string, number>();
  for (const e of stored.values()) for (const r of e.reports) counts.set(r.report, (counts.get(r.report) ?? 0) + 1);
  const candidates: { report: KbReport; n: number }[] = [];
  const mine = new Set(entityIds);
  for (const r of bundled.reports) {
    let n = 0;
    for (const x of b.mentions.get(r.id)!) if (mine.has(x)) n++;
    if (n > 0) candidates.push({ report: r, n });
  }
  // Reader reports: the best NEIGHBOURS_MAX by count are read (a placeholder report for the ordering, then the record).
  const readerCandidates = [...counts].map(([rid, n]) => ({ report: { id: rid } as KbReport, n }));
  const chosen = nearest([...candidates, ...readerCandidates]);
  const readerIds = chosen.filter((r) => !b.mentions.has(r.id)).map((r) => r.id);
  const readerReports = new Map((await getMany(db, 'kbReports', readerIds)).filter((r): r is KbReport => r !== undefined).map((r) => [r.id, r]));
  if (readerReports.size !== readerIds.length) return null;
  const neighbours = chosen.map((r) => readerReports.get(r.id) ?? r);
  const titles = new Map([...readerReports.values()].map((r) => [r.id, r.headline]));
  titles.set(me.id, report.title);
  piece.cross = crossWith(piece, neighbours, knownFor([...neighbours.map((r) => r.text), report.text], extra), titles);

  // 3. Entity records: the piece's merged into the stored ones; the cross caveats attached to the entities they are about.
  const touchedBefore = new Set(meta.touched);
  const originals = new Map(meta.originals);
  const claims = piece.kb.claims;
  const changedEntities = new Map<string, KbEntity>();
  const crossAbout = new Map<string, string[]>();
  for (const c of piece.cross) for (const x of new Set(c.entities)) crossAbout.set(x, [...(crossAbout.get(x) ?? []), c.id]);
  const bundledClaimsAbout = (x: string) => bundled.claims.filter((c) => c.entities.includes(x));
  for (const e of piece.kb.entities) {
    const old = stored.get(e.id);
    const merged = old ? mergeRecords([old, e]) : structuredClone(e);
    const own = claims.filter((c) => c.entities.includes(e.id));
    // Support counted on: the report is new, and not a republished copy, so it is one more report and one more source.
    const before: Support = old && old.reports.length > 0 ? old.support : b.ids.has(e.id) ? totalSupport(bundledClaimsAbout(e.id), originals) : NO_SUPPORT;
    merged.support = own.length > 0 ? { independentSources: before.independentSources + 1, reports: before.reports + 1, repeats: before.repeats + own.length } : before;
    merged.caveats = union(merged.caveats, crossAbout.get(e.id) ?? []);
    if (!b.ids.has(e.id)) {
      const name = review.renamed[e.id];
      if (name && name.trim()) merged.name = name.trim();
      const type = review.retyped[e.id];
      if (type) merged.type = type;
    }
    changedEntities.set(e.id, merged);
  }
  const others = [...crossAbout.keys()].filter((x) => !changedEntities.has(x));
  for (const [i, e] of (await getMany(db, 'kbEntities', others)).entries()) {
    const x = others[i]!;
    if (e) changedEntities.set(x, { ...e, caveats: union(e.caveats, crossAbout.get(x)!) });
    else if (b.ids.has(x)) {
      const be = bundled.entities.find((y) => y.id === x)!;
      changedEntities.set(x, { ...be, aliases: be.aliases.map((a) => ({ ...a, mentions: 0, reports: [] })), facts: [], reports: [], related: [], dates: [], caveats: crossAbout.get(x)!, reportCaveats: [], support: be.support });
    }
  }

  // 4. Corroboration: the report's claims, and newly counted bundled claims (about bundled entities it is the first to name), join the lookup.
  const touchedAfter = new Set([...touchedBefore, ...piece.kb.entities.filter((e) => b.ids.has(e.id)).map((e) => e.id)]);
  const active = (c: KbClaim, touched: ReadonlySet<string>) => c.entities.some((x) => touched.has(x));
  const newBundled = bundled.claims.filter((c) => active(c, touchedAfter) && !active(c, touchedBefore));
  const newJoint = [...claims, ...newBundled];
  const keyOf = claimKeysMemo();
  const lookup = new ClaimKeyLookup(db);
  const readKeys = (keys: Iterable<string>) => lookup.read(keys);
  await readKeys(newJoint.flatMap(keyOf));
  const bundledHolders = (k: string, touched: ReadonlySet<string>) => (b.byKey.get(k) ?? []).filter((c) => active(c, touched));
  const holdersBefore = (k: string) => lookup.get(k).length + bundledHolders(k, touchedBefore).length;
  const addedTo = new Map<string, string[]>();
  for (const c of claims) for (const k of keyOf(c)) addedTo.set(k, [...(addedTo.get(k) ?? []), c.id]);
  const holdersAfter = (k: string) => lookup.get(k).length + (addedTo.get(k)?.length ?? 0) + bundledHolders(k, touchedAfter).length;
  // Stored claims whose group may change: they share a repeat key or a shingle with a new member (or a shingle that now has too many holders).
  const affected = new Set<string>();
  for (const c of newJoint) {
    for (const k of keyOf(c)) {
      if (k.startsWith('r ') || holdersAfter(k) <= HOLDERS_MAX || holdersBefore(k) <= HOLDERS_MAX) for (const x of lookup.get(k)) affected.add(x);
    }
  }
  const affectedIds = [...affected];
  const claimRecords = new Map<string, KbClaim>();
  for (const [i, c] of (await getMany(db, 'kbClaims', affectedIds)).entries()) if (c) claimRecords.set(affectedIds[i]!, c);
  for (const c of claims) claimRecords.set(c.id, c);
  // Every key of the claims to recount, and the texts of the claims those keys hold.
  await readKeys([...claimRecords.values()].flatMap(keyOf));
  const holderIds = new Set<string>();
  for (const c of claimRecords.values()) {
    for (const x of c.corroboration.claims) holderIds.add(x);
    for (const k of keyOf(c)) if (holdersAfter(k) <= HOLDERS_MAX || k.startsWith('r ')) for (const x of lookup.get(k)) holderIds.add(x);
  }
  const toRead = [...holderIds].filter((x) => !claimRecords.has(x));
  for (const [i, c] of (await getMany(db, 'kbClaims', toRead)).entries()) if (c) claimRecords.set(toRead[i]!, c);
  const jointClaim = (x: string): KbClaim | undefined => {
    const r = claimRecords.get(x);
    if (r) return r;
    const bc = b.claims.get(x);
    return bc && active(bc, touchedAfter) ? bc : undefined;
  };
  const holders = (k: string) => [...lookup.get(k), ...(addedTo.get(k) ?? []), ...bundledHolders(k, touchedAfter).map((c) => c.id)];
  const supportOf = supportCounter({ holders, jointClaim, keyOf, originals });
  const newClaims = claims.map((c) => ({ ...c, support: supportOf(c) }));
  const changedClaims = affectedIds.map((x) => claimRecords.get(x)).filter((c): c is KbClaim => c !== undefined).flatMap((c) => {
    const s = supportOf(c);
    return supportKey(s) === supportKey(c.support) ? [] : [{ ...c, support: s }];
  });

  // 5. The page matcher: the report's new names appended (a full compile when enough have been appended).
  const pageNew = piece.fresh.map((f) => changedEntities.get(f.id)).filter((e): e is KbEntity => e !== undefined && e.reports.length > 0);
  // The delta compiled with the report alone (its names' linker data as this report gives it; a full compile recounts it),
  // joined to the names appended before it: the head keeps its whole matcher as it is and this small one beside it.
  const own = pageNew.length > 0 ? compilePageMatcher({ entities: pageNew, reports: [me] }) : null;
  const delta = own && head.delta ? mergeMatchers(head.delta, own) : (own ?? head.delta);

  // 6. One transaction: the piece, its records, the changed ones, the lookups, the index, the head and the stamp.
  const readerHash = contentHash(`${stamp.readerHash}+${id}`);
  const rh = reviewHash(review);
  const support = (c: KbClaim) => `${c.support.independentSources}.${c.support.reports}.${c.support.repeats}`;
  const nextDelta: DerivedIndexDelta = {
    key: 'index-delta',
    reports: [...oldDelta.reports, me.id],
    entities: [...oldDelta.entities, ...[...changedEntities.values()].map((e): [string, string, string] => [e.id, recordHash(e), b.ids.has(e.id) ? '0' : '1'])],
    claims: [...oldDelta.claims, ...[...newClaims, ...changedClaims].map((c): [string, string] => [c.id, support(c)])],
    caveats: [...oldDelta.caveats, ...piece.kb.caveats.map((c): [string, string] => [c.id, '']), ...piece.cross.map((c): [string, string] => [c.id, recordHash(c)])],
    names: [...oldDelta.names],
    ...(oldDelta.removed ? { removed: oldDelta.removed } : {}),
  };
  const names = nameEntries([...changedEntities.values()]);
  for (const [k, ids] of addedTo) lookup.set(k, [...lookup.get(k), ...ids]);
  const keyChanges = lookup.changes();
  const seenEntries = registry.entries.filter((e) => seen.has(e.id));
  // lib/db/reader-store's `write`: all or nothing, and a full disk said in words (the report itself is already stored).
  try {
    await write(
      db,
      'the names your reports add',
      async (tx) => {
        const queue = (p: Promise<unknown>) => void p.catch(() => undefined);
        const oldNames = await Promise.all(names.map(([n]) => tx.objectStore('kbNames').get(n)));
        queue(tx.objectStore('pieces').put(piece));
        queue(tx.objectStore('kbReports').put(me));
        for (const e of changedEntities.values()) queue(tx.objectStore('kbEntities').put(e));
        for (const c of [...newClaims, ...changedClaims]) queue(tx.objectStore('kbClaims').put(c));
        for (const c of [...piece.kb.caveats, ...piece.cross]) queue(tx.objectStore('kbCaveats').put(c));
        names.forEach(([name, ids], i) => {
          const all = union(oldNames[i]?.ids ?? [], ids);
          if (all.length !== (oldNames[i]?.ids.length ?? 0)) {
            queue(tx.objectStore('kbNames').put({ name, ids: all }));
            nextDelta.names.push([name, all.join('\n')]);
          }
        });
        piece.fresh.forEach((e, k) => queue(tx.objectStore('registry').put(registryEntry(e, meta.at + k))));
        for (const e of seenEntries) queue(tx.objectStore('registry').put({ ...e, seenBy: [...(e.seenBy ?? []), id] }));
        for (const rec of keyChanges.put) queue(tx.objectStore('claimKeys').put(rec));
        // Chained: the hash of the KB before and the report added (a whole write hashes all its pieces).
        const hash = contentHash(`${head.kb.hash}+${id}:${bundled.hash}:${rh}`);
        const nextMeta: AppendMeta = { ...meta, readerHash, touched: [...touchedAfter], at: meta.at + piece.fresh.length, appended: meta.appended + pageNew.length, overrides: overridesOf([piece], meta.overrides) };
        queue(tx.objectStore('meta').put({ key: APPEND_META, value: nextMeta }));
        queue(tx.objectStore('derived').put({ ...head, readerHash, kb: { ...head.kb, hash }, ...(delta ? { delta } : {}) }));
        queue(tx.objectStore('derived').put(settleRemovals(nextDelta)));
        queue(tx.objectStore('derived').put({ key: 'stamp', bundledHash: bundled.hash, readerHash, reports: stamp.reports + 1 }));
      },
      ['pieces', 'registry', 'claimKeys', 'meta', 'derived', 'kbReports', 'kbEntities', 'kbClaims', 'kbCaveats', 'kbNames'],
    );
  } catch (error) {
    registryCache = null;
    throw error;
  }
  if (registryCache?.db === db && registryCache.readerHash === meta.readerHash) {
    for (const e of seenEntries) e.seenBy = [...(e.seenBy ?? []), id];
    piece.fresh.forEach((e, k) => registryCache!.index.add(registryEntry(e, meta.at + k)));
    registryCache.readerHash = readerHash;
  }
  return { piece, written: { entities: changedEntities.size, claims: changedClaims.length, caveats: piece.cross.length } };
}

/** Whether the stored page matcher has had at least `after` names appended since it was compiled whole. */
export async function matcherNeedsCompile(db: ReaderDatabase, after = MATCHER_COMPACT_AFTER): Promise<boolean> {
  const meta = appendMetaOf(await db.get('meta', APPEND_META));
  return meta !== null && meta.appended >= after;
}

/** Build the append path's lookups now if they are missing (after a full derivation), so the next import need not. */
export async function prepareAppend(db: ReaderDatabase, bundled: KbDocument): Promise<boolean> {
  return (await ensureIndexes(db, bundled, await readReview(db))) !== null;
}

export async function readReview(db: ReaderDatabase): Promise<Review> {
  const row = await db.get('meta', 'review');
  return { rejected: [], renamed: {}, retyped: {}, merged: {}, ...((row?.value as Partial<Review> | undefined) ?? {}) };
}

export async function getMany<S extends 'kbEntities' | 'kbReports' | 'kbClaims' | 'kbCaveats' | 'claimKeys'>(db: ReaderDatabase, store: S, keys: readonly string[]) {
  if (keys.length === 0) return [];
  const tx = db.transaction(store, 'readonly');
  const rows = await Promise.all(keys.map((k) => tx.store.get(k)));
  await tx.done;
  return rows;
}

export function union<T>(a: readonly T[], b: readonly T[]): T[] {
  return [...new Set([...a, ...b])];
}

export const recordHash = (value: unknown) => contentHash(JSON.stringify(value));

/** Folded names of these entities → their ids (lib/kb/card.ts `nameIndex`, for the entities a change wrote). */
export function nameEntries(entities: readonly KbEntity[]): [string, string[]][] {
  const names = new Map<string, string[]>();
  for (const e of entities) {
    for (const text of [e.name, ...e.aliases.map((a) => a.text)]) {
      const key = foldName(text);
      const ids = names.get(key) ?? [];
      if (!ids.includes(e.id)) ids.push(e.id);
      names.set(key, ids);
    }
  }
  return [...names];
}

export type { PackReport };
