// The reading flow in real Firefox (firefox-esr, headless, WebDriver BiDi via
// puppeteer-core; scripts/firefox.ts): the built Firefox add-on marks the same
// names as the golden list Chromium is held to (tests/golden/pages, default marking), hovering a
// mark opens its card, and the page gets no errors and no layout shift.
// Marks are read from the page's CSS highlight registry (per document, shared
// with the content script; Firefox supports the Highlight API since 140).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefoxWithExtension, setViewportSize, type FirefoxWithExtension } from '../../scripts/firefox';
import { pageHighlightsInPage, ROOT, serveDir, markInViewInPage, PERSON_MARK, waitFor, type StaticServer } from '../support/browser';

interface Golden {
  text: string;
  entity: string | null;
}

const golden = (name: string): Golden[] => JSON.parse(readFileSync(join(ROOT, 'tests/golden/pages', `${name}.json`), 'utf8')) as Golden[];

/** Our marks as [highlight, text], in document order (the focus highlights left out). */
const marks = (page: Page): Promise<[string, string][]> => page.evaluate(pageHighlightsInPage);

describe('reading flow in Firefox', () => {
  let firefox: FirefoxWithExtension;
  let server: StaticServer;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    [firefox, server] = await Promise.all([launchFirefoxWithExtension(), serveDir()]);
    page = await firefox.newPage();
    await setViewportSize(page, { width: 1200, height: 800 });
    page.on('pageerror', (e) => errors.push(`pageerror: ${String(e)}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
    });
    await page.evaluateOnNewDocument(() => {
      const w = window as unknown as { __shifts: number[] };
      w.__shifts = [];
      try {
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__shifts.push((e as unknown as { value: number }).value);
        }).observe({ type: 'layout-shift', buffered: true });
      } catch {
        // Firefox may not report layout shifts: the rect check below covers it.
      }
    });
  }, 120_000);
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('installs as a temporary add-on, with its content script allowed on web pages', () => {
    expect(firefox.extensionId).toBe('backstory@backstory.invalid');
  });

  it('marks the sample page exactly as the golden list (the default: first mentions in the article body)', async () => {
    await page.goto(`${server.url}/sample-news.html`, { waitUntil: 'load' });
    const expected = golden('sample-news.first').map((m) => m.text);
    // Wait for the list itself (the card chunk's look at the page may change a mark after the first paint).
    const seen = await waitFor(
      async () => {
        const m = await marks(page);
        return JSON.stringify(m.map(([, text]) => text)) === JSON.stringify(expected) ? m : null;
      },
      { what: 'the marks in Firefox', timeout: 30_000 },
    );
    expect(seen.map(([, text]) => text)).toEqual(expected);
    expect(seen.every(([name]) => /^backstory-(person|organisation|place|weapon|event|agreement|ambiguous|caveat)$/.test(name))).toBe(true);
  });

  it('opens the card on hover', async () => {
    const rectsBefore = await page.evaluate(() => [...document.querySelectorAll('h1, p, article, main')].map((e) => JSON.stringify(e.getBoundingClientRect())));
    const point = await page.evaluate(markInViewInPage, PERSON_MARK);
    expect(point).not.toBeNull();
    await page.mouse.move(point!.x + 30, point!.y + 80);
    await page.mouse.move(point!.x, point!.y, { steps: 4 });
    const card = await waitFor(
      () =>
        page.evaluate(() => {
          const dialog = document.querySelector('backstory-ui')?.shadowRoot?.querySelector('[role="dialog"]');
          if (!dialog) return null;
          const cs = getComputedStyle(dialog);
          return { title: dialog.querySelector('.bs-title, h2')?.textContent ?? '', styled: cs.backgroundColor !== 'rgba(0, 0, 0, 0)' };
        }),
      { what: 'the card in Firefox', timeout: 15_000 },
    );
    // The card is the hovered mark's entity (its name from the gazetteer).
    const entity = golden('sample-news').find((m) => m.text === point!.text)!.entity;
    const { entities } = JSON.parse(readFileSync(join(ROOT, 'data/entities.json'), 'utf8')) as { entities: { id: string; name: string }[] };
    expect(card.title).toBe(entities.find((e) => e.id === entity)!.name);
    expect(card.styled).toBe(true);
    // Opening the card moved nothing in the page.
    const rectsAfter = await page.evaluate(() => [...document.querySelectorAll('h1, p, article, main')].map((e) => JSON.stringify(e.getBoundingClientRect())));
    expect(rectsAfter).toEqual(rectsBefore);
  });

  it('keyboard: the first Tab lands on the first mark, Tab goes to the next, Enter opens its card, Esc brings focus back to it', async () => {
    await page.mouse.move(2, 2);
    await page.keyboard.press('Escape');
    await page.goto(`${server.url}/sample-news.html`, { waitUntil: 'load' });
    // Our stop (lib/page/card/focus-stop.ts) comes with the card chunk, once the page has marks.
    await waitFor(() => page.evaluate(() => document.documentElement.firstElementChild?.shadowRoot?.querySelector('button') != null), { what: 'the Tab stop in Firefox', timeout: 30_000 });
    /** Our stop's accessible name while it has focus, or what else has focus. */
    const focused = () =>
      page.evaluate(() => {
        const a = document.activeElement;
        if (a?.localName !== 'backstory-ui') return `page: ${a?.localName}`;
        const inner = a.shadowRoot!.activeElement;
        return inner?.getAttribute('aria-label') ?? `our ${inner?.getAttribute('role')}`;
      });
    await page.keyboard.press('Tab');
    expect(await focused()).toMatch(/^.+, \w+\. Mark 1 of \d+ on this page\. Enter opens its card; Tab goes to the next\.$/);
    await page.keyboard.press('Tab');
    const second = await focused();
    expect(second).toMatch(/Mark 2 of/);
    await page.keyboard.press('Enter');
    await waitFor(async () => (await focused()) === 'our dialog', { what: 'focus in the card in Firefox' });
    await page.keyboard.press('Escape');
    await waitFor(async () => (await focused()) === second, { what: 'focus back on the mark in Firefox' });
  });

  it('caused no page error and no layout shift', async () => {
    expect(await page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
