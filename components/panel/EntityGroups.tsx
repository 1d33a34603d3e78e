// The page's entities, grouped by type with counts. Choosing one asks the page
// to scroll to its first mention and open its card. Pure props.
import { TYPE_LABEL, plural } from '../card/format';
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
}

export function EntityGroups({ groups, onReveal }: EntityGroupsProps) {
  return (
    <div class="bp-groups">
      {groups.map((g) => (
        <div class={`bp-group bs-type-${g.type}`} key={g.type} data-type={g.type}>
          <h3 class="bp-group-h">
            <span class="bs-dot" aria-hidden="true" />
            {GROUP_LABEL[g.type]}
            <span class="bp-group-n">
              {plural(g.items.length, TYPE_LABEL[g.type].toLowerCase())} · {plural(g.mentions, 'mention')}
            </span>
          </h3>
          <ul class="bp-entities">
            {g.items.map((e) => (
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
                    <span class="bp-entity-count" title={plural(e.count, 'mention')}>
                      {e.count}×
                    </span>
                    {e.caveats ? (
                      <span class="bp-entity-caveats" title={plural(e.caveats, 'caveat')}>
                        {plural(e.caveats, 'caveat')}
                      </span>
                    ) : null}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
