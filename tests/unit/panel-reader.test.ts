// The report reader's layout and the
// background's panel service on fake-indexeddb with the real KB.
import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';

import { loadKb } from '../../lib/db/kb-store';
import { openBackstoryDb, type BackstoryDatabase } from '../../lib/db/open';
import { createPanelService } from '../../lib/background/panel-service';
import { groupBlocks, layoutReport, locateQuote } from '../../lib/panel/report-view';
import { buildKbFromDisk } from '../../scripts/read-data';

const kb = buildKbFromDisk();

describe('layoutReport', () => {
  const report = kb.reports.find((r) => r.furniture.length > 1)!;
  const marks = report.mentions.map(([start, end, entity]) => ({ start, end, entity }));
  const caveats = kb.caveats.filter((c) => c.report === report.id);

  it('covers every non-blank line exactly once, in order, as text', () => {
    const paragraphs = layoutReport({ text: report.text, furniture: report.furniture, marks, caveats });
    const text = paragraphs.map((p) => p.segments.map((s) => s.text).join('')).join('\n');
    const expected = report.text
      .split(/\r\n|\n|\r/)
      .filter((l) => l.trim())
      .join('\n');
    expect(text.replace(/\n/g, '')).toBe(expected.replace(/\n/g, ''));
    for (const p of paragraphs) for (const s of p.segments) expect(report.text.slice(s.start, s.end)).toBe(s.text);
  });

  it('sets every mark apart as its own segment(s) and sets furniture apart', () => {
    const paragraphs = layoutReport({ text: report.text, furniture: report.furniture, marks, caveats });
    const marked = paragraphs.flatMap((p) => p.segments.filter((s) => s.mark !== null));
    const seen = new Set(marked.map((s) => s.mark));
    expect(seen.size).toBe(marks.length);
    for (const s of marked) {
      const m = marks[s.mark!]!;
      expect(s.start >= m.start && s.end <= m.end).toBe(true);
    }
    const furniture = paragraphs.filter((p) => p.furniture);
    expect(furniture.length).toBeGreaterThan(0);
    for (const p of furniture) expect(report.furniture.some(([fs, fe]) => p.start >= fs && p.end <= fe)).toBe(true);
    const blocks = groupBlocks(paragraphs);
    for (let i = 1; i < blocks.length; i++) expect(blocks[i]!.furniture).not.toBe(blocks[i - 1]!.furniture);
  });

  it('highlights caveat quotes and notes each caveat once, where its quote ends', () => {
    const paragraphs = layoutReport({ text: report.text, furniture: report.furniture, marks, caveats });
    for (const c of caveats) {
      const covered = paragraphs.flatMap((p) => p.segments.filter((s) => s.caveats.includes(c.id)));
      expect(covered.map((s) => s.text).join('').replace(/\s/g, '')).toBe(c.quote.replace(/\s/g, ''));
      expect(paragraphs.filter((p) => p.caveatsEnding.includes(c.id)).length).toBe(1);
    }
  });

  it('marks the focus span, and finds a quote again when offsets are stale', () => {
    const c = caveats[0]!;
    const paragraphs = layoutReport({ text: report.text, furniture: report.furniture, marks, caveats: [], focus: { start: c.start, end: c.end } });
    const focus = paragraphs.flatMap((p) => p.segments.filter((s) => s.focus));
    expect(focus.map((s) => s.text).join('')).toBe(report.text.slice(c.start, c.end));
    expect(locateQuote(report.text, { start: c.start + 1, end: c.end + 1 }, c.quote)).toEqual({ start: c.start, end: c.end });
    expect(locateQuote(report.text, { start: -1, end: 5 })).toBeNull();
    expect(locateQuote(report.text, null)).toBeNull();
  });
});

describe('panel service (fake-indexeddb)', () => {
  let db: BackstoryDatabase;
  const service = createPanelService({
    openDb: async () => (db ??= await openBackstoryDb('panel-service-test')),
    now: () => 1234,
  });
  afterAll(() => db?.close());

  it('answers panel data and report views from IndexedDB like the in-memory KB', async () => {
    const handle = await openBackstoryDb('panel-service-test');
    expect((await loadKb(handle, kb)).ok).toBe(true);
    handle.close();
    const data = await service.panelData(['xi-jinping', 'china']);
    expect(data.entities.map((e) => e.id)).toEqual(['xi-jinping', 'china']);
    const report = kb.reports[2]!;
    const view = await service.reportView(report.id);
    expect(view?.report.text).toBe(report.text);
    expect(view?.ref.headline).toBe(report.headline);
    expect(view?.marks.map((m) => m.entity)).toEqual(report.mentions.map(([, , id]) => id));
    expect(new Set(view?.caveats.map((c) => c.id))).toEqual(new Set(kb.caveats.filter((c) => c.report === report.id).map((c) => c.id)));
    expect(new Set(view?.entities.map((e) => e.id))).toEqual(new Set(view?.marks.map((m) => m.entity)));
    expect(await service.reportView('999_0000000000000000')).toBeNull();
  });

  it('remembers the reports the reader opened, and ignores ids that are not report ids', async () => {
    expect(await service.listSeen()).toEqual([]);
    await service.markSeen(kb.reports[1]!.id);
    await service.markSeen(kb.reports[1]!.id);
    await service.markSeen('not a report');
    expect(await service.listSeen()).toEqual([kb.reports[1]!.id]);
    expect(await db.get('seenReports', kb.reports[1]!.id)).toEqual({ report: kb.reports[1]!.id, seenAt: 1234 });
  });

  it('keeps seen reports across a KB reload (user data)', async () => {
    const copy = structuredClone(kb);
    copy.hash = 'another';
    expect((await loadKb(db, copy)).ok).toBe(true);
    expect(await service.listSeen()).toEqual([kb.reports[1]!.id]);
  });
});
