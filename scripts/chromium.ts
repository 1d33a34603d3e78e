// Real-browser harness (tests, benchmark and demo): Debian's Chromium driven by
// playwright-core, with a built extension loaded, and fixture pages served from
// loopback. Nothing here downloads a browser. The tests and the benchmark load
// the debug build (.output/chrome-mv3-debug, `npm run build:debug`: the release
// plus the debug channel `__backstory`, lib/page/core/debug.ts); the demo loads the
// release build (.output/chrome-mv3, `npm run build`).
import { mkdtempSync, readFileSync, rmSync, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { READABLE_HIGHLIGHTS } from '../lib/shared/highlight-names';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The release build: what ships. */
export const RELEASE_EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
/** The debug build, which the tests and the benchmark load. */
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3-debug');
export const PAGES_DIR = join(ROOT, 'tests/fixtures/pages');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.xhtml': 'application/xhtml+xml; charset=utf-8',
};

export interface StaticServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Serve `dir` on 127.0.0.1 at a free port. `headers` adds response headers per path. */
export async function serveDir(dir = PAGES_DIR, headers: (path: string) => Record<string, string> = () => ({})): Promise<StaticServer> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers(path) });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  userDataDir: string;
  close(): Promise<void>;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
];

/** Launch Chromium with the built extension loaded; waits for its service worker. */
/**
 * Readable names in pages (highlights `backstory-<kind>`, host `backstory-ui`,
 * an open shadow root) for tests and tools that inspect the marks and the card
 * from the page. A real install picks random names and a closed root (issue
 * #17, lib/background/page-names.ts); `pageNames: 'random'` keeps those.
 */
export const READABLE_PAGE_NAMES = {
  highlights: READABLE_HIGHLIGHTS,
  host: 'backstory-ui',
  openShadowRoot: true,
};

declare const chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> } } };

export async function launchWithExtension(options: { headless?: boolean; userDataDir?: string; extensionDir?: string; pageNames?: 'readable' | 'random' } = {}): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run \`${extensionDir === RELEASE_EXTENSION_DIR ? 'npm run build' : 'npm run build:debug'}\` first.`);
  }
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'backstory-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
  });
  const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  if ((options.pageNames ?? 'readable') === 'readable') {
    // After the background has chosen its own names on install (so it does not overwrite these).
    await worker.evaluate(async (pin) => {
      for (let i = 0; i < 300 && !(await chrome.storage.local.get('pageNames')).pageNames; i++) await new Promise((r) => setTimeout(r, 50));
      await chrome.storage.local.set({ pageNames: pin });
    }, READABLE_PAGE_NAMES);
  }
  return {
    context,
    extensionId,
    worker,
    userDataDir,
    close: async () => {
      await context.close();
      if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Poll `fn` until it returns a truthy value (or time out with the last value in the message). */
export type Truthy<T> = Exclude<T, null | undefined | false | 0 | ''>;

export async function waitFor<T>(fn: () => Promise<T>, { timeout = 15_000, interval = 100, what = 'condition' } = {}): Promise<Truthy<T>> {
  const deadline = Date.now() + timeout;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await fn();
    if (last) return last as Truthy<T>;
    await new Promise((r) => setTimeout(r, interval));
  }
  throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
}
