// The reader's "Not this" corrections: on this site, these words do not mean
// this entity. Remembered per site and per surface (how the page writes the
// name, folded), applied to the linker's output at once without reloading,
// listed in settings with undo. Pure: storage and UI are the caller's (they
// stay in the extension's storage and are never sent anywhere). The zod-free
// part (what the page's engine chunk needs) is correct.ts.
import { z } from 'zod';

export { addCorrection, applyCorrections, CORRECTIONS_KEY, foldSurface, readCorrections, removeCorrection, siteOf, type CorrectionEntry, type CorrectionsData } from './correct';

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

