// The one stylesheet Backstory adds to a page (the names: lib/shared/highlight-names.ts). The
// sheet holds ONLY `::highlight(<our names>)` rules, so it can style nothing
// but our own CSS Custom Highlights: no page element can be affected by it.
// (tests/unit/page-highlight-css.test.ts checks every rule's selector.)
import type { Settings } from '../../shared/settings';
import { CAVEAT_RGB, DEFAULT_NAMES, QUIET_RGB, type HighlightNames } from '../../shared/highlight-names';

export * from '../../shared/highlight-names';

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
