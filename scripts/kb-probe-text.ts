// `npx tsx scripts/kb-probe-text.ts "Headline" "Body sentence. Another."`: the pipeline's caveats on a
// report written on the command line (a debugging aid when writing a rule; prints kind, rule and quote).
import { extractOne } from '../lib/kb/extract/eval';
import { parseInputs } from '../lib/kb/inputs';
import { readDataFiles } from './read-data';

const [headline = 'Report', ...body] = process.argv.slice(2);
const text = `${headline}\n\nBy Staff Writer, The Test Herald, 3 December 2026\n\n${body.join('\n\n')}\n`;
const found = extractOne('probe.txt', text, parseInputs(readDataFiles()));
for (const c of [...found.caveats, ...found.others]) process.stdout.write(`${c.kind}\t${c.quote}\n`);
