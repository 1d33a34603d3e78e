// Diagnostics (issue #16; too slow for `npm test`: ~7 min): the card of every bundled KB entity, hovered on
// generated article pages in six page styles (light, dark, a 62.5 % root font size, right-to-left, a zoomed
// body, a 400 px window), checked as a reader meets it: within 360 × 340, nothing scrolls, no text under 14 px,
// inside the viewport, no report id, no "undefined"/"NaN" text, and Esc closes it.
// `npm run build:debug && npx tsx scripts/card-sweep.ts`; prints the problems found (none: "problems 0").
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension, serveDir, pointAtInPage } from '../tests/support/browser';
import { inContentWorld, ready } from '../tests/support/content-world';
const kb = JSON.parse(readFileSync('.output/chrome-mv3-debug/kb/kb.json', 'utf8'));
const ents: { id: string; name: string }[] = (kb.entities as { id: string; name: string }[]).map((e) => ({ id: e.id, name: e.name }));
const dir = mkdtempSync(join(tmpdir(), 'backstory-sweep-'));
const paras = ents.map((e, i) => `<p>Paragraph ${i}: officials discussed ${e.name} at length on Tuesday, as the talks went on.</p>`).join('\n');
const styles: Record<string, string> = {
  light: '',
  dark: 'html,body{background:#121212;color:#ddd}',
  rem: 'html{font-size:62.5%}body{font-size:1.6rem}',
  rtl: '',
  zoomed: 'body{zoom:0.8}',
  narrow: '',
};
for (const [name, css] of Object.entries(styles)) {
  writeFileSync(join(dir, `${name}.html`), `<!doctype html><html lang="en"${name === 'rtl' ? ' dir="rtl"' : ''}><head><meta charset="utf-8"><title>World news: talks continue</title><style>${css}</style></head><body><nav><a href="/">Home</a></nav><main><article><h1>Talks continue</h1>\n${paras}\n</article></main></body></html>`);
}
const server = await serveDir(dir);
const browser = await launchWithExtension();
const page = await browser.context.newPage();
const problems: string[] = [];
let opened = 0;
for (const name of Object.keys(styles)) {
  await page.setViewportSize(name === 'narrow' ? { width: 400, height: 700 } : { width: 1200, height: 800 });
  await page.goto(`${server.url}/${name}.html`);
  await ready(page);
  const marks = await inContentWorld<{ text: string; entity: string | null; highlight: string | null }[]>(page, '__backstory.marks()');
  console.log(name, 'marks', marks.length, 'of', ents.length);
  for (const m of marks) {
    await page.mouse.move(1, 1);
    await page.keyboard.press('Escape');
    const p = await page.evaluate(pointAtInPage, { text: m.text, scope: 'article' });
    await page.mouse.move(p.x, p.y);
    const dialog = page.locator('backstory-ui').locator('[role=dialog]');
    try {
      await dialog.waitFor({ timeout: 8000 });
      await dialog.locator('[data-part=more]').waitFor({ timeout: 8000 });
    } catch {
      problems.push(`${name}: ${m.text}: no card`);
      continue;
    }
    opened++;
    const r = await dialog.evaluate((card) => {
      const box = card.getBoundingClientRect();
      let minFont = Infinity;
      let minEl = '';
      const scrolling: string[] = [];
      for (const el of [card, ...card.querySelectorAll('*')]) {
        const cs = getComputedStyle(el);
        if (/(auto|scroll)/.test(cs.overflowY + cs.overflowX) && (el.scrollHeight > el.clientHeight || el.scrollWidth > el.clientWidth)) scrolling.push(el.className);
        const hasText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim() !== '');
        if (hasText && cs.visibility !== 'hidden' && parseFloat(cs.fontSize) < minFont) { minFont = parseFloat(cs.fontSize); minEl = el.className + ':' + el.textContent!.slice(0, 30); }
      }
      const vw = innerWidth, vh = innerHeight;
      return { w: box.width, h: box.height, minFont, minEl, scrolling, off: box.left < 0 || box.top < 0 || box.right > vw || box.bottom > vh, text: card.textContent ?? '' };
    });
    const bad: string[] = [];
    if (r.w > 360) bad.push(`width ${r.w}`);
    if (r.h > 340) bad.push(`height ${r.h}`);
    if (r.minFont < 14) bad.push(`font ${r.minFont} (${r.minEl})`);
    if (r.scrolling.length) bad.push(`scrolls ${r.scrolling}`);
    if (r.off) bad.push('off-screen');
    if (/\b\d{3}_[0-9a-f]{16}\b|\breport \d{3}\b/.test(r.text)) bad.push('report id');
    if (/undefined|NaN|\[object/.test(r.text)) bad.push(`junk text: ${r.text.slice(0, 80)}`);
    if (bad.length) problems.push(`${name}: ${m.text}: ${bad.join('; ')}`);
    await page.keyboard.press('Escape');
    if ((await dialog.count()) !== 0) { await page.waitForTimeout(300); if ((await dialog.count()) !== 0) problems.push(`${name}: ${m.text}: Esc did not close`); }
  }
}
console.log('opened', opened, 'problems', problems.length);
process.exitCode = problems.length ? 1 : 0;
for (const p of problems) console.log(' ', p);
await browser.close();
await server.close();
