// The page linker in real Firefox: the add-on's content script loads the
// linker chunk (/linker.js) and leaves look-alikes unmarked ("Moscow Mule",
// "The Washington Post", "Chicken Kyiv", "Toledo, Ohio"). Without the chunk,
// the matcher's own rules would mark several of them.
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from '../../scripts/firefox';
import { pageHighlightsInPage, ROOT, serveDir, waitFor, type StaticServer } from './harness';

/** The text of our marks in document order (the focus highlights left out). */
async function markTexts(page: Page): Promise<string[]> {
  return (await page.evaluate(pageHighlightsInPage)).map(([, text]) => text);
}

describe('linking in Firefox', () => {
  let firefox: FirefoxWithExtension;
  let server: StaticServer;
  let page: Page;

  beforeAll(async () => {
    [firefox, server] = await Promise.all([launchFirefoxWithExtension(), serveDir(join(ROOT, 'tests/fixtures/linking'))]);
    page = await firefox.newPage();
  }, 120_000);
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('marks only the real mention on a page of look-alikes', async () => {
    await page.goto(`${server.url}/named-after.html`, { waitUntil: 'load' });
    const seen = await waitFor(async () => ((await markTexts(page)).length ? markTexts(page) : null), { what: 'the marks in Firefox', timeout: 30_000 });
    expect(seen).toEqual(['Russia']);
  });
});
