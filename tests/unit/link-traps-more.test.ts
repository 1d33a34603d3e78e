// The page linker (lib/link) on trap classes found with the second set of
// fixture pages (tests/fixtures/linking: live-blog, wire-story, popes,
// software-firms, sports-roundup, family-trees, harbour-day and the two
// heldout-obituary / heldout-presser pages written after the fixes). Each case
// says what is linked and what is not, with a control that differs only in the
// trap, through the same code path as the extension and `npm run kb -- spot`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLinkState } from '../../lib/link/linker';
import type { PageLinks } from '../../lib/link/page';
import type { Matcher } from '../../lib/match/compile';
import { spotText } from '../../lib/page/core/spot';
import { linkHtml, pageMatcher } from '../../scripts/kb-spot';
import { score } from '../../scripts/link-eval';
import { buildKbFromDisk, ROOT } from '../../scripts/read-data';

const DIR = join(ROOT, 'tests/fixtures/linking');
const PAGES = ['live-blog', 'wire-story', 'popes', 'software-firms', 'sports-roundup', 'family-trees', 'harbour-day', 'heldout-obituary', 'heldout-presser'];
let matcher: Matcher;
const pages = new Map<string, PageLinks>();
const labels = JSON.parse(readFileSync(join(DIR, 'labels.json'), 'utf8')) as { pages: Record<string, { links: [string, string][] }> };

beforeAll(async () => {
  matcher = pageMatcher(buildKbFromDisk());
  for (const f of PAGES) pages.set(f, await linkHtml(matcher, readFileSync(join(DIR, `${f}.html`), 'utf8')));
});

/** Link blocks of text as one page (title first): [surface, entity] of the links, and the rejections with their reason. */
function linkTexts(title: string, ...blocks: string[]) {
  const state = createLinkState(title);
  const links = blocks.flatMap((b) => spotText(matcher, b, state));
  return { links: links.map((m) => [m.surface, m.entityId]), rejected: state.rejected.map((r) => [r.surface, r.reason]), mentions: links };
}

/** Background for an on-topic page: several KB entities of the same world linked first. */
const ON_TOPIC = 'China’s Xi Jinping met Russia’s Vladimir Putin in Moscow to discuss the war in Ukraine.';
const ON_TOPIC_IDS = ['china', 'xi-jinping', 'russia', 'vladimir-putin', 'russia-ukraine-war'];

describe('the page decides a name that needs context when its own block has none', () => {
  it('a headline word ("Kremlin: …", "Washington sceptical") links on a page about that world, not on a page without it', () => {
    expect(linkTexts('', ON_TOPIC, 'Kremlin: no talk of weapons').links).toContainEqual(['Kremlin', 'kremlin']);
    expect(linkTexts('', ON_TOPIC, 'Washington sceptical').links).toContainEqual(['Washington', 'washington']);
    // Control: the same headline with nothing of the KB's world before it.
    const bare = linkTexts('', 'The bakery on Elm Street reopened on Monday.', 'Kremlin: no talk of weapons');
    expect(bare.links).toEqual([]);
    expect(bare.rejected).toEqual([['Kremlin', 'needs-context']]);
  });

  it('a name linked earlier on the page links again in a block that names nothing else ("arrived at the Kremlin")', () => {
    const { links } = linkTexts('', 'Xi Jinping and Vladimir Putin met at the Kremlin on Monday.', 'The motorcade arrived at the Kremlin a few minutes ago.');
    expect(links.filter(([s]) => s === 'Kremlin')).toEqual([
      ['Kremlin', 'kremlin'],
      ['Kremlin', 'kremlin'],
    ]);
  });

  it('a menu item or tag that is the name alone ("US") stays unlinked even on an on-topic page', () => {
    const { links, rejected } = linkTexts('', ON_TOPIC, 'US');
    expect(links).not.toContainEqual(['US', 'united-states']);
    expect(rejected).toContainEqual(['US', 'needs-context']);
  });

  it('unrelated KB places add up to at most 1: a game called "Crisis in the Kremlin" on a software page is not linked', () => {
    const software = linkTexts('', 'Grammarly was founded in Kyiv. Sea is based in Singapore. Alibaba cut prices.', 'Crisis in the Kremlin, a 1991 strategy game, is back.');
    expect(software.links).toEqual([
      ['Kyiv', 'kyiv'],
      ['Singapore', 'singapore'],
      ['Alibaba', 'alibaba'],
    ]);
    expect(software.rejected).toEqual([['Kremlin', 'needs-context']]);
    expect(pages.get('software-firms')!.links.map((l) => l.surface)).not.toContain('Kremlin');
  });
});

