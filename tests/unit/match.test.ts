import { describe, expect, it } from 'vitest';
import { defaultCaseSensitive } from '../../lib/match/chars';
import { compileMatcher, createMatcher, hydrateMatcher, type Matcher } from '../../lib/match/compile';
import { createContextState, resolveMentions } from '../../lib/match/resolve';
import { scan } from '../../lib/match/scan';
import type { MatchAliasInput } from '../../lib/match/types';

const KB: MatchAliasInput[] = [
  { text: 'Xi Jinping', entityIds: ['xi-jinping'] },
  { text: 'Xi', entityIds: ['xi-jinping'], needsContext: true },
  { text: "Xi'an", entityIds: ['xian'] },
  { text: 'Vladimir Putin', entityIds: ['putin'] },
  { text: 'Putin', entityIds: ['putin'] },
  { text: 'Kremlin', entityIds: ['kremlin'], needsContext: true },
  { text: 'US', entityIds: ['usa'], needsContext: true },
  { text: 'U.S.', entityIds: ['usa'] },
  { text: 'United States', entityIds: ['usa'] },
  { text: 'Mugin-5', entityIds: ['mugin-5'] },
  { text: 'Su-27', entityIds: ['su-27'] },
  { text: 'MQ-9', entityIds: ['mq-9'] },
  { text: 'UAV', entityIds: ['uav'] },
  { text: 'Reuters', entityIds: ['reuters'] },
  { text: 'Shanghai', entityIds: ['shanghai'] },
  { text: 'Shanghai Cooperation Organisation', entityIds: ['sco'] },
  { text: 'SCO', entityIds: ['sco'] },
  { text: 'Élysée', entityIds: ['elysee'] },
  { text: 'Georgia', entityIds: ['georgia-country', 'georgia-state'] },
  { text: 'Reaper', entityIds: ['mq-9'], needsContext: true },
];

const matcher = createMatcher(KB);

/** Surfaces (alias proper) of what scan finds, with the alias text each matched. */
function found(text: string, m: Matcher = matcher): [string, string][] {
  return scan(m, text).map((r) => [text.slice(r.start, r.end), m.aliases[r.alias]!.text]);
}

function linked(text: string, m: Matcher = matcher, state = createContextState()) {
  return resolveMentions(m, text, scan(m, text), state).map((x) => [x.surface, x.entityId, x.reason]);
}

