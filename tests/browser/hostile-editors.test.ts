// Editors: an input, a textarea, contenteditable regions, and a rich-text
// editor whose own script rewrites its content as the reader types. What the
// reader types is never marked, never read by Backstory, never intercepted;
// the page's own editor keeps working; and Backstory reads nothing of what is
// typed (its reads while typing are counted; typing speed is the benchmark's).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor, type ExtensionBrowser } from './harness';
import { useHostileBrowser } from '../support/fixtures';
import { expectPageScriptsWork, Watched, type HostileServers } from './hostile-harness';

let browser: ExtensionBrowser;
let servers: HostileServers;
// Written for every mention marked (the default is the first in the article body: card-preview.test.ts).
useHostileBrowser((b, s) => ([browser, servers] = [b, s]), { markMode: 'every' });

const EDITORS = ['field', 'ta', 'ce', 'plain-ce', 'rich'] as const;
/** Names, punctuation, and "@Pu" at the end (the rich editor completes it to "@Putin"). */
const TYPED = ' Vladimir Putin met Xi Jinping in Kyiv; NATO. @Pu';

/** Type TYPED at the end of every editor, plus Backstory's own shortcut; return what each editor holds. */
async function typeEverywhere(w: Watched): Promise<Record<string, string>> {
  for (const id of EDITORS) {
    await w.eval(
      'probe',
      (id) => {
        const el = document.getElementById(id) as HTMLElement;
        el.focus();
        if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
          el.setSelectionRange(el.value.length, el.value.length);
        } else {
          const sel = getSelection()!;
          sel.selectAllChildren(el);
          sel.collapseToEnd();
        }
      },
      id,
    );
    await w.page.keyboard.type(TYPED);
    // Backstory's "next mark" shortcut, typed inside an editor: must be left alone.
    await w.page.keyboard.press('Alt+Shift+KeyN');
  }
  await w.frames(5);
  return w.eval('probe', () => {
    const out: Record<string, string> = {};
    for (const id of ['field', 'ta', 'ce', 'plain-ce', 'rich', 'preview']) {
      const el = document.getElementById(id)!;
      out[id] = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el.value : el.textContent!;
    }
    return out;
  });
}

async function setEnabled(enabled: boolean) {
  await browser.worker.evaluate(async (enabled) => {
    const chromeApi = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } } } }).chrome;
    const { settings } = await chromeApi.storage.local.get('settings');
    await chromeApi.storage.local.set({ settings: { ...(settings as object), enabled } });
  }, enabled);
}

describe('editors, with Backstory on and off', () => {
  let on: Record<string, string>;
  let off: Record<string, string>;
  let w: Watched;
  let readsWhileTyping: { blocks: number; chars: number };
  let keylog: { keys: number; prevented: number };

  beforeAll(async () => {
    // Off first (a page opened while the global switch is off), then on.
    await setEnabled(false);
    const o = await Watched.open(browser.context, browser.extensionId, `${servers.a}/editors.html`, { waitForBackstory: false });
    await waitFor(() => o.eval('backstory', () => typeof (globalThis as { __backstory?: { active(): boolean } }).__backstory === 'object'), { what: 'the content script' });
    expect(await o.eval('backstory', () => (globalThis as unknown as { __backstory: { active(): boolean } }).__backstory.active())).toBe(false);
    off = await typeEverywhere(o);
    expect(o.errors).toEqual([]);
    await o.close();
    await setEnabled(true);

    w = await Watched.open(browser.context, browser.extensionId, `${servers.a}/editors.html`);
    const before = (await w.debugStats())!;
    on = await typeEverywhere(w);
    await w.idle();
    const after = (await w.debugStats())!;
    readsWhileTyping = { blocks: after.blocksRead! - before.blocksRead!, chars: after.charsRead! - before.charsRead! };
    keylog = await w.eval('main', () => (window as unknown as { __keylog: { keys: number; prevented: number } }).__keylog);
  }, 120_000);
  afterAll(async () => {
    await w?.close();
    await setEnabled(true);
  });

  it('types exactly the same text with Backstory on as off, in every editor', () => {
    expect(on).toEqual(off);
    expect(on.field).toBe(`Beijing${TYPED}`);
    expect(on.ta).toBe(`Kyiv and Moscow in a textarea.${TYPED}`);
    expect(on.ce).toBe(`Editable: Vladimir Putin${TYPED}`);
    // The rich editor's own script completed "@Pu" to "@Putin" and mirrored it to the preview.
    expect(on.rich).toBe(`Rich editor: Kyiv${TYPED}tin`);
    expect(on.preview).toBe(on.rich);
  });

  it('lets every key through to the page, unhandled (the shortcut too, inside an editor)', () => {
    expect(keylog.prevented).toBe(0);
    expect(keylog.keys).toBeGreaterThanOrEqual(EDITORS.length * (TYPED.length + 1));
  });

  it('never marks editable text, and marks the read-only preview the editor writes', async () => {
    const marks = await w.marks();
    expect(marks.filter((m) => EDITORS.includes(m.where as (typeof EDITORS)[number]))).toEqual([]);
    expect(marks.filter((m) => m.where === 'article').map((m) => m.text)).toEqual(['Vladimir Putin', 'Xi Jinping', 'Moscow']);
    expect(marks.filter((m) => m.where === 'preview').map((m) => m.text)).toEqual(['Kyiv', 'Vladimir Putin', 'Xi Jinping', 'Kyiv', 'NATO', 'Putin']);
    // The shortcut typed in an editor did not start keyboard navigation.
    expect(await w.eval('probe', () => CSS.highlights.get('backstory-current')?.size ?? 0)).toBe(0);
  });

  it('reads nothing of what is typed: only the preview block, once per change', async () => {
    const inputs = await w.eval('main', () => (window as unknown as { __editor: { inputs: number } }).__editor.inputs);
    expect(readsWhileTyping.blocks).toBeLessThanOrEqual(inputs);
    // Every character read while typing is preview text (at most the preview's final length per read).
    expect(readsWhileTyping.chars).toBeLessThanOrEqual(inputs * on.preview!.length);
  });

  it('keeps the page healthy', async () => {
    const scripts = await expectPageScriptsWork(w, 'article');
    expect(scripts.after).toBeGreaterThan(scripts.before);
    expect(scripts.clicked).toBe(true);
    expect((await w.layoutShifts()).shifts).toEqual([]);
    expect(w.errors).toEqual([]);
  });
});
