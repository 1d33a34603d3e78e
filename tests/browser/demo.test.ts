// The README's quick start: `npm run demo -- --screenshot FILE` opens the bundled
// sample page in Chromium with the release build, hovers a marked name and
// saves a screenshot with its card open. (`--no-build`: npm test has built it.)
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/chromium';

const run = promisify(execFile);

describe('npm run demo -- --screenshot', () => {
  it('opens the sample page with the release build and a card, and saves the screenshot', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'backstory-demo-')), 'demo.png');
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/demo.ts', '--screenshot', file, '--no-build'], { cwd: ROOT, env: { ...process.env, DISPLAY: '' } });
    expect(stdout).toMatch(/^Backstory is running on http:\/\/127\.0\.0\.1:\d+\/sample-news\.html$/m);
    // The card is found as a screen reader finds it (the release build's root is closed): a named dialog.
    expect(stdout).toMatch(/^Card open: \S.+\.$/m);
    expect(existsSync(file) && statSync(file).size).toBeGreaterThan(10_000);
  }, 120_000);
});
