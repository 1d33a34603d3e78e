// The reading flow in every page: marks the KB's names, opens cards on hover or
// from the keyboard. Wiring only: the logic is in lib/page (runBackstory) and
// components/card; this file supplies the document, the messaging and storage.
// Imports types only from the KB, settings and message modules: no zod and no
// messaging library in this bundle (lib/page/messaging.ts speaks its wire format).
// The card UI is a separate file, imported on first need (lib/page/card-ui.ts).
import type { PublicPath } from 'wxt/browser';
import { loadLinker } from '@/lib/link/chunk';
import { runBackstory } from '@/lib/page/app';
import { loadCardUi } from '@/lib/page/card-ui';
import { createListener, createSender } from '@/lib/page/messaging';
import type { BridgeMessaging } from '@/lib/page/panel-bridge';
import { readSettings, SETTINGS_STORAGE_KEY } from '@/lib/page/reader-settings';

// The extension API's own global (Chrome and Firefox both have `chrome` in
// content scripts). The card chunk is imported from `chrome.runtime.getURL(…)`
// as written: the URL of a file in our own package, and the form Mozilla's
// add-on linter recognises as one (it cannot see through a renamed variable).
declare const chrome: { runtime: { getURL(path: PublicPath): string } };

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main(ctx) {
    const sendMessage = createSender(browser.runtime);
    const onMessage = createListener(browser.runtime);
    void runBackstory({
      doc: document,
      win: window,
      signal: ctx.signal,
      kb: {
        getMatcher: () => sendMessage('getMatcher'),
        getCards: (ids) => sendMessage('getCards', { ids }),
        openReport: (request) => sendMessage('openReport', request),
        openOptions: () => sendMessage('openOptions'),
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
      // The side panel asks this page what it mentions (issue #4).
      panel: { sendMessage, onMessage } as unknown as BridgeMessaging,
      // The test/debug channel lives in this content script's own JS world
      // (`globalThis.__backstory`): the page cannot see it.
      debug: true,
    }).catch(() => undefined);
  },
});
