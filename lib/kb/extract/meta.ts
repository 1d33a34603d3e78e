// What a plain-text report says about itself, for a report nobody has
// described by hand: its headline (the first line), its publisher, its date
// and the original it republishes. Whatever the text does not say stays
// unknown, and the provenance rules then say so to the reader.
import { statedDates } from '../dates';
import type { ReportMeta } from '../schema';
import { alternation, PROVENANCE_PHRASES } from './provenance-words';

const PUBLISHED_LINE = /^(?:published|posted|updated|date|first published|опубликовано|publié|veröffentlicht)\s*:?\s*/i;
// "This explainer was first published by X and is republished here under a Creative Commons licence": any of a newsroom's words for a text (data/provenance-phrases.json).
const PIECE = `(?:${alternation(PROVENANCE_PHRASES.pieceNouns)})`;
const REPUBLISHED = new RegExp(
  `(?:^|\\n)\\s*(Read (?:more|the full (?:story|article)) (?:at|on)|This ${PIECE} (?:is|was) (?:republished|reprinted|reproduced|originally published|first published)(?: here)?(?: with permission)? (?:from|by|in|on)(?: the)?|Originally (?:published|posted|appeared) (?:at|on|by|in)|This ${PIECE} (?:first|originally) appeared (?:on|in|at)|First published (?:at|on|by|in)|Source:)\\s*([^\\n]+)`,
  'i',
);
/** The outlet only, out of "The Lagos Ledger and is republished here with permission.". */
const originName = (s: string) => s.trim().replace(/\s+(?:and (?:is|was|has|appears|appeared)|with permission|under (?:a|an|the)|on \p{L}+day)\b.*$/su, '').replace(/[.;,]$/, '').trim();
const PUBLISHER_LINE = /(?:^|\n)\s*(?:©|\(c\)|Copyright)\s*(?:\d{4}\s+)?([^\n.,|]{2,60})/i;

