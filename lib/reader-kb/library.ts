// The reader's reports as the options page manages them: import files (one
// report per transaction, a duplicate or bad file said in words, Cancel
// between files), export and import a pack (what it adds and what conflicts is
// shown first; nothing is overwritten unless the reader chooses it), delete.
// Each change writes the reader's KB incrementally (./incremental.ts): an
// added report adds its piece, a deleted one removes its own; the assembled KB
// is stored for the background to merge.
import { MAX_REPORT_BYTES } from '../kb/extract/files';
import type { KbDocument } from '../kb/document';
import { addReaderReport, askPersistenceOnce, derivedStamp, foldIndexDelta, deleteReaderReports, getDerivedEntities, getReview, listPieces, listReaderReports, listSketches, putPiecesAndDerived, putReview, readerReportIds, readerReportText, ReaderStoreError, type ReaderDatabase } from '../db/reader-store';
import type { EntityType } from '../kb/schema';
import { convertFile, newReportId, prepareText, type AddContext, type AddOutcome } from './add';
import { analyseReport, DuplicateIndex, type AnalysedReport } from './duplicates';
import { describeDuplicate } from './duplicates';
import type { ParseHtml } from './import-file';
import { emptyPack, parsePackText, type Pack, type PackEntity, type PackReport } from './pack';
import { updateReaderKb, type ReportPiece, type UpdateInput, type UpdateResult } from './incremental';
import { APPEND_FROM, appendReport, matcherNeedsCompile, prepareAppend } from './append';
import { removeReport } from './remove';
import { foldReviewName, type Review } from './pipeline';

export interface FileLike {
  name: string;
  size: number;
  bytes(): Promise<Uint8Array>;
}

export interface LibraryEnv {
  db: ReaderDatabase;
  /** The bundled KB document (validated). */
  bundled: () => Promise<KbDocument>;
  parseHtml: ParseHtml;
  storage?: Pick<StorageManager, 'persist' | 'persisted'>;
  now?: () => number;
  /**
   * Apply one change to the reader's KB elsewhere: the options page hands it
   * to a worker with its own connection to the same database
   * (`applyReaderChange` there), so the page's thread never runs the pipeline
   * nor copies the whole KB. Default: `applyReaderChange` here.
   */
  derive?: (change: ReaderChange) => Promise<unknown>;
  /** Lets the page paint between files. */
  yieldToPage?: () => Promise<void>;
  /** From how many reports a deletion is taken out of the stored KB (./remove.ts) rather than derived again (default APPEND_FROM). */
  appendFrom?: number;
}

export interface PackPlan {
  pack: Pack;
  /** Reports the pack adds. */
  adds: PackReport[];
  /** Reports already here (same text or a republished copy): skipped. */
  duplicates: { report: PackReport; reason: string }[];
  /** Same id as one of mine with different text: the reader chooses. */
  conflicts: { mine: PackReport; theirs: PackReport }[];
}

export interface ImportProgress {
  done: number;
  total: number;
  outcome: AddOutcome;
}

/** One change to the reader's KB: reports added (at the end), reports removed (`before`: the report ids in their order before), or everything again. */
export interface ReaderChange {
  added?: string[];
  removed?: string[];
  before?: string[];
  full?: boolean;
  /**
   * Reports to delete, still stored: a large KB takes each out of its records (./remove.ts); what that cannot
   * take is deleted and derived by the full path (as `removed`).
   */
  deleting?: string[];
}

/**
 * Write one change into the reader's KB (./incremental.ts): the pieces of
 * added reports, or the removal of deleted ones; then the assembled KB. Runs
 * wherever the database can be opened (the options page's worker, tests).
 */
