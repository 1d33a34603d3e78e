// One report, as a reference: headline, then publisher and date. Pure props.
import type { ReportRef as ReportRefData } from '../../lib/kb/card';
import { ReportMeta } from './ReportMeta';

// Re-exported for the side panel's components, which import it from here.
export { ReportMeta };

export interface ReportRefProps {
  report: ReportRefData;
  /** Show the headline (off when the headline is shown elsewhere, e.g. as a button title). */
  headline?: boolean;
}

export function ReportRef({ report, headline = true }: ReportRefProps) {
  return (
    <span class="bs-ref">
      {headline ? <cite class="bs-headline">{report.headline}</cite> : null}
      <ReportMeta report={report} />
    </span>
  );
}
