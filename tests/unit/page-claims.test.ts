// How cards relate to the page (issue #16): facts ranked by what the page
// shares, "This page repeats…" only for a sentence the page makes (the quote or
// a close paraphrase, never a page that merely names the same people), "leaves
// out" never listing what the page says, the page's theme from its background,
// and plain language (no ids, dates as people write them).
import { describe, expect, it } from 'vitest';
import { caveatLine, CAVEAT_KIND_TEXT, plainReportRefs, reportName, supportLine } from '../../components/card/plain';
import { previewFor } from '../../components/card/card-preview';
import type { EntityCard, ReportRef } from '../../lib/kb/card';
import { CaveatKind } from '../../lib/kb/schema';
import { pageSentenceFor, pageSays, pageText, rankForPage } from '../../lib/shared/page-claims';
import { luminance, parseColour } from '../../lib/page/card/page-theme';
import { pageSaysEach } from '../../lib/panel/leaves-out';

const report = (id: string, publisher: string, date: string): ReportRef => ({ id, headline: 'H', publisher, url: null, date, dateInferred: false, dateReason: '', republishedFrom: null });
const A = report('002_f51bdca7fe481995', 'Anue Juheng', '2024-07');
const B = report('001_5b362b16a11063f8', 'unknown', '2023-02-24');
const CLAIM = 'According to a Bloomberg report, officials who requested anonymity stated that Chinese and Russian companies engaged in discussions last year about collaborating on copying Iran’s Shahed drone.';

const card: EntityCard = {
  id: 'shahed-136',
  type: 'weapon',
  name: 'Shahed-136',
  description: 'Iranian drone; report 001 misspells it.',
  descriptionSource: { quote: 'q', report: B },
  spellings: [],
  aliases: [],
  facts: [
    { claim: `${B.id}@10`, quote: 'Russia has launched countless attacks on Ukraine with the drone.', report: B, attribution: { claimant: '', entity: null, role: 'reporter', cue: '', via: null }, hedges: [], caveats: [] },
    { claim: `${A.id}@2507`, quote: CLAIM, report: A, attribution: { claimant: 'officials who requested anonymity', entity: null, role: 'anonymous-officials', cue: 'stated', via: 'a Bloomberg report' }, hedges: [], caveats: ['c-anon'] },
  ],
  reports: [],
  caveats: [
    { id: 'c-anon', kind: 'anonymous-source', severity: 'medium', label: 'Anonymous source', explanation: 'e', reasoning: 'r', origin: 'auto', quote: 'officials who requested anonymity stated', start: 0, end: 1, report: A },
    { id: 'c-spell', kind: 'misspelling', severity: 'low', label: 'Misspelling', explanation: 'e', reasoning: 'r', origin: 'editor', quote: 'Shaheed-136', start: 0, end: 1, report: B },
  ],
  related: [],
  dates: [],
  totals: { facts: 2, reports: 2, caveats: 2 },
};

describe('the card and the page in front of the reader', () => {
  it('ranks first the fact whose words the page shares', () => {
    const page = pageText(['Companies from China and Russia discussed copying the Shahed drone, officials told Bloomberg.']);
    expect(rankForPage(card.facts, (f) => f.quote, page)[0]!.claim).toBe(`${A.id}@2507`);
    expect(rankForPage(card.facts, (f) => f.quote, pageText(['Russia launched attacks on Ukraine with countless drones.']))[0]!.claim).toBe(`${B.id}@10`);
  });

  it('says "This page repeats…" only where the page makes the claim', () => {
    const repeating = pageText([`The Evening Wire. ${CLAIM} Neither government commented.`]);
    const paraphrase = pageText(['According to Bloomberg, officials who asked for anonymity said Chinese and Russian companies held discussions last year about collaborating on copying Iran’s Shahed drone.']);
    const naming = pageText(['Chinese officials met Russian companies last year. Iran sells the Shahed drone. Bloomberg covered the meeting.']);
    expect(previewFor(card, repeating).repeats?.caveat.id).toBe('c-anon');
    expect(previewFor(card, paraphrase).repeats?.caveat.id).toBe('c-anon');
    expect(previewFor(card, naming).repeats).toBeNull();
    expect(previewFor(card, null).repeats).toBeNull();
    // A spelling caveat is about a report, not a claim a page can repeat.
    expect(pageSentenceFor('Shaheed-136', repeating)).toBeNull();
  });

  it('names whose each caveat is: the publisher and date of its report, even when the page is another outlet’s', () => {
    expect(caveatLine(card.caveats[0]!)).toBe('In Anue Juheng’s report of July 2024: the claim rests on unnamed sources.');
    expect(caveatLine(card.caveats[1]!)).toBe('In a report of 24 February 2023: a name is misspelled.');
    expect(reportName(A)).toBe('Anue Juheng’s report of July 2024');
  });

  it('has a reader’s label and a one-line explanation for every caveat kind, in plain words', () => {
    for (const kind of CaveatKind.options) {
      const t = CAVEAT_KIND_TEXT[kind];
      expect(t.label.length).toBeGreaterThan(2);
      expect(`${t.label} ${t.line} ${t.claim}`).not.toMatch(/-|_|\b(auto|inconsistency|overreach)\b/);
    }
  });

  it('never shows a report id: "report 001" becomes the report named by publisher and date', () => {
    expect(plainReportRefs(card.description, [A, B])).toBe('Iranian drone; a report of 24 February 2023 misspells it.');
    expect(plainReportRefs('per report 009, a drone', [A])).toBe('per one of the reports, a drone');
    expect(supportLine(card)).toBe('In 2 reports');
    expect(supportLine({ ...card, support: { reports: 4, independentSources: 3, repeats: 1 } } as EntityCard)).toBe('In 4 reports, 3 independent sources');
  });

  it('"leaves out" never lists what the page says: the quote, or a paraphrase keeping most of its words', () => {
    const text = 'Headline here\nThe Kremlin denied that any drones had been delivered. Officials in Kyiv disagreed.';
    const [quoted, paraphrased, absent] = pageSaysEach(text, [
      'The Kremlin denied that any drones had been delivered.',
      'The Kremlin has denied any drones were delivered',
      'Beijing declined to comment on the report.',
    ]);
    expect([quoted, paraphrased, absent]).toEqual([true, true, false]);
    // Every sentence of the page counts as said.
    for (const s of ['Officials in Kyiv disagreed.']) expect(pageSays(s, pageText([text]))).toBe(true);
  });

  it('reads the page’s background colour and its luminance', () => {
    expect(parseColour('rgba(0, 0, 0, 0)')![3]).toBe(0);
    expect(parseColour('rgb(17 17 17 / 50%)')).toEqual([17, 17, 17, 0.5]);
    expect(luminance(17, 17, 17)).toBeLessThan(0.18);
    expect(luminance(255, 255, 255)).toBeCloseTo(1);
  });
});
