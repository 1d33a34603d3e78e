// The one typed message protocol between the content script, the extension
// pages (side panel, popup, options) and the background, which alone owns the
// KB in IndexedDB. Every reply is plain JSON (Chrome serialises messages).
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { EntityCard } from './kb/card';
import type { KbReport } from './kb/document';
import type { KbMeta } from './db/schema';
import type { CompiledMatcher } from './match/types';

export interface KbStatus {
  meta: KbMeta | null;
  /** Something the reader should know (a rebuilt database, a failed load). */
  notice: string | null;
  error: string | null;
}

export interface ProtocolMap {
  /** Content script start-up: the compiled matcher, ready to hydrate. */
  getMatcher(): { hash: string; compiled: CompiledMatcher } | null;
  getCard(data: { id: string }): EntityCard | null;
  getCards(data: { ids: string[] }): (EntityCard | null)[];
  findByName(data: { name: string }): string[];
  getReport(data: { id: string }): KbReport | null;
  kbStatus(): KbStatus;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
