// "Not linked" (issue #14): the names the linker found on the page and did
// not link, each with the reason in plain words ("Could be another
// Washington: …", "Part of a longer name, “The Washington Post”", "You said …
// is not …"). Pure props; the page's content script words the reasons
// (lib/link/page-corrections.ts `notLinkedList`).
import type { PageSummary } from '../../lib/panel/types';
import { PanelSection } from './PanelSection';

export function NotLinked({ items }: { items: PageSummary['notLinked'] }) {
  if (!items || items.length === 0) return null;
  return (
    <PanelSection name="not-linked" title="Not linked" count={items.length} lead="Names from the reports that this page uses for something else, or does not say enough about." initiallyOpen={items.length <= 6}>
      <ul class="bp-not-linked">
        {items.map((item) => (
          <li key={`${item.surface}\u0000${item.reason}`}>
            <span class="bp-not-linked-name">{item.surface}</span>
            {item.count > 1 ? <span class="bp-not-linked-count"> ×{item.count}</span> : null}
            <span class="bp-not-linked-why">{item.reason}</span>
          </li>
        ))}
      </ul>
    </PanelSection>
  );
}
