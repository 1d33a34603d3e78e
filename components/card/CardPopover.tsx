// The card as the page shows it: one dialog whose content is an entity card, a
// disambiguation list, a loading line or an error. Pure props: the controller
// (lib/page/card/card-layer.tsx) owns the state, history and placement.
import type { Ref } from 'preact';
import type { EntityCard } from '../../lib/kb/card';
import { CardFrame } from './CardFrame';
import { DisambiguationCard } from './DisambiguationCard';
import { CardPreview } from './CardPreview';
import { previewFor } from './card-preview';
import { TYPE_LABEL } from '../../lib/shared/format';
import type { PageText } from '../../lib/shared/page-claims';
import type { LinkExplanation } from '../../lib/link/page-corrections';
import type { MentionInfo, OpenReport } from './types';

export type CardState =
  | { kind: 'loading'; surface: string }
  | { kind: 'entity'; card: EntityCard; mention: MentionInfo | null; link?: LinkExplanation | null }
  | { kind: 'ambiguous'; surface: string; candidates: (EntityCard | null)[]; mention: MentionInfo | null }
  | { kind: 'error'; surface: string; message: string };

export interface CardPopoverProps {
  state: CardState;
  titleId: string;
  theme: 'light' | 'dark';
  showCaveats: boolean;
  onClose?: () => void;
  onSettings?: () => void;
  onBack?: () => void;
  onOpenReport?: OpenReport;
  onSelectEntity?: (id: string) => void;
  dialogRef?: Ref<HTMLDivElement>;
  /** Rendered ahead of time and hidden (lib/page/card/card-layer.tsx): no dialog role yet. */
  prepared?: boolean;
  /** The page's text, to pick the fact that matters for it and spot claims it repeats. */
  page?: PageText | null;
  /** "More in the side panel": open the panel at this entity. */
  onMore?: (entityId: string) => void;
  /** "Or did you mean …?" on a card opened from the page's words. */
  onChoose?: (entityId: string) => void;
  /** "Not this" on a card opened from the page's words. */
  onNotThis?: () => void;
}

export function CardPopover(props: CardPopoverProps) {
  const { state, titleId, theme, showCaveats, onClose, onSettings, onBack, onOpenReport, onSelectEntity, dialogRef, prepared, page, onMore, onChoose, onNotThis } = props;
  const frame = { titleId, theme, onClose, onSettings, onBack, dialogRef, prepared };
  switch (state.kind) {
    case 'entity':
      return (
        <CardFrame {...frame} title={state.card.name} kicker={TYPE_LABEL[state.card.type]} tone={state.card.type}>
          <CardPreview
            card={state.card}
            preview={previewFor(state.card, page ?? null)}
            showCaveats={showCaveats}
            onOpenReport={onOpenReport}
            onMore={() => onMore?.(state.card.id)}
            pageRead={!!page}
            link={state.link}
            onChoose={onChoose}
            onNotThis={state.mention ? onNotThis : undefined}
          />
        </CardFrame>
      );
    case 'ambiguous':
      return (
        <CardFrame {...frame} title={`Which “${state.surface}”?`} kicker="Ambiguous name" tone="ambiguous">
          <DisambiguationCard surface={state.surface} candidates={state.candidates} onSelectEntity={onSelectEntity} onNotThis={state.mention ? onNotThis : undefined} />
        </CardFrame>
      );
    case 'loading':
      return (
        <CardFrame {...frame} title={state.surface} kicker="Loading…" busy>
          <p class="bs-pv-what">Looking it up in the reports…</p>
        </CardFrame>
      );
    case 'error':
      return (
        <CardFrame {...frame} title={state.surface} kicker="Not available">
          <p class="bs-pv-what">{state.message}</p>
        </CardFrame>
      );
  }
}
