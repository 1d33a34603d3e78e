// Generated inputs for the benchmark (Node side): synthetic alias lists, news-like
// pages in realistic markup with mentions injected at a known density, and a
// synthetic KB document (for the IndexedDB figures). Deterministic (seeded PRNG),
// so two runs measure the same pages.
import type { KbDocument, KbEntity } from '../../lib/kb/document';
import { Alias, type EntityType } from '../../lib/kb/schema';
import type { CompiledMatcher, LinkData, MatchAliasInput } from '../../lib/match/types';
import { compileLinkData } from '../../lib/link/data';

/** mulberry32: a small deterministic PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const cap = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

// Syllables of synthetic names: chosen so that no English word of the prose is
// made of them (the prose below never contains q/x/z/v-heavy syllables like these).
const SYL = ['zar', 'qel', 'vix', 'kesh', 'dral', 'thok', 'yil', 'wex', 'jorv', 'xan', 'tyr', 'quo', 'zhev', 'brak', 'olv', 'ixa', 'muz', 'rakh', 'sev', 'gzo', 'plin', 'vod', 'kaz', 'ulm', 'fex', 'nyr', 'zol', 'drev', 'hux', 'trov', 'yaz', 'kiv'];
export const ENTITY_TYPES: readonly EntityType[] = ['person', 'organisation', 'place', 'weapon', 'event', 'agreement'];

/**
 * `count` distinct synthetic aliases. Nested: the first n of a longer list are
 * the list of length n for the same seed, so the 100-alias KB is a subset of the
 * 1k one, and so on. About 10 % are model numbers / acronyms ("QX-12"), 5 % need
 * context; two aliases per entity.
 */
export function syntheticAliases(count: number, seed = 42): MatchAliasInput[] {
  const r = rng(seed);
  const out: MatchAliasInput[] = [];
  const seen = new Set<string>();
  while (out.length < count) {
    let text: string;
    if (r() < 0.1) {
      text = pick(r, ['Q', 'X', 'Z']);
      const len = 1 + Math.floor(r() * 3);
      for (let i = 0; i < len; i++) text += String.fromCharCode(65 + Math.floor(r() * 26));
      text += `-${1 + Math.floor(r() * 400)}`;
    } else {
      const words = 1 + Math.floor(r() * 3);
      const parts: string[] = [];
      for (let i = 0; i < words; i++) {
        let w = '';
        const syllables = 1 + Math.floor(r() * 3);
        for (let k = 0; k < syllables; k++) w += pick(r, SYL);
        parts.push(cap(w));
      }
      text = parts.join(' ');
    }
    const key = text.toLowerCase();
    if (seen.has(key) || text.length < 4) continue;
    seen.add(key);
    out.push({ text, entityIds: [`syn-${out.length >> 1}`], needsContext: r() < 0.05 });
  }
  return out;
}

/** Entity type of a synthetic entity id (spread over the six types). */
export function syntheticType(id: string): EntityType {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) | 0;
  return ENTITY_TYPES[Math.abs(h) % ENTITY_TYPES.length]!;
}

// ------------------------------------------------------------------ prose

const WORDS = (
  'the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were her she there ' +
  'been one all we their has would when if so no what up out said about more who will than its into them two only could new after some ' +
  'over also time first year government people officials week month report reports told statement talks forces attack city region border ' +
  'military defence minister ministry president agreement deal plan peace war troops support aid weapons drones missiles sanctions economy ' +
  'market prices energy gas oil exports imports trade meeting summit leaders spokesman spokeswoman according sources analysts experts ' +
  'between during against while because before since under without across toward around along despite following amid several many most ' +
  'other another every each such same different important possible likely recent former current national international local foreign ' +
  'public political economic security strategic significant major senior early late last next later earlier yesterday today morning evening ' +
  'announced confirmed denied claimed warned suggested insisted added noted described called urged promised expected agreed rejected ' +
  'launched delivered received produced supplied tested deployed destroyed damaged killed injured wounded reported published released ' +
  'questions answers evidence details figures numbers claims comments remarks interview briefing conference document letter decision ' +
  'village town capital province coast river bridge road airport port factory plant station building hospital school university company ' +
  'industry workers families children residents civilians soldiers officers commanders volunteers journalists correspondents editors'
).split(' ');
const FILLER_NAMES = (
  'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June July August September October November ' +
  'December Mr Ms Dr Professor Smith Johnson Garcia Martin Brown Taylor Anderson Thomas Jackson White Harris Clark Lewis Walker Hall Allen ' +
  'Young King Wright Lopez Hill Scott Green Adams Baker Nelson Carter Mitchell Roberts Turner Phillips Campbell Parker Evans Edwards Collins'
).split(' ');

