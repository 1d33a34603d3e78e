// The side panel's summary, assembled from the real KB (built from data/ as in
// the extension) and a page's mentions.
import { describe, expect, it } from 'vitest';
import { memoryReader } from '../../lib/kb/card';
import type { KbDocument } from '../../lib/kb/document';
import { claimReport, collectPanelData } from '../../lib/panel/data';
import {
  articleKey,
  buildPanelSummary,
  groupEntities,
  isSameReport,
  LEAVES_OUT_KINDS,
  leavesOut,
  leavesOutCandidates,
  otherReports,
  pageCaveats,
  timeline,
} from '../../lib/panel/summary';
import { buildKbFromDisk } from '../../scripts/read-data';

const kb: KbDocument = buildKbFromDisk();
const reader = memoryReader(kb);
const PAGE = ['xi-jinping', 'vladimir-putin', 'china', 'mugin-5', 'jens-stoltenberg'];
const mentions = [
  { entity: 'xi-jinping', count: 4 },
  { entity: 'vladimir-putin', count: 5 },
  { entity: 'china', count: 3 },
  { entity: 'mugin-5', count: 1 },
  { entity: 'jens-stoltenberg', count: 1 },
];

describe('collectPanelData', () => {
  it('returns the entities asked for, all their caveats and claims, and every report they come from', async () => {
    const data = await collectPanelData(reader, [...PAGE, 'no-such-entity', 'china']);
    expect(data.entities.map((e) => e.id)).toEqual(PAGE);
    const caveatIds = new Set(kb.entities.filter((e) => PAGE.includes(e.id)).flatMap((e) => e.caveats));
    expect(new Set(data.caveats.map((c) => c.id))).toEqual(caveatIds);
    for (const e of data.entities) for (const f of e.facts) expect(data.claims.some((c) => c.id === f)).toBe(true);
    const reportIds = new Set(data.reports.map((r) => r.id));
    for (const c of [...data.caveats, ...data.claims]) expect(reportIds.has(c.report)).toBe(true);
    for (const e of data.entities) for (const r of e.reports) expect(reportIds.has(r.report)).toBe(true);
  });

  it('claim ids name their report', () => {
    for (const c of kb.claims) expect(claimReport(c.id)).toBe(c.report);
  });
});

describe('groupEntities', () => {
  it('groups by type in KB order, most mentioned first, with counts; ignores unknown ids and zero counts', async () => {
    const data = await collectPanelData(reader, PAGE);
    const groups = groupEntities([...mentions, { entity: 'unknown', count: 3 }, { entity: 'ukraine', count: 0 }], data);
    expect(groups.map((g) => g.type)).toEqual(['person', 'place', 'weapon']);
    const people = groups[0]!;
    expect(people.items.map((i) => i.id)).toEqual(['vladimir-putin', 'xi-jinping', 'jens-stoltenberg']);
    expect(people.mentions).toBe(10);
    expect(people.items[0]!.caveats).toBe(kb.entities.find((e) => e.id === 'vladimir-putin')!.caveats.length);
  });

  it('leaves out types the reader turned off', async () => {
    const data = await collectPanelData(reader, PAGE);
    expect(groupEntities(mentions, data, ['person']).map((g) => g.type)).toEqual(['person']);
  });
});

describe('pageCaveats', () => {
  it('lists each caveat once, most serious first, with the page entities it concerns', async () => {
    const data = await collectPanelData(reader, PAGE);
    const caveats = pageCaveats(data, PAGE);
    expect(new Set(caveats.map((c) => c.caveat.id)).size).toBe(caveats.length);
    expect(caveats.length).toBe(new Set(data.caveats.map((c) => c.id)).size);
    const order = { high: 0, medium: 1, low: 2 } as const;
    for (let i = 1; i < caveats.length; i++) expect(order[caveats[i - 1]!.caveat.severity]).toBeLessThanOrEqual(order[caveats[i]!.caveat.severity]);
    for (const c of caveats) {
      expect(c.entities.length).toBeGreaterThan(0);
      for (const e of c.entities) expect(PAGE).toContain(e.id);
      expect(c.report.id).toBe(c.caveat.report);
      expect(c.report.headline).not.toBe(c.report.id);
    }
    // The "China sent no troops" correction is about Xi, Putin and China.
    const troops = caveats.find((c) => c.caveat.kind === 'factual-error' && c.caveat.label === 'China sent no troops');
    expect(troops?.entities.map((e) => e.id).sort()).toEqual(['china', 'vladimir-putin', 'xi-jinping']);
  });

  it('gives nothing for a page without entities', async () => {
    const data = await collectPanelData(reader, []);
    expect(pageCaveats(data, [])).toEqual([]);
  });
});

