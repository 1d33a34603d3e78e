// The side panel's environment in the browser: messaging to the tab and the
// background, tab events, settings and the pending report request. The panel's
// logic (lib/panel/controller.ts) only sees this interface.
import { loadSettings, saveSettings, watchSettings } from '@/lib/ui/settings-store';
import { onMessage, sendMessage } from '@/lib/shared/messages';
import type { PanelEnv } from '@/lib/panel/controller';
import { pageSaysEach } from '@/lib/panel/leaves-out';
import { fixedTabFromUrl, parseReportRequest } from '@/lib/panel/request';

export function browserPanelEnv(): PanelEnv {
  const fixedTabId = fixedTabFromUrl(location.href);
  const windowId = browser.windows?.getCurrent ? browser.windows.getCurrent().then((w) => w.id ?? null).catch(() => null) : Promise.resolve(null);
  const toTab = (tabId: number) => ({ tabId, frameId: 0 });
  return {
    fixedTabId,
    activeTabId: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id ?? null,
    tab: {
      summary: (tabId) => sendMessage('pageSummary', undefined, toTab(tabId)),
      // The page's text, compared here: the quote itself or a paraphrase of it counts as said.
      hasText: async (tabId, quotes) => pageSaysEach(await sendMessage('pageText', undefined, toTab(tabId)), quotes),
      reveal: (tabId, entity) => sendMessage('revealMention', { entity }, toTab(tabId)),
    },
    kb: {
      panelData: (ids) => sendMessage('getPanelData', { entities: ids }),
      reportView: (id) => sendMessage('getReportView', { id }),
      card: (id) => sendMessage('getCard', { id }),
      markSeen: (id) => sendMessage('markReportSeen', { id }),
      listSeen: () => sendMessage('listSeenReports'),
      info: async () => {
        const status = await sendMessage('kbStatus');
        return { reports: status.meta?.stats.reports ?? 0, entities: status.meta?.stats.entities ?? 0, problem: status.error };
      },
    },
    settings: {
      load: loadSettings,
      save: (update) => saveSettings(update),
      watch: watchSettings,
    },
    events: {
      onTabActivated(listener) {
        const l = (info: { tabId: number; windowId: number }) => {
          void windowId.then((w) => {
            if (w === null || w === info.windowId) listener(info.tabId);
          });
        };
        browser.tabs.onActivated.addListener(l);
        return () => browser.tabs.onActivated.removeListener(l);
      },
      onTabUpdated(listener) {
        // Without the `tabs` permission the change says only `status` (no URL): enough to look again.
        const l = (tabId: number, change: { status?: string }) => {
          if (change.status === 'complete') listener(tabId);
        };
        browser.tabs.onUpdated.addListener(l);
        return () => browser.tabs.onUpdated.removeListener(l);
      },
      onPageChanged(listener) {
        return onMessage('pageChanged', ({ data, sender }) => {
          if ((sender.frameId ?? 0) === 0) listener(data, sender.tab?.id);
        });
      },
    },
    pending: {
      async take() {
        const area = browser.storage.session;
        if (!area) return null;
        const got = await area.get('pendingReport');
        const request = parseReportRequest(got.pendingReport);
        if (got.pendingReport !== undefined) await area.remove('pendingReport');
        return request;
      },
      watch(listener) {
        const l = (changes: Record<string, { newValue?: unknown }>, area: string) => {
          if (area === 'session' && changes.pendingReport?.newValue !== undefined) listener();
        };
        browser.storage.onChanged.addListener(l);
        return () => browser.storage.onChanged.removeListener(l);
      },
    },
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (handle) => window.clearTimeout(handle as number),
  };
}
