// `npm run kb -- extract FILE...` on a folder of bad input: every bad file gets
// one line on stderr naming it, the good ones are still processed, and the exit
// code says something failed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/read-data';

const TSX = join(ROOT, 'node_modules/.bin/tsx');
let dir = '';
const files: Record<string, string> = {};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kb-extract-'));
  files.good = join(dir, 'good.txt');
  writeFileSync(files.good, 'Leaders meet in Moscow\n\nXi Jinping met Vladimir Putin in Moscow, officials said.\n');
  files.empty = join(dir, 'empty.txt');
  writeFileSync(files.empty, '');
  files.blank = join(dir, 'blank.txt');
  writeFileSync(files.blank, '\n   \n\t\n');
  files.binary = join(dir, 'photo.txt');
  writeFileSync(files.binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]));
  files.huge = join(dir, 'huge.txt');
  writeFileSync(files.huge, `Huge\n\n${'Xi Jinping met Vladimir Putin. '.repeat(Math.ceil((5.2 * 1024 * 1024) / 31))}`);
  files.folder = join(dir, 'folder.txt');
  mkdirSync(files.folder);
  files.missing = join(dir, 'missing.txt');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('kb extract on bad input', { timeout: 60_000 }, () => {
  it('names each bad file on one line, still processes the good one, and exits 1', () => {
    const order = ['empty', 'good', 'blank', 'binary', 'huge', 'folder', 'missing'];
    const r = spawnSync(TSX, ['scripts/kb-cli.ts', 'extract', ...order.map((k) => files[k]!)], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(6);
    for (const k of order.filter((x) => x !== 'good')) expect(lines.filter((l) => l.startsWith(`${files[k]}: `)), k).toHaveLength(1);
    expect(lines.find((l) => l.startsWith(files.empty!))).toMatch(/empty/);
    expect(lines.find((l) => l.startsWith(files.blank!))).toMatch(/no text/);
    expect(lines.find((l) => l.startsWith(files.binary!))).toMatch(/binary/);
    expect(lines.find((l) => l.startsWith(files.huge!))).toMatch(/too large/);
    expect(lines.find((l) => l.startsWith(files.folder!))).toMatch(/cannot read/);
    expect(lines.find((l) => l.startsWith(files.missing!))).toMatch(/cannot read/);
    const out = JSON.parse(r.stdout) as { reports: { file: string; title: string }[]; entities: { name: string; kbId: string | null }[] };
    expect(out.reports).toEqual([{ file: files.good, title: 'Leaders meet in Moscow', publisher: null, date: null }]);
    expect(out.entities.map((e) => e.kbId)).toEqual(expect.arrayContaining(['xi-jinping', 'vladimir-putin', 'moscow']));
  });

  it('exits 0 and prints the document when every file is good', () => {
    const r = spawnSync(TSX, ['scripts/kb-cli.ts', 'extract', files.good!], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as Record<string, unknown[]>;
    expect(Object.keys(out)).toEqual(['reports', 'entities', 'claims', 'caveats']);
    expect(out.claims!.length).toBeGreaterThan(0);
  });
});
