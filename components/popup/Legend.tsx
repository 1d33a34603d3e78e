// What the marks mean and the keyboard, for the popup and the first-run page
// (issue #16). The sample marks are drawn with the page's own mark styles
// (lib/page/core/highlight-css.ts colours), so they look as they do on pages.
import { CAVEAT_RGB, QUIET_RGB } from '../../lib/shared/highlight-names';

const quiet = { textDecoration: `underline solid rgb(${QUIET_RGB} / 0.75)`, textDecorationThickness: '1.5px', textUnderlineOffset: '2px' };
const caveat = { textDecoration: `underline wavy rgb(${CAVEAT_RGB} / 0.75)`, textDecorationThickness: '1.5px', textUnderlineOffset: '2px' };

export function MarkLegend() {
  return (
    <dl class="bp-legend" data-testid="legend">
      <div>
        <dt>
          <span style={quiet}>Name</span>
        </dt>
        <dd>In Backstory’s reports. Marked once, where the article first names it. Rest the pointer on it (or click) for its card.</dd>
      </div>
      <div>
        <dt>
          <span style={caveat}>Name</span>
        </dt>
        <dd>This page repeats a claim about it that a report puts in doubt (an unnamed source, a denial, an error…). The card says which.</dd>
      </div>
    </dl>
  );
}

export const SHORTCUTS: readonly { keys: string; does: string }[] = [
  { keys: 'Tab', does: 'the first Tab on a page goes to its marked names, one per Tab (Shift+Tab goes back)' },
  { keys: 'Alt+Shift+N', does: 'next name on the page, marked or not' },
  { keys: 'Alt+Shift+P', does: 'previous name' },
  { keys: 'Enter', does: 'open the card of the name you are on' },
  { keys: 'Esc', does: 'close the card; focus goes back to the name' },
];

export function Shortcuts() {
  return (
    <dl class="bp-keys" data-testid="shortcuts">
      {SHORTCUTS.map((s) => (
        <div key={s.keys}>
          <dt>
            {s.keys.split('+').map((k, i) => (
              <>
                {i > 0 ? '+' : ''}
                <kbd>{k}</kbd>
              </>
            ))}
          </dt>
          <dd>{s.does}</dd>
        </div>
      ))}
    </dl>
  );
}
