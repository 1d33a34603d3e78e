// Spellings the reports use that are wrong or nonstandard ("spelled
// “Shaheed-136” in <report headline>"). Pure props.
import { Fragment } from 'preact';
import type { EntityCard } from '../../lib/kb/card';

export interface SpellingListProps {
  spellings: EntityCard['spellings'];
}

export function SpellingList({ spellings }: SpellingListProps) {
  if (spellings.length === 0) return null;
  return (
    <ul class="bs-spellings">
      {spellings.map((s) => (
        <li key={s.text}>
          Spelled <span class="bs-spelling">“{s.text}”</span>
          {s.reports.length ? (
            <>
              {' in '}
              {s.reports.map((r, i) => (
                <Fragment key={r.id}>
                  {i > 0 ? (i === s.reports.length - 1 ? ' and ' : ', ') : null}
                  <cite class="bs-headline-inline">{r.headline}</cite>
                </Fragment>
              ))}
            </>
          ) : null}
          {s.note ? <span class="bs-fine bs-block">{s.note}</span> : null}
        </li>
      ))}
    </ul>
  );
}
