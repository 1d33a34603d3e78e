// `npm run demo`: build the extension, serve the bundled sample news page on
// loopback, and open it in Chromium with Backstory loaded.
// `npm run demo -- --screenshot FILE` runs headless, hovers a marked name so its
// card opens, and saves a screenshot (for machines with no display).
import { execSync } from 'node:child_process';
import { resolve } from 'node:path';
import { launchWithExtension, ROOT, serveDir } from './chromium';

const args = process.argv.slice(2);
const shotIndex = args.indexOf('--screenshot');
let screenshot = shotIndex >= 0 ? args[shotIndex + 1] : undefined;
if (shotIndex >= 0 && !screenshot) {
  console.error('usage: npm run demo -- [--screenshot FILE] [--no-build]');
  process.exit(1);
}
if (!screenshot && !process.env.DISPLAY) {
  screenshot = 'demo-screenshot.png';
  console.log(`No display found: running headless and saving a screenshot to ${screenshot}.`);
}
if (!args.includes('--no-build')) execSync('npm run build:chrome', { cwd: ROOT, stdio: 'inherit' });

const server = await serveDir();
const browser = await launchWithExtension({ headless: Boolean(screenshot) });
const page = browser.context.pages()[0] ?? (await browser.context.newPage());
await page.setViewportSize({ width: 1280, height: 900 });
const url = `${server.url}/sample-news.html`;
await page.goto(url);
console.log(`Backstory is running on ${url}`);

if (screenshot) {
  // Hover the first marked mention of Xi Jinping in the article and wait for its card.
  const point = await page.evaluate(() => {
    const walker = document.createTreeWalker(document.querySelector('article') ?? document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n.textContent ?? '').indexOf('Vladimir Putin');
      if (i < 0 || (n.parentElement?.closest('figcaption') ?? null)) continue;
      const range = document.createRange();
      range.setStart(n, i + 2);
      range.setEnd(n, i + 3);
      const r = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    return null;
  });
  await page.waitForTimeout(800);
  if (point) {
    await page.mouse.move(point.x, point.y);
    await page.locator('backstory-ui').waitFor({ state: 'attached', timeout: 5_000 }).catch(() => undefined);
    await page.waitForTimeout(1_200);
  }
  const file = resolve(process.cwd(), screenshot);
  await page.screenshot({ path: file });
  console.log(`Screenshot saved to ${file}`);
  await browser.close();
  await server.close();
} else {
  console.log('Close the browser window (or press Ctrl+C) to stop.');
  const stop = async () => {
    await browser.close().catch(() => undefined);
    await server.close();
    process.exit(0);
  };
  browser.context.on('close', () => void stop());
  process.on('SIGINT', () => void stop());
}
