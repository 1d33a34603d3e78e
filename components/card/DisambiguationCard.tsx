// When a name fits several entities, list them instead of guessing. Pure props.
import type { EntityCard } from '../../lib/kb/card';
import { TYPE_LABEL } from '../../lib/shared/format';

const MAX_CHOICES = 3;

export interface DisambiguationCardProps {
  /** The name as the page writes it. */
  surface: string;
  /** Candidate cards (null: not found in the KB). */
  candidates: readonly (EntityCard | null)[];
  onSelectEntity?: (id: string) => void;
  /** "None of these": the reader's correction for this site and these words (every candidate). */
  onNotThis?: () => void;
}

export function DisambiguationCard({ surface, candidates, onSelectEntity, onNotThis }: DisambiguationCardProps) {
  const found = candidates.filter((c): c is EntityCard => c !== null);
  // A preview never scrolls: three choices, and how many more there are.
  const shown = found.slice(0, MAX_CHOICES);
  return (
    <>
      <p class="bs-pv-what">
        “{surface}” fits {found.length === 1 ? 'one entry' : `${found.length} entries`} in the reports. Backstory does not guess which one this page means.
      </p>
      <ul class="bs-choices">
        {shown.map((c) => (
          <li key={c.id}>
            <button type="button" class={`bs-choice bs-type-${c.type}`} onClick={() => onSelectEntity?.(c.id)}>
              <span class="bs-choice-name">
                <span class="bs-dot" aria-hidden="true" />
                {c.name}
              </span>
              <span class="bs-choice-type">{TYPE_LABEL[c.type]}</span>
              <span class="bs-choice-desc">{c.description}</span>
            </button>
          </li>
        ))}
      </ul>
      {found.length > shown.length ? <p class="bs-pv-support">And {found.length - shown.length} more: open the side panel for every entry.</p> : null}
      {onNotThis ? (
        <button type="button" class="bs-pv-notthis" data-part="not-this" title="This name on this page is none of these: stop marking it on this site" onClick={() => onNotThis()}>
          None of these
        </button>
      ) : null}
    </>
  );
}
