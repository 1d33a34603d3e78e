// Attribution of sentences (who says it, in what role) and hedge cues.
import { describe, expect, it } from 'vitest';
import { attributeReport, attributeSentence, emptyContext, entityRoles, hedgeCues, hedgesIn, type MentionInSentence } from '../../lib/kb/attribution';
import type { ClaimantRole } from '../../lib/kb/document';
import type { EntityType } from '../../lib/kb/schema';

/** Mentions for the given names, found in the sentence. */
function at(sentence: string, ...names: [string, string, EntityType][]): MentionInSentence[] {
  return names
    .map(([surface, entity, type]) => {
      const start = sentence.indexOf(surface);
      return { start, end: start + surface.length, entity, type };
    })
    .sort((a, b) => a.start - b.start);
}

const roles = new Map<string, ClaimantRole>([
  ['der-spiegel', 'outlet'],
  ['bloomberg', 'outlet'],
  ['antony-blinken', 'party-official'],
  ['jens-stoltenberg', 'party-official'],
  ['mugin-limited', 'company'],
]);
const ctx = { ...emptyContext(), roleOf: (id: string) => roles.get(id) ?? null };

describe('attributeSentence', () => {
  it('reads an inverted speech tag after a quotation', () => {
    const s = '‘We have information that gives us concern,’ Blinken said last week in Munich.';
    expect(attributeSentence(s, at(s, ['Blinken', 'antony-blinken', 'person'], ['Munich', 'munich', 'place']), 'paper', ctx)).toMatchObject({
      claimant: 'Blinken',
      entity: 'antony-blinken',
      role: 'party-official',
      cue: 'said',
    });
  });

  it('gives "according to X, Y stated" to Y, via X', () => {
    const s = 'According to a Bloomberg report, officials who requested anonymity stated that companies engaged in discussions.';
    expect(attributeSentence(s, at(s, ['Bloomberg', 'bloomberg', 'organisation']), 'paper', ctx)).toMatchObject({
      claimant: 'officials who requested anonymity',
      role: 'anonymous-officials',
      via: 'a Bloomberg report',
    });
  });

  it('resolves "he" from the sentences before, not from a name inside the quotation', () => {
    const s = '‘China doesn’t have much credibility,’ he told reporters in Tallinn, adding Beijing had signed an agreement with Putin.';
    const withStoltenberg = { ...ctx, person: { name: 'Jens Stoltenberg', entity: 'jens-stoltenberg' } };
    expect(attributeSentence(s, at(s, ['Putin', 'vladimir-putin', 'person']), 'paper', withStoltenberg)).toMatchObject({ entity: 'jens-stoltenberg' });
  });

  it('classifies unnamed claimants', () => {
    const cases: [string, ClaimantRole][] = [
      ['European officials confirmed that the military has not yet deployed drones.', 'anonymous-officials'],
      ['Russia is in talks about buying drones, German press reported on Friday.', 'media-reports'],
      ['Weapons experts say the drone was not equipped with cameras.', 'analyst'],
      ['Speaking on Friday, a representative from the embassy said: ‘If it is neutral…’', 'anonymous-officials'],
    ];
    for (const [s, role] of cases) expect(attributeSentence(s, [], 'paper', ctx).role, s).toBe(role);
  });

  it('does not take "the United States" or "state media" for the verb "state"', () => {
    const a = 'In recent days, the United States, Germany and other countries have warned China.';
    expect(attributeSentence(a, [], 'paper', ctx).cue).not.toBe('States');
    const b = 'Xi consistently communicated with Putin, while the Chinese state media refrained from calling the war an invasion.';
    expect(attributeSentence(b, [], 'paper', ctx).role).toBe('reporter');
  });

  it('finds the subject before an aside', () => {
    const s = 'Chinese Foreign Ministry spokesman Wang Wenbin, without naming the United States, said some countries were fueling the situation.';
    expect(attributeSentence(s, at(s, ['Wang Wenbin', 'wang-wenbin', 'person']), 'paper', ctx)).toMatchObject({ entity: 'wang-wenbin', cue: 'said' });
  });

  it('resolves "the magazine" to the outlet named before, and marks an outlet that cites no sources', () => {
    const s = 'The magazine also said Bingo had plans to help establish a production site.';
    const c = { ...ctx, outlet: { name: 'Der Spiegel', entity: 'der-spiegel' }, outletsWithoutSources: new Set(['der-spiegel']) };
    expect(attributeSentence(s, [], 'paper', c)).toMatchObject({ claimant: 'Der Spiegel', entity: 'der-spiegel', role: 'outlet-unnamed-sources' });
  });

  it('leaves a sentence with no cue to the report', () => {
    expect(attributeSentence('Each drone costs $32 million to manufacture.', [], 'paper', ctx)).toEqual({ claimant: 'paper', entity: null, role: 'reporter', cue: '', via: null });
  });
});

