// Backstory makes no network request: in real Chromium, every request of the
// service worker and of every extension page (side panel, popup, options) is
// for the extension's own files (chrome-extension://<id>/…), and a news page
// with Backstory running requests nothing it would not request anyway — across
// install, a page visit with hover, and opening each extension page.
//
// To see the install itself, Chromium starts WITHOUT the extension, the
// listeners are attached, and only then is the extension loaded (CDP
// Extensions.loadUnpacked): the service worker's very first fetch is recorded
// (Playwright reports service-worker requests; `request.serviceWorker()`).
// As a second net, every host name but loopback resolves to nothing, so no
// request could leave the machine during the test even if one were made.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Request, type Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS, EXTENSION_DIR, markInViewInPage, serveDir, waitFor, type StaticServer } from '../support/browser';
import { inContentWorld } from '../support/content-world';
import { CHROME_EXTENSION_DIR } from './hostile-harness';

const extensionDir = CHROME_EXTENSION_DIR ?? EXTENSION_DIR;

interface Seen {
  phase: string;
  url: string;
  /** 'service-worker', 'extension-page', or the page's origin. */
  from: string;
  failed?: string;
}

describe('no network requests', () => {
  let context: BrowserContext;
  let userDataDir: string;
  let server: StaticServer;
  let extensionId = '';
  let worker: Worker;
  let phase = 'install';
  const seen: Seen[] = [];
  /** Requests started and not yet finished or failed (the browser is idle at 0). */
  let inFlight = 0;
  const settled = () => waitFor(async () => inFlight === 0, { what: 'no request in flight' });
  const swConsole: string[] = [];

  const fromOf = (r: Request): string => {
    if (r.serviceWorker()) return 'service-worker';
    // A navigation belongs to the document it loads (the frame is still about:blank).
    if (r.isNavigationRequest()) return r.url().startsWith('chrome-extension://') ? 'extension-page' : new URL(r.url()).origin;
    let url = '';
    try {
      url = r.frame().url();
    } catch {
      url = '';
    }
    if (url.startsWith('chrome-extension://')) return 'extension-page';
    try {
      return new URL(url).origin;
    } catch {
      return url || 'unknown';
    }
  };

  beforeAll(async () => {
    if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`No built extension at ${extensionDir}: run \`npm run build\` first.`);
    server = await serveDir();
    userDataDir = mkdtempSync(join(tmpdir(), 'backstory-privacy-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      // Extensions must be allowed (Playwright disables them by default); none is loaded yet.
      ignoreDefaultArgs: ['--disable-extensions'],
      args: [...CHROMIUM_ARGS, '--enable-unsafe-extension-debugging', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'],
    });
    context.on('request', (r) => {
      inFlight++;
      seen.push({ phase, url: r.url(), from: fromOf(r) });
    });
    context.on('requestfinished', () => inFlight--);
    context.on('requestfailed', (r) => {
      inFlight--;
      seen.push({ phase, url: r.url(), from: fromOf(r), failed: r.failure()?.errorText ?? 'failed' });
    });
    context.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') {
        const w = (m as unknown as { worker?: () => Worker | null }).worker?.();
        if (w || m.location().url.startsWith('chrome-extension://')) swConsole.push(`${m.type()}: ${m.text()} (${m.location().url})`);
      }
    });
    const browser = context.browser();
    if (!browser) throw new Error('no Browser for the persistent context');
    const cdp = await browser.newBrowserCDPSession();
    const swSeen = context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith('chrome-extension://'), timeout: 30_000 });
    const { id } = (await cdp.send('Extensions.loadUnpacked' as never, { path: extensionDir } as never)) as { id: string };
    extensionId = id;
    worker = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${id}/`)) ?? (await swSeen);
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  // Our web-accessible files with use_dynamic_url (the card chunk the content script imports)
  // are loaded at a per-session URL, chrome-extension://<random id>/<file>, not at the
  // extension id's; ours is the only extension in this browser.
  let dynamicFiles: Set<string> | null = null;
  const dynamicFile = (path: string) =>
    (dynamicFiles ??= new Set(
      ((JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as { web_accessible_resources?: { resources: string[]; use_dynamic_url?: boolean }[] })
        .web_accessible_resources ?? [])
        .filter((w) => w.use_dynamic_url)
        .flatMap((w) => w.resources.map((r) => `/${r}`)),
    )).has(path);
  const own = (url: string) =>
    url.startsWith(`chrome-extension://${extensionId}/`) || (url.startsWith('chrome-extension://') && dynamicFile(new URL(url).pathname));

  it('install: the service worker loads the KB from its own package, and nothing else', async () => {
    await waitFor(
      () =>
        worker.evaluate(
          () =>
            new Promise<boolean>((resolve) => {
              const req = indexedDB.open('backstory');
              // Never create the database ourselves (an empty v1 would stop the extension's upgrade).
              req.onupgradeneeded = () => req.transaction!.abort();
              req.onerror = () => resolve(false);
              req.onsuccess = () => {
                const db = req.result;
                if (!db.objectStoreNames.contains('meta')) return resolve(false);
                const get = db.transaction('meta').objectStore('meta').get('active');
                get.onsuccess = () => {
                  db.close();
                  resolve(!!get.result);
                };
                get.onerror = () => resolve(false);
              };
            }),
        ),
      { what: 'the KB loaded at install', timeout: 30_000 },
    );
    const install = seen.filter((s) => s.phase === 'install');
    expect(install.filter((s) => s.from === 'service-worker').map((s) => s.url)).toContain(`chrome-extension://${extensionId}/kb/kb.json`);
    expect(install.filter((s) => !own(s.url))).toEqual([]);
  });

  it('a news page with hover: only the page\'s own requests, and our own files', async () => {
    phase = 'visit';
    const page = await context.newPage();
    await page.goto(`${server.url}/sample-news.html`);
    // Wait for marks (the registry is shared by every world of the page), then hover one.
    const point = await waitFor(
      () =>
        // Our highlight names are random per install (issue #17); the page registers none of its own.
        page.evaluate(markInViewInPage, {}),
      { what: 'a mark in view', timeout: 20_000 },
    );
    const highlights = await page.evaluate(() => CSS.highlights.size);
    await page.mouse.move(point.x, point.y + 60);
    await page.mouse.move(point.x, point.y, { steps: 3 });
    // The card's shadow root is closed: its open mention's highlight (made when the first card opens) is what the page sees.
    await waitFor(() => page.evaluate((n) => CSS.highlights.size > n, highlights), { what: 'the card' });
    // Move over the card and back off, scroll, let the reader settle.
    await page.mouse.wheel(0, 600);
    await inContentWorld(page, '__backstory.idle()');
    await settled();
    await page.close();

    const visit = seen.filter((s) => s.phase === 'visit');
    const pageOrigin = new URL(server.url).origin;
    const foreign = visit.filter((s) => !own(s.url) && !(s.from === pageOrigin && s.url.startsWith(`${pageOrigin}/`)));
    expect(foreign).toEqual([]);
    // The page's own requests are just what the fixture itself loads.
    expect([...new Set(visit.filter((s) => s.from === pageOrigin && !own(s.url)).map((s) => new URL(s.url).pathname))].sort()).toEqual(
      expect.arrayContaining(['/sample-news.html']),
    );
    expect(
      visit.filter((s) => s.from === pageOrigin && !own(s.url)).every((s) => ['/sample-news.html', '/favicon.ico'].includes(new URL(s.url).pathname)),
    ).toBe(true);
    expect(visit.filter((s) => s.from === 'service-worker' && !own(s.url))).toEqual([]);
  });

  it('the side panel, popup and options pages request only their own files', async () => {
    const pages = ['sidepanel.html', 'popup.html', 'options.html'].filter((p) => existsSync(join(extensionDir, p)));
    expect(pages.length, 'extension pages in the build').toBeGreaterThan(0);
    for (const p of pages) {
      phase = `page:${p}`;
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${p}`);
      await page.waitForLoadState('load');
      // Let the page render from the background's answers.
      await waitFor(() => page.evaluate(() => (document.body?.innerText ?? '').trim().length > 0), { what: `${p} to render`, timeout: 10_000 });
      await settled();
      await page.close();
      const requests = seen.filter((s) => s.phase === phase);
      expect(requests.length, `${p} loads its own files`).toBeGreaterThan(0);
      expect(
        requests.filter((s) => !own(s.url)),
        `${p} requested something outside the package`,
      ).toEqual([]);
    }
  });

  it('nothing failed, and nothing but loopback fixtures and our own files was ever requested', () => {
    expect(seen.filter((s) => s.failed && !/favicon\.ico/.test(s.url))).toEqual([]);
    const origins = new Set(seen.map((s) => (own(s.url) ? 'extension' : new URL(s.url).origin)));
    expect([...origins].sort()).toEqual(['extension', new URL(server.url).origin].sort());
  });

  it('logged no error or warning from the extension', () => {
    expect(swConsole).toEqual([]);
  });
});
