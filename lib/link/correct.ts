// The pure, dependency-free half of "Not this" (lib/link/corrections.ts has the
// zod schema): folding, the site, add/undo and applying corrections to the
// linker's output. No zod here: the engine chunk (/linker.js) carries it into
// every page, where stored corrections are read with `readCorrections`.

export interface CorrectionEntry {
  /** Host name without "www." ("example.com"); see `siteOf`. */
  site: string;
  /** The words as the page wrote them, folded (`foldSurface`). */
  surface: string;
  /** The entity these words do not mean on this site. */
  entity: string;
  /** When the reader said so (ms since the epoch), for the settings list. */
  at: number;
}

export interface CorrectionsData {
  version: 1;
  corrections: CorrectionEntry[];
}

/** The key in the extension's local storage (WXT `local:corrections`). Never synced, never sent. */
export const CORRECTIONS_KEY = 'corrections';

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

const text = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

/** One well-formed entry (the same rules as corrections.ts's zod schema, without zod). */
export function isCorrectionEntry(v: unknown): v is CorrectionEntry {
  if (typeof v !== 'object' || v === null) return false;
  const c = v as Record<string, unknown>;
  return Object.keys(c).length === 4 && text(c.site) && text(c.surface) && text(c.entity) && typeof c.at === 'number' && Number.isInteger(c.at) && c.at >= 0;
}

/** Stored corrections as the page's engine reads them: the well-formed entries; anything else is no corrections. */
export function readCorrections(raw: unknown): CorrectionsData {
  const list = typeof raw === 'object' && raw !== null && (raw as { version?: unknown }).version === 1 ? (raw as { corrections?: unknown }).corrections : null;
  return { version: 1, corrections: Array.isArray(list) ? list.filter(isCorrectionEntry) : [] };
}

const key = (site: string, surface: string, entity: string) => `${site}\u0000${foldSurface(surface)}\u0000${entity}`;

/** Add "Not this" (a new file; the same site, surface and entity again only updates its time). Throws on an empty site, surface or entity. */
export function addCorrection<F extends CorrectionsData>(file: F, c: { site: string; surface: string; entity: string; at: number }): CorrectionsData {
  const entry = { site: c.site.trim(), surface: foldSurface(c.surface), entity: c.entity.trim(), at: c.at };
  if (!isCorrectionEntry(entry)) throw new Error(`Not a correction: ${JSON.stringify(c)}`);
  const k = key(entry.site, entry.surface, entry.entity);
  const rest = file.corrections.filter((x) => key(x.site, x.surface, x.entity) !== k);
  return { version: 1, corrections: [...rest, entry] };
}

/** Undo (from settings): the mark comes back. */
export function removeCorrection<F extends CorrectionsData>(file: F, c: { site: string; surface: string; entity: string }): CorrectionsData {
  const k = key(c.site, c.surface, c.entity);
  return { version: 1, corrections: file.corrections.filter((x) => key(x.site, x.surface, x.entity) !== k) };
}

interface Linkable {
  surface: string;
  entityId: string | null;
  candidates: readonly string[];
}

/**
 * Apply the corrections of `site` to linker output: a link the reader said
 * "Not this" to is dropped; an ambiguous mention loses the rejected
 * candidates (and is dropped when none is left). Returns what stays and what
 * went (the panel lists the latter as "Not linked: you said so").
 */
export function applyCorrections<M extends Linkable>(mentions: readonly M[], file: CorrectionsData, site: string): { kept: M[]; dropped: M[] } {
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
