// Node-side file access for the KB build: reads `data/` into the path → content
// map that the pure pipeline (`lib/kb`) takes.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildKb } from '../lib/kb/build';
import type { KbDocument } from '../lib/kb/document';
import { parseInputs } from '../lib/kb/inputs';

// Not `new URL('..', import.meta.url)`: Vite rewrites that pattern into a web URL
// when a test in the DOM tier imports this file.
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export function readDataFiles(root = ROOT): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(txt|json)$/.test(entry.name)) files.set(relative(root, full).split('\\').join('/'), readFileSync(full, 'utf8'));
    }
  };
  walk(join(root, 'data'));
  return files;
}

export function buildKbFromDisk(root = ROOT): KbDocument {
  return buildKb(parseInputs(readDataFiles(root)));
}
