// The side panel: the active tab's page summary (entities, caveats, what the
// page leaves out, other reports, timeline) or, when a report is open, the
// report reader. Pure props: state and callbacks come from lib/panel/controller.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { PanelState } from '../../lib/panel/controller';
import type { OpenReport } from '../card/types';
import { plural } from '../../lib/shared/format';
import { CaveatSummary } from './CaveatSummary';
import { EntityGroups } from './EntityGroups';
import { OtherReports } from './OtherReports';
import { NotLinked } from './NotLinked';
import { PanelEmpty } from './PanelEmpty';
import { PanelSection } from './PanelSection';
import { ReportReader } from './ReportReader';
import { Timeline } from './Timeline';

export interface SidePanelActions {
  reveal: (entity: string) => void;
  openReport: OpenReport;
  closeReport: () => void;
  showCard: (entity: string | null) => void;
  turnOn: () => void;
  openOptions: () => void;
}

export interface SidePanelProps {
  state: PanelState;
  actions: SidePanelActions;
  reducedMotion: boolean;
  /** Issue #18: the search field and its results (components/panel/PanelSearch.tsx). */
  search?: ComponentChildren;
}

function coverage(state: PanelState): string | null {
  const kb = state.kb;
  if (!kb || !kb.reports) return null;
  return `${plural(kb.reports, 'report')}, ${plural(kb.entities, 'entry', 'entries')}`;
}

function Summary({ state, actions }: { state: PanelState; actions: SidePanelActions }) {
  const status = state.status;
  if (status.kind === 'loading') return <PanelEmpty kind="loading" />;
  if (status.kind === 'unavailable') return <PanelEmpty kind="unavailable" />;
  if (status.kind === 'off')
    return <PanelEmpty kind={status.reason === 'global' ? 'off-global' : 'off-site'} host={status.host} onTurnOn={actions.turnOn} onOpenOptions={actions.openOptions} />;
  if (status.kind === 'empty')
    return (
      <>
        <PanelEmpty kind="nothing" coverage={coverage(state)} />
        <NotLinked items={status.page.notLinked} />
      </>
    );
  const { summary, leavesOut } = status;
  const showCaveats = state.settings.showCaveats;
  const current = summary.reports.current;
  return (
    <div class="bp-summary">
      <dl class="bp-stats" data-testid="overview">
        <div class="bp-stat">
          <dt>{summary.entityCount === 1 ? 'name' : 'names'} from the reports</dt>
          <dd>{summary.entityCount}</dd>
        </div>
        <div class="bp-stat">
          <dt>{summary.mentionCount === 1 ? 'mention' : 'mentions'}</dt>
          <dd>{summary.mentionCount}</dd>
        </div>
        {showCaveats ? (
          <div class="bp-stat">
            <dt>{summary.caveats.length === 1 ? 'caveat' : 'caveats'}</dt>
            <dd>{summary.caveats.length}</dd>
          </div>
        ) : null}
        {showCaveats && leavesOut ? (
          <div class="bp-stat">
            <dt>left out here</dt>
            <dd>{leavesOut.length}</dd>
          </div>
        ) : null}
      </dl>
      {current ? (
        <p class="bp-current">
          This page is one of the reports in the knowledge base:{' '}
          <button type="button" class="bp-link" onClick={() => actions.openReport({ id: current.id })}>
            {current.headline}
          </button>
        </p>
      ) : null}
      <PanelSection name="entities" title="On this page" count={summary.entityCount} lead="Choose a name to jump to it on the page and open its card.">
        <EntityGroups groups={summary.groups} onReveal={actions.reveal} />
      </PanelSection>
      {showCaveats ? (
        <PanelSection name="caveats" title="Caveats" count={summary.caveats.length} lead="What the reports’ sourcing and wording warrant, most serious first.">
          <CaveatSummary caveats={summary.caveats} onOpenReport={actions.openReport} emptyText="No caveats about these in the reports." />
        </PanelSection>
      ) : null}
      {showCaveats ? (
        <PanelSection
          name="leaves-out"
          title="What this page leaves out"
          count={leavesOut ? leavesOut.length : undefined}
          lead="Denials, disputes, corrections and conflicting accounts the reports hold about these names, which this page does not quote."
        >
          {leavesOut === null ? (
            <p class="bp-none" role="status">
              Checking the page…
            </p>
          ) : (
            <CaveatSummary caveats={leavesOut} onOpenReport={actions.openReport} emptyText="Nothing: the page quotes every dispute and correction the reports hold about these." initial={3} evidenceOpen />
          )}
        </PanelSection>
      ) : null}
      <PanelSection name="reports" title="Other reports" count={summary.reports.others.length} lead="Reports in the knowledge base about these names. Open one to read it here.">
        <OtherReports reports={summary.reports.others} onOpenReport={actions.openReport} />
      </PanelSection>
      <PanelSection name="timeline" title="Timeline" count={summary.timeline.length} lead="Dated events involving these names, as the reports give them." initiallyOpen={summary.timeline.length <= 8}>
        <Timeline entries={summary.timeline} onOpenReport={actions.openReport} />
      </PanelSection>
      <NotLinked items={status.page.notLinked} />
    </div>
  );
}

