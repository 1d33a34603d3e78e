// The KB built from data/, for DOM tests.
import type { KbDocument } from '../../lib/kb/document';
import { buildKbFromDisk } from '../../scripts/read-data';

export function kbFromData(root = process.cwd()): KbDocument {
  return buildKbFromDisk(root);
}
