// `npx tsx scripts/bench/reader-record-probe.ts [factor...]`: how the reader's
// derived KB behaves as ONE IndexedDB record (the storage before issue #18's
// chunked store) at the reader's scale. The 50 synthetic reports of the bench
// are derived for real and copied `factor` times (scripts/bench/reader-gen.ts
// scaleReaderDerived), then written as one record and read back, in Node with
// fake-indexeddb and in Chromium's real IndexedDB on a loopback page. Prints
// sizes, times and the error each gives. A probe, not a figure of the bench.
import 'fake-indexeddb/auto';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { contentHash } from '../../lib/kb/text';
import { deriveFromScratch } from '../../lib/reader-kb/incremental';
import type { PackReport } from '../../lib/reader-kb/pack';
import { buildKbFromDisk } from '../read-data';
import { CHROMIUM, CHROMIUM_ARGS, serveDir } from '../chromium';
import { scaleReaderDerived, syntheticReaderReports } from './reader-gen';

const factors = process.argv.slice(2).map(Number).filter((n) => n > 0);
const kb = buildKbFromDisk();
const files = syntheticReaderReports(50);
const packs: PackReport[] = files.map((f, i) => ({ id: `${String(500 + (i % 500)).padStart(3, '0')}_${contentHash(f.text).padEnd(16, '0').slice(0, 16)}`, file: f.file, title: f.text.split('\n')[0]!, text: f.text, url: null, addedAt: i, source: 'file' }));
const base = deriveFromScratch(kb, packs).derived;

function idbPut(name: string, value: unknown): Promise<{ putMs: number; getMs: number; error: string | null }> {
  return new Promise((resolve) => {
    const del = indexedDB.deleteDatabase(name);
    del.onsuccess = del.onerror = () => {
      const open = indexedDB.open(name, 1);
      open.onupgradeneeded = () => open.result.createObjectStore('derived', { keyPath: 'key' });
      open.onsuccess = () => {
        const db = open.result;
        const t0 = performance.now();
        let error: string | null = null;
        const tx = db.transaction('derived', 'readwrite');
        try {
          tx.objectStore('derived').put(value);
        } catch (e) {
          error = `${(e as Error).name}: ${(e as Error).message}`;
        }
        tx.oncomplete = tx.onabort = tx.onerror = () => {
          const putMs = performance.now() - t0;
          error ??= tx.error ? `${tx.error.name}: ${tx.error.message}` : null;
          const t1 = performance.now();
          const get = db.transaction('derived').objectStore('derived').get('active');
          get.onsuccess = get.onerror = () => {
            db.close();
            resolve({ putMs, getMs: performance.now() - t1, error: error ?? (get.result ? null : 'read back: missing') });
          };
        };
      };
    };
  });
}

const PAGE_PROBE = `async (url) => {
  const value = await (await fetch(url)).json();
  const name = 'probe-' + Math.random().toString(36).slice(2);
  const db = await new Promise((res, rej) => { const o = indexedDB.open(name, 1); o.onupgradeneeded = () => o.result.createObjectStore('derived', { keyPath: 'key' }); o.onsuccess = () => res(o.result); o.onerror = () => rej(o.error); });
  const t0 = performance.now();
  let error = null;
  await new Promise((res) => {
    const tx = db.transaction('derived', 'readwrite');
    try { tx.objectStore('derived').put(value); } catch (e) { error = e.name + ': ' + e.message; }
    tx.oncomplete = tx.onabort = tx.onerror = () => { error = error ?? (tx.error ? tx.error.name + ': ' + tx.error.message : null); res(); };
  });
  const putMs = performance.now() - t0;
  const t1 = performance.now();
  const got = await new Promise((res) => { const g = db.transaction('derived').objectStore('derived').get('active'); g.onsuccess = () => res(g.result); g.onerror = () => res(undefined); });
  const getMs = performance.now() - t1;
  db.close();
  indexedDB.deleteDatabase(name);
  return { putMs, getMs, error: error ?? (got ? null : 'read back: missing'), reports: got ? got.kb.reports.length : 0 };
}`;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'reader-probe-'));
  writeFileSync(join(dir, 'blank.html'), '<!doctype html><meta charset="utf-8"><title>probe</title>');
  const server = await serveDir(dir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    for (const factor of factors.length ? factors : [20, 200]) {
      const scaled = { ...scaleReaderDerived(base, factor), key: 'active' };
      const json = JSON.stringify(scaled);
      writeFileSync(join(dir, `d${factor}.json`), json);
      const counts = `${scaled.kb.reports.length} reports, ${scaled.kb.entities.length} entities, ${scaled.kb.claims.length} claims, ${scaled.kb.caveats.length} caveats; JSON ${(json.length / 1e6).toFixed(1)} MB`;
      const node = await idbPut(`probe-${factor}`, scaled);
      const page = await browser.newPage();
      await page.goto(`${server.url}/blank.html`);
      const chrome = (await page.evaluate(`(${PAGE_PROBE})('/d${factor}.json')`)) as { putMs: number; getMs: number; error: string | null; reports: number };
      await page.close();
      console.log(`x${factor}: ${counts}`);
      console.log(`  fake-indexeddb: put ${node.putMs.toFixed(0)} ms, get ${node.getMs.toFixed(0)} ms, ${node.error ?? 'ok'}`);
      console.log(`  chromium:       put ${chrome.putMs.toFixed(0)} ms, get ${chrome.getMs.toFixed(0)} ms, ${chrome.error ?? `ok (${chrome.reports} reports read back)`}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