export function SidePanel({ state, actions, reducedMotion, search }: SidePanelProps) {
  const page = 'page' in state.status ? state.status.page : null;
  const reading = state.reader !== null;
  // Back from the reader: focus returns to what opened it (the summary stays mounted, so does its scroll).
  const opener = useRef<HTMLElement | null>(null);
  const wasReading = useRef(false);
  if (reading && !wasReading.current && typeof document !== 'undefined') opener.current = document.activeElement as HTMLElement | null;
  useEffect(() => {
    if (!reading && wasReading.current) opener.current?.focus?.();
    wasReading.current = reading;
  }, [reading]);
  return (
    <div class="bp-panel">
      <header class="bp-top">
        <div class="bp-brand">
          <span class="bp-logo" aria-hidden="true">
            B
          </span>
          <div class="bp-top-text">
            <h1 class="bp-title">Backstory</h1>
            <p class="bp-page-title" title={page?.url}>
              {page ? page.title || page.url : ' '}
            </p>
          </div>
        </div>
        <button type="button" class="bp-icon-btn" aria-label="Settings" title="Settings" onClick={() => actions.openOptions()}>
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <circle cx="8" cy="8" r="2.2" fill="none" stroke="currentColor" stroke-width="1.3" />
            <path d="M8 1.5v2M8 12.5v2M1.5 8h2M12.5 8h2M3.4 3.4l1.4 1.4M11.2 11.2l1.4 1.4M3.4 12.6l1.4-1.4M11.2 4.8l1.4-1.4" stroke="currentColor" stroke-width="1.3" stroke-linecap="round" />
          </svg>
        </button>
      </header>
      {search}
      {state.kb?.problem ? (
        <p class="bp-error" role="alert">
          {state.kb.problem}
        </p>
      ) : null}
      <div class="bp-live bp-sr" role="status" aria-live="polite">
        {state.notice ?? ''}
      </div>
      {state.notice ? <p class="bp-notice">{state.notice}</p> : null}
      <main class="bp-main">
        {state.reader ? (
          <ReportReader
            reader={state.reader}
            showCaveats={state.settings.showCaveats}
            reducedMotion={reducedMotion}
            onBack={actions.closeReport}
            onShowCard={actions.showCard}
            onOpenReport={actions.openReport}
          />
        ) : null}
        <div hidden={reading}>
          <Summary state={state} actions={actions} />
        </div>
      </main>
      <footer class="bp-foot">
        {coverage(state) ? `Knowledge base: ${coverage(state)}. ` : ''}Works offline; sends nothing.
      </footer>
    </div>
  );
}
