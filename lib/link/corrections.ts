// The reader's "Not this" corrections: on this site, these words do not mean
// this entity. Remembered per site and per surface (how the page writes the
// name, folded), applied to the linker's output at once without reloading,
// listed in settings with undo. Pure: storage and UI are the caller's (they
// stay in the extension's storage and are never sent anywhere).
import { z } from 'zod';

export const Correction = z
  .object({
    /** Host name without "www." ("example.com"); see `siteOf`. */
    site: z.string().trim().min(1),
    /** The words as the page wrote them, folded (`foldSurface`). */
    surface: z.string().trim().min(1),
    /** The entity these words do not mean on this site. */
    entity: z.string().trim().min(1),
    /** When the reader said so (ms since the epoch), for the settings list. */
    at: z.number().int().nonnegative(),
  })
  .strict();
export type Correction = z.infer<typeof Correction>;

export const CorrectionsFile = z.object({ version: z.literal(1), corrections: z.array(Correction) }).strict();
export type CorrectionsFile = z.infer<typeof CorrectionsFile>;

export const EMPTY_CORRECTIONS: CorrectionsFile = { version: 1, corrections: [] };

/** Case, curly apostrophes, white space and soft hyphens do not make another surface ("PUTIN’S" is "putin's"). */
export function foldSurface(surface: string): string {
  return surface
    .normalize('NFC')
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[’‘ʼ]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The site a correction belongs to: the URL's host name without "www."; '' for a URL that has none. */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return '';
  }
}

/**
 * Read stored corrections. Bad entries are dropped one by one (the rest are
 * kept) and named in `errors`; anything that is not a corrections file gives
 * an empty list and one error. Never throws.
 */
export function parseCorrections(raw: unknown): { file: CorrectionsFile; errors: string[] } {
  if (raw === undefined || raw === null) return { file: EMPTY_CORRECTIONS, errors: [] };
  const shape = z.object({ version: z.literal(1), corrections: z.array(z.unknown()) }).safeParse(raw);
  if (!shape.success) return { file: EMPTY_CORRECTIONS, errors: ['stored corrections are not a version-1 corrections list; starting empty'] };
  const errors: string[] = [];
  const corrections: Correction[] = [];
  shape.data.corrections.forEach((c, i) => {
    const r = Correction.safeParse(c);
    if (r.success) corrections.push(r.data);
    else errors.push(`correction ${i}: ${r.error.issues[0]!.path.join('.') || 'entry'} ${r.error.issues[0]!.message}`);
  });
  return { file: { version: 1, corrections }, errors };
}

const key = (site: string, surface: string, entity: string) => `${site}\u0000${foldSurface(surface)}\u0000${entity}`;

/** Add "Not this" (a new file; the same site, surface and entity again only updates its time). */
export function addCorrection(file: CorrectionsFile, c: { site: string; surface: string; entity: string; at: number }): CorrectionsFile {
  const k = key(c.site, c.surface, c.entity);
  const rest = file.corrections.filter((x) => key(x.site, x.surface, x.entity) !== k);
  return { version: 1, corrections: [...rest, Correction.parse({ ...c, surface: foldSurface(c.surface) })] };
}

/** Undo (from settings): the mark comes back. */
export function removeCorrection(file: CorrectionsFile, c: { site: string; surface: string; entity: string }): CorrectionsFile {
  const k = key(c.site, c.surface, c.entity);
  return { version: 1, corrections: file.corrections.filter((x) => key(x.site, x.surface, x.entity) !== k) };
}

interface Linkable {
  surface: string;
  entityId: string | null;
  candidates: string[];
}

/**
 * Apply the corrections of `site` to linker output: a link the reader said
 * "Not this" to is dropped; an ambiguous mention loses the rejected
 * candidates (and is dropped when none is left). Returns what stays and what
 * went (the panel can list the latter as "Not linked: you said so").
 */
export function applyCorrections<M extends Linkable>(mentions: readonly M[], file: CorrectionsFile, site: string): { kept: M[]; dropped: M[] } {
  const here = new Set(file.corrections.filter((c) => c.site === site).map((c) => key(c.site, c.surface, c.entity)));
  if (here.size === 0) return { kept: [...mentions], dropped: [] };
  const kept: M[] = [];
  const dropped: M[] = [];
  for (const m of mentions) {
    const no = (id: string) => here.has(key(site, m.surface, id));
    if (m.entityId !== null) {
      (no(m.entityId) ? dropped : kept).push(m);
      continue;
    }
    const left = m.candidates.filter((id) => !no(id));
    if (left.length === 0) dropped.push(m);
    else kept.push(left.length === m.candidates.length ? m : { ...m, candidates: left });
  }
  return { kept, dropped };
}
