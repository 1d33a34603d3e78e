// The KB built from data/, for DOM tests. scripts/read-data.ts cannot be loaded
// here (in the DOM tier Vite rewrites its `new URL('..', import.meta.url)` into
// a web URL), so this reads data/ the same way, from the project root (cwd).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildKb } from '../../lib/kb/build';
import type { KbDocument } from '../../lib/kb/document';
import { parseInputs } from '../../lib/kb/inputs';

export function kbFromData(root = process.cwd()): KbDocument {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(txt|json)$/.test(entry.name)) files.set(relative(root, full).split('\\').join('/'), readFileSync(full, 'utf8'));
    }
  };
  walk(join(root, 'data'));
  return buildKb(parseInputs(files));
}
