// The body of an entity card: description and its source, caveats, key facts,
// spellings, reports, related entities and "why this link". Pure props; the
// side panel can reuse it as is.
import { createRef } from 'preact';
import type { EntityCard } from '../../lib/kb/card';
import { CaveatList } from './CaveatList';
import { ReportLink } from './ReportLink';
import { CaveatSummary } from './CaveatSummary';
import { FactList } from './FactList';
import { plural } from '../../lib/shared/format';
import { Quote } from './Quote';
import { RelatedEntities } from './RelatedEntities';
import { ReportList } from './ReportList';
import { Section } from './Section';
import { SpellingList } from './SpellingList';
import type { MentionInfo, OpenReport } from './types';
import { WhyLink } from './WhyLink';

export interface EntityCardViewProps {
  card: EntityCard;
  /** The mention on the page that opened the card (for "why this link"). */
  mention?: MentionInfo | null;
  showCaveats?: boolean;
  onOpenReport?: OpenReport;
  onSelectEntity?: (id: string) => void;
}

export function EntityCardView({ card, mention, showCaveats = true, onOpenReport, onSelectEntity }: EntityCardViewProps) {
  const caveats = showCaveats ? card.caveats : [];
  const caveatsRef = createRef<HTMLElement>();
  return (
    <>
      <p class="bs-description">{card.description}</p>
      <details class="bs-source">
        <summary>
          Source: <cite class="bs-headline-inline">{card.descriptionSource.report.headline}</cite>
        </summary>
        <Quote text={card.descriptionSource.quote} />
        <ReportLink report={card.descriptionSource.report} onOpenReport={onOpenReport} />
      </details>
      <CaveatSummary caveats={caveats} onShow={() => caveatsRef.current?.scrollIntoView({ block: 'start' })} />

      {card.facts.length ? (
        <Section title="Key facts" count={card.totals.facts}>
          <FactList facts={card.facts} caveats={showCaveats ? card.caveats : undefined} onOpenReport={onOpenReport} />
          {card.totals.facts > card.facts.length ? (
            <p class="bs-fine">
              Showing {card.facts.length} of {plural(card.totals.facts, 'fact')}.
            </p>
          ) : null}
        </Section>
      ) : null}

      {caveats.length ? (
        <Section title="Caveats" count={caveats.length} sectionRef={caveatsRef}>
          <CaveatList caveats={caveats} onOpenReport={onOpenReport} />
        </Section>
      ) : null}

      {card.spellings.length ? (
        <Section title="Spellings in the reports">
          <SpellingList spellings={card.spellings} />
        </Section>
      ) : null}

      {card.reports.length ? (
        <Section title="Reports" count={card.reports.length}>
          <ReportList reports={card.reports} onOpenReport={onOpenReport} />
        </Section>
      ) : null}

      {card.related.length ? (
        <Section title="Named with">
          <RelatedEntities related={card.related} onSelectEntity={onSelectEntity} />
        </Section>
      ) : null}

      {mention ? <WhyLink mention={mention} /> : null}
    </>
  );
}
