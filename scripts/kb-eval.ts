// `npx tsx scripts/kb-eval.ts [--verbose] [--json] [DIR]`: the pipeline on the held-out reports
// (DIR with a labels.json; tests/fixtures/reports-heldout by default), scored against their hand labels: new names
// precision/recall (and how many of the matched ones are typed right), sourcing
// caveats precision/recall (a caveat counts when its quote overlaps labelled text of its kind).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HeldoutLabels, scoreHeldout } from '../lib/kb/extract/eval';
import { parseInputs } from '../lib/kb/inputs';
import { readDataFiles } from './read-data';

const args = process.argv.slice(2);
const DIR = args.find((a) => !a.startsWith('--')) ?? join(import.meta.dirname, '..', 'tests', 'fixtures', 'reports-heldout');
const labels = HeldoutLabels.parse(JSON.parse(readFileSync(join(DIR, 'labels.json'), 'utf8')));
const score = scoreHeldout(labels, (f) => readFileSync(join(DIR, f), 'utf8'), parseInputs(readDataFiles()));
if (args.includes('--json')) {
  process.stdout.write(`${JSON.stringify({ names: score.names, caveats: score.caveats }, null, 2)}\n`);
} else {
  const pct = (x: number) => x.toFixed(2);
  if (args.includes('--verbose')) {
    for (const r of score.reports) {
      process.stdout.write(`\n== ${r.file}\n`);
      for (const n of r.names.wrong) process.stdout.write(`  name not labelled: ${n}\n`);
      for (const n of r.names.missed) process.stdout.write(`  name missed: ${n}\n`);
      for (const t of r.names.wrongType) process.stdout.write(`  name typed ${t.got}, expected ${t.expected}: ${t.name}\n`);
      for (const c of r.caveats.wrong) process.stdout.write(`  caveat not labelled: ${c}\n`);
      for (const c of r.caveats.missed) process.stdout.write(`  caveat missed: ${c}\n`);
      for (const c of r.other.missed) process.stdout.write(`  other caveat missed: ${c}\n`);
      for (const c of r.other.found) process.stdout.write(`  other caveat found: ${c.kind}: ${c.quote}\n`);
    }
    process.stdout.write('\n');
  }
  const n = score.names;
  const c = score.caveats;
  process.stdout.write(`names: precision ${pct(n.precision)} recall ${pct(n.recall)} (found right ${n.tp}, not labelled ${n.fp}, missed ${n.fn}; typed right ${pct(n.typed)})\n`);
  if (score.other.hit + score.other.missed > 0) process.stdout.write(`other labelled caveats (self-serving, provenance, contradiction): recall ${pct(score.other.recall)} (found ${score.other.hit}, missed ${score.other.missed})\n`);
  process.stdout.write(`sourcing caveats: precision ${pct(c.precision)} recall ${pct(c.recall)} (right ${c.tp}, not labelled ${c.fp}, labelled and missed ${c.fn})\n`);
}
