// Opening the side panel, from a click in the toolbar popup or a card's
// "More in the side panel" (through the background). Both browsers
// require a user gesture, and Chrome keeps it only until the handler first
// awaits: call this synchronously inside the click handler, with ids looked
// up beforehand.
interface PanelApis {
  chrome?: { sidePanel?: { open(options: { windowId?: number; tabId?: number }): Promise<void> } };
  browser?: { sidebarAction?: { open(): Promise<void> } };
}

/** Can this browser open the panel from an extension page? */
export function canOpenSidePanel(g: PanelApis = globalThis as unknown as PanelApis): boolean {
  return typeof g.chrome?.sidePanel?.open === 'function' || typeof g.browser?.sidebarAction?.open === 'function';
}

/** Open it: Chrome's side panel in the window (or tab), or Firefox's sidebar. Rejects when the browser refuses. */
export function openSidePanel(target: { windowId?: number | null; tabId?: number | null }, g: PanelApis = globalThis as unknown as PanelApis): Promise<void> {
  try {
    if (typeof g.chrome?.sidePanel?.open === 'function') {
      if (typeof target.windowId === 'number') return g.chrome.sidePanel.open({ windowId: target.windowId });
      if (typeof target.tabId === 'number') return g.chrome.sidePanel.open({ tabId: target.tabId });
      return Promise.reject(new Error('No window to open the side panel in.'));
    }
    if (typeof g.browser?.sidebarAction?.open === 'function') return g.browser.sidebarAction.open();
  } catch (e) {
    return Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }
  return Promise.reject(new Error('This browser has no side panel for extensions.'));
}
