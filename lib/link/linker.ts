// The page linker: text blocks → links, each with why it is linked, and the
// candidates it did not link, each with why not. The content script (via
// lib/page/core/spot.ts in the reader) and `npm run kb -- spot` (lib/link/page.ts)
// call the same `linkText`, block by block in document order. This file is in
// the content script: it yields codes (`Why`, `RejectReason`); lib/link/why.ts
// turns them into plain words for the CLI, the card and the panel.
//
// For each block: the matcher's candidates (lib/match scan + resolve: names,
// "Xi" after "Xi Jinping", context-needing names near other names), then
// 1. case: an alias links only in the case its data allows ("China", not
//    "china"); lower case is fine in a dateline ("kyiv, ukraine —");
// 2. name structure: a capitalised word that extends the alias into a longer
//    name ("Hunter Biden", "Moscow Mule", "The Washington Post", "Xi Mingze"),
//    a suffix ("Jr.", "III"), a regnal numeral ("Louis XI"), a region after a
//    comma ("Toledo, Ohio") or a designator ("Washington state") means another
//    person, place or thing. For a short form or a shared name, that other name
//    claims the alias for the rest of the page ("Biden" after "Hunter Biden" is
//    Hunter) until the KB's own full name comes back (page-level coreference);
// 3. short forms (surnames) link only once the page introduced the entity: its
//    full name earlier (also split by brackets: "[Antony] Blinken"), an office
//    title ("President Putin"), or the page is about it (its name in the title,
//    related KB entities on the page);
// 4. shared names ("Moscow", "Washington", "Wang Yi") link only with evidence
//    that the page is about the KB's world: entities the reports name with it
//    (KB context profile) linked on the page or named in the same block, the
//    page title, an office title before it, or several of its context words
//    nearby: related entities count 1, any other KB entity half, and a shared
//    name needs 1.5 (a short form that is not shared needs 1).
//
// Incremental reading: a block is decided with everything read so far plus
// the title (read first: the headline says what the page is about) and every
// name in the same block. Decisions are never revisited: a mark never appears
// or vanishes behind the reader's back, the CLI and the extension agree, and a
// late introduction costs a miss (forgiven) rather than a wrong mark (not).
//
// No entity name or id here: facts are data (lib/link/data.ts, data/*.json).
import type { Matcher } from '../match/compile';
import { resolveMentions, type ContextState } from '../match/resolve';
import { scan } from '../match/scan';
import type { LinkData, Mention, RawMatch } from '../match/types';
import { isShouting } from '../page/core/spot';
import { createLinkState, type LinkState, type RejectReason } from './state';

export { createLinkState, type LinkState, type Rejected, type RejectReason } from './state';

/**
 * Why a link: 'full' its full name; 'named' a name of it; 'short' short for
 * the full name earlier; 'title' an office title before it (arg: the title);
 * 'bracket' a full name split by brackets; 'related' other entities of its
 * world on the page (args: their ids); 'headline' the page title names it;
 * 'words' its context words nearby; 'again' linked earlier on the page;
 * 'qualifier' a qualifier or a noun that names it (arg: "Washington, D.C.", "city of Astana"); 'dateline' the
 * story's dateline names the place.
 */
export type Why = string[];

interface Lex {
  d: LinkData | undefined;
  /** Lower-case last words of office titles ("minister" for "Foreign Minister"). */
  titles: Set<string>;
  /** Capitalised words that are never part of a name: ordinary words, modifiers, honorifics. */
  plain: Set<string>;
  honor: Set<string>;
  heads: Set<string>;
  suffixes: Set<string>;
  /** Lower-case class nouns before a name ("band") and nouns after a place that name a thing ("cake"). */
  things: Set<string>;
  namedAfter: Set<string>;
  /** Lower-case words before a surname that point to a relative ("the elder Biden"). */
  relatives: Set<string>;
  regions: Set<string>;
  /** "the city of X": the place itself. */
  placeNouns: Set<string>;
  index: Map<string, number>;
  ids: string[];
  related: Map<string, Set<string>>;
  /** Per alias, what does not depend on where it is met (built on first use). */
  aliases: Map<number, AliasFacts>;
}

/** What the linker knows about an alias wherever it is met (lib/link/data.ts bits, its first entity's type, its capitals). */
interface AliasFacts {
  bits: number;
  type: string;
  /** Indices of the alias's words that start with a capital (the 'capitalised' rule checks those words of the text). */
  caps: number[];
  /** The index of its first entity (lib/link/data.ts arrays). */
  at0: number;
}

