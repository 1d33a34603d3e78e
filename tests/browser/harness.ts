// The real-browser harness lives in scripts/chromium.ts, shared with `npm run demo`.
export * from '../../scripts/chromium';

import type { ExtensionBrowser } from '../../scripts/chromium';

/** The service worker's storage API (runs there, through `worker.evaluate`). */
declare const chrome: { storage: { local: { set(items: object): Promise<void>; remove(key: string): Promise<void> } } };

/** Replace the stored settings as the options page would (null: remove them, back to the defaults). */
export function setStoredSettings(browser: ExtensionBrowser, settings: Record<string, unknown> | null): Promise<void> {
  return browser.worker.evaluate(async (s) => {
    if (s === null) await chrome.storage.local.remove('settings');
    else await chrome.storage.local.set({ settings: s });
  }, settings);
}
