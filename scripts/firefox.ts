// Real-Firefox harness (tests): Debian's firefox-esr driven by puppeteer-core over
// WebDriver BiDi, with the built Firefox extension (the debug build .output/firefox-mv3-debug,
// as the Chromium tests; `npm run build:debug`)
// installed as a temporary add-on (BiDi webExtension.install). Nothing here
// downloads a browser. Fixture pages are served from loopback by serveDir
// (scripts/chromium.ts).
//
// Host permissions: Firefox MV3 treats content-script matches as host
// permissions the user grants. A temporary add-on installed this way gets them
// granted (checked with firefox-esr 153: a `<all_urls>` content script runs on
// loopback pages without any prompt or extra manifest key).
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { READABLE_PAGE_NAMES, ROOT } from './chromium';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The built add-on; BACKSTORY_FIREFOX_DIR names a copy (a snapshot while a build rewrites .output). */
export const FIREFOX_EXTENSION_DIR = process.env.BACKSTORY_FIREFOX_DIR || join(ROOT, '.output/firefox-mv3-debug');
/** The release add-on (`npm run build`): what ships, for the lint and the release checks. */
export const FIREFOX_RELEASE_DIR = join(ROOT, '.output/firefox-mv3');

export interface FirefoxWithExtension {
  browser: Browser;
  extensionId: string;
  /** `moz-extension://<uuid>`: our pages' origin (the uuid is set by a pref at launch), so tests can open options.html. */
  extensionOrigin: string;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Launch headless Firefox and install the built extension as a temporary add-on. */
export async function launchFirefoxWithExtension(
  options: { extensionDir?: string; headless?: boolean; prefs?: Record<string, string | number | boolean>; pageNames?: 'readable' | 'random' } = {},
): Promise<FirefoxWithExtension> {
  let extensionDir = options.extensionDir ?? FIREFOX_EXTENSION_DIR;
  if ((options.pageNames ?? 'readable') === 'readable' && existsSync(join(extensionDir, 'manifest.json'))) {
    // Readable names and an open root for tests that inspect marks and the card
    // (the background takes them from the package: BiDi offers no way into
    // extension storage). A copy, so the build itself stays as released.
    const copy = mkdtempSync(join(tmpdir(), 'backstory-firefox-ext-'));
    cpSync(extensionDir, copy, { recursive: true });
    writeFileSync(join(copy, 'page-names.json'), JSON.stringify(READABLE_PAGE_NAMES));
    extensionDir = copy;
  }
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built Firefox extension at ${extensionDir}: run \`npm run build\` first.`);
  }
  if (!existsSync(FIREFOX)) throw new Error(`No Firefox at ${FIREFOX} (apt-get install firefox-esr, or set FIREFOX_PATH).`);
  // Firefox gives each add-on a random internal uuid; fixing it lets a test open our own
  // pages (and through them the extension's storage and IndexedDB), which BiDi cannot reach otherwise.
  const uuid = randomUUID();
  const geckoId = (JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as { browser_specific_settings?: { gecko?: { id?: string } } }).browser_specific_settings?.gecko?.id;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: options.headless ?? true,
    protocol: 'webDriverBiDi',
    // FF_DUMPIO=1: Firefox's own output on the terminal (with the pref devtools.console.stdout.content, the add-on's console too).
    dumpio: !!process.env.FF_DUMPIO,
    enableExtensions: true,
    extraPrefsFirefox: {
      // No network chatter of Firefox's own during tests.
      'app.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'extensions.update.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      ...(geckoId ? { 'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }) } : {}),
      ...options.prefs,
    },
  });
  try {
    const extensionId = await browser.installExtension(extensionDir);
    return {
      browser,
      extensionId,
      extensionOrigin: `moz-extension://${uuid}`,
      newPage: () => browser.newPage(),
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * Size a page's viewport. Puppeteer sends the viewport and a screen-orientation
 * override together; Firefox 140 ESR (Debian's firefox-esr) knows the first and
 * not the second, so that one refusal is let through once the size is in place.
 */
export async function setViewportSize(page: Page, size: { width: number; height: number }): Promise<void> {
  try {
    await page.setViewport(size);
  } catch (error) {
    if (!String(error).includes('setScreenOrientationOverride')) throw error;
    // The two commands go together and the refusal may come first: wait for the size itself.
    for (let i = 0; i < 40; i++) {
      const inner = await page.evaluate(() => [innerWidth, innerHeight]);
      if (inner[0] === size.width && inner[1] === size.height) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw error;
  }
}
