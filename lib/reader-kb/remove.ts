// Deleting one report from a large reader's KB without reading the whole KB
// (issue #18, points 5 and 9): the mirror of ./append.ts. The full path reads
// every piece and puts the KB together again (tens of seconds at 10,000
// reports); here only the records the report touched are read and written, in
// one transaction with the report's own deletion:
// - its report, claims, caveats, piece, sketch and the new names it introduced
//   (registry entries, entity records, page-matcher names) go;
// - the entity records it named lose its record (`unmerge`: mentions, alias
//   reports, facts, related counts, dates, caveats), their support counted
//   down; a record it alone made goes (a bundled entity that another report's
//   conflict is still about keeps its stub, as `assemble` makes it);
// - the cross-report caveats it took part in go, on both sides (a conflict it
//   created on another report, or another report's conflict with it), and the
//   entities they were about lose them;
// - the claims that shared a repeat key or a shingle with its claims (or with
//   bundled claims that no longer count, about bundled entities only it named)
//   are recounted over their group, found through `claimKeys`;
// - the index gets a removal in its delta; the page matcher's head lists the
//   names taken out (applied to the stored matcher by whoever reads the head,
//   ../match/append.ts `removeFromMatcher`), and they are taken out of its
//   appended delta at once.
// The result means what a derivation from scratch of the remaining reports
// gives (tests/unit/reader-delete.test.ts). What reaches beyond those records
// returns null and takes the full path (./incremental.ts `removeReports`):
// a report whose new names a later report's derivation was given (`seenBy`:
// that report would be derived again), a republished report, one whose
// conflicts replaced a bundled caveat, the reader's merges, stale lookups.
import { contentHash } from '../kb/text';
import type { KbCaveat, KbClaim, KbEntity } from '../kb/document';
import { aliasKeyVariants } from '../match/chars';
import { removeFromMatcher } from '../match/append';
import { APPEND_META, write, type DerivedIndexDelta, type IndexRemovals, type ReaderDatabase } from '../db/reader-store';
import { bundledFacts, ClaimKeyLookup, claimKeysMemo, ensureIndexes, getMany, HOLDERS_MAX, nameEntries, readReview, recordHash, registryChanged, registryFor, supportCounter, supportKey, union, type AppendMeta } from './append';
import { reviewHash } from './incremental';
import type { KbDocument } from '../kb/document';

export interface RemoveResult {
  /** Records rewritten besides the report's own (deleted). */
  written: { entities: number; claims: number; caveats: number };
  /** Names taken out of the page matcher. */
  names: number;
}

/** An entity's merged record less one report's record of it (./incremental.ts `mergeRecords` undone). `base`: alias texts every record of it has (its input's). */
export function unmerge(merged: KbEntity, mine: KbEntity, base: ReadonlySet<string>): KbEntity {
  const report = mine.reports[0]?.report;
  const theirs = new Map(mine.aliases.map((a) => [a.text, a]));
  const aliases = merged.aliases.flatMap((a) => {
    const m = theirs.get(a.text);
    if (!m) return [a];
    const mentions = a.mentions - m.mentions;
    const reports = a.reports.filter((r) => r !== report);
    return mentions > 0 || reports.length > 0 || base.has(a.text) ? [{ ...a, mentions, reports }] : [];
  });
  const facts = new Set(mine.facts);
  const related = new Map(merged.related.map((r) => [r.id, r.count]));
  for (const r of mine.related) related.set(r.id, (related.get(r.id) ?? 0) - r.count);
  // One of each of its dates out (another record may list the same one), each list's entries keyed once.
  const drop = new Map<string, number>();
  for (const d of mine.dates) drop.set(JSON.stringify(d), (drop.get(JSON.stringify(d)) ?? 0) + 1);
  const dates = merged.dates.filter((d) => {
    if (drop.size === 0) return true;
    const key = JSON.stringify(d);
    const n = drop.get(key);
    if (!n) return true;
    if (n === 1) drop.delete(key);
    else drop.set(key, n - 1);
    return false;
  });
  const caveats = new Set(mine.caveats);
  const reportCaveats = new Set(mine.reportCaveats);
  return {
    ...merged,
    aliases,
    facts: merged.facts.filter((f) => !facts.has(f)),
    reports: merged.reports.filter((r) => r.report !== report),
    related: [...related].filter(([, n]) => n > 0).sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).map(([id, count]) => ({ id, count })),
    dates,
    caveats: merged.caveats.filter((c) => !caveats.has(c)),
    reportCaveats: merged.reportCaveats.filter((c) => !reportCaveats.has(c)),
  };
}


