import { createKbService } from '@/lib/background/kb-service';
import { createPanelService } from '@/lib/background/panel-service';
import { configureSidePanel, openSidePanel } from '@/lib/background/side-panel';
import { openBackstoryDb } from '@/lib/db/open';
import { onMessage } from '@/lib/messages';
import { openReaderDb } from '@/lib/db/reader-store';
import { createReaderLayer } from '@/lib/reader-kb/background';

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
  });

  // Issue #18: lookups see the bundled KB merged with the reader's own reports (lib/reader-kb).
  const all = createReaderLayer({ kb, openReaderDb: () => openReaderDb(), fetchBundle: async () => (await fetch(browser.runtime.getURL('/kb/kb.json'))).json() });
  onMessage('getMatcher', () => all.matcher());
  onMessage('getCard', ({ data }) => all.card(data.id));
  onMessage('getCards', ({ data }) => Promise.all(data.ids.map((id) => all.card(id))));
  onMessage('findByName', ({ data }) => all.findByName(data.name));
  onMessage('getReport', ({ data }) => all.report(data.id));
  onMessage('kbStatus', () => kb.status());
  // Reading flow (issue #3). openReport: open the side panel FIRST, synchronously
  // (Chrome keeps the click's user gesture only until the handler yields), then
  // record the request for the panel in storage.session ('pendingReport').
  onMessage('openReport', ({ data, sender }) => openSidePanel(sender.tab?.id, sender.tab?.windowId, browser.storage.session.set({ pendingReport: { ...data, at: Date.now() } })));
  onMessage('openOptions', () => browser.runtime.openOptionsPage());
  // Side panel (issue #4): summary data, report reader, reports the reader has opened.
  configureSidePanel();
  const panel = createPanelService({ openDb: () => kb.database() });
  onMessage('getPanelData', ({ data }) => all.panelData(data.entities));
  onMessage('getReportView', async ({ data }) => (await panel.reportView(data.id)) ?? all.readerReportView(data.id));
  onMessage('markReportSeen', ({ data }) => panel.markSeen(data.id));
  onMessage('listSeenReports', () => panel.listSeen());
});