/** Every word the prose generator may write (to check against the KBs' aliases). */
export function vocabulary(): string[] {
  return [...WORDS, ...FILLER_NAMES];
}

export interface Injection {
  /** The alias text as written on the page (exact case), possibly with "’s". */
  text: string;
  kb: 'synthetic' | 'real';
}

export interface PageSpec {
  /** Target amount of page text, in UTF-16 code units. */
  chars: number;
  /** Direct-link synthetic aliases to inject (all of them are in every synthetic KB). */
  synthetic: readonly string[];
  /** Direct-link aliases of the real KB to inject. */
  real: readonly string[];
  /** One injected mention of each kind per this many chars. */
  density: number;
  /** Words of the prose that must not be used (they would match an alias). */
  banned?: ReadonlySet<string>;
  seed?: number;
}

export interface GeneratedPage {
  html: string;
  /** Chars of text in the body (approximate textContent length). */
  textChars: number;
  textNodes: number;
  injected: { synthetic: number; real: number };
  /** The text of a paragraph, to append in the mutation storm (`{n}` is replaced by a counter). */
  stormParagraphs: string[];
}

/** HTML-escape text (the generator only emits its own words, but keep it honest). */
function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

class Prose {
  private sinceSyn = 0;
  private sinceReal: number;
  injected = { synthetic: 0, real: 0 };
  private readonly words: string[];
  private readonly names: string[];
  constructor(
    private readonly r: () => number,
    private readonly spec: PageSpec,
  ) {
    // Offset by half a period, so the two kinds of mention don't come in pairs.
    this.sinceReal = spec.density / 2;
    const banned = spec.banned ?? new Set<string>();
    this.words = WORDS.filter((w) => !banned.has(w.toLowerCase()));
    this.names = FILLER_NAMES.filter((w) => !banned.has(w.toLowerCase()));
  }

  /** The next mention to inject, if one is due after `len` more chars. */
  private due(len: number): Injection | null {
    this.sinceSyn += len;
    this.sinceReal += len;
    const { density } = this.spec;
    if (this.sinceSyn >= density && this.spec.synthetic.length) {
      this.sinceSyn -= density;
      this.injected.synthetic++;
      return { text: pick(this.r, this.spec.synthetic) + (this.r() < 0.15 ? '’s' : ''), kb: 'synthetic' };
    }
    if (this.sinceReal >= density && this.spec.real.length) {
      this.sinceReal -= density;
      this.injected.real++;
      return { text: pick(this.r, this.spec.real) + (this.r() < 0.15 ? '’s' : ''), kb: 'real' };
    }
    return null;
  }

  /** `n` words of prose as HTML, with inline markup and injected mentions. Returns [html, text length]. */
  run(n: number, opts: { inline?: boolean; sentence?: boolean } = {}): [string, number] {
    const r = this.r;
    let html = '';
    let len = 0;
    let startOfSentence = opts.sentence ?? true;
    let sentenceLeft = 8 + Math.floor(r() * 18);
    for (let i = 0; i < n; i++) {
      let word: string;
      let isMention = false;
      const inj = this.due(6);
      if (inj) {
        word = inj.text;
        isMention = true;
      } else if (r() < 0.05) word = pick(r, this.names);
      else word = pick(r, this.words);
      if (startOfSentence && !isMention) word = cap(word);
      startOfSentence = false;
      let piece = esc(word);
      // Inline markup: links, em, strong (a mention sometimes inside one, or split across one).
      const roll = opts.inline === false ? 1 : r();
      if (roll < 0.028) piece = `<a href="/story/${Math.floor(r() * 1e6)}">${piece}</a>`;
      else if (roll < 0.04) piece = `<em>${piece}</em>`;
      else if (roll < 0.048) piece = `<strong>${piece}</strong>`;
      else if (isMention && roll < 0.1 && word.includes(' ')) {
        // "<b>Zar</b> Qelvix": a name split across an inline element.
        const sp = word.indexOf(' ');
        piece = `<b>${esc(word.slice(0, sp))}</b>${esc(word.slice(sp))}`;
      }
      html += piece;
      len += word.length;
      if (--sentenceLeft <= 0 && opts.sentence !== false) {
        html += '. ';
        len += 2;
        startOfSentence = true;
        sentenceLeft = 8 + Math.floor(r() * 18);
      } else if (i < n - 1) {
        const sep = r() < 0.06 ? ', ' : ' ';
        html += sep;
        len += sep.length;
      }
    }
    if (opts.sentence !== false && !startOfSentence) {
      html += '.';
      len += 1;
    }
    return [html, len];
  }
}

