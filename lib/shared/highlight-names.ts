// The highlight names Backstory uses in pages and the marks' colours: shared by
// the content script (lib/page/core/highlight-css.ts), the background (which
// picks this install's random names) and the popup's legend.
import type { EntityType } from '../kb/schema';

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
