// One pipeline for any report: plain text in the corpus format (headline line,
// blank line, body) → reports, entities (known ones linked to the KB, new ones
// found in the text), claims with their speaker and support, and caveats. It
// runs the same build as data/reports/ (lib/kb/build.ts); only the report's
// metadata and the new names are read from the text instead of from hand-made
// files, so a report nobody has curated goes through unchanged.
import { buildKb, reportMatcher, reportMentions } from '../build';
import type { KbDocument, Speaker, Support } from '../document';
import type { Entity, EntityType } from '../schema';
import { contentHash } from '../text';
import { metaFromText } from './meta';
import { findNames } from './names';

export interface ExtractInput {
  file: string;
  text: string;
  /** A stable report id (the reader's saved reports keep theirs); default: derived from the position and text. */
  id?: string;
}

export interface Extracted {
  reports: { file: string; title: string; publisher: string | null; date: string | null }[];
  entities: { name: string; type: EntityType; aliases: string[]; kbId: string | null }[];
  claims: { file: string; subject: string | null; quote: string; speaker: Speaker; support: Support }[];
  caveats: { file: string; kind: string; label: string; quote: string; about: string[]; explanation: string; scope: 'claim' | 'report' }[];
}

export interface KnownNames {
  entities: readonly Entity[];
  /** Names never proposed as new (data/ignore-names.json). */
  ignore: readonly { text: string }[];
}

function kebab(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'name'
  );
}

/** Run reports through the KB pipeline. Pure: the caller reads the files. */
export function extractReports(inputs: readonly ExtractInput[], known: KnownNames): { kb: KbDocument; result: Extracted } {
  const matcher = reportMatcher(known.entities);
  const ignore = new Set(known.ignore.map((i) => i.text.toLowerCase()));
  const reports = inputs.map((input, i) => {
    const id = input.id ?? `${String(i % 1000).padStart(3, '0')}_${contentHash(`${input.file}\n${input.text}`).padEnd(16, '0').slice(0, 16)}`;
    return { input, id, meta: metaFromText(id, input.text) };
  });

  // New names, merged across reports by their folded full name.
  const fresh = new Map<string, Entity>();
  const usedIds = new Set(known.entities.map((e) => e.id));
  // A known name in capitals (a dateline such as "CITY -") is that name, not a new one.
  const knownUpper = new Set(known.entities.flatMap((e) => [e.name, ...e.aliases.map((a) => a.text)]).map((t) => t.toUpperCase()));
  for (const r of reports) {
    const taken = reportMentions(matcher, r.input.text).map((m): [number, number] => [m.start, m.end]);
    for (const n of findNames(r.input.text, taken, ignore)) {
      if (n.name === n.name.toUpperCase() && /\p{Lu}{3}/u.test(n.name) && knownUpper.has(n.name)) continue;
      const key = n.name.replace(/\s+/g, ' ').toLowerCase();
      const existing = fresh.get(key);
      if (existing) {
        for (const a of n.aliases) if (!existing.aliases.some((x) => x.text === a)) existing.aliases.push(alias(a));
        continue;
      }
      let id = `new-${kebab(n.name)}`;
      for (let k = 2; usedIds.has(id); k++) id = `new-${kebab(n.name)}-${k}`;
      usedIds.add(id);
      fresh.set(key, {
        id,
        type: n.type,
        name: n.name,
        aliases: n.aliases.map(alias),
        // The description is what the attribution rules read a claimant's role from ("company", "news agency").
        description: `${describeNew(n.name, n.type)} the report names (${n.evidence}); not in the knowledge base.`,
        descriptionSource: { report: r.id, quote: n.aliases[0]! },
      });
    }
  }

  const kb = buildKb({
    reports: reports.map((r) => ({ meta: r.meta, text: r.input.text, path: r.input.file })),
    entities: [...known.entities, ...fresh.values()],
    ignore: [...known.ignore].map((i) => ({ text: i.text, reason: '' })),
    editorNotes: [],
  });
  return { kb, result: describe(kb, reports, new Set([...fresh.values()].map((e) => e.id))) };
}

const COMPANY_NAME = /\b(?:Corp|Corp\.|Corporation|Inc|Inc\.|Ltd|Ltd\.|Limited|Company|Co\.|Holdings|Industries|Group|Bank|Airlines|Technologies|Technology|Systems)$/;
const OUTLET_NAME = /\b(?:Wire|News|Times|Post|Journal|Herald|Tribune|Gazette|Agency|Press|Radio|Television|TV)$/;

function describeNew(name: string, type: EntityType): string {
  if (type === 'organisation' && OUTLET_NAME.test(name)) return 'A news agency';
  if (type === 'organisation' && COMPANY_NAME.test(name)) return 'A company';
  return `${/^[aeiou]/.test(type) ? 'An' : 'A'} ${type}`;
}

function alias(text: string): Entity['aliases'][number] {
  // Exact case: a new name must not link ordinary words ("Grid", "may").
  return { text, needsContext: false, caseSensitive: true, nonstandard: false, reportsOnly: false, shortForm: false, shared: false, qualifiers: [] };
}

function describe(kb: KbDocument, reports: readonly { input: ExtractInput; id: string }[], newIds: ReadonlySet<string>): Extracted {
  const fileOf = new Map(reports.map((r) => [r.id, r.input.file]));
  const nameOf = new Map(kb.entities.map((e) => [e.id, e.name]));
  const mentioned = kb.entities.filter((e) => e.reports.length > 0);
  return {
    reports: kb.reports.map((r) => ({
      file: fileOf.get(r.id)!,
      title: r.headline,
      publisher: r.publisher === 'unknown' ? null : r.publisher,
      date: r.date.value === '' ? null : r.date.value,
    })),
    entities: mentioned.map((e) => ({
      name: e.name,
      type: e.type,
      aliases: e.aliases.filter((a) => a.mentions > 0).map((a) => a.text),
      kbId: newIds.has(e.id) ? null : e.id,
    })),
    claims: kb.claims.map((c) => ({
      file: fileOf.get(c.report)!,
      subject: c.subject ? (nameOf.get(c.subject) ?? null) : null,
      quote: c.text,
      speaker: c.speaker,
      support: c.support,
    })),
    caveats: kb.caveats.map((c) => ({
      file: fileOf.get(c.report)!,
      kind: c.kind,
      label: c.label,
      quote: c.quote,
      about: c.entities.map((id) => nameOf.get(id) ?? id),
      explanation: c.explanation,
      scope: c.scope,
    })),
  };
}
