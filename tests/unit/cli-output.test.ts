// The kb CLI's output plumbing (scripts/cli-output.ts): `npm run -s kb -- …`
// prints nothing but the command's JSON on stdout (no npm banner; the project
// sets no `loglevel=silent`), and `--json FILE` writes that same output to FILE.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kbStats } from '../../lib/kb/document';
import { takeJsonOption } from '../../scripts/cli-output';
import { buildKbFromDisk, ROOT } from '../../scripts/read-data';

const TSX = join(ROOT, 'node_modules/.bin/tsx');

describe('kb CLI output', { timeout: 60_000 }, () => {
  it('npm run -s kb -- stats: stdout is the JSON alone', () => {
    const stdout = execFileSync('npm', ['run', '-s', 'kb', '--', 'stats'], { cwd: ROOT, encoding: 'utf8' });
    expect(JSON.parse(stdout)).toEqual(kbStats(buildKbFromDisk()));
  });

  it('--json FILE writes what stdout would get to FILE, and nothing to stdout', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'backstory-cli-')), 'caveats.json');
    const plain = execFileSync(TSX, ['scripts/kb-cli.ts', 'caveats'], { cwd: ROOT, encoding: 'utf8' });
    const result = spawnSync(TSX, ['scripts/kb-cli.ts', 'caveats', '--json', file], { cwd: ROOT, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(plain);
  });

  it('takes --json FILE and --json=FILE anywhere, and refuses --json without a file', () => {
    expect(takeJsonOption(['--json', 'out.json', 'inspect', 'Putin'])).toEqual({ args: ['inspect', 'Putin'], jsonFile: 'out.json', error: null });
    expect(takeJsonOption(['stats', '--json=out.json'])).toEqual({ args: ['stats'], jsonFile: 'out.json', error: null });
    expect(takeJsonOption(['stats'])).toEqual({ args: ['stats'], jsonFile: null, error: null });
    expect(takeJsonOption(['stats', '--json']).error).toMatch(/needs a file name/);
    const result = spawnSync(TSX, ['scripts/kb-cli.ts', 'stats', '--json'], { cwd: ROOT, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/--json needs a file name/);
  });
});
