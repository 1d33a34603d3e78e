// Key facts: each the exact sentence from a report, with the report (headline,
// publisher, date) and any caveats that bear on it. Pure props.
import type { CardCaveat, CardFact } from '../../lib/kb/card';
import { CaveatBadge } from './CaveatBadge';
import { ReportLink } from './ReportLink';
import { claimSpan } from '../../lib/shared/format';
import { Quote } from './Quote';
import type { OpenReport } from './types';
import { factSupportLine, type RichFact } from './plain';

export interface FactListProps {
  facts: readonly CardFact[];
  /** The card's caveats, to label facts they bear on (omit to hide caveats). */
  caveats?: readonly CardCaveat[];
  onOpenReport?: OpenReport;
}

function attributionText(fact: CardFact): string | null {
  const a = fact.attribution;
  if (a.role === 'reporter' || !a.claimant) return null;
  return [a.claimant, a.cue, a.via ? `via ${a.via}` : ''].filter(Boolean).join(' · ');
}

export function FactList({ facts, caveats, onOpenReport }: FactListProps) {
  if (facts.length === 0) return null;
  const byId = new Map((caveats ?? []).map((c) => [c.id, c]));
  return (
    <ol class="bs-facts">
      {facts.map((f) => {
        const who = attributionText(f);
        const flagged = caveats ? f.caveats.map((id) => byId.get(id)).filter((c): c is CardCaveat => c !== undefined) : [];
        const span = claimSpan(f.claim, f.quote);
        return (
          <li key={f.claim} class="bs-fact">
            <Quote text={f.quote} />
            {factSupportLine((f as RichFact).support) ? <p class="bs-fine bs-fact-support">{factSupportLine((f as RichFact).support)}</p> : null}
            {who || f.hedges.length ? (
              <p class="bs-fine">
                {who ? <span>Attributed to {who}</span> : null}
                {who && f.hedges.length ? <span aria-hidden="true"> · </span> : null}
                {f.hedges.length ? <span>hedged: {f.hedges.join(', ')}</span> : null}
              </p>
            ) : null}
            {flagged.length ? (
              <p class="bs-fact-flags">
                {flagged.map((c) => (
                  <CaveatBadge key={c.id} severity={c.severity} label={c.label} compact />
                ))}
              </p>
            ) : null}
            <ReportLink report={f.report} {...span} onOpenReport={onOpenReport} />
          </li>
        );
      })}
    </ol>
  );
}
