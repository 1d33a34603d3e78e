// Builds the KB from data/ and writes it where the extension bundles it
// (assets/public/kb/kb.json → the package's /kb/kb.json). Fails with a message
// naming the file and field when the data is malformed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kbStats } from '../lib/kb/document';
import { DataError } from '../lib/kb/inputs';
import { buildKbFromDisk, ROOT } from './read-data';

try {
  const kb = buildKbFromDisk();
  const dir = join(ROOT, 'assets/public/kb');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'kb.json'), JSON.stringify(kb));
  // Read on every background wake-up to spot an interrupted update cheaply.
  writeFileSync(join(dir, 'kb.hash'), `${kb.hash}\n`);
  console.log(`KB ${kb.hash}: ${JSON.stringify(kbStats(kb))}`);
} catch (error) {
  if (error instanceof DataError) {
    console.error(`KB build failed: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
