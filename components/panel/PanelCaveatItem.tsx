// One caveat in the panel: badge (severity in shape and word), what it says,
// the page's entities it concerns, and its evidence: the exact quote and the
// report, which opens in the reader at the quote. Pure props.
import { CaveatBadge } from '../card/CaveatBadge';
import { ReportLink } from '../card/CaveatList';
import { Quote } from '../card/Quote';
import type { OpenReport } from '../card/types';
import type { PanelCaveat } from '../../lib/panel/summary';
import { whoseLine } from '../card/plain';

export interface PanelCaveatItemProps {
  item: PanelCaveat;
  onOpenReport: OpenReport;
  /** Show the evidence open (the "leaves out" list leads with it). */
  evidenceOpen?: boolean;
}

export function PanelCaveatItem({ item, onOpenReport, evidenceOpen = false }: PanelCaveatItemProps) {
  const { caveat, report, entities } = item;
  return (
    <li class="bp-caveat" data-caveat={caveat.id} data-kind={caveat.kind}>
      <div class="bp-caveat-top">
        <CaveatBadge severity={caveat.severity} label={caveat.label} />
        {caveat.origin === 'editor' ? (
          <span class="bp-origin" title="Written by Backstory's editors, with the reasoning under Evidence">
            Editor’s note
          </span>
        ) : (
          <span class="bp-origin" title={caveat.reasoning}>
            Found in the text
          </span>
        )}
      </div>
      <p class="bp-whose">{whoseLine(caveat.kind, report)}</p>
      <p class="bp-caveat-text">{caveat.explanation}</p>
      {entities.length ? (
        <p class="bp-about">
          <span class="bp-about-label">About</span>{' '}
          {entities.map((e, i) => (
            <span key={e.id} class={`bp-about-name bs-type-${e.type}`}>
              <span class="bs-dot" aria-hidden="true" />
              {e.name}
              {i < entities.length - 1 ? <span class="bp-sr">, </span> : null}
            </span>
          ))}
        </p>
      ) : null}
      <details class="bp-evidence" open={evidenceOpen}>
        <summary>Evidence</summary>
        <Quote text={caveat.quote} />
        <ReportLink report={report} quoteStart={caveat.start} quoteEnd={caveat.end} onOpenReport={onOpenReport} />
        {caveat.origin === 'editor' ? (
          <details class="bp-reasoning">
            <summary>Editor’s reasoning</summary>
            <p class="bp-fine">{caveat.reasoning}</p>
          </details>
        ) : null}
      </details>
    </li>
  );
}