describe('speaker labels in capitals', () => {
  it('"XI:" links once the page introduced Xi Jinping; a Roman numeral in capitals elsewhere does not', () => {
    const { links } = linkTexts('', 'Chinese President Xi Jinping spoke first.', 'XI: China has always stood on the side of peace.', 'A statue of POPE PIUS XI stands here.', 'XI', 'The England XI was named on Tuesday.');
    expect(links).toEqual([
      ['Xi Jinping', 'xi-jinping'],
      ['XI', 'xi-jinping'],
      ['China', 'china'],
    ]);
    // Control: a speaker label with no introduction on the page.
    expect(linkTexts('', 'XI: We agree.').links).toEqual([]);
  });

  it('on the fixture pages: the live blog links "XI:" and "KIRBY:"; the popes page links no numeral', () => {
    const blog = pages.get('live-blog')!.links;
    expect(blog.filter((l) => l.surface === 'XI' || l.surface === 'KIRBY').map((l) => [l.surface, l.entity])).toEqual([
      ['XI', 'xi-jinping'],
      ['KIRBY', 'john-kirby'],
      ['KIRBY', 'john-kirby'],
    ]);
    expect(pages.get('popes')!.links.map((l) => l.surface)).not.toContain('XI');
  });
});

describe('datelines', () => {
  it('a dateline with a date, in lower case or capitals, names the place itself; a region after it puts it elsewhere', () => {
    expect(linkTexts('', 'beijing, feb 16 (wire) — China’s top diplomat will travel to Brussels.').links[0]).toEqual(['beijing', 'beijing']);
    const dc = linkTexts('Senate passes aid bill', 'WASHINGTON (AP) — The Senate passed an aid package on Tuesday.');
    expect(dc.links).toEqual([['WASHINGTON', 'washington']]);
    expect(dc.mentions[0]!.why).toEqual(['dateline']);
    // Controls: the town in Idaho, and the lower-case word in a sentence.
    const idaho = linkTexts('Idaho murders: suspect in court', 'MOSCOW, Idaho (AP) — The suspect appeared in court.', 'Moscow police said the case continues.');
    expect(idaho.links).toEqual([]);
    expect(idaho.rejected).toEqual([
      ['MOSCOW', 'other-place'],
      ['Moscow', 'claimed'],
    ]);
    expect(linkTexts('', ON_TOPIC, 'They will washington the car.').links).not.toContainEqual(['washington', 'washington']);
  });

  it('a bare name and a dash is a dateline only when its case sets it apart; an acronym is in capitals anyway', () => {
    expect(linkTexts('Harbour news', 'MOSCOW — The mayor opened the new bridge.').links).toEqual([['MOSCOW', 'moscow']]);
    // The same words as usually written: a headline or a list item, not a dateline, and nothing else on the page is about Moscow.
    expect(linkTexts('Harbour news', 'Moscow — The mayor opened the new bridge.').links).toEqual([]);
    expect(linkTexts('Harbour news', 'US — The mayor opened the new bridge.').links).toEqual([]);
    // An acronym with an agency or a date is a dateline again.
    expect(linkTexts('Harbour news', 'US (Wire) — The mayor opened the new bridge.').links).toEqual([['US', 'united-states']]);
  });
});

