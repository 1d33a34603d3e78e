// A page as an adversary (issue #17), in real Chromium with the built
// extension and its real, random per-install names. The page
// (tests/fixtures/hostile/adversary.html) patches and freezes DOM prototypes,
// forces shadow roots open, claims likely custom element names, and listens
// for messages; then the test, from the page's own world, looks for Backstory,
// forges events and commands, and resets the document's style sheets. Each
// attack must fail, and a real hover must still open the card.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, waitFor, type ExtensionBrowser } from './harness';
import { CHROME_EXTENSION_DIR, serveHostile, Watched, type HostileServers } from './hostile-harness';
import { fireSyntheticEvents } from '../support/synthetic-events';

let browser: ExtensionBrowser;
let servers: HostileServers;
let names: { highlights: Record<string, string>; host: string; openShadowRoot?: boolean };
let w: Watched;

declare const chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };

beforeAll(async () => {
  [browser, servers] = await Promise.all([launchWithExtension({ extensionDir: CHROME_EXTENSION_DIR, pageNames: 'random' }), serveHostile()]);
  names = await waitFor(() => browser.worker.evaluate(async () => (await chrome.storage.local.get('pageNames')).pageNames as typeof names | undefined), { what: 'the install’s page names' });
  w = await Watched.open(browser.context, browser.extensionId, `${servers.a}/adversary.html`);
  w.highlightNames = Object.values(names.highlights);
}, 60_000);
afterAll(async () => {
  await w?.close();
  await browser?.close();
  await servers?.close();
});

const card = () => w.debugCard();
const routerStats = () => browser.worker.evaluate(() => ({ ...(globalThis as unknown as { __backstoryRouter: { handled: number; malformed: number; refused: number } }).__backstoryRouter }));

/** Move the real pointer onto a mark and wait until its card is open (read from Backstory's debug channel: the root is closed). */
async function hover(text: string) {
  const p = await w.markPoint(text);
  if (!p) throw new Error(`no mark "${text}"`);
  await w.page.mouse.move(p.x + 40, p.y + 80);
  await w.page.mouse.move(p.x, p.y, { steps: 3 });
  return waitFor(async () => {
    const c = await card();
    return c?.text === text ? c : null;
  }, { what: `the card for ${text}`, timeout: 10_000 });
}

async function closeWithRealEscape() {
  await w.page.keyboard.press('Escape');
  await w.page.mouse.move(1, 1);
  await waitFor(async () => (await card()) === null, { what: 'the card to close' });
}

