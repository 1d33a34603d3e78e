// The page linker (lib/link) on its trap classes, through the same code path
// as the extension and `npm run kb -- spot`: fixture pages written for these
// tests (tests/fixtures/linking) and short texts. Each case says what is linked
// and what is not.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KbDocument } from '../../lib/kb/document';
import { compilePageMatcher } from '../../lib/link/data';
import { createLinkState } from '../../lib/link/linker';
import type { PageLinks } from '../../lib/link/page';
import { whyLinked, whyNotLinked } from '../../lib/link/why';
import { hydrateMatcher, type Matcher } from '../../lib/match/compile';
import { spotText } from '../../lib/page/core/spot';
import { linkHtml, pageMatcher } from '../../scripts/kb-spot';
import { score } from '../../scripts/link-eval';
import { buildKbFromDisk, ROOT } from '../../scripts/read-data';

const DIR = join(ROOT, 'tests/fixtures/linking');
let matcher: Matcher;
const pages = new Map<string, PageLinks>();

beforeAll(async () => {
  matcher = pageMatcher(buildKbFromDisk());
  for (const f of ['namesake-town', 'relatives', 'daughter', 'named-after', 'kings-and-games', 'pastor', 'toledo', 'transcript', 'dateline', 'summit']) {
    pages.set(f, await linkHtml(matcher, readFileSync(join(DIR, `${f}.html`), 'utf8')));
  }
});

const linked = (page: string) => pages.get(page)!.links.map((l) => [l.surface, l.entity]);
const rejected = (page: string) => pages.get(page)!.rejected.map((r) => [r.surface, r.reason]);

/** Link blocks of text as one page (title first). */
function linkTexts(title: string, ...blocks: string[]) {
  const state = createLinkState(title);
  const links = blocks.flatMap((b) => spotText(matcher, b, state));
  return { links: links.map((m) => [m.surface, m.entityId]), state, mentions: links };
}

describe('name structure', () => {
  it('a longer personal name is another person and claims the surname for the rest of the page', () => {
    expect(linked('relatives')).toEqual([]);
    expect(rejected('relatives')).toEqual([
      ['Biden', 'other-person'],
      ['Biden', 'claimed'],
      ['Biden', 'claimed'],
      ['Biden', 'other-person'],
    ]);
    expect(pages.get('relatives')!.rejected[1]!.why).toBe('“Biden” here is most likely Hunter Biden, named earlier on this page');
  });

  it('a bare surname links once the full name introduced the person, and a title that names another person on the page keeps it', () => {
    const { links } = linkTexts('', 'Joe Biden spoke in Warsaw.', 'Biden said the alliance would hold.');
    expect(links).toEqual([
      ['Joe Biden', 'joe-biden'],
      ['Biden', 'joe-biden'],
    ]);
    // The page's subject (its title) keeps the surname even after the KB's full name appears.
    expect(linked('daughter')).toEqual([
      ['Xi Jinping', 'xi-jinping'],
      ['Beijing', 'beijing'],
    ]);
    expect(rejected('daughter').filter(([, r]) => r === 'claimed' || r === 'other-person').length).toBe(rejected('daughter').length);
  });

  it('a bare surname with no introduction and nothing of its world on the page is not linked; an office title introduces it', () => {
    expect(linkTexts('', 'Blinken won the chess tournament.').links).toEqual([]);
    expect(linkTexts('', 'Secretary Blinken won the vote.').links).toEqual([['Blinken', 'antony-blinken']]);
    expect(linkTexts('', 'John Smith Jr. and Putin Jr. played.').links).toEqual([]);
  });

  it('the same full name can be another person: the topic decides', () => {
    expect(linked('pastor')).toEqual([['China', 'china']]);
    const onTopic = linkTexts('', 'Chinese Foreign Minister Wang Yi met Russia’s foreign minister in Moscow to discuss Ukraine.');
    expect(onTopic.links).toEqual([
      ['Wang Yi', 'wang-yi'],
      ['Russia', 'russia'],
      ['Moscow', 'moscow'],
      ['Ukraine', 'ukraine'],
    ]);
  });
});