export async function applyReaderChange(db: ReaderDatabase, bundled: KbDocument, change: ReaderChange, options: { appendFrom?: number } = {}): Promise<(Pick<UpdateResult, 'changed' | 'full'> & { appended: number; removedIncrementally?: number; fullPathReason?: string }) | null> {
  // A large KB loses a deleted report's records alone (./remove.ts); the rest of the deletion takes the full path.
  if (change.deleting?.length) {
    const order = change.before ?? (await listReaderReports(db)).map((r) => r.id);
    const [count, stamp] = await Promise.all([db.count('reports'), derivedStamp(db)]);
    let done = 0;
    let fullPathReason = 'the stored KB does not hold every report';
    if (count >= (options.appendFrom ?? APPEND_FROM) && stamp?.reports === count) {
      for (const id of change.deleting) {
        if (!(await removeReport(db, bundled, id, { why: (reason) => (fullPathReason = reason) }))) break;
        done++;
      }
    } else fullPathReason = 'a small KB';
    const rest = change.deleting.slice(done);
    if (rest.length === 0) return { changed: [], full: false, appended: 0, removedIncrementally: done };
    await deleteReaderReports(db, rest);
    const result = await applyReaderChange(db, bundled, { removed: rest, before: order }, { appendFrom: Infinity });
    return result && { ...result, removedIncrementally: done, fullPathReason };
  }
  // A large KB grows by appending the added reports' records (./append.ts); what that path cannot take, the full one does.
  const added = change.added ?? [];
  const count = added.length > 0 ? await db.count('reports') : 0;
  // Appended only onto a KB that holds every other stored report (a report whose derivation failed before is derived by the full path).
  const stamp = added.length > 0 ? await derivedStamp(db) : null;
  if (added.length > 0 && !change.removed?.length && !change.full && count >= (options.appendFrom ?? APPEND_FROM) && stamp?.reports === count - added.length) {
    const changed: ReportPiece[] = [];
    let i = 0;
    for (; i < added.length; i++) {
      const r = await appendReport(db, bundled, added[i]!);
      if (!r) break;
      changed.push(r.piece);
    }
    if (i === added.length) return { changed, full: false, appended: i };
    const rest = await applyReaderChange(db, bundled, { ...change, added: added.slice(i) }, { appendFrom: Infinity });
    return rest && { ...rest, changed: [...changed, ...rest.changed], appended: i };
  }
  const reports = await listReaderReports(db);
  if (reports.length === 0) {
    await deleteReaderReports(db, 'all');
    return null;
  }
  const [review, pieces] = await Promise.all([getReview(db), listPieces(db, change.before ?? reports.map((r) => r.id))]);
  const input: UpdateInput = { pieces, reports, review, added: change.added, removed: change.removed, full: change.full };
  const result = updateReaderKb(bundled, input);
  await putPiecesAndDerived(db, result.changed, result.removed, result.derived);
  return { ...result, appended: 0 };
}

/** Entries of the index delta (lib/db/reader-store.ts) at which it is folded into the index. */
export const INDEX_DELTA_FOLD = 20_000;

/**
 * Upkeep after a change, off the import's path (the options page's worker runs
 * it after answering): once enough new names were appended to the page matcher
 * (./append.ts), the KB is put together and its matcher compiled whole again
 * (its linker data recounted over every report), and the append lookups are
 * built again so the next import is appended. Returns what it did.
 */
export async function maintainReaderKb(db: ReaderDatabase, bundled: KbDocument, options: { compactAfter?: number; appendFrom?: number; foldAt?: number } = {}): Promise<{ compiled: boolean; prepared: boolean; folded: boolean }> {
  const count = await db.count('reports');
  if (count < (options.appendFrom ?? APPEND_FROM)) return { compiled: false, prepared: false, folded: false };
  let compiled = false;
  if (await matcherNeedsCompile(db, options.compactAfter)) {
    await applyReaderChange(db, bundled, {}, { appendFrom: Infinity });
    compiled = true;
  }
  // The index entries appended since the index was written whole, folded into it once there are many.
  const folded = await foldIndexDelta(db, options.foldAt ?? INDEX_DELTA_FOLD);
  return { compiled, prepared: await prepareAppend(db, bundled), folded };
}

/** Work on the page's thread between two yields (`yieldToPage`): well under a long task (50 ms) on a slow machine. */
const SLICE_MS = 8;

