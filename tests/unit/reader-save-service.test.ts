// The background's part of "Save this page" and of open tabs kept current
// (issue #18, lib/reader-kb/save-background.ts, fake-indexeddb): a saved page
// is stored and run through the reader pipeline (its new name found, the
// report titled as the reader titled it), the tabs are told once per change,
// a second identical save stores nothing and tells nobody; and the options
// page's library announces every change that may alter the KB.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { getDerived, listReaderReports, openReaderDb } from '../../lib/db/reader-store';
import type { ReaderLibrary } from '../../lib/reader-kb/library';
import { announceChanges, savedReportText } from '../../lib/reader-kb/save';
import { broadcastKbChange, createSaveService } from '../../lib/reader-kb/save-background';
import { buildKbFromDisk } from '../../scripts/read-data';

const bundled = buildKbFromDisk();
const report = savedReportText({ title: 'Keepers return to Vormsi', publisher: 'Coastline Courier', date: '2026-11-03', body: 'Maarja Tammeleht, who leads the heritage trust, said two families would move in. "The building needs people," Maarja Tammeleht said.', url: 'https://coastline.example/a' });
if ('error' in report) throw new Error(report.error);

describe('the save service', () => {
  it('stores the page as a report, derives the reader’s KB with its new name, and tells the tabs once', async () => {
    const db = await openReaderDb('save-service-1');
    let told = 0;
    const saves = createSaveService({ fetchBundle: async () => structuredClone(bundled), openReaderDb: async () => db, onChanged: () => told++ });
    const outcome = await saves.save('coastline.example_a', report);
    expect(outcome).toMatchObject({ status: 'added', title: 'Keepers return to Vormsi' });
    expect((await listReaderReports(db)).map((r) => [r.title, r.source, r.url])).toEqual([['Keepers return to Vormsi', 'page', 'https://coastline.example/a']]);
    const derived = await getDerived(db);
    expect(derived?.entities.filter((e) => e.isNew).map((e) => e.name)).toContain('Maarja Tammeleht');
    expect(derived?.kb.reports[0]?.headline).toBe('Keepers return to Vormsi');
    expect(told).toBe(1);

    // The same page again: a duplicate, said so; nothing stored, nobody told.
    const again = await saves.save('coastline.example_a', report);
    expect(again.status).toBe('duplicate');
    expect(await listReaderReports(db)).toHaveLength(1);
    expect(told).toBe(1);
    db.close();
  });
});

describe('telling the tabs', () => {
  it('sends kbChanged in the content script’s wire format to every tab’s top frame, skipping discarded tabs and surviving tabs that cannot answer', async () => {
    const sent: [number, { type: string; timestamp: number }, { frameId?: number } | undefined][] = [];
    const tabs = {
      query: async () => [{ id: 1 }, { id: 2, discarded: true }, { id: 3 }, {}],
      sendMessage: async (tabId: number, message: unknown, options?: { frameId?: number }) => {
        sent.push([tabId, message as { type: string; timestamp: number }, options]);
        if (tabId === 3) throw new Error('Could not establish connection. Receiving end does not exist.');
      },
    };
    expect(await broadcastKbChange(tabs)).toBe(2);
    expect(sent.map(([id, m, o]) => [id, m.type, typeof m.timestamp, o?.frameId])).toEqual([
      [1, 'kbChanged', 'number', 0],
      [3, 'kbChanged', 'number', 0],
    ]);
  });
});

describe('the options page’s library', () => {
  it('announces each change that may alter the KB, also a failed one, and not reads', async () => {
    const calls: string[] = [];
    const fake = Object.fromEntries(
      ['importFiles', 'addText', 'list', 'deleteAll', 'deleteReports', 'exportPack', 'planPackImport', 'applyPackImport', 'review'].map((k) => [k, async () => (k === 'deleteAll' ? Promise.reject(new Error('quota')) : (calls.push(k), null))]),
    ) as unknown as ReaderLibrary;
    let announced = 0;
    const lib = announceChanges(fake, () => announced++);
    await lib.list();
    await lib.exportPack();
    await lib.planPackImport('{}');
    expect(announced).toBe(0);
    await lib.importFiles([]);
    await lib.deleteReports([]);
    await lib.applyPackImport({} as never);
    await lib.review({} as never, { reject: true });
    await expect(lib.deleteAll()).rejects.toThrow('quota');
    expect(announced).toBe(5);
  });
});
