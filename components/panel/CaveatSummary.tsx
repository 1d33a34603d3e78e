// The caveats that apply to the page's entities, most serious first; the first
// few, then the rest on request. Pure props (local "show all" state only).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { OpenReport } from '../card/types';
import type { PanelCaveat } from '../../lib/panel/summary';
import { PanelCaveatItem } from './PanelCaveatItem';

export interface CaveatSummaryProps {
  caveats: readonly PanelCaveat[];
  onOpenReport: OpenReport;
  initial?: number;
  /** Said when the list is empty. */
  emptyText: string;
  evidenceOpen?: boolean;
}

export function CaveatSummary({ caveats, onOpenReport, initial = 4, emptyText, evidenceOpen }: CaveatSummaryProps) {
  const [all, setAll] = useState(false);
  const list = useRef<HTMLUListElement>(null);
  // "Show all" disappears when used: focus moves to the first item it revealed.
  useEffect(() => {
    if (all) list.current?.children[initial]?.querySelector<HTMLElement>('summary, button')?.focus();
  }, [all]);
  if (caveats.length === 0) return <p class="bp-none">{emptyText}</p>;
  const shown = all ? caveats : caveats.slice(0, initial);
  return (
    <>
      <ul class="bp-caveats" ref={list}>
        {shown.map((c) => (
          <PanelCaveatItem key={c.caveat.id} item={c} onOpenReport={onOpenReport} evidenceOpen={evidenceOpen} />
        ))}
      </ul>
      {caveats.length > shown.length ? (
        <button type="button" class="bp-more" onClick={() => setAll(true)}>
          Show all {caveats.length}
        </button>
      ) : null}
    </>
  );
}
