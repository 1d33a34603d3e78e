// The side panel's summary of a page, assembled from what the page mentions
// (the content script's PageSummary) and what the KB holds about those
// entities (PanelData). Pure functions: no DOM, no extension APIs.
import type { ReportRef } from '../kb/card';
import { SEVERITY_ORDER } from '../kb/card';
import type { KbCaveat, KbClaim, KbEntity } from '../kb/document';
import { ENTITY_TYPES, type CaveatKind, type EntityType } from '../kb/schema';
import type { PageSummary, PanelData } from './types';

export interface EntityRef {
  id: string;
  name: string;
  type: EntityType;
}

// ---------- Entities on the page ----------

export interface PanelEntityItem extends EntityRef {
  /** Mentions on the page. */
  count: number;
  description: string;
  /** Caveats the KB holds about it. */
  caveats: number;
}

export interface EntityGroup {
  type: EntityType;
  /** Mentions on the page of all entities in the group. */
  mentions: number;
  items: PanelEntityItem[];
}

/** The page's entities grouped by type (types in the KB's order), most mentioned first within a group. */
export function groupEntities(mentions: PageSummary['mentions'], data: Pick<PanelData, 'entities'>, types: readonly EntityType[] = ENTITY_TYPES): EntityGroup[] {
  const byId = new Map(data.entities.map((e) => [e.id, e]));
  const groups = new Map<EntityType, EntityGroup>();
  for (const m of mentions) {
    const e = byId.get(m.entity);
    if (!e || m.count <= 0 || !types.includes(e.type)) continue;
    let g = groups.get(e.type);
    if (!g) groups.set(e.type, (g = { type: e.type, mentions: 0, items: [] }));
    const existing = g.items.find((i) => i.id === e.id);
    if (existing) existing.count += m.count;
    else g.items.push({ id: e.id, name: e.name, type: e.type, count: m.count, description: e.description, caveats: e.caveats.length });
    g.mentions += m.count;
  }
  for (const g of groups.values()) g.items.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return ENTITY_TYPES.filter((t) => groups.has(t)).map((t) => groups.get(t)!);
}

// ---------- Caveats ----------

export interface PanelCaveat {
  caveat: KbCaveat;
  report: ReportRef;
  /** The page's entities this caveat is about. */
  entities: EntityRef[];
}

export function missingReport(id: string): ReportRef {
  return { id, headline: id, publisher: 'unknown', url: null, date: '', dateInferred: true, dateReason: 'missing', republishedFrom: null };
}

function refIndex(data: Pick<PanelData, 'reports'>): (id: string) => ReportRef {
  const refs = new Map(data.reports.map((r) => [r.id, r]));
  return (id) => refs.get(id) ?? missingReport(id);
}

function entityRefs(data: Pick<PanelData, 'entities'>): Map<string, EntityRef> {
  return new Map(data.entities.map((e) => [e.id, { id: e.id, name: e.name, type: e.type }]));
}

/**
 * Every caveat about the page's entities, once each: most serious first, then
 * those touching more of the page's entities, then by report and position.
 */
export function pageCaveats(data: PanelData, pageEntities: readonly string[]): PanelCaveat[] {
  const onPage = new Set(pageEntities);
  const refs = entityRefs(data);
  const report = refIndex(data);
  const seen = new Set<string>();
  const out: PanelCaveat[] = [];
  for (const c of data.caveats) {
    if (seen.has(c.id)) continue;
    const entities = c.entities.filter((id) => onPage.has(id)).map((id) => refs.get(id)).filter((e): e is EntityRef => e !== undefined);
    // A caveat reaches the panel through an entity's caveat list; it may not name that entity itself.
    const via = data.entities.filter((e) => onPage.has(e.id) && e.caveats.includes(c.id) && !entities.some((x) => x.id === e.id));
    for (const e of via) entities.push({ id: e.id, name: e.name, type: e.type });
    if (entities.length === 0) continue;
    seen.add(c.id);
    out.push({ caveat: c, report: report(c.report), entities });
  }
  return out.sort(
    (a, b) =>
      SEVERITY_ORDER[a.caveat.severity] - SEVERITY_ORDER[b.caveat.severity] ||
      b.entities.length - a.entities.length ||
      a.caveat.report.localeCompare(b.caveat.report) ||
      a.caveat.start - b.caveat.start ||
      a.caveat.id.localeCompare(b.caveat.id),
  );
}

