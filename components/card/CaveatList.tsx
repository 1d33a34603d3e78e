// The card's caveats: badge, explanation and the evidence quote with its report.
// Shows the first few; the rest behind a disclosure. Pure props.
import type { CardCaveat } from '../../lib/kb/card';
import { CaveatBadge } from './CaveatBadge';
import { Quote } from './Quote';
import { ReportRef } from './ReportRef';
import type { OpenReport } from './types';

export interface CaveatListProps {
  caveats: readonly CardCaveat[];
  /** How many to show before "Show all". */
  initial?: number;
  onOpenReport?: OpenReport;
}

export function CaveatItem({ caveat, onOpenReport }: { caveat: CardCaveat; onOpenReport?: OpenReport }) {
  return (
    <li class="bs-caveat">
      <CaveatBadge severity={caveat.severity} label={caveat.label} />
      <p class="bs-caveat-text">{caveat.explanation}</p>
      <details class="bs-evidence">
        <summary>Evidence</summary>
        <Quote text={caveat.quote} />
        <ReportLink report={caveat.report} quoteStart={caveat.start} quoteEnd={caveat.end} onOpenReport={onOpenReport} />
        {caveat.origin === 'editor' ? <p class="bs-fine">Editor’s note: {caveat.reasoning}</p> : null}
      </details>
    </li>
  );
}

/** A report reference that opens the report (in the side panel) when clicked. */
export function ReportLink({
  report,
  quoteStart,
  quoteEnd,
  onOpenReport,
}: {
  report: CardCaveat['report'];
  quoteStart?: number;
  quoteEnd?: number;
  onOpenReport?: OpenReport;
}) {
  if (!onOpenReport) return <ReportRef report={report} />;
  return (
    <button
      type="button"
      class="bs-linkish"
      onClick={() => onOpenReport({ id: report.id, ...(quoteStart !== undefined ? { quoteStart } : {}), ...(quoteEnd !== undefined ? { quoteEnd } : {}) })}
    >
      <ReportRef report={report} />
    </button>
  );
}

export function CaveatList({ caveats, initial = 3, onOpenReport }: CaveatListProps) {
  if (caveats.length === 0) return null;
  const shown = caveats.slice(0, initial);
  const rest = caveats.slice(initial);
  return (
    <>
      <ul class="bs-caveats">
        {shown.map((c) => (
          <CaveatItem key={c.id} caveat={c} onOpenReport={onOpenReport} />
        ))}
      </ul>
      {rest.length ? (
        <details class="bs-more">
          <summary>
            {rest.length} more caveat{rest.length === 1 ? '' : 's'}
          </summary>
          <ul class="bs-caveats">
            {rest.map((c) => (
              <CaveatItem key={c.id} caveat={c} onOpenReport={onOpenReport} />
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}
