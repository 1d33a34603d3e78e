// The reader's own reports in IndexedDB (fake-indexeddb here; the options page
// is tested in Chromium): import, duplicates, delete, export/import, and the
// background's merged lookups, which a re-seeded bundled KB leaves alone.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { openReaderDb } from '../../lib/db/reader-store';
import { hydrateMatcher } from '../../lib/match/compile';
import { scan } from '../../lib/match/scan';
import { createReaderLayer } from '../../lib/reader-kb/background';
import { createReaderLibrary, type FileLike } from '../../lib/reader-kb/library';
import { closedAfterEach, installedKb } from '../support/reader-setup';
import { buildKbFromDisk, ROOT } from '../../scripts/read-data';

const bundled = buildKbFromDisk();
const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
const parseHtml = (html: string) => new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
afterAll(() => window.happyDOM.close());

const file = (name: string, bytes: Uint8Array | string): FileLike => {
  const b = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  return { name, size: b.length, bytes: async () => b };
};
const fixture = (name: string) => file(name, readFileSync(join(ROOT, 'tests/fixtures/reader', name)));

let n = 0;
const opened = closedAfterEach();

async function setup() {
  const id = n++;
  const readerDb = await openReaderDb(`reader-test-${id}`);
  opened.push(readerDb);
  const persistCalls: number[] = [];
  const library = createReaderLibrary({
    db: readerDb,
    bundled: async () => bundled,
    parseHtml,
    storage: { persist: async () => (persistCalls.push(1), true), persisted: async () => true },
  });
  const kb = await installedKb(`bundled-test-${id}`, bundled, opened);
  const layer = createReaderLayer({ kb, openReaderDb: async () => readerDb, fetchBundle: async () => bundled });
  return { readerDb, library, kb, layer, persistCalls };
}

async function marked(layer: ReturnType<typeof createReaderLayer>, text: string): Promise<string[]> {
  const m = await layer.matcher();
  return scan(hydrateMatcher(m!.compiled), text).map((x) => text.slice(x.start, x.end));
}

