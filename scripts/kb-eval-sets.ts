// `npx tsx scripts/kb-eval-sets.ts N...`: the pipeline scored on several held-out sets
// (tests/fixtures/reports-heldout-N) at once: one line per set, then the pooled figures (counts summed over the
// sets, then precision and recall). Summary lines only: it never prints which item was missed, so it can be run on
// a set kept untouched. `N` may be a range, "14-16".
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HeldoutLabels, scoreHeldout } from '../lib/kb/extract/eval';
import { parseInputs } from '../lib/kb/inputs';
import { readDataFiles } from './read-data';

const sets = process.argv.slice(2).flatMap((a) => {
  const m = /^(\d+)-(\d+)$/.exec(a);
  return m ? Array.from({ length: Number(m[2]) - Number(m[1]) + 1 }, (_, i) => String(Number(m[1]) + i)) : [a];
});
if (sets.length === 0) {
  process.stderr.write('usage: npx tsx scripts/kb-eval-sets.ts N... (held-out set numbers, or ranges such as 14-16)\n');
  process.exit(2);
}
const known = parseInputs(readDataFiles());
const pct = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '-');
const total = { names: { tp: 0, fp: 0, fn: 0 }, caveats: { tp: 0, fp: 0, fn: 0 } };
for (const n of sets) {
  const dir = join(import.meta.dirname, '..', 'tests', 'fixtures', n === '1' ? 'reports-heldout' : `reports-heldout-${n}`);
  const labels = HeldoutLabels.parse(JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')));
  const s = scoreHeldout(labels, (f) => readFileSync(join(dir, f), 'utf8'), known);
  for (const k of ['names', 'caveats'] as const) for (const f of ['tp', 'fp', 'fn'] as const) total[k][f] += s[k][f];
  process.stdout.write(`set ${n}: names P ${pct(s.names.precision)} R ${pct(s.names.recall)} | sourcing caveats P ${pct(s.caveats.precision)} R ${pct(s.caveats.recall)} (right ${s.caveats.tp}, not labelled ${s.caveats.fp}, missed ${s.caveats.fn})\n`);
}
const pr = (c: { tp: number; fp: number; fn: number }) => `P ${pct(c.tp / (c.tp + c.fp))} R ${pct(c.tp / (c.tp + c.fn))}`;
process.stdout.write(`pooled (${sets.length} sets): names ${pr(total.names)} | sourcing caveats ${pr(total.caveats)} (right ${total.caveats.tp}, not labelled ${total.caveats.fp}, missed ${total.caveats.fn})\n`);
