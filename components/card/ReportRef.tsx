// One report, as a reference: headline, publisher, date ("inferred" when the
// report does not state its own date). Pure props.
import type { ReportRef as ReportRefData } from '../../lib/kb/card';
import { formatDate } from './format';

export interface ReportRefProps {
  report: ReportRefData;
  /** Show the headline (off when the headline is shown elsewhere, e.g. as a button title). */
  headline?: boolean;
}

export function ReportMeta({ report }: { report: ReportRefData }) {
  const publisher = report.publisher && report.publisher !== 'unknown' ? report.publisher : 'Publisher unknown';
  return (
    <span class="bs-meta">
      <span class="bs-publisher">{publisher}</span>
      {report.date ? (
        <>
          <span class="bs-sep" aria-hidden="true">
            {' · '}
          </span>
          <span class="bs-date" title={report.dateInferred ? `Date inferred: ${report.dateReason}` : report.dateReason}>
            {formatDate(report.date)}
          </span>
          {report.dateInferred ? (
            <span class="bs-tag" title={report.dateReason}>
              inferred
            </span>
          ) : null}
        </>
      ) : null}
      {report.republishedFrom ? <span class="bs-tag">via {report.republishedFrom}</span> : null}
    </span>
  );
}

export function ReportRef({ report, headline = true }: ReportRefProps) {
  return (
    <span class="bs-ref">
      {headline ? <cite class="bs-headline">{report.headline}</cite> : null}
      <ReportMeta report={report} />
    </span>
  );
}
