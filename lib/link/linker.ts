// The page linker: text blocks → links, each with a plain-words `why`, and the
// candidates it did not link, each with a plain-words reason. The content
// script (lib/page/spot.ts → reader) and `npm run kb -- spot` call the same
// `linkText`, block by block in document order.
//
// For each block: the matcher's candidates (lib/match scan + resolve: exact
// names, "Xi" after "Xi Jinping", context-needing names near other names), then
// 1. case: an alias links only in the case its data allows ("China", not
//    "china"; lower case is allowed in a dateline: "kyiv, ukraine —");
// 2. name structure: a capitalised word that extends the alias into a longer
//    name ("Hunter Biden", "Moscow Mule", "The Washington Post", "Xi Mingze"),
//    a suffix ("Jr.", "III"), a regnal numeral ("Louis XI"), a region after a
//    comma ("Toledo, Ohio") or a designator ("Washington state") means another
//    person, place or thing. For a person's surname or a place, that other
//    name claims the surname for the rest of the page ("Biden" after "Hunter
//    Biden" is Hunter) until the KB's own full name comes back;
// 3. short forms (surnames) link only when the page introduced the entity: its
//    full name earlier (or split by brackets: "[Antony] Blinken"), an office
//    title ("President Putin"), or the page is about it (its name in the title,
//    or other related KB entities on the page);
// 4. shared names ("Moscow", "Washington", "Wang Yi") link only with evidence
//    that the page is about the KB's world: entities the reports name with it
//    already linked on the page or in this block, the page title, or several of
//    its context words near it. Widely shared short forms need more evidence.
//
// Incremental reading: a block is decided with everything read so far plus
// the page title (read first, so the headline's topic is known from the start)
// and every unambiguous name of the same block. Earlier decisions are never
// revisited: a mark never appears or vanishes behind the reader's back, the
// CLI and the extension give the same answer, and a rare late introduction
// costs a miss (forgiven) rather than a wrong mark (not forgiven).
//
// No entity name or id appears here: every fact is in the KB data (lib/link/data.ts).
import type { Matcher } from '../match/compile';
import { createContextState, resolveMentions, type ContextState } from '../match/resolve';
import { scan } from '../match/scan';
import type { LinkData, Mention, RawMatch } from '../match/types';

export type RejectReason = 'case' | 'capitals' | 'longer-name' | 'other-person' | 'other-place' | 'regnal-number' | 'claimed' | 'no-introduction' | 'no-context' | 'needs-context';

/** A candidate the linker found and did not link. */
export interface Rejected {
  start: number;
  end: number;
  surface: string;
  alias: number;
  /** The KB entities the words could have named. */
  candidates: string[];
  reason: RejectReason;
  /** Plain words for the reader ("Could be another Washington: …"). */
  why: string;
}

interface Claim {
  entity: string | null;
  name: string;
}

/** Page-level linker state; one per page (or per SPA view). Extends the matcher's context state. */
export interface LinkState extends ContextState {
  title: string;
  titleDone: boolean;
  /** Entities linked on the page so far (and in the title). */
  evidence: Set<string>;
  titleEntities: Set<string>;
  /** Entities a name in the title could be (linked there or not): a headline names its subject, often by surname. */
  titleNamed: Set<string>;
  /** Short form / shared alias → who it means on this page from now on. */
  claims: Map<number, Claim>;
  /** Words of the title (lower case). */
  titleWords: Set<string>;
  /** Candidates not linked, in reading order (capped). */
  rejected: Rejected[];
}

const REJECTED_MAX = 500;

export function createLinkState(title = ''): LinkState {
  return { ...createContextState(), title, titleDone: false, evidence: new Set(), titleEntities: new Set(), titleNamed: new Set(), claims: new Map(), titleWords: new Set(), rejected: [] };
}

/** A ContextState made by createContextState (older callers) gains the linker's fields. */
function asLinkState(state: ContextState): LinkState {
  const s = state as LinkState;
  if (!s.claims) Object.assign(s, createLinkState(), { linked: s.linked });
  return s;
}

interface Lex {
  data: LinkData | undefined;
  titleWords: Set<string>;
  honorifics: Set<string>;
  ordinary: Set<string>;
  modifiers: Set<string>;
  heads: Set<string>;
  suffixes: Set<string>;
  designators: string[];
  regions: string[];
  entityIndex: Map<string, number>;
  ids: readonly string[];
  related: (Set<string> | undefined)[];
}

const lexCache = new WeakMap<Matcher, Lex>();

