// Scores the one pipeline against hand labels of reports it was not written on
// (tests/fixtures/reports-heldout/labels.json): the new names it finds, and the
// sourcing caveats it raises. Each report is run on its own, as a reader's
// report would be.
import { z } from 'zod';
import type { Entity, EntityType } from '../schema';
import { ENTITY_TYPES } from '../schema';
import { extractReports, type KnownNames } from './index';

/** The caveat kinds that are about how a claim is sourced (the held-out target). */
export const SOURCING_KINDS = ['anonymous-source', 'unsourced', 'hedged', 'denial', 'no-comment'] as const;

export const HeldoutLabels = z.object({
  $comment: z.string().optional(),
  reports: z.record(
    z.string(),
    z.object({
      names: z.array(z.object({ name: z.string().min(1), type: z.enum(ENTITY_TYPES), aliases: z.array(z.string()).default([]) })),
      caveats: z.array(z.object({ kind: z.enum(SOURCING_KINDS), quote: z.string().min(1) })),
      /** Non-sourcing caveats an editor keeps (self-serving, republished, undated…): scored for recall only; a quote, when given, must be overlapped. */
      other: z.array(z.object({ kind: z.string().min(1), quote: z.string().min(1).optional() })).default([]),
    }),
  ),
});
export type HeldoutLabels = z.infer<typeof HeldoutLabels>;

export interface FoundName {
  name: string;
  type: EntityType;
  aliases: string[];
}
export interface FoundCaveat {
  kind: string;
  quote: string;
  /** Every place it rests on: its quote and the quotes merged into it. */
  spans: [number, number][];
  about: string[];
}

export interface ReportScore {
  file: string;
  names: { found: FoundName[]; missed: string[]; wrong: string[]; wrongType: { name: string; expected: EntityType; got: EntityType }[] };
  caveats: { found: FoundCaveat[]; missed: string[]; wrong: string[] };
  other: { found: FoundCaveat[]; hit: string[]; missed: string[] };
}

export interface Score {
  reports: ReportScore[];
  names: { precision: number; recall: number; typed: number; tp: number; fp: number; fn: number };
  caveats: { precision: number; recall: number; tp: number; fp: number; fn: number };
  other: { recall: number; hit: number; missed: number };
}

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’']/g, "'")
    .replace(/^the\s+/i, '')
    .toLowerCase()
    .trim();

/** Runs the pipeline on one report and reads off what a scorer compares. */
export function extractOne(file: string, text: string, known: KnownNames): { names: FoundName[]; caveats: FoundCaveat[]; others: FoundCaveat[] } {
  const { kb, result } = extractReports([{ file, text }], known);
  const names = result.entities.filter((e) => e.kbId === null).map((e) => ({ name: e.name, type: e.type, aliases: e.aliases }));
  const nameOf = new Map(kb.entities.map((e) => [e.id, e.name]));
  const all = kb.caveats.map((c) => ({ kind: c.kind, quote: c.quote, spans: c.appearances.map((a): [number, number] => [a.start, a.end]), about: c.entities.map((id) => nameOf.get(id) ?? id) }));
  const sourcing = (c: FoundCaveat) => (SOURCING_KINDS as readonly string[]).includes(c.kind);
  return { names, caveats: all.filter(sourcing), others: all.filter((c) => !sourcing(c)) };
}

/** Precision and recall of names (a found name counts when its name or a short form is a labelled name or short form) and of sourcing caveats (a caveat counts when one of its quotes overlaps labelled text of the same kind). */
export function scoreHeldout(labels: HeldoutLabels, read: (file: string) => string, known: KnownNames): Score {
  const reports: ReportScore[] = [];
  let ntp = 0,
    nfp = 0,
    nfn = 0,
    typedOk = 0,
    ctp = 0,
    cfp = 0,
    cfn = 0,
    ohit = 0,
    omiss = 0;
  for (const [file, label] of Object.entries(labels.reports)) {
    const text = read(file);
    const found = extractOne(file, text, known);
    // Names.
    const keys = (n: { name: string; aliases: string[] }) => new Set([n.name, ...n.aliases].map(fold));
    const matched = new Set<number>();
    const wrong: string[] = [];
    const wrongType: ReportScore['names']['wrongType'] = [];
    for (const f of found.names) {
      const fk = keys(f);
      const i = label.names.findIndex((l) => [...keys(l)].some((k) => fk.has(k)));
      if (i < 0) {
        wrong.push(`${f.name} (${f.type})`);
        continue;
      }
      if (matched.has(i)) continue; // the same name found twice: one credit, no penalty
      matched.add(i);
      if (label.names[i]!.type === f.type) typedOk++;
      else wrongType.push({ name: f.name, expected: label.names[i]!.type, got: f.type });
    }
    const missed = label.names.filter((_, i) => !matched.has(i)).map((l) => l.name);
    ntp += matched.size;
    nfp += wrong.length;
    nfn += missed.length;
    // Caveats.
    const spans = label.caveats.map((c) => {
      const at = text.indexOf(c.quote);
      if (at < 0) throw new Error(`${file}: labelled quote "${c.quote}" is not in the report`);
      return { kind: c.kind, quote: c.quote, start: at, end: at + c.quote.length };
    });
    const hit = new Set<number>();
    const cwrong: string[] = [];
    for (const c of found.caveats) {
      const idx = spans.map((s, i) => (s.kind === c.kind && c.spans.some(([a, b]) => a < s.end && s.start < b) ? i : -1)).filter((i) => i >= 0);
      if (idx.length === 0) cwrong.push(`${c.kind}: ${c.quote}`);
      for (const i of idx) hit.add(i);
    }
    const cmissed = spans.filter((_, i) => !hit.has(i)).map((s) => `${s.kind}: ${s.quote}`);
    ctp += found.caveats.length - cwrong.length;
    cfp += cwrong.length;
    cfn += cmissed.length;
    // Other caveats: recall only.
    const ohits: string[] = [];
    const omissed: string[] = [];
    for (const o of label.other) {
      const at = o.quote === undefined ? -1 : text.indexOf(o.quote);
      if (o.quote !== undefined && at < 0) throw new Error(`${file}: labelled quote "${o.quote}" is not in the report`);
      const end = at + (o.quote?.length ?? 0);
      const ok = found.others.some((c) => c.kind === o.kind && (o.quote === undefined || c.spans.some(([a, b]) => a < end && at < b)));
      (ok ? ohits : omissed).push(o.quote === undefined ? o.kind : `${o.kind}: ${o.quote}`);
    }
    ohit += ohits.length;
    omiss += omissed.length;
    reports.push({ file, names: { found: found.names, missed, wrong, wrongType }, caveats: { found: found.caveats, missed: cmissed, wrong: cwrong }, other: { found: found.others, hit: ohits, missed: omissed } });
  }
  const labelledCaveats = Object.values(labels.reports).reduce((n, r) => n + r.caveats.length, 0);
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    reports,
    names: { precision: ratio(ntp, ntp + nfp), recall: ratio(ntp, ntp + nfn), typed: ratio(typedOk, ntp), tp: ntp, fp: nfp, fn: nfn },
    caveats: { precision: ratio(ctp, ctp + cfp), recall: ratio(labelledCaveats - cfn, labelledCaveats), tp: ctp, fp: cfp, fn: cfn },
    other: { recall: ratio(ohit, ohit + omiss), hit: ohit, missed: omiss },
  };
}

export type { Entity };
