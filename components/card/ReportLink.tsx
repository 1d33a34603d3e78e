// A report reference that asks for the report to be opened (in the side
// panel), optionally at a quote, when clicked. Pure props.
import type { ReportRef as ReportRefData } from '../../lib/kb/card';
import { ReportRef } from './ReportRef';
import type { OpenReport } from './types';

export interface ReportLinkProps {
  report: ReportRefData;
  quoteStart?: number;
  quoteEnd?: number;
  onOpenReport?: OpenReport;
}

export function ReportLink({ report, quoteStart, quoteEnd, onOpenReport }: ReportLinkProps) {
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
