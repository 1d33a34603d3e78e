// Project rules for the hand-curated data in data/: report metadata, the
// gazetteer (entities.json) and the reviewed non-entity names (ignore-names.json).
// Every failure names the file and the exact text to fix.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coverName, findCapitalisedNames, makeAliasIndex, makeIgnoreSet } from '../../lib/kb/names';
import { Entity, EntityFile, IgnoreFile, ReportMeta } from '../../lib/kb/schema';
import { furnitureSpans, insideAny } from '../../lib/kb/text';
import { aliasKey, defaultCaseSensitive } from '../../lib/match/chars';

const DATA = new URL('../../data/', import.meta.url);
const REPORTS = new URL('reports/', DATA);
const read = (url: URL) => readFileSync(url, 'utf8');

const reportIds = readdirSync(REPORTS)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.slice(0, -'.txt'.length))
  .sort();
const texts = new Map(reportIds.map((id) => [id, read(new URL(`${id}.txt`, REPORTS))]));
const metaFile = (id: string) => `data/reports/${id}.meta.json`;
const metas = new Map(reportIds.map((id) => [id, ReportMeta.safeParse(JSON.parse(read(new URL(`${id}.meta.json`, REPORTS))))]));

const entitiesResult = EntityFile.safeParse(JSON.parse(read(new URL('entities.json', DATA))));
const entities = entitiesResult.success ? entitiesResult.data.entities : [];
const ignoreResult = IgnoreFile.safeParse(JSON.parse(read(new URL('ignore-names.json', DATA))));
const ignored = ignoreResult.success ? ignoreResult.data.names : [];

const allAliases = entities.flatMap((e) => e.aliases.map((a) => ({ ...a, entity: e.id })));
const aliasIndex = makeAliasIndex(allAliases);
const ignoreSet = makeIgnoreSet(ignored.map((n) => n.text));

/** Report text with page furniture blanked out (offsets kept). */
function articleText(id: string): string {
  const text = texts.get(id)!;
  const meta = metas.get(id);
  if (!meta?.success) return text;
  let out = text;
  for (const [s, e] of furnitureSpans(text, meta.data.furniture)) out = out.slice(0, s) + ' '.repeat(e - s) + out.slice(e);
  return out;
}

/** Whether `alias` occurs in `text` as a word, the way the page matcher finds it (quotes, dashes, spaces and, unless case-sensitive, case folded). */
function occursAsWord(text: string, alias: { text: string; caseSensitive?: boolean | undefined }): boolean {
  const sensitive = alias.caseSensitive ?? defaultCaseSensitive(alias.text);
  const key = aliasKey(alias.text.normalize('NFC'));
  const hay = aliasKey(text.normalize('NFC'));
  const needle = sensitive ? key.exact : key.folded;
  const body = sensitive ? hay.exact : hay.folded;
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Suffixes the matcher allows: possessive 's or ', and a plural s after a digit or capital.
  const plural = /[\p{N}\p{Lu}]$/u.test(alias.text) ? "|s'?" : '';
  return new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])${escaped}(?:'s|'${plural})?(?![\\p{L}\\p{N}\\p{M}])`, 'u').test(body);
}

describe('data/reports/*.meta.json', () => {
  it('every report has a metadata file and every metadata file a report', () => {
    const metaIds = readdirSync(REPORTS)
      .filter((f) => f.endsWith('.meta.json'))
      .map((f) => f.slice(0, -'.meta.json'.length))
      .sort();
    expect(metaIds, 'data/reports/: .txt and .meta.json files must pair up').toEqual(reportIds);
  });

  for (const id of reportIds) {
    describe(metaFile(id), () => {
      const text = texts.get(id)!;
      const parsed = metas.get(id)!;

      it('parses with ReportMeta and its id matches the file name', () => {
        expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`), `${metaFile(id)}: schema errors`).toEqual([]);
        if (parsed.success) expect(parsed.data.id, `${metaFile(id)}: id`).toBe(id);
      });

      it('quotes exact text of the report (headline, furniture, notes, republishedFrom, publisher)', () => {
        if (!parsed.success) return;
        const meta = parsed.data;
        const problems: string[] = [];
        const need = (field: string, quote: string) => {
          if (!text.includes(quote)) problems.push(`${field}: "${quote}" is not in ${id}.txt`);
        };
        need('headline', meta.headline);
        if (meta.publisher !== 'unknown') need('publisher', meta.publisher);
        meta.furniture.forEach((f, i) => {
          need(`furniture.${i}.from`, f.from);
          if (f.until === null) return;
          const start = text.indexOf(f.from);
          if (start >= 0 && text.indexOf(f.until, start) < 0) problems.push(`furniture.${i}.until: "${f.until}" does not occur after "${f.from}"`);
        });
        meta.notes.forEach((n, i) => {
          if (n.quote !== null) need(`notes.${i}.quote`, n.quote);
        });
        if (meta.republishedFrom) need('republishedFrom.quote', meta.republishedFrom.quote);
        expect(problems, metaFile(id)).toEqual([]);
      });

      it('furniture leaves the article: the headline line and most of the text stay', () => {
        if (!parsed.success) return;
        const spans = furnitureSpans(text, parsed.data.furniture);
        const cut = spans.reduce((n, [s, e]) => n + e - s, 0);
        expect(cut / text.length, `${metaFile(id)}: furniture covers too much of the text`).toBeLessThan(0.5);
        const h = text.indexOf(parsed.data.headline);
        expect(insideAny(spans, h, h + parsed.data.headline.length), `${metaFile(id)}: the headline is inside furniture`).toBe(false);
      });

      it('states the date reason and marks inferred dates', () => {
        if (!parsed.success) return;
        const { date } = parsed.data;
        // A date the text states must be quoted in the reason.
        if (!date.inferred) expect(date.reason.match(/'([^']+)'/g)?.some((q) => text.includes(q.slice(1, -1))), `${metaFile(id)}: date.reason should quote the text that states the date`).toBe(true);
      });
    });
  }
});

