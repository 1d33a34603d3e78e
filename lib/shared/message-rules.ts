// What the background accepts (issue #17): each message's data schema and who
// may send it. Kept apart from lib/shared/messages.ts (which loads the messaging
// library) so the background's gate and its unit tests need zod only.
import { z } from 'zod';
import type { ProtocolMap } from './messages';
import { MAX_REPORT_BYTES } from '../kb/extract/files';

/** Who may send a message: our content script in a tab's top frame, or one of our own extension pages. */
export type SenderClass = 'tab' | 'extension';

export interface MessageRule<D = unknown> {
  data: z.ZodType<D>;
  from: readonly SenderClass[];
}

/** The request as @webext-core/messaging (and lib/page/core/messaging.ts) sends it. */
export const WIRE_MESSAGE = z.object({ id: z.number(), type: z.string().max(64), data: z.unknown().optional(), timestamp: z.number() });

const id = z.string().min(1).max(200);
const ids = z.array(id).max(10_000);
const none = z.undefined();
const rule = <D>(data: z.ZodType<D>, ...from: SenderClass[]): MessageRule<D> => ({ data, from });

/**
 * The background's messages: each one's data schema and who may send it.
 * null: a message of the protocol the background does not answer (the
 * content script's and extension pages' own), ignored without counting.
 */
export const MESSAGE_RULES = {
  getMatcher: rule(none, 'tab'),
  getCards: rule(z.object({ ids }).strict(), 'tab', 'extension'),
  getCard: rule(z.object({ id }).strict(), 'tab', 'extension'),
  openReport: rule(z.object({ id, quoteStart: z.number().int().min(0).optional(), quoteEnd: z.number().int().min(0).optional(), entity: id.optional() }).strict(), 'tab'),
  openOptions: rule(none, 'tab'),
  pageNames: rule(none, 'tab'),
  findByName: rule(z.object({ name: z.string().max(500) }).strict(), 'extension'),
  getReport: rule(z.object({ id }).strict(), 'extension'),
  kbStatus: rule(none, 'extension'),
  getPanelData: rule(z.object({ entities: ids }).strict(), 'extension'),
  getReportView: rule(z.object({ id }).strict(), 'extension'),
  markReportSeen: rule(z.object({ id }).strict(), 'extension'),
  listSeenReports: rule(none, 'extension'),
  // Issue #18: a save is stored only when one of our pages asks (the reader clicked Save there); a tab cannot.
  saveReport: rule(z.object({ file: z.string().min(1).max(500), title: z.string().min(1).max(1000), text: z.string().min(1).max(MAX_REPORT_BYTES), url: z.string().max(4000).nullable() }).strict(), 'extension'),
  readerKbChanged: rule(none, 'extension'),
  pageHtml: null,
  kbChanged: null,
  pageSummary: null,
  revealMention: null,
  pageHasText: null,
  pageText: null,
  pageChanged: null,
} satisfies Record<keyof ProtocolMap, MessageRule<any> | null>; // eslint-disable-line @typescript-eslint/no-explicit-any