describe('what the page leaves out', () => {
  it('candidates are the dispute and correction kinds only', async () => {
    const data = await collectPanelData(reader, PAGE);
    const candidates = leavesOutCandidates(pageCaveats(data, PAGE));
    expect(candidates.length).toBeGreaterThan(0);
    for (const c of candidates) expect(LEAVES_OUT_KINDS).toContain(c.caveat.kind);
    const kinds = new Set(candidates.map((c) => c.caveat.kind));
    expect(kinds.has('conflict')).toBe(true);
    expect(kinds.has('hedged')).toBe(false);
  });

  it('keeps only those whose quote the page does not contain', async () => {
    const data = await collectPanelData(reader, PAGE);
    const candidates = leavesOutCandidates(pageCaveats(data, PAGE));
    const found = candidates.map((_, i) => i === 0);
    const out = leavesOut(candidates, found);
    expect(out).toEqual(candidates.slice(1));
    // No answer from the page (content script gone): every candidate is listed.
    expect(leavesOut(candidates, [])).toEqual(candidates);
  });
});

describe('otherReports', () => {
  it('lists every report about the page entities with what it adds; unseen first', async () => {
    const data = await collectPanelData(reader, PAGE);
    const seen = new Set(['002_f51bdca7fe481995']);
    const { current, others } = otherReports(data, PAGE, { url: 'https://example.com/news', title: 'A page', seen });
    expect(current).toBeNull();
    const expected = new Set(kb.entities.filter((e) => PAGE.includes(e.id)).flatMap((e) => e.reports.map((r) => r.report)));
    expect(new Set(others.map((r) => r.ref.id))).toEqual(expected);
    const firstSeen = others.findIndex((r) => r.seen);
    expect(others.slice(firstSeen).every((r) => r.seen)).toBe(true);
    expect(others.find((r) => r.ref.id === '002_f51bdca7fe481995')?.seen).toBe(true);
    for (const r of others) {
      expect(r.snippet.length).toBeGreaterThan(0);
      expect(r.entities.length).toBeGreaterThan(0);
      // Facts counted are the page entities' facts in that report.
      const facts = new Set(kb.entities.filter((e) => PAGE.includes(e.id)).flatMap((e) => e.facts).filter((f) => claimReport(f) === r.ref.id));
      expect(r.facts).toBe(facts.size);
    }
  });

  it('leaves out the report the reader is on (same URL, or its headline as the page title)', async () => {
    const data = await collectPanelData(reader, PAGE);
    const report = kb.reports[4]!;
    const { current, others } = otherReports(data, PAGE, { url: 'https://example.org/x', title: `${report.headline} | Site`, seen: new Set() });
    expect(current?.id).toBe(report.id);
    expect(others.some((r) => r.ref.id === report.id)).toBe(false);
  });

  it('compares pages by host and path', () => {
    expect(articleKey('https://www.Example.com/a/b/?x=1#y')).toBe('example.com/a/b');
    expect(articleKey('chrome://extensions')).toBeNull();
    expect(articleKey(null)).toBeNull();
    const ref = { id: 'r', headline: 'Short', publisher: 'p', url: 'https://example.com/a', date: '2023', dateInferred: false, dateReason: '', republishedFrom: null };
    expect(isSameReport(ref, { url: 'http://example.com/a/', title: '' })).toBe(true);
    expect(isSameReport(ref, { url: 'http://example.com/b', title: 'Short' })).toBe(false);
  });
});

describe('timeline', () => {
  it('gives dated events oldest first, each sentence once, with its report and entities', async () => {
    const data = await collectPanelData(reader, PAGE);
    const entries = timeline(data, PAGE);
    expect(entries.length).toBeGreaterThan(0);
    const dates = entries.map((e) => e.date);
    expect([...dates].sort()).toEqual(dates);
    const claims = entries.flatMap((e) => e.items.map((i) => `${e.date}|${i.claim}`));
    expect(new Set(claims).size).toBe(claims.length);
    for (const e of entries) {
      expect(e.date).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      for (const item of e.items) {
        const claim = kb.claims.find((c) => c.id === item.claim)!;
        expect(item.sentence).toBe(claim.text);
        expect(item.report.id).toBe(claim.report);
        expect(kb.reports.find((r) => r.id === claim.report)!.text.slice(item.start, item.end)).toBe(item.sentence);
        expect(item.entities.length).toBeGreaterThan(0);
      }
    }
    // Xi's state visit to Moscow, 20 March 2023, is told by more than one report.
    const visit = entries.find((e) => e.date === '2023-03-20');
    expect(new Set(visit?.items.map((i) => i.report.id)).size).toBeGreaterThan(1);
  });

  it('has every dated mention of the page entities', async () => {
    const data = await collectPanelData(reader, PAGE);
    const n = new Set(kb.entities.filter((e) => PAGE.includes(e.id)).flatMap((e) => e.dates.filter((d) => d.value).map((d) => `${d.value}|${d.claim}`))).size;
    expect(timeline(data, PAGE).reduce((k, e) => k + e.items.length, 0)).toBe(n);
  });
});

describe('buildPanelSummary', () => {
  it('puts it together from the page summary', async () => {
    const data = await collectPanelData(reader, PAGE);
    const s = buildPanelSummary({ url: 'https://example.com/', title: 'x', mentions }, data, new Set());
    expect(s.entityCount).toBe(5);
    expect(s.mentionCount).toBe(14);
    expect(s.leavesOutCandidates.every((c) => s.caveats.includes(c))).toBe(true);
  });
});
