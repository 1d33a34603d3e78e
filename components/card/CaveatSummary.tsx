// One line under the description: how many caveats of each severity the card
// holds, as badges (shape + word + colour). Choosing it scrolls to the caveats.
import type { CardCaveat } from '../../lib/kb/card';
import type { Severity } from '../../lib/kb/schema';
import { SEVERITY_ICON, SEVERITY_LABEL, SEVERITY_ORDER } from '../../lib/shared/format';

export interface CaveatSummaryProps {
  caveats: readonly CardCaveat[];
  /** Called when the reader asks to see them. */
  onShow?: () => void;
}

export function CaveatSummary({ caveats, onShow }: CaveatSummaryProps) {
  if (caveats.length === 0) return null;
  const counts = new Map<Severity, number>();
  for (const c of caveats) counts.set(c.severity, (counts.get(c.severity) ?? 0) + 1);
  const parts = SEVERITY_ORDER.filter((s) => counts.has(s));
  const body = (
    <>
      {parts.map((s) => (
        <span key={s} class={`bs-badge bs-badge-compact bs-sev-${s}`}>
          <span aria-hidden="true">{SEVERITY_ICON[s]}</span> {counts.get(s)} {SEVERITY_LABEL[s].toLowerCase()}
        </span>
      ))}
      <span class="bs-summary-text">{caveats.length === 1 ? 'caveat' : 'caveats'}</span>
    </>
  );
  return onShow ? (
    <button type="button" class="bs-summary" onClick={onShow} aria-label={`${caveats.length} caveats: ${parts.map((s) => `${counts.get(s)} ${SEVERITY_LABEL[s].toLowerCase()}`).join(', ')}. Show them.`}>
      {body}
    </button>
  ) : (
    <p class="bs-summary">{body}</p>
  );
}
