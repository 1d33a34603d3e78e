// The background's part of "Save this page" and of keeping open tabs current
// (issue #18). A save is stored here, not in the popup: the toolbar popup
// closes as soon as the reader clicks elsewhere, and the background finishes
// the report (one transaction) and the pipeline run whatever the popup does.
// The pipeline runs on the background's own thread (a service worker cannot
// start a worker); it takes a few hundred milliseconds, after a click.
import { openReaderDb, type ReaderDatabase } from '../db/reader-store';
import { parseKbDocument } from '../kb/document';
import type { AddOutcome } from './add';
import { createReaderLibrary } from './library';

/** The save window's address for a tab: the popup page in its save mode (components/popup/SavePage.tsx). */
export const savePagePath = (tabId: number) => `/popup.html?tab=${tabId}&save=1`;

export const SAVE_MENU_ID = 'backstory-save-page';
export const SAVE_COMMAND = 'save-page';

export interface TabsLike {
  query(q: Record<string, never>): Promise<{ id?: number; discarded?: boolean }[]>;
  sendMessage(tabId: number, message: unknown, options?: { frameId?: number }): Promise<unknown>;
}

/**
 * Tell every open tab's content script that the KB changed (the wire format of
 * lib/page/core/messaging.ts). Tabs without our content script (browser pages) or
 * discarded ones just do not answer; a tab where Backstory is off only forgets
 * its matcher (lib/page/core/kb-refresh.ts), and a hidden tab re-reads when shown.
 */
export async function broadcastKbChange(tabs: TabsLike): Promise<number> {
  let sent = 0;
  for (const tab of await tabs.query({}).catch(() => [])) {
    if (tab.id == null || tab.id < 0 || tab.discarded) continue;
    sent++;
    void tabs.sendMessage(tab.id, { id: sent, type: 'kbChanged', data: undefined, timestamp: Date.now() }, { frameId: 0 }).catch(() => undefined);
  }
  return sent;
}

export interface SaveServiceEnv {
  fetchBundle: () => Promise<unknown>;
  openReaderDb?: () => Promise<ReaderDatabase>;
  /** After a report was added. */
  onChanged: () => void;
}

export function createSaveService(env: SaveServiceEnv) {
  let db: Promise<ReaderDatabase> | null = null;
  const handle = () =>
    (db ??= (env.openReaderDb ?? (() => openReaderDb()))().then((h) => {
      h.addEventListener('close', () => (db = null));
      return h;
    }));
  // One save at a time: two quick saves must not derive over each other.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    save(file: string, report: { title: string; text: string; url: string | null }): Promise<AddOutcome> {
      const run = async () => {
        const library = createReaderLibrary({
          db: await handle(),
          bundled: async () => parseKbDocument(await env.fetchBundle()),
          // Text only: no HTML reaches the background (the page was read in the extension page).
          parseHtml: () => {
            throw new Error('HTML is not read in the background');
          },
          // persist() is a window API: the page that saved asks for it (lib/db/reader-store.ts askPersistenceOnce).
          storage: undefined,
        });
        const outcome = await library.addText(file, report, 'page');
        if (outcome.status === 'added') env.onChanged();
        return outcome;
      };
      const next = queue.then(run, run);
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
