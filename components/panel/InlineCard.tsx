// An entity's card shown inline in the panel's report reader: the card body
// the page's popover uses (components/card/EntityCardView), in a region with
// its own heading and a close button. Pure props.
import { useEffect, useId, useRef } from 'preact/hooks';
import type { EntityCard } from '../../lib/kb/card';
import { CloseIcon } from '../card/Icons';
import { EntityCardView } from '../card/EntityCardView';
import { TYPE_LABEL } from '../../lib/shared/format';
import type { OpenReport } from '../card/types';

export interface InlineCardProps {
  card: EntityCard | null;
  /** The entity's name while the card loads. */
  name: string;
  showCaveats: boolean;
  onClose: () => void;
  onOpenReport: OpenReport;
  onSelectEntity: (id: string) => void;
}

export function InlineCard({ card, name, showCaveats, onClose, onOpenReport, onSelectEntity }: InlineCardProps) {
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
    ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [card?.id]);
  return (
    <div
      ref={ref}
      class="bp-inline-card"
      role="region"
      aria-labelledby={`${id}-t`}
      aria-busy={card ? undefined : 'true'}
      tabIndex={-1}
      data-card={card?.id}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div class="bp-inline-head">
        <div>
          {card ? (
            <p class={`bp-kicker bs-type-${card.type}`}>
              <span class="bs-dot" aria-hidden="true" />
              {TYPE_LABEL[card.type]}
            </p>
          ) : null}
          <h3 class="bp-inline-title" id={`${id}-t`}>
            {card?.name ?? name}
          </h3>
        </div>
        <button type="button" class="bp-icon-btn" aria-label="Close card" title="Close (Esc)" onClick={() => onClose()}>
          <CloseIcon />
        </button>
      </div>
      {card ? <EntityCardView card={card} showCaveats={showCaveats} onOpenReport={onOpenReport} onSelectEntity={onSelectEntity} /> : <p class="bp-none">Loading…</p>}
    </div>
  );
}
