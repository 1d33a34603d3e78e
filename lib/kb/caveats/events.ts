// Claims grouped by the event they report: what happened (a predicate class),
// who took part (people, organisations, agreements, events) and where and when.
// Grouping by event, not by wording: two different Xi–Putin meetings read
// alike, two accounts of one phone call may not. Used to count corroboration
// by independent original sources and to find claims a later report overtakes.
import type { KbClaim } from '../document';
import type { Entity } from '../schema';

const PREDICATES: [string, RegExp][] = [
  ['meet', /\b(?:met(?! with (?:skepticism|scepticism|criticism|resistance|opposition|concern))|meet|meets|meeting|visit|visits|visited|talks)\b/i],
  ['call', /\b(?:phone call|called|conversation|video (?:call|conference))\b/i],
  ['sign', /\bsign(?:ed|ing|s)?\b/i],
  ['propose', /\b(?:proposal|proposes|proposed|peace plan|\d+-point|twelve-point)\b/i],
  ['warrant', /\barrest warrant\b/i],
  ['deny', /\b(?:denied|denies|deny)\b/i],
  ['down', /\b(?:shot down|downed|shot it down)\b/i],
  ['copy', /\b(?:copy|copying)\b/i],
];
const FUTURE = /\b(?:will|is going to|are going to|is set to|is expected to|plans to|To Meet)\b/;
const PAST = /\b(?:met(?! with (?:skepticism|scepticism|criticism))|held|visited)\b/;

export interface EventLinks {
  /** Claim id → claims about the same event in other reports or in the report's other telling. */
  same: Map<string, string[]>;
  /** Claim id → the later claim that overtakes it (a planned meeting that then took place). */
  supersededBy: Map<string, string>;
}

const RECURRING = new Set(['meet', 'call']);
/** Countries and continents are the backdrop, not where an event happened: told apart by their description ("Country …", "Continent …", "City-state …"). */
const COUNTRY_DESCRIPTION = /^(?:[\w-]+\s+)?(?:country|continent|city-state|nation|state)\b/i;

export function linkEvents(claims: readonly KbClaim[], entities: readonly Entity[], retells: ReadonlyMap<string, string | null>, reportDate: (id: string) => string): EventLinks {
  const type = new Map(entities.map((e) => [e.id, e.type]));
  const countries = new Set(entities.filter((e) => e.type === 'place' && COUNTRY_DESCRIPTION.test(e.description)).map((e) => e.id));
  // The war itself is the backdrop of nearly every claim: an event named in one claim in ten or more is not distinctive.
  const freq = new Map<string, number>();
  for (const c of claims) for (const e of c.entities) freq.set(e, (freq.get(e) ?? 0) + 1);
  const distinctive = (e: string) => type.get(e) !== 'person' && type.get(e) !== 'place' && type.get(e) !== 'organisation' && (freq.get(e) ?? 0) < claims.length / 10;
  const frames = claims.map((c) => ({
    c,
    predicates: PREDICATES.filter(([, re]) => re.test(c.text)).map(([p]) => p),
    people: c.entities.filter((e) => type.get(e) === 'person'),
    things: c.entities.filter(distinctive),
    cities: c.entities.filter((e) => type.get(e) === 'place' && !countries.has(e)),
    dates: c.dates.map((d) => d.value).filter((v): v is string => v !== null && v.length === 10),
  }));
  const month = (id: string) => reportDate(id).slice(0, 7);
  const same = new Map<string, string[]>();
  const add = (a: string, b: string) => same.set(a, [...(same.get(a) ?? []), b]);
  const sameEvent = (a: (typeof frames)[number], b: (typeof frames)[number]): boolean => {
    if (a.c.report === b.c.report) return retells.get(b.c.id) === a.c.id || retells.get(a.c.id) === b.c.id;
    const predicate = a.predicates.find((p) => b.predicates.includes(p));
    if (!predicate) return false;
    if (a.dates.length > 0 && b.dates.length > 0 && !a.dates.some((d) => b.dates.includes(d))) return false;
    if (a.cities.length > 0 && b.cities.length > 0 && !a.cities.some((x) => b.cities.includes(x))) return false;
    if (RECURRING.has(predicate)) {
      // Meetings and calls recur: the same two people, in reports of the same month.
      const people = a.people.filter((x) => b.people.includes(x));
      return people.length >= 2 && month(a.c.report) !== '' && month(a.c.report) === month(b.c.report);
    }
    return a.things.some((x) => b.things.includes(x));
  };
  for (let i = 0; i < frames.length; i++) {
    for (let j = i + 1; j < frames.length; j++) {
      if (!sameEvent(frames[i]!, frames[j]!)) continue;
      add(frames[i]!.c.id, frames[j]!.c.id);
      add(frames[j]!.c.id, frames[i]!.c.id);
    }
  }
  // A planned meeting ("is going to meet", "will visit") overtaken by a later report that it took place.
  const supersededBy = new Map<string, string>();
  for (const f of frames) {
    if (!FUTURE.test(f.c.text) || !f.predicates.includes('meet')) continue;
    const later = (same.get(f.c.id) ?? [])
      .map((id) => frames.find((x) => x.c.id === id)!)
      .filter((x) => x.c.report !== f.c.report && x.predicates.includes('meet') && PAST.test(x.c.text) && !FUTURE.test(x.c.text) && reportDate(x.c.report) >= reportDate(f.c.report))
      .sort((x, y) => reportDate(x.c.report).localeCompare(reportDate(y.c.report)) || x.c.id.localeCompare(y.c.id));
    if (later[0]) supersededBy.set(f.c.id, later[0].c.id);
  }
  return { same, supersededBy };
}
