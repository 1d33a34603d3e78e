// The page's entities, grouped by type with counts. Choosing one asks the page
// to scroll to its first mention and open its card. Pure props.
import { useEffect, useRef, useState } from 'preact/hooks';
import { plural } from '../../lib/shared/format';
import type { EntityGroup } from '../../lib/panel/summary';
import type { EntityType } from '../../lib/kb/schema';

const GROUP_LABEL: Record<EntityType, string> = {
  person: 'People',
  organisation: 'Organisations',
  place: 'Places',
  weapon: 'Weapons',
  event: 'Events',
  agreement: 'Agreements',
};

export interface EntityGroupsProps {
  groups: readonly EntityGroup[];
  onReveal: (entity: string) => void;
  /** Names shown per group before "Show N more". */
  initial?: number;
}

function Group({ group: g, onReveal, initial }: { group: EntityGroup; onReveal: (entity: string) => void; initial: number }) {
  const [all, setAll] = useState(false);
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (all) list.current?.children[initial]?.querySelector<HTMLElement>('button')?.focus();
  }, [all]);
  // One more than `initial` is never hidden behind a button.
  const shown = all || g.items.length <= initial + 1 ? g.items : g.items.slice(0, initial);
  const hidden = g.items.length - shown.length;
  return (
    <div class={`bp-group bs-type-${g.type}`} data-type={g.type}>
      <h3 class="bp-group-h">
        <span class="bs-dot" aria-hidden="true" />
        {GROUP_LABEL[g.type]}
        <span class="bp-count">{g.items.length}</span>
        <span class="bp-group-n">{plural(g.mentions, 'mention')}</span>
      </h3>
      <ul class="bp-entities" ref={list}>
        {shown.map((e) => (
          <li key={e.id}>
            <button
              type="button"
              class="bp-entity"
              data-entity={e.id}
              title={`Show ${e.name} on the page`}
              aria-label={`${e.name}: ${plural(e.count, 'mention')}${e.caveats ? `, ${plural(e.caveats, 'caveat')} in the reports` : ''}. Show on the page.`}
              onClick={() => onReveal(e.id)}
            >
              <span class="bp-entity-main">
                <span class="bp-entity-name">{e.name}</span>
                <span class="bp-entity-desc">{e.description}</span>
              </span>
              <span class="bp-entity-side" aria-hidden="true">
                <span class="bp-entity-count">{e.count}×</span>
                {e.caveats ? <span class="bp-entity-caveats">{plural(e.caveats, 'caveat')}</span> : null}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {hidden > 0 ? (
        <button type="button" class="bp-more" onClick={() => setAll(true)}>
          Show {hidden} more {GROUP_LABEL[g.type].toLowerCase()}
        </button>
      ) : null}
    </div>
  );
}

export function EntityGroups({ groups, onReveal, initial = 4 }: EntityGroupsProps) {
  return (
    <div class="bp-groups">
      {groups.map((g) => (
        <Group key={g.type} group={g} onReveal={onReveal} initial={initial} />
      ))}
    </div>
  );
}