describe('data/entities.json', () => {
  it('parses with EntityFile', () => {
    expect(entitiesResult.success ? [] : entitiesResult.error.issues.map((i) => `entities.json: ${i.path.join('.')}: ${i.message}`)).toEqual([]);
  });

  it('entity ids are unique', () => {
    const seen = new Set<string>();
    const dupes = entities.filter((e) => (seen.has(e.id) ? true : (seen.add(e.id), false))).map((e) => `entities.json: id "${e.id}" is used twice`);
    expect(dupes).toEqual([]);
  });

  it('alias texts are unique across entities (ignoring case) and within one entity', () => {
    const owner = new Map<string, string>();
    const seen = new Set<string>();
    const problems: string[] = [];
    for (const a of allAliases) {
      const key = aliasKey(a.text.normalize('NFC'));
      const prev = owner.get(key.folded);
      if (prev !== undefined && prev !== a.entity) problems.push(`entities.json: alias "${a.text}" of "${a.entity}" is also an alias of "${prev}"`);
      owner.set(key.folded, a.entity);
      // Within one entity, case variants ("Su-27", "SU-27") may both be listed; exact repeats may not.
      if (seen.has(`${a.entity}\u0000${key.exact}`)) problems.push(`entities.json: alias "${a.text}" is listed twice for "${a.entity}"`);
      seen.add(`${a.entity}\u0000${key.exact}`);
    }
    expect(problems).toEqual([]);
  });

  it('an entity whose name is not one of its aliases gets a name no other entity uses as an alias', () => {
    // The matcher adds such names as aliases (see matcherAliases in lib/match/aliases.ts).
    const owner = new Map(allAliases.map((a) => [aliasKey(a.text).folded, a.entity]));
    const problems = entities
      .filter((e) => !e.aliases.some((a) => a.text === e.name))
      .filter((e) => (owner.get(aliasKey(e.name).folded) ?? e.id) !== e.id)
      .map((e) => `entities.json: name "${e.name}" of "${e.id}" is an alias of "${owner.get(aliasKey(e.name).folded)}"`);
    expect(problems).toEqual([]);
  });

  it('every descriptionSource quote is exact text of the article (outside page furniture)', () => {
    const problems: string[] = [];
    for (const e of entities) {
      const { report, quote } = e.descriptionSource;
      const text = texts.get(report);
      if (text === undefined) problems.push(`entities.json: "${e.id}" descriptionSource names report ${report}, which does not exist`);
      else if (!text.includes(quote)) problems.push(`entities.json: "${e.id}" descriptionSource quote is not in ${report}.txt: "${quote}"`);
      else if (!articleText(report).includes(quote)) problems.push(`entities.json: "${e.id}" descriptionSource quote lies in page furniture of ${report}: "${quote}"`);
    }
    expect(problems).toEqual([]);
  });

  it('every entity is mentioned in the article text of at least one report', () => {
    const articles = reportIds.map(articleText);
    const problems = entities
      .filter((e) => !e.aliases.some((a) => articles.some((t) => occursAsWord(t, a))))
      .map((e) => `entities.json: "${e.id}": no alias (${e.aliases.map((a) => `"${a.text}"`).join(', ')}) occurs in any report outside page furniture`);
    expect(problems).toEqual([]);
  });

  it('every nonstandard alias has a note and is a spelling the reports actually use', () => {
    const problems: string[] = [];
    for (const a of allAliases.filter((x) => x.nonstandard)) {
      if (!a.note?.trim()) problems.push(`entities.json: nonstandard alias "${a.text}" of "${a.entity}" needs a note saying what is wrong`);
      if (!reportIds.some((id) => occursAsWord(texts.get(id)!, a))) problems.push(`entities.json: nonstandard alias "${a.text}" of "${a.entity}" occurs in no report`);
    }
    expect(problems).toEqual([]);
  });

  it('no alias is also on the ignore list', () => {
    const problems = allAliases
      .filter((a) => ignored.some((n) => aliasKey(n.text).folded === aliasKey(a.text).folded))
      .map((a) => `alias "${a.text}" of "${a.entity}" (entities.json) is also in ignore-names.json`);
    expect(problems).toEqual([]);
  });
});

