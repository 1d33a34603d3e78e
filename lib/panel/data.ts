// Collect what the KB holds about a page's entities, for the side panel. Runs
// over any KbReader: the background's IndexedDB reader, or the in-memory KB in
// tests, so both give the same data.
import type { KbReader, ReportRef } from '../kb/card';
import type { KbCaveat, KbClaim, KbEntity } from '../kb/document';
import type { PanelData } from './types';

/** Cap on entity ids per request: a page rarely names more than a few dozen. */
export const MAX_PANEL_ENTITIES = 500;

function defined<T>(xs: readonly (T | undefined)[]): T[] {
  return xs.filter((x): x is T => x !== undefined);
}

/** The report id a claim id starts with (`<report>@<offset>`, lib/kb/build.ts). */
export function claimReport(claimId: string): string {
  const at = claimId.lastIndexOf('@');
  return at > 0 ? claimId.slice(0, at) : claimId;
}

export async function collectPanelData(kb: KbReader, ids: readonly string[]): Promise<PanelData> {
  const wanted = [...new Set(ids)].slice(0, MAX_PANEL_ENTITIES);
  const entities: KbEntity[] = defined(await kb.entities(wanted));
  const caveatIds = [...new Set(entities.flatMap((e) => e.caveats))];
  const claimIds = [...new Set(entities.flatMap((e) => [...e.facts, ...e.dates.map((d) => d.claim)]))];
  const [caveats, claims]: [KbCaveat[], KbClaim[]] = await Promise.all([kb.caveats(caveatIds).then(defined), kb.claims(claimIds).then(defined)]);
  const reportIds = [
    ...new Set([
      ...entities.flatMap((e) => e.reports.map((r) => r.report)),
      ...entities.map((e) => e.descriptionSource.report),
      ...caveats.map((c) => c.report),
      ...claims.map((c) => c.report),
    ]),
  ];
  const reports: ReportRef[] = defined(await kb.reportMeta(reportIds));
  return { entities, caveats, claims, reports };
}
