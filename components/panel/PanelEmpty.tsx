// The panel's states when there is no summary to show: reading, a page
// Backstory cannot run on, a page where it is switched off (with the switch),
// and a page where it found nothing. Each says why, and what the KB covers.
// Pure props.
import type { ComponentChildren } from 'preact';
import { Switch } from '../options/Switch';

export type EmptyKind = 'loading' | 'unavailable' | 'off-site' | 'off-global' | 'nothing';

export interface PanelEmptyProps {
  kind: EmptyKind;
  host?: string;
  /** "5 reports, 82 people, places and things", for "what the KB covers". */
  coverage?: string | null;
  onTurnOn?: () => void;
  onOpenOptions?: () => void;
}

function Box({ kind, title, children }: { kind: EmptyKind; title: string; children?: ComponentChildren }) {
  return (
    <div class="bp-empty" data-empty={kind} role={kind === 'loading' ? 'status' : undefined} aria-busy={kind === 'loading' ? 'true' : undefined}>
      <div class="bp-empty-art" aria-hidden="true">
        {kind === 'loading' ? <span class="bp-spinner" /> : kind === 'unavailable' ? '⊘' : kind.startsWith('off') ? '⏻' : '○'}
      </div>
      <h2 class="bp-empty-title">{title}</h2>
      {children}
    </div>
  );
}

export function PanelEmpty({ kind, host, coverage, onTurnOn, onOpenOptions }: PanelEmptyProps) {
  switch (kind) {
    case 'loading':
      return <Box kind={kind} title="Reading the page…" />;
    case 'unavailable':
      return (
        <Box kind={kind} title="Backstory can’t read this page">
          <p class="bp-empty-text">
            Browsers keep extensions out of their own pages (settings, new tabs, <code>chrome://</code> and <code>about:</code> pages) and the extension
            stores. If this is a news page that was open before Backstory was installed or updated, reload it.
          </p>
        </Box>
      );
    case 'off-site':
      return (
        <Box kind={kind} title={`Backstory is off on ${host || 'this site'}`}>
          <p class="bp-empty-text">It marks nothing and reads nothing here until you turn it on.</p>
          {onTurnOn ? (
            <div class="bp-empty-switch">
              <Switch label={`On for ${host || 'this site'}`} checked={false} onChange={() => onTurnOn()} testId="panel-site-switch" />
            </div>
          ) : null}
          {onOpenOptions ? (
            <div class="bp-empty-actions">
              <button type="button" class="bp-btn" onClick={() => onOpenOptions()}>
                Site settings
              </button>
            </div>
          ) : null}
        </Box>
      );
    case 'off-global':
      return (
        <Box kind={kind} title="Backstory is switched off">
          <p class="bp-empty-text">It is off on every site. Turn it back on to see what this page mentions.</p>
          {onTurnOn ? (
            <div class="bp-empty-switch">
              <Switch label="On everywhere" checked={false} onChange={() => onTurnOn()} testId="panel-global-switch" />
            </div>
          ) : null}
        </Box>
      );
    case 'nothing':
      return (
        <Box kind={kind} title="Nothing from Backstory’s reports here">
          <p class="bp-empty-text">
            This page names none of the people, places, organisations or things that Backstory knows
            {coverage ? ` (${coverage})` : ''}. Its knowledge base is small: it covers only the reports it ships with.
          </p>
        </Box>
      );
  }
}
