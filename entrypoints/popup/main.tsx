// The toolbar popup: wiring only. The page's host comes from its content
// script's summary (no `tabs` permission needed).
import '@/assets/ui.css';
import '@/components/popup/popup.css';
import '@/components/popup/legend.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Popup } from '@/components/popup/Popup';
import { SavePage } from '@/components/popup/SavePage';
import { askPersistenceOnce, openReaderDb } from '@/lib/db/reader-store';
import { draftFromHtml, savedFileName, savedReportText, type DraftResult, type SaveFields } from '@/lib/reader-kb/save';
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

// Issue #18: the context menu and the keyboard shortcut open this page in a window in its save mode.
const saveWindow = new URL(location.href).searchParams.get('save') === '1';

/** The tab's page, serialised by its content script, read here with Readability (lib/reader-kb/save.ts). */
async function readDraft(tabId: number | null): Promise<DraftResult> {
  if (tabId === null) return { ok: false, reason: 'There is no page to save.' };
  const page = await sendMessage('pageHtml', undefined, { tabId, frameId: 0 }).catch(() => null);
  if (!page) return { ok: false, reason: 'Backstory can’t read this page (browser pages and extension stores are off limits; a page opened before Backstory was installed needs a reload).' };
  return draftFromHtml(page.html, page.url, (html) => new DOMParser().parseFromString(html, 'text/html'));
}

async function saveDraft(fields: SaveFields) {
  const report = savedReportText(fields);
  if ('error' in report) return report;
  const outcome = await sendMessage('saveReport', { file: savedFileName(report.url, report.title), ...report });
  // The first save asks the browser to keep the reader's data under storage pressure (asked once, remembered).
  if (outcome.status === 'added') await openReaderDb().then((db) => askPersistenceOnce(db, navigator.storage).finally(() => db.close())).catch(() => undefined);
  return outcome;
}

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
  const [saving, setSaving] = useState(saveWindow);

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

  if (saving) {
    return (
      <div class="pp">
        <h1 class="pp-title">Save this page</h1>
        <SavePage
          load={async () => readDraft(fixedTab ?? (await activeTab().catch(() => null)))}
          save={saveDraft}
          onDone={() => (saveWindow ? window.close() : setSaving(false))}
        />
      </div>
    );
  }

  return (
    <Popup
      onSavePage={() => setSaving(true)}
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
