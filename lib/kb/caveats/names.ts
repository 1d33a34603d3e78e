// Names: misspellings and misnamings, and a name spelt two ways in one report.
//   1. Mentions of aliases the gazetteer marks nonstandard ("Bejing", "Su-29").
//   2. Designations styled in the wrong case ("SU-27" for Su-27).
//   3. A generic near-miss check: capitalised names one or two edits from a
//      known alias, or with its parts reordered, that no alias covers.
//   4. An abbreviation that does not match the words it abbreviates
//      ("unmanned aerial vehicles (UABs)").
//   5. One name spelt two ways in the same report ("Organization"/"Organisation").
// Misspelling vs misnaming: letters, case or apostrophes differ → misspelling;
// numbers differ, parts are dropped or reordered → misnaming (it names a
// different or garbled thing).
import { findCapitalisedNames } from '../names';
import type { Entity } from '../schema';
import { editDistance, foldName, nameParts } from './text';
import type { CaveatDraft } from './types';
import { quoteDraft, type Corpus, type ReportView } from './view';

type Diff = { kind: 'misspelling' | 'misnaming'; how: string };

const digits = (s: string) => (s.match(/\d+/g) ?? []).join(' ');

/** How `surface` differs from the standard form `standard`. */
export function classifyNameDiff(surface: string, standard: string): Diff {
  const a = nameParts(surface).map((p) => p.toLowerCase());
  const b = nameParts(standard).map((p) => p.toLowerCase());
  const sorted = (x: string[]) => [...x].sort().join(' ');
  if (a.length === b.length && sorted(a) === sorted(b) && a.join(' ') !== b.join(' ')) return { kind: 'misnaming', how: 'its parts are in the wrong order' };
  if (a.length < b.length && a.every((p) => b.includes(p))) return { kind: 'misnaming', how: `it leaves out “${b.filter((p) => !a.includes(p)).join(' ')}”` };
  if (digits(surface) !== digits(standard)) return { kind: 'misnaming', how: `the number differs (${digits(surface) || 'none'} for ${digits(standard)}), which names a different thing` };
  if (foldName(surface).toLowerCase() === foldName(standard).toLowerCase()) return { kind: 'misspelling', how: 'the letter case differs from the standard styling' };
  if (foldName(surface).replace(/['’]/g, '') === foldName(standard).replace(/['’]/g, '')) return { kind: 'misspelling', how: 'it drops the apostrophe' };
  return { kind: 'misspelling', how: 'letters differ' };
}

interface AliasRef {
  text: string;
  entity: Entity;
  nonstandard: boolean;
  note: string | undefined;
}

const tables = new WeakMap<readonly Entity[], { aliases: AliasRef[]; known: Set<string>; standard: StandardAlias[] }>();

interface StandardAlias {
  alias: AliasRef;
  folded: string;
  parts: string;
  sortedParts: string;
}

/** The gazetteer's aliases, folded once per entity list. */
function gazetteer(entities: readonly Entity[]) {
  let t = tables.get(entities);
  if (!t) {
    const aliases = aliasTable(entities);
    const standard = aliases
      .filter((a) => !a.nonstandard && foldName(a.text).length >= 4)
      .map((a) => {
        const parts = nameParts(a.text).map((p) => p.toLowerCase());
        return { alias: a, folded: foldName(a.text).toLowerCase(), parts: parts.join(' '), sortedParts: [...parts].sort().join(' ') };
      });
    t = { aliases, known: new Set(aliases.map((a) => foldName(a.text).toLowerCase())), standard };
    tables.set(entities, t);
  }
  return t;
}

function aliasTable(entities: readonly Entity[]): AliasRef[] {
  const out: AliasRef[] = [];
  for (const e of entities) {
    const texts = new Set([e.name, ...e.aliases.map((a) => a.text)]);
    for (const text of texts) {
      const a = e.aliases.find((x) => x.text === text);
      out.push({ text, entity: e, nonstandard: a?.nonstandard ?? false, note: a?.note });
    }
  }
  return out;
}

