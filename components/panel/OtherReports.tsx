// The KB's other reports about the page's entities: headline, publisher and
// date, a snippet, and what each adds (facts and caveats about these
// entities). Those not opened yet come first. Opening one shows it in the
// reader. Pure props.
import { plural } from '../../lib/shared/format';
import { ReportMeta } from '../card/ReportRef';
import type { OpenReport } from '../card/types';
import type { OtherReport } from '../../lib/panel/summary';

export interface OtherReportsProps {
  reports: readonly OtherReport[];
  onOpenReport: OpenReport;
}

function adds(r: OtherReport): string {
  const parts: string[] = [];
  if (r.facts) parts.push(plural(r.facts, 'fact'));
  if (r.caveats) parts.push(plural(r.caveats, 'caveat'));
  const names = r.entities.slice(0, 3).map((e) => e.name);
  const more = r.entities.length - names.length;
  const about = `${names.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
  return parts.length ? `Adds ${parts.join(' and ')} about ${about}` : `Mentions ${about}`;
}

export function OtherReports({ reports, onOpenReport }: OtherReportsProps) {
  if (reports.length === 0) return <p class="bp-none">No other report in the knowledge base names these.</p>;
  return (
    <ul class="bp-reports">
      {reports.map((r) => (
        <li key={r.ref.id}>
          <button type="button" class="bp-report" data-report={r.ref.id} onClick={() => onOpenReport({ id: r.ref.id })}>
            <span class="bp-report-top">
              <cite class="bp-report-headline">{r.ref.headline}</cite>
              {r.seen ? (
                <span class="bp-tag bp-tag-seen">opened</span>
              ) : (
                <span class="bp-tag bp-tag-new">not opened yet</span>
              )}
            </span>
            <ReportMeta report={r.ref} />
            {r.snippet ? <span class="bp-report-snippet">{r.snippet}</span> : null}
            <span class="bp-report-adds">{adds(r)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
