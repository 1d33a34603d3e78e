// Data that crosses between the background, the side panel and the page for
// the panel's summary and report reader. Plain JSON (Chrome serialises messages).
import type { ReportRef } from '../kb/card';
import type { KbCaveat, KbClaim, KbEntity, KbReport } from '../kb/document';
import type { EntityType } from '../kb/schema';

/** What the content script tells the panel about its page. */
export interface PageSummary {
  url: string;
  title: string;
  /** Backstory is on for this site (global switch and the per-site list). */
  active: boolean;
  /** Linked mentions per entity, in order of first mention. */
  mentions: { entity: string; count: number }[];
  /** Mentions whose name fits several entities (not linked, so not counted above). */
  ambiguous?: number;
  /** The page is still being read. */
  scanning?: boolean;
  /** Names the linker found and did not link (a namesake, a longer name, the reader's "Not this"), with the reason in plain words. */
  notLinked?: { surface: string; reason: string; count: number }[];
}

/** Everything the KB holds about a set of entities, for the panel's summary (background → panel). */
export interface PanelData {
  /** The requested entities that exist, in the order asked. */
  entities: KbEntity[];
  /** Every caveat about them. */
  caveats: KbCaveat[];
  /** Their facts and the claims their dates come from. */
  claims: KbClaim[];
  /** Every report those entities, claims or caveats come from. */
  reports: ReportRef[];
}

/** A mark in a report: a mention of a KB entity. */
export interface ReportMark {
  start: number;
  end: number;
  entity: string;
}

/** A KB report, ready for the panel's reader. */
export interface ReportView {
  report: KbReport;
  ref: ReportRef;
  /** Caveats whose quote is in this report. */
  caveats: KbCaveat[];
  marks: ReportMark[];
  /** The entities the marks point to. */
  entities: { id: string; name: string; type: EntityType }[];
}

/** What the toolbar action or a card asked the panel to open (`browser.storage.session` key `pendingReport`). */
export interface ReportRequest {
  id: string;
  quoteStart?: number;
  quoteEnd?: number;
  /** Open this entity's card in the panel too (a card's "More in the side panel"). */
  entity?: string;
}
