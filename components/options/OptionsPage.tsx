// The settings page: the main switch, the per-site list and its mode, what is
// marked and how, how cards open, caveats, theme, and reset. Every change is
// saved at once and applies to open pages without a reload. Pure props.
import { useId, useState } from 'preact/hooks';
import type { Settings } from '../../lib/shared/settings';
import { ChoiceGroup } from './ChoiceGroup';
import { SiteList } from './SiteList';
import { Switch } from './Switch';
import { TypeChecklist } from './TypeChecklist';
import { TypeMarks } from './TypeMarks';

export interface OptionsPageProps {
  settings: Settings;
  onChange: (update: (s: Settings) => Settings) => void;
  onReset: () => void;
  /** Announced after each save ("Saved."), or an error. */
  status: string | null;
}

export function OptionsPage({ settings, onChange, onReset, status }: OptionsPageProps) {
  const [confirming, setConfirming] = useState(false);
  const delayId = useId();
  const set = (patch: Partial<Settings>) => onChange((s) => ({ ...s, ...patch }));
  const listKey = settings.siteMode === 'all-except' ? 'blockedSites' : 'allowedSites';
  const sites = settings[listKey];
  return (
    <div class="op">
      <header class="op-head">
        <span class="bp-logo" aria-hidden="true">
          B
        </span>
        <div>
          <h1 class="op-title">Backstory settings</h1>
          <p class="op-sub">Saved as you change them, on this device only, and applied to open pages at once.</p>
        </div>
      </header>

      <section class="op-card" aria-labelledby="op-h-main">
        <h2 class="op-h" id="op-h-main">
          Backstory
        </h2>
        <Switch
          label="On everywhere"
          hint="The main switch. Off: no page is read or marked, whatever the site list says."
          checked={settings.enabled}
          onChange={(enabled) => set({ enabled })}
          testId="global-switch"
        />
      </section>

      <section class="op-card" aria-labelledby="op-h-sites">
        <h2 class="op-h" id="op-h-sites">
          Sites
        </h2>
        <ChoiceGroup
          legend="Where Backstory runs"
          name="siteMode"
          value={settings.siteMode}
          onChange={(siteMode) => set({ siteMode })}
          choices={[
            { value: 'all-except', label: 'Everywhere except the sites I list', hint: 'Turn it off on sites where you don’t want it.' },
            { value: 'only-allowed', label: 'Only on the sites I allow', hint: 'Nothing is read on any other site.' },
          ]}
        />
        <SiteList
          sites={sites}
          mode={settings.siteMode}
          onAdd={(host) => onChange((s) => ({ ...s, [listKey]: [...s[listKey].filter((x) => x !== host), host].sort() }))}
          onRemove={(host) => onChange((s) => ({ ...s, [listKey]: s[listKey].filter((x) => x !== host) }))}
        />
      </section>

      <section class="op-card" aria-labelledby="op-h-marks">
        <h2 class="op-h" id="op-h-marks">
          Marks on the page
        </h2>
        <TypeChecklist value={settings.entityTypes} onChange={(entityTypes) => set({ entityTypes })} />
        <ChoiceGroup
          legend="Highlight style"
          name="highlightStyle"
          value={settings.highlightStyle}
          onChange={(highlightStyle) => set({ highlightStyle })}
          inline
          choices={[
            { value: 'underline', label: 'Underline' },
            { value: 'background', label: 'Tint' },
            { value: 'off', label: 'No marks', hint: 'Cards still open from the keyboard.' },
          ]}
        />
        <ChoiceGroup
          legend="Mark"
          name="markMode"
          value={settings.markMode}
          onChange={(markMode) => set({ markMode })}
          inline
          choices={[
            { value: 'every', label: 'Every mention' },
            { value: 'first', label: 'First mention in the article' },
          ]}
        />
        <TypeMarks settings={settings} onChange={(patch) => set(patch)} />
        <Switch
          label="Mark very common places too"
          hint="The country a story is about, and capitals standing for governments (“Moscow said”), are left plain unless this is on."
          checked={settings.markCommonPlaces}
          onChange={(markCommonPlaces) => set({ markCommonPlaces })}
          testId="common-places"
        />
      </section>

      <section class="op-card" aria-labelledby="op-h-cards">
        <h2 class="op-h" id="op-h-cards">
          Cards
        </h2>
        <ChoiceGroup
          legend="Open a card on"
          name="trigger"
          value={settings.trigger}
          onChange={(trigger) => set({ trigger })}
          choices={[
            { value: 'hover', label: 'Hover', hint: 'After the delay below; the keyboard works too (Tab or Alt+Shift+N to a name, then Enter).' },
            { value: 'click', label: 'Click', hint: 'Nothing opens by accident.' },
            { value: 'modifier-hover', label: 'Alt + hover', hint: 'Hold Alt (Option on a Mac) while pointing at a name.' },
          ]}
        />
        <div class="op-field" data-setting="hoverDelayMs">
          <label class="op-legend" for={delayId}>
            Hover delay
          </label>
          <div class="op-range-row">
            <input
              id={delayId}
              type="range"
              min={100}
              max={3000}
              step={50}
              value={settings.hoverDelayMs}
              disabled={settings.trigger === 'click'}
              aria-valuetext={`${settings.hoverDelayMs} milliseconds`}
              onChange={(e) => set({ hoverDelayMs: Number((e.target as HTMLInputElement).value) })}
            />
            <output class="op-range-value" for={delayId}>
              {(settings.hoverDelayMs / 1000).toFixed(2).replace(/0$/, '')} s
            </output>
          </div>
          <p class="op-help">How long the pointer rests on a name before its card opens. Longer means fewer accidental cards.</p>
        </div>
        <Switch
          label="Show caveats"
          hint="Anonymous sourcing, denials, conflicting reports and likely errors, in cards and the side panel."
          checked={settings.showCaveats}
          onChange={(showCaveats) => set({ showCaveats })}
          testId="caveats-switch"
        />
      </section>

      <section class="op-card" aria-labelledby="op-h-look">
        <h2 class="op-h" id="op-h-look">
          Appearance
        </h2>
        <ChoiceGroup
          legend="Theme of cards and panels"
          name="theme"
          value={settings.theme}
          onChange={(theme) => set({ theme })}
          inline
          choices={[
            { value: 'auto', label: 'Automatic', hint: 'Cards follow the page you are reading; panels follow the system.' },
            { value: 'light', label: 'Light' },
            { value: 'dark', label: 'Dark' },
          ]}
        />
      </section>

      <footer class="op-foot">
        {confirming ? (
          <span class="op-confirm" role="group" aria-label="Confirm reset">
            <span>Reset every setting, including your site lists?</span>
            <button
              type="button"
              class="bp-btn op-danger"
              onClick={() => {
                setConfirming(false);
                onReset();
              }}
            >
              Reset
            </button>
            <button type="button" class="bp-btn" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </span>
        ) : (
          <button type="button" class="bp-btn" onClick={() => setConfirming(true)} data-testid="reset">
            Reset to defaults…
          </button>
        )}
        <p class="op-status" role="status" aria-live="polite">
          {status ?? ''}
        </p>
      </footer>
    </div>
  );
}
