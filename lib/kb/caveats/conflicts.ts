// Statements about the same thing that disagree, within a report or across
// reports. Claims are grouped by what they are about (an event frame: who or
// what, where, when), never by how similar their wording is.
//   - presence: "shot down a China-made drone" in Ukraine vs "has not yet
//     deployed Chinese drones in Ukraine";
//   - relative timing of one event: "weeks before the invasion" vs "only days
//     before the invasion" (vague "just before" is compatible with either);
//   - a supplier says it stopped supplying a party, while a report places its
//     product with that party;
//   - counts in names of one thing ("12-point" vs "twelve-point" agree).
import { capitalise } from './statements';
import { demonymEntity, PARTIES, PARTY_WORDS, partyOf, partyOfNamed, type Party } from '../parties';
import { statedDates } from '../dates';
import { cardinal, clauseAt } from './text';
import type { CaveatDraft } from './types';
import { quoteDraft, type Corpus, type ReportView, type SentenceView } from './view';

interface Statement {
  view: ReportView;
  s: SentenceView;
  start: number;
  end: number;
  /** What the statement says, for explanations. */
  text: string;
}

// The origins a weapon can be named by ("Chinese", "China-made", "US-made"), from data/parties.json.
const ORIGINS = new Map<string, string>();
const ORIGIN_FORMS: string[] = [];
for (const p of PARTIES) {
  const label = p.demonym ?? p.name;
  const forms = [...(p.demonym ? [p.demonym] : []), ...[p.name, ...p.words, ...(p.demonym ? [p.demonym] : [])].filter((w) => !w.includes(' ')).map((w) => `${w}-made`)];
  for (const f of forms) {
    ORIGINS.set(f.toLowerCase(), label);
    ORIGIN_FORMS.push(f);
  }
}
const ORIGIN_RE = `(${[...new Set(ORIGIN_FORMS)].sort((a, b) => b.length - a.length).map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`;
const NP = `${ORIGIN_RE}(?:\\s+[A-Z][\\w-]*){0,2}\\s+(drones?|UAVs?)`;
const POSITIVE = [
  new RegExp(`\\b(?:shot down|downed|destroyed|intercepted|destruction of|deployed|used|launched)\\s+(?:a|an|the|two|several)?\\s*${NP}`, 'g'),
  new RegExp(`${NP}\\s+(?:deployed|used)\\s+(?:\\w+\\s+)?by\\b`, 'g'),
];
const NEGATIVE = [
  new RegExp(`\\b(?:has|have|had)\\s+not\\s+(?:yet\\s+)?(?:deployed|used|fielded)\\s+${NP}`, 'g'),
  new RegExp(`${NP}\\s+(?:has|have)(?:n[’']t|\\s+not)\\s+(?:yet\\s+)?been\\s+(?:deployed|used|fielded)`, 'g'),
];

/** Narrow a clause to what follows its last "that" ("… confirmed that X" → X). */
function afterThat(text: string, cs: number, at: number): number {
  const part = text.slice(cs, at);
  const i = part.lastIndexOf(' that ');
  return i >= 0 ? cs + i + ' that '.length : cs;
}

type Presence = { key: string; polarity: boolean; st: Statement; origin: string; where: string };

function presenceFrames(corpus: Corpus): Presence[] {
  const out: Presence[] = [];
  for (const view of corpus.reports) {
    for (const s of view.sentences) {
      // Where: a place the sentence names after "in", "over", "into" or "toward(s)", else the first place it names.
      const places = s.mentions.filter((m) => m.type === 'place');
      const place = places.find((m) => /\b(?:in|over|into|toward|towards)\s+(?:the\s+)?$/.test(s.text.slice(Math.max(0, m.start - 12), m.start))) ?? places[0];
      if (!place) continue;
      const where = corpus.entityById.get(place.entity)?.name ?? s.text.slice(place.start, place.end);
      for (const [res, polarity] of [[NEGATIVE, false], [POSITIVE, true]] as const) {
        for (const re of res) {
          re.lastIndex = 0;
          for (const m of s.text.matchAll(re)) {
            const origin = ORIGINS.get(m[1]!.toLowerCase()) ?? m[1]!;
            const [cs, ce] = clauseAt(s.text, m.index);
            const from = afterThat(s.text, cs, m.index);
            const st: Statement = { view, s, start: s.start + from, end: s.start + ce, text: s.text.slice(from, ce) };
            if (out.some((f) => f.st.s === s && f.origin === origin)) continue;
            out.push({ key: `${origin}|drone|${place.entity}`, polarity, st, origin, where });
          }
        }
      }
    }
  }
  return out;
}

