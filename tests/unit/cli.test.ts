// `npm run kb -- …`: the CLI's output formats are a contract others script against.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kbStats } from '../../lib/kb/document';
import { buildKbFromDisk, ROOT } from '../../scripts/read-data';

const TSX = join(ROOT, 'node_modules/.bin/tsx');
const run = (...args: string[]) => execFileSync(TSX, ['scripts/kb-cli.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
const kb = buildKbFromDisk();

// Each case starts a real `tsx` process (about 2 s, more on a loaded machine).
describe('kb CLI', { timeout: 60_000 }, () => {
  it('stats prints the counts as JSON', () => {
    const stats = JSON.parse(run('stats'));
    expect(Object.keys(stats)).toEqual(['reports', 'entities', 'aliases', 'claims', 'caveats']);
    expect(stats).toEqual(kbStats(kb));
    expect(stats.entities).toBeGreaterThanOrEqual(60);
  });

  it('inspect finds an entity by an alias, in any case, and prints its card', () => {
    const card = JSON.parse(run('inspect', 'shaheed-136'));
    expect(card.id).toBe('shahed-136');
    expect(card.spellings.map((s: { text: string }) => s.text)).toContain('Shaheed-136');
    // Its facts are claims that say something about it (as their subject, speaker, or what a relative clause describes), each quoted exactly.
    expect(card.facts.length).toBeGreaterThan(0);
    for (const fact of card.facts) expect(fact.quote).toMatch(/Shah?e?ed-136|Shahed/);
    const russia = JSON.parse(run('inspect', 'RUSSIA'));
    expect(russia.facts.length).toBeGreaterThan(0);
    for (const fact of [...card.facts, ...russia.facts]) {
      const report = kb.reports.find((r) => r.id === fact.report.id)!;
      expect(report.text).toContain(fact.quote);
    }
  });

  it('inspect names the problem when nothing matches', () => {
    const result = spawnSync(TSX, ['scripts/kb-cli.ts', 'inspect', 'Nobody At All'], { cwd: ROOT, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/No entity is called "Nobody At All"/);
  });

  it('spot prints one JSON line per mention, with offsets into the page text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spot-'));
    const file = join(dir, 'page.html');
    writeFileSync(
      file,
      '<html><head><title>Xi</title><script>var x = "Vladimir Putin";</script></head><body><nav>Home</nav>' +
        '<p><b>Xi</b> Jinping met <a href="#">Vladimir Putin</a> in Moscow.</p><p>Tourists visited Xi’an.</p>' +
        '<textarea>Putin</textarea></body></html>',
    );
    const lines = run('spot', file).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.surface, l.entity])).toEqual([
      ['Xi Jinping', 'xi-jinping'],
      ['Vladimir Putin', 'vladimir-putin'],
      ['Moscow', 'moscow'],
      ['Xi’an', 'xi-an'],
    ]);
    const pageText = 'Home\nXi Jinping met Vladimir Putin in Moscow.\nTourists visited Xi’an.';
    for (const l of lines) expect(pageText.slice(l.start, l.end)).toBe(l.surface);
    for (const l of lines) expect(Object.keys(l).slice(0, 4)).toEqual(['surface', 'entity', 'start', 'end']);
  });

  it('caveats prints every caveat with its kind, severity, report, exact quote, explanation and origin', () => {
    const caveats = JSON.parse(run('caveats'));
    expect(caveats.length).toBe(kb.caveats.length);
    expect(caveats.some((c: { origin: string }) => c.origin === 'editor')).toBe(true);
    expect(caveats.some((c: { origin: string }) => c.origin === 'auto')).toBe(true);
    for (const c of caveats) {
      expect(c).toEqual(expect.objectContaining({ kind: expect.any(String), severity: expect.any(String), explanation: expect.any(String) }));
      expect(kb.reports.find((r) => r.id === c.report)!.text).toContain(c.quote);
    }
  });
});
