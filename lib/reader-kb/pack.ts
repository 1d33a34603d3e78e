// A KB pack: the reports a reader added, in one versioned JSON file, and what
// the pipeline found in them. Only the report texts are trusted input on
// import; entities are derived again from them (a pack cannot smuggle facts).
import { z } from 'zod';
import { EntityType } from '../kb/schema';
import { MAX_REPORT_BYTES } from '../kb/extract/files';

export const PACK_FORMAT = 'backstory-pack';
export const PACK_VERSION = 1;

/** Reader report ids have the bundled reports' shape (the build relies on it); the prefix keeps caveat ids apart. */
export const READER_REPORT_ID = /^\d{3}_[0-9a-f]{16}$/;

export const PackReport = z
  .object({
    id: z.string().regex(READER_REPORT_ID, 'must look like 500_0123456789abcdef'),
    /** The file (or page) it came from, as the reader named it. */
    file: z.string().min(1),
    title: z.string().min(1),
    /** The report text in the corpus format: headline line, blank line, body. */
    text: z
      .string()
      .min(1)
      .refine((t) => t.length <= MAX_REPORT_BYTES, 'is longer than 5 MB'),
    url: z.string().nullable().default(null),
    addedAt: z.number().int().nonnegative(),
    source: z.enum(['file', 'page', 'pack', 'cli']).default('file'),
  })
  .strict();
export type PackReport = z.infer<typeof PackReport>;

/** A name the reports added (derived; recomputed on import). */
export const PackEntity = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    type: EntityType,
    aliases: z.array(z.string()),
    /** Report ids that mention it. */
    reports: z.array(z.string()),
    /** True when the bundled KB does not know it. */
    isNew: z.boolean(),
  })
  .strict();
export type PackEntity = z.infer<typeof PackEntity>;

/** The reader's review decisions (lib/reader-kb/pipeline.ts `Review`). */
export const PackReview = z
  .object({
    rejected: z.array(z.string()).default([]),
    renamed: z.record(z.string(), z.string().min(1)).default({}),
    retyped: z.record(z.string(), EntityType).default({}),
    merged: z.record(z.string(), z.string().min(1)).default({}),
  })
  .strict();

export const Pack = z
  .object({
    format: z.literal(PACK_FORMAT),
    version: z.literal(PACK_VERSION),
    createdAt: z.number().int().nonnegative(),
    /** The bundled KB the entities were derived against (informational). */
    kbHash: z.string().nullable().default(null),
    reports: z.array(PackReport),
    entities: z.array(PackEntity).default([]),
    review: PackReview.default({ rejected: [], renamed: {}, retyped: {}, merged: {} }),
  })
  .strict()
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.reports.forEach((r, i) => {
      if (seen.has(r.id)) ctx.addIssue({ code: 'custom', path: ['reports', i, 'id'], message: `the id ${r.id} is used twice` });
      seen.add(r.id);
    });
  });
export type Pack = z.infer<typeof Pack>;

export function emptyPack(now = Date.now()): Pack {
  return { format: PACK_FORMAT, version: PACK_VERSION, createdAt: now, kbHash: null, reports: [], entities: [], review: { rejected: [], renamed: {}, retyped: {}, merged: {} } };
}

export type ParsedPack = { ok: true; pack: Pack } | { ok: false; error: string };

/** Validate an unknown value (parsed JSON) as a pack, with an error that names the field. */
export function parsePack(value: unknown): ParsedPack {
  if (typeof value === 'object' && value !== null && 'format' in value && (value as { format: unknown }).format === PACK_FORMAT && (value as { version?: unknown }).version !== PACK_VERSION) {
    return { ok: false, error: `This pack is version ${String((value as { version?: unknown }).version)}; this Backstory reads version ${PACK_VERSION}.` };
  }
  const result = Pack.safeParse(value);
  if (result.success) return { ok: true, pack: result.data };
  const first = result.error.issues[0];
  const where = first && first.path.length > 0 ? first.path.join('.') : '(root)';
  if (where === 'format' || where === '(root)') return { ok: false, error: 'Not a Backstory pack (the file has no "format": "backstory-pack").' };
  return { ok: false, error: `The pack is invalid at ${where}: ${first?.message ?? 'invalid'}.` };
}

/** Parse a pack file's text (JSON), or say why not. */
export function parsePackText(text: string): ParsedPack {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: 'Not a Backstory pack: the file is not JSON.' };
  }
  return parsePack(value);
}
