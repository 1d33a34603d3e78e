// One caveat: its badge, the explanation, and (on expand) the evidence quote
// with its report and, for an editor's note, the reasoning. Pure props.
import type { CardCaveat } from '../../lib/kb/card';
import { CaveatBadge } from './CaveatBadge';
import { Quote } from './Quote';
import { ReportLink } from './ReportLink';
import type { OpenReport } from './types';
import { caveatLine } from './plain';

export interface CaveatItemProps {
  caveat: CardCaveat;
  onOpenReport?: OpenReport;
}

export function CaveatItem({ caveat, onOpenReport }: CaveatItemProps) {
  return (
    <li class="bs-caveat">
      <CaveatBadge severity={caveat.severity} label={caveat.label} />
      <p class="bs-caveat-whose">{caveatLine(caveat)}</p>
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