/**
 * Delete one of the reader's reports (`id`, still stored) and what came only
 * from it, in one transaction. Null: this deletion needs the full path (`why`
 * is told the reason); nothing was written (the caller deletes the report and
 * derives again).
 */
export async function removeReport(db: ReaderDatabase, bundled: KbDocument, id: string, options: { why?: (reason: string) => void } = {}): Promise<RemoveResult | null> {
  const fullPath = (reason: string) => {
    options.why?.(reason);
    return null;
  };
  const review = await readReview(db);
  if (Object.keys(review.merged ?? {}).length > 0) return fullPath('the reader merged names');
  const meta = await ensureIndexes(db, bundled, review);
  if (!meta) return fullPath('no append lookups for the stored KB');
  const [piece, me, storedDelta, head, stamp] = await Promise.all([db.get('pieces', id), db.get('kbReports', id), db.get('derived', 'index-delta'), db.get('derived', 'head'), db.get('derived', 'stamp')]);
  if (!piece || !me || head?.key !== 'head' || stamp?.key !== 'stamp' || stamp.readerHash !== meta.readerHash) return fullPath('the stored KB is not the one the lookups describe');
  if (piece.bundledHash !== bundled.hash || piece.reviewHash !== reviewHash(review) || me.republishedFrom) return fullPath('derived against another bundled KB or review, or a republished report');
  const b = bundledFacts(bundled);
  const registry = await registryFor(db, meta);

  // 1. Its new names: no later report's derivation may have been given one (it would be derived again).
  const freshIds = new Set(piece.fresh.map((e) => e.id));
  const mineEntries = registry.entries.filter((e) => freshIds.has(e.id));
  if (mineEntries.length !== freshIds.size || mineEntries.some((e) => !Array.isArray(e.seenBy) || e.seenBy.some((x) => x !== id))) return fullPath('a later report was given one of its new names');
  const firstAt = Math.min(Infinity, ...mineEntries.map((e) => e.at));
  if (registry.entries.some((e) => e.at > firstAt && !freshIds.has(e.id) && [...freshIds].some((f) => e.id.startsWith(`${f}-`)))) return fullPath('a later new name was numbered after one of its');

  // 2. The records of the entities it names.
  const entityIds = piece.kb.entities.map((e) => e.id);
  const stored = new Map<string, KbEntity>();
  for (const [i, e] of (await getMany(db, 'kbEntities', entityIds)).entries()) if (e) stored.set(entityIds[i]!, e);
  if (stored.size !== entityIds.length) return fullPath('an entity record is missing');
  for (const f of freshIds) if (stored.get(f)?.reports.some((r) => r.report !== id)) return fullPath('another report names one of its new names');

  // 3. The cross-report caveats it took part in: on its side (by the report index), and on the other side (listed on the records of the entities it names).
  const own = new Set(piece.kb.caveats.map((c) => c.id));
  const onMySide = await db.getAllFromIndex('kbCaveats', 'report', id);
  const otherIds = [...new Set([...piece.cross.map((c) => c.id), ...[...stored.values()].flatMap((e) => e.caveats.filter((c) => c.startsWith('x-')))])].filter((c) => !own.has(c) && !onMySide.some((x) => x.id === c));
  const others = (await getMany(db, 'kbCaveats', otherIds)).filter((c): c is KbCaveat => c !== undefined);
  const involves = (c: KbCaveat) => c.report === id || c.related.some((r) => r.report === id) || c.appearances.some((a) => a.report === id);
  const cross = [...onMySide.filter((c) => !own.has(c.id)), ...others.filter(involves)];
  // A conflict that stands in for a bundled caveat (the bundled KB's finding, with this report added) goes, and the bundled one shows again;
  // unless another report's piece has a version of it too (the full path puts the one that stays together).
  const overrides = new Map(meta.overrides ?? []);
  if (cross.some((c) => !c.id.startsWith('x-') && (overrides.get(c.id) ?? [id]).some((r) => r !== id))) return fullPath('another report has a version of a bundled caveat it changed');
  const goneCaveats = new Set([...own, ...cross.map((c) => c.id)]);

  // 4. Entity records: its record taken out; the cross caveats taken off the entities they were about.
  const bundledEntity = new Map(bundled.entities.map((e) => [e.id, e]));
  const baseAliases = (x: string): Set<string> => {
    const be = bundledEntity.get(x);
    if (be) return new Set(be.aliases.map((a) => a.text));
    const r = registry.entries.find((e) => e.id === x);
    return new Set(r ? [r.entity.name, ...r.entity.aliases.map((a) => a.text)] : []);
  };
  const claims = piece.kb.claims;
  const changed = new Map<string, KbEntity>();
  const deleted = new Set<string>();
  const before = new Map<string, KbEntity>();
  const stub = (x: string, caveats: string[]): KbEntity => {
    const be = bundledEntity.get(x)!;
    return { ...be, aliases: be.aliases.map((a) => ({ ...a, mentions: 0, reports: [] })), facts: [], reports: [], related: [], dates: [], caveats, reportCaveats: [], support: be.support };
  };
  for (const mine of piece.kb.entities) {
    const old = stored.get(mine.id)!;
    before.set(mine.id, old);
    if (freshIds.has(mine.id)) {
      deleted.add(mine.id);
      continue;
    }
    const rest = unmerge(old, mine, baseAliases(mine.id));
    rest.caveats = rest.caveats.filter((c) => !goneCaveats.has(c));
    if (rest.reports.length === 0) {
      // No report of the reader names it now: gone, or (a bundled entity another report's conflict is about) the stub `assemble` makes.
      if (b.ids.has(mine.id) && rest.caveats.length > 0) changed.set(mine.id, stub(mine.id, rest.caveats));
      else deleted.add(mine.id);
      continue;
    }
    // Support counted down: the report was one report and one source (never a republished copy here), with its claims about the entity.
    const n = claims.filter((c) => c.entities.includes(mine.id)).length;
    if (n > 0) rest.support = { independentSources: old.support.independentSources - 1, reports: old.support.reports - 1, repeats: old.support.repeats - n };
    changed.set(mine.id, rest);
  }
  const aboutIds = [...new Set(cross.flatMap((c) => c.entities))].filter((x) => !changed.has(x) && !deleted.has(x));
  for (const [i, e] of (await getMany(db, 'kbEntities', aboutIds)).entries()) {
    if (!e) continue;
    const x = aboutIds[i]!;
    before.set(x, e);
    const caveats = e.caveats.filter((c) => !goneCaveats.has(c));
    if (caveats.length === e.caveats.length) continue;
    if (e.reports.length === 0 && caveats.length === 0) deleted.add(x);
    else changed.set(x, { ...e, caveats });
  }

  // 5. Corroboration: its claims leave the lookup, and so do bundled claims about bundled entities only it named; the claims sharing a key with either are recounted.
  const touchedBefore = new Set(meta.touched);
  // A bundled entity no report of the reader's names any more (its record gone, or a stub).
  const unnamed = new Set(piece.kb.entities.map((e) => e.id).filter((x) => b.ids.has(x) && (deleted.has(x) || (changed.get(x)?.reports.length ?? 1) === 0)));
  const touchedAfter = new Set([...touchedBefore].filter((x) => !unnamed.has(x)));
  const active = (c: KbClaim, touched: ReadonlySet<string>) => c.entities.some((x) => touched.has(x));
  const leaving = bundled.claims.filter((c) => active(c, touchedBefore) && !active(c, touchedAfter));
  const goneClaims = new Set(claims.map((c) => c.id));
  const keyOf = claimKeysMemo();
  const lookup = new ClaimKeyLookup(db);
  const readKeys = (keys: Iterable<string>) => lookup.read(keys);
  await readKeys([...claims, ...leaving].flatMap(keyOf));
  const bundledHolders = (k: string, touched: ReadonlySet<string>) => (b.byKey.get(k) ?? []).filter((c) => active(c, touched));
  const remaining = (k: string) => lookup.get(k).filter((x) => !goneClaims.has(x));
  const holdersBefore = (k: string) => lookup.get(k).length + bundledHolders(k, touchedBefore).length;
  const holdersAfter = (k: string) => remaining(k).length + bundledHolders(k, touchedAfter).length;
  const affected = new Set<string>();
  for (const c of [...claims, ...leaving]) {
    for (const k of keyOf(c)) if (k.startsWith('r ') || holdersBefore(k) <= HOLDERS_MAX || holdersAfter(k) <= HOLDERS_MAX) for (const x of remaining(k)) affected.add(x);
  }
  const affectedIds = [...affected];
  const claimRecords = new Map<string, KbClaim>();
  for (const [i, c] of (await getMany(db, 'kbClaims', affectedIds)).entries()) if (c) claimRecords.set(affectedIds[i]!, c);
  await readKeys([...claimRecords.values()].flatMap(keyOf));
  const holderIds = new Set<string>();
  for (const c of claimRecords.values()) {
    for (const x of c.corroboration.claims) holderIds.add(x);
    for (const k of keyOf(c)) if (k.startsWith('r ') || holdersAfter(k) <= HOLDERS_MAX) for (const x of remaining(k)) holderIds.add(x);
  }
  const toRead = [...holderIds].filter((x) => !claimRecords.has(x) && !goneClaims.has(x));
  for (const [i, c] of (await getMany(db, 'kbClaims', toRead)).entries()) if (c) claimRecords.set(toRead[i]!, c);
  const originals = new Map(meta.originals);
  const jointClaim = (x: string): KbClaim | undefined => {
    if (goneClaims.has(x)) return undefined;
    const r = claimRecords.get(x);
    if (r) return r;
    const bc = b.claims.get(x);
    return bc && active(bc, touchedAfter) ? bc : undefined;
  };
  const holders = (k: string) => [...remaining(k), ...bundledHolders(k, touchedAfter).map((c) => c.id)];
  const supportOf = supportCounter({ holders, jointClaim, keyOf, originals });
  const changedClaims = affectedIds.flatMap((x) => {
    const c = claimRecords.get(x);
    if (!c) return [];
    const s = supportOf(c);
    return supportKey(s) === supportKey(c.support) ? [] : [{ ...c, support: s }];
  });
  const keyWrites = new Map<string, string[]>();
  for (const c of claims) for (const k of keyOf(c)) keyWrites.set(k, remaining(k));
  for (const [k, ids] of keyWrites) lookup.set(k, ids);
  const keyChanges = lookup.changes();

  // 6. Names (folded name → ids) the changed and deleted records no longer have.
  const namesBefore = nameEntries([...before.values()]);
  const namesAfter = new Map(nameEntries([...changed.values()]));
  const dropped = new Map<string, Set<string>>();
  for (const [name, ids] of namesBefore) {
    for (const x of ids) {
      if (!deleted.has(x) && !changed.has(x)) continue;
      if (namesAfter.get(name)?.includes(x)) continue;
      dropped.set(name, (dropped.get(name) ?? new Set()).add(x));
    }
  }

  // 7. The page matcher: its new names out, and the forms it alone gave an entity that stays (bundled forms are always there).
  const removals: [string, string[] | null][] = [...freshIds].map((f) => [f, null]);
  for (const [x, rest] of changed) {
    const old = before.get(x)!;
    const keep = new Set([...rest.aliases.map((a) => a.text), rest.name, ...(bundledEntity.get(x)?.aliases.map((a) => a.text) ?? [])]);
    const keepKeys = new Set([...keep].flatMap((t) => aliasKeyVariants(t).map((k) => k.folded)));
    const lost = old.aliases.map((a) => a.text).filter((t) => !keep.has(t) && !aliasKeyVariants(t).some((k) => keepKeys.has(k.folded)));
    if (lost.length > 0) removals.push([x, lost]);
  }
  const delta = head.delta ? removeFromMatcher(head.delta, removals) : undefined;

  // 8. The index delta: the removals, and the new hashes and support of what changed (entries of removed ids dropped).
  const old: DerivedIndexDelta = storedDelta?.key === 'index-delta' ? storedDelta : { key: 'index-delta', reports: [], entities: [], claims: [], caveats: [], names: [] };
  const removedNow: IndexRemovals = { reports: [id], entities: [...deleted], claims: [...goneClaims], caveats: [...goneCaveats], names: [] };
  const support = (c: KbClaim) => supportKey(c.support);

  // Registry entries that list it among the reports their name was given to.
  const seenByMe = registry.entries.filter((e) => !freshIds.has(e.id) && e.seenBy?.includes(id));
  const readerHash = contentHash(`${stamp.readerHash}-${id}`);
  try {
    await write(
      db,
      'the deletion',
      async (tx) => {
        const queue = (p: Promise<unknown>) => void p.catch(() => undefined);
        const names = [...dropped.keys()];
        const oldNames = await Promise.all(names.map((n) => tx.objectStore('kbNames').get(n)));
        const nameEntriesNow: [string, string][] = [];
        names.forEach((name, i) => {
          const ids = (oldNames[i]?.ids ?? []).filter((x) => !dropped.get(name)!.has(x));
          if (ids.length === 0) {
            queue(tx.objectStore('kbNames').delete(name));
            removedNow.names.push(name);
          } else {
            queue(tx.objectStore('kbNames').put({ name, ids }));
            nameEntriesNow.push([name, ids.join('\n')]);
          }
        });
        for (const store of ['reports', 'sketches', 'pieces', 'kbReports'] as const) queue(tx.objectStore(store).delete(id));
        for (const c of goneClaims) queue(tx.objectStore('kbClaims').delete(c));
        for (const c of goneCaveats) queue(tx.objectStore('kbCaveats').delete(c));
        for (const x of deleted) queue(tx.objectStore('kbEntities').delete(x));
        for (const e of changed.values()) queue(tx.objectStore('kbEntities').put(e));
        for (const c of changedClaims) queue(tx.objectStore('kbClaims').put(c));
        for (const rec of keyChanges.put) queue(tx.objectStore('claimKeys').put(rec));
        for (const b of keyChanges.remove) queue(tx.objectStore('claimKeys').delete(b));
        for (const f of freshIds) queue(tx.objectStore('registry').delete(f));
        for (const e of seenByMe) queue(tx.objectStore('registry').put({ ...e, seenBy: e.seenBy.filter((x) => x !== id) }));

        const gone = (list: readonly string[]) => new Set(list);
        const r = { reports: gone(removedNow.reports), entities: gone(removedNow.entities), claims: gone(removedNow.claims), caveats: gone(removedNow.caveats), names: gone(removedNow.names) };
        const was = old.removed ?? { reports: [], entities: [], claims: [], caveats: [], names: [] };
        const nextDelta: DerivedIndexDelta = {
          key: 'index-delta',
          reports: old.reports.filter((x) => !r.reports.has(x)),
          entities: [...old.entities.filter(([x]) => !r.entities.has(x)), ...[...changed.values()].map((e): [string, string, string] => [e.id, recordHash(e), b.ids.has(e.id) ? '0' : '1'])],
          claims: [...old.claims.filter(([x]) => !r.claims.has(x)), ...changedClaims.map((c): [string, string] => [c.id, support(c)])],
          caveats: old.caveats.filter(([x]) => !r.caveats.has(x)),
          names: [...old.names.filter(([x]) => !r.names.has(x)), ...nameEntriesNow],
          removed: {
            reports: union(was.reports, removedNow.reports),
            entities: union(was.entities, removedNow.entities),
            claims: union(was.claims, removedNow.claims),
            caveats: union(was.caveats, removedNow.caveats),
            names: union(was.names, removedNow.names),
          },
        };
        for (const c of cross) overrides.delete(c.id);
        const nextMeta: AppendMeta = { ...meta, readerHash, touched: [...touchedAfter], appended: meta.appended + removals.length, overrides: [...overrides] };
        queue(tx.objectStore('meta').put({ key: APPEND_META, value: nextMeta }));
        const hash = contentHash(`${head.kb.hash}-${id}`);
        const { delta: _delta, ...rest } = head;
        queue(tx.objectStore('derived').put({ ...rest, readerHash, kb: { ...head.kb, hash }, ...(delta ? { delta } : {}), removed: [...(head.removed ?? []), ...removals] }));
        queue(tx.objectStore('derived').put(nextDelta));
        queue(tx.objectStore('derived').put({ key: 'stamp', bundledHash: bundled.hash, readerHash, reports: stamp.reports - 1 }));
      },
      ['reports', 'sketches', 'pieces', 'registry', 'claimKeys', 'meta', 'derived', 'kbReports', 'kbEntities', 'kbClaims', 'kbCaveats', 'kbNames'],
    );
  } catch (error) {
    registryChanged(db, meta.readerHash, null);
    throw error;
  }
  registryChanged(db, meta.readerHash, readerHash, (index) => {
    index.drop(freshIds);
    for (const e of seenByMe) e.seenBy = e.seenBy.filter((x) => x !== id);
    return index;
  });
  return { written: { entities: changed.size, claims: changedClaims.length, caveats: cross.length }, names: removals.length };
}