describe('scan: names and boundaries', () => {
  it('links "Putin\'s" to Putin, ending the alias at the n and the suffix after \'s', () => {
    const text = "Putin's visit";
    const [r] = scan(matcher, text);
    expect(r).toMatchObject({ start: 0, end: 5, suffixEnd: 7 });
    expect(matcher.aliases[r!.alias]!.text).toBe('Putin');
  });

  it('accepts curly and other apostrophes in possessives, and all-caps headlines', () => {
    expect(found('Putin’s plan, Putinʼs plan, PUTIN\'S PLAN')).toEqual([
      ['Putin', 'Putin'],
      ['Putin', 'Putin'],
      ['PUTIN', 'Putin'],
    ]);
  });

  it('never links Xi inside Xi\'an, Xi’an or Xian; Xi\'an itself links the city', () => {
    const m = createMatcher([{ text: 'Xi', entityIds: ['xi-jinping'] }]);
    expect(found("Xi'an, Xi’an, Xiʼan and Xian", m)).toEqual([]);
    expect(found('He flew to Xi’an.')).toEqual([['Xi’an', "Xi'an"]]);
  });

  it('matches a name split over a line break or several spaces, and one flattened from <b>Xi</b> Jinping', () => {
    expect(found('Xi\n  Jinping said')).toEqual([['Xi\n  Jinping', 'Xi Jinping']]);
    expect(found('Xi\u00a0Jinping and Xi\u202fJinping')).toHaveLength(2);
    // The content script concatenates the text nodes of <b>Xi</b> Jinping.
    const flattened = ['Xi', ' Jinping'].join('');
    expect(scan(matcher, flattened)).toEqual([expect.objectContaining({ start: 0, end: 10 })]);
  });

  it('prefers the longest alias: Xi Jinping over Xi, the SCO over Shanghai', () => {
    expect(found('Xi Jinping')).toEqual([['Xi Jinping', 'Xi Jinping']]);
    expect(found('the Shanghai Cooperation Organisation summit')).toEqual([
      ['Shanghai Cooperation Organisation', 'Shanghai Cooperation Organisation'],
    ]);
  });

  it('falls back to the longest shorter alias when a longer one fails its boundary', () => {
    const m = createMatcher([
      { text: 'Shanghai', entityIds: ['shanghai'] },
      { text: 'Shanghai Co', entityIds: ['other'] },
    ]);
    expect(found('Shanghai Cooperation', m)).toEqual([['Shanghai', 'Shanghai']]);
  });

  it('keeps acronyms case-sensitive: "U.S." links, "us" and "u.s." do not', () => {
    expect(found('the U.S. said')).toEqual([['U.S.', 'U.S.']]);
    expect(found('told us that u.s. policy')).toEqual([]);
    expect(found('US and us')).toEqual([['US', 'US']]);
  });

  it('matches ordinary names whatever their case', () => {
    expect(found('reuters and REUTERS')).toEqual([
      ['reuters', 'Reuters'],
      ['REUTERS', 'Reuters'],
    ]);
  });

  it('links plurals of model numbers and acronyms (Mugin-5s, MQ-9s, UAVs) but not of ordinary names', () => {
    expect(found('two Mugin-5s and three MQ-9s; UAVs\' range')).toEqual([
      ['Mugin-5', 'Mugin-5'],
      ['MQ-9', 'MQ-9'],
      ['UAV', 'UAV'],
    ]);
    const [, , uavs] = scan(matcher, 'two Mugin-5s and three MQ-9s; UAVs\' range');
    expect(uavs!.suffixEnd - uavs!.end).toBe(2); // "s'"
    expect(found('the Putins')).toEqual([]);
  });

  it('does not link a model number inside a longer one (Mugin-5 in Mugin-50 or Mugin-5.1)', () => {
    expect(found('Mugin-50 and Mugin-5.1')).toEqual([]);
    expect(found('a Mugin-5. Then')).toEqual([['Mugin-5', 'Mugin-5']]);
    const m = createMatcher([{ text: 'Mugin', entityIds: ['mugin'] }]);
    expect(found('the Mugin-5, the Mugin\u20135', m)).toEqual([]);
    expect(found('Putin\u20142024 and Putin 2024')).toEqual([
      ['Putin', 'Putin'],
      ['Putin', 'Putin'],
    ]);
  });

  it('links Su-27 in Su-27\'s, and names joined by a hyphen or dash (Putin-Xi summit)', () => {
    expect(found("the Su-27's radar")).toEqual([['Su-27', 'Su-27']]);
    expect(found('the Putin-Xi summit, anti-Putin')).toEqual([
      ['Putin', 'Putin'],
      ['Xi', 'Xi'],
      ['Putin', 'Putin'],
    ]);
    expect(found('Su\u201127 and Su\u201327')).toEqual([
      ['Su\u201127', 'Su-27'],
      ['Su\u201327', 'Su-27'],
    ]);
  });

  it('treats a bare apostrophe after a name ending in s as a possessive (Reuters\')', () => {
    const [r] = scan(matcher, "Reuters' report");
    expect(r).toMatchObject({ start: 0, end: 7, suffixEnd: 8 });
  });

  it('links a Latin name written straight into Chinese or Japanese text, as Unicode word segmentation does', () => {
    const m = createMatcher([{ text: 'Putin', entityIds: ['putin'] }]);
    expect(scan(m, '普京Putin会见').map((x) => [x.start, x.end])).toEqual([[2, 7]]);
    expect(scan(m, 'プーチンPutin氏').map((x) => [x.start, x.end])).toEqual([[4, 9]]);
    // Letters of spaced scripts still glue: no boundary inside "xPutin" or Arabic-joined text.
    expect(scan(m, 'xPutin')).toEqual([]);
    expect(scan(m, 'الPutin')).toEqual([]);
  });

  it('needs a word boundary before and after, in any script', () => {
    expect(found('Putinism, Vputin, 2Putin, Putin2')).toEqual([]);
    expect(found('(Putin), «Putin», "Putin"')).toHaveLength(3);
    const m = createMatcher([{ text: 'Москва', entityIds: ['moscow'] }]);
    expect(found('Москва и Москвы', m)).toEqual([['Москва', 'Москва']]);
  });

  it('skips invisible chars: a soft hyphen inside a name, a zero-width space around it', () => {
    expect(found('Pu\u00adtin and \u200bPutin\u200b')).toEqual([
      ['Pu\u00adtin', 'Putin'],
      ['Putin', 'Putin'],
    ]);
  });

  it('matches precomposed and decomposed accents alike', () => {
    expect(found("l'Élysée and l'E\u0301lyse\u0301e")).toEqual([
      ['Élysée', 'Élysée'],
      ['E\u0301lyse\u0301e', 'Élysée'],
    ]);
  });

  it('never splits a surrogate pair and never throws', () => {
    const m = createMatcher([{ text: 'A', entityIds: ['a'], caseSensitive: true }]);
    expect(found('\ud835\udc00A A', m)).toEqual([['A', 'A']]);
    for (const t of ['', '\ud800', '\udc00\ud800', 'Xi\ud800', '\u0000\uffff', 'Putin\u00ad']) {
      expect(() => scan(matcher, t)).not.toThrow();
    }
  });

  it('returns no matches for an empty alias list or aliases that are only spaces', () => {
    expect(scan(createMatcher([]), 'Putin')).toEqual([]);
    expect(scan(createMatcher([{ text: ' \u00ad ', entityIds: ['x'] }]), 'a b')).toEqual([]);
  });
});

