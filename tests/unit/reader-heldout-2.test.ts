// Two reports of the second held-out set through the reader's import path (the
// options page's library → the reader pipeline → the background's cards), as a
// reader would import them: a new name's card cites the imported report by its
// title and carries the sourcing caveats that report raises about it.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { openReaderDb } from '../../lib/db/reader-store';
import { createReaderLayer } from '../../lib/reader-kb/background';
import { applyReaderChange, createReaderLibrary } from '../../lib/reader-kb/library';
import { closedAfterEach, installedKb } from '../support/reader-setup';
import { buildKbFromDisk, ROOT } from '../../scripts/read-data';
import { fileLike } from '../support/reader-files';

const bundled = buildKbFromDisk();
const file = fileLike;
const heldout = (name: string) => readFileSync(join(ROOT, 'tests/fixtures/reports-heldout-2', name), 'utf8');

const window = new Window();
const parseHtml = (html: string) => new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
afterAll(() => window.happyDOM.close());

const opened = closedAfterEach();

async function setup(id: string) {
  const readerDb = await openReaderDb(`reader-heldout2-${id}`);
  opened.push(readerDb);
  const library = createReaderLibrary({
    db: readerDb,
    bundled: async () => bundled,
    parseHtml,
    derive: async (change) => {
      await applyReaderChange(readerDb, bundled, change);
    },
  });
  const kb = await installedKb(`bundled-heldout2-${id}`, bundled, opened);
  return { library, layer: createReaderLayer({ kb, openReaderDb: async () => readerDb, fetchBundle: async () => bundled }) };
}

describe('held-out reports imported by a reader', { timeout: 120_000 }, () => {
  it('a .txt report: its new names have cards citing it by title, with the caveats it raises about them', async () => {
    const { library, layer } = await setup('txt');
    await library.importFiles([file('port-sudan-concession.txt', heldout('port-sudan-concession.txt'))]);
    const title = 'Emirati-backed consortium wins Port Sudan terminal despite rival bid';
    const [sheikh] = await layer.findByName('Hamad bin Rashid al-Nuaimi');
    const card = await layer.card(sheikh!);
    expect(card?.reports.map((r) => r.headline)).toEqual([title]);
    const [spc] = await layer.findByName('SPC');
    expect((await layer.card(spc!))?.reports.map((r) => r.headline)).toEqual([title]);
    // The denial is on the company whose spokesman denies, not on the sheikh who leads the consortium.
    const [company] = await layer.findByName('Al Bahar Logistics');
    const companyCard = await layer.card(company!);
    expect(companyCard?.reports.map((r) => r.headline)).toEqual([title]);
    expect(companyCard?.caveats.filter((c) => c.kind === 'denial').map((c) => c.quote)).toEqual([expect.stringContaining('denied that the company had received any special treatment')]);
    expect(card?.caveats.filter((c) => c.kind === 'denial')).toEqual([]);
    // The sheikh's office declining to comment is on the sheikh's card, with its report.
    const noComment = card?.caveats.find((c) => c.kind === 'no-comment');
    expect(noComment).toMatchObject({ quote: "Sheikh Hamad's office declined to comment", report: { headline: title } });
  });

  it('an .html page: the byline and site Readability takes out come back as the report’s writer and publisher', async () => {
    const { library, layer } = await setup('html');
    const [headline, , , , ...paragraphs] = heldout('airport-near-miss.txt').trim().split('\n');
    const html = `<!doctype html><html><head><title>${headline} | Coastal Public Radio</title><meta property="og:site_name" content="Coastal Public Radio"><meta property="article:published_time" content="2025-09-09T10:00:00Z"></head><body><nav><a href="/">Home</a></nav><article><h1>${headline}</h1><p class="byline">By Rachel Oyelaran-Smith</p>${paragraphs
      .filter((p) => p.trim() !== '')
      .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
      .join('')}</article><footer>Contact us</footer></body></html>`;
    const { outcomes } = await library.importFiles([file('airport.html', html)]);
    expect(outcomes.map((o) => o.status)).toEqual(['added']);
    const { reports } = await library.list();
    expect(reports[0]!.text).toContain('By Rachel Oyelaran-Smith | Coastal Public Radio | 2025-09-09');
    const [writer] = await layer.findByName('Rachel Oyelaran-Smith');
    const writerCard = await layer.card(writer!);
    expect(writerCard?.type).toBe('person');
    expect(writerCard?.reports.map((r) => [r.headline, r.publisher])).toEqual([[headline, 'Coastal Public Radio']]);
    const [faa] = await layer.findByName('FAA');
    const faaCard = await layer.card(faa!);
    expect(faaCard?.caveats.map((c) => c.kind)).toEqual(expect.arrayContaining(['denial', 'republished']));
    expect(faaCard?.caveats.map((c) => c.kind)).not.toContain('no-publisher');
  });

  it('a .md transcript: the speakers’ cards cite it by its title, and a turn’s claim is the speaker’s', async () => {
    const { library, layer } = await setup('md');
    // The held-out transcript as a reader might keep it: a Markdown heading, emphasis, a link.
    const [headline, , ...rest] = heldout('interview-kdi.txt').split('\n');
    const md = `# ${headline}\n\n${rest.join('\n').replace('Korea Development Institute (KDI)', '[Korea Development Institute](https://example.org/kdi) (KDI)').replace(/^(JENSEN|LEE):/gm, '**$1:**')}`;
    await library.importFiles([file('interview-kdi.md', md)]);
    const { reports } = await library.list();
    expect(reports.map((r) => r.title)).toEqual([headline]);
    const [lee] = await layer.findByName('Lee Soo-jin');
    const card = await layer.card(lee!);
    expect(card?.reports.map((r) => r.headline)).toEqual([headline]);
    expect(card?.aliases).toEqual(expect.arrayContaining(['LEE']));
    // A turn opened by "LEE:" is Lee's claim, not the magazine's; the Markdown emphasis is gone from the text.
    expect(card?.facts.find((f) => f.quote.startsWith('LEE: It is the most serious'))?.speaker).toMatchObject({ kind: 'named', name: 'Lee Soo-jin' });
    expect((await library.list()).reports[0]!.text).not.toContain('**');
    const [jensen] = await layer.findByName('Mark Jensen');
    expect((await layer.card(jensen!))?.reports.map((r) => r.headline)).toEqual([headline]);
  });
});
