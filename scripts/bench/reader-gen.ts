// Inputs for the reader-scale figures (issue #18): a page matcher over the real
// KB plus synthetic entities (100,000 aliases), with the linker's data filled
// in as a KB of 10,000 reports would have it (context words for every entity),
// and synthetic reader reports in the corpus format, all deterministic.
import type { KbCaveat, KbDocument, KbEntity } from '../../lib/kb/document';
import type { ReportPiece } from '../../lib/reader-kb/incremental';
import type { PackReport } from '../../lib/reader-kb/pack';
import type { ReaderDerived } from '../../lib/reader-kb/pipeline';
import { compilePageMatcher } from '../../lib/link/data';
import type { CompiledMatcher } from '../../lib/match/types';
import { rng, syntheticKb, vocabulary } from './gen';

/** The page matcher at the reader's scale: `aliases` aliases (two per synthetic entity), with per-entity context words and related entities. */
export function readerScaleMatcher(real: KbDocument, aliases: number): CompiledMatcher {
  const kb = syntheticKb(real, Math.max(0, Math.round((aliases - real.entities.reduce((n, e) => n + e.aliases.length, 0)) / 2)));
  const compiled = compilePageMatcher(kb);
  const link = compiled.link!;
  const r = rng(aliases);
  const vocab = vocabulary().filter((w) => w.length >= 4);
  // A KB of many reports has a context profile for every entity: fill in the ones the synthetic KB leaves empty.
  link.words = link.words.map((w) => (w.length > 0 ? w : Array.from({ length: 16 }, () => vocab[Math.floor(r() * vocab.length)]!.toLowerCase())));
  link.related = link.related.map((rel, i) => (rel.length > 0 ? rel : Array.from({ length: 3 }, () => Math.floor(r() * compiled.entities.length)).filter((k) => k !== i)));
  return compiled;
}

const FIRST = ['Arlen', 'Brisa', 'Calder', 'Dovina', 'Evart', 'Fenna', 'Gorran', 'Halvey', 'Ismay', 'Jorund', 'Kestrel', 'Lunde', 'Morven', 'Nerys', 'Orrin', 'Pellam'];
const LAST = ['Achterberg', 'Bramwell', 'Castellane', 'Dunmore', 'Everleigh', 'Fairbrook', 'Gallowmere', 'Hartwell', 'Ironside', 'Jessamine', 'Kilbride', 'Lockhart', 'Merriweather', 'Northcote', 'Oakhurst', 'Pendragon'];
const ORGS = ['Veltro Systems', 'Harrowgate Bank', 'Norden Airlines', 'Quillon Industries', 'Sable Ridge Holdings', 'Tarrant Technologies'];
const PLACES = ['Port Averly', 'Grenmoor', 'Salt Harrow', 'Eastmere', 'Kellan Bay', 'Drovers Cross'];
const VERBS = ['said', 'told reporters', 'announced', 'confirmed', 'denied'];

/**
 * `count` reader reports in the corpus format (headline line, blank line,
 * body), each naming synthetic people, organisations and places with
 * attributed statements, so the pipeline finds new names, claims and caveats.
 */
export function syntheticReaderReports(count: number, seed = 7): { file: string; text: string }[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const out: { file: string; text: string }[] = [];
  for (let i = 0; i < count; i++) {
    const person = `${pick(FIRST)} ${pick(LAST)}`;
    const other = `${pick(FIRST)} ${pick(LAST)}`;
    const org = pick(ORGS);
    const place = pick(PLACES);
    const n = 2 + Math.floor(r() * 40);
    const body = [
      `${place}, March ${1 + (i % 28)}, 2026 (Harbour Wire) - ${person}, the chief executive of ${org}, ${pick(VERBS)} on Tuesday that the company would close ${n} offices in ${place} by the end of the year.`,
      `“We have no choice,” ${person} said. ${other}, a union official in ${place}, said the closures would cost about ${n * 120} jobs, according to people familiar with the plan.`,
      `${org} did not respond to a request for comment on the figure. Officials, speaking on condition of anonymity, said talks with ${other} could resume next week.`,
      `Report ${i}: ${pick(VERBS)} ${vocabularyLine(r)}.`,
    ].join('\n\n');
    out.push({ file: `synthetic-${String(i).padStart(5, '0')}.txt`, text: `${org} to close ${n} offices in ${place}\n\n${body}\n` });
  }
  return out;
}