function lexOf(matcher: Matcher): Lex {
  let x = lexCache.get(matcher);
  if (x) return x;
  const data = matcher.compiled.link;
  const l = data?.lex;
  const set = (w: string[] | undefined) => new Set(w ?? []);
  // Multi-word titles ("Foreign Minister") are recognised by their last word.
  const titleWords = new Set((l?.titles ?? []).map((t) => t.split(' ').pop()!.toLowerCase()));
  x = {
    data,
    titleWords,
    honorifics: set(l?.honorifics),
    ordinary: set(l?.ordinaryWords),
    modifiers: set(l?.modifiers),
    heads: set(l?.nameHeads),
    suffixes: set(l?.nameSuffixes),
    designators: l?.placeDesignators ?? [],
    regions: l?.regions ?? [],
    entityIndex: new Map(matcher.compiled.entities.map((id, i) => [id, i])),
    ids: matcher.compiled.entities,
    related: [],
  };
  lexCache.set(matcher, x);
  return x;
}

const UPPER = /^\p{Lu}/u;
const ROMAN = /^[IVXLCDM]+$/i;
const POSSESSIVE = /['’]s?$/;
/** A word that can be part of a name: "Hunter", "Jean-Pierre", "R." (not "China-made", "Russia's", "NATO"). */
const NAME_WORD = /^\p{Lu}\p{Ll}[\p{L}\p{M}'’]*(?:-\p{Lu}[\p{L}\p{M}'’]*)*$|^\p{Lu}\.$/u;

/** Most words set in capitals (a headline in Title Case, or shouting): capitals say nothing about names there. */
export function isTitleCase(text: string): boolean {
  const words = text.match(/\p{L}{4,}/gu);
  if (!words || words.length < 2) return !!words && UPPER.test(words[0]!);
  let up = 0;
  for (const w of words) if (UPPER.test(w)) up++;
  return up >= words.length * 0.6;
}

/** Is the alias written in a case its data allows? Word by word: a capital in the alias needs a capital in the text. */
function caseAllowed(bits: number, aliasText: string, surface: string, matcherExact: boolean): boolean {
  if (bits & 8) return true;
  const norm = (s: string) => s.replace(/[’‘]/g, "'").replace(/\s+/g, ' ');
  if (bits & 16) return matcherExact || norm(surface) === norm(aliasText);
  const aw = aliasText.split(/\s+/);
  const sw = surface.split(/\s+/);
  for (let i = 0; i < aw.length && i < sw.length; i++) {
    const a = aw[i]!.charAt(0);
    const t = sw[i]!.charAt(0);
    if (a !== a.toLowerCase() && t !== t.toUpperCase()) return false;
  }
  return true;
}

/** A dateline: the block starts with the place, then maybe ", region", maybe "(Agency)", then a dash. */
function isDateline(text: string, m: RawMatch): boolean {
  return text.slice(0, m.start).trim() === '' && /^(?:,[\p{L}\p{M}. ]{2,30})?\s*(?:\([^)]{1,30}\)\s*)?[—–-]/u.test(text.slice(m.suffixEnd));
}

function startsWithAny(rest: string, names: readonly string[]): string | undefined {
  for (const n of names) if (rest.startsWith(n) && !/[\p{L}\p{N}]/u.test(rest.charAt(n.length))) return n;
  return undefined;
}

interface Structure {
  reject?: RejectReason;
  /** The longer or other name ("Hunter Biden", "Toledo, Ohio"). */
  name?: string;
  /** Does that name claim the alias for the rest of the page? */
  claims?: boolean;
  /** An office title right before the name ("President"). */
  title?: string;
  /** A qualifier after a comma that says it is this place ("Washington, D.C."). */
  sameQualifier?: string;
}

/**
 * The name structure around one candidate. `starts`/`ends`: offsets where other
 * candidates of the block start and end (a neighbouring KB name is not an
 * extension: "Putin-Xi", "Moscow Beijing").
 */
