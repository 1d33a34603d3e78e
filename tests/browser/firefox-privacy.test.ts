// Backstory makes no network request in Firefox either (privacy.test.ts is the
// Chromium side, and also opens the popup and the side panel: WebDriver BiDi
// does not let a test open or read Firefox's extension pages). Firefox here
// sends ALL its HTTP(S) traffic, loopback included, through a recording proxy
// of the test's own (the network.proxy.* prefs): the proxy forwards requests
// for the fixture server and answers anything else with 502 (an HTTPS tunnel
// is refused). Across the add-on's install, a news page with its marks and an
// open card, and the settings page opened from the card, every request seen is
// the news page's own (the page and the favicon Firefox asks for) or one of
// Firefox's own services, which it contacts with or without add-ons.
import { createServer, request, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefoxWithExtension, setViewportSize, type FirefoxWithExtension } from '../../scripts/firefox';
import { ROOT, serveDir, markInViewInPage, PERSON_MARK, waitFor, type StaticServer } from './harness';

/** Hosts of Firefox's own services (remote settings, updates, push, captive portal checks): never ours. */
const FIREFOX_OWN = /(^|\.)(mozilla\.(com|net|org)|firefox\.com|mozaws\.net|mozgcp\.net)$/;

interface Seen {
  phase: string;
  method: string;
  host: string;
  path: string;
}

describe('no network requests (Firefox)', () => {
  let firefox: FirefoxWithExtension;
  let fixtures: StaticServer;
  let proxy: Server;
  let page: Page;
  let phase = 'install';
  /** The fixture server's host:port, the one host the proxy forwards to. */
  let fixtureHost = '';
  const seen: Seen[] = [];

  beforeAll(async () => {
    fixtures = await serveDir();
    fixtureHost = new URL(fixtures.url).host;
    proxy = createServer((req, res) => {
      let target: URL;
      try {
        target = new URL(req.url ?? '');
      } catch {
        res.writeHead(400).end();
        return;
      }
      seen.push({ phase, method: req.method ?? '', host: target.host, path: target.pathname });
      if (target.host !== fixtureHost) {
        res.writeHead(502).end();
        return;
      }
      const forward = request({ host: target.hostname, port: target.port, path: target.pathname + target.search, method: req.method, headers: req.headers }, (upstream) => {
        res.writeHead(upstream.statusCode ?? 502, upstream.headers);
        upstream.pipe(res);
      });
      forward.on('error', () => res.writeHead(502).end());
      req.pipe(forward);
    });
    proxy.on('connect', (req, socket) => {
      const [host = '', port = ''] = (req.url ?? '').split(':');
      seen.push({ phase, method: 'CONNECT', host: port === '443' ? host : `${host}:${port}`, path: '' });
      socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const port = (proxy.address() as { port: number }).port;
    firefox = await launchFirefoxWithExtension({
      prefs: {
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': port,
        'network.proxy.share_proxy_settings': true,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
      },
    });
    page = await firefox.newPage();
    await setViewportSize(page, { width: 1200, height: 800 });
  }, 120_000);

  afterAll(async () => {
    await firefox?.close();
    await new Promise((resolve) => proxy?.close(resolve));
    await fixtures?.close();
  });

  it('the proxy sees the browser’s traffic (the check below is not vacuous)', async () => {
    phase = 'page';
    await page.goto(`${fixtures.url}/sample-news.html`, { waitUntil: 'load' });
    expect(seen.some((s) => s.phase === 'page' && s.path === '/sample-news.html')).toBe(true);
  });

  it('a news page: marks, and a card opened on hover', async () => {
    await waitFor(
      () =>
        page.evaluate(() => {
          let n = 0;
          for (const [name, h] of CSS.highlights) if (name.startsWith('backstory-')) n += h.size;
          return n;
        }),
      { what: 'marks in Firefox', timeout: 30_000 },
    );
    const point = await page.evaluate(markInViewInPage, PERSON_MARK);
    expect(point).not.toBeNull();
    await page.mouse.move(point!.x + 30, point!.y + 80);
    await page.mouse.move(point!.x, point!.y, { steps: 4 });
    // The full card: its data came from the background's KB.
    await waitFor(() => page.evaluate(() => !!document.querySelector('backstory-ui')?.shadowRoot?.querySelector('[role="dialog"] .bs-title, [role="dialog"] h2')), {
      what: 'the card in Firefox',
      timeout: 15_000,
    });
  });

  it('the settings page, opened from the card’s settings button', async () => {
    phase = 'settings page';
    const before = (await firefox.browser.pages()).length;
    // A real click: the card acts on trusted events only (a script's button.click() is ignored, issue #17).
    const at = await page.evaluate(() => {
      const button = document.querySelector('backstory-ui')?.shadowRoot?.querySelector('button[aria-label="Backstory settings"]');
      const r = button?.getBoundingClientRect();
      return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
    });
    expect(at).not.toBeNull();
    await page.mouse.click(at!.x, at!.y);
    // The background opens it in a new tab (options_ui.open_in_tab). Puppeteer may report that tab's
    // first URL (about:blank), so each tab is asked where it is and whether the page has rendered its form.
    await waitFor(async () => (await firefox.browser.pages()).length > before, { what: 'the settings tab to open' });
    await waitFor(
      async () => {
        for (const p of await firefox.browser.pages()) {
          const ready = await p
            .evaluate((origin) => location.href.startsWith(`${origin}/options.html`) && document.readyState === 'complete' && document.querySelector('.op-add input') !== null, firefox.extensionOrigin)
            .catch(() => false);
          if (ready) return true;
        }
        return false;
      },
      { what: 'the settings page to render' },
    );
  });

  it('sent nothing but the page’s own requests and Firefox’s own', async () => {
    // Everything has run by now: the KB was installed (the card showed its data), the settings page rendered.
    const pagesOwn = new Set(['/sample-news.html', '/favicon.ico']);
    const unexpected = seen.filter((s) => (s.host === fixtureHost ? !pagesOwn.has(s.path) : !FIREFOX_OWN.test(s.host.replace(/:\d+$/, ''))));
    expect(unexpected).toEqual([]);
    // The manifest asks for no host permission beyond the content script's, and no network-related API.
    const manifest = JSON.parse(readFileSync(join(ROOT, '.output/firefox-mv3/manifest.json'), 'utf8')) as { permissions?: string[]; host_permissions?: string[] };
    expect(manifest.host_permissions ?? []).toEqual([]);
    // Storage for the KB and settings; context menus for 'Save this page to Backstory'. Neither reaches the network.
    expect([...(manifest.permissions ?? [])].sort()).toEqual(['contextMenus', 'storage']);
  });
});
