// Chrome's own side panel, not its page opened in a tab (panel-flows.test.ts
// does that for the panel's many flows). The popup's "Open side panel" button,
// clicked for real (a user gesture, which chrome.sidePanel.open needs), opens
// the panel; the panel follows the active tab and its navigations; choosing a
// name in it scrolls the news page to the mention and opens its card.
//
// Headless Chromium runs the side panel as a target of its own that Playwright
// does not list among the context's pages, so the test reaches the panel's
// document over CDP: Target.attachToTarget, then Runtime.evaluate sent through
// Target.sendMessageToTarget.
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeMention, launchWithExtension, markCount, PAGES_DIR, serveDir, setStoredSettings, waitFor, type ExtensionBrowser, type StaticServer } from './harness';

declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number }[]> };
  runtime: { getContexts(filter: object): Promise<{ contextType: string; documentUrl?: string }[]> };
};

interface CdpReply {
  id?: number;
  result?: { result?: { value?: unknown }; exceptionDetails?: { text?: string; exception?: { description?: string } } };
  error?: { message: string };
}

/** Evaluate expressions in another target (the side panel) through a page's CDP session. */
type PanelSession = ((expression: string) => Promise<unknown>) & { click(selector: string): Promise<void> };

async function attach(cdp: CDPSession, targetId: string): Promise<PanelSession> {
  const send = cdp.send.bind(cdp) as (method: string, params: object) => Promise<Record<string, unknown>>;
  const { sessionId } = (await send('Target.attachToTarget', { targetId, flatten: false })) as { sessionId: string };
  const pending = new Map<number, (reply: CdpReply) => void>();
  (cdp as unknown as { on(event: string, f: (e: { sessionId: string; message: string }) => void): void }).on('Target.receivedMessageFromTarget', (e) => {
    if (e.sessionId !== sessionId) return;
    const reply = JSON.parse(e.message) as CdpReply;
    if (reply.id !== undefined) pending.get(reply.id)?.(reply);
  });
  let seq = 0;
  const call = async (method: string, params: object): Promise<CdpReply> => {
    const id = ++seq;
    const reply = await new Promise<CdpReply>((resolve) => {
      pending.set(id, resolve);
      void send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    });
    pending.delete(id);
    if (reply.error) throw new Error(`side panel: ${reply.error.message}`);
    return reply;
  };
  const evaluate = async (expression: string): Promise<unknown> => {
    const reply = await call('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
    const failed = reply.result?.exceptionDetails;
    if (failed) throw new Error(`side panel: ${failed.exception?.description ?? failed.text}`);
    return reply.result?.result?.value;
  };
  // A person's click (trusted input from the browser): the panel ignores script-made ones.
  const click = async (selector: string): Promise<void> => {
    const at = (await evaluate(
      `(() => { const e = document.querySelector(${JSON.stringify(selector)}); e.scrollIntoView({ block: 'center' }); const r = e.getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; })()`,
    )) as { x: number; y: number };
    await call('Input.dispatchMouseEvent', { type: 'mouseMoved', x: at.x, y: at.y });
    await call('Input.dispatchMouseEvent', { type: 'mousePressed', x: at.x, y: at.y, button: 'left', clickCount: 1 });
    await call('Input.dispatchMouseEvent', { type: 'mouseReleased', x: at.x, y: at.y, button: 'left', clickCount: 1 });
  };
  return Object.assign(evaluate, { click });
}

/** The entity ids the panel lists (its "on this page" list). */
const LISTED = `[...document.querySelectorAll('[data-entity]')].map((e) => e.getAttribute('data-entity'))`;

describe("Chrome's side panel (the real one)", () => {
  let browser: ExtensionBrowser;
  let server: StaticServer;
  let news: Page;
  let cdp: CDPSession;
  let inPanel: PanelSession;

  beforeAll(async () => {
    server = await serveDir(PAGES_DIR);
    browser = await launchWithExtension({ extensionDir: process.env.BACKSTORY_EXTENSION_DIR || undefined });
    // Written for every mention marked (the default is the first in the article body: card-preview.test.ts).
    await setStoredSettings(browser, { markMode: 'every' });
    news = browser.context.pages()[0] ?? (await browser.context.newPage());
    await news.setViewportSize({ width: 1100, height: 420 });
    await news.goto(`${server.url}/sample-news.html`);
    await waitFor(() => markCount(news), { what: 'marks on the news page' });
    cdp = await browser.context.newCDPSession(news);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens from the popup with a real click, as a side panel, and summarises the active tab', async () => {
    await news.bringToFront();
    const tabId = await waitFor(() => browser.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? 0), { what: 'the news tab id' });
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    await popup.click('[data-testid="open-panel"]');
    await news.bringToFront();
    // The panel's own page, without the tab override that the in-tab tests use.
    const panelUrl = `chrome-extension://${browser.extensionId}/sidepanel.html`;
    const target = await waitFor(
      async () => ((await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; url: string }[] }).targetInfos.find((t) => t.url === panelUrl),
      { what: 'the side panel target' },
    );
    // The target can exist before its document commits (documentUrl is '' until then): wait for the commit.
    const contexts = await waitFor(async () => {
      const found = await browser.worker.evaluate(() => chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] }));
      return found.length > 0 && found.every((c) => c.documentUrl !== '') ? found : null;
    }, { what: 'the side panel document to commit' });
    expect(contexts.map((c) => c.documentUrl)).toEqual([panelUrl]);
    inPanel = await attach(cdp, target.targetId);
    await waitFor(async () => ((await inPanel(LISTED)) as string[]).includes('vladimir-putin'), { what: 'the panel listing the news page names' });
    const text = (await inPanel('document.body.innerText')) as string;
    expect(text).toContain('Xi and Putin meet as questions grow over Chinese drones');
    expect((await inPanel(LISTED)) as string[]).toEqual(expect.arrayContaining(['xi-jinping', 'jens-stoltenberg', 'mugin-5']));
    await popup.close();
  });

  it('choosing a name in it scrolls the news page to the mention and opens its card', async () => {
    await news.evaluate(() => window.scrollTo(0, 0));
    const before = await news.evaluate(() => window.scrollY);
    await inPanel.click('[data-entity="jens-stoltenberg"]');
    expect(await waitFor(() => activeMention(news), { what: 'the card for Stoltenberg on the news page' })).toBe('Jens Stoltenberg');
    expect(await news.evaluate(() => window.scrollY)).toBeGreaterThan(before);
    await news.keyboard.press('Escape');
    await waitFor(async () => (await activeMention(news)) === null, { what: 'the card to close' });
  });

  it('follows the tab to another page, and back', async () => {
    await news.goto(`${server.url}/reading-lookalikes.html`);
    // The look-alike page names one place of the KB and nothing else.
    await waitFor(async () => {
      const listed = (await inPanel(LISTED)) as string[];
      return listed.length === 1 && listed[0] === 'xi-an';
    }, { what: 'the panel to follow the tab to the look-alike page' });
    expect((await inPanel('document.body.innerText')) as string).toContain('Harbour Town Gazette');
    await news.goBack();
    await waitFor(async () => ((await inPanel(LISTED)) as string[]).includes('vladimir-putin'), { what: 'the panel back on the news page' });
  });
});
