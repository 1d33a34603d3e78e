// Reaching the Backstory content script's isolated world over CDP (the page
// cannot see it): the debug channel `__backstory` lives there (lib/page/README.md).
import type { Page } from 'playwright-core';
import { waitFor } from './browser';

/** Evaluate `expression` in the Backstory content script's isolated world of the page's top frame. */
export async function inContentWorld<T>(page: Page, expression: string): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: { id: number; name: string; auxData?: { frameId?: string; type?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context as (typeof contexts)[number]));
    await cdp.send('Runtime.enable');
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const ctx = contexts.find((c) => c.name === 'Backstory' && c.auxData?.type === 'isolated' && c.auxData.frameId === frameTree.frame.id);
    if (!ctx) throw new Error(`no Backstory content script world (worlds: ${contexts.map((c) => c.name || 'main').join(', ')})`);
    const r = await cdp.send('Runtime.evaluate', { expression, contextId: ctx.id, awaitPromise: true, returnByValue: true });
    if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
    return r.result.value as T;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Wait until the content script is running and has finished reading the page. */
export async function ready(page: Page): Promise<void> {
  await waitFor(() => inContentWorld<boolean>(page, 'typeof __backstory === "object"').catch(() => false), { what: 'the content script' });
  await inContentWorld(page, '__backstory.idle()');
}
