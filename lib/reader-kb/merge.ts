// One KbReader over the bundled KB and the reader's: an entity both know gets
// the facts, reports, caveats and co-mentions of both; claims, caveats and
// reports are looked up in whichever KB has them (their ids are disjoint:
// reader report ids carry their own prefix).
import { foldName, memoryReader, type KbReader } from '../kb/card';
import type { KbDocument, KbEntity } from '../kb/document';

function union<T>(a: readonly T[], b: readonly T[]): T[] {
  return [...new Set([...a, ...b])];
}

export function mergeEntity(bundled: KbEntity | undefined, reader: KbEntity | undefined): KbEntity | undefined {
  if (!bundled || !reader) return bundled ?? reader;
  const related = new Map(bundled.related.map((r) => [r.id, r.count]));
  for (const r of reader.related) related.set(r.id, (related.get(r.id) ?? 0) + r.count);
  const aliases = [...bundled.aliases];
  for (const a of reader.aliases) {
    const same = aliases.findIndex((x) => x.text === a.text);
    if (same >= 0) aliases[same] = { ...aliases[same]!, mentions: aliases[same]!.mentions + a.mentions, reports: union(aliases[same]!.reports, a.reports) };
    else if (a.mentions > 0) aliases.push(a); // a form the reader merged into this entity
  }
  return {
    ...bundled,
    aliases,
    facts: union(bundled.facts, reader.facts),
    reports: [...bundled.reports, ...reader.reports.filter((r) => !bundled.reports.some((b) => b.report === r.report))],
    related: [...related].sort((x, y) => y[1] - x[1]).map(([id, count]) => ({ id, count })),
    dates: [...bundled.dates, ...reader.dates],
    caveats: union(bundled.caveats, reader.caveats),
    reportCaveats: union(bundled.reportCaveats, reader.reportCaveats),
    // The reader's record of a bundled entity carries its support counted over both KBs' claims
    // (lib/reader-kb/incremental.ts `assemble`, with lib/kb/support): a source both carry counts once.
    support: reader.support,
  };
}

/** A reader over both KBs; `reader` null: the bundled KB alone. */
export function mergedReader(bundled: KbReader, reader: KbReader | null): KbReader {
  if (!reader) return bundled;
  // Ask the reader's KB first, and the bundled KB only for what it lacks (no round trip to the
  // bundled stores for a record that can only be the reader's).
  const either = async <T>(ids: readonly string[], get: (r: KbReader, ids: readonly string[]) => Promise<(T | undefined)[]>) => {
    const mine = await get(reader, ids);
    const missing = ids.filter((_, i) => mine[i] === undefined);
    if (missing.length === 0) return mine;
    const theirs = new Map((await get(bundled, missing)).map((v, i) => [missing[i]!, v]));
    return ids.map((id, i) => mine[i] ?? theirs.get(id));
  };
  // A name the reader's reports added has an id the bundled KB never has (lib/kb/extract gives new names "new-…").
  const bundledOnly = (ids: readonly string[]) => ids.filter((id) => !id.startsWith('new-'));
  const bundledEntities = async (ids: readonly string[]) => {
    const asked = bundledOnly(ids);
    const found = new Map((asked.length ? await bundled.entities(asked) : []).map((e, i) => [asked[i]!, e]));
    return ids.map((id) => found.get(id));
  };
  return {
    entity: async (id) => {
      const [a, b] = await Promise.all([bundledEntities([id]), reader.entity(id)]);
      return mergeEntity(a[0], b);
    },
    entities: async (ids) => {
      const [a, b] = await Promise.all([bundledEntities(ids), reader.entities(ids)]);
      return ids.map((_, i) => mergeEntity(a[i], b[i]));
    },
    claims: (ids) => either(ids, (r, x) => r.claims(x)),
    // The reader's first also lets a conflict a saved report adds to a bundled caveat replace it under the same id (lib/reader-kb/incremental.ts).
    caveats: (ids) => either(ids, (r, x) => r.caveats(x)),
    reportMeta: (ids) => either(ids, (r, x) => r.reportMeta(x)),
    findByName: async (name) => union(await bundled.findByName(name), await reader.findByName(foldName(name))),
  };
}

export function readerKbReader(kb: KbDocument): KbReader {
  return memoryReader(kb);
}
