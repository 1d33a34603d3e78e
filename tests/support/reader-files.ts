// Files as the options page's import hands them to the reader's library
// (lib/reader-kb/library.ts FileLike), for unit tests of the import path.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileLike } from '../../lib/reader-kb/library';
import { ROOT } from '../../scripts/read-data';

/** A file named `name` holding `text` (UTF-8). */
export function fileLike(name: string, text: string): FileLike {
  const bytes = new TextEncoder().encode(text);
  return { name, size: bytes.length, bytes: async () => bytes };
}

/** A file from tests/fixtures/reader (or `dir` under tests/fixtures). */
export function fixtureFile(name: string, dir = 'reader'): FileLike {
  return fileLike(name, readFileSync(join(ROOT, 'tests/fixtures', dir, name), 'utf8'));
}
