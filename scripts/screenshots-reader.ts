// `npx tsx scripts/screenshots-reader.ts`: screenshots of the options page's
// "Your reports" section (issue #18) while an import runs (the progress bar
// and the per-file results so far), after importing the reader fixtures and
// a bad file, light and dark, the review list of the names they added, a
// pack import's plan, the "Save this page" form, and the side panel's search,
// under docs/screenshots/. Needs `npm run build:debug:chrome`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchWithExtension, ROOT, serveDir } from './chromium';

const OUT = join(ROOT, 'docs/screenshots');
const FIX = join(ROOT, 'tests/fixtures/reader');
const FIXTURE_FILES = [
  { name: 'ferry.txt', mimeType: 'text/plain', buffer: readFileSync(join(FIX, 'ferry.txt')) },
  { name: 'scan.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]) },
  { name: 'mine.html', mimeType: 'text/html', buffer: readFileSync(join(FIX, 'mine.html')) },
  { name: 'wind.md', mimeType: 'text/markdown', buffer: readFileSync(join(FIX, 'wind.md')) },
  { name: 'ferry-copy.txt', mimeType: 'text/plain', buffer: readFileSync(join(FIX, 'ferry.txt')) },
];

// An import while it runs (the progress bar, Cancel, each file's result as it comes), in a
// browser of its own: the fixtures and forty short notes, the page's CPU slowed down, so that
// the import is still running when the shot is taken.
{
  const browser = await launchWithExtension();
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 760, height: 1000 });
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const section = page.locator('section', { has: page.getByRole('heading', { name: 'Your reports' }) });
    const notes = Array.from({ length: 40 }, (_, i) => ({ name: `note-${String(i + 1).padStart(2, '0')}.txt`, mimeType: 'text/plain', buffer: Buffer.from(`market note ${i + 1}\n\nprices at the harbour market were steady on day ${i + 1}, with ${i + 3} stalls open.\n`) }));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
    await section.locator('input[accept=".txt,.html,.md"]').setInputFiles([...FIXTURE_FILES, ...notes]);
    await section.getByRole('list', { name: 'Results' }).locator('li').nth(5).waitFor({ timeout: 60_000 });
    await section.screenshot({ path: join(OUT, 'your-reports-progress-light.png'), animations: 'disabled' });
  } finally {
    await browser.close();
  }
}

const browser = await launchWithExtension();
try {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 760, height: 1000 });
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const section = page.locator('section', { has: page.getByRole('heading', { name: 'Your reports' }) });
  await section.locator('input[accept=".txt,.html,.md"]').setInputFiles(FIXTURE_FILES);
  await section.getByRole('status').filter({ hasText: 'added' }).waitFor({ timeout: 60_000 });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await section.screenshot({ path: join(OUT, `your-reports-${scheme}.png`) });
  }
  // The review list: the names the reports added, each with merge, rename, change type and reject.
  const review = section.getByRole('list', { name: 'Names your reports added' });
  await review.waitFor();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    // From its heading to the end of the list.
    const top = (await section.getByRole('heading', { name: 'Names your reports added' }).boundingBox())!;
    const list = (await review.boundingBox())!;
    const left = Math.min(top.x, list.x) - 8;
    await page.screenshot({ path: join(OUT, `your-reports-review-${scheme}.png`), clip: { x: left, y: top.y - 8, width: list.x + list.width - left + 8, height: list.y + list.height - top.y + 16 } });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'Export…' }).click()]);
  const pack = join(browser.userDataDir, 'pack.json');
  await download.saveAs(pack);
  await section.getByLabel('Import a pack').setInputFiles(pack);
  await section.getByRole('group', { name: 'Pack to import' }).waitFor();
  await page.emulateMedia({ colorScheme: 'light' });
  await section.screenshot({ path: join(OUT, 'your-reports-pack-plan-light.png') });
  await section.getByRole('group', { name: 'Pack to import' }).getByRole('button', { name: 'Cancel' }).click().catch(() => undefined);

  // Save this page: the form the context menu and Alt+Shift+S open, filled from the page's metadata.
  const server = await serveDir(join(ROOT, 'tests/fixtures/save'));
  try {
    const article = await browser.context.newPage();
    await article.goto(`${server.url}/lighthouse.html`);
    await article.bringToFront();
    const tabId = await browser.worker.evaluate(async () => (await (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } }).chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? 0);
    const save = await browser.context.newPage();
    await save.setViewportSize({ width: 380, height: 560 });
    await save.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}&save=1`);
    const form = save.getByRole('form', { name: 'Save this page' });
    await form.waitFor({ timeout: 30_000 });
    for (const scheme of ['light', 'dark'] as const) {
      await save.emulateMedia({ colorScheme: scheme });
      await save.screenshot({ path: join(OUT, `save-page-${scheme}.png`) });
    }
    await form.getByRole('button', { name: 'Save' }).click();
    await save.getByTestId('save-result').waitFor({ timeout: 60_000 });
    await save.close();

    // The side panel's search over the bundled and the reader's reports.
    const panel = await browser.context.newPage();
    await panel.setViewportSize({ width: 400, height: 720 });
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
    const field = panel.getByRole('searchbox', { name: 'Search names, claims and report text' });
    await field.focus();
    await field.fill('Tammeleht');
    await panel.getByRole('search', { name: 'Search the reports' }).getByRole('status').filter({ hasText: 'Found' }).waitFor({ timeout: 30_000 });
    for (const scheme of ['light', 'dark'] as const) {
      await panel.emulateMedia({ colorScheme: scheme });
      await panel.screenshot({ path: join(OUT, `panel-search-${scheme}.png`) });
    }
  } finally {
    await server.close();
  }
  console.log('wrote docs/screenshots/your-reports-{progress-light,light,dark,review-light,review-dark,pack-plan-light}.png, save-page-{light,dark}.png, panel-search-{light,dark}.png');
} finally {
  await browser.close();
}
