// The card as a preview of the page in front of the reader (issue #16): one
// plain sentence of who or what, the support line, the one fact that matters
// most for this page with its quote and report, at most two caveat lines that
// say whose they are, "This page repeats a claim that …" only when the page
// makes such a claim, and the way to the side panel, where depth lives.
// Never scrolls: long text is clamped (styles.ts). Pure props: what the page
// shares with the card is worked out by previewFor (card-preview.ts).
import { Quote } from './Quote';
import { claimSpan } from '../../lib/shared/format';
import { cardReports, caveatLine, factSpeaker, plainReportRefs, reportByline, reportName, supportLine, kindText, type RichCard } from './plain';
import { repeatsLine, type CardPreviewData } from './card-preview';
import type { LinkExplanation } from '../../lib/link/page-corrections';
import type { OpenReport } from './types';

export interface CardPreviewProps {
  card: RichCard;
  preview: CardPreviewData;
  showCaveats: boolean;
  onOpenReport?: OpenReport;
  onMore?: () => void;
  /** The page's text was there to compare with (the fact and "This page repeats" are for this page). */
  pageRead?: boolean;
  /** Why the page's words were linked to this entity, and the other entities they could name (absent: opened from elsewhere). */
  link?: LinkExplanation | null;
  /** "Or did you mean …?": show the other entity's card and switch the mark. */
  onChoose?: (id: string) => void;
  /** "Not this": the reader's correction for this site and these words. */
  onNotThis?: () => void;
}

export function CardPreview({ card, preview, showCaveats, onOpenReport, onMore, pageRead = false, link, onChoose, onNotThis }: CardPreviewProps) {
  const other = link?.alternatives[0];
  const { fact, caveats, repeats } = preview;
  const speaker = fact ? factSpeaker(fact) : null;
  return (
    <>
      {/* Clamped text, and a part that clips rather than scrolls: "More in the side panel" always shows. */}
      <div class="bs-pv-main" data-page-read={pageRead ? 'true' : undefined}>
      <p class="bs-pv-what" data-part="what">
        {plainReportRefs(card.description, cardReports(card))}
      </p>
      <p class="bs-pv-support" data-part="support">
        {supportLine(card)}
      </p>
      {fact ? (
        <div class="bs-pv-fact" data-part="fact">
          <Quote text={fact.quote} class="bs-pv-quote" />
          <button
            type="button"
            class="bs-pv-source"
            onClick={() => onOpenReport?.({ id: fact.report.id, ...claimSpan(fact.claim, fact.quote) })}
            title={fact.report.headline}
          >
            {speaker ? `${speaker} ` : ''}
            {speaker ? reportName(fact.report) : reportByline(fact.report)}
          </button>
        </div>
      ) : null}
      {showCaveats && caveats.length ? (
        <ul class="bs-pv-caveats" data-part="caveats">
          {caveats.map((c) => (
            <li key={c.id} class={`bs-pv-caveat bs-sev-${c.severity}`} title={`${kindText(c.kind).label}: ${c.explanation}`}>
              {caveatLine(c)}
            </li>
          ))}
        </ul>
      ) : null}
      {showCaveats && repeats ? (
        <p class="bs-pv-repeats" data-part="repeats">
          <span>{repeatsLine(repeats.caveat)}</span>
        </p>
      ) : null}
      </div>
      {link ? (
        <p class="bs-pv-why" data-part="why">
          {link.why}
          {other ? (
            <>
              {'. '}
              <button type="button" class="bs-pv-other" onClick={() => onChoose?.(other.id)}>
                Or did you mean {other.name}?
              </button>
            </>
          ) : null}
        </p>
      ) : null}
      <div class="bs-pv-actions">
        <button type="button" class="bs-pv-more" data-part="more" onClick={() => onMore?.()}>
          More in the side panel
        </button>
        {onNotThis ? (
          <button type="button" class="bs-pv-notthis" data-part="not-this" title="This name on this page is something else: stop linking it on this site" onClick={() => onNotThis()}>
            Not this
          </button>
        ) : null}
      </div>
    </>
  );
}
