// Publisher and date of a report; "inferred" when the report does not state
// its own date (the reasoning is in the tooltip), and the original publisher of
// a republication. Pure props.
import type { ReportRef as ReportRefData } from '../../lib/kb/card';
import { formatDate } from '../../lib/shared/format';

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
