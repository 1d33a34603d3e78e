// The reports that mention the entity: headline, publisher, date, snippet.
// Clicking one asks for it to be opened (side panel). Pure props.
import type { EntityCard } from '../../lib/kb/card';
import { claimSpan, plural } from '../../lib/shared/format';
import { ReportMeta } from './ReportMeta';
import type { OpenReport } from './types';

export interface ReportListProps {
  reports: EntityCard['reports'];
  onOpenReport?: OpenReport;
}

export function ReportList({ reports, onOpenReport }: ReportListProps) {
  if (reports.length === 0) return null;
  return (
    <ul class="bs-reports">
      {reports.map((r) => {
        const body = (
          <>
            <cite class="bs-headline">{r.headline}</cite>
            <span class="bs-report-line">
              <ReportMeta report={r} />
              <span class="bs-count">{plural(r.mentions, 'mention')}</span>
            </span>
            {r.snippet && r.snippet !== r.headline ? <span class="bs-snippet">{r.snippet}</span> : null}
          </>
        );
        return (
          <li key={r.id}>
            {onOpenReport ? (
              <button type="button" class="bs-report" onClick={() => onOpenReport({ id: r.id, ...(r.claim ? claimSpan(r.claim, r.snippet.replace(/…$/, '')) : {}) })}>
                {body}
              </button>
            ) : (
              <div class="bs-report">{body}</div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
