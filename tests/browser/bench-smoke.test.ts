// A small run of the performance benchmark (`npm run bench -- --smoke`): tiny
// pages, 100/1k aliases, one repetition. It checks that the benchmark works and
// that our scan found every mention injected into the generated pages; it makes
// no timing assertion (timings on a shared machine are not test material).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './harness';

const KEYS = [
  'scan_vs_floor_10k',
  'markjs_vs_ours_1k',
  'markjs_regexp_vs_ours_1k',
  'alias_scaling_100_to_100k',
  'long_tasks',
  'hit_test_ms',
  'card_ms_p95',
  'lookup_ms_p95',
  'content_script_bytes',
  'content_script_gzip_bytes',
  'heap_mb_5mb',
  'kb_load_ms',
] as const;

interface OursCase {
  mentions: number;
  mentionsWithoutLinker: number;
  painted: number;
  injected: number;
}

describe('npm run bench -- --smoke', () => {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-bench-smoke-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes every figure as a finite number, and our scan finds the injected mentions', async () => {
    const file = join(dir, 'bench.json');
    await promisify(execFile)(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/bench.ts', '--smoke', '--json', file], {
      cwd: ROOT,
      timeout: 120_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    const result = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> & {
      scan: { size: number; ours: Record<string, OursCase> }[];
      long_tasks_detail: { cases: { name: string; mentions?: number; mentionsAfter?: number }[] };
      hover: { hovers: number };
      markjs: { marks: { array: number; regexp: number; ours: number } };
    };
    for (const key of KEYS) {
      expect(typeof result[key], key).toBe('number');
      expect(Number.isFinite(result[key] as number), `${key} = ${String(result[key])}`).toBe(true);
    }

    // Correctness: on every page and with every KB, the matcher found exactly
    // the mentions the generator injected (the prose around them contains no
    // alias of any KB); the page linker kept most of them (it may abstain on a
    // page with no topic, never add one), and every linked one was painted.
    expect(result.scan.length).toBeGreaterThan(0);
    for (const row of result.scan) {
      expect(Object.keys(row.ours)).toEqual(expect.arrayContaining(['real', 'syn100', 'syn1000']));
      for (const [kb, c] of Object.entries(row.ours)) {
        expect(c.injected, `${kb}: mentions injected`).toBeGreaterThan(10);
        expect(c.mentionsWithoutLinker, `${kb}: mentions found by the matcher`).toBe(c.injected);
        expect(c.mentions, `${kb}: mentions linked`).toBeLessThanOrEqual(c.injected);
        expect(c.mentions, `${kb}: mentions linked`).toBeGreaterThan(c.injected / 2);
        expect(c.painted, `${kb}: mentions painted`).toBe(c.mentions);
      }
    }
    // The reader followed the mutation storm (new paragraphs got marks).
    for (const c of result.long_tasks_detail.cases.filter((x) => x.name.startsWith('mutation storm,') && !x.name.includes('baseline'))) {
      expect(c.mentionsAfter!, c.name).toBeGreaterThan(c.mentions!);
    }
    // mark.js found mentions too (it is really running), and the extension opened cards on hover.
    expect(result.markjs.marks.regexp).toBeGreaterThan(0);
    expect(result.markjs.marks.array).toBeGreaterThan(0);
    expect(result.hover.hovers).toBeGreaterThan(0);
  }, 150_000);
});
