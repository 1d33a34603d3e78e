// `npx tsx scripts/screenshots.ts [--extension DIR]`: screenshots of the side
// panel (summary and report reader), the popup and the options page, in light
// and dark (Playwright's colorScheme emulation), saved under docs/screenshots/
// for the README. Needs a built extension (`npm run build`). The side panel's
// page is opened as a tab next to the sample news page (`sidepanel.html?tab=<id>`),
// as most browser tests do: Playwright drives and shoots a tab as a page, while
// the real side panel is a target Playwright does not list as one
// (tests/browser/side-panel-real.test.ts reaches it over CDP).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pointAtInPage, settledInPage } from './in-page';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, launchWithExtension, ROOT, serveDir, waitFor } from './chromium';

declare const chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } };

const args = process.argv.slice(2);
const extIndex = args.indexOf('--extension');
// The release build (what ships), unless told otherwise.
// The debug build (renders as the release; its pinned readable names and open root let the script find the card).
const extensionDir = (extIndex >= 0 ? args[extIndex + 1] : undefined) ?? process.env.BACKSTORY_EXTENSION_DIR ?? EXTENSION_DIR;
const OUT = join(ROOT, 'docs/screenshots');
mkdirSync(OUT, { recursive: true });

const server = await serveDir();
const browser = await launchWithExtension({ extensionDir });
const base = `chrome-extension://${browser.extensionId}`;

try {
  const news = browser.context.pages()[0] ?? (await browser.context.newPage());
  await news.setViewportSize({ width: 1200, height: 800 });
  await news.goto(`${server.url}/sample-news.html`);
  await waitFor(
    () =>
      news.evaluate(() => {
        let n = 0;
        for (const [name, h] of CSS.highlights) if (name.startsWith('backstory-')) n += h.size;
        return n;
      }),
    { what: 'marks on the sample page' },
  );
  await news.bringToFront();
  const tabId = await waitFor(() => browser.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? 0), { what: 'the tab id' });

  const shoot = async (page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> => {
    // Transitions and the focus flash finished, fonts loaded: not a fixed wait.
    await page.evaluate(settledInPage);
    await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: options.fullPage ?? false });
    console.log(`docs/screenshots/${name}.png`);
  };

  // The card on a news page (issue #16): a preview over the article, light on the light page; then a
  // page that repeats a caveated claim, shown dark (the card follows the page's own background).
  const cardShot = async (url: string, name: string, dark: boolean) => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1200, height: 800 });
    await page.emulateMedia({ colorScheme: dark ? 'dark' : 'light', reducedMotion: 'reduce' });
    await page.goto(`${server.url}/${url}`);
    if (dark) await page.addStyleTag({ content: 'html,body{background:#16181d!important;color:#e8e6e3!important} a{color:#9ecbff!important}' });
    await waitFor(() => page.evaluate(() => [...CSS.highlights.keys()].some((k) => k.startsWith('backstory-'))), { what: 'marks' });
    const at = await page.evaluate(pointAtInPage, { text: url === 'sample-news.html' ? 'Shahed-136' : 'Shahed drone', scope: 'article' });
    await page.mouse.move(at.x, at.y);
    await page.locator('backstory-ui').locator('[role=dialog] [data-part=more]').waitFor({ timeout: 10_000 });
    // The card chunk's look at the page (which claims the page makes) lands after the card opens.
    if (url === 'card-repeats.html') await page.locator('backstory-ui').locator('[role=dialog] [data-part=repeats]').waitFor({ timeout: 10_000 });
    await shoot(page, name);
    await page.close();
  };
  await cardShot('sample-news.html', 'card-light', false);
  await cardShot('card-repeats.html', 'card-dark', true);

  for (const scheme of ['light', 'dark'] as const) {
    const welcome = await browser.context.newPage();
    await welcome.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await welcome.setViewportSize({ width: 900, height: 1100 });
    await welcome.goto(`${base}/welcome.html`);
    await welcome.locator('[data-testid=sample-card] [data-part=more]').waitFor({ timeout: 20_000 });
    await shoot(welcome, `welcome-${scheme}`);
    await welcome.close();
  }

  for (const scheme of ['light', 'dark'] as const) {
    const panel = await browser.context.newPage();
    await panel.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await panel.setViewportSize({ width: 400, height: 1000 });
    await panel.goto(`${base}/sidepanel.html?tab=${tabId}`);
    await panel.locator('[data-section="entities"]').waitFor({ timeout: 20_000 });
    await panel.locator('[data-section="leaves-out"] .bp-caveat').first().waitFor({ timeout: 10_000 });
    await shoot(panel, `panel-${scheme}`);

    // Further down: what the page leaves out, other reports.
    await panel.locator('[data-section="leaves-out"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await panel.evaluate(() => window.scrollBy(0, -56));
    await shoot(panel, `panel-more-${scheme}`);
    await panel.evaluate(() => window.scrollTo(0, 0));

    // The reader, opened at a caveat's quote, with a card open inline.
    const caveat = panel.locator('[data-section="caveats"] .bp-caveat').nth(1);
    await caveat.locator('.bp-evidence > summary').click();
    await caveat.locator('.bs-linkish').click();
    await panel.locator('#bp-focus').waitFor();
    const mark = panel.locator('.bp-reader .bp-mark').nth(2);
    await mark.click();
    await panel.locator('.bp-inline-card .bs-description').waitFor();
    await panel.locator('#bp-focus').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await shoot(panel, `panel-reader-${scheme}`);
    await panel.close();

    const popup = await browser.context.newPage();
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.setViewportSize({ width: 320, height: 320 });
    await popup.goto(`${base}/popup.html?tab=${tabId}`);
    await waitFor(async () => /names? from/.test((await popup.locator('[data-testid="found"]').textContent()) ?? ''), { what: 'the popup count' });
    const height = await popup.evaluate(() => document.documentElement.scrollHeight);
    await popup.setViewportSize({ width: 320, height });
    await shoot(popup, `popup-${scheme}`);
    await popup.close();

    const options = await browser.context.newPage();
    await options.emulateMedia({ colorScheme: scheme });
    await options.setViewportSize({ width: 760, height: 900 });
    await options.goto(`${base}/options.html`);
    await options.locator('.op-card').first().waitFor();
    // Show a site in the list and an error, as a reader would see them.
    await options.locator('.op-add input').fill('example.com');
    await options.locator('.op-add button[type="submit"]').click();
    await options.locator('.op-add input').fill('news.example.com');
    await options.locator('.op-add button[type="submit"]').click();
    await options.locator('.op-error').waitFor();
    await shoot(options, `options-${scheme}`, { fullPage: true });
    // Put the list back as it was.
    await options.locator('[aria-label="Remove example.com"]').click();
    await options.close();
  }
} finally {
  await browser.close();
  await server.close();
}
