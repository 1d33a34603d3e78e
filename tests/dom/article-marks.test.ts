// Default marking (issue #16) over happy-dom: the first mention of each name in
// the article body only (not nav, footers, asides, related-links lists), per
// type every / first / off, the caveat style and the common places the card
// chunk reports, and the keyboard still reaching every mention of a marked type.
import { describe, expect, it } from 'vitest';
import { findArticleRegion } from '../../lib/page/core/article-region';
import type { Settings } from '../../lib/page/core/reader-settings';
import { entityType, readerOnBody, settle } from '../support/dom-reader';

function setup(html: string, settings: Partial<Settings> = {}) {
  const t = readerOnBody(html, settings);
  const marks = () => t.reader.marked().map((m) => `${m.surface}:${m.paintedAs?.replace('backstory-', '')}`);
  return { ...t, marks };
}

const PAGE = `
<nav><a href="#">Putin</a> <a href="#">Moscow</a></nav>
<main><article>
  <h1>Putin hosts Xi Jinping</h1>
  <p>Vladimir Putin met Xi Jinping in Moscow. Moscow said the talks went well. Putin smiled.</p>
  <aside><p>Read more about NATO</p></aside>
  <ul class="related"><li><a href="#">Antony Blinken flies to Kyiv</a></li><li><a href="#">NATO and Kyiv</a></li></ul>
  <ul><li>Antony Blinken spoke by phone with officials in Kyiv about the talks.</li></ul>
</article></main>
<footer>© 2024 · <a href="#">NATO</a></footer>`;

describe('default marks: the first mention in the article body', () => {
  it('finds the article region: the one article, else main, else the element with the most paragraph text', () => {
    const load = (html: string) => document.body.replaceChildren(...[...new DOMParser().parseFromString(html, 'text/html').body.childNodes].map((n) => document.importNode(n, true)));
    load('<nav><p>a</p></nav><main><article id="a"><p>text</p></article></main>');
    expect(findArticleRegion(document)?.id).toBe('a');
    load('<main id="m"><article><p>one</p></article><article><p>two</p></article></main>');
    expect(findArticleRegion(document)?.id).toBe('m');
    load('<div id="side"><p>short</p></div><div id="story"><p>a much longer paragraph of text</p><p>and another one</p></div>');
    expect(findArticleRegion(document)?.id).toBe('story');
  });

  it('marks each name once, where the article first names it; not in nav, aside, related links or footer', async () => {
    const t = setup(PAGE);
    t.reader.start();
    await settle(t.reader);
    expect(t.marks()).toEqual(['Putin:person', 'Xi Jinping:person', 'Moscow:place', 'Antony Blinken:person', 'Kyiv:place']);
    // Every mention is still tracked (hover, the panel), and the keyboard reaches all of a marked type.
    expect(t.reader.all().length).toBeGreaterThan(12);
    expect(t.reader.all().filter((m) => t.reader.painter.reachable(m)).length).toBe(t.reader.all().length);
    t.controller.abort();
  });

  it('per type: every mention, first mention, or off', async () => {
    const t = setup(PAGE, { typeMarks: { place: 'every', person: 'off' } });
    t.reader.start();
    await settle(t.reader);
    expect(t.marks()).toEqual(['Moscow:place', 'Moscow:place', 'Moscow:place', 'Kyiv:place', 'Kyiv:place', 'Kyiv:place']);
    expect(t.reader.all().filter((m) => t.reader.painter.reachable(m)).every((m) => entityType(m.entityId!) !== 'person')).toBe(true);
    t.set({ typeMarks: {}, markMode: 'every' });
    await settle(t.reader);
    expect(t.marks()).toHaveLength(t.reader.all().length);
    t.controller.abort();
  });

  it('applies what the card chunk found: the caveat style, and common places left plain unless asked for', async () => {
    const t = setup(PAGE);
    t.reader.start();
    await settle(t.reader);
    const moscowSaid = t.reader.all().find((m) => m.surface === 'Moscow' && m.endNode.data.slice(m.endOffset).startsWith(' said'))!;
    t.reader.painter.flags = { caveated: new Set(['xi-jinping']), quietEntities: new Set(['kyiv']), quietMentions: new Set([moscowSaid.id]) };
    t.reader.refreshPaint();
    await settle(t.reader);
    expect(t.marks()).toEqual(['Putin:person', 'Xi Jinping:caveat', 'Moscow:place', 'Antony Blinken:person']);
    t.set({ markCommonPlaces: true });
    await settle(t.reader);
    expect(t.marks()).toEqual(['Putin:person', 'Xi Jinping:caveat', 'Moscow:place', 'Antony Blinken:person', 'Kyiv:place']);
    t.controller.abort();
  });
});