describe('things named after other things', () => {
  it('a name inside a longer proper name (drink, newspaper, team, fleet, time zone, dish) is not a mention', () => {
    expect(linked('named-after')).toEqual([['Russia', 'russia']]);
    expect(rejected('named-after')).toEqual([
      ['Moscow', 'longer-name'],
      ['Washington', 'longer-name'],
      ['Washington', 'longer-name'],
      ['Beijing', 'longer-name'],
      ['Black Sea', 'longer-name'],
      ['Moscow', 'longer-name'],
      ['Kyiv', 'longer-name'],
      ['china', 'case'],
      ['Toledo', 'other-place'],
      ['Washington', 'other-place'],
    ]);
    expect(pages.get('named-after')!.rejected[0]!.why).toBe('Part of a longer name, “Moscow Mule”');
  });

  it('a class noun before a name says it names a thing ("the rock band Europe"), and a lower-case noun after a place makes a thing named after it ("Kyiv cake", "Moscow time")', () => {
    const things = linkTexts('Weekend listings', 'The club booked the Swedish rock band Europe and the racehorse Moscow.', 'Dessert is Kyiv cake; the clocks run on Moscow time.');
    expect(things.links).toEqual([]);
    expect(things.state.rejected.map((r) => [r.surface, r.reason, r.name])).toEqual([
      ['Europe', 'named-thing', 'band Europe'],
      ['Moscow', 'named-thing', 'racehorse Moscow'],
      ['Kyiv', 'named-thing', 'Kyiv cake'],
      ['Moscow', 'named-thing', 'Moscow time'],
    ]);
    expect(whyNotLinked(matcher, things.state.rejected[2]!)).toBe('“Kyiv cake” names something else, not Kyiv');
    // The place itself, with the same words around: linked.
    const place = linkTexts('Missile strikes on Kyiv', 'Residents of Kyiv sheltered overnight as strikes hit Kyiv again and the city time was shifted.');
    expect(place.links).toEqual([
      ['Kyiv', 'kyiv'],
      ['Kyiv', 'kyiv'],
    ]);
  });

  it('a place with the same name elsewhere ("Moscow, Idaho", "Toledo, Ohio") claims the name for the page; a qualifier that names the KB place links it', () => {
    expect(linked('namesake-town')).toEqual([]);
    expect(rejected('namesake-town').map(([, r]) => r)).toEqual(['other-place', 'claimed', 'other-place', 'claimed', 'claimed', 'claimed', 'claimed']);
    expect(linked('toledo')).toEqual([]);
    const { links, mentions } = linkTexts('', 'Officials in Moscow, Russia, said the talks went well.');
    expect(links).toEqual([
      ['Moscow', 'moscow'],
      ['Russia', 'russia'],
    ]);
    expect(whyLinked(matcher, mentions[0]!)).toBe('“Moscow, Russia” names Moscow');
  });

  it('a corporate suffix still names the organisation ("Alibaba Group"), a team or event after a city does not name the city', () => {
    expect(linkTexts('', 'Alibaba Group reported earnings; Alibaba shares rose.').links).toEqual([
      ['Alibaba', 'alibaba'],
      ['Alibaba', 'alibaba'],
    ]);
    const olympics = linkTexts('', 'The Beijing Olympics were a turning point for China.');
    expect(olympics.links).toEqual([['China', 'china']]);
    expect(olympics.state.rejected.map((r) => [r.surface, r.reason, r.name])).toEqual([['Beijing', 'longer-name', 'Beijing Olympics']]);
  });

  it('a regnal numeral, a video-game character, a reaper and a bingo hall are not KB entities', () => {
    expect(linked('kings-and-games')).toEqual([]);
    expect(rejected('kings-and-games')).toEqual([
      ['Kirby', 'needs-context'],
      ['Kirby', 'needs-context'],
      ['Kirby', 'needs-context'],
      ['Reaper', 'longer-name'],
      ['bingo', 'case'],
      ['Shahed', 'longer-name'],
    ]);
  });
});