// ---------- What this page leaves out ----------

/** Denials, disputes, corrections and conflicting figures: what a page can leave out. */
export const LEAVES_OUT_KINDS: readonly CaveatKind[] = [
  'denial',
  'no-comment',
  'conflict',
  'internal-inconsistency',
  'factual-error',
  'wrong-date',
  'misnaming',
];

/** Caveats of the "leaves out" kinds: ask the page whether it quotes each one (`quote`). */
export function leavesOutCandidates(caveats: readonly PanelCaveat[]): PanelCaveat[] {
  return caveats.filter((c) => LEAVES_OUT_KINDS.includes(c.caveat.kind));
}

/** The candidates whose quote the page does not contain. `found[i]` answers candidate i. */
export function leavesOut(candidates: readonly PanelCaveat[], found: readonly boolean[]): PanelCaveat[] {
  return candidates.filter((_, i) => found[i] !== true);
}

// ---------- Other reports ----------

export interface OtherReport {
  ref: ReportRef;
  /** The first sentence in it that names one of the page's entities (the most mentioned one). */
  snippet: string;
  /** The page's entities it mentions, most mentioned first. */
  entities: EntityRef[];
  mentions: number;
  /** Facts and caveats it carries about the page's entities. */
  facts: number;
  caveats: number;
  seen: boolean;
}

export interface ReportsSummary {
  /** The KB report this page is, when it is one. */
  current: ReportRef | null;
  others: OtherReport[];
}

/** A URL reduced to host and path, for "is this page that report?". */
export function articleKey(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    if (!/^https?:$/.test(u.protocol)) return null;
    return `${u.hostname.toLowerCase().replace(/^www\./, '')}${u.pathname.replace(/\/+$/, '')}`;
  } catch {
    return null;
  }
}

const foldTitle = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();

/** Is the page at `url` with `title` this KB report (same URL, or its headline in the page title)? */
export function isSameReport(report: ReportRef, page: { url: string; title: string }): boolean {
  const key = articleKey(page.url);
  if (key && key === articleKey(report.url)) return true;
  const headline = foldTitle(report.headline);
  return headline.length >= 24 && foldTitle(page.title).includes(headline);
}

/**
 * The KB's reports about the page's entities, without the one the reader is
 * on: the ones not opened yet first, then by how much they add (facts and
 * caveats about these entities), then newest first.
 */
export function otherReports(data: PanelData, pageEntities: readonly string[], page: { url: string; title: string; seen: ReadonlySet<string> }): ReportsSummary {
  const onPage = new Set(pageEntities);
  const ref = refIndex(data);
  const entities = data.entities.filter((e) => onPage.has(e.id));
  const facts = new Map<string, number>();
  const factIds = new Set(entities.flatMap((e) => e.facts));
  for (const c of data.claims) if (factIds.has(c.id)) facts.set(c.report, (facts.get(c.report) ?? 0) + 1);
  const caveats = new Map<string, number>();
  for (const c of pageCaveats(data, pageEntities)) caveats.set(c.caveat.report, (caveats.get(c.caveat.report) ?? 0) + 1);

  const byReport = new Map<string, { mentions: number; best: { n: number; snippet: string }; entities: { e: KbEntity; n: number }[] }>();
  for (const e of entities) {
    for (const r of e.reports) {
      let row = byReport.get(r.report);
      if (!row) byReport.set(r.report, (row = { mentions: 0, best: { n: -1, snippet: '' }, entities: [] }));
      row.mentions += r.mentions;
      row.entities.push({ e, n: r.mentions });
      if (r.mentions > row.best.n) row.best = { n: r.mentions, snippet: r.snippet };
    }
  }
  let current: ReportRef | null = null;
  const others: OtherReport[] = [];
  for (const [id, row] of byReport) {
    const r = ref(id);
    if (!current && isSameReport(r, page)) {
      current = r;
      continue;
    }
    others.push({
      ref: r,
      snippet: row.best.snippet,
      entities: row.entities.sort((a, b) => b.n - a.n || a.e.name.localeCompare(b.e.name)).map(({ e }) => ({ id: e.id, name: e.name, type: e.type })),
      mentions: row.mentions,
      facts: facts.get(id) ?? 0,
      caveats: caveats.get(id) ?? 0,
      seen: page.seen.has(id),
    });
  }
  others.sort(
    (a, b) =>
      Number(a.seen) - Number(b.seen) ||
      b.facts + b.caveats - (a.facts + a.caveats) ||
      b.ref.date.localeCompare(a.ref.date) ||
      a.ref.id.localeCompare(b.ref.id),
  );
  return { current, others };
}

