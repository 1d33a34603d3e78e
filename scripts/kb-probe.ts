// Print what the extractor finds in one report: `npx tsx scripts/kb-probe.ts FILE`.
import { readFileSync } from 'node:fs';
import { extractOne } from '../lib/kb/extract/eval';
import { parseInputs } from '../lib/kb/inputs';
import { readDataFiles } from './read-data';

const file = process.argv[2];
if (!file) throw new Error('usage: kb-probe FILE');
const r = extractOne('x.txt', readFileSync(file, 'utf8'), parseInputs(readDataFiles()));
console.log(r.names.map((n) => `${n.name}:${n.type}`).join(', '));
for (const c of [...r.caveats, ...r.others]) console.log(c.kind, JSON.stringify(c).slice(0, 300));
