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