function vocabularyLine(r: () => number): string {
  const v = vocabulary();
  return Array.from({ length: 12 }, () => v[Math.floor(r() * v.length)]!).join(' ');
}

/**
 * A reader's KB of `factor` times as many reports: copies of a derived KB
 * with their own report, claim, caveat and new-entity ids (bundled entities
 * stay shared, so their records grow with every copy, as a popular entity's
 * would). For lookup timings; the page matcher is the original's, the
 * review list is over the copies.
 */
/** The ids of copy `k` of the reader's reports (copy 0 keeps the originals): reports, entities new to the reader, claims, caveats. */
function copyIds(k: number, newIds: ReadonlySet<string>) {
  const rid = (id: string) => (k === 0 ? id : `${id.slice(0, 4)}${k.toString(16).padStart(4, '0')}${id.slice(8)}`);
  return {
    rid,
    eid: (id: string) => (k === 0 || !newIds.has(id) ? id : `${id}~${k}`),
    cid: (id: string) => (k === 0 ? id : id.replace(/^[^@]+/, (r) => rid(r))),
    vid: (id: string) => (k === 0 ? id : `${id}~${k}`),
  };
}

/** An entity with every id it holds mapped to the copy's; `rename` its name and alias texts. */
function copyEntity(e: KbEntity, ids: ReturnType<typeof copyIds>, rename: (id: string, text: string) => string = (_, t) => t): KbEntity {
  const { rid, eid, cid, vid } = ids;
  return {
    ...e,
    id: eid(e.id),
    name: rename(e.id, e.name),
    aliases: e.aliases.map((a) => ({ ...a, text: rename(e.id, a.text), reports: a.reports.map(rid) })),
    facts: e.facts.map(cid),
    reports: e.reports.map((r) => ({ ...r, report: rid(r.report), claim: r.claim ? cid(r.claim) : r.claim })),
    related: e.related.map((r) => ({ ...r, id: eid(r.id) })),
    dates: e.dates.map((x) => ({ ...x, claim: cid(x.claim) })),
    caveats: e.caveats.map(vid),
    reportCaveats: e.reportCaveats.map(vid),
  };
}

export function scaleReaderDerived(d: ReaderDerived, factor: number): ReaderDerived {
  const newIds = new Set(d.entities.filter((e) => e.isNew).map((e) => e.id));
  const kb = d.kb;
  const out: KbDocument = { ...kb, reports: [], claims: [], caveats: [], entities: [] };
  const bundledRecords = new Map<string, KbEntity>();
  for (let k = 0; k < factor; k++) {
    const { rid, eid, cid, vid } = copyIds(k, newIds);
    for (const r of kb.reports) out.reports.push({ ...r, id: rid(r.id), mentions: r.mentions.map(([s, e, x]) => [s, e, eid(x)] as [number, number, string]) });
    for (const c of kb.claims) out.claims.push({ ...c, id: cid(c.id), report: rid(c.report), entities: c.entities.map(eid) });
    for (const c of kb.caveats) out.caveats.push({ ...c, id: vid(c.id), report: rid(c.report), entities: c.entities.map(eid), claims: c.claims.map(cid), related: c.related.map((x) => ({ ...x, report: rid(x.report) })), appearances: c.appearances.map((a) => ({ ...a, report: rid(a.report) })) });
    for (const e of kb.entities) {
      const copy = copyEntity(e, { rid, eid, cid, vid });
      if (newIds.has(e.id)) out.entities.push(copy);
      else {
        const prev = bundledRecords.get(e.id);
        bundledRecords.set(e.id, prev ? { ...prev, facts: [...prev.facts, ...copy.facts], reports: [...prev.reports, ...copy.reports], dates: [...prev.dates, ...copy.dates], caveats: [...prev.caveats, ...copy.caveats], reportCaveats: [...prev.reportCaveats, ...copy.reportCaveats] } : copy);
      }
    }
  }
  out.entities.push(...bundledRecords.values());
  // The review list over the copies, as lib/reader-kb/incremental.ts `assemble` lists a KB's entities.
  const entities = out.entities.filter((e) => e.reports.length > 0).map((e) => ({ id: e.id, name: e.name, type: e.type, aliases: e.aliases.filter((a) => a.mentions > 0).map((a) => a.text), reports: e.reports.map((r) => r.report), isNew: !bundledRecords.has(e.id) }));
  return { ...d, readerHash: `${d.readerHash}x${factor}`, kb: out, entities };
}

