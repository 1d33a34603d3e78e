// Hand-edited data must rest on the reports character for character: every
// editor note and every golden caveat quotes a report exactly, and every entity
// an editor note names exists in data/entities.json.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CaveatKind, EditorNotesFile, EntityFile } from '../../lib/kb/schema';

const dataUrl = (path: string) => new URL(`../../data/${path}`, import.meta.url);
const readJson = (url: URL): unknown => JSON.parse(readFileSync(url, 'utf8'));

const reportsDir = dataUrl('reports/');
const reports = new Map<string, string>(
  readdirSync(reportsDir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => [f.replace(/\.txt$/, ''), readFileSync(new URL(f, reportsDir), 'utf8')]),
);

/** Why `quote` is not an exact substring of `report`, or null when it is. */
function quoteProblem(report: string, quote: string): string | null {
  const text = reports.get(report);
  if (text === undefined) return `unknown report ${report}`;
  if (quote.trim() === '') return 'empty quote';
  if (!text.includes(quote)) return `not an exact substring of ${report}: ${JSON.stringify(quote)}`;
  return null;
}

describe('the reports', () => {
  it('are all present', () => {
    expect(reports.size).toBe(5);
  });
});

describe('data/editor-notes.json', () => {
  const raw = readJson(dataUrl('editor-notes.json'));
  const parsed = EditorNotesFile.safeParse(raw);

  it('parses with EditorNotesFile', () => {
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  const notes = parsed.success ? parsed.data.notes : [];

  it('has notes', () => {
    expect(notes.length).toBeGreaterThan(0);
  });

  it('has unique ids', () => {
    const seen = new Set<string>();
    const dupes = notes.map((n) => n.id).filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
    expect(dupes).toEqual([]);
  });

  it('quotes every report exactly, in the note and in its related quotes', () => {
    const problems: string[] = [];
    for (const n of notes) {
      const p = quoteProblem(n.report, n.quote);
      if (p) problems.push(`${n.id}: quote ${p}`);
      for (const r of n.related) {
        const rp = quoteProblem(r.report, r.quote);
        if (rp) problems.push(`${n.id}: related ${rp}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('names only entities that exist in data/entities.json', () => {
    const entitiesUrl = dataUrl('entities.json');
    if (!existsSync(entitiesUrl)) {
      throw new Error('data/entities.json is missing: editor-note entity ids cannot be checked (it must exist)');
    }
    const file = EntityFile.safeParse(readJson(entitiesUrl));
    if (!file.success) throw new Error(`data/entities.json does not parse: ${file.error.message}`);
    const ids = new Set(file.data.entities.map((e) => e.id));
    const missing = notes.flatMap((n) => n.entities.filter((id) => !ids.has(id)).map((id) => `${n.id}: ${id}`));
    expect(missing).toEqual([]);
  });
});

interface Expected {
  kind: string;
  report: string;
  quote: string;
  why: string;
}
interface MustNotFlag {
  report: string;
  quote: string;
  why: string;
  kind?: string;
}
interface Clean {
  id: string;
  title: string;
  text: string;
}
interface Golden {
  expected: Expected[];
  mustNotFlag: MustNotFlag[];
  clean: Clean[];
}

describe('tests/golden/expected-caveats.json', () => {
  const golden = readJson(new URL('../golden/expected-caveats.json', import.meta.url)) as Golden;

  it('has the three arrays', () => {
    expect(Array.isArray(golden.expected)).toBe(true);
    expect(Array.isArray(golden.mustNotFlag)).toBe(true);
    expect(Array.isArray(golden.clean)).toBe(true);
    expect(golden.expected.length).toBeGreaterThan(0);
    expect(golden.clean.length).toBeGreaterThan(0);
  });

  it('uses only valid caveat kinds', () => {
    const bad = [...golden.expected, ...golden.mustNotFlag]
      .map((e) => e.kind)
      .filter((k): k is string => k !== undefined && !CaveatKind.safeParse(k).success);
    expect(bad).toEqual([]);
  });

  it('quotes every report exactly', () => {
    const problems = [...golden.expected, ...golden.mustNotFlag].flatMap((e) => {
      const p = quoteProblem(e.report, e.quote);
      return p ? [`${e.kind ?? 'mustNotFlag'}: ${p}`] : [];
    });
    expect(problems).toEqual([]);
  });

  it('explains every entry', () => {
    const unexplained = [...golden.expected, ...golden.mustNotFlag].filter((e) => typeof e.why !== 'string' || e.why.trim() === '');
    expect(unexplained).toEqual([]);
  });

  it('has no duplicate expected findings', () => {
    const keys = golden.expected.map((e) => `${e.kind}|${e.report}|${e.quote}`);
    expect(keys.length).toBe(new Set(keys).size);
  });

  it('gives clean texts that are non-empty and not copies of a report', () => {
    for (const c of golden.clean) {
      expect(c.text.trim().length).toBeGreaterThan(0);
      expect([...reports.keys()]).not.toContain(c.id);
    }
  });
});