describe('clubs, ships and firms named after a place', () => {
  it('an abbreviation in capitals before a place ("FC Astana", "CSKA Moscow", "MV Brussels") makes a longer name; a KB name before it does not', () => {
    const { links, rejected } = linkTexts('', ON_TOPIC, 'FC Astana beat Kairat, CSKA Moscow drew, and the MV Brussels docked.');
    expect(links.filter(([, id]) => !ON_TOPIC_IDS.includes(id!))).toEqual([['Moscow', 'moscow']]);
    expect(rejected).toEqual([
      ['Astana', 'longer-name'],
      ['Moscow', 'longer-name'],
      ['Brussels', 'longer-name'],
    ]);
    // Control: "EU" is a KB name, so "EU Brussels" is two names, not a club.
    expect(linkTexts('', ON_TOPIC, 'The talks moved from Moscow to EU Brussels offices.').links).toContainEqual(['Brussels', 'brussels']);
  });

  it('a club word before a place in a Title Case results line ("Dynamo Moscow 1–1 CSKA Moscow") is the club', () => {
    const { links, rejected } = linkTexts('', ON_TOPIC, 'Dynamo Moscow 1–1 CSKA Moscow');
    expect(links.filter(([, id]) => !ON_TOPIC_IDS.includes(id!))).toEqual([['Moscow', 'moscow']]);
    expect(rejected).toEqual([
      ['Moscow', 'longer-name'],
      ['Moscow', 'longer-name'],
    ]);
  });

  it('a city whose name is also a club\'s is linked where a noun says it is the city ("the city of Astana"), not for the team', () => {
    const { links, rejected } = linkTexts('', 'FC Astana beat Kairat 2–0. Astana top the table by four points. The city of Astana is building a new stadium.');
    expect(links).toEqual([['Astana', 'astana']]);
    expect(rejected).toEqual([
      ['Astana', 'longer-name'],
      ['Astana', 'no-context'],
    ]);
    // Control: on a page about the KB's world the bare name links.
    expect(linkTexts('', ON_TOPIC, 'Xi and Putin met in Astana before the SCO summit.').links).toContainEqual(['Astana', 'astana']);
  });
});

describe('a town and its state', () => {
  it('"Redmond, Washington" is the state; a list of capitals is not', () => {
    const state = linkTexts('', ON_TOPIC, 'In Redmond, Washington, Microsoft said it would stop selling two tools.');
    expect(state.links.map(([s]) => s)).not.toContain('Washington');
    expect(state.rejected).toEqual([['Washington', 'other-place']]);
    // Controls: lists of capitals.
    expect(linkTexts('', ON_TOPIC, 'Envoys from Beijing, Washington and Brussels met.').links).toContainEqual(['Washington', 'washington']);
    expect(linkTexts('', ON_TOPIC, 'Leaders from London, Washington, Paris and Berlin met.').rejected).not.toContainEqual(['Washington', 'other-place']);
  });
});

describe('relatives', () => {
  it('"the elder Biden" is a relative and claims the surname; the bare surname after the KB full name is the person', () => {
    const { links, rejected } = linkTexts('', 'Their eldest son, Joe Biden, became president.', 'The elder Biden moved the family to Delaware.', 'Records show Biden sold cars.');
    expect(links).toEqual([['Joe Biden', 'joe-biden']]);
    expect(rejected).toEqual([
      ['Biden', 'other-person'],
      ['Biden', 'claimed'],
    ]);
    // Control: no relative word.
    expect(linkTexts('', 'Joe Biden spoke in Warsaw.', 'Biden said the alliance would hold.').links).toEqual([
      ['Joe Biden', 'joe-biden'],
      ['Biden', 'joe-biden'],
    ]);
  });

  it('the family-trees page links the politicians and none of their relatives', () => {
    const linked = pages.get('family-trees')!.links.map((l) => [l.surface, l.entity]);
    expect(linked).not.toContainEqual(['Xi', 'xi-jinping']);
    expect(linked.filter(([s]) => s === 'Biden')).toEqual([]);
    expect(linked).toContainEqual(['Joe Biden', 'joe-biden']);
    expect(linked).toContainEqual(['Xi’an', 'xi-an']);
  });
});

describe('dishes and drinks named after a place', () => {
  it('"Xi’an-style", "à la Kiev", "Kyiv cutlet", "Munich lager" name dishes and drinks; the places themselves still link', () => {
    const { links, rejected } = linkTexts(
      '',
      'The chef cooks Xi’an-style noodles, a chicken à la Kiev, a Kyiv cutlet and pours a Munich lager.',
      'She trained in Xi’an and worked in Kyiv and Munich.',
    );
    expect(rejected).toEqual([
      ['Xi’an', 'named-thing'],
      ['Kiev', 'named-thing'],
      ['Kyiv', 'named-thing'],
      ['Munich', 'named-thing'],
    ]);
    expect(links).toEqual([
      ['Xi’an', 'xi-an'],
      ['Kyiv', 'kyiv'],
      ['Munich', 'munich'],
    ]);
  });
});

