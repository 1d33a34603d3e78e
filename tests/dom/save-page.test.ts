// "Save this page" (issue #18): the metadata a page states about itself, the
// draft Readability makes of it, and the report text built from the reader's
// edited fields, which the pipeline must read back (headline, date, publisher).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { metaFromText } from '../../lib/kb/extract/meta';
import { pageMetadata } from '../../lib/reader-kb/page-metadata';
import { draftFromHtml, savedFileName, savedReportText } from '../../lib/reader-kb/save';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const FIXTURE = readFileSync(join(__dirname, '../fixtures/save/lighthouse.html'), 'utf8');

describe('page metadata', () => {
  it('reads Open Graph and article: tags first', () => {
    expect(pageMetadata(parse(FIXTURE), 'https://coastline.example/x?utm=1')).toEqual({
      title: 'Lighthouse keepers return to Vormsi island',
      publisher: 'Coastline Courier',
      date: '2026-11-03',
      url: 'https://coastline.example/2026/11/lighthouse-keepers',
    });
  });

  it('falls back to JSON-LD (also inside @graph), then the page: <h1>, <time>, the host', () => {
    const ld = `<html><head><title>Site | Page</title><script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"Site"},{"@type":["NewsArticle"],"headline":"Dam opens","datePublished":"2025-02-01T10:00:00Z","publisher":{"@type":"Organization","name":"River Post"}}]}</script></head><body><h1>Other</h1></body></html>`;
    expect(pageMetadata(parse(ld), 'https://river.example/a')).toMatchObject({ title: 'Dam opens', publisher: 'River Post', date: '2025-02-01' });
    const bare = '<html><head><title>Tab title</title></head><body><article><h1>Bridge closed</h1><time datetime="2024-06-30">yesterday</time></article></body></html>';
    expect(pageMetadata(parse(bare), 'https://www.towncrier.example/news/1')).toEqual({ title: 'Bridge closed', publisher: 'towncrier.example', date: '2024-06-30', url: 'https://www.towncrier.example/news/1' });
  });

  it('a malformed JSON-LD block or a date that is not one is skipped, not an error', () => {
    const html = '<html><head><meta property="article:published_time" content="soon"><script type="application/ld+json">{not json</script></head><body><p>x</p></body></html>';
    expect(pageMetadata(parse(html), null)).toEqual({ title: '', publisher: '', date: '', url: null });
  });
});

describe('the draft and the saved report', () => {
  it('takes the article text (no navigation, no footer) and proposes the metadata', () => {
    const r = draftFromHtml(FIXTURE, 'https://coastline.example/x', parse);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.draft.title).toBe('Lighthouse keepers return to Vormsi island');
    expect(r.draft.body).toMatch(/^The old lighthouse|^By a staff reporter/);
    expect(r.draft.body).toContain('Maarja Tammeleht, who leads');
    expect(r.draft.body).not.toMatch(/Weather|Islands/);
  });

  it('a page with no text is refused with a reason', () => {
    const r = draftFromHtml('<html><body></body></html>', null, parse);
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/^Nothing to save/) });
  });

  it('the report text carries the edited title, date and publisher where the pipeline reads them', () => {
    const r = savedReportText({ title: '  Keepers  return ', publisher: 'Coastline Courier', date: '2026-11-03', body: 'Maarja Tammeleht spoke.', url: 'https://coastline.example/a' });
    if ('error' in r) throw new Error(r.error);
    expect(r.text).toBe('Keepers return\n\nPublished: 2026-11-03\n© Coastline Courier\n\nMaarja Tammeleht spoke.');
    const meta = metaFromText('500_0000000000000000', r.text);
    expect(meta.headline).toBe('Keepers return');
    expect(meta.date.value).toBe('2026-11-03');
    expect(meta.publisher).toBe('Coastline Courier');
  });

  it('says what is wrong with the fields, in words', () => {
    const base = { title: 'T', publisher: '', date: '', body: 'Text.', url: null };
    expect(savedReportText({ ...base, title: ' ' })).toEqual({ error: 'The report needs a title.' });
    expect(savedReportText({ ...base, body: '' })).toEqual({ error: 'The report has no text.' });
    expect(savedReportText({ ...base, date: '3 Nov' })).toEqual({ error: expect.stringContaining('YYYY-MM-DD') });
    expect(savedReportText({ ...base, url: 'javascript:alert(1)' })).toMatchObject({ url: null });
  });

  it('names the report after the page’s address', () => {
    expect(savedFileName('https://coastline.example/2026/11/lighthouse/', 'T')).toBe('coastline.example_2026_11_lighthouse');
    expect(savedFileName(null, 'Title')).toBe('Title');
  });
});
