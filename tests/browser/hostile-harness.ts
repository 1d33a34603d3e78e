// Helpers for the hostile-page tests (tests/browser/hostile-*.test.ts): serve
// tests/fixtures/hostile on two loopback origins, and watch a page over CDP.
//
// Everything the tests read from a page is read in an isolated world of the
// test's own ('bs-probe', created at document start), never in the page's
// main world: hostile pages replace the main world's builtins and DOM methods,
// and a test must not be fooled (or broken) by them either. From there we read
// the marks (the ranges in CSS.highlights named backstory-*), layout shifts,
// long tasks and CSP violations. Backstory's own debug channel
// (`globalThis.__backstory`, see lib/page/core/app.ts) is read in the content
// script's world, which CDP names after the extension ("Backstory").
// Errors: exceptions and console errors from every world of the page (the
// page's, the content script's), plus browser log errors, are collected per page.
import { join } from 'node:path';
import type { BrowserContext, CDPSession, Frame, Page } from 'playwright-core';
import { ROOT, serveDir, waitFor, type StaticServer } from './harness';

export const HOSTILE_DIR = join(ROOT, 'tests/fixtures/hostile');

/**
 * The built Chrome extension to test: .output/chrome-mv3, or a copy named by
 * BACKSTORY_CHROME_DIR (lets a test run use a snapshot while a build rewrites .output).
 */
export const CHROME_EXTENSION_DIR: string | undefined = process.env.BACKSTORY_CHROME_DIR || undefined;
export const PROBE_WORLD = 'bs-probe';

/** The strict policy of csp.html, exactly as issue #7 asks. */
export const STRICT_CSP = "default-src 'none'; style-src 'none'";
/** trusted-types.html: every string given to an HTML or script sink throws, and no policy can be made. */
export const TRUSTED_TYPES_CSP = "require-trusted-types-for 'script'; trusted-types 'none'";

export interface HostileServers {
  /** http://127.0.0.1:<port> */
  a: string;
  /** http://localhost:<port>: another origin (and another site) for cross-origin frames. */
  b: string;
  close(): Promise<void>;
}

export async function serveHostile(): Promise<HostileServers> {
  const headers = (path: string): Record<string, string> => {
    if (path === '/csp.html') return { 'content-security-policy': STRICT_CSP };
    if (path === '/trusted-types.html') return { 'content-security-policy': TRUSTED_TYPES_CSP };
    if (path.endsWith('.txt')) return { 'content-type': 'text/plain; charset=utf-8' };
    return {};
  };
  const a: StaticServer = await serveDir(HOSTILE_DIR, headers);
  const b: StaticServer = await serveDir(HOSTILE_DIR, headers);
  return {
    a: a.url,
    b: b.url.replace('127.0.0.1', 'localhost'),
    close: async () => {
      await Promise.all([a.close(), b.close()]);
    },
  };
}

/** Installed in the probe world of every frame at document start. */
const PROBE_SOURCE = `(() => {
  const state = { cls: 0, shifts: [], longTasks: [], violations: [] };
  globalThis.__bsProbe = state;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        state.cls += e.value;
        state.shifts.push({ value: e.value, at: e.startTime, sources: (e.sources || []).map((s) => s.node ? (s.node.id || s.node.nodeName) : '?') });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  } catch {}
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) state.longTasks.push({ at: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  document.addEventListener('securitypolicyviolation', (e) => {
    state.violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || '') + ':' + e.lineNumber);
  }, true);
})();`;

export interface Mark {
  /** The highlight (backstory-person, …). */
  name: string;
  text: string;
  /** id of the nearest element with an id around the start (in the light or a shadow tree). */
  where: string;
  /** The range starts and ends in different text nodes (a name split over inline elements). */
  split: boolean;
  /** The start lies in a shadow tree. */
  inShadow: boolean;
  /** Offsets outside the text node, or a node no longer in the document: a stale mark. */
  stale: boolean;
}

interface ContextInfo {
  id: number;
  name: string;
  origin: string;
  frameId: string;
  isDefault: boolean;
}

type World = 'main' | 'probe' | 'backstory';

/** A page (or an out-of-process frame) watched over its own CDP session. */
export class Watched {
  readonly errors: string[] = [];
  /** This install's highlight names, when they are random (launchWithExtension's pageNames: 'random'); null: the readable backstory-* names. */
  highlightNames: string[] | null = null;
  private contexts = new Map<number, ContextInfo>();
  private frameId = '';

  private constructor(
    readonly page: Page,
    readonly cdp: CDPSession,
    private readonly extensionOrigin: string,
  ) {}

