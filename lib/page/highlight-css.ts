// The highlight names and the one stylesheet Backstory adds to a page. The
// sheet holds ONLY `::highlight(backstory-*)` rules, so it can style nothing
// but our own CSS Custom Highlights: no page element can be affected by it.
// (tests/unit/page-highlight-css.test.ts checks every rule's selector.)
import type { EntityType } from '../kb/schema';
import type { Settings } from '../settings';

export const HIGHLIGHT_PREFIX = 'backstory-';

export const TYPE_HIGHLIGHT: Record<EntityType, string> = {
  person: 'backstory-person',
  organisation: 'backstory-organisation',
  place: 'backstory-place',
  weapon: 'backstory-weapon',
  event: 'backstory-event',
  agreement: 'backstory-agreement',
};
/** Mentions whose alias fits several entities (the card asks which one). */
export const AMBIGUOUS_HIGHLIGHT = 'backstory-ambiguous';
/** The mention whose card is open. */
export const ACTIVE_HIGHLIGHT = 'backstory-active';
/** The mention the keyboard shortcut moved to (focus ring). */
export const CURRENT_HIGHLIGHT = 'backstory-current';

export const ALL_HIGHLIGHTS: readonly string[] = [...Object.values(TYPE_HIGHLIGHT), AMBIGUOUS_HIGHLIGHT, ACTIVE_HIGHLIGHT, CURRENT_HIGHLIGHT];

/**
 * Mark colours as "r g b": mid-tone hues that read on white and on dark page
 * backgrounds alike (we cannot know the page's colours). Each type differs in
 * hue; the card says the type in words, so colour is never the only cue.
 */
export const TYPE_RGB: Record<EntityType | 'ambiguous', string> = {
  person: '37 99 235',
  organisation: '124 58 237',
  place: '5 150 105',
  weapon: '220 38 38',
  event: '217 119 6',
  agreement: '8 145 178',
  ambiguous: '107 114 128',
};

type Style = Settings['highlightStyle'];

function markRule(name: string, rgb: string, style: Style, dotted: boolean): string {
  if (style === 'off') return '';
  if (style === 'background') return `::highlight(${name}) { background-color: rgb(${rgb} / 0.16); }`;
  // Underline: a thin line under the name; no colour change of the text itself.
  return `::highlight(${name}) { text-decoration-line: underline; text-decoration-style: ${dotted ? 'dotted' : 'solid'}; text-decoration-color: rgb(${rgb} / 0.75); text-decoration-thickness: 1.5px; }`;
}

/** The page stylesheet for a highlight style. */
export function highlightCss(style: Style): string {
  const rules: string[] = [];
  for (const [type, name] of Object.entries(TYPE_HIGHLIGHT) as [EntityType, string][]) rules.push(markRule(name, TYPE_RGB[type], style, false));
  rules.push(markRule(AMBIGUOUS_HIGHLIGHT, TYPE_RGB.ambiguous, style, true));
  // The open card's mention and the keyboard's current mention show whatever the
  // style (they are the reader's own focus, not passive marks).
  rules.push(`::highlight(${ACTIVE_HIGHLIGHT}) { background-color: rgb(37 99 235 / 0.18); }`);
  rules.push(
    `::highlight(${CURRENT_HIGHLIGHT}) { background-color: rgb(250 204 21 / 0.55); text-decoration-line: underline; text-decoration-style: solid; text-decoration-color: rgb(161 98 7); text-decoration-thickness: 2px; }`,
  );
  return rules.filter(Boolean).join('\n');
}
