// The KB pipeline on the real reports.
import { describe, expect, it } from 'vitest';
import { buildKb } from '../../lib/kb/build';
import { KbDocument } from '../../lib/kb/document';
import { DataError, parseInputs } from '../../lib/kb/inputs';
import { readDataFiles } from '../../scripts/read-data';

const files = readDataFiles();
const inputs = parseInputs(files);
const kb = buildKb(inputs);
const reportText = new Map(kb.reports.map((r) => [r.id, r.text]));

function escape(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('KB build on the five reports', () => {
  it('produces a document that passes its own schema', () => {
    expect(KbDocument.safeParse(kb).success).toBe(true);
  });

  it('is deterministic: two builds are byte-identical', () => {
    const again = buildKb(parseInputs(readDataFiles()));
    expect(JSON.stringify(again)).toBe(JSON.stringify(kb));
  });

  it('finds every gazetteer alias where it occurs in a report', () => {
    const missing: string[] = [];
    for (const entity of inputs.entities) {
      for (const alias of entity.aliases) {
        // An independent check: the alias as a whole word, exactly as written.
        const re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(alias.text)}(?![\\p{L}\\p{N}]|['’](?!s(?![\\p{L}]))\\p{L})`, 'gu');
        for (const report of kb.reports) {
          // Context-dependent aliases are only expected where the entity is named in full earlier in the report.
          for (const m of report.text.matchAll(re)) {
            const start = m.index;
            const end = start + alias.text.length;
            if (alias.needsContext) {
              const earlier = report.mentions.some(([s, , e]) => s < start && e === entity.id);
              if (!earlier) continue;
            }
            const covering = report.mentions.find(([s, e]) => s <= start && e >= end);
            if (!covering) missing.push(`${report.id} @${start}: "${alias.text}" (${entity.id}) not linked`);
            else if (covering[1] - covering[0] === end - start && covering[2] !== entity.id) {
              missing.push(`${report.id} @${start}: "${alias.text}" linked to ${covering[2]}, expected ${entity.id}`);
            }
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('quotes every claim exactly: its text is the report text at its offsets', () => {
    expect(kb.claims.length).toBeGreaterThan(50);
    for (const claim of kb.claims) {
      expect(reportText.get(claim.report)!.slice(claim.start, claim.end)).toBe(claim.text);
    }
  });

  it('quotes every caveat exactly', () => {
    for (const caveat of kb.caveats) {
      expect(reportText.get(caveat.report)!.slice(caveat.start, caveat.end)).toBe(caveat.quote);
    }
  });

  it('attributes claims to the people and sources the reports name', () => {
    const byText = (needle: string) => kb.claims.find((c) => c.text.includes(needle));
    expect(byText('Blinken said last week in Munich')?.attribution).toMatchObject({ entity: 'antony-blinken' });
    expect(byText('officials who requested anonymity')?.attribution.role).toBe('anonymous-officials');
    expect(byText('he told reporters in Tallinn')?.attribution.entity).toBe('jens-stoltenberg');
  });

  it('builds per-entity records with facts, related reports, co-mentions and dates', () => {
    const xi = kb.entities.find((e) => e.id === 'xi-jinping')!;
    expect(xi.reports.map((r) => r.report).sort()).toEqual(['000_a1e6616f54935c99', '002_f51bdca7fe481995', '003_8ab120d12b74d05f', '004_98ffcff286fe7b4b']);
    expect(xi.related[0]!.id).toBe('vladimir-putin');
    expect(xi.facts.length).toBeGreaterThan(5);
    // The reports date the Astana meeting 6 September 2023; an editor's note corrects it, so the timeline leaves that date out.
    expect(kb.claims.some((c) => c.text.includes('September 6, 2023') && c.correctedBy !== null)).toBe(true);
    expect(xi.dates.some((d) => d.value === '2023-09-06')).toBe(false);
    expect(xi.dates.some((d) => d.value === '2023-03-20')).toBe(true);
    // Key facts: never a sentence an editor corrected or a medium/high caveat sits on, never a heading.
    const flaggedQuotes = kb.caveats.filter((c) => c.scope === 'claim' && c.severity !== 'low');
    for (const f of xi.facts) {
      const c = kb.claims.find((x) => x.id === f)!;
      expect(c.correctedBy).toBeNull();
      expect(flaggedQuotes.some((q) => q.appearances.some((a) => a.report === c.report && a.start < c.end && c.start < a.end)), c.text).toBe(false);
      expect(c.text.trim()).toMatch(/[.!"”’]$/);
    }
    for (const e of kb.entities) {
      for (const f of e.facts) expect(kb.claims.find((c) => c.id === f)!.entities).toContain(e.id);
    }
  });

  it('records the nonstandard spellings the reports use, with the reports that use them', () => {
    const shahed = kb.entities.find((e) => e.aliases.some((a) => a.text === 'Shaheed-136'))!;
    const alias = shahed.aliases.find((a) => a.text === 'Shaheed-136')!;
    expect(alias.nonstandard).toBe(true);
    expect(alias.reports).toEqual(['001_5b362b16a11063f8']);
  });
});

describe('bad input gets a clear error naming the file and field', () => {
  const mutate = (path: string, change: (content: string) => string) => {
    const copy = new Map(files);
    copy.set(path, change(copy.get(path)!));
    return copy;
  };
  const metaPath = 'data/reports/000_a1e6616f54935c99.meta.json';

  it('a metadata file missing a field', () => {
    const bad = mutate(metaPath, (c) => {
      const meta = JSON.parse(c);
      delete meta.headline;
      return JSON.stringify(meta);
    });
    expect(() => parseInputs(bad)).toThrow(DataError);
    expect(() => parseInputs(bad)).toThrow(/000_a1e6616f54935c99\.meta\.json: field 'headline'/);
  });

  it('an empty report', () => {
    const bad = mutate('data/reports/003_8ab120d12b74d05f.txt', () => '  \n');
    expect(() => parseInputs(bad)).toThrow(/003_8ab120d12b74d05f\.txt: file: the report is empty/);
  });

  it('a report without metadata', () => {
    const bad = new Map(files);
    bad.delete(metaPath);
    expect(() => parseInputs(bad)).toThrow(/000_a1e6616f54935c99\.meta\.json: file: is missing/);
  });

  it('malformed JSON', () => {
    const bad = mutate('data/entities.json', (c) => c.slice(0, -10));
    expect(() => parseInputs(bad)).toThrow(/data\/entities\.json: file: is not valid JSON/);
  });

  it('an entity with an unknown type', () => {
    const bad = mutate('data/entities.json', (c) => {
      const doc = JSON.parse(c);
      doc.entities[0].type = 'planet';
      return JSON.stringify(doc);
    });
    expect(() => parseInputs(bad)).toThrow(/data\/entities\.json: field 'entities\.0\.type'/);
  });

  it('an editor note that points to an entity that does not exist', () => {
    const bad = mutate('data/editor-notes.json', (c) => {
      const doc = JSON.parse(c);
      doc.notes[0].entities = ['no-such-entity'];
      return JSON.stringify(doc);
    });
    expect(() => parseInputs(bad)).toThrow(/editor-notes\.json: field 'notes\.0\.entities\.0': points to entity 'no-such-entity'/);
  });

  it('a description quote that is not in its report', () => {
    const bad = mutate('data/entities.json', (c) => {
      const doc = JSON.parse(c);
      doc.entities[0].descriptionSource.quote = 'words that appear in no report';
      return JSON.stringify(doc);
    });
    expect(() => parseInputs(bad)).toThrow(/entities\.0\.descriptionSource\.quote': quote "words that appear in no report" is not an exact substring/);
  });
});