/** The standard alias of an entity closest to `surface`. */
function closestStandard(surface: string, entity: Entity): string {
  const standard = [entity.name, ...entity.aliases.filter((a) => !a.nonstandard).map((a) => a.text)];
  let best = entity.name;
  let bestD = Infinity;
  for (const s of standard) {
    const d = editDistance(foldName(surface).toLowerCase(), foldName(s).toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = s;
    }
  }
  return best;
}

/** When exactly one word of a multi-word name differs, that word (offsets relative to the surface). */
function differingWord(surface: string, standard: string): [number, number] | null {
  const a = surface.split(' ');
  const b = standard.split(' ');
  if (a.length < 2 || a.length !== b.length) return null;
  const diff = a.map((w, i) => w !== b[i]);
  if (diff.filter(Boolean).length !== 1) return null;
  const i = diff.indexOf(true);
  const start = a.slice(0, i).join(' ').length + (i > 0 ? 1 : 0);
  return [start, start + a[i]!.length];
}

/** The word of `standard` that corresponds to the differing word of `surface` ("Xi'an" for "Xian" in "Xian Bingo …"). */
function standardWord(surface: string, standard: string, word: [number, number]): string {
  const index = foldName(surface).slice(0, word[0]).split(' ').length - 1;
  return `${foldName(standard).split(' ')[index]} (in ${standard})`;
}

function nameDraft(view: ReportView, start: number, end: number, diff: Diff, surface: string, standard: string, entity: Entity, rule: string, note: string | undefined, confidence: number): CaveatDraft {
  const numberChanged = diff.kind === 'misnaming' && /number differs/.test(diff.how);
  return quoteDraft(view, start, end, {
    kind: diff.kind,
    severity: numberChanged ? 'medium' : 'low',
    label: diff.kind === 'misspelling' ? 'Misspelt name' : 'Wrong name',
    explanation: `“${surface}” is ${diff.kind === 'misspelling' ? 'a misspelling' : 'a wrong form'} of ${standard}: ${diff.how}.${note ? ` ${note}` : ''}`,
    reasoning: `Rule ${rule}: compared with the gazetteer's standard form “${standard}” (${entity.id}).`,
    rule,
    confidence,
    entities: [entity.id],
    claimant: null,
  });
}

