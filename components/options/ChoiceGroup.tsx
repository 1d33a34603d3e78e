// A labelled group of radio buttons (a fieldset with a legend). Pure props.
import { useId } from 'preact/hooks';

export interface Choice<T extends string> {
  value: T;
  label: string;
  hint?: string;
}

export interface ChoiceGroupProps<T extends string> {
  legend: string;
  name: string;
  value: T;
  choices: readonly Choice<T>[];
  onChange: (value: T) => void;
  /** Lay the choices out in a row. */
  inline?: boolean;
}

export function ChoiceGroup<T extends string>({ legend, name, value, choices, onChange, inline = false }: ChoiceGroupProps<T>) {
  const id = useId();
  return (
    <fieldset class={`op-choices${inline ? ' op-inline' : ''}`} data-setting={name}>
      <legend class="op-legend">{legend}</legend>
      {choices.map((c) => (
        <label class={`op-choice${c.value === value ? ' op-checked' : ''}`} key={c.value}>
          <input type="radio" name={`${id}-${name}`} value={c.value} checked={c.value === value} onChange={() => onChange(c.value)} />
          <span class="op-choice-text">
            <span class="op-choice-label">{c.label}</span>
            {c.hint ? <span class="op-choice-hint">{c.hint}</span> : null}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
