// The side panel page (Chrome side panel, Firefox sidebar): wiring only.
import '@/assets/ui.css';
import '@/components/panel/panel.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { CARD_CSS } from '@/components/card/styles';
import { PanelSearch } from '@/components/panel/PanelSearch';
import { SidePanel } from '@/components/panel/SidePanel';
import { searchIndexLoader } from '@/lib/reader-kb/search-env';
import { createPanelController } from '@/lib/panel/controller';
import { themeController } from '@/lib/panel/theme';
import { browserPanelEnv } from './browser-env';
import { acceptTrustedEventsOnly } from '@/lib/ui/trusted-events';

const cardStyle = document.createElement('style');
cardStyle.textContent = CARD_CSS;
document.head.prepend(cardStyle);

const controller = createPanelController(browserPanelEnv());
// Issue #18: search, built in this page on first use (the package's KB and the reader's own database).
const loadSearch = searchIndexLoader(async () => (await fetch(browser.runtime.getURL('/kb/kb.json'))).json());
const setTheme = themeController(document, window);
const motion = window.matchMedia('(prefers-reduced-motion: reduce)');

const actions = {
  reveal: (entity: string) => void controller.reveal(entity),
  openReport: (r: { id: string; quoteStart?: number; quoteEnd?: number }) => void controller.openReport(r),
  closeReport: () => controller.closeReport(),
  showCard: (entity: string | null) => void controller.showCard(entity),
  turnOn: () => void controller.turnOn(),
  openOptions: () => void browser.runtime.openOptionsPage(),
};

function App() {
  const [state, setState] = useState(controller.get());
  const [reduced, setReduced] = useState(motion.matches);
  useEffect(() => controller.subscribe(setState), []);
  useEffect(() => {
    const l = () => setReduced(motion.matches);
    motion.addEventListener('change', l);
    return () => motion.removeEventListener('change', l);
  }, []);
  useEffect(() => {
    setTheme(state.settings.theme);
  }, [state.settings.theme]);
  return <SidePanel state={state} actions={actions} reducedMotion={reduced} search={<PanelSearch load={loadSearch} onOpen={(target) => void controller.openReport(target)} />} />;
}

setTheme('auto');
// Actions only on a person's input (issue #17): script-made clicks and keys are dropped.
acceptTrustedEventsOnly(window);
render(<App />, document.getElementById('app')!);
void controller.start();
addEventListener('keydown', (e) => {
  // Esc in the reader goes back to the summary (a card inside handles Esc first).
  if (e.key === 'Escape' && controller.get().reader && !e.defaultPrevented) controller.closeReport();
});
