// The card components (components/card) rendered in happy-dom with synthetic
// cards: content, labels, accessibility, actions, escaping, disambiguation.
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CardPopover, type CardState } from '../../components/card/CardPopover';
import { CaveatBadge } from '../../components/card/CaveatBadge';
import { DisambiguationCard } from '../../components/card/DisambiguationCard';
import { EntityCardView } from '../../components/card/EntityCardView';
import { FactList } from '../../components/card/FactList';
import { ReportRef } from '../../components/card/ReportRef';
import type { CardCaveat, EntityCard, ReportRef as ReportRefData } from '../../lib/kb/card';
import { pageText } from '../../lib/shared/page-claims';

const report = (over: Partial<ReportRefData> = {}): ReportRefData => ({
  id: '001_5b362b16a11063f8',
  headline: 'While China proposes Peace Plan in Ukraine, it Begins to Arm Russia with Drones',
  publisher: 'unknown',
  url: null,
  date: '2023-02-24',
  dateInferred: false,
  dateReason: 'The byline states it.',
  republishedFrom: null,
  ...over,
});

const caveat = (over: Partial<CardCaveat> = {}): CardCaveat => ({
  id: 'c1',
  kind: 'misspelling',
  severity: 'low',
  label: 'Misspelling: Shahed-136',
  explanation: 'The Iranian drone is the Shahed-136.',
  reasoning: 'Standard spelling.',
  origin: 'editor',
  quote: 'Shaheed-136',
  start: 2699,
  end: 2710,
  report: report(),
  ...over,
});

function card(over: Partial<EntityCard> = {}): EntityCard {
  return {
    id: 'shahed-136',
    type: 'weapon',
    name: 'Shahed-136',
    description: "Iranian 'suicide' drone.",
    descriptionSource: { quote: 'Iran’s Shaheed-136 suicide drone', report: report() },
    spellings: [{ text: 'Shaheed-136', note: 'Misspelling in report 001.', reports: [report()] }],
    aliases: ['Shahed-136', 'Shahed drone'],
    facts: [
      {
        claim: '001_5b362b16a11063f8@2635',
        quote: 'On the Chinese drone, Der Spiegel said it was similar to Iran’s Shaheed-136 suicide drone.',
        report: report(),
        attribution: { claimant: 'Der Spiegel', entity: 'der-spiegel', role: 'outlet', cue: 'said', via: 'German press' },
        hedges: [],
        caveats: ['c1'],
      },
      {
        claim: '002_f51bdca7fe481995@6900',
        quote: 'Russia has ramped up production of Shahed drones locally.',
        report: report({ id: '002_f51bdca7fe481995', headline: 'Xi Jinping met with Putin', publisher: 'Anue Juheng', date: '2024-07', dateInferred: true, dateReason: 'Worked out from the BRICS chair.' }),
        attribution: { claimant: 'Anue Juheng', entity: null, role: 'reporter', cue: '', via: null },
        hedges: ['reportedly'],
        caveats: [],
      },
    ],
    reports: [{ ...report(), snippet: 'On the Chinese drone, Der Spiegel said…', mentions: 1, claim: '001_5b362b16a11063f8@2635' }],
    caveats: [caveat({ id: 'c0', severity: 'high', label: 'Wrong date', kind: 'wrong-date', origin: 'auto' }), caveat()],
    related: [{ id: 'iran', name: 'Iran', type: 'place', count: 3 }],
    dates: [],
    totals: { facts: 7, reports: 1, caveats: 2 },
    ...over,
  };
}

let host: HTMLElement | null = null;
function mount(node: preact.ComponentChild): HTMLElement {
  host = document.createElement('div');
  document.body.appendChild(host);
  render(node, host);
  return host;
}
afterEach(() => {
  if (host) render(null, host);
  host?.remove();
  host = null;
});

