// Turns the raw files of `data/` into validated inputs for the build.
// Pure: the caller reads the files (Node at build time, fixtures in tests) and
// passes their contents keyed by repo-relative path. Every error names the file
// and the field, so a maintainer can fix the data without reading code.
import type { z } from 'zod';
import { EditorNotesFile, EntityFile, IgnoreFile, LinkLexicon, ReportMeta, type EditorNote, type Entity } from './schema';

export interface ReportInput {
  meta: ReportMeta;
  text: string;
  path: string;
}

export interface KbInputs {
  reports: ReportInput[];
  entities: Entity[];
  ignore: { text: string; reason: string }[];
  editorNotes: EditorNote[];
}

export class DataError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    problem: string,
  ) {
    super(`${file}: ${field ? `field '${field}'` : 'file'}: ${problem}`);
    this.name = 'DataError';
  }
}

export const DATA_PATHS = {
  reportsDir: 'data/reports/',
  entities: 'data/entities.json',
  ignore: 'data/ignore-names.json',
  editorNotes: 'data/editor-notes.json',
  linking: 'data/linking.json',
} as const;

function parseJson(file: string, content: string): unknown {
  try {
    return JSON.parse(content);
  } catch (error) {
    throw new DataError(file, '', `is not valid JSON (${(error as Error).message})`);
  }
}

function validate<T>(schema: z.ZodType<T>, file: string, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new DataError(file, issue.path.map(String).join('.'), issue.message);
}

function requireQuote(file: string, field: string, text: string | undefined, quote: string, reportId: string): void {
  if (text === undefined) throw new DataError(file, field, `names report '${reportId}', which is not in ${DATA_PATHS.reportsDir}`);
  if (!text.includes(quote)) {
    throw new DataError(file, field, `quote "${quote}" is not an exact substring of report ${reportId}`);
  }
}

/** Validate every data file. `files` maps repo-relative paths to contents. */
export function parseInputs(files: ReadonlyMap<string, string>): KbInputs {
  const reports: ReportInput[] = [];
  const paths = [...files.keys()].sort();
  for (const path of paths) {
    if (!path.startsWith(DATA_PATHS.reportsDir) || !path.endsWith('.txt')) continue;
    const id = path.slice(DATA_PATHS.reportsDir.length, -'.txt'.length);
    const text = files.get(path)!;
    if (text.trim() === '') throw new DataError(path, '', 'the report is empty');
    const metaPath = `${DATA_PATHS.reportsDir}${id}.meta.json`;
    const metaContent = files.get(metaPath);
    if (metaContent === undefined) throw new DataError(metaPath, '', `is missing: every report needs its metadata`);
    const meta = validate(ReportMeta, metaPath, parseJson(metaPath, metaContent));
    if (meta.id !== id) throw new DataError(metaPath, 'id', `is '${meta.id}' but the file is for report '${id}'`);
    meta.furniture.forEach((f, i) => {
      requireQuote(metaPath, `furniture.${i}.from`, text, f.from, id);
      if (f.until !== null) requireQuote(metaPath, `furniture.${i}.until`, text, f.until, id);
    });
    meta.notes.forEach((n, i) => {
      if (n.quote !== null) requireQuote(metaPath, `notes.${i}.quote`, text, n.quote, id);
    });
    if (meta.republishedFrom) requireQuote(metaPath, 'republishedFrom.quote', text, meta.republishedFrom.quote, id);
    reports.push({ meta, text, path });
  }
  for (const path of paths) {
    if (path.startsWith(DATA_PATHS.reportsDir) && path.endsWith('.meta.json')) {
      const txt = path.replace(/\.meta\.json$/, '.txt');
      if (!files.has(txt)) throw new DataError(path, '', `has no report text ${txt}`);
    }
  }
  if (reports.length === 0) throw new DataError(DATA_PATHS.reportsDir, '', 'holds no reports');
  const textById = new Map(reports.map((r) => [r.meta.id, r.text]));

  const entitiesContent = files.get(DATA_PATHS.entities);
  if (entitiesContent === undefined) throw new DataError(DATA_PATHS.entities, '', 'is missing');
  const { entities } = validate(EntityFile, DATA_PATHS.entities, parseJson(DATA_PATHS.entities, entitiesContent));
  const entityIds = new Set<string>();
  const aliasOwner = new Map<string, string>();
  entities.forEach((entity, i) => {
    if (entityIds.has(entity.id)) throw new DataError(DATA_PATHS.entities, `entities.${i}.id`, `'${entity.id}' is used twice`);
    entityIds.add(entity.id);
    requireQuote(DATA_PATHS.entities, `entities.${i}.descriptionSource.quote`, textById.get(entity.descriptionSource.report), entity.descriptionSource.quote, entity.descriptionSource.report);
    entity.aliases.forEach((alias, j) => {
      const owner = aliasOwner.get(alias.text);
      if (owner !== undefined && owner !== entity.id && !alias.needsContext) {
        throw new DataError(DATA_PATHS.entities, `entities.${i}.aliases.${j}.text`, `'${alias.text}' is also an alias of '${owner}'; mark both needsContext so cards disambiguate`);
      }
      aliasOwner.set(alias.text, entity.id);
      if (alias.case === 'exact' && alias.caseSensitive === false) {
        throw new DataError(DATA_PATHS.entities, `entities.${i}.aliases.${j}.case`, `is 'exact' but caseSensitive is false`);
      }
    });
  });

  const ignoreContent = files.get(DATA_PATHS.ignore);
  const ignore = ignoreContent === undefined ? [] : validate(IgnoreFile, DATA_PATHS.ignore, parseJson(DATA_PATHS.ignore, ignoreContent)).names;

  // The page linker's word classes: checked here so a bad edit fails the build (lib/link reads the same file).
  const linkingContent = files.get(DATA_PATHS.linking);
  if (linkingContent !== undefined) validate(LinkLexicon, DATA_PATHS.linking, parseJson(DATA_PATHS.linking, linkingContent));

  const notesContent = files.get(DATA_PATHS.editorNotes);
  const editorNotes = notesContent === undefined ? [] : validate(EditorNotesFile, DATA_PATHS.editorNotes, parseJson(DATA_PATHS.editorNotes, notesContent)).notes;
  const noteIds = new Set<string>();
  editorNotes.forEach((note, i) => {
    const file = DATA_PATHS.editorNotes;
    if (noteIds.has(note.id)) throw new DataError(file, `notes.${i}.id`, `'${note.id}' is used twice`);
    noteIds.add(note.id);
    requireQuote(file, `notes.${i}.quote`, textById.get(note.report), note.quote, note.report);
    note.related.forEach((r, j) => requireQuote(file, `notes.${i}.related.${j}.quote`, textById.get(r.report), r.quote, r.report));
    note.entities.forEach((id, j) => {
      if (!entityIds.has(id)) throw new DataError(file, `notes.${i}.entities.${j}`, `points to entity '${id}', which is not in ${DATA_PATHS.entities}`);
    });
  });

  return { reports, entities, ignore, editorNotes };
}
