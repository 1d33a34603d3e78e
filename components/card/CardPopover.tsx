// The card as the page shows it: one dialog whose content is an entity card, a
// disambiguation list, a loading line or an error. Pure props: the controller
// (lib/page/card-layer.tsx) owns the state, history and placement.
import type { Ref } from 'preact';
import type { EntityCard } from '../../lib/kb/card';
import { CardFrame } from './CardFrame';
import { DisambiguationCard } from './DisambiguationCard';
import { EntityCardView } from './EntityCardView';
import { TYPE_LABEL } from './format';
import type { MentionInfo, OpenReport } from './types';

export type CardState =
  | { kind: 'loading'; surface: string }
  | { kind: 'entity'; card: EntityCard; mention: MentionInfo | null }
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
  /** Rendered ahead of time and hidden (lib/page/card-layer.tsx): no dialog role yet. */
  prepared?: boolean;
}

function Footer() {
  return (
    <>
      <span class="bs-brand">Backstory</span>
      <span class="bs-fine">From its offline reports · Esc closes</span>
    </>
  );
}

export function CardPopover(props: CardPopoverProps) {
  const { state, titleId, theme, showCaveats, onClose, onSettings, onBack, onOpenReport, onSelectEntity, dialogRef, prepared } = props;
  const frame = { titleId, theme, onClose, onSettings, onBack, dialogRef, prepared, footer: <Footer /> };
  switch (state.kind) {
    case 'entity':
      return (
        <CardFrame {...frame} title={state.card.name} kicker={TYPE_LABEL[state.card.type]} tone={state.card.type}>
          <EntityCardView card={state.card} mention={state.mention} showCaveats={showCaveats} onOpenReport={onOpenReport} onSelectEntity={onSelectEntity} />
        </CardFrame>
      );
    case 'ambiguous':
      return (
        <CardFrame {...frame} title={`Which “${state.surface}”?`} kicker="Ambiguous name" tone="ambiguous">
          <DisambiguationCard surface={state.surface} candidates={state.candidates} onSelectEntity={onSelectEntity} />
        </CardFrame>
      );
    case 'loading':
      return (
        <CardFrame {...frame} title={state.surface} kicker="Loading…" busy>
          <p class="bs-fine">Looking it up in the reports…</p>
        </CardFrame>
      );
    case 'error':
      return (
        <CardFrame {...frame} title={state.surface} kicker="Not available">
          <p class="bs-description">{state.message}</p>
        </CardFrame>
      );
  }
}