/**
 * A long news page (a front page / live blog: many articles one after another)
 * with about `spec.chars` chars of text. Markup as news sites write it: header
 * and nav, per article a kicker, headline link, byline with links and a time,
 * a figure with caption and credit, paragraphs with links/em/strong, pull
 * quotes, a related-links aside; a footer. Indented source (white-space text
 * nodes between blocks, as real pages have).
 */
export function generatePage(spec: PageSpec): GeneratedPage {
  const r = rng(spec.seed ?? 7);
  const prose = new Prose(r, spec);
  const surnames = FILLER_NAMES.slice(26).filter((w) => !(spec.banned ?? new Set()).has(w.toLowerCase()));
  const parts: string[] = [];
  let chars = 0;
  const add = (html: string, len: number) => {
    parts.push(html);
    chars += len;
  };
  add(
    '<header class="site">\n  <nav>\n    <ul>\n      <li><a href="/">Home</a></li>\n      <li><a href="/world">World</a></li>\n      <li><a href="/politics">Politics</a></li>\n      <li><a href="/business">Business</a></li>\n      <li><a href="/opinion">Opinion</a></li>\n    </ul>\n  </nav>\n</header>\n<main>\n',
    40,
  );
  let story = 0;
  while (chars < spec.chars) {
    story++;
    const [head, headLen] = prose.run(8 + Math.floor(r() * 6), { inline: false, sentence: false });
    const [cap1, capLen] = prose.run(12 + Math.floor(r() * 14));
    const author = () => `${pick(r, surnames)} ${pick(r, surnames)}`;
    const a1 = author();
    const a2 = author();
    let html =
      `<article class="story" id="s${story}">\n  <header>\n    <p class="kicker"><a href="/world">World</a></p>\n` +
      `    <h2><a href="/story/${story}">${head}</a></h2>\n` +
      `    <p class="byline">By <a href="/author/${story}a">${a1}</a> and <a href="/author/${story}b">${a2}</a>, <time datetime="2024-02-24">24 February 2024</time></p>\n  </header>\n` +
      `  <figure>\n    <div class="img" style="height:120px;background:#ddd"></div>\n    <figcaption>${cap1} <span class="credit">Photograph: Agency</span></figcaption>\n  </figure>\n`;
    let len = 5 + headLen + 8 + a1.length + a2.length + 16 + capLen + 20;
    const paragraphs = 8 + Math.floor(r() * 10);
    for (let p = 0; p < paragraphs; p++) {
      const [body, bodyLen] = prose.run(40 + Math.floor(r() * 70));
      html += `  <p>${body}</p>\n`;
      len += bodyLen;
      if (p === 3 && r() < 0.5) {
        const [q, qLen] = prose.run(15 + Math.floor(r() * 10));
        html += `  <blockquote class="pull"><p>“${q}”</p></blockquote>\n`;
        len += qLen + 2;
      }
    }
    html += '  <aside class="related">\n    <h3>Related</h3>\n    <ul>\n';
    len += 7;
    for (let k = 0; k < 4; k++) {
      const [rel, relLen] = prose.run(6 + Math.floor(r() * 6), { inline: false, sentence: false });
      html += `      <li><a href="/story/${story}-${k}">${rel}</a></li>\n`;
      len += relLen;
    }
    html += '    </ul>\n  </aside>\n</article>\n';
    add(html, len);
  }
  add('</main>\n<footer class="site">\n  <p>© 2024 The Daily Example. <a href="/terms">Terms</a> · <a href="/privacy">Privacy</a></p>\n</footer>\n', 40);

  const injected = { ...prose.injected };
  const storm: string[] = [];
  for (let k = 0; k < 50; k++) storm.push(prose.run(40 + Math.floor(r() * 50))[0]);
  const body = parts.join('');
  const textNodes = countTextNodes(body);
  const html = `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Bench page</title>\n<style>body{font:16px/1.5 serif;max-width:46em;margin:0 auto;padding:0 1em} figure{margin:1em 0} .byline,.credit{color:#555;font-size:.9em} aside{border-top:1px solid #ccc}</style>\n</head>\n<body>\n${body}</body>\n</html>\n`;
  return { html, textChars: chars, textNodes, injected, stormParagraphs: storm };
}

