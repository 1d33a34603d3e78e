// The page hears nothing from Backstory (issue #17 point 1, #19): WXT 0.21's
// ContentScriptContext posts a window message carrying the extension id and
// dispatches a CustomEvent named after it on `document` when a content script
// starts, and stops the script when the page dispatches that event itself.
// Our content script replaces it with its own lifecycle (lib/page/core/lifecycle.ts).
// In real Chromium with the RELEASE build: a page script that listens from
// document start records every message it receives; after Backstory has
// marked the page it has recorded nothing, and events the page forges (WXT's
// old stop signal, a synthetic pagehide) do not stop Backstory: a hover still
// opens a card. The same in Firefox (its release build) for what the page hears.
import type { Page } from 'playwright-core';
import type { Page as FirefoxPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from '../../scripts/firefox';
import { activeMention, launchWithExtension, markCount, RELEASE_EXTENSION_DIR, serveDir, markInViewInPage, PERSON_MARK, waitFor, type ExtensionBrowser, type StaticServer } from '../support/browser';

/** In the page, from document start: record every window message and WXT's announcement event (named after the extension id). */
function listenFromStart(id: string): void {
  const heard: string[] = [];
  (window as unknown as { __heard: string[] }).__heard = heard;
  const show = (data: unknown) => {
    try {
      return JSON.stringify(data);
    } catch {
      return String(data);
    }
  };
  window.addEventListener('message', (e) => heard.push(`message from ${e.origin || '?'}: ${show(e.data)}`), true);
  document.addEventListener(`${id}:content:wxt:content-script-started`, (e) => heard.push(`event ${e.type}`), true);
}

describe('the page hears nothing from Backstory', () => {
  let browser: ExtensionBrowser;
  let server: StaticServer;
  let page: Page;

  beforeAll(async () => {
    server = await serveDir();
    browser = await launchWithExtension({ extensionDir: RELEASE_EXTENSION_DIR });
    page = await browser.context.newPage();
    // The page's listener, installed before any content script runs.
    await page.addInitScript(listenFromStart, browser.extensionId);
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
    const mark = await waitFor(() => page.evaluate(markInViewInPage, PERSON_MARK), { what: 'a person mark in view' });
    await page.mouse.move(mark.x, mark.y);
    await waitFor(() => activeMention(page), { what: 'the card for the hovered name', timeout: 15_000 });
    expect(await activeMention(page)).toBe(mark.text);
    expect(await markCount(page)).toBeGreaterThan(0);
  });
});

describe('the page hears nothing from Backstory (Firefox)', () => {
  let firefox: FirefoxWithExtension;
  let server: StaticServer;
  let page: FirefoxPage;

  beforeAll(async () => {
    server = await serveDir();
    firefox = await launchFirefoxWithExtension();
    page = await firefox.newPage();
    await page.evaluateOnNewDocument(listenFromStart, firefox.extensionId);
  }, 120_000);
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('marks the page and posts nothing to it', async () => {
    await page.goto(`${server.url}/sample-news.html`);
    await waitFor(() => page.evaluate(markInViewInPage, PERSON_MARK), { what: 'a mark in view', timeout: 20_000 });
    await page.evaluate(() => window.postMessage('page: end of start-up', '*'));
    const heard = () => page.evaluate(() => (window as unknown as { __heard: string[] }).__heard);
    await waitFor(async () => (await heard()).some((h) => h.includes('page: end of start-up')), { what: 'the page’s own message' });
    expect((await heard()).filter((h) => !h.includes('page: end of start-up'))).toEqual([]);
  });
});
