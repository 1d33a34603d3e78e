// The content script's `wxt/browser` (lib/page/core/browser-api.ts, aliased in
// wxt.config.ts): the browser's own API object instead of webextension-polyfill,
// which would take the content script from 45,157 B to 54,762 B (over its
// 50,000 B budget). Pinned here: which object it picks, and that the built
// content script carries no polyfill while the background does.
// The build half needs `npm run build` (npm test builds first).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ROOT } from '../../scripts/read-data';

/** A string only webextension-polyfill has. */
const POLYFILL_MARKER = 'This script should only be loaded in a browser extension';

function built(target: string, file: string): string {
  const path = join(ROOT, '.output', target, file);
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first (npm test does).`);
  return readFileSync(path, 'utf8');
}

describe('the content script’s browser API', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('is Firefox’s `browser` where there is one, else Chrome’s `chrome`', async () => {
    const chrome = { runtime: { id: 'chrome' } };
    const firefox = { runtime: { id: 'firefox' } };
    vi.stubGlobal('chrome', chrome);
    expect((await import('../../lib/page/core/browser-api')).browser).toBe(chrome);
    vi.resetModules();
    vi.stubGlobal('browser', firefox);
    expect((await import('../../lib/page/core/browser-api')).browser).toBe(firefox);
  });

  it.each(['chrome-mv3', 'firefox-mv3'])('%s: no webextension-polyfill in the content script; the background has it', (target) => {
    expect(built(target, 'content-scripts/content.js')).not.toContain(POLYFILL_MARKER);
    expect(built(target, 'background.js')).toContain(POLYFILL_MARKER);
  });
});