export function nameFindings(view: ReportView, corpus: Corpus): CaveatDraft[] {
  const out: CaveatDraft[] = [];
  const taken: [number, number][] = [];
  const { aliases, known, standard } = gazetteer(corpus.entities);

  // 1 + 2. Gazetteer mentions: nonstandard aliases, and designations in the wrong case.
  for (const m of view.mentions) {
    const entity = corpus.entityById.get(m.entity)!;
    const alias = entity.aliases.find((a) => foldName(a.text) === foldName(m.surface));
    if (alias?.nonstandard) {
      const standard = closestStandard(m.surface, entity);
      const diff = classifyNameDiff(m.surface, standard);
      const word = diff.kind === 'misspelling' ? differingWord(foldName(m.surface), foldName(standard)) : null;
      const [s, e] = word ? [m.start + word[0], m.start + word[1]] : [m.start, m.end];
      out.push(nameDraft(view, s, e, diff, view.text.slice(s, e), word ? standardWord(m.surface, standard, word) : standard, entity, 'gazetteer-nonstandard', alias.note, 0.95));
      taken.push([m.start, m.end]);
      continue;
    }
    if (/\d/.test(entity.name) && m.surface !== entity.name && foldName(m.surface).toLowerCase() === foldName(entity.name).toLowerCase() && /\p{L}/u.test(m.surface)) {
      out.push(nameDraft(view, m.start, m.end, classifyNameDiff(m.surface, entity.name), m.surface, entity.name, entity, 'designation-case', undefined, 0.85));
      taken.push([m.start, m.end]);
    }
  }

  // 3. Generic near-miss: capitalised names that no alias covers.
  for (const s of view.sentences) {
    for (const cand of findCapitalisedNames(s.text)) {
      const start = s.start + cand.start;
      const end = s.start + cand.end;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      // Whole runs and their contiguous parts ("Each MQ Reaper-9" holds "MQ Reaper-9"; "Bejing put" holds "Bejing").
      const words = [...cand.text.matchAll(/[^\s]+/g)].map((w) => [cand.start + w.index, cand.start + w.index + w[0].length] as const);
      const pieces: [number, number][] = [];
      for (let i = 0; i < words.length; i++) for (let j = Math.min(words.length, i + 6) - 1; j >= i; j--) pieces.push([words[i]![0], words[j]![1]]);
      for (const [ps, pe] of pieces) {
        const text = s.text.slice(ps, pe);
        const folded = foldName(text).toLowerCase();
        if (folded.length < 5 || known.has(folded) || !/^\p{Lu}/u.test(text)) continue;
        // Part of a longer name the report uses ("Financial Crimes" in "Economic and Financial Crimes Commission") is not a misspelt other name.
        if (view.mentions.some((m) => m.start <= s.start + ps && s.start + pe <= m.end && m.end - m.start > pe - ps)) continue;
        const parts = nameParts(text).map((p) => p.toLowerCase());
        const sortedParts = [...parts].sort().join(' ');
        let hit: { alias: AliasRef; diff: Diff } | null = null;
        for (const a of standard) {
          // A run that only adds whole words to a name ("A Ministry of …", "… Group") is the name, not a misspelling of it.
          if (a.folded.startsWith(folded) || folded.startsWith(a.folded) || folded.endsWith(` ${a.folded}`) || a.folded.endsWith(` ${folded}`)) continue;
          const reordered = parts.length > 1 && a.sortedParts === sortedParts && a.parts !== parts.join(' ');
          if (!reordered) {
            const shorter = Math.min(a.folded.length, folded.length);
            const max = shorter >= 9 ? 2 : 1;
            if (shorter < 5 || Math.abs(a.folded.length - folded.length) > max || editDistance(folded, a.folded, max) > max) continue;
          }
          hit = { alias: a.alias, diff: classifyNameDiff(text, a.alias.text) };
          break;
        }
        if (!hit) continue;
        if (taken.some(([a, b]) => s.start + ps < b && s.start + pe > a)) continue;
        const word = hit.diff.kind === 'misspelling' ? differingWord(foldName(text), foldName(hit.alias.text)) : null;
        const [as, ae] = word ? [s.start + ps + word[0], s.start + ps + word[1]] : [s.start + ps, s.start + pe];
        out.push(nameDraft(view, as, ae, hit.diff, view.text.slice(as, ae), word ? standardWord(text, hit.alias.text, word) : hit.alias.text, hit.alias.entity, 'near-miss-name', undefined, 0.6));
        taken.push([s.start + ps, s.start + pe]);
      }
    }
  }

  // The same wrong form again in the report: one finding, several appearances.
  const merged: CaveatDraft[] = [];
  for (const d of out) {
    const twin = merged.find((m) => m.kind === d.kind && m.quote === d.quote && m.rule === d.rule);
    if (twin) twin.appearances = [...(twin.appearances ?? []), { report: d.report, quote: d.quote, start: d.start! }];
    else merged.push(d);
  }
  out.length = 0;
  out.push(...merged);

  // 4. Abbreviations that do not match their expansion: "unmanned aerial vehicles (UABs)".
  const FUNCTION = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'de', 'von', 'der']);
  for (const s of view.sentences) {
    for (const m of s.text.matchAll(/\(([A-Z]{2,6})(s?)\)/g)) {
      const acronym = m[1]!;
      const before = s.text.slice(0, m.index).trimEnd().split(/\s+/);
      const words: string[] = [];
      for (let i = before.length - 1; i >= 0 && words.filter((w) => !FUNCTION.has(w.toLowerCase())).length < acronym.length; i--) words.unshift(before[i]!);
      const content = words.filter((w) => !FUNCTION.has(w.toLowerCase()));
      if (content.length !== acronym.length) continue;
      const initials = content.map((w) => w[0]!.toUpperCase()).join('');
      if (initials === acronym) continue;
      const mismatches = [...acronym].filter((c, i) => c !== initials[i]).length;
      if (mismatches !== 1) continue;
      const start = s.start + m.index + 1;
      const end = start + acronym.length + m[2]!.length;
      const expected = initials + m[2]!;
      out.push(
        quoteDraft(view, start, end, {
          kind: 'misspelling',
          severity: 'low',
          label: 'Misspelt abbreviation',
          explanation: `“${acronym}${m[2]}” does not match the words it abbreviates (“${content.join(' ')}”), which give ${expected}.`,
          reasoning: 'Rule acronym-mismatch: the letters of a bracketed abbreviation differ in one place from the initials of the words before it.',
          rule: 'acronym-mismatch',
          confidence: 0.85,
          claimant: null,
        }),
      );
    }
  }

  // 5. One name spelt two ways in the same report.
  out.push(...spellingVariants(view, aliases));
  return out;
}

