import { createKbService } from '@/lib/background/kb-service';
import { createPanelService } from '@/lib/background/panel-service';
import { configureSidePanel } from '@/lib/background/side-panel';
import { openBackstoryDb } from '@/lib/db/open';
import { onMessage } from '@/lib/messages';

// Wiring only: the KB service owns IndexedDB; messages are answered from it.
export default defineBackground(() => {
  const kb = createKbService({
    openDb: () => openBackstoryDb(),
    // The KB ships inside the package: this reads the extension's own file.
    fetchBundle: async () => (await fetch(browser.runtime.getURL('/kb/kb.json'))).json(),
  });

  browser.runtime.onInstalled.addListener(({ reason }) => {
    void kb.refresh(reason === 'install' ? 'install' : 'update');
  });

  onMessage('getMatcher', () => kb.matcher());
  onMessage('getCard', ({ data }) => kb.card(data.id));
  onMessage('getCards', ({ data }) => Promise.all(data.ids.map((id) => kb.card(id))));
  onMessage('findByName', ({ data }) => kb.findByName(data.name));
  onMessage('getReport', ({ data }) => kb.report(data.id));
  onMessage('kbStatus', () => kb.status());
  // Reading flow (issue #3). openReport: open the side panel FIRST, synchronously
  // (Chrome keeps the click's user gesture only until the handler yields), then
  // record the request for the panel in storage.session ('pendingReport').
  onMessage('openReport', ({ data, sender }) => openSidePanel(sender.tab?.id, sender.tab?.windowId, browser.storage.session.set({ pendingReport: { ...data, at: Date.now() } })));
  onMessage('openOptions', () => browser.runtime.openOptionsPage());
  // Side panel (issue #4): summary data, report reader, reports the reader has opened.
  configureSidePanel();
  const panel = createPanelService({ openDb: () => openBackstoryDb(), ready: () => kb.status() });
  onMessage('getPanelData', ({ data }) => panel.panelData(data.entities));
  onMessage('getReportView', ({ data }) => panel.reportView(data.id));
  onMessage('markReportSeen', ({ data }) => panel.markSeen(data.id));
  onMessage('listSeenReports', () => panel.listSeen());
});

/** Best effort: chrome.sidePanel.open (Chrome 116+, needs a user gesture) or Firefox's sidebarAction.open. */
function openSidePanel(tabId: number | undefined, windowId: number | undefined, recorded: Promise<void>): Promise<void> {
  const g = globalThis as unknown as {
    chrome?: { sidePanel?: { open(options: { tabId?: number; windowId?: number }): Promise<void> } };
    browser?: { sidebarAction?: { open(): Promise<void> } };
  };
  let opening: Promise<void> = Promise.resolve();
  try {
    if (g.chrome?.sidePanel?.open && (tabId !== undefined || windowId !== undefined)) {
      opening = g.chrome.sidePanel.open(tabId !== undefined ? { tabId } : { windowId });
    } else if (g.browser?.sidebarAction?.open) {
      opening = g.browser.sidebarAction.open();
    }
  } catch {
    // no panel API, or no user gesture: the request stays recorded for the panel
  }
  return Promise.all([recorded, opening.catch(() => undefined)]).then(() => undefined);
}