describe('the second set of fixture pages', () => {
  for (const page of ['popes', 'software-firms', 'harbour-day', 'heldout-obituary', 'live-blog', 'wire-story']) {
    it(`${page}: no wrong link`, () => {
      const s = score(pages.get(page)!.links, labels.pages[`${page}.html`]!.links);
      expect(s.wrong).toEqual([]);
    });
  }

  it('the namesake pages still link their true mentions (the pope page’s Kyiv, the software page’s Kyiv firms)', () => {
    const popes = pages.get('popes')!.links.map((l) => [l.surface, l.entity]);
    expect(popes.filter(([, id]) => id === 'kyiv')).toHaveLength(4);
    expect(popes).toContainEqual(['Vladimir Putin', 'vladimir-putin']);
    const soft = pages.get('software-firms')!.links.map((l) => [l.surface, l.entity]);
    expect(soft.filter(([, id]) => id === 'kyiv')).toHaveLength(3);
    expect(soft).not.toContainEqual(['Washington', 'washington']);
  });
});

describe('reference pages about a namesake', () => {
  it('a page title that disambiguates a shared name ("John Kirby (musician)") claims it and its surname for the page', () => {
    const { links, rejected } = linkTexts('John Kirby (musician) - Wikipedia', 'John Kirby was an American jazz double bassist.', 'In 1941 Kirby toured Europe.');
    expect(links).toEqual([['Europe', 'europe']]);
    expect(rejected).toEqual([
      ['John Kirby', 'claimed'],
      ['Kirby', 'claimed'],
    ]);
    // Control: the spokesman introduced on a page without a disambiguated title.
    expect(linkTexts('Briefing', 'White House spokesman John Kirby spoke.', 'Kirby said Washington was watching China.').links.slice(0, 3)).toEqual([
      ['White House', 'white-house'],
      ['John Kirby', 'john-kirby'],
      ['Kirby', 'john-kirby'],
    ]);
  });

  it('a Title Case page title or heading that is only another full name ("Hunter Biden - Wikipedia") keeps the surname for that person', () => {
    const { links, rejected } = linkTexts('Hunter Biden - Wikipedia', 'He is the second son of Joe Biden, the 46th president.', 'Biden served on the board of Burisma.');
    expect(links).toEqual([['Joe Biden', 'joe-biden']]);
    expect(rejected).toEqual([['Biden', 'claimed']]);
    // Control: a Title Case headline where the surname stands next to other capitalised words.
    expect(linkTexts('Biden Signs Aid Bill As Putin Warns West', 'Joe Biden signed the bill.').links).toEqual([['Joe Biden', 'joe-biden']]);
    expect(linkTexts('', 'Joe Biden signed the bill.', 'Biden Signs Aid Bill As Putin Warns West').links.slice(0, 2)).toEqual([
      ['Joe Biden', 'joe-biden'],
      ['Biden', 'joe-biden'],
    ]);
  });
});

describe('the KB’s full name with a middle initial, and speaker labels with a title', () => {
  it('"Vladimir V. Putin" is the KB’s person and introduces "Mr. Putin"; another given name with an initial is another person', () => {
    expect(linkTexts('', 'President Vladimir V. Putin of Russia met Xi Jinping.', 'Mr. Putin said ties were strong.').links).toEqual([
      ['Putin', 'vladimir-putin'],
      ['Russia', 'russia'],
      ['Xi Jinping', 'xi-jinping'],
      ['Putin', 'vladimir-putin'],
    ]);
    // Control: the same pattern with a given name that is not the KB's.
    const other = linkTexts('', 'Robert H. Biden spoke at the gallery.', 'Biden left early.');
    expect(other.links).toEqual([]);
    expect(other.rejected).toEqual([
      ['Biden', 'other-person'],
      ['Biden', 'claimed'],
    ]);
  });

  it('a speaker label with a title in capitals ("PRESIDENT XI:") links the introduced person; without the introduction it does not', () => {
    expect(linkTexts('', 'Chinese President Xi Jinping spoke.', 'PRESIDENT XI: We agree.').links).toEqual([
      ['Xi Jinping', 'xi-jinping'],
      ['XI', 'xi-jinping'],
    ]);
    // Without the introduction, as "President Xi" alone in prose: a shared surname that needs context stays unlinked.
    expect(linkTexts('', 'PRESIDENT XI: We agree.').links).toEqual([]);
    expect(linkTexts('', 'President Xi said so.').links).toEqual([]);
    // Control: a label that is not a name.
    expect(linkTexts('', 'Chinese President Xi Jinping spoke.', 'MODERATOR: Thank you.').links).toEqual([['Xi Jinping', 'xi-jinping']]);
  });
});