/** A statement as other caveats cite it: "report 000 (2023-03, Ukraine’s military authorities): “…”". */
function describe(st: Statement, from?: ReportView): string {
  const a = st.s.attribution;
  if (from && from.id === st.view.id) return `elsewhere this report${a.role === 'reporter' ? '' : ` (${a.claimant})`} says “${st.text}”`;
  const who = a.role === 'reporter' ? '' : `, ${a.claimant}`;
  return `report ${st.view.id.slice(0, 3)} (${st.view.date}${who}): “${st.text}”`;
}


export function conflictFindings(corpus: Corpus): CaveatDraft[] {
  const out: CaveatDraft[] = [];

  // 1. Presence of a kind of weapon in a place.
  const frames = presenceFrames(corpus);
  const keys = [...new Set(frames.map((f) => f.key))];
  for (const key of keys) {
    const yes = frames.filter((f) => f.key === key && f.polarity);
    const no = frames.filter((f) => f.key === key && !f.polarity);
    if (yes.length === 0 || no.length === 0) continue;
    for (const [side, other] of [
      [yes, no],
      [no, yes],
    ] as const) {
      const byReport = new Map<string, typeof side>();
      for (const f of side) byReport.set(f.st.view.id, [...(byReport.get(f.st.view.id) ?? []), f]);
      for (const [, fs] of byReport) {
        // Quote the body rather than the headline when the report has both.
        const ordered = [...fs].sort((a, b) => Number(a.st.s === a.st.view.headline) - Number(b.st.s === b.st.view.headline) || a.st.start - b.st.start);
        const main = ordered[0]!;
        const origin = main.origin;
        const says = main.polarity ? `${origin} drones have been used in ${main.where}` : `${origin} drones have not been deployed in ${main.where}`;
        // In the explanation, each other report by its main statement (its body rather than its headline).
        const otherMain = [...new Map([...other].sort((a, b) => Number(a.st.s === a.st.view.headline) - Number(b.st.s === b.st.view.headline)).reverse().map((o) => [o.st.view.id, o])).values()];
        out.push(
          quoteDraft(main.st.view, main.st.start, main.st.end, {
            kind: 'conflict',
            severity: 'medium',
            label: 'Reports disagree',
            explanation: `This says, in effect, that ${says}; ${otherMain.map((o) => describe(o.st)).join('; ')} reports otherwise. The reports do not reconcile the two, and neither says whether the other is wrong.`,
            reasoning: 'Rule presence-conflict: statements about whether weapons of one origin are present in one place, with opposite polarity, grouped by (origin, weapon, place).',
            rule: 'presence-conflict',
            confidence: 0.7,
            context: `Other side: ${other.map((o) => describe(o.st)).join('; ')}`,
            related: other.map((o) => ({ report: o.st.view.id, quote: o.st.text })),
            appearances: ordered.slice(1).map((f) => ({ report: f.st.view.id, quote: f.st.text, start: f.st.start })),
            claimant: { name: main.st.s.attribution.claimant, role: main.st.s.attribution.role, entity: main.st.s.attribution.entity },
            entities: [
              ...new Set([
                ...(corpus.entityById.has(demonymEntity(origin) ?? '') ? [demonymEntity(origin)!] : []),
                // The place is where the weapons are or are not; it is not what is in doubt.
                ...main.st.s.mentions.filter((x) => x.type !== 'place' && main.st.s.start + x.start >= main.st.start && main.st.s.start + x.end <= main.st.end).map((x) => x.entity),
                ...other.flatMap((o) => o.st.s.mentions.filter((x) => x.type === 'weapon').map((x) => x.entity)),
              ]),
            ],
          }),
        );
      }
    }
  }

  // 2. Relative timing of one event.
  out.push(...timingConflicts(corpus));
  // 3. Supplier says it stopped supplying a party; its product is placed with that party.
  out.push(...supplierConflicts(corpus));
  // 4. Counts in names of one thing.
  out.push(...countConflicts(corpus));
  // 5. A weekday that does not fall on the date it is given with.
  for (const view of corpus.reports) out.push(...weekdayMismatches(view), ...tollMismatches(view), ...statedDisagreements(view));
  return out;
}