/** Text nodes the parser will make (runs of text between tags, white space included). */
function countTextNodes(html: string): number {
  let n = 0;
  const re = />([^<]+)</g;
  for (let m = re.exec(html); m; m = re.exec(html)) n++;
  return n;
}

// ------------------------------------------------------------------ KB documents

/**
 * The real KB plus `extra` synthetic entities modelled on the real ones (each
 * copies a real entity's facts, reports, related entities and caveats, so
 * records have realistic sizes and cards assemble), for the IndexedDB figures.
 */
export function syntheticKb(real: KbDocument, extra: number): KbDocument {
  const aliases = syntheticAliases(extra * 2, 99);
  const entities: KbEntity[] = [...real.entities];
  for (let i = 0; i < extra; i++) {
    const model = real.entities[i % real.entities.length]!;
    const a = aliases[2 * i]!;
    const b = aliases[2 * i + 1]!;
    entities.push({
      ...model,
      id: `syn-${i}`,
      type: syntheticType(`syn-${i}`),
      name: a.text,
      // The schema fills in every default, so this follows the KB format as it changes.
      aliases: [
        { ...Alias.parse({ text: a.text }), mentions: 1, reports: model.reports.slice(0, 1).map((x) => x.report) },
        { ...Alias.parse({ text: b.text }), mentions: 1, reports: [] },
      ],
    });
  }
  return { ...real, hash: `${real.hash}-syn${extra}`, entities };
}

// ------------------------------------------------------------------ link data

/**
 * The page linker's data (lib/link/data.ts compileLinkData, the real compiler)
 * for a compiled synthetic matcher, so the benchmark's scan runs the linker as
 * every page does: one entity per id (type as syntheticType), its aliases as
 * the KB would store them (context-needing ones are short forms of a widely
 * shared name: the linker's evidence rules run for them), each entity related
 * to its neighbours. No reports, so no context words.
 */
export function syntheticLinkData(compiled: CompiledMatcher): LinkData {
  const byEntity = new Map<string, { text: string; needsContext: boolean }[]>();
  compiled.aliasText.forEach((text, a) => {
    const ents = compiled.aliasEntities[a];
    const needsContext = ((compiled.aliasFlags.charCodeAt(a) - 0x30) & 2) !== 0;
    for (const i of typeof ents === 'number' ? [ents] : (ents ?? [])) {
      const id = compiled.entities[i]!;
      let list = byEntity.get(id);
      if (!list) byEntity.set(id, (list = []));
      list.push({ text, needsContext });
    }
  });
  const entities = compiled.entities.map((id, i) => {
    const aliases = byEntity.get(id) ?? [];
    return {
      id,
      type: syntheticType(id),
      name: aliases[0]?.text ?? id,
      aliases: aliases.map((a) => Alias.parse({ text: a.text, needsContext: a.needsContext, ...(a.needsContext ? { shortForm: true, shared: true } : {}) })),
      related: [compiled.entities[i - 1], compiled.entities[i + 1]].filter((r): r is string => r !== undefined).map((r) => ({ id: r })),
    };
  });
  return compileLinkData({ entities, reports: [] } as unknown as Pick<KbDocument, 'entities' | 'reports'>, compiled);
}
