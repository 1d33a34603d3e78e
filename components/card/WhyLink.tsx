// "Why this link": the alias matched on the page and the rule that linked it.
import { REASON_RULE, reasonText } from '../../lib/shared/format';
import type { MentionInfo } from './types';

export function WhyLink({ mention }: { mention: MentionInfo }) {
  return (
    <p class="bs-why">
      <span class="bs-why-rule">
        Why this link: <strong>{REASON_RULE[mention.reason]}</strong>
      </span>
      <span class="bs-block">{reasonText(mention.reason, mention.alias, mention.surface)}</span>
    </p>
  );
}