  /** Open `url` in a new page of `context`, watching it from before the first script runs. */
  static async open(context: BrowserContext, extensionId: string, url: string, options: { waitForBackstory?: boolean } = {}): Promise<Watched> {
    const page = await context.newPage();
    const w = await Watched.attach(page, await context.newCDPSession(page), extensionId);
    page.on('pageerror', (e) => w.errors.push(`pageerror: ${e.message}`));
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    w.frameId = ((await w.cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } }).frameTree.frame.id;
    if (options.waitForBackstory ?? true) await w.idle();
    return w;
  }

  /** Watch an out-of-process frame (a cross-origin iframe) over its own session. */
  static async frame(context: BrowserContext, page: Page, frame: Frame, extensionId: string): Promise<Watched> {
    const w = await Watched.attach(page, await context.newCDPSession(frame), extensionId, false);
    w.frameId = ((await w.cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } }).frameTree.frame.id;
    return w;
  }

  private static async attach(page: Page, cdp: CDPSession, extensionId: string, probeOnNewDocument = true): Promise<Watched> {
    const w = new Watched(page, cdp, `chrome-extension://${extensionId}`);
    cdp.on('Runtime.executionContextCreated', ({ context }: { context: { id: number; name: string; origin: string; auxData?: { frameId?: string; isDefault?: boolean } } }) => {
      w.contexts.set(context.id, { id: context.id, name: context.name, origin: context.origin, frameId: context.auxData?.frameId ?? '', isDefault: !!context.auxData?.isDefault });
    });
    cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }: { executionContextId: number }) => w.contexts.delete(executionContextId));
    cdp.on('Runtime.executionContextsCleared', () => w.contexts.clear());
    cdp.on('Runtime.exceptionThrown', ({ exceptionDetails: d }: { exceptionDetails: { text: string; executionContextId?: number; exception?: { description?: string } } }) => {
      w.errors.push(`exception in ${w.who(d.executionContextId)}: ${d.text} ${d.exception?.description ?? ''}`.trim());
    });
    cdp.on('Runtime.consoleAPICalled', ({ type, args, executionContextId }: { type: string; args: { value?: unknown; description?: string }[]; executionContextId: number }) => {
      const ours = w.contexts.get(executionContextId)?.origin === w.extensionOrigin;
      if (type === 'error' || type === 'assert' || (ours && type === 'warning')) {
        w.errors.push(`console.${type} in ${w.who(executionContextId)}: ${args.map((a) => a.description ?? String(a.value)).join(' ')}`);
      }
    });
    cdp.on('Log.entryAdded', ({ entry }: { entry: { level: string; source: string; text: string; url?: string } }) => {
      if (entry.level !== 'error') return;
      if (entry.source === 'network' && /favicon\.ico/.test(entry.url ?? entry.text)) return;
      w.errors.push(`log ${entry.source}: ${entry.text} ${entry.url ?? ''}`.trim());
    });
    await cdp.send('Page.enable');
    await cdp.send('Log.enable');
    await cdp.send('Runtime.enable');
    if (probeOnNewDocument) await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: PROBE_SOURCE, worldName: PROBE_WORLD, runImmediately: true });
    return w;
  }

  private who(contextId: number | undefined): string {
    const c = contextId === undefined ? undefined : this.contexts.get(contextId);
    if (!c) return 'an unknown world';
    if (c.origin === this.extensionOrigin) return `Backstory's content script (${c.name})`;
    if (c.name === PROBE_WORLD) return 'the test probe';
    return c.isDefault ? `the page (${c.origin})` : `world ${c.name} (${c.origin})`;
  }

  private async contextOf(world: World): Promise<number> {
    if (world === 'probe') await this.ensureProbe();
    return waitFor(
      async () => {
        for (const c of this.contexts.values()) {
          if (c.frameId !== this.frameId) continue;
          if (world === 'main' && c.isDefault) return c.id;
          if (world === 'probe' && c.name === PROBE_WORLD) return c.id;
          if (world === 'backstory' && c.origin === this.extensionOrigin) return c.id;
        }
        return 0;
      },
      { what: `the ${world} world of ${this.page.url()}`, timeout: 20_000 },
    );
  }

  private probeReady = false;
  /** Out-of-process frames get the probe world created on demand. */
  private async ensureProbe() {
    if (this.probeReady) return;
    this.probeReady = true;
    if (![...this.contexts.values()].some((c) => c.frameId === this.frameId && c.name === PROBE_WORLD)) {
      const { executionContextId } = (await this.cdp.send('Page.createIsolatedWorld', { frameId: this.frameId, worldName: PROBE_WORLD })) as { executionContextId: number };
      this.contexts.set(executionContextId, { id: executionContextId, name: PROBE_WORLD, origin: '', frameId: this.frameId, isDefault: false });
      await this.cdp.send('Runtime.evaluate', { contextId: executionContextId, expression: PROBE_SOURCE });
    }
  }

  /** Evaluate `fn(arg)` in a world of this frame; the result must be JSON-like. */
  async eval<R, A = undefined>(world: World, fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    const contextId = await this.contextOf(world);
    // `__name`: a no-op stand-in for the helper esbuild's keepNames (tsx) inserts into functions.
    const expression = `((__name) => (${fn.toString()})(${arg === undefined ? '' : JSON.stringify(arg)}))((f) => f)`;
    // In the page's world nothing is awaited: a hostile page may make every object thenable.
    const res = (await this.cdp.send('Runtime.evaluate', { contextId, expression, awaitPromise: world !== 'main', returnByValue: true })) as {
      result: { value?: R };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    };
    if (res.exceptionDetails) throw new Error(`evaluate in ${world}: ${res.exceptionDetails.exception?.description ?? res.exceptionDetails.text}`);
    return res.result.value as R;
  }

  /** Wait until Backstory has started on this page and finished its queued work. */
  async idle(): Promise<void> {
    await waitFor(() => this.eval('backstory', () => typeof (globalThis as { __backstory?: unknown }).__backstory === 'object'), {
      what: 'the Backstory debug channel',
      timeout: 20_000,
    });
    await this.eval('backstory', async () => {
      await (globalThis as unknown as { __backstory: { idle(): Promise<void> } }).__backstory.idle();
    });
  }

  /** Backstory's own record of its marks (lib/page/core/app.ts MarkRecord). */
  debugMarks(): Promise<{ text: string; entity: string | null; highlight: string | null }[]> {
    return this.eval('backstory', () => (globalThis as unknown as { __backstory: { marks(): { text: string; entity: string | null; highlight: string | null }[] } }).__backstory.marks());
  }

  /** The mention whose card is open, per Backstory (null when none). */
  debugCard(): Promise<{ text: string; entity: string | null; pinned: boolean } | null> {
    return this.eval('backstory', () => (globalThis as unknown as { __backstory: { card(): { text: string; entity: string | null; pinned: boolean } | null } }).__backstory.card());
  }

  debugStats(): Promise<Record<string, number> | null> {
    return this.eval('backstory', () => (globalThis as unknown as { __backstory: { stats(): Record<string, number> | null } }).__backstory.stats());
  }

  /** The painted marks, in document order, as the page's highlight registry holds them. */
  marks(): Promise<Mark[]> {
    return this.eval('probe', (names: string[] | null) => {
      const out: (Mark & { node: Node; offset: number })[] = [];
      const whereOf = (n: Node): string => {
        for (let p: Node | null = n; p; p = p.parentNode ?? (p as ShadowRoot).host ?? null) {
          if (p.nodeType === 1 && (p as Element).id) return (p as Element).id;
        }
        return '';
      };
      const len = (n: Node) => (n.nodeType === 3 ? (n as Text).data.length : n.childNodes.length);
      for (const [name, h] of CSS.highlights) {
        if (!(names ? names.includes(name) : name.startsWith('backstory-'))) continue;
        for (const r of h as unknown as Iterable<AbstractRange>) {
          const stale = !r.startContainer.isConnected || !r.endContainer.isConnected || r.startOffset > len(r.startContainer) || r.endOffset > len(r.endContainer);
          let text = '';
          if (!stale) {
            const live = document.createRange();
            live.setStart(r.startContainer, r.startOffset);
            live.setEnd(r.endContainer, r.endOffset);
            text = live.toString();
          }
          out.push({
            name,
            text,
            where: whereOf(r.startContainer),
            split: r.startContainer !== r.endContainer,
            inShadow: r.startContainer.getRootNode() !== document,
            stale,
            node: r.startContainer,
            offset: r.startOffset,
          });
        }
      }
      out.sort((x, y) => {
        if (x.node === y.node) return x.offset - y.offset;
        return x.node.compareDocumentPosition(y.node) & 4 ? -1 : 1;
      });
      return out.map(({ node: _n, offset: _o, ...m }) => m);
    }, this.highlightNames);
  }

  /** Layout shifts so far (all of them, input or not). */
  layoutShifts(): Promise<{ cls: number; shifts: { value: number; sources: string[] }[] }> {
    return this.eval('probe', () => {
      const s = (globalThis as unknown as { __bsProbe: { cls: number; shifts: { value: number; sources: string[] }[] } }).__bsProbe;
      return { cls: s.cls, shifts: s.shifts };
    });
  }

  longTasks(): Promise<{ at: number; duration: number }[]> {
    return this.eval('probe', () => (globalThis as unknown as { __bsProbe: { longTasks: { at: number; duration: number }[] } }).__bsProbe.longTasks);
  }

  violations(): Promise<string[]> {
    return this.eval('probe', () => (globalThis as unknown as { __bsProbe: { violations: string[] } }).__bsProbe.violations);
  }

  /** The page's own probe (tests/fixtures/hostile/probe.js): read in the page's world, by value. */
  probe(): Promise<{ ticks: number; clicks: number; lastClick: string; errors: number } | null> {
    return this.eval('main', () => (window as unknown as { __probe?: { ticks: number; clicks: number; lastClick: string; errors: number } }).__probe ?? null);
  }

  /** Rects of every element with an id in the light DOM (to compare before and after). */
  rects(): Promise<Record<string, number[]>> {
    return this.eval('probe', () => {
      const out: Record<string, number[]> = {};
      for (const el of document.querySelectorAll('[id]')) {
        const r = el.getBoundingClientRect();
        out[el.id] = [r.x, r.y, r.width, r.height].map((v) => Math.round(v * 100) / 100);
      }
      return out;
    });
  }

  /** Center of the first line box of the n-th painted mark whose text is `text`. */
  async markPoint(text: string, nth = 0): Promise<{ x: number; y: number } | null> {
    return this.eval(
      'probe',
      ({ text, nth, names }) => {
        let seen = 0;
        for (const [name, h] of CSS.highlights) {
          if (!(names ? names.includes(name) : name.startsWith('backstory-'))) continue;
          for (const r of h as unknown as Iterable<AbstractRange>) {
            const live = document.createRange();
            live.setStart(r.startContainer, r.startOffset);
            live.setEnd(r.endContainer, r.endOffset);
            if (live.toString() !== text) continue;
            if (seen++ < nth) continue;
            const rect = live.getClientRects()[0];
            if (!rect) return null;
            return { x: rect.left + Math.min(rect.width / 2, 12), y: rect.top + rect.height / 2 };
          }
        }
        return null;
      },
      { text, nth, names: this.highlightNames },
    );
  }

  /** Center of an element (by id) in the probe world. */
  point(id: string): Promise<{ x: number; y: number } | null> {
    return this.eval(
      'probe',
      (id) => {
        const el = document.getElementById(id);
        if (!el) return null;
        const r = el.getBoundingClientRect();
        return { x: r.left + Math.min(r.width / 2, 40), y: r.top + r.height / 2 };
      },
      id,
    );
  }

  /** The open card: its title, whether its styles applied, and whether its host is in the page. */
  card(): Promise<{ title: string; styled: boolean; hostConnected: boolean; hosts: number } | null> {
    return this.eval('probe', () => {
      const hosts = document.querySelectorAll('backstory-ui');
      for (const host of hosts) {
        const dialog = host.shadowRoot?.querySelector('[role="dialog"]');
        if (!dialog) continue;
        const title = dialog.querySelector('.bs-title, h2')?.textContent ?? '';
        // The card's stylesheet sets a border radius and a background on .bs-card;
        // an unstyled div has neither.
        const cs = getComputedStyle(dialog);
        const styled = cs.borderTopLeftRadius !== '0px' && cs.backgroundColor !== 'rgba(0, 0, 0, 0)';
        return { title, styled, hostConnected: host.isConnected, hosts: hosts.length };
      }
      return null;
    });
  }

  /** Move the pointer onto a mark and wait for its card. */
  async hover(text: string, nth = 0): Promise<{ title: string; styled: boolean; hostConnected: boolean; hosts: number }> {
    if (await this.card()) await this.closeCard();
    const p = await this.markPoint(text, nth);
    if (!p) throw new Error(`no painted mark "${text}" to hover`);
    await this.page.mouse.move(p.x + 40, p.y + 80);
    await this.page.mouse.move(p.x, p.y, { steps: 3 });
    return waitFor(
      async () => {
        const c = await this.card();
        return c && c.title ? c : null;
      },
      { what: `the card for "${text}"`, timeout: 10_000 },
    );
  }

  async closeCard(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.mouse.move(1, 1);
    await waitFor(async () => (await this.card()) === null, { what: 'the card to close', timeout: 5000 });
  }

  /** Wait for a few animation frames of the page (no timing assertion: just lets it run). */
  async frames(n = 5): Promise<void> {
    await this.eval(
      'probe',
      (n) =>
        new Promise<void>((resolve) => {
          let left = n;
          const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick));
          requestAnimationFrame(tick);
        }),
      n,
    );
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}

/** The page's counter advances and its click handler fires (click on element `id`). */
export async function expectPageScriptsWork(w: Watched, clickId: string): Promise<{ before: number; after: number; clicked: boolean }> {
  const before = (await w.probe())?.ticks ?? -1;
  const p = await w.point(clickId);
  if (!p) throw new Error(`no element #${clickId}`);
  const clicksBefore = (await w.probe())?.clicks ?? -1;
  await w.page.mouse.click(p.x, p.y);
  await w.frames(10);
  const after = await w.probe();
  return { before, after: after?.ticks ?? -1, clicked: (after?.clicks ?? -1) === clicksBefore + 1 };
}
