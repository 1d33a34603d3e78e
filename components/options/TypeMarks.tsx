// How each kind of name is marked (issue #16): as the main setting, every
// mention, the first mention in the article, or not at all. "Not at all" is
// the same as leaving the kind out of "Mark these kinds of names". Pure props.
import { TYPE_LABEL } from '../../lib/shared/format';
import { ENTITY_TYPES, type EntityType } from '../../lib/kb/schema';
import { typeMarkMode, type Settings, type TypeMarkMode } from '../../lib/shared/settings';

export interface TypeMarksProps {
  settings: Settings;
  onChange: (patch: Pick<Settings, 'entityTypes' | 'typeMarks'>) => void;
}

type Choice = 'default' | TypeMarkMode;

/** The settings after choosing `choice` for `type`. */
export function withTypeMark(settings: Pick<Settings, 'entityTypes' | 'typeMarks'>, type: EntityType, choice: Choice): Pick<Settings, 'entityTypes' | 'typeMarks'> {
  const typeMarks = { ...settings.typeMarks };
  delete typeMarks[type];
  if (choice === 'every' || choice === 'first') typeMarks[type] = choice;
  const on = choice !== 'off';
  const entityTypes = ENTITY_TYPES.filter((t) => (t === type ? on : settings.entityTypes.includes(t)));
  return { entityTypes, typeMarks };
}

export function TypeMarks({ settings, onChange }: TypeMarksProps) {
  return (
    <fieldset class="op-choices op-type-marks" data-setting="typeMarks">
      <legend class="op-legend">Per kind of name</legend>
      {ENTITY_TYPES.map((t) => {
        const value: Choice = !settings.entityTypes.includes(t) ? 'off' : (settings.typeMarks[t] ?? 'default');
        const id = `type-mark-${t}`;
        return (
          <div class="op-type-mark" key={t}>
            <label for={id}>{TYPE_LABEL[t]}</label>
            <select id={id} value={value} onChange={(e) => onChange(withTypeMark(settings, t, (e.target as HTMLSelectElement).value as Choice))}>
              <option value="default">As above ({typeMarkMode({ ...settings, typeMarks: {} }, t) === 'every' ? 'every mention' : 'first mention'})</option>
              <option value="every">Every mention</option>
              <option value="first">First mention in the article</option>
              <option value="off">Not marked</option>
            </select>
          </div>
        );
      })}
    </fieldset>
  );
}
