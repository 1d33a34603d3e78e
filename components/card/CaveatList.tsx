// The card's caveats, most severe first: the first few, the rest behind a
// disclosure. Pure props.
import type { CardCaveat } from '../../lib/kb/card';
import { CaveatItem } from './CaveatItem';

// Re-exported for the side panel's components, which import them from here.
export { CaveatItem };
export { ReportLink } from './ReportLink';
import type { OpenReport } from './types';

export interface CaveatListProps {
  caveats: readonly CardCaveat[];
  /** How many to show before the rest are folded away. */
  initial?: number;
  onOpenReport?: OpenReport;
}

export function CaveatList({ caveats, initial = 3, onOpenReport }: CaveatListProps) {
  if (caveats.length === 0) return null;
  const shown = caveats.slice(0, initial);
  const rest = caveats.slice(initial);
  return (
    <>
      <ul class="bs-caveats">
        {shown.map((c) => (
          <CaveatItem key={c.id} caveat={c} onOpenReport={onOpenReport} />
        ))}
      </ul>
      {rest.length ? (
        <details class="bs-more">
          <summary>
            {rest.length} more caveat{rest.length === 1 ? '' : 's'}
          </summary>
          <ul class="bs-caveats">
            {rest.map((c) => (
              <CaveatItem key={c.id} caveat={c} onOpenReport={onOpenReport} />
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}
