// `npm run demo`: build the extension, serve the bundled sample news page on
// loopback, and open it in Chromium with Backstory loaded.
// `npm run demo -- --screenshot FILE` runs headless, hovers a marked name so its
// card opens, and saves a screenshot (for machines with no display).
import { execSync } from 'node:child_process';
import { relative, resolve } from 'node:path';
import { launchWithExtension, RELEASE_EXTENSION_DIR, ROOT, serveDir, waitFor } from './chromium';
import { markInViewInPage, settledInPage } from './in-page';

// Progress, on stderr (stdout keeps the demo's results): one short line per step.
const started = Date.now();
const progress = (step: string) => console.error(`[demo ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${step}`);

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
if (!args.includes('--no-build')) {
  progress('building the extension (npm run build:chrome: the knowledge base, then the Chrome release build)…');
  try {
    execSync('npm run -s build:chrome', { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const e = error as { stdout?: Buffer; stderr?: Buffer };
    console.error(`${e.stdout?.toString() ?? ''}${e.stderr?.toString() ?? ''}`);
    progress('the build failed (its output is above)');
    process.exit(1);
  }
  progress(`built ${relative(ROOT, RELEASE_EXTENSION_DIR)}`);
}

progress('serving the sample page on 127.0.0.1…');
const server = await serveDir();
progress(`starting Chromium with Backstory (${screenshot ? 'headless' : 'a window'})…`);
const browser = await launchWithExtension({ headless: Boolean(screenshot), extensionDir: RELEASE_EXTENSION_DIR });
const page = browser.context.pages()[0] ?? (await browser.context.newPage());
await page.setViewportSize({ width: 1280, height: 900 });
const url = `${server.url}/sample-news.html`;
progress('opening the sample news page…');
await page.goto(url);
console.log(`Backstory is running on ${url}`);

if (screenshot) {
  // Hover the first person marked in the article's text (by default only a
  // name's first mention in the body is marked) and wait for its card.
  progress('waiting for the marks…');
  await page.waitForFunction(() => CSS.highlights.size > 0, undefined, { timeout: 15_000 }).catch(() => undefined);
  await page.locator('article p').first().evaluate((p) => p.scrollIntoView({ block: 'start' })).catch(() => undefined);
  const point = await page.evaluate(markInViewInPage, { highlight: 'backstory-person' });
  if (point) {
    progress(`hovering “${point.text}” until its card opens…`);
    await page.mouse.move(point.x, point.y);
    // The release build's card lives in a closed shadow root under a per-install tag: scripts cannot
    // see it, a screen reader can. Read the page's accessibility tree for a named dialog.
    const cdp = await browser.context.newCDPSession(page);
    const cardName = async (): Promise<string | null> => {
      const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { ignored?: boolean; role?: { value?: string }; name?: { value?: string }; properties?: { name: string; value: { value?: unknown } }[] }[] };
      const dialog = nodes.find((n) => !n.ignored && n.role?.value === 'dialog' && n.name?.value && !n.properties?.some((p) => p.name === 'busy' && p.value.value === true));
      return dialog?.name?.value ?? null;
    };
    const opened = await waitFor(cardName, { what: 'the card', timeout: 15_000 }).catch(() => null);
    // The card's entrance finished and painted: not a fixed wait.
    await page.evaluate(settledInPage);
    console.log(opened ? `Card open: ${opened}.` : 'No card opened (is the KB loaded?).');
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