describe('compileMatcher', () => {
  it('defaults caseSensitive to true for acronyms and aliases of 3 characters or fewer', () => {
    expect(defaultCaseSensitive('US')).toBe(true);
    expect(defaultCaseSensitive('U.S.')).toBe(true);
    expect(defaultCaseSensitive('Xi')).toBe(true);
    expect(defaultCaseSensitive('Kyi')).toBe(true);
    expect(defaultCaseSensitive('Putin')).toBe(false);
    expect(defaultCaseSensitive('MQ-9')).toBe(true);
    expect(defaultCaseSensitive('Mugin-5')).toBe(false);
  });

  it('merges duplicate aliases into one ambiguous alias', () => {
    const m = createMatcher([
      { text: 'Georgia', entityIds: ['a'] },
      { text: 'georgia', entityIds: ['b'] },
      { text: 'Georgia', entityIds: ['a'] },
    ]);
    expect(m.aliases).toEqual([{ text: 'Georgia', entityIds: ['a', 'b'], caseSensitive: false, needsContext: false }]);
  });

  it('is plain JSON: a round trip gives the same data and the same scan results', () => {
    const compiled = compileMatcher(KB);
    const json = JSON.stringify(compiled);
    const back = JSON.parse(json);
    expect(back).toEqual(compiled);
    const text = "Xi Jinping met Putin in Xi’an; the U.S. flew MQ-9s. Reuters' count: 2 Mugin-5s.";
    expect(scan(hydrateMatcher(back), text)).toEqual(scan(matcher, text));
    const plain = (v: unknown): boolean =>
      v === null || ['string', 'number', 'boolean'].includes(typeof v) ||
      (Array.isArray(v) && v.every(plain)) ||
      (Object.getPrototypeOf(v) === Object.prototype && Object.values(v as object).every(plain));
    expect(plain(compiled)).toBe(true);
  });

  it('is deterministic: the same input gives a byte-identical JSON', () => {
    expect(JSON.stringify(compileMatcher(KB))).toBe(JSON.stringify(compileMatcher(structuredClone(KB))));
  });

  it('refuses a malformed compiled matcher', () => {
    expect(() => hydrateMatcher({} as never)).toThrow();
    const c = compileMatcher(KB);
    expect(() => hydrateMatcher({ ...c, nodeChildCounts: c.nodeChildCounts.slice(1) + '0' })).toThrow();
  });
});

describe('resolveMentions: context', () => {
  it('links an alias that needs no context', () => {
    expect(linked('Putin spoke')).toEqual([['Putin', 'putin', 'alias']]);
  });

  it('drops "Xi" with no context', () => {
    expect(linked('Xi said so')).toEqual([]);
  });

  it('links "Xi" once "Xi Jinping" was seen in an earlier chunk of the page', () => {
    const state = createContextState();
    expect(linked('Xi Jinping arrived.', matcher, state)).toEqual([['Xi Jinping', 'xi-jinping', 'alias']]);
    expect(linked('Later, Xi said so.', matcher, state)).toEqual([['Xi', 'xi-jinping', 'context-full-name']]);
  });

  it('links "Xi" when the full name comes later in the same chunk', () => {
    expect(linked('Xi, or Xi Jinping in full')).toEqual([
      ['Xi', 'xi-jinping', 'context-full-name'],
      ['Xi Jinping', 'xi-jinping', 'alias'],
    ]);
  });

  it('links "Kremlin" next to "Putin" (context-nearby) but not far from any other entity', () => {
    expect(linked('The Kremlin said Putin would go.')).toEqual([
      ['Kremlin', 'kremlin', 'context-nearby'],
      ['Putin', 'putin', 'alias'],
    ]);
    expect(linked(`The Kremlin said so.${' filler'.repeat(60)} Putin.`)).toEqual([['Putin', 'putin', 'alias']]);
  });

  it('links a context alias with two other entities anywhere in the chunk', () => {
    const text = `Putin and Reuters.${' filler'.repeat(60)} The Kremlin said so.`;
    expect(linked(text)).toContainEqual(['Kremlin', 'kremlin', 'context-nearby']);
  });

  it('does not count context-linked mentions as context for others', () => {
    // "Xi" is linked by its full name in a previous chunk; "Kremlin" needs another direct link.
    const state = createContextState();
    linked('Xi Jinping', matcher, state);
    expect(linked('Xi and the Kremlin', matcher, state)).toEqual([['Xi', 'xi-jinping', 'context-full-name']]);
  });

  it('reports an ambiguous alias with all its candidates and no entity', () => {
    const [m] = resolveMentions(matcher, 'Georgia', scan(matcher, 'Georgia'));
    expect(m).toMatchObject({ entityId: null, candidates: ['georgia-country', 'georgia-state'], reason: 'ambiguous' });
  });

  it('resolves an ambiguous alias when exactly one candidate was named directly', () => {
    const m = createMatcher([...KB, { text: 'Republic of Georgia', entityIds: ['georgia-country'] }]);
    const state = createContextState();
    linked('The Republic of Georgia', m, state);
    expect(linked('Georgia said', m, state)).toEqual([['Georgia', 'georgia-country', 'context-full-name']]);
  });

  it('gives the surface, the alias end and the suffix end of each mention', () => {
    const [m] = resolveMentions(matcher, "Putin's", scan(matcher, "Putin's"));
    expect(m).toMatchObject({ start: 0, end: 5, suffixEnd: 7, surface: 'Putin' });
  });
});
