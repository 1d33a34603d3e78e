// Renders assets/icon.svg to the PNG sizes the manifest lists
// (assets/public/icon/<size>.png; WXT puts them in the manifest's `icons`).
// The PNGs are committed; run this again after changing the SVG:
//   npx tsx scripts/icons.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, ROOT } from './chromium';

export const ICON_SIZES = [16, 32, 48, 128] as const;

const svg = readFileSync(join(ROOT, 'assets/icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
try {
  for (const size of ICON_SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    // The SVG is our own file: a data URL in an <img>, scaled by the browser.
    await page.setContent(`<html><body style="margin:0;background:transparent"><img width="${size}" height="${size}" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"></body></html>`);
    await page.waitForFunction(() => document.images[0]?.complete);
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    writeFileSync(join(ROOT, `assets/public/icon/${size}.png`), png);
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`wrote assets/public/icon/{${ICON_SIZES.join(',')}}.png`);
