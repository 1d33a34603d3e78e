// Self-serving and interested-party classes found missing on held-out set 9 (#15). Fixture reports written for this
// test (not set 9's text). Controls: a neutral speaker, the report's own voice, an expert who is not a side.
import { describe, expect, it } from 'vitest';
import { selfServingQuotes as selfServing, interestedQuotes as interested } from '../support/report-caveats';

describe('a side accusing the other side', () => {
  it('a body with an apposition of several commas before "accused"', () => {
    const q = interested('The Lakeside Tenants Alliance, a coalition of renters, churches and small shops, accused the landlord of "squeezing families out to sell the flats to investors".');
    expect(q.some((x) => x.startsWith('accused the landlord of'))).toBe(true);
  });

  it('an opposition MP named in the tag, in their own quoted words', () => {
    const q = interested('Opposition MP Dilrukshi Perera accused the government of "selling the port to its friends" on Monday.');
    expect(q.some((x) => x.startsWith('accused the government of'))).toBe(true);
  });

  it('an independent member of parliament is a politician, not a neutral expert', () => {
    const q = interested(
      'B. Ganbold, an independent member of parliament who voted against the deal, spoke in the debate.',
      'He accused the company of "dictating our budget from a boardroom in London".',
    );
    expect(q.some((x) => x.startsWith('accused the company of'))).toBe(true);
  });

  it('control: an independent analyst’s charge stays a neutral view', () => {
    expect(interested('Sara Lindqvist, an independent analyst, accused the company of "dictating the budget".')).toEqual([]);
  });
});

describe('a side’s hostile words for the other side', () => {
  it.each([
    ['"a judicial coup"', 'The candidate’s campaign manager, Luis Paredes, called the ruling "a judicial coup against the voters of the south".', 'a judicial coup'],
    ['"a smokescreen for years of neglect"', 'The Hauliers’ Forum rejected the council’s account. Its chairman, Sipho Ndlovu, called the claim "a smokescreen for years of neglect".', 'a smokescreen'],
    ['"treated us like …"', 'The herders’ leader, Anne Kalstad, who leads the Vidda grazing district, said the company had "treated us like dirt".', 'treated us like dirt'],
  ])('%s', (_, text, words) => {
    expect(interested(text).join(' ')).toContain(words);
  });

  it('control: the report’s own words', () => {
    expect(interested('Critics of the ruling have compared it to a judicial coup, though no party has said so.')).toEqual([]);
  });
});

describe('a body putting its failure on another party', () => {
  it('"It blames the failure on sabotage by a … mafia" after the body spoke', () => {
    const q = interested('The municipality says the outage was caused by two burnt-out transformers. It blames the failure on "sabotage by a cable-theft syndicate".');
    expect(q.join(' ')).toContain('blames the failure on');
  });

  it('control: "It blames" with no body speaking before it', () => {
    expect(interested('Water has been cut for a week. It blames the failure on sabotage, one resident wrote on a notice.')).toEqual([]);
  });
});

describe('a body vouching for its own conduct or product', () => {
  it.each([
    ['"industry-leading … standards"', 'Ridewell chief executive Pia Holm said the company had "always met industry-leading privacy standards".', 'industry-leading privacy standards'],
    ['"fully transparent"', 'The hospital’s director, Ana Pop, said the hospital’s buying had been "fully transparent".', 'fully transparent'],
    ['"consultation has been thorough"', 'Nordfjord Seafood said it had met the villagers five times and that "consultation has been thorough".', 'consultation has been thorough'],
    ['"faster than any municipality"', 'The mayor, Thandi Zulu, said the municipality had "restored power faster than any municipality in the region".', 'faster than any municipality'],
    ['"remain among the lowest in"', 'In a filing, the utility’s finance director, Mark Olsen, said its tariffs "remain among the lowest in the state".', 'among the lowest in the state'],
  ])('%s', (_, text, words) => {
    expect(selfServing(text).join(' ')).toContain(words);
  });

  it('control: the report’s own comparison', () => {
    expect(selfServing('Tariffs in the county remain among the lowest in the state, according to the regulator’s annual report.')).toEqual([]);
  });
});