describe('attributeReport', () => {
  it('carries who "he" and "it" are from sentence to sentence', () => {
    const text = 'Stoltenberg said China lacks credibility. He said there were signs. The magazine Der Spiegel reported a deal. It added details.';
    const sentences: [number, number][] = [];
    for (const m of text.matchAll(/[^.]+\./g)) sentences.push([m.index + (m[0].startsWith(' ') ? 1 : 0), m.index + m[0].length]);
    const mention = (surface: string, entity: string, type: EntityType) => {
      const start = text.indexOf(surface);
      return { start, end: start + surface.length, entity, type };
    };
    const out = attributeReport(text, sentences, [mention('Stoltenberg', 'jens-stoltenberg', 'person'), mention('China', 'china', 'place'), mention('Der Spiegel', 'der-spiegel', 'organisation')], 'paper', (id) => roles.get(id) ?? null);
    expect(out.map((s) => s.attribution.entity)).toEqual(['jens-stoltenberg', 'jens-stoltenberg', 'der-spiegel', 'der-spiegel']);
  });
});

describe('entityRoles', () => {
  it('reads roles from the gazetteer descriptions', () => {
    const r = entityRoles([
      { id: 'antony-blinken', type: 'person', description: 'US Secretary of State; said the United States had long been concerned.' },
      { id: 'jorge-toledo', type: 'person', description: "The European Union's ambassador to China." },
      { id: 'li-mingjiang', type: 'person', description: 'Professor of Chinese foreign policy at a university.' },
      { id: 'der-spiegel', type: 'organisation', description: 'German magazine that reported a Chinese firm was ready to make drones.' },
      { id: 'mugin-limited', type: 'organisation', description: 'Chinese drone maker based in Xiamen.' },
    ]);
    expect(Object.fromEntries(r)).toEqual({
      'antony-blinken': 'party-official',
      'jorge-toledo': 'official',
      'li-mingjiang': 'analyst',
      'der-spiegel': 'outlet',
      'mugin-limited': 'company',
    });
  });
});

describe('hedges', () => {
  it('finds doubt about the claim', () => {
    expect(hedgesIn('It may or may not be a coincidence, but the timing matters.')).toEqual(['may or may not']);
    expect(hedgesIn('This year, they have reportedly initiated research.')).toEqual(['reportedly']);
    expect(hedgesIn('Russia is believed to have bought weaponry from Iran.')).toEqual(['is believed to']);
    expect(hedgesIn('There are rumors that Xi might hold a video conference.')).toEqual(['rumors', 'might']);
    expect(hedgesIn('Though there is no official confirmation, China has been engaging.')).toEqual(['no official confirmation']);
    expect(hedgesIn('This development could signal China’s readiness.')).toEqual(['could signal']);
  });

  it('does not count capability, warnings, futures in reported speech, or the month of May', () => {
    for (const s of [
      'Der Spiegel said the drone could carry a 35-50kg warhead.',
      'A production site where up to 100 aircraft could be made a month.',
      'He said the situation could go beyond everyone’s control.',
      'Any such move would have severe consequences.',
      'Putin would give Xi thorough clarifications.',
      'China presents itself as a possible peacemaker.',
      'Drones that may carry explosives were shown.',
      'The talks were held on May 9.',
    ]) {
      expect(hedgesIn(s), s).toEqual([]);
    }
  });

  it('reports where each cue is', () => {
    const s = 'Stoltenberg said there were signs that it might.';
    const [cue] = hedgeCues(s);
    expect(s.slice(cue!.start, cue!.end)).toBe('might');
  });
});

describe('a speech tag after a quotation, description then name', () => {
  it('credits "“…,” its commercial director, Nikos Arvanitis, said" to the named director', () => {
    const a = attributeSentence('"Our products are tested batch by batch," its commercial director, Nikos Arvanitis, said in a statement.', [{ start: 67, end: 82, entity: 'p1', type: 'person' }], 'The Wire');
    expect(a.role).not.toBe('reporter');
    expect(a.entity).toBe('p1');
  });
});