const SIGNING = /\bsign(?:ed|ing)?\b[^.]*?\b(?:agreement|treaty|partnership|friendship|pact|deal)\b|\b(?:agreement|treaty|partnership|pact)\b[^.]*?\b(?:signed|declared)\b/i;
const REL_EXPLICIT = /\b(?:(?:only|just|mere|a few|several|some|three|two|four)\s+)?(days|weeks|months)\s+before\s+(?:the\s+)?(?:invasion|war|hostilities)(?:\s+(?:began|started|erupted))?/gi;
const REL_VAGUE = /\b(?:just|right|shortly|immediately)\s+before\s+(?:the\s+)?(?:invasion|war|hostilities|sending)(?:\s+(?:began|started|erupted))?/gi;

function timingConflicts(corpus: Corpus): CaveatDraft[] {
  type T = { st: Statement; unit: string | null };
  const stmts: T[] = [];
  const signers = new Set<string>();
  for (const view of corpus.reports) {
    for (const s of view.sentences) {
      if (!SIGNING.test(s.text)) continue;
      // An agreement between parties: two parties named (or their leaders), or an agreement the KB knows.
      const parties = new Set(s.mentions.map((m) => partyOfMention(corpus, m.entity)?.name).filter((x): x is string => !!x));
      if (parties.size < 2 && !s.mentions.some((m) => m.type === 'agreement')) continue;
      for (const p of parties) signers.add(p);
      for (const [re, explicit] of [[REL_EXPLICIT, true], [REL_VAGUE, false]] as const) {
        re.lastIndex = 0;
        for (const m of s.text.matchAll(re)) {
          const start = s.start + m.index;
          stmts.push({ st: { view, s, start, end: start + m[0].length, text: m[0] }, unit: explicit ? m[1]!.toLowerCase() : null });
        }
      }
    }
  }
  const units = new Set(stmts.map((t) => t.unit).filter((u): u is string => u !== null));
  if (units.size < 2) return [];
  const out: CaveatDraft[] = [];
  for (const t of stmts) {
    if (t.unit === null) continue;
    const others = stmts.filter((o) => o !== t);
    const disagree = others.filter((o) => o.unit !== null && o.unit !== t.unit);
    out.push(
      quoteDraft(t.st.view, t.st.start, t.st.end, {
        kind: 'conflict',
        severity: 'medium',
        label: 'Timing disagrees',
        explanation: `This dates the signing of the ${[...signers].slice(0, 2).join('–') || 'same'} agreement “${t.st.text}”, but ${disagree.map((o) => describe(o.st, t.st.view)).join('; ')}. ${capitalise(t.unit)} and ${[...new Set(disagree.map((o) => o.unit))].join(', ')} cannot both be right.`,
        reasoning: 'Rule timing-conflict: statements of when one event (the signing of an agreement between parties) happened relative to the invasion, in different units.',
        rule: 'timing-conflict',
        confidence: 0.8,
        context: `All statements of the timing: ${[t, ...others].map((o) => `“${o.st.text}” (${o.st.view.id.slice(0, 3)})`).join(', ')}`,
        related: others.map((o) => ({ report: o.st.view.id, quote: o.st.text })),
        claimant: { name: t.st.s.attribution.claimant, role: t.st.s.attribution.role, entity: t.st.s.attribution.entity },
        entities: [...new Set(stmts.flatMap((o) => o.st.s.mentions.filter((x) => x.type === 'agreement').map((x) => x.entity)))],
      }),
    );
  }
  return out;
}

const CESSATION = /\b(?:(?:have|has|had)\s+)?(?:stopped|ceased|halted|suspended)\s+(?:taking|accepting|selling|supplying|exporting|shipping)\s+(?:\w+\s+){0,3}?(?:from|to)\s+([A-Z][\w-]*)/g;

