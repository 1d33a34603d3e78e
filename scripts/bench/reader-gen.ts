// Inputs for the reader-scale figures (issue #18): a page matcher over the real
// KB plus synthetic entities (100,000 aliases), with the linker's data filled
// in as a KB of 10,000 reports would have it (context words for every entity),
// and synthetic reader reports in the corpus format, all deterministic.
import type { KbDocument } from '../../lib/kb/document';
import { compilePageMatcher } from '../../lib/link/data';
import type { CompiledMatcher } from '../../lib/match/types';
import { rng, syntheticKb, vocabulary } from './gen';

/** The page matcher at the reader's scale: `aliases` aliases (two per synthetic entity), with per-entity context words and related entities. */
export function readerScaleMatcher(real: KbDocument, aliases: number): CompiledMatcher {
  const kb = syntheticKb(real, Math.max(0, Math.round((aliases - real.entities.reduce((n, e) => n + e.aliases.length, 0)) / 2)));
  const compiled = compilePageMatcher(kb);
  const link = compiled.link!;
  const r = rng(aliases);
  const vocab = vocabulary().filter((w) => w.length >= 4);
  // A KB of many reports has a context profile for every entity: fill in the ones the synthetic KB leaves empty.
  link.words = link.words.map((w) => (w.length > 0 ? w : Array.from({ length: 16 }, () => vocab[Math.floor(r() * vocab.length)]!.toLowerCase())));
  link.related = link.related.map((rel, i) => (rel.length > 0 ? rel : Array.from({ length: 3 }, () => Math.floor(r() * compiled.entities.length)).filter((k) => k !== i)));
  return compiled;
}

const FIRST = ['Arlen', 'Brisa', 'Calder', 'Dovina', 'Evart', 'Fenna', 'Gorran', 'Halvey', 'Ismay', 'Jorund', 'Kestrel', 'Lunde', 'Morven', 'Nerys', 'Orrin', 'Pellam'];
const LAST = ['Achterberg', 'Bramwell', 'Castellane', 'Dunmore', 'Everleigh', 'Fairbrook', 'Gallowmere', 'Hartwell', 'Ironside', 'Jessamine', 'Kilbride', 'Lockhart', 'Merriweather', 'Northcote', 'Oakhurst', 'Pendragon'];
const ORGS = ['Veltro Systems', 'Harrowgate Bank', 'Norden Airlines', 'Quillon Industries', 'Sable Ridge Holdings', 'Tarrant Technologies'];
const PLACES = ['Port Averly', 'Grenmoor', 'Salt Harrow', 'Eastmere', 'Kellan Bay', 'Drovers Cross'];
const VERBS = ['said', 'told reporters', 'announced', 'confirmed', 'denied'];

/**
 * `count` reader reports in the corpus format (headline line, blank line,
 * body), each naming synthetic people, organisations and places with
 * attributed statements, so the pipeline finds new names, claims and caveats.
 */
export function syntheticReaderReports(count: number, seed = 7): { file: string; text: string }[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const out: { file: string; text: string }[] = [];
  for (let i = 0; i < count; i++) {
    const person = `${pick(FIRST)} ${pick(LAST)}`;
    const other = `${pick(FIRST)} ${pick(LAST)}`;
    const org = pick(ORGS);
    const place = pick(PLACES);
    const n = 2 + Math.floor(r() * 40);
    const body = [
      `${place}, March ${1 + (i % 28)}, 2026 (Harbour Wire) - ${person}, the chief executive of ${org}, ${pick(VERBS)} on Tuesday that the company would close ${n} offices in ${place} by the end of the year.`,
      `“We have no choice,” ${person} said. ${other}, a union official in ${place}, said the closures would cost about ${n * 120} jobs, according to people familiar with the plan.`,
      `${org} did not respond to a request for comment on the figure. Officials, speaking on condition of anonymity, said talks with ${other} could resume next week.`,
      `Report ${i}: ${pick(VERBS)} ${vocabularyLine(r)}.`,
    ].join('\n\n');
    out.push({ file: `synthetic-${String(i).padStart(5, '0')}.txt`, text: `${org} to close ${n} offices in ${place}\n\n${body}\n` });
  }
  return out;
}

function vocabularyLine(r: () => number): string {
  const v = vocabulary();
  return Array.from({ length: 12 }, () => v[Math.floor(r() * v.length)]!).join(' ');
}
