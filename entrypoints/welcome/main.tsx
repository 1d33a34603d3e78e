// The first-run page (issue #16), opened once on install: wiring only. The
// card shown is a real one from the KB (asked of the background), rendered by
// the same component the page cards use.
import '@/assets/ui.css';
import '@/components/popup/legend.css';
import '@/components/welcome/welcome.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Welcome, WELCOME_ENTITY } from '@/components/welcome/Welcome';
import type { EntityCard } from '@/lib/kb/card';
import { sendMessage } from '@/lib/shared/messages';
import { themeController } from '@/lib/panel/theme';
import { loadSettings } from '@/lib/ui/settings-store';
import { acceptTrustedEventsOnly } from '@/lib/ui/trusted-events';

const setTheme = themeController(document, window);
setTheme('auto');
void loadSettings().then((s) => setTheme(s.theme));

function App() {
  const [card, setCard] = useState<EntityCard | null | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    // Right after install the KB may still be loading: ask a few times.
    void (async () => {
      for (const wait of [0, 500, 1500, 4000]) {
        if (wait) await new Promise((r) => setTimeout(r, wait));
        const c = await sendMessage('getCard', { id: WELCOME_ENTITY }).catch(() => null);
        if (!alive) return;
        if (c) return setCard(c);
      }
      if (alive) setCard(null);
    })();
    return () => {
      alive = false;
    };
  }, []);
  return <Welcome card={card} dark={document.documentElement.dataset.theme === 'dark'} onOptions={() => void browser.runtime.openOptionsPage()} />;
}

// Actions only on a person's input (issue #17): script-made clicks and keys are dropped.
acceptTrustedEventsOnly(window);
render(<App />, document.getElementById('app')!);
