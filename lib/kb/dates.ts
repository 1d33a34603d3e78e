// Dates that a sentence states ("March 20-22", "Monday (20 March)",
// "24 February 2023", "September 6, 2023", "November 2018"), normalised to
// ISO where the sentence or the report's own date gives the year.
// Relative dates ("last week", "on Friday") are kept as text with no value:
// resolving them would be a guess.

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
] as const;
// Full names, and the short forms datelines use ("Thu 4 Sep 2025", "Sept. 6, 2023").
const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const monthIndex = (m: string) => MONTHS.findIndex((x) => x.startsWith(m.toLowerCase().replace(/\.$/, '').slice(0, 3)));
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(\\d{4})';

// Order matters: the longer forms first, and a span is claimed once.
const PATTERNS: { re: RegExp; parse: (m: RegExpExecArray, year: number | null) => string | null }[] = [
  // September 6, 2023 / March 20-22 / February 24
  {
    re: new RegExp(`\\b${MONTH} ${DAY}(?:\\s*[-–]\\s*\\d{1,2})?(?:,? ${YEAR})?\\b`, 'g'),
    parse: (m, year) => iso(m[3] ? Number(m[3]) : year, m[1]!, Number(m[2])),
  },
  // 24 February 2023 / (20 March)
  {
    re: new RegExp(`\\b${DAY} ${MONTH}(?: ${YEAR})?\\b`, 'g'),
    parse: (m, year) => iso(m[3] ? Number(m[3]) : year, m[2]!, Number(m[1])),
  },
  // November 2018 / in August 2021
  {
    re: new RegExp(`\\b${MONTH} ${YEAR}\\b`, 'g'),
    parse: (m) => `${m[2]}-${String(monthIndex(m[1]!) + 1).padStart(2, '0')}`,
  },
  // in 2014, since 2017
  { re: /\b(?:in|since|of|from) ((?:19|20)\d{2})\b/g, parse: (m) => m[1]! },
];

function iso(year: number | null, month: string, day: number): string | null {
  const mi = monthIndex(month);
  if (mi < 0 || day < 1 || day > 31) return null;
  const md = `${String(mi + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return year === null ? null : `${year}-${md}`;
}

export interface StatedDate {
  text: string;
  /** ISO date (YYYY, YYYY-MM or YYYY-MM-DD), or null when the year is unknown. */
  value: string | null;
  start: number;
}

/** Dates stated in `sentence`; `reportYear` supplies the year a date leaves out. */
export function statedDates(sentence: string, reportYear: number | null): StatedDate[] {
  const found: StatedDate[] = [];
  const taken: [number, number][] = [];
  for (const { re, parse } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      // "May" is also a verb: only a day number makes it a date.
      if (/^may\b/i.test(m[0]) && !/\d/.test(m[0])) continue;
      taken.push([start, end]);
      let text = m[0];
      if (/^(?:in|since|of|from) /.test(text)) text = text.replace(/^\S+ /, '');
      found.push({ text, value: parse(m, reportYear), start });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
