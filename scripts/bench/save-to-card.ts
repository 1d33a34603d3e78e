// `save_to_card_ms` (issue #18): from the reader's Save in the save form to the
// new name marked on the page it was saved from, with the built debug
// extension in headless Chromium. A name is painted only after its card data
// has arrived (the content script fetches every marked name's card before it
// paints: lib/page/core/app.ts loadTypes), so "marked" is "its card is ready to
// open". Start: the form's submit event (the trusted click), read in the save
// page; end: the content script's first frame that has the mark, read in its
// own world. Both are Date.now() on one machine.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, ROOT, serveDir, waitFor } from '../chromium';
import { median } from './util';

const NAME = 'Maarja Tammeleht';

async function contentWorld(page: Page): Promise<(expression: string) => Promise<unknown>> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; name: string; auxData?: { frameId?: string; type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context as (typeof contexts)[number]));
  await cdp.send('Runtime.enable');
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const ctx = await waitFor(async () => contexts.find((c) => c.name === 'Backstory' && c.auxData?.type === 'isolated' && c.auxData.frameId === frameTree.frame.id), { what: 'the content script world' });
  return async (expression) => {
    const r = await cdp.send('Runtime.evaluate', { expression, contextId: ctx.id, awaitPromise: true, returnByValue: true });
    if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
    return r.result.value;
  };
}

export interface SaveToCardResult {
  runs: number[];
  medianMs: number;
}

/** `runs` saves of the fixture article, each in a fresh browser profile (so the name is new each time). */
export async function saveToCardSection(log: (s: string) => void, runs = 3): Promise<SaveToCardResult> {
  const server = await serveDir(join(ROOT, 'tests/fixtures/save'));
  const times: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const ext = await launchWithExtension();
      try {
        const article = await ext.context.newPage();
        await article.goto(`${server.url}/lighthouse.html`);
        const inWorld = await contentWorld(article);
        await waitFor(() => inWorld('typeof __backstory === "object" && __backstory.active()'), { what: 'the content script' });
        await inWorld('__backstory.idle()');
        if ((await inWorld(`__backstory.marks().some((m) => m.text === ${JSON.stringify(NAME)})`)) as boolean) throw new Error('the name is marked before the save');
        await article.bringToFront();
        const tabId = await ext.worker.evaluate(async () => (await (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } }).chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? 0);
        const save = await ext.context.newPage();
        await save.goto(`chrome-extension://${ext.extensionId}/popup.html?tab=${tabId}&save=1`);
        const form = save.getByRole('form', { name: 'Save this page' });
        await form.waitFor({ timeout: 30_000 });
        await save.evaluate(() => document.addEventListener('submit', () => ((window as unknown as { __submitAt: number }).__submitAt = Date.now()), { capture: true }));
        // The end is watched in the content script's world, once per frame, from before the click.
        const marked = inWorld(`new Promise((resolve) => { const has = () => __backstory.marks().some((m) => m.text === ${JSON.stringify(NAME)}); const tick = () => (has() ? resolve(Date.now()) : requestAnimationFrame(tick)); tick(); })`);
        await form.getByRole('button', { name: 'Save' }).click();
        const end = (await marked) as number;
        const start = await save.evaluate(() => (window as unknown as { __submitAt: number }).__submitAt);
        times.push(end - start);
        log(`save → card ready, run ${i + 1}: ${end - start} ms`);
      } finally {
        await ext.close();
      }
    }
  } finally {
    await server.close();
  }
  return { runs: times, medianMs: median(times) };
}