describe('a page hunting for and driving a reading extension', () => {
  it('installed its traps before Backstory started', async () => {
    const log = await w.eval('main', () => (window as unknown as { __attack: { frozen: number; bodyBefore: string | null } }).__attack);
    expect(log.frozen).toBe(6);
    expect(log.bodyBefore).toContain('Vladimir Putin');
  });

  it('the install uses random names, not a fixed word', () => {
    expect(names.openShadowRoot).toBeUndefined();
    for (const n of [...Object.values(names.highlights), names.host]) expect(n).not.toMatch(/backstory/i);
  });

  it('is marked as usual', async () => {
    expect((await w.marks()).map((m) => m.text)).toEqual(['Vladimir Putin', 'Xi Jinping', 'Moscow', 'Beijing', 'Kyiv']);
  });

  it('a real hover opens the card', async () => {
    expect(await hover('Xi Jinping')).toMatchObject({ text: 'Xi Jinping', entity: 'xi-jinping' });
  });

  it('the page finds no name, global, attribute or open shadow root of ours', async () => {
    const seen = await w.eval('main', () => {
      const log = (window as unknown as { __attack: { globalsBefore: string[]; bodyBefore: string; messages: string[] } }).__attack;
      const before = new Set(log.globalsBefore);
      const extra = [...document.documentElement.children].filter((e) => e !== document.head && e !== document.body);
      return {
        highlightNames: [...CSS.highlights.keys()].filter((k) => /backstory/i.test(k)),
        elementsNamed: [...document.querySelectorAll('*')].filter((e) => /backstory/i.test(e.localName)).length,
        openRoots: [...document.querySelectorAll('*')].filter((e) => e.shadowRoot !== null).length,
        newGlobals: Object.getOwnPropertyNames(window).filter((k) => !before.has(k)),
        bodyUnchanged: new XMLSerializer().serializeToString(document.body) === log.bodyBefore,
        // Our UI host (it holds the open card): a random tag, a closed root, no defined element.
        host: extra.map((e) => ({ shadowRoot: e.shadowRoot, defined: customElements.get(e.localName) !== undefined, named: /backstory/i.test(e.localName) })),
        listeners: log.messages.filter((m) => m.startsWith('listener for')),
      };
    });
    expect(seen).toEqual({ highlightNames: [], elementsNamed: 0, openRoots: 0, newGlobals: [], bodyUnchanged: true, host: [{ shadowRoot: null, defined: false, named: false }], listeners: [] });
    const log = await w.eval('main', () => (window as unknown as { __attack: { attachShadow: number; upgraded: number; customEvents: number } }).__attack);
    // The page's patched attachShadow, CustomEvent and its custom elements never saw us.
    expect(log).toMatchObject({ attachShadow: 0, upgraded: 0, customEvents: 0 });
  });

  it('synthetic events from the page drive nothing: the card stays open, no keyboard navigation starts', async () => {
    expect(await card()).not.toBeNull();
    const current = names.highlights.current!;
    const fired = await w.eval('main', fireSyntheticEvents);
    expect(fired).toBe(true);
    // Our listeners run synchronously inside dispatchEvent: had they obeyed, the card would be closed by now.
    expect(await card()).toMatchObject({ text: 'Xi Jinping' });
    expect(await w.eval('probe', (name) => CSS.highlights.get(name)?.size ?? 0, current)).toBe(0);
    await closeWithRealEscape();
  });

  it('forged commands (window messages, custom events) are not a control channel: Backstory keeps working', async () => {
    await w.eval('main', () => {
      const CE = (window as unknown as { __OriginalCustomEvent: typeof CustomEvent }).__OriginalCustomEvent;
      for (const type of ['backstory:disable', 'backstory:off', 'backstory', 'wxt:content-script-started'])
        for (const target of [window, document, document.body]) target.dispatchEvent(new CE(type, { bubbles: true, detail: { enabled: false, off: true } }));
      for (const data of [{ type: 'backstory', enabled: false }, { type: 'wxt:content-script-started', contentScriptName: 'content' }, 'backstory:disable']) window.postMessage(data, '*');
    });
    // The posted messages reached the page's own listener (so they were delivered) ...
    await waitFor(() => w.eval('main', () => (window as unknown as { __attack: { messages: string[] } }).__attack.messages.length >= 3), { what: 'the page’s own messages' });
    // ... and Backstory still marks and opens cards.
    expect(await w.eval('backstory', () => (globalThis as unknown as { __backstory: { active(): boolean } }).__backstory.active())).toBe(true);
    expect(await hover('Vladimir Putin')).toMatchObject({ entity: 'vladimir-putin' });
    await closeWithRealEscape();
  });

  it('a page resetting document.adoptedStyleSheets does not unstyle the marks for long: the sheet is put back', async () => {
    const ours = Object.values(names.highlights);
    const hasOurSheet = () =>
      w.eval(
        'probe',
        (ours) => document.adoptedStyleSheets.some((s) => [...s.cssRules].some((r) => ours.some((n) => r.cssText.includes(`::highlight(${n})`)))),
        ours,
      );
    expect(await hasOurSheet()).toBe(true);
    await w.eval('main', () => {
      document.adoptedStyleSheets = [];
    });
    expect(await hasOurSheet()).toBe(false);
    // The next real pointer move over the page puts it back.
    await hover('Moscow');
    expect(await hasOurSheet()).toBe(true);
    await closeWithRealEscape();
  });

  it('the background answers nothing that is malformed or from the wrong sender, and counts it', async () => {
    const before = await routerStats();
    const replies = await w.eval('backstory', async () => {
      const rt = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime;
      const ask = (m: unknown) => rt.sendMessage(m).then((r) => r ?? 'no answer', () => 'no answer');
      return [
        // Panel-only, from a content script.
        await ask({ id: 1, type: 'getPanelData', data: { entities: ['vladimir-putin'] }, timestamp: 1 }),
        await ask({ id: 2, type: 'listSeenReports', timestamp: 1 }),
        // Malformed.
        await ask({ id: 3, type: 'getCards', data: { ids: 'vladimir-putin' }, timestamp: 1 }),
        await ask({ id: 4, type: 'getCards', data: { ids: ['x'], extra: '<img src=x onerror=alert(1)>' }, timestamp: 1 }),
        await ask({ type: 'getMatcher' }),
        await ask('getMatcher'),
      ];
    });
    expect(replies).toEqual(Array(6).fill('no answer'));
    const after = await routerStats();
    expect(after.refused - before.refused).toBe(2);
    expect(after.malformed - before.malformed).toBe(4);
  });
});
