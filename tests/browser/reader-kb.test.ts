// The reader's own reports in real Chromium with the built extension: import
// through the options page (three files, one bad), the new names marked on a
// page with a card that cites the imported report by its title, export →
// delete all → import restores them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, pointAtInPage, ROOT, serveDir, waitFor, type ExtensionBrowser, type StaticServer } from './harness';
import { inContentWorld, ready } from './content-world';

const FIXTURES = join(ROOT, 'tests/fixtures/reader');
const FERRY = 'Harbour board approves new ferry terminal for Tallinn';
const MINE = 'Copper mine reopens in the north';
const payload = (name: string, mimeType: string) => ({ name, mimeType, buffer: readFileSync(join(FIXTURES, name)) });

describe('your reports (options page)', () => {
  let browser: ExtensionBrowser;
  let server: StaticServer;
  let options: Page;
  let article: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await serveDir(FIXTURES);
    browser = await launchWithExtension();
    options = await browser.context.newPage();
    options.on('pageerror', (e) => errors.push(String(e)));
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    article = await browser.context.newPage();
    article.on('pageerror', (e) => errors.push(String(e)));
  });
  afterAll(async () => {
    expect(errors).toEqual([]);
    await browser?.close();
    await server?.close();
  });

  const section = () => options.locator('section', { has: options.getByRole('heading', { name: 'Your reports' }) });
  const results = () => section().getByRole('list', { name: 'Results' }).locator('li').allTextContents();
  /** The page's marked mentions of `name` (from the content script's debug channel). */
  const markedNames = async () => {
    await article.goto(`${server.url}/page.html`);
    await ready(article);
    const marks = await inContentWorld<{ text: string }[]>(article, '__backstory.marks()');
    return marks.map((m) => m.text);
  };
  /** Open the card of `name` on the article page by hovering it; its text. */
  const cardText = async (name: string) => {
    const p = await article.evaluate(pointAtInPage, { text: name });
    await article.mouse.move(1, 1);
    await article.mouse.move(p.x, p.y);
    const dialog = article.locator('backstory-ui').locator('[role=dialog]');
    await dialog.waitFor({ timeout: 15_000 });
    await expect.poll(() => dialog.locator('h2').textContent()).toBe(name);
    const text = (await dialog.textContent()) ?? '';
    await article.keyboard.press('Escape');
    return text;
  };

  it('has the interface the issue names', async () => {
    const s = section();
    expect(await s.locator('input[type=file][multiple]').first().getAttribute('accept')).toBe('.txt,.html,.md');
    expect(await s.getByLabel('Import a pack').getAttribute('accept')).toContain('.json');
    await expect.poll(() => s.getByRole('button', { name: 'Export…' }).count()).toBe(1);
    expect(await s.getByRole('button', { name: 'Delete all my reports…' }).count()).toBe(1);
  });

  it('imports three files, one bad: two added, one clear error; the new names are marked and their cards cite the report', async () => {
    await section()
      .locator('input[accept=".txt,.html,.md"]')
      .setInputFiles([
        payload('ferry.txt', 'text/plain'),
        { name: 'broken.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]) },
        payload('mine.html', 'text/html'),
      ]);
    await expect.poll(results, { timeout: 30_000 }).toEqual([`ferry.txt added: “${FERRY}”`, 'broken.txt failed: a binary file, not plain text', `mine.html added: “${MINE}”`]);
    await expect.poll(() => section().getByRole('status').textContent()).toBe('2 added, 0 skipped as duplicates, 1 failed.');
    expect(await section().getByRole('list', { name: 'Your reports', exact: true }).locator('li > span').allTextContents()).toEqual([FERRY, MINE]);

    const names = await markedNames();
    expect(names).toEqual(expect.arrayContaining(['Kadri Saarepuu', 'Lauri Vahtramäe']));
    expect(await cardText('Kadri Saarepuu')).toContain(FERRY);
    expect(await cardText('Lauri Vahtramäe')).toContain(MINE);

    // The same file again: skipped as a duplicate, said so.
    await section().locator('input[accept=".txt,.html,.md"]').setInputFiles([join(FIXTURES, 'ferry.txt')]);
    await expect.poll(results, { timeout: 30_000 }).toEqual([`ferry.txt skipped as a duplicate: the same text as “${FERRY}” (a report you already added)`]);
  });

  it('export → delete all → import a pack restores the same names and cards', async () => {
    const [download] = await Promise.all([options.waitForEvent('download'), section().getByRole('button', { name: 'Export…' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^backstory-pack-\d{4}-\d{2}-\d{2}\.json$/);
    const packPath = join(browser.userDataDir, 'exported-pack.json');
    await download.saveAs(packPath);
    const pack = JSON.parse(readFileSync(packPath, 'utf8'));
    expect(pack.format).toBe('backstory-pack');
    expect(pack.reports.map((r: { title: string }) => r.title)).toEqual([FERRY, MINE]);
    const cardBefore = await cardText('Kadri Saarepuu');

    // Delete asks first; keeping them changes nothing.
    await section().getByRole('button', { name: 'Delete all my reports…' }).click();
    await section().getByRole('button', { name: 'Keep them' }).click();
    expect(await section().getByRole('list', { name: 'Your reports', exact: true }).locator('li').count()).toBe(2);
    await section().getByRole('button', { name: 'Delete all my reports…' }).click();
    await section().getByRole('button', { name: 'Delete all', exact: true }).click();
    await expect.poll(() => section().getByRole('status').textContent()).toBe('All your reports were deleted.');
    expect(await section().getByRole('list', { name: 'Your reports', exact: true }).count()).toBe(0);
    const gone = await markedNames();
    expect(gone).not.toContain('Kadri Saarepuu');
    expect(gone).not.toContain('Lauri Vahtramäe');

    // A file that is not a pack: a reason, nothing changes.
    await section().getByLabel('Import a pack').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') });
    await expect.poll(() => section().getByRole('alert').textContent()).toBe('notes.json: Not a Backstory pack (the file has no "format": "backstory-pack").');

    // The exported pack: what it adds is listed first; nothing is written until the reader says so.
    await section().getByLabel('Import a pack').setInputFiles(packPath);
    const plan = section().getByRole('group', { name: 'Pack to import' });
    await expect.poll(() => plan.getByRole('list', { name: 'Reports the pack adds' }).locator('li').allTextContents()).toEqual([FERRY, MINE]);
    expect(await section().getByRole('list', { name: 'Your reports', exact: true }).count()).toBe(0);
    await plan.getByRole('button', { name: 'Add 2 reports' }).click();
    await expect.poll(() => section().getByRole('status').textContent(), { timeout: 30_000 }).toBe('Pack imported: 2 reports added.');
    expect(await markedNames()).toEqual(expect.arrayContaining(['Kadri Saarepuu', 'Lauri Vahtramäe']));
    expect(await cardText('Kadri Saarepuu')).toBe(cardBefore);
  });

  it('review: a rejected name is no longer marked; a changed type shows on its card', async () => {
    const names = section().getByRole('list', { name: 'Names your reports added' });
    await names.getByRole('button', { name: 'Reject Lauri Vahtramäe: not a name' }).click();
    await expect.poll(() => section().getByRole('status').textContent(), { timeout: 30_000 }).toBe('“Lauri Vahtramäe” rejected.');
    expect(await names.locator('li > span:first-child').allTextContents()).not.toContain('Lauri Vahtramäe');
    await names.getByLabel('Type of Kadri Saarepuu').selectOption('organisation');
    await expect.poll(() => section().getByRole('status').textContent(), { timeout: 30_000 }).toBe('“Kadri Saarepuu”: type changed to organisation.');
    const marked = await markedNames();
    expect(marked).toContain('Kadri Saarepuu');
    expect(marked).not.toContain('Lauri Vahtramäe');
    expect(await inContentWorld<{ text: string; highlight: string | null }[]>(article, '__backstory.marks()').then((m) => m.find((x) => x.text === 'Kadri Saarepuu')?.highlight)).toBe('backstory-organisation');
  });

  it('re-seeding the bundled KB (its database deleted and rebuilt) keeps the reader’s reports and names', async () => {
    await options.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.deleteDatabase('backstory');
          req.onsuccess = () => resolve();
          req.onerror = () => reject(req.error);
        }),
    );
    // The next lookup rebuilds the bundled KB from the package; the reader's database is another one.
    await waitFor(async () => (await markedNames()).includes('Kadri Saarepuu'), { what: 'the reader’s name marked again', timeout: 30_000 });
    await options.reload();
    await expect.poll(() => section().getByRole('list', { name: 'Your reports', exact: true }).locator('li > span').allTextContents()).toEqual([FERRY, MINE]);
  });

  it('survives a browser restart', async () => {
    const userDataDir = browser.userDataDir;
    await browser.context.close();
    const again = await launchWithExtension({ userDataDir });
    try {
      const page = await again.context.newPage();
      await page.goto(`${server.url}/page.html`);
      await waitFor(() => inContentWorld<boolean>(page, 'typeof __backstory === "object"').catch(() => false), { what: 'the content script' });
      await inContentWorld(page, '__backstory.idle()');
      const marks = await inContentWorld<{ text: string }[]>(page, '__backstory.marks()');
      // The reports, the derived names and the review all survive.
      expect(marks.map((m) => m.text)).toContain('Kadri Saarepuu');
      expect(marks.map((m) => m.text)).not.toContain('Lauri Vahtramäe');
    } finally {
      await again.context.close();
    }
  });
});