/**
 * A reader's stored KB of `factor` times as many reports, as the options page
 * keeps it (lib/db/reader-store.ts): the reports, their sketches and pieces
 * (lib/reader-kb/incremental.ts), copied with their own report, claim, caveat
 * and new-entity ids. A copy's new names get a suffix ("Arlen Bramwell Q1a"),
 * so the reader's KB knows as many distinct names as it has copies (a KB of
 * 10,000 reports names tens of thousands of people and organisations), and a
 * new report's names link to the originals alone; its claims' sentences too
 * (they no longer quote the copied text exactly: a load figure, not a KB).
 */
export function scaleReaderPieces(pieces: readonly ReportPiece[], packs: readonly PackReport[], factor: number): { pieces: ReportPiece[]; packs: PackReport[] } {
  const newIds = new Set(pieces.flatMap((p) => p.fresh.map((e) => e.id)));
  const outPieces: ReportPiece[] = [];
  const outPacks: PackReport[] = [];
  const byId = new Map(pieces.map((p) => [p.id, p]));
  for (let k = 0; k < factor; k++) {
    const { rid, eid, cid, vid } = copyIds(k, newIds);
    const tag = k === 0 ? '' : ` Q${k.toString(36)}`;
    const rename = (id: string, text: string) => (newIds.has(id) ? `${text}${tag}` : text);
    const caveat = (c: KbCaveat): KbCaveat => ({ ...c, id: vid(c.id), report: rid(c.report), entities: c.entities.map(eid), claims: c.claims.map(cid), related: c.related.map((x) => ({ ...x, report: rid(x.report) })), appearances: c.appearances.map((a) => ({ ...a, report: rid(a.report) })) });
    packs.forEach((pack, i) => {
      const p = byId.get(pack.id)!;
      outPacks.push({ ...pack, id: rid(pack.id), addedAt: k * packs.length + i });
      outPieces.push({
        ...p,
        id: rid(p.id),
        kb: {
          reports: p.kb.reports.map((r) => ({ ...r, id: rid(r.id), mentions: r.mentions.map(([s, e, x]) => [s, e, eid(x)] as [number, number, string]) })),
          // A copy's sentences carry its tag too: 200 copies of one sentence would make every claim a 200-fold repeat (lib/kb/support), which no reader's 10,000 reports are.
          claims: p.kb.claims.map((c) => ({ ...c, id: cid(c.id), text: `${c.text}${tag}`, report: rid(c.report), entities: c.entities.map(eid), retells: c.retells && cid(c.retells), corroboration: { ...c.corroboration, claims: c.corroboration.claims.map(cid) } })),
          caveats: p.kb.caveats.map(caveat),
          entities: p.kb.entities.map((e) => copyEntity(e, { rid, eid, cid, vid }, rename)),
        },
        fresh: p.fresh.map((e) => ({ ...e, id: eid(e.id), name: rename(e.id, e.name), aliases: e.aliases.map((a) => ({ ...a, text: rename(e.id, a.text) })) })),
        cross: p.cross.map(caveat),
      });
    });
  }
  return { pieces: outPieces, packs: outPacks };
}
