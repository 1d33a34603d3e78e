// A caveat as a labelled badge: severity by shape, word and colour (never
// colour alone), then the caveat's short label. Pure props.
import type { Severity } from '../../lib/kb/schema';
import { SEVERITY_ICON, SEVERITY_LABEL } from '../../lib/shared/format';

export interface CaveatBadgeProps {
  severity: Severity;
  label: string;
  /** Compact: icon + label only (the word is kept for screen readers). */
  compact?: boolean;
}

export function CaveatBadge({ severity, label, compact = false }: CaveatBadgeProps) {
  return (
    <span class={`bs-badge bs-sev-${severity}${compact ? ' bs-badge-compact' : ''}`}>
      <span class="bs-badge-sev">
        <span aria-hidden="true">{SEVERITY_ICON[severity]}</span>
        <span class={compact ? 'bs-sr' : undefined}>{` ${SEVERITY_LABEL[severity]}`}</span>
        <span class="bs-sr"> severity:</span>
      </span>
      <span class="bs-badge-label">{label}</span>
    </span>
  );
}