function supplierConflicts(corpus: Corpus): CaveatDraft[] {
  const out: CaveatDraft[] = [];
  for (const view of corpus.reports) {
    for (const s of view.sentences) {
      CESSATION.lastIndex = 0;
      for (const m of s.text.matchAll(CESSATION)) {
        const party = m[1]!;
        const stem = party.replace(/n$|ian$|an$/, '').slice(0, 5);
        // The supplier: a company named in this paragraph or the one before.
        const near = view.sentences.filter((x) => x.paragraph >= s.paragraph - 2 && x.paragraph <= s.paragraph);
        const company = near.flatMap((x) => x.mentions).find((x) => x.type === 'organisation' && /\b(?:limited|ltd|company|technology|inc)\b/i.test(corpus.entityById.get(x.entity)!.name));
        if (!company) continue;
        const first = corpus.entityById.get(company.entity)!.name.split(/\s+/)[0]!;
        const products = corpus.entities.filter((e) => e.type === 'weapon' && e.name.startsWith(first)).map((e) => e.id);
        if (products.length === 0) continue;
        const withParty = new RegExp(`\\b(?:from|by)\\b[^.]*\\b${stem}\\w*`);
        const evidence = corpus.reports.flatMap((v) =>
          v.sentences.filter((x) => x !== s && x.mentions.some((mm) => products.includes(mm.entity)) && withParty.test(x.text)).map((x) => ({ v, x })),
        );
        if (evidence.length === 0) continue;
        const [cs, ce] = clauseAt(s.text, m.index);
        const start = s.start + cs;
        const end = s.start + ce;
        const ev = evidence[0]!;
        const product = ev.x.mentions.find((mm) => products.includes(mm.entity))!;
        const evStart = product.start;
        const evText = ev.x.text.slice(Math.max(0, ev.x.text.lastIndexOf(',', evStart) + 1)).trim().replace(/\.$/, '');
        const companyName = s.text.slice(0, 0) || corpus.entityById.get(company.entity)!.name;
        out.push(
          quoteDraft(view, start, end, {
            kind: 'conflict',
            severity: 'medium',
            label: 'Claim sits against the evidence',
            explanation: `${companyName} says it has stopped supplying ${party}, yet ${ev.v.id === view.id ? 'the same report' : `report ${ev.v.id.slice(0, 3)}`} says “${evText}”. The report does not reconcile the two.`,
            reasoning: "Rule supplier-vs-use: a company's claim to have stopped supplying a party, and a statement placing the company's product with that party.",
            rule: 'supplier-vs-use',
            confidence: 0.7,
            context: `The product may predate the stop or have reached ${party} through third parties; the report does not say.`,
            related: evidence.map((e) => ({ report: e.v.id, quote: e.x.text })),
            entities: [company.entity, ...products],
            claimant: { name: companyName, role: 'company', entity: company.entity },
          }),
        );
      }
    }
  }
  return out;
}

const COUNT_NAME = /^(\w+)[-\s](?:point|day|year|month|week|nation|member)\b/i;

function countConflicts(corpus: Corpus): CaveatDraft[] {
  const byEntity = new Map<string, { view: ReportView; start: number; end: number; surface: string; n: number }[]>();
  for (const view of corpus.reports) {
    for (const m of view.mentions) {
      const c = COUNT_NAME.exec(m.surface);
      const n = c ? cardinal(c[1]!) : null;
      if (n === null) continue;
      byEntity.set(m.entity, [...(byEntity.get(m.entity) ?? []), { view, start: m.start, end: m.end, surface: m.surface, n }]);
    }
  }
  const out: CaveatDraft[] = [];
  for (const [entity, list] of byEntity) {
    const values = new Set(list.map((x) => x.n));
    if (values.size < 2) continue;
    for (const x of list) {
      const others = list.filter((o) => o.n !== x.n);
      out.push(
        quoteDraft(x.view, x.start, x.end, {
          kind: 'conflict',
          severity: 'medium',
          label: 'Numbers disagree',
          explanation: `“${x.surface}” here, but ${others.map((o) => `“${o.surface}” in report ${o.view.id.slice(0, 3)}`).join(', ')}.`,
          reasoning: 'Rule count-conflict: names of one entity that state different counts (digits and number words compared as numbers).',
          rule: 'count-conflict',
          confidence: 0.8,
          entities: [entity],
          related: others.map((o) => ({ report: o.view.id, quote: o.surface })),
          claimant: null,
        }),
      );
    }
  }
  return out;
}