describe('entity card', () => {
  it('shows description and source, facts with their reports, caveats, spellings, reports, related and why', () => {
    const el = mount(<EntityCardView card={card()} mention={{ surface: 'Shahed‑136', alias: 'Shahed-136', reason: 'alias' }} />);
    const text = el.textContent!;
    expect(text).toContain("Iranian 'suicide' drone.");
    expect(el.querySelector('.bs-source summary')!.textContent).toContain('While China proposes Peace Plan');
    expect(el.querySelector('.bs-source .bs-quote')!.textContent).toBe('Iran’s Shaheed-136 suicide drone');
    // Facts: exact quote, report headline, publisher, date; "inferred" only for the inferred date.
    const facts = [...el.querySelectorAll('.bs-fact')];
    expect(facts).toHaveLength(2);
    expect(facts[0]!.querySelector('.bs-quote')!.textContent).toBe('On the Chinese drone, Der Spiegel said it was similar to Iran’s Shaheed-136 suicide drone.');
    expect(facts[0]!.textContent).toContain('Attributed to Der Spiegel · said · via German press');
    expect(facts[0]!.textContent).toContain('Publisher unknown');
    expect(facts[0]!.textContent).toContain('24 February 2023');
    expect(facts[0]!.textContent).not.toContain('inferred');
    expect(facts[1]!.textContent).toContain('July 2024');
    expect(facts[1]!.textContent).toContain('inferred');
    expect(facts[1]!.textContent).toContain('hedged: reportedly');
    expect(text).toContain('Showing 2 of 7 facts.');
    // Caveat badges carry the severity in words, most severe first.
    const badges = [...el.querySelectorAll('.bs-caveats .bs-badge')].map((b) => b.textContent);
    expect(badges).toEqual(['▲ High severity:Wrong date', '● Low severity:Misspelling: Shahed-136']);
    expect(el.querySelector('.bs-summary')!.textContent).toContain('1 high');
    expect(text).toContain('Spelled “Shaheed-136” in While China proposes Peace Plan');
    expect(text).toContain('Why this link: exact name');
    expect(text).toContain('“Shahed‑136” (the name “Shahed-136”) is a name of this entry.');
    expect([...el.querySelectorAll('.bs-chip')].map((c) => c.textContent)).toEqual(['Iran']);
  });

  it('hides caveats when the setting is off', () => {
    const el = mount(<EntityCardView card={card()} showCaveats={false} />);
    expect(el.querySelector('.bs-caveats')).toBeNull();
    expect(el.querySelector('.bs-summary')).toBeNull();
    expect(el.querySelector('.bs-fact-flags')).toBeNull();
    expect(el.textContent).not.toContain('Why this link'); // no mention given
  });

  it('asks to open a report at its quote, and to show a related entity', () => {
    const onOpenReport = vi.fn();
    const onSelectEntity = vi.fn();
    const el = mount(<EntityCardView card={card()} onOpenReport={onOpenReport} onSelectEntity={onSelectEntity} />);
    (el.querySelector('button.bs-report') as HTMLButtonElement).click();
    expect(onOpenReport).toHaveBeenLastCalledWith({ id: '001_5b362b16a11063f8', quoteStart: 2635, quoteEnd: 2635 + 'On the Chinese drone, Der Spiegel said'.length });
    (el.querySelector('.bs-fact .bs-linkish') as HTMLButtonElement).click();
    expect(onOpenReport).toHaveBeenLastCalledWith({ id: '001_5b362b16a11063f8', quoteStart: 2635, quoteEnd: 2635 + card().facts[0]!.quote.length });
    (el.querySelector('.bs-caveat .bs-linkish') as HTMLButtonElement).click();
    expect(onOpenReport).toHaveBeenLastCalledWith({ id: '001_5b362b16a11063f8', quoteStart: 2699, quoteEnd: 2710 });
    (el.querySelector('.bs-chip') as HTMLButtonElement).click();
    expect(onSelectEntity).toHaveBeenCalledWith('iran');
  });

  it('renders page and KB text as text, never as markup', () => {
    const evil = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const el = mount(<EntityCardView card={card({ name: evil, description: evil })} mention={{ surface: evil, alias: evil, reason: 'alias' }} />);
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('script')).toBeNull();
    expect(el.textContent).toContain(evil);
  });
});

