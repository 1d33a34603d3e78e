import { writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { chromium } from 'playwright-core';
import { generatePage } from '../gen';
import { CHROMIUM, CHROMIUM_ARGS, serveDir } from '../../chromium';
const size = Number(process.argv[2] ?? 5) * 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'bhl-'));
const g = generatePage({ chars: size, synthetic: [], real: [], density: 600 });
writeFileSync(join(dir, 'p.html'), g.html);
const server = await serveDir(dir);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto(`${server.url}/p.html`);
for (const kind of ['StaticRange', 'Range']) for (const n of [0, 100, 1000, 7000]) {
  const r = await page.evaluate(`(async () => {
    const raf = () => new Promise(r => requestAnimationFrame(r));
    const after = () => new Promise(r => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });
    CSS.highlights.clear();
    const texts = []; const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT); for (let t = w.nextNode(); t; t = w.nextNode()) if (t.data.length > 5) texts.push(t);
    const step = Math.max(1, Math.floor(texts.length / ${n + 1}));
    const mk = (t) => { if ('${kind}' === 'Range') { const r = document.createRange(); r.setStart(t, 0); r.setEnd(t, 3); return r; } return new StaticRange({startContainer: t, startOffset: 0, endContainer: t, endOffset: 3}); };
    const h = new Highlight(); for (let i = 0; i < ${n}; i++) h.add(mk(texts[i * step]));
    CSS.highlights.set('hl', h);
    await raf(); await after(); await raf(); await after();
    const meas = async (fn) => { const t = []; for (let i = 0; i < 7; i++) { await raf(); const t0 = performance.now(); fn(i); await raf(); await after(); t.push(performance.now() - t0); } t.sort((a,b)=>a-b); return Math.round(t[3]); };
    const idle = await meas(() => {});
    const add = await meas((i) => h.add(mk(texts[i * 7 + 3])));
    const app = await meas(() => { const q = document.createElement('p'); q.textContent = 'hello world'; document.querySelector('main').append(q); });
    return { idle, add, app };
  })()`);
  console.log(kind, n, JSON.stringify(r));
}
await browser.close(); await server.close();
