import { createKbService } from '@/lib/background/kb-service';
import { openBackstoryDb } from '@/lib/db/open';
import { onMessage } from '@/lib/messages';

// Wiring only: the KB service owns IndexedDB; messages are answered from it.
export default defineBackground(() => {
  const kb = createKbService({
    openDb: () => openBackstoryDb(),
    // The KB ships inside the package: this reads the extension's own file.
    fetchBundle: async () => (await fetch(browser.runtime.getURL('/kb/kb.json'))).json(),
  });

  browser.runtime.onInstalled.addListener(({ reason }) => {
    void kb.refresh(reason === 'install' ? 'install' : 'update');
  });

  onMessage('getMatcher', () => kb.matcher());
  onMessage('getCard', ({ data }) => kb.card(data.id));
  onMessage('getCards', ({ data }) => Promise.all(data.ids.map((id) => kb.card(id))));
  onMessage('findByName', ({ data }) => kb.findByName(data.name));
  onMessage('getReport', ({ data }) => kb.report(data.id));
  onMessage('kbStatus', () => kb.status());
});