describe('card popover (the dialog)', () => {
  const state: CardState = { kind: 'entity', card: card(), mention: { surface: 'Shahed-136', alias: 'Shahed-136', reason: 'alias' } };

  it('is a dialog labelled by the entity’s name, with close and settings buttons', () => {
    const onClose = vi.fn();
    const onSettings = vi.fn();
    const el = mount(<CardPopover state={state} titleId="t1" theme="dark" showCaveats onClose={onClose} onSettings={onSettings} />);
    const dialog = el.querySelector('[role=dialog]')!;
    expect(dialog.getAttribute('aria-labelledby')).toBe('t1');
    expect(el.querySelector('#t1')!.textContent).toBe('Shahed-136');
    expect(dialog.className).toContain('bs-theme-dark');
    expect(el.querySelector('.bs-kicker')!.textContent).toBe('Weapon');
    (el.querySelector('[aria-label="Close"]') as HTMLButtonElement).click();
    (el.querySelector('[aria-label="Backstory settings"]') as HTMLButtonElement).click();
    expect(onClose).toHaveBeenCalledOnce();
    expect(onSettings).toHaveBeenCalledOnce();
    expect(el.querySelector('[aria-label="Back"]')).toBeNull();
  });

  it('shows loading and error states as labelled dialogs too', () => {
    let el = mount(<CardPopover state={{ kind: 'loading', surface: 'Putin' }} titleId="t2" theme="light" showCaveats />);
    expect(el.querySelector('[role=dialog]')!.getAttribute('aria-busy')).toBe('true');
    expect(el.querySelector('#t2')!.textContent).toBe('Putin');
    render(null, el);
    el.remove();
    el = mount(<CardPopover state={{ kind: 'error', surface: 'Putin', message: 'Not available.' }} titleId="t3" theme="light" showCaveats />);
    expect(el.textContent).toContain('Not available.');
  });
});

describe('disambiguation card', () => {
  const a = card({ id: 'bingo-company', name: 'Xi’an Bingo', type: 'organisation', description: 'A drone maker in Xi’an.' });
  const b = card({ id: 'bingo-game', name: 'Bingo (game)', type: 'event', description: 'A game of chance.' });

  it('lists every candidate instead of guessing, and lets the reader choose', () => {
    const onSelectEntity = vi.fn();
    const el = mount(<DisambiguationCard surface="Bingo" candidates={[a, b, null]} onSelectEntity={onSelectEntity} />);
    expect(el.textContent).toContain('“Bingo” fits 2 entries in the reports. Backstory does not guess');
    const choices = [...el.querySelectorAll('.bs-choice')];
    expect(choices.map((c) => c.querySelector('.bs-choice-name')!.textContent)).toEqual(['Xi’an Bingo', 'Bingo (game)']);
    expect(choices[0]!.textContent).toContain('Organisation');
    (choices[1] as HTMLButtonElement).click();
    expect(onSelectEntity).toHaveBeenCalledWith('bingo-game');
  });

  it('is a labelled dialog in the popover', () => {
    const el = mount(
      <CardPopover state={{ kind: 'ambiguous', surface: 'Bingo', candidates: [a, b], mention: { surface: 'Bingo', alias: 'Bingo', reason: 'ambiguous' } }} titleId="t4" theme="light" showCaveats />,
    );
    expect(el.querySelector('#t4')!.textContent).toBe('Which “Bingo”?');
    expect(el.querySelector('.bs-kicker')!.textContent).toBe('Ambiguous name');
    expect(el.querySelectorAll('.bs-choice')).toHaveLength(2);
  });

  it('opened from the page, offers "None of these" (the reader\'s correction)', () => {
    const onNotThis = vi.fn();
    const el = mount(
      <CardPopover state={{ kind: 'ambiguous', surface: 'Bingo', candidates: [a, b], mention: { surface: 'Bingo', alias: 'Bingo', reason: 'ambiguous' } }} titleId="t5" theme="light" showCaveats onNotThis={onNotThis} />,
    );
    const button = el.querySelector('[data-part=not-this]') as HTMLButtonElement;
    expect(button.textContent).toBe('None of these');
    button.click();
    expect(onNotThis).toHaveBeenCalledTimes(1);
  });
});

describe('small pieces', () => {
  it('a caveat badge says its severity in words (visually hidden when compact)', () => {
    const el = mount(<CaveatBadge severity="medium" label="Anonymous source" compact />);
    expect(el.textContent).toBe('◆ Medium severity:Anonymous source');
    expect(el.querySelector('.bs-sr')!.textContent).toBe(' Medium');
  });

  it('a report reference shows publisher and date, marking inferred dates and republications', () => {
    const el = mount(<ReportRef report={report({ publisher: 'InduQin', date: '2023-03', dateInferred: true, republishedFrom: 'Swarajya' })} />);
    expect(el.textContent).toBe('While China proposes Peace Plan in Ukraine, it Begins to Arm Russia with DronesInduQin · March 2023inferredvia Swarajya');
  });

  it('a fact list without caveats shows no badges', () => {
    const el = mount(<FactList facts={card().facts} />);
    expect(el.querySelectorAll('.bs-badge')).toHaveLength(0);
    expect(el.querySelectorAll('li')).toHaveLength(2);
  });
});

