import { writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { chromium } from 'playwright-core';
import { generatePage, syntheticAliases } from '../gen';
import { bundleIife } from '../util';
import { compileMatcher } from '../../../lib/match/compile';
import { CHROMIUM, CHROMIUM_ARGS, serveDir } from '../../chromium';
const size = Number(process.argv[2] ?? 5) * 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'bhl-'));
const syn = syntheticAliases(10000);
writeFileSync(join(dir, 'm.json'), JSON.stringify(compileMatcher(syn)));
const g = generatePage({ chars: size, synthetic: syn.slice(0, 100).filter((a) => !a.needsContext).map((a) => a.text), real: [], density: 600 });
writeFileSync(join(dir, 'p.html'), g.html);
const server = await serveDir(dir);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto(`${server.url}/p.html`);
await page.addScriptTag({ content: await bundleIife('/work/main/scripts/bench/page-entry.ts') });
await page.evaluate(`__bench.setup()`);
await page.evaluate(`__bench.loadMatcher('k', '/m.json', null)`);
const frames = (what: string) => page.evaluate(`(async () => {
  const raf = () => new Promise(r => requestAnimationFrame(r));
  const after = () => new Promise(r => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });
  const t = [];
  const h = CSS.highlights.get('backstory-person') ?? new Highlight();
  const p = document.querySelector('main p');
  const texts = []; const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT); for (let n = w.nextNode(); n && texts.length < 200; n = w.nextNode()) if (n.data.length > 5) texts.push(n);
  for (let i = 0; i < 12; i++) {
    await raf();
    const t0 = performance.now();
    ${what}
    await raf(); await after();
    t.push(performance.now() - t0);
  }
  t.sort((a,b)=>a-b); return t.slice(2, 10).map(x => Math.round(x)).join(' ');
})()`);
console.log('nothing        ', await frames(''));
console.log('append <p>     ', await frames(`const q = document.createElement('p'); q.textContent = 'hello world'; document.querySelector('main').append(q);`));
console.log('no highlights yet: add range to new hl', await frames(`const hh = new Highlight(new StaticRange({startContainer: texts[i], startOffset: 0, endContainer: texts[i], endOffset: 2})); CSS.highlights.set('x'+i, hh);`));
await page.evaluate(`__bench.ours('k', {keep: true})`);
console.log('after ours: nothing', await frames(''));
console.log('add 1 range    ', await frames(`h.add(new StaticRange({startContainer: texts[i], startOffset: 0, endContainer: texts[i], endOffset: 2}));`));
console.log('append <p>     ', await frames(`const q = document.createElement('p'); q.textContent = 'hello world'; document.querySelector('main').append(q);`));
await browser.close(); await server.close();
