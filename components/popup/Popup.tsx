// The toolbar popup: is Backstory on for this site (one click to change),
// on everywhere, how much it found on this page, and the way to the side panel
// and the settings. Pure props.
import { plural } from '../../lib/shared/format';
import { Switch } from '../options/Switch';
import { MarkLegend, Shortcuts } from './Legend';

export interface PopupProps {
  /** The page's host, from its content script; null when Backstory cannot run on the page. */
  host: string | null;
  /** Still asking the page. */
  loading: boolean;
  /** Backstory on everywhere (the global switch). */
  enabled: boolean;
  /** On for this site (given the global switch and the site list). */
  siteActive: boolean;
  siteMode: 'all-except' | 'only-allowed';
  /** Distinct entities and mentions on the page; null when unknown. */
  found: { entities: number; mentions: number } | null;
  canOpenPanel: boolean;
  onToggleSite: (on: boolean) => void;
  onToggleGlobal: (on: boolean) => void;
  onOpenPanel: () => void;
  onOpenOptions: () => void;
  /** Issue #18: show the "Save this page" form (components/popup/SavePage.tsx). */
  onSavePage?: () => void;
  /** The background is putting corrupt or missing KB records back from the bundled copy. */
  repairing?: boolean;
}

function foundText({ host, loading, enabled, siteActive, found }: PopupProps): string {
  if (loading) return 'Reading the page…';
  if (host === null) return 'Backstory can’t run on this page (browser pages and extension stores are off limits).';
  if (!enabled) return 'Backstory is off everywhere.';
  if (!siteActive) return `Backstory is off on ${host}: nothing is marked.`;
  if (!found) return 'The page is still being read.';
  if (found.entities === 0) return 'Nothing on this page is in Backstory’s reports.';
  return `${found.entities === 1 ? 'name' : 'names'} from Backstory’s reports on this page (${plural(found.mentions, 'mention')}).`;
}

export function Popup(props: PopupProps) {
  const { host, enabled, siteActive, siteMode, canOpenPanel, onToggleSite, onToggleGlobal, onOpenPanel, onOpenOptions } = props;
  const hasFinds = !!props.found && props.found.entities > 0 && enabled && siteActive;
  return (
    <div class="pp">
      <header class="pp-head">
        <span class="bp-logo" aria-hidden="true">
          B
        </span>
        <div class="pp-head-text">
          <h1 class="pp-title">Backstory</h1>
          <p class="pp-host">{host ?? 'This page'}</p>
        </div>
      </header>
      <p class={`pp-found${hasFinds ? ' pp-found-yes' : ''}`} role="status" data-testid="found">
        {hasFinds ? <span class="pp-found-n">{props.found!.entities}</span> : null}
        <span>{foundText(props)}</span>
      </p>
      {props.repairing ? (
        <p class="pp-found" role="status" data-testid="repairing">
          Repairing the knowledge base…
        </p>
      ) : null}
      <div class="pp-switches">
        <Switch
          label={host ? (siteMode === 'only-allowed' ? `Run on ${host}` : `On for ${host}`) : 'On for this site'}
          hint={
            !enabled
              ? 'Turn Backstory on everywhere first.'
              : siteMode === 'only-allowed'
                ? 'Backstory runs only on the sites you allow.'
                : 'Only this site; it stays off here until you turn it on.'
          }
          checked={enabled && siteActive}
          disabled={host === null || !enabled}
          onChange={onToggleSite}
          testId="site-switch"
        />
        <Switch label="On everywhere" hint="The main switch, for every site." checked={enabled} onChange={onToggleGlobal} testId="global-switch" />
      </div>
      <details class="pp-help">
        <summary>What the marks mean, and the keys</summary>
        <MarkLegend />
        <Shortcuts />
        <p class="pp-fine">To turn Backstory off on a site, use the first switch above; it stays off there.</p>
      </details>
      <div class="pp-actions">
        <button type="button" class="bp-btn bp-btn-primary" onClick={() => onOpenPanel()} disabled={!canOpenPanel} data-testid="open-panel">
          Open side panel
        </button>
        <button type="button" class="bp-btn" onClick={() => onOpenOptions()}>
          Settings
        </button>
      </div>
      {props.onSavePage ? (
        <button type="button" class="bp-btn pp-save" onClick={() => props.onSavePage!()} disabled={host === null}>
          Save this page…
        </button>
      ) : null}
    </div>
  );
}
