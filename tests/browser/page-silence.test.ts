// The page hears nothing from Backstory (issue #17 point 1, #19): WXT 0.21's
// ContentScriptContext posts a window message carrying the extension id and
// dispatches a CustomEvent named after it on `document` when a content script
// starts, and stops the script when the page dispatches that event itself.
// Our content script replaces it with its own lifecycle (lib/page/lifecycle.ts).
// In real Chromium with the RELEASE build: a page script that listens from
// document start records every message it receives; after Backstory has
// marked the page it has recorded nothing, and events the page forges (WXT's
// old stop signal, a synthetic pagehide) do not stop Backstory: a hover still
// opens a card.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeMention, launchWithExtension, markCount, RELEASE_EXTENSION_DIR, serveDir, visiblePersonMark, waitFor, type ExtensionBrowser, type StaticServer } from './harness';

describe('the page hears nothing from Backstory', () => {
  let browser: ExtensionBrowser;
  let server: StaticServer;
  let page: Page;

  beforeAll(async () => {
    server = await serveDir();
    browser = await launchWithExtension({ extensionDir: RELEASE_EXTENSION_DIR });
    page = await browser.context.newPage();
    // The page's listener, installed before any content script runs.
    await page.addInitScript((id: string) => {
      const heard: string[] = [];
      (window as unknown as { __heard: string[] }).__heard = heard;
      const describe = (data: unknown) => {
        try {
          return JSON.stringify(data);
        } catch {
          return String(data);
        }
      };
      window.addEventListener('message', (e) => heard.push(`message from ${e.origin || '?'}: ${describe(e.data)}`), true);
      // WXT's announcement on document, under the name it would have (extension id + entrypoint).
      document.addEventListener(`${id}:content:wxt:content-script-started`, (e) => heard.push(`event ${e.type}`), true);
    }, browser.extensionId);
    await page.setViewportSize({ width: 1200, height: 800 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const heard = () => page.evaluate(() => (window as unknown as { __heard: string[] }).__heard);

  it('marks the page and posts nothing to it', async () => {
    await page.goto(`${server.url}/sample-news.html`);
    await waitFor(() => markCount(page), { what: 'marks on the page', timeout: 20_000 });
    // A message posted now is delivered after any message posted before it: when the page
    // has received its own, it has received everything Backstory could have posted so far.
    await page.evaluate(() => window.postMessage('page: end of start-up', '*'));
    await waitFor(async () => (await heard()).some((h) => h.includes('page: end of start-up')), { what: 'the page’s own message' });
    expect((await heard()).filter((h) => !h.includes('page: end of start-up'))).toEqual([]);
  });

  it('does not stop when the page forges WXT’s stop signal or a pagehide: a hover still opens a card', async () => {
    await page.evaluate((id: string) => {
      const type = `${id}:content:wxt:content-script-started`;
      document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'content', messageId: 'forged' } }));
      window.postMessage({ type, contentScriptName: 'content', messageId: 'forged' }, '*');
      window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
    }, browser.extensionId);
    const mark = await waitFor(() => page.evaluate(visiblePersonMark), { what: 'a person mark in view' });
    await page.mouse.move(mark.x, mark.y);
    await waitFor(() => activeMention(page), { what: 'the card for the hovered name', timeout: 5000 });
    expect(await activeMention(page)).toBe(mark.text);
    expect(await markCount(page)).toBeGreaterThan(0);
  });
});
