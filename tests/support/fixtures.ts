// Fixtures for real-browser tests, in the manner of WXT's Playwright example
// (a browser launched with the built extension, a page to drive), as vitest
// hooks: call one at the top of a `describe` (or a file) and use what it
// returns inside the tests.
//
//   describe('my feature', () => {
//     const ext = useExtension();
//     it('marks the sample page', async () => {
//       const reader = new ReaderPage(ext.page);
//       await reader.goto(`${ext.server.url}/sample-news.html`);
//       expect(await reader.marks()).not.toEqual([]);
//     });
//   });
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { CHROME_EXTENSION_DIR, serveHostile, type HostileServers } from '../browser/hostile-harness';
import { launchWithExtension, serveDir, setStoredSettings, type ExtensionBrowser, type StaticServer } from './browser';

/** For tests written for every mention marked (the default marks the first in the article body). */
export const EVERY_MENTION: Record<string, unknown> = { markMode: 'every' };

export interface ExtensionFixture {
  /** Chromium with the built extension (the debug build: tests read the debug channel). */
  readonly browser: ExtensionBrowser;
  /** tests/fixtures/pages on loopback. */
  readonly server: StaticServer;
  /** One page (1200 × 800 unless asked otherwise), reused by the tests of the block. */
  readonly page: Page;
  /** Uncaught errors of that page's scripts (ours included). */
  readonly errors: string[];
  /** Replace the stored settings as the options page would (null: back to the defaults). */
  setSettings(settings: Record<string, unknown> | null): Promise<void>;
}

/**
 * Launch Chromium with the built extension and serve the fixture pages for the
 * enclosing block; close both after it. With `expectNoPageErrors`, the block
 * ends by checking that the page threw nothing.
 */
export function useExtension(
  options: {
    expectNoPageErrors?: boolean;
    /** The folder to serve (made when the block starts); default tests/fixtures/pages. */
    pages?: () => string;
    viewport?: { width: number; height: number };
    /**
     * Base settings, stored before the first page opens (as the options page
     * would write them); `setSettings` stores its argument over them.
     */
    settings?: Record<string, unknown>;
    /** Another built extension to load (made when the block starts); default the debug build. */
    extensionDir?: () => string;
  } = {},
): ExtensionFixture {
  let browser: ExtensionBrowser | undefined;
  let server: StaticServer | undefined;
  let page: Page | undefined;
  const errors: string[] = [];
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`useExtension: the ${what} is not ready (use it inside a test)`);
    return value;
  };
  beforeAll(async () => {
    server = await serveDir(options.pages?.());
    browser = await launchWithExtension({ extensionDir: options.extensionDir?.() });
    if (options.settings) await setStoredSettings(browser, options.settings);
    page = await browser.context.newPage();
    await page.setViewportSize(options.viewport ?? { width: 1200, height: 800 });
    page.on('pageerror', (e) => errors.push(String(e)));
  });
  afterAll(async () => {
    if (options.expectNoPageErrors) expect(errors).toEqual([]);
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      return ready(browser, 'browser');
    },
    get server() {
      return ready(server, 'server');
    },
    get page() {
      return ready(page, 'page');
    },
    errors,
    setSettings: (settings) =>
      setStoredSettings(ready(browser, 'browser'), options.settings ? { ...options.settings, ...settings } : settings),
  };
}

export interface HostileFixture {
  readonly browser: ExtensionBrowser;
  /** tests/fixtures/hostile on two loopback origins. */
  readonly servers: HostileServers;
}

/**
 * Chromium with the built extension (or BACKSTORY_CHROME_DIR's copy) and the
 * hostile pages' servers, for the enclosing block; `started` gets them once up.
 */
export function useHostileBrowser(
  started?: (browser: ExtensionBrowser, servers: HostileServers) => void,
  /** Settings stored once the extension is installed. */
  settings?: Record<string, unknown>,
): HostileFixture {
  let browser: ExtensionBrowser | undefined;
  let servers: HostileServers | undefined;
  beforeAll(async () => {
    [browser, servers] = await Promise.all([launchWithExtension({ extensionDir: CHROME_EXTENSION_DIR }), serveHostile()]);
    if (settings) await setStoredSettings(browser, settings);
    started?.(browser, servers);
  });
  afterAll(async () => {
    await browser?.close();
    await servers?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('useHostileBrowser: not ready (use it inside a test)');
      return browser;
    },
    get servers() {
      if (!servers) throw new Error('useHostileBrowser: not ready (use it inside a test)');
      return servers;
    },
  };
}
