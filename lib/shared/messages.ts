// The one typed message protocol between the content script, the extension
// pages (side panel, popup, options) and the background, which alone owns the
// KB in IndexedDB. Every reply is plain JSON (Chrome serialises messages).
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { EntityCard } from '../kb/card';
import type { KbReport } from '../kb/document';
import type { KbMeta } from '../db/schema';
import type { AddOutcome } from '../reader-kb/add';
import type { HighlightKind } from './highlight-names';
import type { PageMatcherData } from '../match/packed';
import type { PageSummary, PanelData, ReportView } from '../panel/types';

export type { PageSummary, PanelData, ReportView };

export interface KbStatus {
  meta: KbMeta | null;
  /** Something the reader should know (a rebuilt database, a failed load). */
  notice: string | null;
  error: string | null;
  /** Corrupt or missing records are being put back from the bundled KB (issue #17). */
  repairing?: boolean;
}

export interface ProtocolMap {
  /** Content script start-up: the compiled matcher, ready to hydrate. */
  getMatcher(): { hash: string; compiled: PageMatcherData } | null;
  getCard(data: { id: string }): EntityCard | null;
  getCards(data: { ids: string[] }): (EntityCard | null)[];
  findByName(data: { name: string }): string[];
  getReport(data: { id: string }): KbReport | null;
  kbStatus(): KbStatus;

  // --- Reading flow (issue #3) ---
  /**
   * Content script → background: open a report in the side panel, optionally at
   * a quote (character offsets into the report text). The background records it
   * in storage.session under `pendingReport` ({ id, quoteStart?, quoteEnd?, at })
   * for the panel to read, and tries to open the panel (needs a user gesture).
   */
  openReport(data: { id: string; quoteStart?: number; quoteEnd?: number; entity?: string }): void;
  /** Content script → background: open the options page (content scripts cannot call runtime.openOptionsPage). */
  openOptions(): void;

  // --- Side panel (issue #4) ---
  /** Panel/popup → the tab's content script: what the page mentions (null: not ready). */
  pageSummary(): PageSummary | null;
  /** Panel → the tab's content script: scroll to the entity's first mention and open its card. */
  revealMention(data: { entity: string }): boolean;
  /** Panel → the tab's content script: does the page's text contain each quote (case, quotes and spacing folded)? */
  pageHasText(data: { quotes: string[] }): boolean[];
  /** Panel → content script: the page's readable text ("leaves out" is checked against it in the panel). */
  pageText(): string;
  /** Content script → extension pages, when its scan results change (no receiver is normal). */
  pageChanged(data: PageSummary): void;
  /** Panel → background: the KB's entities, caveats, claims and reports for these entity ids. */
  getPanelData(data: { entities: string[] }): PanelData;
  /** Panel → background: a report with its marks and caveats, for the reader. */
  getReportView(data: { id: string }): ReportView | null;
  /** Panel → background: the reader opened this report (IndexedDB `seenReports`). */
  markReportSeen(data: { id: string }): void;
  listSeenReports(): string[];

  // --- Hardening (issue #17) ---
  /** Content script → background: this install's random highlight and host names (lib/background/page-names.ts). */
  pageNames(): PageNames;

  // --- The reader's own reports (issue #18) ---
  /** Save window / popup → the tab's content script: the page serialised, for Readability in the extension page (lib/reader-kb/save.ts). */
  pageHtml(): { html: string; url: string } | null;
  /** Popup / save window → background: store a saved page as a report and run the pipeline (extension pages only). */
  saveReport(data: { file: string; title: string; text: string; url: string | null }): AddOutcome;
  /** Options page → background: the reader's reports changed (import, delete, pack, review): tell the open tabs. */
  readerKbChanged(): void;
  /** Background → every tab's content script: the KB changed; fetch the matcher again and re-read the page. */
  kbChanged(): void;
}

/** Names Backstory uses in a page, chosen at random per install, so a page cannot tell it is there by name. */
export interface PageNames {
  /** The CSS highlight name of each kind of mark. */
  highlights: Record<HighlightKind, string>;
  /** Tag of the element that hosts our shadow root (a valid custom element name). */
  host: string;
  /** Tests of other features only (lib/background/page-names.ts): an open shadow root. */
  openShadowRoot?: true;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
