// What a plain-text report says about itself, for a report nobody has
// described by hand: its headline (the first line), its publisher, its date
// and the original it republishes. Whatever the text does not say stays
// unknown, and the provenance rules then say so to the reader.
import { statedDates } from '../dates';
import type { ReportMeta } from '../schema';

const PUBLISHED_LINE = /^(?:published|posted|updated|date|first published|опубликовано|publié|veröffentlicht)\s*:?\s*/i;
const REPUBLISHED = /(?:^|\n)\s*(Read (?:more|the full (?:story|article)) (?:at|on)|This (?:article|story|piece|report|post) (?:is|was) (?:republished|reprinted|reproduced|originally published|first published)(?: here)?(?: with permission)? (?:from|by|in|on)(?: the)?|Originally (?:published|posted|appeared) (?:at|on|by|in)|This (?:article|story) (?:first|originally) appeared (?:on|in|at)|First published (?:at|on|by|in)|Source:)\s*([^\n]+)/i;
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
  /^(?:\p{Lu}{2,6}|(?:The\s+)?\p{Lu}[\p{L}&'’.-]*(?:\s+\p{Lu}[\p{L}&'’.-]*)*\s+(?:Wire|News|Times|Post|Press|Herald|Journal|Agency|Tribune|Daily|Gazette|Review|Radio|TV|Network|Media|Telegraph|Monitor|Observer|Chronicle|Express|Standard|Mail|Star|Today|Ledger|Courier|Record|Bulletin|Dispatch|Digest|Magazine|Weekly))$/u;
// A dateline in mixed case: "Tel Aviv, 14 March 2026 (Harbour Wire) —", "Khartoum, Sudan, May 3, 2026 —" (a date, then an optional agency, then a dash), or "Goma (Reuters) —" (an agency by its name).
const MIXED_DATELINE = /(?:^|\n)[ \t]*\p{Lu}[\p{L} .'’-]{2,40}(?:,[^\n(\d]{0,30}\d[^\n(]{0,25}?(?:\(([^)\n]{2,40})\)\s*)?|\s*\(((?:AFP|AP|Reuters|[^)\n]{2,30}(?:Wire|Agency|Press|News)))\)\s*)[-–—]/u;

/** A press release's first line ("FOR IMMEDIATE RELEASE") is a label, not its headline. */
const RELEASE_LABEL = /^(?:FOR IMMEDIATE RELEASE|PRESS RELEASE|NEWS RELEASE|MEDIA RELEASE)\s*:?$/i;

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
  // A date line near the top ("Published: 24 February 2023"), else a full date on one of the first lines.
  for (const line of head) {
    const l = line.trim();
    const found = statedDates(l.replace(PUBLISHED_LINE, ''), null).find((d) => d.value !== null && d.value.length >= 7);
    if (found && (PUBLISHED_LINE.test(l) || l.length < 80)) {
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
  }
  const rep = REPUBLISHED.exec(text);
  const republishedFrom = rep
    ? { publisher: domainOf(rep[2]!) ?? rep[2]!.trim(), url: /^https?:\/\/\S+$/.test(rep[2]!.trim()) ? rep[2]!.trim() : null, quote: `${rep[1]!}${text.slice(rep.index + rep[0].indexOf(rep[1]!) + rep[1]!.length, rep.index + rep[0].length)}`.trim() }
    : null;
  if (republishedFrom && !text.includes(republishedFrom.quote)) republishedFrom.quote = rep![1]!;
  const pub = PUBLISHER_LINE.exec(text);
  // A wire dateline names the agency: "BOLOGNA, May 18 (Harbour Wire) -".
  const mixed = MIXED_DATELINE.exec(head.join('\n'));
  const capsWire = DATELINE.exec(text);
  const mixedAgency = mixed ? (mixed[1] ?? mixed[2]) : undefined;
  const wire = capsWire ? { line: capsWire[0], agency: capsWire[1]! } : mixed && mixedAgency ? { line: mixed[0], agency: mixedAgency } : null;
  const byline = BYLINE.exec(head.join('\n')) ?? [COMMA_BYLINE.exec(head.join('\n'))].find((m) => m && OUTLET_NAME.test(m[1]!.trim())) ?? null;
  // A press release's distributor in its dateline ("/PRNewswire/"), and the "About X" boilerplate that names who issued it.
  const distributor = /\/([A-Z][A-Za-z ]{1,30}?(?:[Ww]ire|Newswire))\/?/.exec(head.join('\n'));
  const about = /(?:^|\n)\s*About\s+(\p{Lu}[^\n.]{1,60}?)\s*\n/u.exec(text);
  const publisher = pub ? pub[1]!.trim() : byline ? byline[1]!.trim() : wire ? wire.agency.trim() : distributor && about ? about[1]!.trim() : 'unknown';
  return {
    id,
    headline: headline || '(no headline)',
    publisher,
    publisherReason: pub
      ? `The text names it: “${pub[0].trim()}”`
      : byline
        ? `The byline names it: “${byline[0].trim()}”`
        : wire
          ? `The dateline names it: “${wire.line.trim()}”`
          : distributor && about
            ? `A press release distributed by ${distributor[1]}, issued by the company its “About” section names`
            : 'The text names no publisher.',
    url: null,
    date: date ?? { value: '', inferred: true, reason: 'The text states no date.' },
    republishedFrom,
    furniture: [],
    notes: [],
  };
}