function spellingVariants(view: ReportView, aliases: readonly AliasRef[]): CaveatDraft[] {
  const out: CaveatDraft[] = [];
  // Capitalised words with the word before them, in reading order.
  const words: { text: string; prev: string; start: number; end: number }[] = [];
  for (const s of view.sentences) {
    for (const m of s.text.matchAll(/(?:(\p{L}+)\s+)?(\p{Lu}\p{L}{5,})/gu)) {
      const start = s.start + m.index + m[0].length - m[2]!.length;
      words.push({ text: m[2]!, prev: m[1] ?? '', start, end: start + m[2]!.length });
    }
  }
  const entityMemo = new Map<string, Set<string>>();
  const entityOf = (w: string) => {
    let set = entityMemo.get(w);
    if (!set) entityMemo.set(w, (set = new Set(aliases.filter((a) => a.text.split(/\s+/).includes(w)).map((a) => a.entity.id))));
    return set;
  };
  const seen = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 1; j < words.length; j++) {
      const a = words[i]!;
      const b = words[j]!;
      if (a.text === b.text || a.text.length !== b.text.length) continue;
      if (a.text[0] !== b.text[0] && a.text[1] !== b.text[1]) continue;
      const diffs = [...a.text].filter((c, k) => c !== b.text[k]).length;
      if (diffs !== 1) continue;
      const sameName = a.prev !== '' && a.prev === b.prev;
      const ea = entityOf(a.text);
      const sameEntity = [...entityOf(b.text)].some((e) => ea.has(e));
      if (!sameName && !sameEntity) continue;
      const key = [a.text, b.text].sort().join('|');
      if (seen.has(key)) continue;
      seen.add(key);
      // Quote the whole name the first spelling is part of.
      const run = nameAround(view.text, a.start, a.end);
      const other = nameAround(view.text, b.start, b.end);
      // About the name that is spelt two ways: the entities whose mention holds one of the two spellings, not every name on the line.
      const named = [...new Set(view.mentions.filter((m) => (m.start < a.end && a.start < m.end) || (m.start < b.end && b.start < m.end)).map((m) => m.entity))];
      out.push(
        quoteDraft(view, run[0], run[1], {
          kind: 'internal-inconsistency',
          severity: 'low',
          label: 'Spelt two ways',
          explanation: `The report spells this name “${view.text.slice(run[0], run[1])}” here and “${view.text.slice(other[0], other[1])}” later. Both may be in use, but one text switching between them suggests parts written or edited separately.`,
          reasoning: 'Rule spelling-variants: two capitalised words of the same name in one report differ by one letter.',
          rule: 'spelling-variants',
          confidence: 0.85,
          related: [{ report: view.id, quote: view.text.slice(other[0], other[1]) }],
          appearances: [{ report: view.id, quote: view.text.slice(other[0], other[1]), start: other[0] }],
          entities: named,
          claimant: null,
        }),
      );
    }
  }
  return out;
}

/** The run of capitalised words around [start, end) on its line. */
function nameAround(text: string, start: number, end: number): [number, number] {
  const lineStart = text.lastIndexOf('\n', start) + 1;
  const nl = text.indexOf('\n', end);
  const line = text.slice(lineStart, nl < 0 ? text.length : nl);
  for (const c of findCapitalisedNames(line)) if (lineStart + c.start <= start && lineStart + c.end >= end) return [lineStart + c.start, lineStart + c.end];
  return [start, end];
}
