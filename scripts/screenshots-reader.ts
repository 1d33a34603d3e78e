// `npx tsx scripts/screenshots-reader.ts`: screenshots of the options page's
// "Your reports" section (issue #18) after importing the reader fixtures and
// a bad file, light and dark, and of a pack import's plan, under
// docs/screenshots/. Needs `npm run build:chrome`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchWithExtension, ROOT } from './chromium';

const OUT = join(ROOT, 'docs/screenshots');
const FIX = join(ROOT, 'tests/fixtures/reader');
const browser = await launchWithExtension();
try {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 760, height: 1000 });
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const section = page.locator('section', { has: page.getByRole('heading', { name: 'Your reports' }) });
  await section.locator('input[accept=".txt,.html,.md"]').setInputFiles([
    { name: 'ferry.txt', mimeType: 'text/plain', buffer: readFileSync(join(FIX, 'ferry.txt')) },
    { name: 'scan.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]) },
    { name: 'mine.html', mimeType: 'text/html', buffer: readFileSync(join(FIX, 'mine.html')) },
    { name: 'wind.md', mimeType: 'text/markdown', buffer: readFileSync(join(FIX, 'wind.md')) },
    { name: 'ferry-copy.txt', mimeType: 'text/plain', buffer: readFileSync(join(FIX, 'ferry.txt')) },
  ]);
  await section.getByRole('status').filter({ hasText: 'added' }).waitFor({ timeout: 60_000 });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await section.screenshot({ path: join(OUT, `your-reports-${scheme}.png`) });
  }
  const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'Export…' }).click()]);
  const pack = join(browser.userDataDir, 'pack.json');
  await download.saveAs(pack);
  await section.getByLabel('Import a pack').setInputFiles(pack);
  await section.getByRole('group', { name: 'Pack to import' }).waitFor();
  await page.emulateMedia({ colorScheme: 'light' });
  await section.screenshot({ path: join(OUT, 'your-reports-pack-plan-light.png') });
  console.log('wrote docs/screenshots/your-reports-{light,dark}.png, your-reports-pack-plan-light.png');
} finally {
  await browser.close();
}