// A death toll stated as a total: "killed 12 miners", "12 miners were killed", "the nine miners who died".
// Not a bound or a part ("at least 12", "nine of the miners", "another three"), nor a toll that moves ("rose to").
const NUM = '(\\d[\\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty)';
const PEOPLE = '(people|persons|miners|workers|civilians|soldiers|troops|passengers|children|residents|villagers|students|fishermen|firefighters|police officers|officers|migrants|pilgrims|climbers|crew members|crew)';
const TOLLS = [
  new RegExp(`\\b(?:killed|kills|killing|left)\\s+${NUM}\\s+(?:[a-z-]+\\s+)?${PEOPLE}\\b(?!\\s+(?:dead\\s+)?(?:and|or)\\b)`, 'gi'),
  new RegExp(`\\b(?:the\\s+)?${NUM}\\s+(?:[a-z-]+\\s+)?${PEOPLE}\\s+(?:who\\s+(?:died|were\\s+killed)|(?:were|have\\s+been|had\\s+been)\\s+killed|died)\\b`, 'gi'),
];
const NOT_TOTAL_BEFORE = /\b(?:at least|more than|over|nearly|almost|about|around|some|up to|another|a further|further|including|of whom|rose to|risen to|climbed to)\s+$/i;

function tollMismatches(view: ReportView): CaveatDraft[] {
  const found: { start: number; end: number; n: number; who: string; text: string; sentence: number }[] = [];
  for (const s of view.sentences) {
    if (s.heading) continue;
    for (const re of TOLLS) {
      re.lastIndex = 0;
      for (const m of s.text.matchAll(re)) {
        const n = cardinal(m[1]!);
        if (n === null || NOT_TOTAL_BEFORE.test(s.text.slice(0, m.index + m[0].indexOf(m[1]!))) || /\bof\s+(?:the|them)\b/.test(s.text.slice(m.index + m[0].length, m.index + m[0].length + 12))) continue;
        if (found.some((f) => f.start < s.start + m.index + m[0].length && s.start + m.index < f.end)) continue;
        found.push({ start: s.start + m.index, end: s.start + m.index + m[0].length, n, who: m[2]!.toLowerCase(), text: m[0], sentence: s.index });
      }
    }
  }
  const out: CaveatDraft[] = [];
  for (const later of found) {
    // One of the two must speak of all of them ("the nine miners who died"); "12 people died in the south" may be a part.
    const definite = (f: { text: string }) => /^the\s/i.test(f.text);
    const first = found.find((f) => f.who === later.who && f.sentence < later.sentence && f.n !== later.n && (definite(f) || definite(later)));
    if (!first) continue;
    out.push(
      quoteDraft(view, later.start, later.end, {
        kind: 'internal-inconsistency',
        severity: 'medium',
        label: 'Toll differs within the report',
        explanation: `The report gives the toll as ${first.n} (“${first.text}”) and later as ${later.n} (“${later.text}”), without saying which is right or that the count changed.`,
        reasoning: 'Rule toll-mismatch: two totals of the dead of one kind in one report differ, one of them definite ("the nine miners who died"), neither a bound ("at least") nor a part ("nine of the …").',
        rule: 'toll-mismatch',
        confidence: 0.8,
        claimant: null,
        // The report disagrees with itself: about the report, not the place or people the sentence names.
        scope: 'report',
        appearances: [{ report: view.id, quote: view.text.slice(first.start, first.end), start: first.start }],
      }),
    );
  }
  return out;
}

// The report says itself that sources disagree: "Accounts of the attack differed", "There were conflicting reports about …",
// "… officials said, though a civil society group put the toll at 52".
const SAYS_ACCOUNTS_DIFFER = /\b(?:conflicting|contradictory|differing|competing|contradicting)\s+(?:reports?|accounts?|claims?|figures|versions|tolls|estimates)\b|\b(?:accounts|versions|figures|estimates|tolls)\s+(?:of\s+[^.,;]{1,60}?\s+)?(?:differ|differed|vary|varied|varies|conflict|conflicted|diverge|diverged)\b/i;
const OTHER_TOLL = /\b(?:put|puts|putting|gave|gives|placed|places)\s+(?:the|its|their)\s+(?:death\s+)?(?:toll|number of (?:dead|deaths|victims))\s+(?:at|as high as)\s+(\d[\d,]*|\w+)/i;
const A_TOLL = /\b(?:at least\s+|more than\s+|some\s+)?(\d[\d,]*)\s+(?:[a-z]+\s+){0,2}(?:were|had been|have been|was)\s+killed|\bkilled\s+(?:at least\s+)?(\d[\d,]*)\b/i;