// A byline near the top: "By Marta Quintela | Atlantic Ledger | 12 May 2025", "Dhaka Tribune Wire | 17 June 2025",
// "PRESS RELEASE | Helios Nederland B.V. | 3 March 2026" (a label, then the publisher).
const BYLINE = /^[ \t]*(?:[^|\n]+?[ \t]*\|[ \t]*)?(\p{Lu}[^|\n\d]{1,60}?)[ \t]*\|[ \t]*[^|\n]*\b\d{4}\b[^|\n]*$/mu;
const DATELINE = /(?:^|\n)[A-Z][A-Z .'’-]{2,40},[^\n(]{0,40}\(([^)]{2,40})\)\s*[-–—]/;
// A byline with commas: "By Mina Park, Harbour Wire, 2 May 2026". The middle part can as well be a
// role ("Staff Writer") or a place ("Seoul"), so it counts only when it reads as an outlet's name: an
// acronym (AP, BBC) or a name that ends in a word outlets are called by (Wire, Times, Post, Herald…).
const COMMA_BYLINE = /^[ \t]*By[ \t]+\p{Lu}[\p{L}.'’ -]{1,50}?,[ \t]*([^,\n]{2,60}?)[ \t]*,[^\n]*\b\d{4}\b[^\n]*$/mu;
const OUTLET_NAME =
  /^(?:\p{Lu}{2,6}|(?:The\s+)?\p{Lu}[\p{L}&'’.-]*(?:\s+\p{Lu}[\p{L}&'’.-]*)*\s+(?:Wire|News|Times|Post|Press|Herald|Journal|Agency|Tribune|Daily|Gazette|Review|Radio|TV|Network|Media|Telegraph|Monitor|Observer|Chronicle|Express|Standard|Mail|Star|Today|Ledger|Courier|Record|Bulletin|Dispatch|Digest|Magazine|Weekly|Current|Sun|Globe|Guardian|Independent|Voice|Sentinel|Enquirer|Examiner|Inquirer|Mercury|Register|Advertiser|Citizen))$/u;
// A dateline in mixed case: "Tel Aviv, 14 March 2026 (Harbour Wire) —", "Khartoum, Sudan, May 3, 2026 —" (a date, then an optional agency, then a dash), or "Goma (Reuters) —" (an agency by its name).
const MIXED_DATELINE = /(?:^|\n)[ \t]*\p{Lu}[\p{L} .'’-]{2,40}(?:,[^\n(\d]{0,30}\d[^\n(]{0,25}?(?:\(([^)\n]{2,40})\)\s*)?|\s*\(((?:AFP|AP|Reuters|[^)\n]{2,30}(?:Wire|Agency|Press|News)))\)\s*)[-–—]/u;

/**
 * An outlet's name for the publisher rules only (bylineNames keeps OUTLET_NAME): also a broadcaster's
 * "BBC Radio Sheffield" (an acronym, then a medium word) and a magazine's "The Harrow Quarterly".
 */
const OUTLET_LIKE =
  /^(?:\p{Lu}{2,6}(?:\s+(?:Radio|TV|Television|News|World|One|Two|Sport|Business)(?:\s+\p{Lu}[\p{L}'’-]*)?)?|(?:The\s+)?\p{Lu}[\p{L}&'’.-]*(?:\s+\p{Lu}[\p{L}&'’.-]*)*\s+(?:Wire|News|Times|Post|Press|Herald|Journal|Agency|Tribune|Daily|Gazette|Review|Radio|TV|Network|Media|Telegraph|Monitor|Observer|Chronicle|Express|Standard|Mail|Star|Today|Ledger|Courier|Record|Bulletin|Dispatch|Digest|Magazine|Weekly|Quarterly|Monthly|Economist|Insider|Broadcasting|Television|Current|Sun|Globe|Guardian|Independent|Voice|Sentinel|Enquirer|Examiner|Inquirer|Mercury|Register|Advertiser|Citizen))$/u;
/** The report naming its own outlet in the body: "the CEO told Nordic Markets Wire", "speaking to BBC Radio Leeds", "Harbour Wire has learned". */
const OUTLET_IN_BODY = [
  /\b(?:told|[Ss]peaking to|[Ss]poke to|[Ii]n an interview with|in a statement to|in an email to|[Ww]hen contacted by|[Ww]hen asked by)\s+((?:the\s+)?\p{Lu}[\p{L}&'’.-]*(?:\s+\p{Lu}[\p{L}&'’.-]*){0,4})/gu,
  /((?:[Tt]he\s+)?\p{Lu}[\p{L}&'’.-]*(?:\s+\p{Lu}[\p{L}&'’.-]*){0,4})\s+(?:has learned|has learnt|can reveal|can now reveal|has established|has obtained|has seen|understands that)\b/gu,
];
/** "The X is a nonprofit newsroom covering …": an outlet describing itself (data/provenance-phrases.json). */
const OUTLET_SELF = new RegExp(
  `^((?:The\\s+)?\\p{Lu}[\\p{L}&'’.-]*(?:\\s+\\p{Lu}[\\p{L}&'’.-]*){0,5})\\s+is\\s+(?:a|an|the)\\s+(?:[\\p{L}-]+\\s+){0,3}?(?:${alternation(PROVENANCE_PHRASES.outletSelfNouns)})\\b`,
  'u',
);
const OUTLET_CUES = alternation(PROVENANCE_PHRASES.outletCueVerbs);
/** A date in a month and day with no year, in a dateline: "OSLO, Dec 3 (Nordic Markets Wire) -", "ISTANBUL, March 4 (Reuters) -". */
const MONTH_DAY = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b/;

/** A press release's first line ("FOR IMMEDIATE RELEASE") is a label, not its headline. */
const RELEASE_LABEL = /^(?:FOR IMMEDIATE RELEASE|PRESS RELEASE|NEWS RELEASE|MEDIA RELEASE)\s*:?$/i;

/** A name a byline gives, with its place in the text: the writer, the outlet, or the place it was filed from. */
export interface BylineName {
  text: string;
  start: number;
  role: 'writer' | 'outlet' | 'place';
  /** [start, end) of the whole byline or sign-off line, which no other rule reads. */
  line: [number, number];
}

const WRITER_PART = /^(?:By|Interview by|Words by|Text by|Story by|Reporting by)[ \t]+(\p{Lu}.*)$/u;
/** A section label ("Live coverage", "Corrections and clarifications"): a phrase in sentence case, not a name. */
const SENTENCE_CASE = /^\p{Lu}\p{Ll}+(?:[ \t]+(?:and|of|&|the|\p{Ll}[\p{L}'’-]*))+$/u;
/** A writer's name: capitalised words and the lower-case particles of surnames ("Johan van der Merwe", "Ciarán Ó Briain"). */
const PERSON_SHAPE = /^\p{Lu}[\p{L}'’.-]*(?:[ \t]+(?:\p{Lu}[\p{L}'’.-]*|\p{Ll}{1,4}[-'’]\p{Lu}[\p{L}'’.-]*|de|da|do|dos|das|del|della|di|du|van|von|der|den|bin|al|la|le))+$/u;
/** "By Staff Reporter", "By Our Correspondent": a role, not a writer's name. */
const NOT_A_WRITER = /\b(?:Staff|Reporters?|Correspondents?|Editors?|Writers?|Desk|Team|Bureau|Our|Agencies)\b/i;
const CAPS_WORD = /^\p{Lu}[\p{Lu}'’.-]+$/u;
/** "Nikos Pappas, athletics correspondent": a writer and their beat. */
const WRITER_WITH_ROLE = /^(\p{Lu}[\p{L}'’.-]*(?:[ \t]+\p{Lu}[\p{L}'’.-]*){1,3}),[ \t]+[\p{Ll} ]*\b(?:correspondent|editor|reporter|writer|columnist|journalist)$/u;
/** A bare two-to-four-word name beside an outlet's field: "Meera Iyer | The Harbour Ledger". */
const BARE_WRITER = /^(?!The[ \t])\p{Lu}\p{Ll}[\p{L}'’.-]*(?:[ \t]+\p{Lu}\p{Ll}[\p{L}'’.-]*){1,3}$/u;
/** A section label in capitals ("ANALYSIS", "OPINION", "EXCLUSIVE"): longer than an outlet's acronym. */
const SECTION_IN_CAPS = /^\p{Lu}{7,}$/u;
/** An outlet named with a channel number: "Delta 9 News", "France 24". */
const NUMBERED_OUTLET = /^\p{Lu}[\p{L}]+(?:[ \t]+(?:\d{1,3}|\p{Lu}[\p{L}]*))*[ \t]+\d{1,3}(?:[ \t]+\p{Lu}[\p{L}]*)*$/u;
/** The line under a byline that names the outlet and the date: "Harbour Fisheries Report, 3 December 2026" (not "Saturday, December 5, 2026"). */
const OUTLET_DATE_LINE = /^[ \t]*((?:The[ \t]+)?\p{Lu}[\p{L}&'’.-]*(?:[ \t]+(?:\p{Lu}[\p{L}&'’.-]*|of|the|and|&)){1,6})[ \t]*,[ \t]*[^\n.!?]{0,40}\b\d{4}\b[^\n.!?]{0,20}$/u;
const DAY_OR_MONTH = /^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?(?:\s|$)|^(?:Published|Updated|Posted|Last)\b/;

/** "A and B", "A, B and C": the writers of one byline. */
function splitWriters(s: string, at: number, line: [number, number], text: string): BylineName[] {
  const out: BylineName[] = [];
  let from = at;
  for (const w of s.split(/,[ \t]*|[ \t]+and[ \t]+/)) {
    const who = w.trim();
    if (!PERSON_SHAPE.test(who) || NOT_A_WRITER.test(who)) continue;
    const start = text.indexOf(who, from);
    from = start + who.length;
    out.push({ text: who, start, role: 'writer', line });
  }
  return out;
}

/**
 * The names in a report's byline and sign-off: "By Ana Ruiz | The Ledger | 2 May 2026", "Western Gazette | 4 May 2026 | By Máire
 * Ní Bhriain", "Coastline Daily | Live coverage | …" (a section label is no name), "By MARTA QUINTELA-SOUSA
 * Associated Press" (a wire byline: the writer in capitals, then the agency), "By Renata Campos, Southern Cross News, Porto Alegre"
 * (writer, outlet, the place it was filed from) and a wire sign-off, "(Reporting by X; Editing by Y and Z)".
 */
export function bylineNames(text: string): BylineName[] {
  const out: BylineName[] = [];
  const top = text.split('\n').slice(0, 6).join('\n').length;
  let at = 0;
  let afterBy = false;
  for (const raw of text.split('\n')) {
    const lineStart = at;
    at += raw.length + 1;
    const line: [number, number] = [lineStart, lineStart + raw.length];
    // The sign-off: "(Reporting by Oona Brennan; Editing by Kim Lindqvist)", "Reporting by A in Lima; Writing by B".
    const sign = /^[ \t]*(?:[—–-][ \t]*)?\(?[ \t]*((?:Additional[ \t]+)?(?:Reporting|Writing|Editing|Compiled|Reported|Graphics|Updates|Updated)[ \t]+by[ \t].*?)\)?[ \t]*$/i.exec(raw);
    if (sign) {
      let from = lineStart;
      for (const part of sign[1]!.split(/;/)) {
        const m = /^[ \t]*(?:[\p{L} ]+?)[ \t]+by[ \t]+(.+?)[ \t]*$/u.exec(part);
        if (!m) continue;
        const [who, where] = m[1]!.split(/[ \t]+in[ \t]+(?=\p{Lu})/u);
        const partAt = text.indexOf(part, from);
        from = partAt + part.length;
        out.push(...splitWriters(who!, partAt, line, text));
        if (where) {
          for (const w of where.split(/[ \t]+and[ \t]+|,[ \t]*/)) {
            const start = text.indexOf(w, partAt);
            if (/^\p{Lu}/u.test(w)) out.push({ text: w, start, role: 'place', line });
          }
        }
      }
      continue;
    }
    if (lineStart >= top) continue;
    if (raw.includes('|')) {
      const parts = raw.split('|');
      // "By X", "X, athletics correspondent", or "Meera Iyer | The Harbour Ledger": a person's name beside an outlet's.
      const outletPart = parts.some((p) => OUTLET_LIKE.test(p.trim()));
      const writers = parts.map((p) => WRITER_PART.exec(p.trim()) ?? WRITER_WITH_ROLE.exec(p.trim()) ?? (outletPart && BARE_WRITER.test(p.trim()) && !OUTLET_LIKE.test(p.trim()) ? [p.trim(), p.trim()] : null));
      if (!writers.some(Boolean) && !parts.some((p) => /\b\d{4}\b/.test(p))) continue;
      let off = lineStart;
      let outlet = false;
      parts.forEach((p, i) => {
        const partAt = off;
        off += p.length + 1;
        const t = p.trim();
        const w = writers[i];
        if (w) out.push(...splitWriters(w[1]!, partAt + p.indexOf(w[1]!), line, text));
        // "ANALYSIS", "OPINION": a section label in capitals is no outlet.
        // ("Delta 9 News", "France 24": a channel's number is part of its name; a date or a time is not.)
        else if (!outlet && /^\p{Lu}/u.test(t) && (!/\d/.test(t) || (NUMBERED_OUTLET.test(t) && !MONTH_DAY.test(t))) && !RELEASE_LABEL.test(t) && !SENTENCE_CASE.test(t) && !SECTION_IN_CAPS.test(t)) {
          outlet = true;
          out.push({ text: t, start: partAt + p.indexOf(t), role: 'outlet', line });
        }
      });
      continue;
    }
    const by = /^[ \t]*By[ \t]+(\p{Lu}.*?)[ \t]*$/u.exec(raw);
    // "By Anna Berg" then "Harbour Fisheries Report, 3 December 2026": the line under a writer's byline names the outlet.
    const under = !by && afterBy ? OUTLET_DATE_LINE.exec(raw) : null;
    if (raw.trim()) afterBy = Boolean(by);
    // (Not "Senior Correspondent, 3 May 2026": a writer's role.)
    if (under && !DAY_OR_MONTH.test(under[1]!) && !SENTENCE_CASE.test(under[1]!) && /\s/.test(under[1]!) && !NOT_A_WRITER.test(under[1]!) && !/\b(?:Columnist|Journalist|Contributor|Analyst)\b/i.test(under[1]!)) {
      out.push({ text: under[1]!, start: lineStart + raw.indexOf(under[1]!), role: 'outlet', line });
      continue;
    }
    if (!by) continue;
    const body = by[1]!;
    const bodyAt = lineStart + raw.indexOf(body);
    const tokens = body.split(/[ \t]+/);
    const caps = tokens.findIndex((t) => !CAPS_WORD.test(t));
    // "By MARTA QUINTELA-SOUSA Associated Press": the name in capitals, then the agency in mixed case.
    if (caps >= 2 && !body.includes(',')) {
      const who = tokens.slice(0, caps).join(' ');
      const rest = body.slice(body.indexOf(tokens[caps]!, who.length)).trim();
      out.push({ text: who, start: bodyAt, role: 'writer', line });
      if (/^\p{Lu}/u.test(rest)) out.push({ text: rest, start: text.indexOf(rest, bodyAt + who.length), role: 'outlet', line });
      continue;
    }
    // "By Renata Campos, Southern Cross News, Porto Alegre": writer, outlet (a name in the outlet's words), the place it was filed from.
    const parts = body.split(/,[ \t]*/);
    if (parts.length === 1) out.push(...splitWriters(body, bodyAt, line, text));
    else if (parts.length >= 2 && parts.length <= 3 && parts.every((p) => /^\p{Lu}/u.test(p) && !/\d/.test(p))) {
      out.push(...splitWriters(parts[0]!, bodyAt, line, text));
      let from = bodyAt + parts[0]!.length;
      for (const [i, p] of parts.slice(1).entries()) {
        const start = text.indexOf(p, from);
        from = start + p.length;
        if (OUTLET_NAME.test(p)) out.push({ text: p, start, role: 'outlet', line });
        else if (i === parts.length - 2 && !SENTENCE_CASE.test(p) && !/\b(?:correspondent|editor|reporter|writer|columnist|journalist|staff)\b/i.test(p)) out.push({ text: p, start, role: 'place', line });
      }
    }
  }
  return out;
}


/**
 * The outlet a report names outside a byline the byline parser reads: a header or footer line of fields
 * ("Wearside Evening Gazette, Friday 4 December 2026", "Northern Report, BBC Radio Sheffield, broadcast 3 December 2026",
 * a last line "Vistula Business Review"), or the body naming the outlet it speaks to or for ("told Nordic Markets
 * Wire", "the Gazette can reveal").
 */
export function namedOutlet(text: string): { name: string; reason: string } | null {
  const lines = text.split('\n').map((x) => x.trim()).filter(Boolean);
  const head = lines.slice(1, 6);
  const foot = lines.slice(-3);
  for (const line of [...head, ...foot]) {
    if (line.length > 120 || /[.!?]["”’]?$/.test(line)) continue;
    // Fields split by commas, bars or dashes; an edition in brackets is no part of the name ("X Herald (English edition) — live updates").
    const name = line
      .split(/\s*[,|]\s*|\s+[—–-]\s+/)
      .map((p) => p.replace(/\s*\([^)]*\)\s*/g, ' ').trim())
      .find((p) => OUTLET_LIKE.test(p) && !/^\p{Lu}{2,6}$/u.test(p));
    if (name) return { name, reason: `The report names it: “${line}”` };
  }
  // A footer in which the outlet describes itself: "The Fairbrook Current is a nonprofit newsroom covering …".
  for (const line of foot) {
    const m = OUTLET_SELF.exec(line);
    if (m) return { name: m[1]!, reason: `The report names its outlet in its footer: “${line}”` };
  }
  // A byline field the body then names as the one spoken to or reporting: "By X, The Fairbrook Current" … "told The Current".
  const by = /^By[ \t]+\p{Lu}[\p{L}.'’ -]{1,50}?,[ \t]*((?:The[ \t]+)?\p{Lu}[\p{L}&'’.-]*(?:[ \t]+\p{Lu}[\p{L}&'’.-]*){0,4})[ \t]*$/mu.exec(lines.slice(1, 6).join('\n'));
  if (by) {
    const field = by[1]!;
    const short = /^The\s/.test(field) ? `The ${field.split(/\s+/).at(-1)!}` : null;
    const cue = new RegExp(`\\b(?:${OUTLET_CUES})\\s+(?:${[field, short].filter(Boolean).map((n) => n!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`);
    const hit = cue.exec(text);
    if (hit) return { name: field, reason: `The byline names it (“${by[0].trim()}”) and the body speaks to it: “${hit[0]}”` };
  }
  const body = text.slice(text.indexOf('\n') + 1);
  for (const [i, re] of OUTLET_IN_BODY.entries()) {
    for (const m of body.matchAll(re)) {
      const cand = m[1]!.replace(/^the\s+/, '');
      const ok = (OUTLET_LIKE.test(cand) && !/^\p{Lu}{2,6}$/u.test(cand)) || (i === 1 && /^[Tt]he\s+(?:Gazette|Times|Post|Herald|Journal|Tribune|Telegraph|Observer|Chronicle|Express|Standard|Mail|Star|Ledger|Courier|Record|Bulletin|Dispatch|Review|Magazine)$/.test(m[1]!));
      if (ok) return { name: i === 1 && /^[Tt]he\s/.test(m[1]!) ? `The ${m[1]!.replace(/^[Tt]he\s+/, '')}` : cand, reason: `The report names its outlet in its text: “${m[0].trim()}”` };
    }
  }
  return null;
}

export function headlineOf(text: string): string {
  return text.split('\n').map((l) => l.trim()).find((l) => l !== '' && !RELEASE_LABEL.test(l)) ?? '';
}

function domainOf(s: string): string | null {
  return /https?:\/\/(?:www\.)?([^/\s]+)/.exec(s)?.[1] ?? null;
}

/** The report's metadata, read from its own text. `id` is the report id to use. */
export function metaFromText(id: string, text: string): ReportMeta {
  const headline = headlineOf(text);
  const head = text.split('\n').slice(0, 12);
  let date: ReportMeta['date'] | null = null;
  let monthDay: string | null = null;
  // A date line near the top ("Published: 24 February 2023"), else a full date on one of the first lines.
  for (const line of head) {
    const l = line.trim();
    const found = statedDates(l.replace(PUBLISHED_LINE, ''), null).find((d) => d.value !== null && d.value.length >= 7);
    // A byline of fields ("Nusantara Daily | Live coverage | Wednesday 27 November 2024, last updated 21:40 WIB") may run long.
    if (found && (PUBLISHED_LINE.test(l) || l.length < 80 || (l.includes('|') && l.length < 160))) {
      date = { value: found.value!, inferred: false, reason: `The report states it: “${l}”` };
      break;
    }
    // A dateline that opens a long first paragraph ("SKELLEFTEÅ, Sweden, May 5, 2026 /PRNewswire/ -- …").
    if (found && found.start < 60 && (/^\p{Lu}[\p{Lu} .'’-]{2,40},/u.test(l) || MIXED_DATELINE.test(l))) {
      date = { value: found.value!, inferred: false, reason: `The dateline states it: “${l.slice(0, found.start + found.text.length)}”` };
      break;
    }
    const iso = /\b(\d{4}-\d{2}-\d{2})\b/.exec(l);
    if (iso && l.length < 80) {
      date = { value: iso[1]!, inferred: false, reason: `The report states it: “${l}”` };
      break;
    }
    // A wire dateline with a month and day but no year ("OSLO, Dec 3 (Nordic Markets Wire) -"): dated, if less fully.
    const md = MONTH_DAY.exec(l);
    if (!monthDay && md && md.index < 60 && (/^\p{Lu}[\p{Lu} .'’-]{2,40},/u.test(l) || MIXED_DATELINE.test(l))) monthDay = l.slice(0, md.index + md[0].length);
  }
  // A byline or date line at the foot ("By Yusuf Garba Abdullahi, 1 December 2026", "Published: 2 May 2026"); not a closing sentence.
  if (!date) {
    for (const line of text.split('\n').map((x) => x.trim()).filter(Boolean).slice(-4)) {
      if (line.length >= 120 || !(/^By\s+\p{Lu}/u.test(line) || PUBLISHED_LINE.test(line) || line.includes('|'))) continue;
      const found = statedDates(line.replace(PUBLISHED_LINE, ''), null).find((d) => d.value !== null && d.value.length >= 7);
      if (found) date = { value: found.value!, inferred: false, reason: `The report states it at its foot: “${line}”` };
    }
  }
  if (!date && monthDay) date = { value: '', inferred: false, reason: `The dateline gives the month and day but not the year: “${monthDay}”` };
  const rep = REPUBLISHED.exec(text);
  const republishedFrom = rep
    ? { publisher: domainOf(rep[2]!) ?? originName(rep[2]!), url: /^https?:\/\/\S+$/.test(rep[2]!.trim()) ? rep[2]!.trim() : null, quote: `${rep[1]!}${text.slice(rep.index + rep[0].indexOf(rep[1]!) + rep[1]!.length, rep.index + rep[0].length)}`.trim() }
    : null;
  if (republishedFrom && !text.includes(republishedFrom.quote)) republishedFrom.quote = rep![1]!;
  const pub = PUBLISHER_LINE.exec(text);
  // A wire dateline names the agency: "BOLOGNA, May 18 (Harbour Wire) -".
  const mixed = MIXED_DATELINE.exec(head.join('\n'));
  const capsWire = DATELINE.exec(text);
  const mixedAgency = mixed ? (mixed[1] ?? mixed[2]) : undefined;
  const wire = capsWire ? { line: capsWire[0], agency: capsWire[1]! } : mixed && mixedAgency ? { line: mixed[0], agency: mixedAgency } : null;
  // A role or section label in sentence case ("Staff report | 3 December 2026") names no outlet.
  const barByline = BYLINE.exec(head.join('\n'));
  const byline = (barByline && !SENTENCE_CASE.test(barByline[1]!.trim()) && !NOT_A_WRITER.test(barByline[1]!) && !SECTION_IN_CAPS.test(barByline[1]!.trim()) ? barByline : null) ?? [COMMA_BYLINE.exec(head.join('\n'))].find((m) => m && OUTLET_NAME.test(m[1]!.trim())) ?? null;
  // A press release's distributor in its dateline ("/PRNewswire/"), and the "About X" boilerplate that names who issued it.
  const distributor = /\/([A-Z][A-Za-z ]{1,30}?(?:[Ww]ire|Newswire))\/?/.exec(head.join('\n'));
  const about = /(?:^|\n)\s*About\s+(\p{Lu}[^\n.]{1,60}?)\s*\n/u.exec(text);
  // The outlet a byline names ("Coastline Daily | Live coverage | …", "By MARTA QUINTELA-SOUSA Associated Press").
  const outlets = bylineNames(text).filter((b) => b.role === 'outlet');
  // Of a byline's fields, the one named like an outlet ("The Long Read | The Harrow Quarterly | …").
  const first = outlets[0];
  const fieldAt = first ? text.slice(...first.line).split('|').map((f) => f.trim()).find((f) => f !== first.text && OUTLET_LIKE.test(f) && !OUTLET_LIKE.test(first.text)) : undefined;
  const outlet = fieldAt ? { ...first!, text: fieldAt } : first;
  const named = pub || outlet || byline || wire || (distributor && about) ? null : namedOutlet(text);
  const publisher = pub ? pub[1]!.trim() : outlet ? outlet.text : byline ? byline[1]!.trim() : wire ? wire.agency.trim() : distributor && about ? about[1]!.trim() : named ? named.name : 'unknown';
  return {
    id,
    headline: headline || '(no headline)',
    publisher,
    publisherReason: pub
      ? `The text names it: “${pub[0].trim()}”`
      : outlet
        ? `The byline names it: “${text.slice(...outlet.line).trim()}”`
        : byline
          ? `The byline names it: “${byline[0].trim()}”`
          : wire
            ? `The dateline names it: “${wire.line.trim()}”`
            : distributor && about
              ? `A press release distributed by ${distributor[1]}, issued by the company its “About” section names`
              : named
                ? named.reason
                : 'The text names no publisher.',
    url: null,
    date: date ?? { value: '', inferred: true, reason: 'The text states no date.' },
    republishedFrom,
    furniture: [],
    notes: [],
  };
}
