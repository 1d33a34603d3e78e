// The toolbar popup: wiring only. The page's host comes from its content
// script's summary (no `tabs` permission needed).
import '@/assets/ui.css';
import '@/components/popup/popup.css';
import '@/components/popup/legend.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Popup } from '@/components/popup/Popup';
import { onMessage, sendMessage, type PageSummary } from '@/lib/shared/messages';
import { canOpenSidePanel, openSidePanel } from '@/lib/shared/side-panel';
import { fixedTabFromUrl, pageHost } from '@/lib/panel/request';
import { themeController } from '@/lib/panel/theme';
import { DEFAULT_SETTINGS, isActiveOn, withSiteActive, type Settings } from '@/lib/shared/settings';
import { loadSettings, saveSettings, watchSettings } from '@/lib/ui/settings-store';
import { acceptTrustedEventsOnly } from '@/lib/ui/trusted-events';

const setTheme = themeController(document, window);
setTheme('auto');
const fixedTab = fixedTabFromUrl(location.href);
// Looked up before any click: opening the panel must happen synchronously in the click.
let windowId: number | null = null;
void browser.windows
  ?.getCurrent()
  .then((w) => (windowId = w.id ?? null))
  .catch(() => undefined);

async function activeTab(): Promise<number | null> {
  if (fixedTab !== null) return fixedTab;
  return (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id ?? null;
}

function App() {
  const [tabId, setTabId] = useState<number | null>(fixedTab);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [page, setPage] = useState<PageSummary | null>(null);
  const [loading, setLoading] = useState(true);
  const [repairing, setRepairing] = useState(false);

  // Self-repair (issue #17): say so while the background puts KB records back; ask again until done.
  useEffect(() => {
    let timer: number | undefined;
    const ask = () =>
      void sendMessage('kbStatus')
        .then((s) => {
          setRepairing(!!s.repairing);
          if (s.repairing) timer = window.setTimeout(ask, 500);
        })
        .catch(() => undefined);
    ask();
    return () => window.clearTimeout(timer);
  }, []);

  useEffect(() => {
    let alive = true;
    void loadSettings().then((s) => alive && setSettings(s));
    const unwatch = watchSettings((s) => setSettings(s));
    void (async () => {
      const id = await activeTab().catch(() => null);
      if (!alive) return;
      setTabId(id);
      if (id !== null) {
        const summary = await sendMessage('pageSummary', undefined, { tabId: id, frameId: 0 }).catch(() => null);
        if (alive) setPage(summary);
      }
      if (alive) setLoading(false);
    })();
    return () => {
      alive = false;
      unwatch();
    };
  }, []);

  useEffect(
    () =>
      onMessage('pageChanged', ({ data, sender }) => {
        if (sender.tab?.id === tabId && (sender.frameId ?? 0) === 0) setPage(data);
      }),
    [tabId],
  );

  useEffect(() => {
    setTheme(settings.theme);
  }, [settings.theme]);

  const host = pageHost(page?.url);
  const siteActive = host ? isActiveOn(settings, host) : settings.enabled;
  const found = page && siteActive ? { entities: page.mentions.filter((m) => m.count > 0).length, mentions: page.mentions.reduce((n, m) => n + m.count, 0) } : null;

  return (
    <Popup
      host={host}
      loading={loading}
      enabled={settings.enabled}
      siteActive={siteActive}
      siteMode={settings.siteMode}
      found={found}
      canOpenPanel={canOpenSidePanel()}
      repairing={repairing}
      onToggleSite={(on) => {
        if (host) void saveSettings((s) => withSiteActive(s, host, on)).then(setSettings);
      }}
      onToggleGlobal={(on) => void saveSettings({ enabled: on }).then(setSettings)}
      onOpenPanel={() => {
        // Synchronous: the user gesture does not survive an await.
        openSidePanel({ windowId, tabId }).then(
          () => fixedTab === null && window.close(),
          () => undefined,
        );
      }}
      onOpenOptions={() => {
        void browser.runtime.openOptionsPage().then(() => fixedTab === null && window.close());
      }}
    />
  );
}

// Actions only on a person's input (issue #17): script-made clicks and keys are dropped.
acceptTrustedEventsOnly(window);
render(<App />, document.getElementById('app')!);
