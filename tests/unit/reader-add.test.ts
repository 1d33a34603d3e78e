// `npm run kb -- add`: reports into a pack on disk; bad files are named with a
// reason and nothing else is lost.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePackText } from '../../lib/reader-kb/pack';
import { ROOT } from '../../scripts/read-data';

const TSX = join(ROOT, 'node_modules/.bin/tsx');
const fixture = (name: string) => join(ROOT, 'tests/fixtures/reader', name);
const add = (...args: string[]) => spawnSync(TSX, ['scripts/kb-cli.ts', 'add', ...args], { cwd: ROOT, encoding: 'utf8' });

// Each case starts a real `tsx` process.
describe('kb add', { timeout: 120_000 }, () => {
  it('adds the good files of a malformed folder and names each bad one with its reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-add-'));
    const folder = join(dir, 'reports');
    mkdirSync(folder);
    copyFileSync(fixture('ferry.txt'), join(folder, 'a-ferry.txt'));
    copyFileSync(fixture('mine.html'), join(folder, 'b-mine.html'));
    copyFileSync(fixture('wind.md'), join(folder, 'c-wind.md'));
    writeFileSync(join(folder, 'd-empty.txt'), '');
    writeFileSync(join(folder, 'e-binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3]));
    writeFileSync(join(folder, 'f-huge.txt'), Buffer.alloc(5 * 1024 * 1024 + 10, 'a'));
    writeFileSync(join(folder, 'g-latin1.txt'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x65, 0x77, 0x73]));
    writeFileSync(join(folder, 'h-image.png'), 'not a report');
    const pack = join(dir, 'pack.json');
    const run = add(folder, '--pack', pack);
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toEqual([
      `${join(folder, 'd-empty.txt')}: failed: the file is empty`,
      `${join(folder, 'e-binary.txt')}: failed: a binary file, not plain text`,
      expect.stringMatching(/f-huge\.txt: failed: too large \(5\.0 MB; the limit is 5 MB\)$/),
      `${join(folder, 'g-latin1.txt')}: failed: not valid UTF-8 text`,
      `${join(folder, 'h-image.png')}: failed: not a report file (use .txt, .html or .md)`,
    ]);
    expect(run.stdout).toContain('3 added, 0 skipped as duplicates, 5 failed.');
    const parsed = parsePackText(readFileSync(pack, 'utf8'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.pack.reports.map((r) => r.title)).toEqual(['Harbour board approves new ferry terminal for Tallinn', 'Copper mine reopens in the north', 'Offshore wind farm wins approval']);
    // The HTML went through Readability: the article, not the menu or the script.
    const mine = parsed.pack.reports[1]!.text;
    expect(mine).toContain('Lauri Vahtramäe, a director of the Aurora Copper Works');
    expect(mine).not.toMatch(/Home|script ran|document\.title/);
    // Markdown loses its markup.
    expect(parsed.pack.reports[2]!.text).not.toMatch(/\*\*|\]\(|^#/m);
    // New names found by the same pipeline as the bundled reports.
    const fresh = parsed.pack.entities.filter((e) => e.isNew).map((e) => e.name);
    expect(fresh).toEqual(expect.arrayContaining(['Kadri Saarepuu', 'Lauri Vahtramäe', 'Margus Kivisilla']));

    // A second run: the same file and a republished copy are skipped and said so; the pack keeps all it had.
    const copy = join(dir, 'copy.txt');
    writeFileSync(copy, `${readFileSync(fixture('ferry.txt'), 'utf8').replace('on Friday', 'late on Friday')}\nRead more at https://news.example/ferry\n`);
    const again = add(fixture('ferry.txt'), copy, '--pack', pack);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/ferry\.txt: skipped as a duplicate: the same text as “Harbour board approves new ferry terminal for Tallinn” \(a report you already added\)/);
    expect(again.stdout).toMatch(/copy\.txt: skipped as a duplicate: a republished copy of “Harbour board approves new ferry terminal for Tallinn”/);
    const after = parsePackText(readFileSync(pack, 'utf8'));
    expect(after.ok && after.pack.reports.length).toBe(3);
  });

  it('refuses to touch a pack that is not valid, and says why', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-add-'));
    const pack = join(dir, 'pack.json');
    writeFileSync(pack, '{"format":"backstory-pack","version":1,"createdAt":1,"reports":[{"id":"bad"}]}');
    const run = add(fixture('ferry.txt'), '--pack', pack);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/pack\.json: The pack is invalid at reports\.0\.id: .* Nothing was changed\./);
    expect(readFileSync(pack, 'utf8')).toContain('"id":"bad"');
  });

  it('a report bundled with Backstory is a duplicate', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-add-'));
    const run = add(join(ROOT, 'data/reports/000_a1e6616f54935c99.txt'), '--pack', join(dir, 'p.json'));
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/skipped as a duplicate: the same text as “.+” \(a report bundled with Backstory\)/);
  });
});
