// The linker's output in a page, for the UI (lib/link/page-corrections.ts):
// "Not this" applied as each block is linked (the corrected link is not
// returned and is listed as not linked, "you said so"), the card's one line
// and the other entity it offers, and the panel's "Not linked" list.
import { describe, expect, it } from 'vitest';
import type { KbDocument } from '../../lib/kb/document';
import { addCorrection, readCorrections, removeCorrection, type CorrectionsData } from '../../lib/link/correct';
import { compilePageMatcher } from '../../lib/link/data';
import { createLinkState, linkText } from '../../lib/link/linker';
import { explainLink, notLinkedList, withCorrections } from '../../lib/link/page-corrections';
import { hydrateMatcher } from '../../lib/match/compile';
import { spotText, useLinker } from '../../lib/page/core/spot';

useLinker(linkText);

const alias = (text: string, over: Record<string, unknown> = {}) => ({ text, case: 'any', shortForm: false, shared: false, qualifiers: [], needsContext: false, nonstandard: false, reportsOnly: false, ...over });
const entity = (id: string, name: string, type: string, related: string[], extra: ReturnType<typeof alias>[] = []) => ({
  id,
  name,
  type,
  aliases: [alias(name), ...extra],
  related: related.map((r) => ({ id: r, count: 1 })),
});
// Two entries share "Alder"; "Ferrow" is a place name other places share too.
const kb = {
  reports: [],
  entities: [
    entity('alder-town', 'Alder Town', 'place', ['river-board'], [alias('Alder', { case: 'capitalised', needsContext: true })]),
    entity('alder-corp', 'Alder Corporation', 'organisation', [], [alias('Alder', { case: 'capitalised', needsContext: true })]),
    entity('river-board', 'River Board', 'organisation', ['alder-town']),
    entity('ferrow', 'Ferrow', 'place', ['river-board'], []),
  ],
} as unknown as Pick<KbDocument, 'entities' | 'reports'>;
kb.entities[3]!.aliases[0] = alias('Ferrow', { case: 'capitalised', shared: true }) as never;
const matcher = hydrateMatcher(compilePageMatcher(kb));
const TEXT = 'The River Board met in Alder on Monday.';

describe('"Not this" as the page is linked', () => {
  it('drops the corrected link on that site only, lists it as not linked in plain words, and undo brings it back', () => {
    let file: CorrectionsData = addCorrection({ version: 1, corrections: [] }, { site: 'news.example', surface: 'ALDER', entity: 'alder-town', at: 1 });
    const spot = withCorrections(spotText, () => file, 'news.example');
    const state = createLinkState('');
    const links = spot(matcher, TEXT, state);
    expect(links.map((m) => m.surface)).toEqual(['River Board']);
    expect(notLinkedList(matcher, state)).toContainEqual({ surface: 'Alder', reason: 'You said “Alder” on this site is not Alder Town (undo in Backstory’s settings)', count: 1 });
    // Another site: linked as before.
    expect(withCorrections(spotText, () => file, 'other.example')(matcher, TEXT, createLinkState('')).map((m) => m.entityId)).toEqual(['river-board', 'alder-town']);
    // Undo: read again, linked again.
    file = removeCorrection(file, { site: 'news.example', surface: 'Alder', entity: 'alder-town' });
    expect(spot(matcher, TEXT, createLinkState('')).map((m) => m.entityId)).toEqual(['river-board', 'alder-town']);
  });

  it('reads stored corrections without zod: well-formed entries only, anything else is none', () => {
    const good = { site: 'a.example', surface: 'alder', entity: 'alder-town', at: 3 };
    expect(readCorrections({ version: 1, corrections: [good, { ...good, site: '' }, { ...good, at: -1 }, { ...good, extra: 1 }, 'x'] })).toEqual({ version: 1, corrections: [good] });
    expect(readCorrections(undefined)).toEqual({ version: 1, corrections: [] });
    expect(readCorrections({ version: 2, corrections: [good] })).toEqual({ version: 1, corrections: [] });
    expect(() => addCorrection({ version: 1, corrections: [] }, { site: ' ', surface: 'Alder', entity: 'alder-town', at: 1 })).toThrow(/Not a correction/);
  });
});

describe('the card and the panel in plain words', () => {
  it('the card gets one line on why, and the other entry of the name to offer', () => {
    const [, alder] = spotText(matcher, TEXT, createLinkState(''));
    expect(explainLink(matcher, alder!)).toEqual({ why: 'Linked because the page also mentions River Board', alternatives: [{ id: 'alder-corp', name: 'Alder Corporation' }] });
    const [board] = spotText(matcher, TEXT, createLinkState(''));
    expect(explainLink(matcher, board!)).toEqual({ why: 'Named on this page', alternatives: [] });
  });

  it('the panel lists each name once per reason, with how often, in reading order', () => {
    const state = createLinkState('');
    spotText(matcher, 'Ferrow is quiet in winter. Ferrow has a bakery.', state);
    const list = notLinkedList(matcher, state);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ surface: 'Ferrow', count: 2 });
    expect(list[0]!.reason).toMatch(/^Could be another Ferrow: too little else on this page is about Ferrow’s world \(such as River Board\)$/);
  });
});
