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
/** Names with a caveat that bears on a claim this page makes (issue #16): the one distinct mark style. */
export const CAVEAT_HIGHLIGHT = 'backstory-caveat';
/** The mention whose card is open. */
export const ACTIVE_HIGHLIGHT = 'backstory-active';
/** The mention the keyboard shortcut moved to (focus ring). */
export const CURRENT_HIGHLIGHT = 'backstory-current';

export const ALL_HIGHLIGHTS: readonly string[] = [...Object.values(TYPE_HIGHLIGHT), AMBIGUOUS_HIGHLIGHT, CAVEAT_HIGHLIGHT, ACTIVE_HIGHLIGHT, CURRENT_HIGHLIGHT];

/** Marks inform without shouting (issue #16): one quiet colour for every type; the card says the type. */
export const QUIET_RGB = '100 116 139';
/** The caveat style: amber, and a wavy line, so it differs by shape as well as colour. */
export const CAVEAT_RGB = '217 119 6';

type Style = Settings['highlightStyle'];

function markRule(name: string, rgb: string, style: Style, line: 'solid' | 'dotted' | 'wavy'): string {
  if (style === 'off') return '';
  if (style === 'background') return `::highlight(${name}) { background-color: rgb(${rgb} / ${line === 'wavy' ? 0.22 : 0.12}); }`;
  // Underline: a thin line under the name; no colour change of the text itself.
  return `::highlight(${name}) { text-decoration-line: underline; text-decoration-style: ${line}; text-decoration-color: rgb(${rgb} / 0.75); text-decoration-thickness: 1.5px; }`;
}

/** The page stylesheet for a highlight style. */
export function highlightCss(style: Style): string {
  const rules: string[] = [];
  for (const name of Object.values(TYPE_HIGHLIGHT)) rules.push(markRule(name, QUIET_RGB, style, 'solid'));
  rules.push(markRule(AMBIGUOUS_HIGHLIGHT, QUIET_RGB, style, 'dotted'));
  rules.push(markRule(CAVEAT_HIGHLIGHT, CAVEAT_RGB, style, 'wavy'));
  // The open card's mention and the keyboard's current mention show whatever the
  // style (they are the reader's own focus, not passive marks).
  rules.push(`::highlight(${ACTIVE_HIGHLIGHT}) { background-color: rgb(37 99 235 / 0.18); }`);
  rules.push(
    `::highlight(${CURRENT_HIGHLIGHT}) { background-color: rgb(250 204 21 / 0.55); text-decoration-line: underline; text-decoration-style: solid; text-decoration-color: rgb(161 98 7); text-decoration-thickness: 2px; }`,
  );
  return rules.filter(Boolean).join('\n');
}