export function createReaderLibrary(env: LibraryEnv) {
  const now = () => env.now?.() ?? Date.now();

  /**
   * What a check for duplicates needs: the bundled reports (from their texts)
   * and the reader's from their stored sketches (no report text is read until
   * it is a candidate, see `checkable`).
   */
  // The duplicate index of the last check, kept while the stored reports are the ones it knows (it learns each
  // report a check adds): with 10,000 reports, building it again from their sketches costs more than the import.
  let contextCache: { ctx: AddContext; bundled: KbDocument } | null = null;
  /** `scratch`: an index the caller may add to without storing (a pack's plan), never the cached one. */
  async function context(source: PackReport['source'], scratch = false): Promise<{ ctx: AddContext; bundled: KbDocument }> {
    const [ids, bundled] = await Promise.all([readerReportIds(env.db), env.bundled()]);
    const cached = contextCache;
    if (!scratch && cached && cached.bundled === bundled && cached.ctx.taken.size === ids.length && ids.every((id) => cached.ctx.taken.has(id))) {
      cached.ctx.source = source;
      cached.ctx.now = now();
      return cached;
    }
    const sketches = await listSketches(env.db);
    const index = new DuplicateIndex();
    for (const r of await analysedBundled(bundled)) index.addAnalysed(r);
    for (const s of sketches) index.addSketch({ id: s.id, title: s.title, bundled: false }, s);
    const built = { bundled, ctx: { index, taken: new Set(ids), parseHtml: env.parseHtml, now: now(), source } };
    if (!scratch) contextCache = built;
    return built;
  }

  // The bundled reports are the same in every check: analysed once (shingling them
  // all costs tens of ms), a few at a time with the page let go in between.
  let bundledCache: { doc: KbDocument; analysed: Promise<AnalysedReport[]> } | null = null;
  function analysedBundled(doc: KbDocument): Promise<AnalysedReport[]> {
    if (bundledCache?.doc !== doc) {
      const analysed = (async () => {
        const out: AnalysedReport[] = [];
        let since = performance.now();
        for (const r of doc.reports) {
          out.push(analyseReport({ id: r.id, title: r.headline, bundled: true }, r.text));
          if (performance.now() - since > SLICE_MS) {
            await env.yieldToPage?.();
            since = performance.now();
          }
        }
        return out;
      })();
      bundledCache = { doc, analysed };
      analysed.catch(() => (bundledCache = null));
    }
    return bundledCache.analysed;
  }

  /** Read the texts of the stored reports a new text could duplicate, so the check is exact. */
  async function checkable(index: DuplicateIndex, text: string): Promise<void> {
    for (const id of index.needsText(text)) {
      const t = await readerReportText(env.db, id);
      if (t !== null) index.hydrate(id, t);
    }
  }

  async function update(change: ReaderChange = {}, bundled?: KbDocument): Promise<void> {
    if (env.derive) await env.derive(change);
    else await applyReaderChange(env.db, bundled ?? (await env.bundled()), change);
  }

  /** One file → an outcome and the report to store (./add.ts `prepareReport`, with the duplicate check made exact first). */
  async function prepareFile(file: string, bytes: Uint8Array, ctx: AddContext): Promise<{ outcome: AddOutcome; report: PackReport | null }> {
    const read = convertFile(file, bytes, ctx.parseHtml);
    if ('failed' in read) return { outcome: read.failed, report: null };
    await checkable(ctx.index, read.converted.text);
    return prepareText(file, read.converted, ctx);
  }

  async function store(report: PackReport, outcome: AddOutcome): Promise<AddOutcome> {
    try {
      await addReaderReport(env.db, report);
      return outcome;
    } catch (error) {
      return { file: outcome.file, status: 'failed', reason: error instanceof ReaderStoreError ? error.message : `could not be stored (${(error as Error)?.message})` };
    }
  }

  return {
    async importFiles(files: readonly FileLike[], options: { signal?: AbortSignal; onProgress?: (p: ImportProgress) => void } = {}): Promise<{ outcomes: AddOutcome[]; cancelled: boolean }> {
      const { ctx, bundled } = await context('file');
      const outcomes: AddOutcome[] = [];
      let added = 0;
      const addedIds: string[] = [];
      for (const file of files) {
        if (options.signal?.aborted) break;
        let outcome: AddOutcome;
        if (file.size > MAX_REPORT_BYTES) {
          outcome = { file: file.name, status: 'failed', reason: `too large (${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is 5 MB)` };
        } else {
          let bytes: Uint8Array | null = null;
          try {
            bytes = await file.bytes();
          } catch (error) {
            outcome = { file: file.name, status: 'failed', reason: `could not be read (${(error as Error)?.name ?? 'error'})` };
          }
          if (bytes) {
            const prepared = await prepareFile(file.name, bytes, ctx);
            outcome = prepared.report ? await store(prepared.report, prepared.outcome) : prepared.outcome;
            if (prepared.report && outcome.status === 'failed') ctx.index.remove(prepared.report.id);
            if (outcome.status === 'added') {
              if (added === 0) await askPersistenceOnce(env.db, env.storage).catch(() => null);
              added++;
              addedIds.push(prepared.report!.id);
            }
          }
        }
        outcomes.push(outcome!);
        options.onProgress?.({ done: outcomes.length, total: files.length, outcome: outcome! });
        await env.yieldToPage?.();
      }
      if (added > 0) await update({ added: addedIds }, bundled);
      return { outcomes, cancelled: outcomes.length < files.length };
    },

    /** Add one report from text the reader edited (e.g. a saved page). */
    async addText(file: string, converted: { title: string; text: string; url: string | null }, source: PackReport['source'] = 'page'): Promise<AddOutcome> {
      const { ctx, bundled } = await context(source);
      await checkable(ctx.index, converted.text);
      const prepared = prepareText(file, converted, ctx);
      if (!prepared.report) return prepared.outcome;
      const outcome = await store(prepared.report, prepared.outcome);
      if (outcome.status === 'added') {
        await askPersistenceOnce(env.db, env.storage).catch(() => null);
        await update({ added: [prepared.report.id] }, bundled);
      }
      return outcome;
    },

    async list(): Promise<{ reports: PackReport[]; entities: PackEntity[] }> {
      const [reports, derived] = await Promise.all([listReaderReports(env.db), getDerivedEntities(env.db)]);
      return { reports, entities: derived?.entities ?? [] };
    },

    async deleteAll(): Promise<void> {
      await deleteReaderReports(env.db, 'all');
    },

    /**
     * Delete reports; what came only from them goes with them: a large KB takes each report's records out
     * (./remove.ts), else the KB is derived again from the rest.
     */
    async deleteReports(ids: readonly string[]): Promise<void> {
      const before = await listReaderReports(env.db);
      if (before.length < (env.appendFrom ?? APPEND_FROM)) {
        // A small KB is derived again whole: the reports go at once, as the reader asked.
        await deleteReaderReports(env.db, ids);
        await update({ removed: [...ids], before: before.map((r) => r.id) });
        return;
      }
      const stored = new Set(before.map((r) => r.id));
      await update({ deleting: ids.filter((id) => stored.has(id)), before: before.map((r) => r.id) });
    },

    /**
     * The reader's decision about a name their reports added: reject it (never
     * proposed again, also after re-imports), rename it, or change its type.
     */
    async review(entity: PackEntity, action: { reject: true } | { rename: string } | { type: EntityType } | { mergeInto: string }): Promise<void> {
      const current = await getReview(env.db);
      const next: Review = { rejected: [...current.rejected], renamed: { ...current.renamed }, retyped: { ...current.retyped }, merged: { ...current.merged } };
      if ('reject' in action) {
        for (const name of new Set([entity.name, ...entity.aliases].map(foldReviewName))) if (!next.rejected.includes(name)) next.rejected.push(name);
      } else if ('mergeInto' in action) {
        if (action.mergeInto === entity.id) throw new Error('A name cannot be merged into itself.');
        // Whatever was merged into this entity now goes where it goes.
        for (const [from, into] of Object.entries(next.merged!)) if (into === entity.id) next.merged![from] = action.mergeInto;
        next.merged![entity.id] = action.mergeInto;
      } else if ('rename' in action) {
        if (action.rename.trim() === '') throw new Error('A name cannot be empty.');
        next.renamed[entity.id] = action.rename.trim();
      } else {
        next.retyped[entity.id] = action.type;
      }
      await putReview(env.db, next);
      // A review decision changes what every report yields: all pieces are derived again.
      await update({ full: true });
    },

    async exportPack(): Promise<Pack> {
      const [reports, derived, review] = await Promise.all([listReaderReports(env.db), getDerivedEntities(env.db), getReview(env.db)]);
      return { ...emptyPack(now()), kbHash: derived?.bundledHash ?? null, reports, entities: derived?.entities ?? [], review };
    },

    /** What importing a pack file would do, before anything is written. */
    async planPackImport(text: string): Promise<{ ok: true; plan: PackPlan } | { ok: false; error: string }> {
      const parsed = parsePackText(text);
      if (!parsed.ok) return parsed;
      const [{ ctx }, mine] = await Promise.all([context('pack', true), listReaderReports(env.db)]);
      const byId = new Map(mine.map((r) => [r.id, r]));
      const plan: PackPlan = { pack: parsed.pack, adds: [], duplicates: [], conflicts: [] };
      for (const theirs of parsed.pack.reports) {
        const same = byId.get(theirs.id);
        await checkable(ctx.index, theirs.text);
        const dup = ctx.index.find(theirs.text);
        if (same && same.text !== theirs.text && (!dup || dup.of.id === theirs.id)) {
          plan.conflicts.push({ mine: same, theirs });
          continue;
        }
        if (dup) {
          plan.duplicates.push({ report: theirs, reason: describeDuplicate(dup) });
          continue;
        }
        plan.adds.push(theirs);
        ctx.index.add({ id: theirs.id, title: theirs.title, bundled: false }, theirs.text);
      }
      return { ok: true, plan };
    },

    /** Apply a plan: add its new reports; replace mine only for the conflicts the reader chose. */
    async applyPackImport(plan: PackPlan, replace: ReadonlySet<string> = new Set()): Promise<AddOutcome[]> {
      const mine = await listReaderReports(env.db);
      const taken = new Set(mine.map((r) => r.id));
      const outcomes: AddOutcome[] = [];
      const addedIds: string[] = [];
      const toStore = [...plan.adds, ...plan.conflicts.filter((c) => replace.has(c.theirs.id)).map((c) => c.theirs)];
      for (const r of toStore) {
        // A pack report whose id is taken by a different report of mine (and not chosen to replace it) gets a new id.
        const id = taken.has(r.id) && !replace.has(r.id) ? newReportId(r.text, taken) : r.id;
        taken.add(id);
        const outcome = await store({ ...r, id, source: 'pack', addedAt: now() }, { file: r.file, status: 'added', id, title: r.title });
        if (outcome.status === 'added') addedIds.push(id);
        outcomes.push(outcome);
      }
      for (const d of plan.duplicates) outcomes.push({ file: d.report.file, status: 'duplicate', reason: d.reason, of: '' });
      for (const c of plan.conflicts) if (!replace.has(c.theirs.id)) outcomes.push({ file: c.theirs.file, status: 'duplicate', reason: `kept your copy of “${c.mine.title}”`, of: c.mine.id });
      // The pack's review decisions join mine; where both decided about the same name, mine stands.
      const mineReview = await getReview(env.db);
      const theirs = plan.pack.review;
      const merged: Review = {
        rejected: [...new Set([...mineReview.rejected, ...theirs.rejected])],
        renamed: { ...theirs.renamed, ...mineReview.renamed },
        retyped: { ...theirs.retyped, ...mineReview.retyped },
        merged: { ...theirs.merged, ...mineReview.merged },
      };
      const reviewChanged = JSON.stringify(merged) !== JSON.stringify(mineReview);
      if (reviewChanged) await putReview(env.db, merged);
      if (outcomes.some((o) => o.status === 'added') || reviewChanged) {
        await askPersistenceOnce(env.db, env.storage).catch(() => null);
        // A replaced report changes in place, and a review change touches every piece: both derive everything again.
        await update(reviewChanged || replace.size > 0 ? { full: true } : { added: addedIds });
      }
      return outcomes;
    },
  };
}

export type ReaderLibrary = ReturnType<typeof createReaderLibrary>;