describe('topic coherence', () => {
  it('a shared name with no other KB evidence on the page is not linked, and says why', () => {
    const alone = linkTexts('Our trip', 'We spent a week in Moscow and loved the metro.');
    expect(alone.links).toEqual([]);
    expect(whyNotLinked(matcher, alone.state.rejected[0]!)).toMatch(/^Could be another Moscow: too little else on this page is about Moscow’s world/);
    const withWorld = linkTexts('Putin hosts Xi', 'Vladimir Putin welcomed Xi Jinping to the Kremlin.', 'We spent a week in Moscow and loved the metro.');
    expect(withWorld.links.at(-1)).toEqual(['Moscow', 'moscow']);
    expect(whyLinked(matcher, withWorld.mentions.at(-1)!)).toBe('Linked because the page also mentions Vladimir Putin and Xi Jinping');
  });

  it('the page title counts: a headline that names the person makes a bare surname in the body a link', () => {
    expect(linkTexts('Kuleba visits Berlin', 'Kuleba met students at the university.').links).toEqual([['Kuleba', 'dmytro-kuleba']]);
    expect(linkTexts('Chess results', 'Kuleba met students at the university.').links).toEqual([]);
  });
});

describe('hard true mentions keep working (on-topic pages)', () => {
  const labels = JSON.parse(readFileSync(join(DIR, 'labels.json'), 'utf8')) as { pages: Record<string, { links: [string, string][] }> };
  for (const page of ['transcript', 'dateline', 'summit']) {
    it(`${page}: every labelled mention is linked to the right entity and nothing else is`, () => {
      const s = score(pages.get(page)!.links, labels.pages[`${page}.html`]!.links);
      expect(s.missed).toEqual([]);
      expect(s.wrong).toEqual([]);
    });
  }

  it('speaker labels, lower-case datelines, names split by brackets, curly apostrophes and metonymy', () => {
    expect(linked('transcript').filter(([s]) => s === 'PUTIN')).toEqual([
      ['PUTIN', 'vladimir-putin'],
      ['PUTIN', 'vladimir-putin'],
    ]);
    expect(linked('dateline').slice(0, 2)).toEqual([
      ['kyiv', 'kyiv'],
      ['ukraine', 'ukraine'],
    ]);
    const bracket = pages.get('dateline')!.links.filter((l) => l.why.includes('split by brackets'));
    expect(bracket.map((l) => l.surface)).toEqual(['Putin', 'Blinken']);
    expect(linked('transcript')).toContainEqual(['Moscow', 'moscow']);
    expect(linked('transcript')).toContainEqual(['Kremlin', 'kremlin']);
  });
});

describe('two KB entities that share a name', () => {
  it('the one the page is about is linked, and the other is offered', () => {
    const entity = (id: string, name: string, type: string, related: string[]) => ({
      id,
      name,
      type,
      aliases: [
        { text: name, case: 'any', shortForm: false, shared: false, qualifiers: [], needsContext: false, nonstandard: false, reportsOnly: false },
        { text: 'Alder', case: 'capitalised', shortForm: false, shared: false, qualifiers: [], needsContext: true, nonstandard: false, reportsOnly: false },
      ],
      related: related.map((r) => ({ id: r, count: 1 })),
    });
    const kb = {
      reports: [],
      entities: [entity('alder-town', 'Alder Town', 'place', ['river-board']), entity('alder-corp', 'Alder Corporation', 'organisation', []), { ...entity('river-board', 'River Board', 'organisation', ['alder-town']), aliases: [{ text: 'River Board', case: 'any', shortForm: false, shared: false, qualifiers: [], needsContext: false, nonstandard: false, reportsOnly: false }] }],
    } as unknown as Pick<KbDocument, 'entities' | 'reports'>;
    const m = hydrateMatcher(compilePageMatcher(kb));
    const state = createLinkState('');
    const [board, alder] = spotText(m, 'The River Board met in Alder on Monday.', state);
    expect(board!.entityId).toBe('river-board');
    expect(alder).toMatchObject({ surface: 'Alder', entityId: 'alder-town', alternatives: ['alder-corp'] });
    expect(whyLinked(m, alder!)).toBe('Linked because the page also mentions River Board (not Alder Corporation)');
  });
});
