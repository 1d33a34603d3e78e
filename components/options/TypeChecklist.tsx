// Which kinds of entity are marked: one checkbox per type, with its colour. Pure props.
import { TYPE_LABEL } from '../../lib/shared/format';
import { ENTITY_TYPES, type EntityType } from '../../lib/kb/schema';

export interface TypeChecklistProps {
  value: readonly EntityType[];
  onChange: (types: EntityType[]) => void;
}

export function TypeChecklist({ value, onChange }: TypeChecklistProps) {
  return (
    <fieldset class="op-choices op-types" data-setting="entityTypes">
      <legend class="op-legend">Mark these kinds of names</legend>
      {ENTITY_TYPES.map((t) => (
        <label class={`op-check bs-type-${t}`} key={t}>
          <input
            type="checkbox"
            checked={value.includes(t)}
            onChange={(e) => {
              const on = (e.target as HTMLInputElement).checked;
              onChange(ENTITY_TYPES.filter((x) => (x === t ? on : value.includes(x))));
            }}
          />
          <span class="bs-dot" aria-hidden="true" />
          {TYPE_LABEL[t]}
        </label>
      ))}
    </fieldset>
  );
}
