// Chrome's side panel: the toolbar button opens the popup (which has an "Open
// side panel" button), not the panel, so one click on the toolbar always
// reaches the on/off switch. Firefox's sidebar needs no set-up.
import { openSidePanel } from '../shared/side-panel';

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
 * A report or entity asked for from a page's card: `recorded` (the request
 * stored for the panel) is what the panel reads when it opens; opening is best
 * effort (Chrome needs the click's user gesture, so `openSidePanel` is called
 * before anything is awaited). The one opener is lib/shared/side-panel.ts.
 */
export function recordAndOpenPanel(tabId: number | undefined, windowId: number | undefined, recorded: Promise<void>): Promise<void> {
  const opening = tabId === undefined && windowId === undefined ? Promise.resolve() : openSidePanel(tabId !== undefined ? { tabId } : { windowId });
  return Promise.all([recorded, opening.catch(() => undefined)]).then(() => undefined);
}
