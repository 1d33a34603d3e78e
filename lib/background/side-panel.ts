// Chrome's side panel: the toolbar button opens the popup (which has an "Open
// side panel" button), not the panel, so one click on the toolbar always
// reaches the on/off switch. Firefox's sidebar needs no set-up.
interface SidePanelApi {
  setPanelBehavior(behavior: { openPanelOnActionClick: boolean }): Promise<void>;
}

export function configureSidePanel(g: { chrome?: { sidePanel?: SidePanelApi } } = globalThis as never): void {
  try {
    void g.chrome?.sidePanel?.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
  } catch {
    // No side panel API (Firefox, older Chrome).
  }
}

/**
 * Open the side panel for a tab: chrome.sidePanel.open (Chrome 116+, needs the
 * click's user gesture, so it is called before anything is awaited) or
 * Firefox's sidebarAction.open. Best effort: `recorded` (the request stored for
 * the panel) is what the panel reads when it opens.
 */
export function openSidePanel(tabId: number | undefined, windowId: number | undefined, recorded: Promise<void>): Promise<void> {
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