describe('the card preview (issue #16)', () => {
  const entity = (over: Partial<EntityCard> = {}): CardState => ({ kind: 'entity', card: card(over), mention: null });

  it('shows its parts in order: what, support, the fact for this page with its source, caveat lines with whose, More', () => {
    const onMore = vi.fn();
    const onOpenReport = vi.fn();
    const el = mount(<CardPopover state={entity()} titleId="t" theme="light" showCaveats onMore={onMore} onOpenReport={onOpenReport} page={pageText(['Russia has ramped up production of Shahed drones locally, officials say.'])} />);
    expect([...el.querySelectorAll('[data-part]')].map((e) => e.getAttribute('data-part'))).toEqual(['what', 'support', 'fact', 'caveats', 'more']);
    // The fact the page shares words with comes first, named by publisher and date.
    expect(el.querySelector('[data-part=fact] .bs-quote')!.textContent).toBe('Russia has ramped up production of Shahed drones locally.');
    expect(el.querySelector('.bs-pv-source')!.textContent).toBe('Anue Juheng’s report of July 2024');
    expect([...el.querySelectorAll('[data-part=caveats] li')].map((li) => li.textContent)).toEqual(['In a report of 24 February 2023: it gives a wrong date.', 'In a report of 24 February 2023: a name is misspelled.']);
    expect(el.textContent).not.toMatch(/\d{3}_[0-9a-f]{16}|Why this link|Key facts/);
    (el.querySelector('[data-part=more]') as HTMLButtonElement).click();
    expect(onMore).toHaveBeenCalledWith('shahed-136');
    (el.querySelector('.bs-pv-source') as HTMLButtonElement).click();
    expect(onOpenReport).toHaveBeenCalledWith({ id: '002_f51bdca7fe481995', quoteStart: 6900, quoteEnd: 6900 + 'Russia has ramped up production of Shahed drones locally.'.length });
  });

  it('opened from the page: one plain line on why, "Or did you mean …?" for the other entry of the name, and "Not this"', () => {
    const onChoose = vi.fn();
    const onNotThis = vi.fn();
    const state: CardState = {
      kind: 'entity',
      card: card(),
      mention: { surface: 'Shahed', alias: 'Shahed', reason: 'context-nearby' },
      link: { why: 'Linked because the page also mentions Iran', alternatives: [{ id: 'shahed-149', name: 'Shahed-149 Gaza' }] },
    };
    const el = mount(<CardPopover state={state} titleId="t" theme="light" showCaveats onChoose={onChoose} onNotThis={onNotThis} />);
    expect([...el.querySelectorAll('[data-part]')].map((e) => e.getAttribute('data-part')).slice(-3)).toEqual(['why', 'more', 'not-this']);
    expect(el.querySelector('[data-part=why]')!.textContent).toBe('Linked because the page also mentions Iran. Or did you mean Shahed-149 Gaza?');
    (el.querySelector('.bs-pv-other') as HTMLButtonElement).click();
    expect(onChoose).toHaveBeenCalledWith('shahed-149');
    (el.querySelector('[data-part=not-this]') as HTMLButtonElement).click();
    expect(onNotThis).toHaveBeenCalledTimes(1);
    // A card reached from another card (no words on the page behind it) offers neither.
    const plain = mount(<CardPopover state={{ kind: 'entity', card: card(), mention: null }} titleId="t" theme="light" showCaveats onNotThis={onNotThis} />);
    expect(plain.querySelector('[data-part=why], [data-part=not-this]')).toBeNull();
  });

  it('says the page repeats a caveated claim only when the page makes it; no caveat lines when caveats are off', () => {
    const over = { caveats: [caveat({ id: 'c1', kind: 'anonymous-source', severity: 'medium', label: 'Anonymous source', quote: 'Der Spiegel said' })] };
    const repeating = pageText(['On the Chinese drone, Der Spiegel said it was similar to Iran’s Shaheed-136 suicide drone.']);
    let el = mount(<CardPopover state={entity(over)} titleId="t" theme="light" showCaveats page={repeating} />);
    expect(el.querySelector('[data-part=repeats]')!.textContent).toBe('This page repeats a claim that rests on unnamed sources (a report of 24 February 2023).');
    el = mount(<CardPopover state={entity(over)} titleId="t" theme="light" showCaveats page={pageText(['Iran makes drones. Der Spiegel is a magazine.'])} />);
    expect(el.querySelector('[data-part=repeats]')).toBeNull();
    el = mount(<CardPopover state={entity(over)} titleId="t" theme="light" showCaveats={false} page={repeating} />);
    expect(el.querySelector('[data-part=repeats], [data-part=caveats]')).toBeNull();
  });
});
