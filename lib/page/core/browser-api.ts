// `wxt/browser` for the content script, without webextension-polyfill: the
// browser's own extension API object (Firefox's `browser`, Chrome's `chrome`).
// Every call the content script makes works on it as is: runtime.sendMessage
// and storage.local.get return promises in both (MV3), runtime.onMessage
// replies go through sendResponse (lib/page/core/messaging.ts), and WXT's content
// script context only reads runtime.id. In use only where wxt.config.ts
// aliases `wxt/browser` to this file for the content script's build.
import type { WxtBrowser } from 'wxt/browser';

const g = globalThis as unknown as { browser?: WxtBrowser; chrome?: WxtBrowser };

export const browser = (g.browser ?? g.chrome) as WxtBrowser;
