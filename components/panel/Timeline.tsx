// Dated events involving the page's entities, oldest first: the date, the
// sentence that gives it, who or what it involves, and the report (which
// opens in the reader at that sentence). Pure props.
import { formatDate } from '../../lib/shared/format';
import { ReportLink } from '../card/CaveatList';
import type { OpenReport } from '../card/types';
import type { TimelineEntry } from '../../lib/panel/summary';

export interface TimelineProps {
  entries: readonly TimelineEntry[];
  onOpenReport: OpenReport;
}

export function Timeline({ entries, onOpenReport }: TimelineProps) {
  if (entries.length === 0) return <p class="bp-none">The reports give no dates for these.</p>;
  return (
    <ol class="bp-timeline">
      {entries.map((entry) => (
        <li class="bp-tl-entry" key={entry.date}>
          <h3 class="bp-tl-date">
            <time dateTime={entry.date}>{formatDate(entry.date)}</time>
          </h3>
          <ul class="bp-tl-items">
            {entry.items.map((item) => (
              <li class="bp-tl-item" key={item.claim}>
                <p class="bp-tl-sentence">{item.sentence}</p>
                <p class="bp-tl-meta">
                  <span class="bp-tl-as">“{item.text}”</span>
                  {item.entities.map((e) => (
                    <span key={e.id} class={`bp-about-name bs-type-${e.type}`}>
                      <span class="bs-dot" aria-hidden="true" />
                      {e.name}
                    </span>
                  ))}
                </p>
                <ReportLink report={item.report} quoteStart={item.start} quoteEnd={item.end} onOpenReport={onOpenReport} />
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