function statedDisagreements(view: ReportView): CaveatDraft[] {
  const out: CaveatDraft[] = [];
  const tolls = view.sentences.map((s) => A_TOLL.exec(s.text)).map((m) => (m ? cardinal(m[1] ?? m[2]!) : null));
  for (const s of view.sentences) {
    if (s.heading) continue;
    const said = SAYS_ACCOUNTS_DIFFER.exec(s.text);
    const other = OTHER_TOLL.exec(s.text);
    const otherN = other ? cardinal(other[1]!) : null;
    const differs = otherN !== null && tolls.some((n, i) => n !== null && n !== otherN && Math.abs(i - s.index) <= 2);
    if (!said && !differs) continue;
    const m = said ?? other!;
    const [cs, ce] = said ? [0, s.text.length] : clauseAt(s.text, m.index);
    out.push(
      quoteDraft(view, s.start + cs, s.start + ce, {
        kind: 'conflict',
        severity: 'medium',
        label: 'Reports disagree',
        explanation: said ? 'The report says itself that accounts of this differ: what it states is one version among several, not a settled fact.' : `Sources in the report give different tolls (${otherN} here): the number is disputed, not established.`,
        reasoning: said ? 'Rule stated-disagreement: the report says the accounts, reports or figures differ.' : 'Rule competing-toll: one source "puts the toll at" a number that differs from a toll the report gives beside it.',
        rule: said ? 'stated-disagreement' : 'competing-toll',
        confidence: 0.85,
        claimant: null,
      }),
    );
  }
  return out;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "Wednesday, September 6, 2023", "Monday (20 March)": the weekday must be the date's. */
function weekdayMismatches(view: ReportView): CaveatDraft[] {
  const out: CaveatDraft[] = [];
  const reportYear = Number(view.date.slice(0, 4)) || null;
  for (const s of view.sentences) {
    for (const d of statedDates(s.text, reportYear)) {
      if (d.value === null || d.value.length !== 10) continue;
      const before = s.text.slice(Math.max(0, d.start - 14), d.start);
      const after = s.text.slice(d.start + d.text.length, d.start + d.text.length + 14);
      const wb = /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s*[,(]?\s*$/.exec(before);
      const wa = wb ? null : /^\s*[,)]?\s*\(?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/.exec(after);
      const w = wb ?? wa;
      if (!w) continue;
      const [y, m, day] = d.value.split('-').map(Number) as [number, number, number];
      const actual = WEEKDAYS[new Date(Date.UTC(y, m - 1, day)).getUTCDay()]!;
      if (actual === w[1]) continue;
      const wStart = wb ? d.start - before.length + w.index + w[0].indexOf(w[1]!) : d.start + d.text.length + w.index + w[0].indexOf(w[1]!);
      const start = s.start + Math.min(wStart, d.start);
      const end = s.start + Math.max(wStart + w[1]!.length, d.start + d.text.length);
      out.push(
        quoteDraft(view, start, end, {
          kind: 'internal-inconsistency',
          severity: 'medium',
          label: 'Date and weekday disagree',
          explanation: `${d.value} was a ${actual}, not a ${w[1]}: the report's date and weekday cannot both be right.`,
          reasoning: 'Rule weekday-mismatch: a weekday stated next to a full date (the year from the date or the report) is not that date’s weekday.',
          rule: 'weekday-mismatch',
          confidence: 0.9,
          claimant: null,
        }),
      );
    }
  }
  return out;
}

const PARTY_IN_DESCRIPTION = new RegExp(`(?<![\\w.])(?:${PARTY_WORDS})(?![\\w])`);

/** The party an entity speaks for: its own listing, or, for a person, the party their description names first ("Chinese President"). */
function partyOfMention(corpus: Corpus, id: string): Party | null {
  const e = corpus.entityById.get(id);
  const own = e ? partyOfNamed(e) : partyOf(id);
  if (own) return own;
  if (e?.type !== 'person') return null;
  const m = PARTY_IN_DESCRIPTION.exec(e.description.split(/[;,]/)[0]!);
  return m ? (PARTIES.find((p) => p.words.includes(m[0]) || p.demonym === m[0]) ?? null) : null;
}
