// `npx tsx scripts/link-eval.ts [DIR]`: the linker against hand-labelled pages.
// DIR (default tests/fixtures/linking) holds *.html and labels.json
// ({ pages: { "file.html": { kind, links: [[text, entity], …] } } }).
// Without DIR it also scores the reader's fixture pages against their golden
// marks (tests/golden/pages) and checks the KB's own reports (real news: how
// many of the matcher's links the linker keeps, and why it drops the others). Prints per page and per kind (on-topic / namesake): precision (links that
// are labelled, with the right entity), recall (labels found), right entity
// (among links whose text matches a label), and every miss and wrong link.
// Runs the same code as `npm run kb -- spot` and the extension.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinkState } from '../lib/link/linker';
import { whyNotLinked } from '../lib/link/why';
import { createContextState, resolveMentions } from '../lib/match/resolve';
import { scan } from '../lib/match/scan';
import type { Matcher } from '../lib/match/compile';
import type { KbDocument } from '../lib/kb/document';
import { spotText } from '../lib/page/core/spot';
import { linkHtml, pageMatcher } from './kb-spot';
import { buildKbFromDisk, ROOT } from './read-data';

interface Labels {
  pages: Record<string, { kind: string; links: [string, string][] }>;
}

export interface Score {
  links: number;
  labels: number;
  correct: number;
  /** Links whose text matched a label (right entity or not). */
  aligned: number;
  wrong: string[];
  missed: string[];
}

/**
 * Align links and labels in document order by their text (longest common
 * subsequence, so one extra or missing link does not shift the rest); a label
 * is used once.
 */
export function score(found: { surface: string; entity: string | null }[], labels: [string, string][]): Score {
  const links = found.filter((f) => f.entity !== null);
  const n = links.length;
  const m = labels.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = links[i]!.surface === labels[j]![0] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const s: Score = { links: n, labels: m, correct: 0, aligned: 0, wrong: [], missed: [] };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && links[i]!.surface === labels[j]![0] && lcs[i]![j] === lcs[i + 1]![j + 1]! + 1) {
      s.aligned++;
      if (labels[j]![1] === links[i]!.entity) s.correct++;
      else s.wrong.push(`${links[i]!.surface} → ${links[i]!.entity} (labelled ${labels[j]![1]})`);
      i++;
      j++;
    } else if (j < m && (i >= n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      s.missed.push(`${labels[j]![0]} (${labels[j]![1]})`);
      j++;
    } else {
      s.wrong.push(`${links[i]!.surface} → ${links[i]!.entity}`);
      i++;
    }
  }
  return s;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

/** The hand-written golden marks of the reader's fixture pages (tests/golden/pages), as a second labelled set. */
function goldenPages(): Labels['pages'] {
  const pages: Labels['pages'] = {};
  for (const name of ['sample-news', 'reading-article', 'reading-lookalikes']) {
    const golden = JSON.parse(readFileSync(join(ROOT, 'tests/golden/pages', `${name}.json`), 'utf8')) as { text: string; entity: string }[];
    pages[join('..', 'pages', `${name}.html`)] = { kind: name === 'reading-lookalikes' ? 'namesake' : 'on-topic', links: golden.map((g) => [g.text, g.entity]) };
  }
  return pages;
}

/**
 * Real on-topic news: the KB's own reports, line by line with the headline as
 * title. How many of the matcher's links (its context rules alone) the linker
 * keeps, and why it drops the others (a recall check on text nobody wrote for
 * these tests).
 */
function reportsCheck(kb: KbDocument, matcher: Matcher) {
  let kept = 0;
  let total = 0;
  let added = 0;
  for (const r of kb.reports) {
    const state = createLinkState(r.headline);
    const plain = createContextState();
    for (const line of r.text.split('\n')) {
      const before = new Set(resolveMentions(matcher, line, scan(matcher, line), plain).filter((m) => m.entityId).map((m) => `${m.start}:${m.entityId}`));
      const from = state.rejected.length;
      const now = new Set(spotText(matcher, line, state).filter((m) => m.entityId).map((m) => `${m.start}:${m.entityId}`));
      total += before.size;
      for (const k of now) if (!before.has(k)) added++;
      for (const k of before) {
        if (now.has(k)) kept++;
        else {
          const why = state.rejected.slice(from).find((x) => `${x.start}:${x.candidates[0]}` === k);
          console.log(`  ${r.id} dropped ${k}: ${why ? whyNotLinked(matcher, why) : 'no longer a candidate'}`);
        }
      }
    }
  }
  console.log(`reports   kept ${kept} of the matcher's ${total} links on the ${kb.reports.length} KB reports (${(kept / total).toFixed(3)}); ${added} added`);
}

async function main(dir: string) {
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as Labels;
  if (dir === DEFAULT_DIR) Object.assign(labels.pages, goldenPages());
  const kb = buildKbFromDisk();
  const matcher = pageMatcher(kb);
  const byKind = new Map<string, Score>();
  for (const [file, page] of Object.entries(labels.pages)) {
    const { links } = await linkHtml(matcher, readFileSync(join(dir, file), 'utf8'));
    const s = score(links, page.links);
    const k = byKind.get(page.kind) ?? { links: 0, labels: 0, correct: 0, aligned: 0, wrong: [], missed: [] };
    byKind.set(page.kind, { links: k.links + s.links, labels: k.labels + s.labels, correct: k.correct + s.correct, aligned: k.aligned + s.aligned, wrong: [...k.wrong, ...s.wrong], missed: [...k.missed, ...s.missed] });
    console.log(`${file.padEnd(32)} ${page.kind.padEnd(9)} links ${String(s.links).padStart(3)}  labels ${String(s.labels).padStart(3)}  correct ${String(s.correct).padStart(3)}${s.wrong.length ? `  WRONG: ${s.wrong.join('; ')}` : ''}${s.missed.length ? `  MISSED: ${s.missed.join('; ')}` : ''}`);
  }
  console.log('');
  if (dir === DEFAULT_DIR) reportsCheck(kb, matcher);
  for (const [kind, s] of byKind) {
    console.log(
      `${kind.padEnd(9)} precision ${ratio(s.correct, s.links).toFixed(3)}  recall ${ratio(s.correct, s.labels).toFixed(3)}  right entity ${ratio(s.correct, s.aligned).toFixed(3)}  (${s.links} links, ${s.labels} labels, ${s.wrong.length} wrong, ${s.missed.length} missed)`,
    );
  }
}

const DEFAULT_DIR = join(ROOT, 'tests/fixtures/linking');
if (process.argv[1]?.endsWith('link-eval.ts')) await main(process.argv[2] ?? DEFAULT_DIR);
