import { createKbService } from '@/lib/background/kb-service';
import { createPanelService } from '@/lib/background/panel-service';
import { configureSidePanel, openSidePanel } from '@/lib/background/side-panel';
import { openBackstoryDb } from '@/lib/db/open';
import { onMessage } from '@/lib/messages';

// Wiring only: the KB service owns IndexedDB; messages are answered from it.
export default defineBackground(() => {
  const kb = createKbService({
    openDb: () => openBackstoryDb(),
    // The KB ships inside the package: this reads the extension's own file.
    fetchBundle: async () => (await fetch(browser.runtime.getURL('/kb/kb.json'))).json(),
    fetchBundleHash: async () => (await (await fetch(browser.runtime.getURL('/kb/kb.hash'))).text()).trim(),
  });

  browser.runtime.onInstalled.addListener(({ reason }) => {
    void kb.refresh(reason === 'install' ? 'install' : 'update');
    // The first-run page (issue #16), once, on install: a tab of its own, opened without taking
    // the focus from the page the reader is on (nor from a page a test is driving).
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html'), active: false }).catch(() => undefined);
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
  const panel = createPanelService({ openDb: () => kb.database() });
  onMessage('getPanelData', ({ data }) => panel.panelData(data.entities));
  onMessage('getReportView', ({ data }) => panel.reportView(data.id));
  onMessage('markReportSeen', ({ data }) => panel.markSeen(data.id));
  onMessage('listSeenReports', () => panel.listSeen());
});