// ---------- Timeline ----------

export interface TimelineItem {
  /** The date as the report writes it ("March 20-22"). */
  text: string;
  claim: string;
  /** The sentence that gives the date. */
  sentence: string;
  report: ReportRef;
  start: number;
  end: number;
  entities: EntityRef[];
}

export interface TimelineEntry {
  /** ISO date: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  items: TimelineItem[];
}

/**
 * Dated events involving the page's entities: one entry per date (oldest
 * first), each sentence once with the entities it involves and its report.
 */
export function timeline(data: PanelData, pageEntities: readonly string[]): TimelineEntry[] {
  const onPage = new Set(pageEntities);
  const claims = new Map<string, KbClaim>(data.claims.map((c) => [c.id, c]));
  const ref = refIndex(data);
  const items = new Map<string, TimelineItem & { date: string }>();
  for (const e of data.entities) {
    if (!onPage.has(e.id)) continue;
    for (const d of e.dates) {
      if (!d.value) continue;
      const claim = claims.get(d.claim);
      if (!claim) continue;
      const key = `${d.claim}|${d.value}`;
      let item = items.get(key);
      if (!item) {
        items.set(key, (item = { date: d.value, text: d.text, claim: d.claim, sentence: claim.text, report: ref(claim.report), start: claim.start, end: claim.end, entities: [] }));
      }
      if (!item.entities.some((x) => x.id === e.id)) item.entities.push({ id: e.id, name: e.name, type: e.type });
    }
  }
  const byDate = new Map<string, TimelineItem[]>();
  for (const { date, ...item } of items.values()) {
    const list = byDate.get(date) ?? [];
    list.push(item);
    byDate.set(date, list);
  }
  return [...byDate]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([date, list]) => ({
      date,
      items: list.sort((a, b) => a.report.date.localeCompare(b.report.date) || a.report.id.localeCompare(b.report.id) || a.start - b.start),
    }));
}

// ---------- All of it ----------

export interface PanelSummary {
  groups: EntityGroup[];
  /** Distinct KB entities on the page. */
  entityCount: number;
  mentionCount: number;
  caveats: PanelCaveat[];
  /** Caveats to ask the page about for "leaves out" (ask `pageHasText` with their quotes). */
  leavesOutCandidates: PanelCaveat[];
  reports: ReportsSummary;
  timeline: TimelineEntry[];
}

export function buildPanelSummary(page: Pick<PageSummary, 'url' | 'title' | 'mentions'>, data: PanelData, seen: ReadonlySet<string>): PanelSummary {
  const groups = groupEntities(page.mentions, data);
  const ids = groups.flatMap((g) => g.items.map((i) => i.id));
  const caveats = pageCaveats(data, ids);
  return {
    groups,
    entityCount: ids.length,
    mentionCount: groups.reduce((n, g) => n + g.mentions, 0),
    caveats,
    leavesOutCandidates: leavesOutCandidates(caveats),
    reports: otherReports(data, ids, { url: page.url, title: page.title, seen }),
    timeline: timeline(data, ids),
  };
}