describe('the reader’s reports', { timeout: 60_000 }, () => {
  it('imports three files, one bad: two added, one clear reason; persistence asked once', async () => {
    const { library, persistCalls } = await setup();
    const progress: number[] = [];
    const { outcomes } = await library.importFiles([fixture('ferry.txt'), file('broken.txt', new Uint8Array([1, 0, 2, 0])), fixture('mine.html')], { onProgress: (p) => progress.push(p.done) });
    expect(outcomes.map((o) => [o.file, o.status])).toEqual([
      ['ferry.txt', 'added'],
      ['broken.txt', 'failed'],
      ['mine.html', 'added'],
    ]);
    expect(outcomes[1]).toMatchObject({ reason: 'a binary file, not plain text' });
    expect(progress).toEqual([1, 2, 3]);
    expect(persistCalls).toEqual([1]);
    const { reports, entities } = await library.list();
    expect(reports.map((r) => r.title)).toEqual(['Harbour board approves new ferry terminal for Tallinn', 'Copper mine reopens in the north']);
    expect(entities.filter((e) => e.isNew).map((e) => e.name)).toEqual(expect.arrayContaining(['Kadri Saarepuu', 'Lauri Vahtramäe']));
    // Again: duplicates, said so; nothing added twice.
    const again = await library.importFiles([fixture('ferry.txt')]);
    expect(again.outcomes[0]).toMatchObject({ status: 'duplicate', reason: expect.stringContaining('the same text as “Harbour board approves new ferry terminal for Tallinn”') });
    expect((await library.list()).reports).toHaveLength(2);
  });

  it('a new name is matched on pages and its card names the reader’s report by its title', async () => {
    const { library, layer } = await setup();
    await library.importFiles([fixture('ferry.txt')]);
    expect(await marked(layer, 'Yesterday Kadri Saarepuu spoke again.')).toContain('Kadri Saarepuu');
    const [id] = await layer.findByName('Kadri Saarepuu');
    const card = await layer.card(id!);
    expect(card?.name).toBe('Kadri Saarepuu');
    expect(card?.reports.map((r) => r.headline)).toEqual(['Harbour board approves new ferry terminal for Tallinn']);
    expect(card?.descriptionSource.report.headline).toBe('Harbour board approves new ferry terminal for Tallinn');
    // A bundled entity the reader's report also mentions keeps its bundled reports and gains the reader's.
    const tallinn = bundled.entities.find((e) => e.aliases.some((a) => a.text === 'Tallinn'));
    if (tallinn) {
      const merged = await layer.card(tallinn.id);
      expect(merged?.reports.map((r) => r.id)).toEqual(expect.arrayContaining([...tallinn.reports.map((r) => r.report)]));
      expect(merged?.reports.some((r) => r.headline === 'Harbour board approves new ferry terminal for Tallinn')).toBe(true);
    }
  });

  it('the side panel gets the reader’s report with its marks, and panel data over both KBs', async () => {
    const { library, layer } = await setup();
    await library.importFiles([fixture('ferry.txt')]);
    const { reports } = await library.list();
    const view = await layer.readerReportView(reports[0]!.id);
    expect(view?.ref.headline).toBe('Harbour board approves new ferry terminal for Tallinn');
    const marked = view!.marks.map((m) => view!.report.text.slice(m.start, m.end));
    expect(marked).toContain('Kadri Saarepuu');
    expect(await layer.readerReportView(bundled.reports[0]!.id)).toBeNull();
    const [id] = await layer.findByName('Kadri Saarepuu');
    const data = await layer.panelData([id!]);
    expect(JSON.stringify(data)).toContain('Harbour board approves new ferry terminal for Tallinn');
  });

  it('review: a rejected name is never proposed again, also after a re-import; rename and type changes show on cards', async () => {
    const { library, layer } = await setup();
    await library.importFiles([fixture('ferry.txt'), fixture('wind.md')]);
    const find = async (name: string) => (await library.list()).entities.find((e) => e.name === name)!;
    await library.review(await find('Margus Kivisilla'), { reject: true });
    expect(await layer.findByName('Margus Kivisilla')).toEqual([]);
    expect(await marked(layer, 'Margus Kivisilla spoke.')).toEqual([]);
    // Delete the report and import it again: still rejected.
    const wind = (await library.list()).reports.find((r) => r.file === 'wind.md')!;
    await library.deleteReports([wind.id]);
    await library.importFiles([fixture('wind.md')]);
    expect((await library.list()).entities.map((e) => e.name)).not.toContain('Margus Kivisilla');

    const kadri = await find('Kadri Saarepuu');
    await library.review(kadri, { rename: 'Kadri Saarepuu-Tamm' });
    await library.review({ ...kadri, name: 'Kadri Saarepuu-Tamm' }, { type: 'organisation' });
    const card = await layer.card(kadri.id);
    expect([card?.name, card?.type]).toEqual(['Kadri Saarepuu-Tamm', 'organisation']);
    // The report's own spelling still finds it on pages.
    expect(await marked(layer, 'Kadri Saarepuu spoke.')).toEqual(['Kadri Saarepuu']);

    // The review travels in the pack: imported elsewhere, the same decisions apply.
    const pack = await library.exportPack();
    expect(pack.review.rejected).toContain('margus kivisilla');
    const elsewhere = await setup();
    const plan = await elsewhere.library.planPackImport(JSON.stringify(pack));
    if (!plan.ok) throw new Error(plan.error);
    await elsewhere.library.applyPackImport(plan.plan);
    expect(await elsewhere.layer.findByName('Margus Kivisilla')).toEqual([]);
    expect((await elsewhere.layer.card(kadri.id))?.name).toBe('Kadri Saarepuu-Tamm');
  });

  it('Cancel stops between files: what was added stays, the rest is not read', async () => {
    const { library } = await setup();
    const controller = new AbortController();
    const { outcomes, cancelled } = await library.importFiles([fixture('ferry.txt'), fixture('wind.md'), fixture('mine.html')], {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done === 1) controller.abort();
      },
    });
    expect(cancelled).toBe(true);
    expect(outcomes.map((o) => [o.file, o.status])).toEqual([['ferry.txt', 'added']]);
    const list = await library.list();
    expect(list.reports.map((r) => r.file)).toEqual(['ferry.txt']);
    expect(list.entities.map((e) => e.name)).toContain('Kadri Saarepuu');
  });

  it('a new bundled KB: the reader’s part is derived again against it, from the stored reports', async () => {
    const { library, readerDb } = await setup();
    await library.importFiles([fixture('ferry.txt')]);
    // The update ships a KB that knows Kadri Saarepuu.
    const updated = structuredClone(bundled);
    updated.hash = 'updated-bundle';
    const known = structuredClone(updated.entities.find((e) => e.type === 'person')!);
    updated.entities.push({ ...known, id: 'kadri-saarepuu', name: 'Kadri Saarepuu', aliases: [{ ...known.aliases[0]!, text: 'Kadri Saarepuu', mentions: 0, reports: [] }], facts: [], reports: [], caveats: [], reportCaveats: [], related: [], dates: [] });
    const kb = await installedKb(`bundled-test-${n++}`, updated, opened);
    const layer = createReaderLayer({ kb, openReaderDb: async () => readerDb, fetchBundle: async () => updated });
    expect(await layer.findByName('Kadri Saarepuu')).toEqual(['kadri-saarepuu']);
    const card = await layer.card('kadri-saarepuu');
    expect(card?.reports.map((r) => r.headline)).toEqual(['Harbour board approves new ferry terminal for Tallinn']);
    expect((await library.list()).entities.find((e) => e.name === 'Kadri Saarepuu')?.isNew).toBe(false);
  });

  it('review: merging a name into another makes its forms aliases of that entity, on pages and cards', async () => {
    const { library, layer } = await setup();
    await library.importFiles([fixture('ferry.txt'), fixture('wind.md')]);
    const find = async (name: string) => (await library.list()).entities.find((e) => e.name === name)!;
    const kadri = await find('Kadri Saarepuu');
    await library.review(await find('Margus Kivisilla'), { mergeInto: kadri.id });
    expect((await library.list()).entities.map((e) => e.name)).not.toContain('Margus Kivisilla');
    expect(await layer.findByName('Margus Kivisilla')).toEqual([kadri.id]);
    const card = await layer.card(kadri.id);
    expect(card?.reports.map((r) => r.headline)).toEqual(['Harbour board approves new ferry terminal for Tallinn', 'Offshore wind farm wins approval']);
    expect(await marked(layer, 'Margus Kivisilla spoke.')).toEqual(['Margus Kivisilla']);
  });

  it('delete removes what came only from the deleted report', async () => {
    const { library, layer } = await setup();
    await library.importFiles([fixture('ferry.txt'), fixture('wind.md')]);
    const { reports } = await library.list();
    await library.deleteReports([reports.find((r) => r.file === 'wind.md')!.id]);
    expect(await layer.findByName('Margus Kivisilla')).toEqual([]);
    expect(await layer.findByName('Kadri Saarepuu')).toHaveLength(1);
    await library.deleteAll();
    expect(await layer.findByName('Kadri Saarepuu')).toEqual([]);
    expect(await marked(layer, 'Kadri Saarepuu spoke.')).toEqual([]);
    expect((await library.list()).reports).toEqual([]);
  });

  it('re-seeding the bundled KB keeps the reader’s reports and their names', async () => {
    const { library, layer, kb } = await setup();
    await library.importFiles([fixture('ferry.txt')]);
    await kb.refresh('update');
    const forced = await (await import('../../lib/db/kb-store')).loadKb(await kb.database(), bundled, { force: true });
    expect(forced.ok).toBe(true);
    expect((await library.list()).reports).toHaveLength(1);
    expect(await layer.findByName('Kadri Saarepuu')).toHaveLength(1);
  });

  it('export → delete all → import restores the same cards; importing lists duplicates and conflicts first', async () => {
    const { library, layer } = await setup();
    await library.importFiles([fixture('ferry.txt'), fixture('mine.html')]);
    const [before] = await layer.findByName('Lauri Vahtramäe');
    const cardBefore = await layer.card(before!);
    const pack = await library.exportPack();
    await library.deleteAll();
    expect(await layer.findByName('Lauri Vahtramäe')).toEqual([]);

    const plan = await library.planPackImport(JSON.stringify(pack));
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.plan.adds.map((r) => r.title)).toEqual(['Harbour board approves new ferry terminal for Tallinn', 'Copper mine reopens in the north']);
    await library.applyPackImport(plan.plan);
    const [after] = await layer.findByName('Lauri Vahtramäe');
    expect(await layer.card(after!)).toEqual(cardBefore);

    // The same pack again: all duplicates, nothing to add. A changed copy of one report: a conflict, mine kept unless chosen.
    const again = await library.planPackImport(JSON.stringify(pack));
    expect(again.ok && again.plan.adds).toEqual([]);
    expect(again.ok && again.plan.duplicates).toHaveLength(2);
    const edited = structuredClone(pack);
    edited.reports[0]!.text = 'A wholly different report\n\nNothing in common with the ferry story at all, by design of this test case here.';
    const conflict = await library.planPackImport(JSON.stringify(edited));
    expect(conflict.ok && conflict.plan.conflicts.map((c) => c.mine.title)).toEqual(['Harbour board approves new ferry terminal for Tallinn']);
    if (!conflict.ok) return;
    await library.applyPackImport(conflict.plan);
    expect((await library.list()).reports.find((r) => r.id === pack.reports[0]!.id)?.text).toBe(pack.reports[0]!.text);
  });

  it('a file that is not a pack is refused with a reason and nothing changes', async () => {
    const { library } = await setup();
    expect(await library.planPackImport('{"hello": 1}')).toEqual({ ok: false, error: 'Not a Backstory pack (the file has no "format": "backstory-pack").' });
  });

  it('a full disk gives a clear message and loses no other report', async () => {
    const { library, readerDb } = await setup();
    await library.importFiles([fixture('ferry.txt')]);
    // The next report's transaction fails as a full disk makes it fail: the browser aborts it with a QuotaExceededError.
    let failNext = true;
    const full = new Proxy(readerDb, {
      get: (db, k) => {
        const v = Reflect.get(db, k) as unknown;
        if (k !== 'transaction') return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(db) : v;
        return (stores: string[], mode: IDBTransactionMode) => {
          const tx = readerDb.transaction(stores as never, mode);
          if (!(failNext && mode === 'readwrite' && stores[0] === 'reports')) return tx;
          failNext = false;
          let aborted: Promise<never> | null = null;
          return new Proxy(tx, {
            get: (t, key) => {
              if (key !== 'done') {
                const x = Reflect.get(t, key) as unknown;
                return typeof x === 'function' ? (x as (...a: unknown[]) => unknown).bind(t) : x;
              }
              if (!aborted) {
                t.abort();
                t.done.catch(() => undefined);
                aborted = Promise.reject(Object.assign(new Error('quota'), { name: 'QuotaExceededError' }));
              }
              return aborted;
            },
          });
        };
      },
    });
    const onFullDisk = createReaderLibrary({ db: full, bundled: async () => bundled, parseHtml });
    const { outcomes } = await onFullDisk.importFiles([fixture('wind.md'), fixture('mine.html')]);
    expect(outcomes[0]).toMatchObject({ status: 'failed', reason: expect.stringMatching(/^The browser has no room left to store “Offshore wind farm wins approval”\. Your other reports are kept\./) });
    expect(outcomes[1]).toMatchObject({ status: 'added' });
    expect((await library.list()).reports.map((r) => r.file)).toEqual(['ferry.txt', 'mine.html']);
  });
});
