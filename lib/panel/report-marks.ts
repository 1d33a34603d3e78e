// The marks of a KB report. `report.mentions` holds [start, end, entity index]
// with the index into the KB document's `entities` array; IndexedDB keeps
// entities by id, not in that order. The compiled matcher's `entities` list is
// built in the same order (lib/kb/build.ts → matcherAliases), so it maps an
// index back to an id; every mark is checked against the entity's names, and a
// mention that does not fit is looked up by its text instead (or dropped when
// the text fits several entities): a wrong mark is worse than none.
import { foldName } from '../kb/card';
import type { KbEntity, KbReport } from '../kb/document';
import type { ReportMark } from './types';

export interface MarkResolution {
  marks: ReportMark[];
  /** Mentions whose index did not fit their text and were looked up by name. */
  repaired: number;
  /** Mentions dropped (no entity, or the text fits several). */
  dropped: number;
}

export function entityNames(e: Pick<KbEntity, 'name' | 'aliases'>): Set<string> {
  return new Set([e.name, ...e.aliases.map((a) => a.text)].map(foldName));
}

export async function resolveReportMarks(
  report: Pick<KbReport, 'text' | 'mentions'>,
  order: readonly string[],
  names: (id: string) => Set<string> | undefined,
  lookup: (name: string) => Promise<string[]>,
): Promise<MarkResolution> {
  const marks: ReportMark[] = [];
  let repaired = 0;
  let dropped = 0;
  const cache = new Map<string, string[]>();
  for (const [start, end, index] of report.mentions) {
    if (!(start >= 0 && end > start && end <= report.text.length)) {
      dropped++;
      continue;
    }
    const surface = foldName(report.text.slice(start, end));
    const id = order[index];
    if (id !== undefined && names(id)?.has(surface)) {
      marks.push({ start, end, entity: id });
      continue;
    }
    let ids = cache.get(surface);
    if (!ids) cache.set(surface, (ids = await lookup(surface)));
    if (ids.length === 1) {
      marks.push({ start, end, entity: ids[0]! });
      repaired++;
    } else dropped++;
  }
  return { marks, repaired, dropped };
}
