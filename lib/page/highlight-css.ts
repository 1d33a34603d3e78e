// The highlight names and the one stylesheet Backstory adds to a page. The
// sheet holds ONLY `::highlight(<our names>)` rules, so it can style nothing
// but our own CSS Custom Highlights: no page element can be affected by it.
// (tests/unit/page-highlight-css.test.ts checks every rule's selector.)
import type { EntityType } from '../kb/schema';
import type { Settings } from '../settings';

/** The highlights Backstory registers: one per entity type, plus these three. */
export const HIGHLIGHT_KINDS = ['person', 'organisation', 'place', 'weapon', 'event', 'agreement', 'ambiguous', 'caveat', 'active', 'current'] as const;
export type HighlightKind = (typeof HIGHLIGHT_KINDS)[number];

/**
 * The highlight names of one install. In the browser they are random, chosen
 * in the background on install (lib/background/page-names.ts), so a page
 * cannot find Backstory by name in the shared `CSS.highlights` registry; the
 * readable defaults below serve the CLI, the benchmark page and unit tests.
 */
export interface HighlightNames {
  type: Record<EntityType, string>;
  /** Mentions whose alias fits several entities (the card asks which one). */
  ambiguous: string;
  /** Names with a caveat that bears on a claim this page makes (issue #16): the one distinct mark style. */
  caveat: string;
  /** The mention whose card is open. */
  active: string;
  /** The mention the keyboard shortcut moved to (focus ring). */
  current: string;
  all: readonly string[];
}

export function highlightNames(byKind: Record<HighlightKind, string>): HighlightNames {
  const { ambiguous, caveat, active, current, ...type } = byKind;
  return { type, ambiguous, caveat, active, current, all: HIGHLIGHT_KINDS.map((k) => byKind[k]) };
}

export const READABLE_HIGHLIGHTS = Object.fromEntries(HIGHLIGHT_KINDS.map((k) => [k, `backstory-${k}`])) as Record<HighlightKind, string>;
export const DEFAULT_NAMES: HighlightNames = highlightNames(READABLE_HIGHLIGHTS);

export const TYPE_HIGHLIGHT: Record<EntityType, string> = DEFAULT_NAMES.type;
export const AMBIGUOUS_HIGHLIGHT = DEFAULT_NAMES.ambiguous;
export const CAVEAT_HIGHLIGHT = DEFAULT_NAMES.caveat;
export const ACTIVE_HIGHLIGHT = DEFAULT_NAMES.active;
export const CURRENT_HIGHLIGHT = DEFAULT_NAMES.current;
export const ALL_HIGHLIGHTS: readonly string[] = DEFAULT_NAMES.all;

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
export function highlightCss(style: Style, names: HighlightNames = DEFAULT_NAMES): string {
  const rules: string[] = [];
  for (const name of Object.values(names.type)) rules.push(markRule(name, QUIET_RGB, style, 'solid'));
  rules.push(markRule(names.ambiguous, QUIET_RGB, style, 'dotted'));
  rules.push(markRule(names.caveat, CAVEAT_RGB, style, 'wavy'));
  // The open card's mention and the keyboard's current mention show whatever the
  // style (they are the reader's own focus, not passive marks).
  rules.push(`::highlight(${names.active}) { background-color: rgb(37 99 235 / 0.18); }`);
  rules.push(
    `::highlight(${names.current}) { background-color: rgb(250 204 21 / 0.55); text-decoration-line: underline; text-decoration-style: solid; text-decoration-color: rgb(161 98 7); text-decoration-thickness: 2px; }`,
  );
  return rules.filter(Boolean).join('\n');
}
