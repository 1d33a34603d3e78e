// `npm run kb -- extract FILE...`: reads the files and prints the pipeline's
// JSON (lib/kb/extract). A file that cannot be used gets one line on stderr
// naming it; the others are still processed; the exit code is 1 if any failed.
import { readFileSync, statSync } from 'node:fs';
import { decodeReport, MAX_REPORT_BYTES } from '../lib/kb/extract/files';
import { extractReports, type ExtractInput } from '../lib/kb/extract';
import { parseInputs } from '../lib/kb/inputs';
import { readDataFiles } from './read-data';

export function runExtract(files: readonly string[], out: (s: string) => void = (s) => process.stdout.write(s), err: (s: string) => void = (s) => process.stderr.write(s)): number {
  if (files.length === 0) {
    err('usage: npm run kb -- extract FILE...\n');
    return 1;
  }
  const inputs: ExtractInput[] = [];
  let failed = false;
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      const st = statSync(file);
      if (!st.isFile()) throw new Error('not a regular file');
      if (st.size > MAX_REPORT_BYTES) {
        err(`${file}: too large (${(st.size / 1024 / 1024).toFixed(1)} MB; the limit is 5 MB)\n`);
        failed = true;
        continue;
      }
      bytes = readFileSync(file);
    } catch (error) {
      err(`${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})\n`);
      failed = true;
      continue;
    }
    const decoded = decodeReport(file, bytes);
    if (!decoded.ok) {
      err(`${decoded.error}\n`);
      failed = true;
      continue;
    }
    inputs.push({ file, text: decoded.text });
  }
  const known = parseInputs(readDataFiles());
  const { result } = extractReports(inputs, known);
  out(`${JSON.stringify(result, null, 2)}\n`);
  return failed ? 1 : 0;
}
