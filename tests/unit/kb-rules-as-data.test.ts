// Project rule (issue 15): the KB's rules are code, the facts they need are
// data. No entity of data/entities.json is named in lib/kb code, by id or by
// name; whatever is specific to an entity or a report lives in data/
// (parties.json, name-rules.json, editor-notes.json, reports/*.meta.json).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PartiesFile, NameRulesFile, EntityFile } from '../../lib/kb/schema';
import { ROOT } from '../../scripts/read-data';

const entities = EntityFile.parse(JSON.parse(readFileSync(join(ROOT, 'data/entities.json'), 'utf8'))).entities;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : full.endsWith('.ts') ? [full] : [];
  });
}

/** The code without its comments (a comment may cite an example from a report). */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:\\'"`])\/\/.*$/gm, '$1');
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('lib/kb names no entity', () => {
  const files = sources(join(ROOT, 'lib/kb')).map((f) => ({ file: f.slice(ROOT.length + 1), text: code(readFileSync(f, 'utf8')) }));

  it('has no entity id as a string literal', () => {
    const hits: string[] = [];
    for (const { file, text } of files) {
      for (const e of entities) {
        if (new RegExp(`['"\`]${escape(e.id)}['"\`]`).test(text)) hits.push(`${file}: '${e.id}'`);
      }
    }
    expect(hits).toEqual([]);
  });

  it('has no entity name in its code (regexes and strings included)', () => {
    const hits: string[] = [];
    for (const { file, text } of files) {
      for (const e of entities) {
        if (new RegExp(`(?<![\\p{L}\\d-])${escape(e.name)}(?![\\p{L}\\d-])`, 'u').test(text)) hits.push(`${file}: ${e.name}`);
      }
    }
    expect(hits).toEqual([]);
  });
});

describe('the rule data files', () => {
  it('parties.json is valid and names only KB entities', () => {
    const parties = PartiesFile.parse(JSON.parse(readFileSync(join(ROOT, 'data/parties.json'), 'utf8')));
    const ids = new Set(entities.map((e) => e.id));
    for (const p of parties.parties) for (const id of p.entities) expect(ids.has(id), `${p.name}: ${id}`).toBe(true);
  });

  it('name-rules.json is valid', () => {
    expect(() => NameRulesFile.parse(JSON.parse(readFileSync(join(ROOT, 'data/name-rules.json'), 'utf8')))).not.toThrow();
  });
});