const lexes = new WeakMap<Matcher, Lex>();

function lexOf(matcher: Matcher): Lex {
  let x = lexes.get(matcher);
  if (!x) {
    const d = matcher.compiled.link;
    const l = d?.lex;
    lexes.set(
      matcher,
      (x = {
        d,
        titles: new Set(l?.titles.map((t) => t.split(' ').pop()!.toLowerCase())),
        plain: new Set(l && [...l.ordinaryWords, ...l.modifiers, ...l.honorifics]),
        honor: new Set(l?.honorifics),
        heads: new Set(l?.nameHeads),
        things: new Set(l?.thingNouns),
        namedAfter: new Set(l?.namedAfterNouns),
        relatives: new Set(l?.relativeWords),
        placeNouns: new Set(l?.placeNouns),
        regions: new Set(l?.regions),
        suffixes: new Set(l?.nameSuffixes),
        index: new Map(matcher.compiled.entities.map((id, i) => [id, i])),
        ids: matcher.compiled.entities,
        related: new Map(),
        aliases: new Map(),
      }),
    );
  }
  return x;
}

const UPPER = /^\p{Lu}/u;
/** A regnal numeral ("XI", "III"; not "I", "DID"). */
const ROMAN = /^(?:II|III|IV|VI{0,3}|IX|XI{0,3}|XI?V|XVI{0,3})$/;
/** A word that can be part of a name: "Hunter", "Jean-Pierre", "R." (not "China-made", "Russia's", "NATO"). */
const NAME_WORD = /^(?!.*['’]s?$)\p{Lu}\p{Ll}[\p{L}\p{M}'’]*(?:-\p{Lu}[\p{L}\p{M}'’]*)*$|^\p{Lu}\.$/u;
const WORDS = /\p{L}[\p{L}\p{M}'’-]{3,}/gu;
/**
 * A dateline: the block starts with the place (lower case, capitals or as usual), maybe ", region", maybe a
 * date ("feb 16"), maybe "(Agency)", then a dash and a space ("kyiv, ukraine —", "WASHINGTON (AP) —").
 * A bare "Name —" is a dateline only when set apart by its case ("MOSCOW —", "kyiv —"): as usually written
 * it is as likely a headline or a list item, and an acronym ("US —") is in capitals anyway.
 */
function isDateline(text: string, m: RawMatch, type: string): boolean {
  if (type !== 'l' || m.start >= 40) return false;
  const lead = text.slice(0, m.start);
  if (!/^\s*(?:[\p{L}.' ]{2,30},\s*)?$/u.test(lead)) return false;
  const tail = /^((?:,[\p{L}\p{N}. ]{2,30}){0,2})\s*(\([^)]{1,30}\)\s*)?[—–-]\s/u.exec(text.slice(m.suffixEnd, m.suffixEnd + 80));
  if (!tail) return false;
  if (tail[1] || tail[2] || lead.trim()) return true;
  const letters = text.slice(m.start, m.end).replace(/[^\p{L}]/gu, '');
  return letters.length > 3 && (letters === letters.toUpperCase() || letters === letters.toLowerCase());
}

/** A disambiguator after a name in a page title: "(musician)", "(band)", "(Idaho)" is not, a region is a place. */
const DISAMBIGUATOR = /^\s*(\(\p{Ll}[\p{Ll} -]{1,30}\))/u;

/** A speaker label: the block opens with a name in capitals and a colon ("PUTIN:", "WANG YI:"). */
const SPEAKER = /^(\s*)(\p{Lu}[\p{Lu}\p{M}'’. -]{0,40}?):(?:\s|$)/u;

/**
 * A Title Case headline or shouting: no lower-case word but short function
 * words ("Xi Tells Putin of Plan"). Capitals say little about names there.
 */
export function isTitleCase(text: string): boolean {
  if (!UPPER.test(text.trimStart())) return false;
  if (!LOWER_WORD.test(text)) return true;
  // A headline with a stray lower-case verb ("While China proposes Peace Plan, it Begins to Arm Russia"): no sentence
  // punctuation, and three in four words of 3+ letters capitalised.
  if (/[.!?]["”’)]?(?:\s|$)/.test(text.trim())) return false;
  const words = text.match(/(?<![\p{L}'’])\p{L}{3,}/gu) ?? [];
  return words.filter((w) => UPPER.test(w)).length >= 0.75 * words.filter((w) => !SMALL.has(w)).length;
}

const SMALL = new Set(['the', 'and', 'for', 'but', 'nor', 'via', 'per', 'with', 'from', 'into', 'over', 'than']);

/** A lower-case word of 3+ letters that is not a short function word (the first one settles it: cheap on prose). */
const LOWER_WORD = /(?<![\p{L}'’])(?!(?:the|and|for|but|nor|via|per|with|from|into|over|than)(?!\p{L}))\p{Ll}{3,}/u;

/** Word by word: a capital in the alias (its words `caps`, AliasFacts) needs a capital in the text ('capitalised' rule). */
function capitalsKept(caps: readonly number[], surface: string): boolean {
  if (caps.length === 0) return true;
  // The surface's words as `split(/\s+/)` gives them, walked in place: word w starts at i.
  const n = surface.length;
  let k = 0;
  for (let w = 0, i = 0; ; w++) {
    if (w === caps[k]) {
      UPPER_AT.lastIndex = i;
      if (!UPPER_AT.test(surface)) return false;
      if (++k === caps.length) return true;
    }
    while (i < n && !isSpace(surface.charCodeAt(i))) i++;
    // No more words: the alias's other capitals have nothing to check.
    if (i >= n) return true;
    while (i < n && isSpace(surface.charCodeAt(i))) i++;
  }
}

/** UPPER at a given offset (lastIndex). */
const UPPER_AT = /\p{Lu}/uy;

/** Punctuation that ends a word after a name (`word`), and the same with a full stop (its `bare` form). */
const WORD_TAIL = ',;:!?)"”’\']';
const TRAIL_CHARS = '.,;:!?)"”’\']';

/** `s` without the run of `chars` at its end. */
function trimTail(s: string, chars: string): string {
  let e = s.length;
  while (e > 0 && chars.includes(s.charAt(e - 1))) e--;
  return e === s.length ? s : s.slice(0, e);
}

/** JavaScript's `\s`, by char code (no one-char string and regex per char). */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Does a candidate start or end at `x`? `raw`: the block's candidates, sorted and not overlapping (binary search). */
function isEdge(raw: readonly RawMatch[], x: number): boolean {
  let lo = 0;
  let hi = raw.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (raw[mid]!.end < x) lo = mid + 1;
    else hi = mid;
  }
  return lo < raw.length && (raw[lo]!.end === x || raw[lo]!.start === x);
}

/** The first name in `names` that `text` starts with as whole words. */
function startsWith(text: string, names: readonly string[] = []): string | undefined {
  return names.find((n) => text.startsWith(n) && !/[\p{L}\p{N}]/u.test(text.charAt(n.length)));
}

interface Structure {
  reject?: RejectReason;
  /** The other name ("Hunter Biden", "Toledo, Ohio"). */
  name?: string;
  /** Does that name claim the alias for the rest of the page? */
  claims?: boolean;
  /** An office title right before ("President"). */
  title?: string;
  /** A qualifier that says it is this place ("Washington, D.C."). */
  same?: string;
  /** A noun before it that says it is the place ("the city of Astana"): this mention only, the bare name stays open. */
  cue?: string;
  /** The KB's full name with a middle initial ("Vladimir V. Putin"). */
  full?: string;
  /** The claim covers the entity's short forms too ("John Kirby (musician)" claims "Kirby"). */
  shortsToo?: boolean;
}

/**
 * The name structure around a candidate. `raw`: the block's candidates (a KB name
 * next to it is no extension). `titled`: is the block a Title Case headline
 * (asked only where a rule needs it: the regex runs over the whole block).
 */
function structure(
  lx: Lex,
  text: string,
  m: RawMatch,
  type: string,
  quals: string[] | undefined,
  titled: () => boolean,
  raw: readonly RawMatch[],
  fullName: (name: string) => boolean,
): Structure {
  const surface = text.slice(m.start, m.end);
  const person = type === 'p';
  // The word right before, separated by one white-space char (a hand scan: a regex anchored at the end backtracks).
  const p = m.start - 1;
  let prev: string | undefined;
  let prevAt = p;
  if (p > 0 && isSpace(text.charCodeAt(p))) {
    let q = p;
    while (q > 0 && m.start - q < 40 && !isSpace(text.charCodeAt(q - 1))) q--;
    if (q < p) prev = text.slice(q, p);
    prevAt = q;
  }
  const out: Structure = {};
  if (prev) {
    const end = prev.charCodeAt(prev.length - 1);
    const bare = end === 0x2e || end === 0x2c ? prev.slice(0, -1) : prev;
    const low = bare.toLowerCase();
    if (lx.titles.has(low) || (low.endsWith('s') && lx.titles.has(low.slice(0, -1)))) out.title = bare;
    // A regnal numeral after a name: "Louis XI".
    else if (person && surface.length <= 5 && ROMAN.test(surface.toUpperCase()) && NAME_WORD.test(prev) && !lx.plain.has(prev)) return { reject: 'regnal-number', name: `${prev} ${surface}` };
    // A class noun right before says what the name names: "the rock band Europe", "the racehorse Moscow".
    else if ((type === 'l' || person) && lx.things.has(prev)) return { reject: 'named-thing', name: `${prev} ${surface}` };
    // A relative of the person: "the elder Biden", "the younger Xi" (claims the surname like another full name).
    else if (person && lx.relatives.has(prev)) return { reject: 'other-person', name: `the ${prev} ${surface}`, claims: !titled() };
    else if (type === 'l') {
      // An abbreviation in capitals, or a word that heads club names, before a place that is not a KB name:
      // a club, a ship or a firm named after it ("FC Astana", "CSKA Moscow", "MV Brussels", "Dynamo Moscow"
      // in a Title Case results line). Not in text set in capitals, where every word looks like that.
      if ((/^\p{Lu}{2,5}$/u.test(prev) || (lx.heads.has(prev) && titled())) && !lx.plain.has(prev) && !isEdge(raw, p) && !isShouting(text)) return { reject: 'longer-name', name: `${prev} ${surface}` };
      // "the city of Astana": the place itself.
      if (prev === 'of') {
        const before = /(\p{Ll}+)\s+of\s$/u.exec(text.slice(Math.max(0, m.start - 16), m.start));
        if (before && lx.placeNouns.has(before[1]!)) out.cue = `${before[1]} of ${surface}`;
      }
    }
    if (type === 'l' && !titled()) {
      // A town and its state: "Redmond, Washington" (the place's name is a region's, after "Town," that is
      // not a KB name, and no list goes on: "Beijing, Washington and Moscow", "London, Washington, Paris and
      // Moscow" are capitals).
      if (end === 0x2c && lx.regions.has(surface) && NAME_WORD.test(bare) && !lx.plain.has(bare) && !isEdge(raw, p - 1) && !/^(?:\s+(?:and|or)\s|,\s+\p{Lu}[\p{L}.'’-]*(?:,|\s+(?:and|or)\s))/u.test(text.slice(m.suffixEnd, m.suffixEnd + 40))) {
        return { reject: 'other-place', name: `${bare}, ${surface}` };
      }
    }
  }
  if (m.suffixEnd === m.end) {
    // The 60 characters after it, read in place (no copy, no match arrays).
    const lim = Math.min(text.length, m.end + 60);
    // A comma and the white space after it; else the white space: where the next words start.
    const comma = m.end < lim && text.charCodeAt(m.end) === 0x2c;
    let restAt = comma ? m.end + 1 : m.end;
    while (restAt < lim && isSpace(text.charCodeAt(restAt))) restAt++;
    let rest: string | undefined;
    const restOf = () => (rest ??= text.slice(restAt, lim));
    const same = quals && startsWith(restOf(), quals);
    if (same) return { ...out, same: `${surface}${comma ? ', ' : ' '}${same}` };
    const region = comma && startsWith(restOf(), lx.d?.lex.regions);
    if (region) return { reject: 'other-place', name: `${surface}, ${region}`, claims: true };
    // A thing named after the place, hyphenated: "Xi’an-style noodles".
    if (type === 'l' && text.charCodeAt(m.end) === 0x2d) {
      let he = m.end + 1;
      while (he < lim && /\p{L}/u.test(text.charAt(he))) he++;
      const after = text.slice(m.end + 1, he).toLowerCase();
      if (lx.namedAfter.has(after)) return { reject: 'named-thing', name: `${surface}-${after}` };
    }
    // The next word: after spaces (plain or no-break) only, up to the next white space.
    let w = m.end;
    if (!comma) while (w < lim && (text.charCodeAt(w) === 32 || text.charCodeAt(w) === 0xa0)) w++;
    let we = w;
    if (w > m.end) while (we < lim && !isSpace(text.charCodeAt(we))) we++;
    if (we > w && !isEdge(raw, w)) {
      const word = trimTail(text.slice(w, we), WORD_TAIL);
      const bare = trimTail(word, TRAIL_CHARS);
      if (lx.suffixes.has(word) || lx.suffixes.has(bare) || (person && ROMAN.test(bare))) return { reject: 'other-person', name: `${surface} ${word}`, claims: person && !titled() };
      // "Alibaba Group", "Bloomberg News": the organisation itself.
      if (type === 'o' && lx.d?.lex.orgSuffixes.includes(bare)) return out;
      if (type === 'l' && startsWith(restOf(), lx.d?.lex.placeDesignators)) return { reject: 'other-place', name: `${surface} ${bare}`, claims: true };
      // A thing named after the place, in lower case: "Kyiv cake", "Brussels sprouts", "Moscow time".
      if (type === 'l' && lx.namedAfter.has(bare)) return { reject: 'named-thing', name: `${surface} ${bare}` };
      if (UPPER.test(bare) && !lx.plain.has(word) && !lx.titles.has(bare.toLowerCase()) && !/['’]s?$/.test(bare) && (titled() ? lx.heads.has(bare) : lx.heads.has(bare) || !/^\p{Lu}[\p{Lu}.-]{0,5}$/u.test(bare))) {
        return { reject: person ? 'other-person' : 'longer-name', name: `${surface} ${bare}`, claims: person && !titled() };
      }
    }
  }
  // A given name or another word of a longer name before it ("Hunter Biden", "George Washington"). In Title Case
  // every word is capitalised, but a heading or page title that is only the name still says it whole
  // ("Hunter Biden", "Hunter Biden - Wikipedia", "Jill Biden: a profile").
  if (
    prev &&
    !out.title &&
    NAME_WORD.test(prev) &&
    !lx.plain.has(prev) &&
    !isEdge(raw, p) &&
    (!titled() || (/^\s*$/.test(text.slice(0, prevAt)) && /^\s*(?:$|[-–—|:(·,])/.test(text.slice(m.suffixEnd, m.suffixEnd + 3))))
  ) {
    // A middle initial between the KB's own given name and surname is the KB's person ("Vladimir V. Putin").
    if (person && prev.length === 2 && prevAt > 1) {
      let g = prevAt - 1;
      while (g > 0 && m.start - g < 60 && !isSpace(text.charCodeAt(g - 1))) g--;
      const given = text.slice(g, prevAt - 1);
      if (NAME_WORD.test(given) && fullName(`${given} ${surface}`)) return { ...out, full: `${given} ${prev} ${surface}` };
    }
    return { reject: person ? 'other-person' : 'longer-name', name: `${prev} ${surface}`, claims: person };
  }
  return out;
}

/** Entities the reports name with `id` (its context profile). */
function relatedOf(lx: Lex, id: string): Set<string> {
  let r = lx.related.get(id);
  if (!r) {
    const i = lx.index.get(id);
    const ids = lx.d && i !== undefined ? lx.d.related[i]! : [];
    lx.related.set(id, (r = new Set(ids.map((k) => lx.ids[k]!))));
  }
  return r;
}

/**
 * Link one block of text (blocks in document order, one `state` per page).
 * Returns the links; the candidates not linked are added to `state.rejected`.
 */
export function linkText(matcher: Matcher, text: string, state: ContextState, inTitle = false): Mention[] {
  const st = state as LinkState;
  if (!st.claims) Object.assign(st, createLinkState(st.title), { linked: st.linked });
  if (!st.titleDone && !inTitle) {
    st.titleDone = true;
    for (const w of st.title.toLowerCase().match(WORDS) ?? []) st.titleWords.add(w);
    for (const m of linkText(matcher, st.title, st, true)) if (m.entityId) st.titleLinked.add(m.entityId);
  }
  let raw = scan(matcher, text);
  // A transcript's speaker label in capitals ("XI:", "KIRBY:"): a case-sensitive alias ("Xi") is looked up
  // in its usual case there, and its case rule does not apply to the label.
  const colon = text.indexOf(':');
  const speaker = colon > 0 && colon < 48 ? SPEAKER.exec(text) : null;
  let speakerEnd = -1;
  if (speaker) {
    const start = speaker[1]!.length;
    speakerEnd = start + speaker[2]!.length;
    if (!raw.some((x) => x.start < speakerEnd && x.end > start)) {
      const label = speaker[2]!;
      const usual = label.toLowerCase().replace(/(^|[\s'’.-])\p{Ll}/gu, (x) => x.toUpperCase());
      // The name ends the label, maybe after a title ("PRESIDENT XI:").
      const found = scan(matcher, usual).find((x) => x.end === label.length);
      if (found) raw = [{ ...found, start: found.start + start, end: speakerEnd, suffixEnd: found.suffixEnd + start }, ...raw];
    }
  }
  if (raw.length === 0) return [];
  const lx = lexOf(matcher);
  const d = lx.d;
  // The matcher's own resolution of each candidate (same order, a subset: by start, as raw).
  const resolved = resolveMentions(matcher, text, raw, st);
  let titledV: boolean | undefined;
  const titled = () => (titledV ??= isTitleCase(text));
  const at = (id: string) => lx.index.get(id) ?? -1;
  const typeOf = (id: string) => d?.types.charAt(at(id)) || 'o';

  interface Cand {
    m: RawMatch;
    /** The matcher's resolution (undefined: it dropped the candidate). */
    lm: Mention | undefined;
    bits: number;
    /** Index of ids[0] (AliasFacts.at0). */
    at0: number;
    ids: string[];
    s: Structure;
  }
  const cands: Cand[] = [];
  /** Entities named for sure in this block (neither short nor shared). */
  const sure = new Set<string>();
  /** Entities a candidate of this block could be, with their weight in halves (a shared name counts half). */
  const named = new Map<string, number>();
  const reject = (c: Cand, reason: RejectReason, name?: string) => {
    if (!inTitle && st.rejected.length < 500) st.rejected.push({ start: c.m.start, end: c.m.end, surface: text.slice(c.m.start, c.m.end), alias: c.m.alias, candidates: c.ids, reason, ...(name ? { name } : {}) });
  };
  const logged = st.rejected.length;
  /** Does `name` (a given name and a candidate's surname) name, whole, the entity of alias `alias`? */
  let fullAlias = -1;
  const fullName = (name: string): boolean =>
    scan(matcher, name).some((x) => x.start === 0 && x.end === name.length && matcher.alias(x.alias).entityIds.some((e) => matcher.alias(fullAlias).entityIds.includes(e)));
  let r = 0;
  for (const m of raw) {
    fullAlias = m.alias;
    while (r < resolved.length && resolved[r]!.start < m.start) r++;
    const lm = r < resolved.length && resolved[r]!.start === m.start ? resolved[r] : undefined;
    const al = matcher.alias(m.alias);
    if (al.entityIds.length === 0) continue;
    let facts = lx.aliases.get(m.alias);
    if (!facts) lx.aliases.set(m.alias, (facts = {
      // Bits (lib/link/data.ts): 1 short form, 2 shared, 4 capitalised, 8 any case, 16 exact. A bare matcher keeps its own rules.
      bits: d ? d.aliasBits.charCodeAt(m.alias) - 48 : al.caseSensitive ? 16 : al.needsContext ? 4 : 8,
      type: typeOf(al.entityIds[0]!),
      caps: al.text.split(/\s+/).flatMap((w, i) => (UPPER.test(w) ? [i] : [])),
      at0: at(al.entityIds[0]!),
    }));
    const { bits, type } = facts;
    const c: Cand = { m, lm, bits, ids: al.entityIds, at0: facts.at0, s: {} };
    const caseOk =
      bits & 8 ||
      (bits & 16 ? al.caseSensitive || text.slice(m.start, m.end).replace(/\s+/g, ' ') === al.text : capitalsKept(facts.caps, text.slice(m.start, m.end))) ||
      m.end <= speakerEnd ||
      isDateline(text, m, type);
    if (!caseOk) {
      reject(c, 'case');
      continue;
    }
    cands.push(c);
    c.s = structure(lx, text, m, type, d?.qualifiers[m.alias], titled, raw, fullName);
    // A page title that disambiguates the name ("John Kirby (musician) - Wikipedia", "Moscow (band)") is about a
    // namesake: it claims the name and its short forms for the page.
    if (inTitle && !c.s.reject && bits & 3) {
      const dis = DISAMBIGUATOR.exec(text.slice(m.suffixEnd, m.suffixEnd + 40));
      if (dis) c.s = { reject: type === 'p' ? 'other-person' : type === 'l' ? 'other-place' : 'longer-name', name: `${text.slice(m.start, m.end)} ${dis[1]}`, claims: true, shortsToo: true };
    }
    if (c.s.reject) continue;
    // A dateline says where the story was filed: the place itself ("WASHINGTON (AP) —"), this mention only.
    if (!c.s.same && !c.s.cue && isDateline(text, m, type)) c.s.cue = 'dateline';
    if (lm?.reason === 'alias' && !(bits & 3)) sure.add(al.entityIds[0]!);
    for (const id of al.entityIds) {
      named.set(id, Math.max(named.get(id) ?? 0, bits & 2 ? 1 : 2));
      if (inTitle) st.titleNamed.add(id);
    }
  }

  let near: Set<string> | undefined;
  /** How much the page is about `id`: related entities linked or named, the title, context words. */
  const support = (c: Cand, id: string, capUnrelated = false): { score: number; why: Why } => {
    const rel = relatedOf(lx, id);
    const hits: string[] = [];
    let score = 0;
    // Related KB entities linked on the page count 1; any other KB entity counts half (for a name that
    // needs context and has none in its block, all of those together at most 1: a page that names
    // unrelated KB places, a software firm in Kyiv, one in Singapore, is not thereby about the Kremlin).
    let unrelated = 0;
    for (const e of st.evidence) {
      if (e === id) continue;
      hits.push(e);
      if (rel.has(e)) score += 1;
      else unrelated += 0.5;
    }
    for (const e of sure) {
      if (e === id || st.evidence.has(e)) continue;
      hits.push(e);
      if (rel.has(e)) score += 1;
      else unrelated += 0.5;
    }
    for (const [e, w] of named) if (e !== id && rel.has(e) && !st.evidence.has(e) && !sure.has(e) && hits.push(e)) score += w / 2;
    score += capUnrelated ? Math.min(1, unrelated) : unrelated;
    const title = st.titleLinked.has(id) ? 2 : st.titleNamed.has(id) && !inTitle ? 1 : 0;
    // "Foreign Minister Wang Yi": an office title is some evidence for a shared full name.
    const office = c.s.title && !lx.honor.has(c.s.title) ? 1 : 0;
    score += title + office;
    // Context words only when the rest falls short (tokenising the block is the costly part).
    let words = 0;
    if (d && score < 1.5) {
      near ??= new Set(text.toLowerCase().match(WORDS));
      for (const w of d.words[at(id)] ?? []) if (near.has(w) || st.titleWords.has(w)) words++;
      if (words > 2) score++;
    }
    return { score, why: hits.length ? ['related', ...hits.slice(0, 2)] : office ? ['title', c.s.title!] : title ? ['headline'] : ['words'] };
  };

  const out: Mention[] = [];
  /**
   * Entities first linked in this block after a candidate began to wait, and where: a candidate that waited is
   * not "linked earlier" by a later one (made only then: decisions are otherwise in reading order).
   */
  let firstInBlock: Map<string, number> | undefined;
  const accept = (c: Cand, lm: Mention, id: string, why: Why, alternatives?: string[]) => {
    lm.entityId = id;
    lm.candidates = [id];
    lm.why = why;
    if (alternatives) lm.alternatives = alternatives;
    out.push(lm);
    if (waiting.length && !st.evidence.has(id)) (firstInBlock ??= new Map()).set(id, c.m.start);
    st.evidence.add(id);
    // A full name introduces its short forms for the rest of the page.
    if (!(c.bits & 1)) {
      for (const a of d?.shortOf[id === c.ids[0] ? c.at0 : at(id)] ?? []) {
        const old = st.claims.get(a);
        // The same claim again (every later mention of the full name): nothing to change.
        if (!old?.sticky && !(old && old.id === id && old.name === id && old.sticky === inTitle)) st.claims.set(a, { id, name: id, sticky: inTitle });
      }
    }
  };
  // Candidates short of support wait for the rest of the block ("Xi" before "Putin" in "Xi tells Putin …").
  let waiting: Cand[] = [];
  /**
   * A name that needs context and found none in its own block (the matcher looks no further): the page
   * may have it. A headline "Kremlin: no talk of weapons" or "Washington sceptical" under a page about the
   * talks, "arrived at the Kremlin" after the Kremlin was linked. Linked earlier (or its full name, for a
   * short form) → linked again; else the shared-name bar: support ≥ 1.5 from the page's world.
   */
  const pageContext = (c: Cand, claim: { id: string | null } | undefined, last: boolean): void => {
    // A block that is the name alone (a menu item, a tag: "US") says nothing of which sense.
    if (c.ids.length !== 1 || (c.m.start === 0 && c.m.end === text.trimEnd().length)) return reject(c, 'needs-context');
    const id = c.ids[0]!;
    const { m, s } = c;
    // A dateline or "the city of X" says it is the place whatever else the page holds.
    const cue = s.same ? ['qualifier', s.same] : s.cue ? (s.cue === 'dateline' ? ['dateline'] : ['qualifier', s.cue]) : undefined;
    const seen = !!cue || claim?.id === id || (!(c.bits & 1) && st.evidence.has(id) && !((firstInBlock?.get(id) ?? -1) > m.start));
    // A short form never introduced ("Kirby" alone) stays unlinked: the matcher's rule already asked for context.
    if (!seen && c.bits & 1) return reject(c, 'needs-context');
    const sup = seen ? undefined : support(c, id, true);
    if (sup && sup.score < 1.5) {
      if (!last) return void waiting.push(c);
      return reject(c, 'needs-context');
    }
    const lm: Mention = { start: m.start, end: m.end, suffixEnd: m.suffixEnd, surface: text.slice(m.start, m.end), entityId: id, candidates: [id], alias: m.alias, reason: seen && !cue ? 'context-full-name' : 'context-nearby' };
    accept(c, lm, id, sup ? sup.why : (cue ?? (claim ? ['short'] : ['again'])));
  };
  const decide = (c: Cand, last: boolean): void => {
    const { m, bits, s } = c;
    if (s.reject) {
      if (s.claims && bits & 3 && !st.claims.get(m.alias)?.sticky) st.claims.set(m.alias, { id: null, name: s.name!, sticky: inTitle });
      if (s.shortsToo) for (const id of c.ids) for (const a of d?.shortOf[at(id)] ?? []) if (!st.claims.get(a)?.sticky) st.claims.set(a, { id: null, name: s.name!, sticky: inTitle });
      return reject(c, s.reject, s.name);
    }
    const lm = c.lm;
    const claim = bits & 3 ? st.claims.get(m.alias) : undefined;
    if (claim && !claim.id) return reject(c, 'claimed', claim.name);
    if (!lm) return pageContext(c, claim, last);
    let id = lm.entityId;
    let alternatives: string[] | undefined;
    if (id === null) {
      // Two KB entities compete: take the one the page is about, if only one is.
      const scores = lm.candidates.map((e) => (claim ? +(claim.id === e) : support(c, e).score));
      const best = Math.max(...scores);
      if (best < 1 || scores.filter((x) => x === best).length > 1) return void out.push(lm);
      id = lm.candidates[scores.indexOf(best)]!;
      alternatives = lm.candidates.filter((e) => e !== id);
    }
    if (claim && claim.id !== id) return reject(c, 'claimed', claim.name);
    const introduce = (why: Why) => {
      if (!claim?.sticky) st.claims.set(m.alias, { id, name: id, sticky: inTitle });
      accept(c, lm, id, why, alternatives);
    };
    if (s.same) return introduce(['qualifier', s.same]);
    if (s.full) return introduce(['full']);
    if (s.cue) return accept(c, lm, id, s.cue === 'dateline' ? ['dateline'] : ['qualifier', s.cue], alternatives);
    if (bits & 1 && s.title && !lx.honor.has(s.title)) return introduce(['title', s.title]);
    if (bits & 1) {
      // "[Antony] Blinken", "(Russian President Vladimir) Putin": the full name split by brackets.
      const br = /(\S+)\s*[\])]\s*$/u.exec(text.slice(Math.max(0, m.start - 40), m.start));
      const full = br && `${br[1]} ${lm.surface}`;
      if (full && /[[(]/.test(text.slice(Math.max(0, m.start - 80), m.start)) && scan(matcher, full).some((x) => x.end === full.length && matcher.alias(x.alias).entityIds.includes(id))) {
        return introduce(['bracket']);
      }
    }
    if (claim) return accept(c, lm, id, ['short'], alternatives);
    if (bits & 3 && !(bits & 1 ? false : st.evidence.has(id) && !((firstInBlock?.get(id) ?? -1) > m.start))) {
      const sup = support(c, id);
      if (sup.score < (bits & 2 ? 1.5 : 1)) {
        if (!last) return void waiting.push(c);
        return reject(c, bits & 1 ? 'no-introduction' : 'no-context');
      }
      return accept(c, lm, id, sup.why, alternatives);
    }
    accept(c, lm, id, alternatives ? support(c, id).why : bits & 2 ? ['again'] : [typeOf(id) === 'p' ? 'full' : 'named'], alternatives);
  };
  // In text set in capitals a short case-sensitive name that needs context ("US", "ICC") may be a word.
  let shouting: boolean | undefined;
  for (const c of cands) {
    const al = matcher.alias(c.m.alias);
    if (al.caseSensitive && al.needsContext && (shouting ??= isShouting(text))) reject(c, 'capitals');
    else decide(c, false);
  }
  if (waiting.length) {
    const again = waiting;
    waiting = [];
    for (const c of again) decide(c, true);
    out.sort((a, b) => a.start - b.start);
  }
  // The case rejections were logged first: keep the block's in document order.
  if (st.rejected.length - logged > 1) st.rejected.splice(logged, Infinity, ...st.rejected.slice(logged).sort((a, b) => a.start - b.start));
  return out;
}
