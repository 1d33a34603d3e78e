// The reading flow in every page: marks the KB's names, opens cards on hover or
// from the keyboard. Wiring only: the logic is in lib/page (runBackstory) and
// components/card; this file supplies the document, the messaging and storage.
// Imports types only from the KB, settings and message modules: no zod and no
// messaging library in this bundle (lib/page/core/messaging.ts speaks its wire format).
// The card UI is a separate file, imported on first need (lib/page/core/card-ui.ts).
import type { PublicPath } from 'wxt/browser';
import { loadLinker } from '@/lib/link/chunk';
import { CORRECTIONS_KEY } from '@/lib/link/correct';
import { runBackstory } from '@/lib/page/core/app';
import { watchKbChanges } from '@/lib/page/core/kb-refresh';
import { watchLifecycle } from '@/lib/page/core/lifecycle';
import { loadCardUi } from '@/lib/page/core/card-ui';
import { createListener, createSender } from '@/lib/page/core/messaging';
import type { BridgeMessaging } from '@/lib/page/core/panel-bridge';
import { readSettings, SETTINGS_STORAGE_KEY } from '@/lib/page/core/reader-settings';

// The extension API's own global (Chrome and Firefox both have `chrome` in
// content scripts). The card chunk is imported from `chrome.runtime.getURL(…)`
// as written: the URL of a file in our own package, and the form Mozilla's
// add-on linter recognises as one (it cannot see through a renamed variable).
declare const chrome: { runtime: { getURL(path: PublicPath): string } };

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  // WXT's `ctx` is not used: wxt.config.ts swaps WXT's ContentScriptContext,
  // which posts our extension id to the page, for an inert one, and the
  // lifecycle is ours (lib/page/core/lifecycle.ts).
  main() {
    const lifecycle = watchLifecycle({ win: window, doc: document, runtimeAlive: () => browser.runtime?.id != null });
    const send = createSender(browser.runtime);
    // A failed message may mean the extension was updated or removed: then stop.
    const sendMessage: typeof send = (type, ...args) =>
      send(type, ...args).catch((error: unknown) => {
        lifecycle.check();
        throw error;
      });
    const onMessage = createListener(browser.runtime);
    void runBackstory({
      doc: document,
      win: window,
      signal: lifecycle.signal,
      kb: {
        getMatcher: () => sendMessage('getMatcher'),
        getCards: (ids) => sendMessage('getCards', { ids }),
        openReport: (request) => sendMessage('openReport', request),
        openOptions: () => sendMessage('openOptions'),
        pageNames: () => sendMessage('pageNames'),
      },
      cardUi: () => loadCardUi(() => import(/* @vite-ignore */ chrome.runtime.getURL('/card-ui.js'))),
      linker: () => loadLinker(() => import(/* @vite-ignore */ chrome.runtime.getURL('/linker.js'))),
      settings: {
        load: async () => readSettings((await browser.storage.local.get(SETTINGS_STORAGE_KEY))[SETTINGS_STORAGE_KEY]),
        watch: (listener) => {
          const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
            if (area === 'local' && SETTINGS_STORAGE_KEY in changes) listener(readSettings(changes[SETTINGS_STORAGE_KEY]!.newValue));
          };
          browser.storage.onChanged.addListener(onChanged);
          return () => browser.storage.onChanged.removeListener(onChanged);
        },
      },
      // The reader's "Not this" (issue #14): the extension's local storage, never sent anywhere.
      corrections: {
        load: async () => (await browser.storage.local.get(CORRECTIONS_KEY))[CORRECTIONS_KEY],
        save: (value) => browser.storage.local.set({ [CORRECTIONS_KEY]: value }),
        watch: (listener) => {
          const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
            if (area === 'local' && CORRECTIONS_KEY in changes) listener(changes[CORRECTIONS_KEY]!.newValue);
          };
          browser.storage.onChanged.addListener(onChanged);
          return () => browser.storage.onChanged.removeListener(onChanged);
        },
      },
      // The side panel asks this page what it mentions (issue #4).
      panel: { sendMessage, onMessage } as unknown as BridgeMessaging,
      // Issue #18: re-read when the KB changes; the page's HTML for "Save this page".
      kbChanges: (reload) => watchKbChanges({ doc: document, signal: lifecycle.signal, onMessage: onMessage as unknown as BridgeMessaging['onMessage'], reload }),
    }).catch(() => undefined);
  },
});
