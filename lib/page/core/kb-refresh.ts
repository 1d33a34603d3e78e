// The content script's part of the reader's own reports (issue #18), kept
// apart from the core reader: (1) when the background says the KB changed (an
// import, a save, a delete, a pack), re-read the page with the new matcher,
// without a reload; a hidden tab waits until it is shown, so twenty open tabs
// do not all re-read at once; (2) hand our extension pages the page's HTML
// for "Save this page" (Readability runs there, on a parsed copy:
// lib/reader-kb/save.ts). Both answer only the extension's own messages
// (runtime.onMessage, which a page cannot reach); nothing here saves.
import type { BridgeMessaging } from './panel-bridge';

export interface KbRefreshEnv {
  doc: Document;
  signal: AbortSignal;
  onMessage: BridgeMessaging['onMessage'];
  /** Drop the matcher and re-read (lib/page/core/app.ts). */
  reload: () => void;
}

export function watchKbChanges({ doc, signal, onMessage, reload }: KbRefreshEnv): void {
  let pending = false;
  const onShow = () => {
    if (!pending || doc.visibilityState === 'hidden') return;
    pending = false;
    reload();
  };
  doc.addEventListener('visibilitychange', (e) => e.isTrusted && onShow(), { signal });
  const offs = [
    onMessage('kbChanged', () => {
      pending = true;
      onShow();
    }),
    // Reading the page's markup (never writing it): it is parsed into an inert document in the extension page.
    // eslint-disable-next-line no-restricted-properties
    onMessage('pageHtml', () => ({ html: doc.documentElement.outerHTML, url: doc.location.href })),
  ];
  signal.addEventListener('abort', () => offs.forEach((off) => off()), { once: true });
}
