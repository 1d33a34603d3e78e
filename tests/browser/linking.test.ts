// The page linker in real Chromium: the content script loads the linker chunk
// (/linker.js) and marks exactly what `npm run kb -- spot` links on the
// linking fixtures (same code path), so look-alikes stay unmarked in the
// browser too: "Moscow Mule", "Hunter Biden", "Moscow, Idaho", "Louis XI".
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, ROOT, serveDir, setStoredSettings, type ExtensionBrowser, type StaticServer } from './harness';
import { inContentWorld, ready } from './content-world';
import { linkHtml, pageMatcher } from '../../scripts/kb-spot';
import { buildKbFromDisk } from '../../scripts/read-data';
import { EVERY_MENTION } from '../support/fixtures';

const DIR = join(ROOT, 'tests/fixtures/linking');

interface Mark {
  text: string;
  entity: string | null;
}

async function marksOf(page: Page): Promise<Mark[]> {
  await ready(page);
  return (await inContentWorld<Mark[]>(page, '__backstory.marks()')).map(({ text, entity }) => ({ text, entity }));
}

describe('linking in the browser', () => {
  let browser: ExtensionBrowser;
  let server: StaticServer;
  let page: Page;
  const matcher = pageMatcher(buildKbFromDisk());

  beforeAll(async () => {
    server = await serveDir(DIR);
    browser = await launchWithExtension();
    // Every link is marked (the default marks the first in the article body): the marks are compared with the CLI's links.
    await setStoredSettings(browser, EVERY_MENTION);
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const name of ['named-after', 'relatives', 'namesake-town', 'kings-and-games', 'dateline', 'transcript']) {
    it(`${name}: the marks are the linker's links, as the CLI finds them`, async () => {
      await page.goto(`${server.url}/${name}.html`);
      const cli = await linkHtml(matcher, readFileSync(join(DIR, `${name}.html`), 'utf8'));
      expect(await marksOf(page)).toEqual(cli.links.map((l) => ({ text: l.surface, entity: l.entity })));
    });
  }

  it('on a page of look-alikes only the real mention is marked', async () => {
    await page.goto(`${server.url}/named-after.html`);
    expect(await marksOf(page)).toEqual([{ text: 'Russia', entity: 'russia' }]);
  });
});
