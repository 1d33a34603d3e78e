import { createKbService } from '@/lib/background/kb-service';
import { ensurePageNames, PAGE_NAMES_KEY, toPageNames, type StoredPageNames } from '@/lib/background/page-names';
import { createPanelService } from '@/lib/background/panel-service';
import { createRouter } from '@/lib/background/router';
import { configureSidePanel, recordAndOpenPanel } from '@/lib/background/side-panel';
import { openBackstoryDb } from '@/lib/db/open';
import { openReaderDb } from '@/lib/db/reader-store';
import { createReaderLayer } from '@/lib/reader-kb/background';
import { DEBUG } from '@/lib/shared/build-mode';
import { broadcastKbChange, createSaveService, SAVE_COMMAND, SAVE_MENU_ID, savePagePath } from '@/lib/reader-kb/save-background';

// Wiring only: the KB service owns IndexedDB; messages are answered from it.
// Every message passes the router first (lib/background/router.ts): its zod
// schema, and its sender (a tab's top-frame content script, or our own pages).
export default defineBackground(() => {
  const kb = createKbService({
    openDb: () => openBackstoryDb(),
    // The KB ships inside the package: this reads the extension's own file.
    fetchBundle: async () => (await fetch(browser.runtime.getURL('/kb/kb.json'))).json(),
    fetchBundleHash: async () => (await (await fetch(browser.runtime.getURL('/kb/kb.hash'))).text()).trim(),
  });
  // This install's names in pages: made once (on install, or first asked), kept in storage.
  let names: Promise<StoredPageNames> | null = null;
  // Debug builds' Firefox test runs only (scripts/firefox.ts puts the file in a copy of the package; Chrome's are
  // pinned through storage); the release build has no such path.
  const firefox = typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo === 'function';
  const pinned = async () => (DEBUG && firefox ? ((await fetch(browser.runtime.getURL('/page-names.json' as never))).json() as Promise<unknown>) : undefined);
  const pageNames = () => (names ??= ensurePageNames(browser.storage.local, undefined, pinned).catch((e: unknown) => ((names = null), Promise.reject(e))));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && PAGE_NAMES_KEY in changes) names = null;
  });

  browser.runtime.onInstalled.addListener(({ reason }) => {
    void pageNames().catch(() => undefined);
    void kb.refresh(reason === 'install' ? 'install' : 'update');
    // The first-run page (issue #16), once, on install: a tab of its own, opened without taking
    // the focus from the page the reader is on (nor from a page a test is driving).
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html'), active: false }).catch(() => undefined);
  });

  // Issue #18: lookups see the bundled KB merged with the reader's own reports (lib/reader-kb).
  const all = createReaderLayer({ kb, openReaderDb: () => openReaderDb(), fetchBundle: async () => (await fetch(browser.runtime.getURL('/kb/kb.json'))).json() });
  const router = createRouter(browser.runtime as never);
  // The background's own global (pages cannot see it): what the router dropped, for tests.
  (globalThis as { __backstoryRouter?: unknown }).__backstoryRouter = router.stats;
  router.on('getMatcher', () => all.matcher());
  router.on('pageNames', async () => toPageNames(await pageNames()));
  router.on('getCard', (data) => all.card(data.id));
  router.on('getCards', (data) => Promise.all(data.ids.map((id) => all.card(id))));
  router.on('findByName', (data) => all.findByName(data.name));
  router.on('getReport', (data) => all.report(data.id));
  router.on('kbStatus', () => kb.status());
  // Reading flow (issue #3). openReport: open the side panel FIRST, synchronously
  // (Chrome keeps the click's user gesture only until the handler yields), then
  // record the request for the panel in storage.session ('pendingReport').
  router.on('openReport', (data, sender) => recordAndOpenPanel(sender.tab?.id, (sender.tab as { windowId?: number } | undefined)?.windowId, browser.storage.session.set({ pendingReport: { ...data, at: Date.now() } })));
  router.on('openOptions', () => browser.runtime.openOptionsPage());
  // Side panel (issue #4): summary data, report reader, reports the reader has opened.
  configureSidePanel();
  const panel = createPanelService({ openDb: () => kb.database() });
  router.on('getPanelData', (data) => all.panelData(data.entities));
  router.on('getReportView', async (data) => (await panel.reportView(data.id)) ?? all.readerReportView(data.id));
  router.on('markReportSeen', (data) => panel.markSeen(data.id));
  router.on('listSeenReports', () => panel.listSeen());

  // Issue #18: "Save this page" and open tabs kept current. The reader starts a save from the
  // popup, the page's context menu or the keyboard shortcut (all browser UI, which no page can
  // trigger); the menu and the shortcut open the popup's save form in a small window. Only our
  // own pages may store a report (saveReport, 'extension' senders: lib/shared/message-rules.ts).
  const tabs = browser.tabs as never;
  const saves = createSaveService({ fetchBundle: async () => (await fetch(browser.runtime.getURL('/kb/kb.json'))).json(), onChanged: () => void broadcastKbChange(tabs) });
  router.on('saveReport', (data) => saves.save(data.file, data));
  router.on('readerKbChanged', () => void broadcastKbChange(tabs));
  const openSaveWindow = (tabId: number | undefined) => {
    if (tabId == null || tabId < 0) return;
    void browser.windows.create({ url: browser.runtime.getURL(savePagePath(tabId) as never), type: 'popup', width: 400, height: 640 }).catch(() => undefined);
  };
  browser.runtime.onInstalled.addListener(() => {
    void browser.contextMenus
      .removeAll()
      .then(() => browser.contextMenus.create({ id: SAVE_MENU_ID, title: 'Save this page to Backstory…', contexts: ['page', 'selection'] }))
      .catch(() => undefined);
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === SAVE_MENU_ID) openSaveWindow(tab?.id);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== SAVE_COMMAND) return;
    if (tab?.id != null) openSaveWindow(tab.id);
    else void browser.tabs.query({ active: true, currentWindow: true }).then(([t]) => openSaveWindow(t?.id));
  });
});