describe('data/ignore-names.json', () => {
  it('parses with IgnoreFile and has no duplicates', () => {
    expect(ignoreResult.success ? [] : ignoreResult.error.issues.map((i) => `ignore-names.json: ${i.path.join('.')}: ${i.message}`)).toEqual([]);
    const seen = new Set<string>();
    const dupes = ignored.filter((n) => (seen.has(n.text) ? true : (seen.add(n.text), false))).map((n) => `ignore-names.json: "${n.text}" is listed twice`);
    expect(dupes).toEqual([]);
  });

  it('every entry is needed: it is a capitalised name, or part of one, that the reports contain', () => {
    // All token sub-sequences of all candidate names (and hyphen parts), keyed as in makeIgnoreSet.
    const parts = new Set<string>();
    for (const text of texts.values()) {
      for (const c of findCapitalisedNames(text)) {
        const tokens = aliasKey(c.text).exact.split(' ');
        for (let i = 0; i < tokens.length; i++) {
          for (const p of tokens[i]!.split('-')) parts.add(p);
          for (let j = i + 1; j <= tokens.length; j++) parts.add(tokens.slice(i, j).join(' '));
        }
      }
    }
    const stale = ignored.filter((n) => !parts.has(aliasKey(n.text).exact)).map((n) => `ignore-names.json: "${n.text}" is not a capitalised name (or part of one) in any report; remove it`);
    expect(stale).toEqual([]);
  });
});

describe('every capitalised name in the reports is reviewed', () => {
  // The whole text is checked, page furniture included: the content script sees
  // it too, so its names are either entities or reviewed non-entities.
  for (const id of reportIds) {
    it(`data/reports/${id}.txt`, () => {
      const problems = findCapitalisedNames(texts.get(id)!)
        .map((c) => ({ c, cov: coverName(c.text, aliasIndex, ignoreSet) }))
        .filter(({ cov }) => !cov.covered)
        .map(({ c, cov }) => `${id}.txt @${c.start}: "${c.text}" — add ${cov.uncovered.map((u) => `"${u}"`).join(', ')} to data/entities.json (alias) or data/ignore-names.json`);
      expect(problems).toEqual([]);
    });
  }
});