function structure(lx: Lex, text: string, m: RawMatch, type: string, quals: readonly string[], titled: boolean, starts: Set<number>, ends: Set<number>): Structure {
  const surface = text.slice(m.start, m.end);
  const person = type === 'p';
  const before = text.slice(Math.max(0, m.start - 40), m.start);
  const prev = /(?:^|\s)(\S+)\s$/u.exec(before)?.[1];
  const prevEnd = m.start - (before.length - before.trimEnd().length);
  const prevIsName = (w: string) =>
    NAME_WORD.test(w) && !lx.ordinary.has(w) && !lx.modifiers.has(w) && !lx.honorifics.has(w) && !lx.titleWords.has(w.toLowerCase()) && !POSSESSIVE.test(w) && !ends.has(prevEnd);
  // A regnal numeral after a name: "Louis XI", "Pius XI".
  if (ROMAN.test(surface) && prev && UPPER.test(prev) && !lx.titleWords.has(prev.toLowerCase()) && !lx.honorifics.has(prev)) {
    return { reject: 'regnal-number', name: `${prev} ${surface}` };
  }
  const out: Structure = {};
  if (prev && lx.titleWords.has(prev.replace(/[.,]$/, '').toLowerCase())) out.title = prev;
  if (m.suffixEnd === m.end) {
    const after = text.slice(m.end, m.end + 60);
    // ", Ohio" / ", D.C." after the name.
    const comma = /^,\s*/.exec(after);
    if (comma) {
      const rest = after.slice(comma[0].length);
      const same = startsWithAny(rest, quals);
      if (same) return { ...out, sameQualifier: same, name: `${surface}, ${same}` };
      const region = startsWithAny(rest, lx.regions);
      if (region) return { reject: person ? 'other-person' : 'other-place', name: `${surface}, ${region}`, claims: true };
    }
    const next = /^[ \u00a0]+([^\s]+)/u.exec(after);
    if (next && !starts.has(m.end + next[0].length - next[1]!.length)) {
      const word = next[1]!.replace(/[,;:!?)"”’'\]]+$/, '');
      const bare = word.replace(/[.,;:!?)"”’'\]]+$/, '');
      if (lx.suffixes.has(word) || lx.suffixes.has(bare) || (person && ROMAN.test(bare) && bare === bare.toUpperCase())) {
        return { reject: 'other-person', name: `${surface} ${word}`, claims: person };
      }
      const same = startsWithAny(after.trimStart(), quals);
      if (same) return { ...out, sameQualifier: same };
      if (type === 'l' && startsWithAny(after.trimStart(), lx.designators)) {
        return { reject: 'other-place', name: `${surface} ${word}`, claims: true };
      }
      const capital = UPPER.test(word) && !lx.ordinary.has(word) && !lx.titleWords.has(bare.toLowerCase()) && !lx.honorifics.has(word) && !POSSESSIVE.test(bare);
      if (capital && (titled ? lx.heads.has(bare) : !/^\p{Lu}[\p{Lu}.-]{0,5}$/u.test(bare) || lx.heads.has(bare))) {
        return { reject: person ? 'other-person' : 'longer-name', name: `${surface} ${bare}`, claims: person && !titled };
      }
    }
  }
  if (!titled && prev && prevIsName(prev)) {
    const word = prev.replace(/[.,]$/, '');
    return { reject: person ? 'other-person' : 'longer-name', name: `${prev} ${surface}`, claims: person && word.length > 0 };
  }
  return out;
}

function relatedOf(lx: Lex, id: string): Set<string> {
  const i = lx.entityIndex.get(id);
  if (i === undefined || !lx.data) return new Set();
  let r = lx.related[i];
  if (!r) r = lx.related[i] = new Set((lx.data.related[i] ?? []).map((k) => lx.ids[k] ?? ''));
  return r;
}

function listNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * Link one block of text (document order; `state` is the page's). Returns the
 * links; the rejected candidates are appended to `state.rejected`.
 */
export function linkText(matcher: Matcher, text: string, state: ContextState, isTitle = false): Mention[] {
  const st = asLinkState(state);
  if (!st.titleDone && !isTitle) {
    st.titleDone = true;
    if (st.title) {
      for (const w of st.title.toLowerCase().match(/\p{L}[\p{L}\p{M}'’-]{3,}/gu) ?? []) st.titleWords.add(w);
      for (const m of linkText(matcher, st.title, st, true)) if (m.entityId) st.titleEntities.add(m.entityId);
    }
  }
  const raw = scan(matcher, text);
  if (raw.length === 0) return [];
  const lx = lexOf(matcher);
  const data = lx.data;
  const legacy = new Map(resolveMentions(matcher, text, raw, st).map((m) => [m.start, m]));
  const titled = isTitleCase(text);
  const starts = new Set(raw.map((m) => m.start));
  const ends = new Set(raw.map((m) => m.end));
  const nameOf = (id: string) => {
    const i = lx.entityIndex.get(id);
    return (i !== undefined && data?.names[i]) || id;
  };
  const typeOf = (id: string) => {
    const i = lx.entityIndex.get(id);
    return (i !== undefined && data?.types.charAt(i)) || 'o';
  };
  const bitsOf = (a: number) => {
    if (data) return data.aliasBits.charCodeAt(a) - 0x30;
    // Bare matchers (tests, benchmarks): the matcher's own rules only.
    const al = matcher.alias(a);
    return al.caseSensitive ? 16 : al.needsContext ? 4 : 8;
  };

  type Cand = { m: RawMatch; bits: number; ids: string[]; s: Structure; drop?: [RejectReason, string] };
  const cands: Cand[] = [];
  const blockEvidence = new Set<string>();
  /**
   * Every entity a candidate of this block could be, and its weight as support
   * for the others (2 halves; 1 for a widely shared name): names of one world
   * support each other ("Putin would go to Moscow").
   */
  const blockNamed = new Map<string, number>();
  for (const m of raw) {
    const al = matcher.alias(m.alias);
    if (al.entityIds.length === 0) continue;
    const bits = bitsOf(m.alias);
    const surface = text.slice(m.start, m.end);
    const type = typeOf(al.entityIds[0]!);
    const c: Cand = { m, bits, ids: al.entityIds, s: {} };
    cands.push(c);
    if (!caseAllowed(bits, al.text, surface, al.caseSensitive) && !(type === 'l' && isDateline(text, m))) {
      c.drop = ['case', `Written “${surface}”: the ordinary word, not the name ${al.text}`];
      continue;
    }
    c.s = structure(lx, text, m, type, (data?.qualifiers[m.alias] as string[] | undefined) ?? [], titled, starts, ends);
    const lm = legacy.get(m.start);
    if (!c.s.reject && lm?.reason === 'alias' && !(bits & 3)) blockEvidence.add(lm.entityId!);
    if (isTitle && !c.s.reject) for (const id of al.entityIds) st.titleNamed.add(id);
    if (!c.s.reject) for (const id of al.entityIds) blockNamed.set(id, Math.max(blockNamed.get(id) ?? 0, bits & 2 ? 1 : 2));
  }

  const out: Mention[] = [];
  const reject = (c: Cand, reason: RejectReason, why: string) => {
    if (isTitle || st.rejected.length >= REJECTED_MAX) return;
    st.rejected.push({ start: c.m.start, end: c.m.end, surface: text.slice(c.m.start, c.m.end), alias: c.m.alias, candidates: [...c.ids], reason, why });
  };
  /** Related KB entities named on the page (or in this block), and whether the title is about `id`. */
  const support = (id: string) => {
    const rel = relatedOf(lx, id);
    const hits: string[] = [];
    for (const e of st.evidence) if (e !== id && rel.has(e)) hits.push(e);
    for (const e of blockEvidence) if (e !== id && rel.has(e) && !st.evidence.has(e)) hits.push(e);
    const i = lx.entityIndex.get(id);
    let words = 0;
    if (data && i !== undefined) {
      const near = new Set(text.toLowerCase().match(/\p{L}[\p{L}\p{M}'’-]{3,}/gu) ?? []);
      for (const w of data.words[i] ?? []) if (near.has(w) || st.titleWords.has(w)) words++;
    }
    const full = hits.length;
    let half = 0;
    for (const [e, w] of blockNamed) {
      if (e !== id && rel.has(e) && !st.evidence.has(e) && !blockEvidence.has(e)) {
        half += w;
        hits.push(e);
      }
    }
    const title = st.titleEntities.has(id) ? 2 : st.titleNamed.has(id) && !isTitle ? 1 : 0;
    return { hits, title: title > 0, words, score: full + half / 2 + title + (words >= 3 ? 1 : 0) };
  };
  const accept = (c: Cand, lm: Mention, id: string, why: string, alternatives?: string[]) => {
    out.push({ ...lm, entityId: id, candidates: [id], why, ...(alternatives?.length ? { alternatives } : {}) });
    st.evidence.add(id);
    // A full name introduces its short forms for the rest of the page.
    if (!(c.bits & 1)) {
      const i = lx.entityIndex.get(id);
      for (const a of (i !== undefined && data?.shortOf[i]) || []) st.claims.set(a, { entity: id, name: nameOf(id) });
    }
  };
  const supportWhy = (id: string, sup: ReturnType<typeof support>) =>
    sup.title && sup.hits.length === 0 ? `The page title names ${nameOf(id)}` : sup.hits.length ? `Linked because the page also mentions ${listNames(sup.hits.slice(0, 2).map(nameOf))}` : `Words near it are about ${nameOf(id)}’s world`;

  // Candidates that lacked support wait for the rest of the block ("Xi" before "Putin" in "Xi tells Putin …").
  let waiting: Cand[] = [];
  const decide = (c: Cand, last: boolean): void => {
    const { m, bits, s } = c;
    const surface = text.slice(m.start, m.end);
    if (c.drop) {
      reject(c, ...c.drop);
      return;
    }
    if (s.reject) {
      if (s.claims && (bits & 3)) st.claims.set(m.alias, { entity: null, name: s.name! });
      const why =
        s.reject === 'regnal-number'
          ? `“${s.name}” is a regnal name, not ${nameOf(c.ids[0]!)}`
          : s.reject === 'longer-name'
            ? `Part of a longer name, “${s.name}”`
            : s.reject === 'other-place'
              ? `“${s.name}” is another place`
              : `“${s.name}” is another person`;
      reject(c, s.reject, why);
      return;
    }
    const lm = legacy.get(m.start);
    if (!lm) {
      reject(c, 'needs-context', `“${surface}” alone: no other KB name near it`);
      return;
    }
    const claim = bits & 3 ? st.claims.get(m.alias) : undefined;
    let id = lm.entityId;
    let alternatives: string[] | undefined;
    if (id === null) {
      // Two KB entities compete: take the one the page is about, if only one is.
      const backed = lm.candidates.filter((e) => (claim ? claim.entity === e : support(e).score >= 2));
      if (backed.length !== 1) {
        out.push({ ...lm, why: `Could be ${listNames(lm.candidates.map(nameOf))}` });
        return;
      }
      id = backed[0]!;
      alternatives = lm.candidates.filter((e) => e !== id);
    }
    const name = nameOf(id);
    if (claim && claim.entity !== id) {
      reject(c, 'claimed', claim.entity === null ? `“${surface}” here is most likely ${claim.name}, named earlier on this page` : `“${surface}” here is ${nameOf(claim.entity)}`);
      return;
    }
    if (s.sameQualifier) {
      if (bits & 3) st.claims.set(m.alias, { entity: id, name });
      accept(c, lm, id, `“${surface}, ${s.sameQualifier}” names ${name}`, alternatives);
      return;
    }
    if (bits & 1) {
      // Short form: introduced, or the page is about it.
      if (s.title && !lx.honorifics.has(s.title)) {
        st.claims.set(m.alias, { entity: id, name });
        accept(c, lm, id, `Introduced with a title: “${s.title} ${surface}”`, alternatives);
        return;
      }
      const bracket = /[[(]([^\])]*?)(\S+)\s*[\])]\s*$/u.exec(text.slice(Math.max(0, m.start - 80), m.start));
      if (bracket) {
        const full = `${bracket[2]} ${surface}`;
        const hit = scan(matcher, full).find((x) => x.start === 0 && x.end === full.length);
        if (hit && matcher.alias(hit.alias).entityIds.includes(id)) {
          st.claims.set(m.alias, { entity: id, name });
          accept(c, lm, id, `Full name on this page, split by brackets: “${text.slice(m.start - (bracket[0].length - bracket.index), m.end).trim()}”`, alternatives);
          return;
        }
      }
      if (claim) {
        accept(c, lm, id, `Short for ${name}, named earlier on this page`, alternatives);
        return;
      }
      const sup = support(id);
      if (sup.score >= (bits & 2 ? 2 : 1)) {
        accept(c, lm, id, supportWhy(id, sup), alternatives);
        return;
      }
      if (!last) return void waiting.push(c);
      reject(c, 'no-introduction', `“${surface}” alone: this page never introduces ${name}${bits & 2 ? `, and many others are called ${surface}` : ''}`);
      return;
    }
    if (bits & 2 && !claim) {
      // A shared name: the page must be about the KB's world.
      if (!st.evidence.has(id)) {
        const sup = support(id);
        if (sup.score < 1) {
          if (!last) return void waiting.push(c);
          const rel = [...relatedOf(lx, id)].slice(0, 2).map(nameOf);
          reject(c, 'no-context', `Could be another ${surface}: nothing else on this page relates to ${name}${rel.length ? ` (such as ${listNames(rel)})` : ''}`);
          return;
        }
        accept(c, lm, id, supportWhy(id, sup), alternatives);
        return;
      }
      accept(c, lm, id, `${name} is linked earlier on this page`, alternatives);
      return;
    }
    accept(c, lm, id, claim ? `Short for ${name}, named earlier on this page` : typeOf(id) === 'p' && !(bits & 1) ? 'Full name on this page' : 'Named on this page', alternatives);
  };
  for (const c of cands) decide(c, false);
  if (waiting.length) {
    const again = waiting;
    waiting = [];
    for (const c of again) decide(c, true);
    out.sort((a, b) => a.start - b.start);
  }
  return out;
}
