// The options page: wiring only. Settings are validated (parseSettings) and
// stored with WXT storage; open pages watch them and apply changes live.
import '@/assets/ui.css';
import '@/components/options/options.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { OptionsPage } from '@/components/options/OptionsPage';
import { YourReports } from '@/components/options/YourReports';
import { CorrectionsSection } from '@/components/options/CorrectionsSection';
import { readerLibraryForPage, downloadPack } from '@/lib/reader-kb/page-env';
import { announceChanges } from '@/lib/reader-kb/save';
import { sendMessage } from '@/lib/shared/messages';
import { themeController } from '@/lib/panel/theme';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/shared/settings';
import { loadSettings, saveSettings, watchSettings } from '@/lib/ui/settings-store';
import { acceptTrustedEventsOnly } from '@/lib/ui/trusted-events';

const setTheme = themeController(document, window);
// The bundled KB: the extension's own file, as the background reads it.
const library = announceChanges(readerLibraryForPage(window, async () => (await fetch(browser.runtime.getURL('/kb/kb.json'))).json()), () => void sendMessage('readerKbChanged').catch(() => undefined));
setTheme('auto');

function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => {
    void loadSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);
  useEffect(() => {
    if (settings) setTheme(settings.theme);
  }, [settings?.theme]);
  if (!settings) return null;
  const save = (update: (s: Settings) => Settings) => {
    setSettings(update(settings));
    saveSettings(update).then(
      (next) => {
        setSettings(next);
        setStatus(`Saved at ${new Date().toLocaleTimeString()}.`);
      },
      (e: unknown) => setStatus(`Not saved: ${(e as Error)?.message ?? 'storage error'}.`),
    );
  };
  return (
    <>
      <OptionsPage settings={settings} onChange={save} onReset={() => save(() => DEFAULT_SETTINGS)} status={status} />
      {/* Issue #18: the reader's own reports. */}
      <div class="op">
        <CorrectionsSection />
        <YourReports library={library} download={(pack) => downloadPack(document, pack)} />
      </div>
    </>
  );
}

// Actions only on a person's input (issue #17): script-made clicks and keys are dropped.
acceptTrustedEventsOnly(window);
render(<App />, document.getElementById('app')!);
