// Entities that the reports name together with this one, as chips; choosing
// one shows its card. Pure props.
import type { EntityCard } from '../../lib/kb/card';
import { TYPE_LABEL } from '../../lib/shared/format';

export interface RelatedEntitiesProps {
  related: EntityCard['related'];
  onSelectEntity?: (id: string) => void;
}

export function RelatedEntities({ related, onSelectEntity }: RelatedEntitiesProps) {
  if (related.length === 0) return null;
  return (
    <ul class="bs-chips">
      {related.map((r) => (
        <li key={r.id}>
          {onSelectEntity ? (
            <button type="button" class={`bs-chip bs-type-${r.type}`} title={`${TYPE_LABEL[r.type]} · named together in ${r.count} sentence${r.count === 1 ? '' : 's'}`} onClick={() => onSelectEntity(r.id)}>
              <span class="bs-dot" aria-hidden="true" />
              {r.name}
            </button>
          ) : (
            <span class={`bs-chip bs-type-${r.type}`}>
              <span class="bs-dot" aria-hidden="true" />
              {r.name}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