describe('findCapitalisedNames', () => {
  const names = (s: string) => findCapitalisedNames(s).map((c) => c.text);

  it('finds runs of capitalised tokens with connectors, initialisms, hyphens and apostrophes', () => {
    expect(names('European Commission President Ursula von der Leyen said')).toEqual(['European Commission President Ursula von der Leyen']);
    expect(names('US Secretary of State Antony Blinken has said')).toEqual(['US Secretary of State Antony Blinken']);
    expect(names('the United States and the U.S.-European military alliance NATO')).toEqual(['United States and the U.S.', 'European', 'NATO']);
    expect(names('a Mugin-5 drone, an AK-47 and a ZT-180 from Xi’an')).toEqual(['Mugin-5', 'AK-47', 'ZT-180', 'Xi’an']);
  });

  it('drops a possessive and ends the run there; trailing connectors and numbers are not names', () => {
    expect(names('China’s Foreign Minister Qin Gang')).toEqual(['China', 'Foreign Minister Qin Gang']);
    expect(names("Russia's invasion")).toEqual(['Russia']);
    expect(names('Xi and the 155 mm shells; Putin and')).toEqual(['Xi', 'Putin']);
  });

  it('breaks runs at punctuation and line breaks but not at no-break spaces', () => {
    expect(names('Show Of Strength: Xi Jinping To Meet')).toEqual(['Show Of Strength', 'Xi Jinping To Meet']);
    expect(names('Related items\n\nVillage in E China')).toEqual(['Related', 'Village', 'E China']);
    expect(names('Spring\u00a0Festival')).toEqual(['Spring\u00a0Festival']);
  });

  it('reports exact offsets', () => {
    const text = 'Then Qin Gang called Dmytro Kuleba.';
    for (const c of findCapitalisedNames(text)) expect(text.slice(c.start, c.end)).toBe(c.text);
  });
});

describe('coverName', () => {
  const aliases = makeAliasIndex([{ text: 'Xi Jinping' }, { text: 'Putin' }, { text: 'US' }, { text: 'Russia' }, { text: 'China' }, { text: 'Ukraine crisis' }]);
  const ignore = makeIgnoreSet(['The', 'Meet', 'President', 'Crisis']);

  it('covers exact aliases, splits into aliases and ignored pieces, skips connectors and splits hyphens', () => {
    expect(coverName('Xi Jinping and Putin Meet', aliases, ignore).covered).toBe(true);
    expect(coverName('Russia-China', aliases, ignore).covered).toBe(true);
    expect(coverName('US-made', aliases, ignore).covered).toBe(true);
    expect(coverName('Ukraine Crisis', aliases, ignore).covered).toBe(true); // case-insensitive alias, as the matcher links it
  });

  it('matches case-sensitive aliases and ignored entries exactly, and names what is missing', () => {
    expect(coverName('Us', aliases, ignore).covered).toBe(false);
    expect(coverName('the', aliases, ignore).covered).toBe(true); // a lone connector
    expect(coverName('THE', aliases, ignore).uncovered).toEqual(['THE']);
    expect(coverName('President Joe Biden', aliases, ignore).uncovered).toEqual(['Joe', 'Biden']);
  });
});

describe('schema errors are clear', () => {
  it('an entity without a type fails with an issue at path "type"', () => {
    const result = Entity.safeParse({
      id: 'xi-jinping',
      name: 'Xi Jinping',
      aliases: [{ text: 'Xi Jinping' }],
      description: 'President of China.',
      descriptionSource: { report: '004_98ffcff286fe7b4b', quote: 'Xi Jinping' },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain('type');
  });

  it('a bad id, report id or date format names the field', () => {
    const entity = Entity.safeParse({ id: 'Xi Jinping', type: 'person', name: 'Xi', aliases: [], description: 'x', descriptionSource: { report: '4', quote: 'x' } });
    expect(entity.error?.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['id', 'descriptionSource.report']));
    const meta = ReportMeta.safeParse({ ...metas.get(reportIds[0]!)!.data, date: { value: '20 March 2023', inferred: true, reason: 'x' } });
    expect(meta.error?.issues.map((i) => i.path.join('.'))).toEqual(['date.value']);
  });
});
