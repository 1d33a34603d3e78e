// An on/off switch: a button with role="switch" and aria-checked, named by its
// label, with the state also said in words (never by colour alone). Pure props.
import { useId } from 'preact/hooks';

export interface SwitchProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
  disabled?: boolean;
  /** Test and screenshot hook. */
  testId?: string;
}

export function Switch({ label, checked, onChange, hint, disabled = false, testId }: SwitchProps) {
  const id = useId();
  return (
    <div class="bp-switch" onClick={() => !disabled && onChange(!checked)}>
      <span class="bp-switch-text">
        <span class="bp-switch-label" id={`${id}-label`}>
          {label}
        </span>
        {hint ? (
          <span class="bp-switch-hint" id={`${id}-hint`}>
            {hint}
          </span>
        ) : null}
      </span>
      <span class="bp-switch-state" aria-hidden="true">
        {checked ? 'On' : 'Off'}
      </span>
      <button
        type="button"
        role="switch"
        class="bp-switch-track"
        aria-checked={checked ? 'true' : 'false'}
        aria-labelledby={`${id}-label`}
        aria-describedby={hint ? `${id}-hint` : undefined}
        disabled={disabled}
        data-testid={testId}
        onClick={(e) => {
          e.stopPropagation();
          if (!disabled) onChange(!checked);
        }}
      />
    </div>
  );
}
