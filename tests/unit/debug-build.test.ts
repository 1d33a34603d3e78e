// Debug code only in debug builds (issue #19), read from the BUILT bundles:
// the release (`npm run build`: .output/chrome-mv3, .output/firefox-mv3)
// carries no debug channel, no performance marks and none of WXT's
// announcement to the page; the debug build (`npm run build:debug`:
// .output/chrome-mv3-debug), which the tests and the benchmark load, carries
// the channel. Needs both builds (npm test makes them).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/read-data';

/** The scripts that run in the pages a person reads: the content script and the card chunk it imports. */
const PAGE_SCRIPTS = ['content-scripts/content.js', 'card-ui.js'];

function built(target: string, file: string): string {
  const path = join(ROOT, '.output', target, file);
  const how = target.endsWith('-debug') ? 'npm run build:debug' : 'npm run build';
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`${how}\` first (npm test does).`);
  return readFileSync(path, 'utf8');
}

describe.each(['chrome-mv3', 'firefox-mv3'])('the release build (%s)', (target) => {
  it.each(PAGE_SCRIPTS)('%s has no debug channel and writes nothing to the page’s performance timeline', (file) => {
    const code = built(target, file);
    expect(code).not.toContain('__backstory');
    expect(code).not.toMatch(/performance\.(mark|measure)\b/);
    // The debug timeline's event names stay out too.
    expect(code).not.toContain('card-painted');
    expect(code).not.toContain('dwell-end');
  });

  it('the content script has none of WXT’s ContentScriptContext (it posts our extension id to the page)', () => {
    const code = built(target, 'content-scripts/content.js');
    expect(code).not.toContain('content-script-started');
    expect(code).not.toMatch(/\bwindow\.postMessage\(/);
  });

  it('the background carries no test hook: no names pinned from the package, no open shadow root for tests', () => {
    const code = built(target, 'background.js');
    expect(code).not.toContain('page-names.json');
    // The stored names' schema still knows the field (a debug build's tests may have left it in storage) ...
    expect(code).toContain('openShadowRoot');
    // ... but the release never hands it to a page: the only use is the schema's key.
    expect(code.match(/openShadowRoot/g)!.length).toBe(1);
  });
});

describe('the debug build (chrome-mv3-debug)', () => {
  it('carries the debug channel in the content script and the card paint record in the card chunk', () => {
    const content = built('chrome-mv3-debug', 'content-scripts/content.js');
    expect(content).toContain('__backstory');
    for (const api of ['allMentions', 'benchHit', 'cardChunk', 'timeline']) expect(content).toContain(api);
    expect(built('chrome-mv3-debug', 'card-ui.js')).toContain('card-painted');
  });

  it('still never uses the page’s performance timeline, nor WXT’s announcement', () => {
    for (const file of PAGE_SCRIPTS) expect(built('chrome-mv3-debug', file)).not.toMatch(/performance\.(mark|measure)\b/);
    expect(built('chrome-mv3-debug', 'content-scripts/content.js')).not.toContain('content-script-started');
  });
});
