// The panel's report reader: a KB report in full, with its marks, caveats and
// notes, opened at a quote when asked (scrolled to and highlighted). A mark
// shows the entity's card inline. Pure props (which mark is open is local).
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ReaderState } from '../../lib/panel/controller';
import { groupBlocks, layoutReport, locateQuote } from '../../lib/panel/report-view';
import { CaveatBadge } from '../card/CaveatBadge';
import { BackIcon } from '../card/Icons';
import { plural } from '../../lib/shared/format';
import { ReportMeta } from '../card/ReportRef';
import type { OpenReport } from '../card/types';
import { InlineCard } from './InlineCard';
import { ReportText } from './ReportText';

export interface ReportReaderProps {
  reader: ReaderState;
  showCaveats: boolean;
  reducedMotion: boolean;
  onBack: () => void;
  onShowCard: (entity: string | null) => void;
  onOpenReport: OpenReport;
}

export function ReportReader({ reader, showCaveats, reducedMotion, onBack, onShowCard, onOpenReport }: ReportReaderProps) {
  const { view, request } = reader;
  const [openMark, setOpenMark] = useState<number | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);

  const focus = useMemo(() => {
    if (!view || request.quoteStart === undefined || request.quoteEnd === undefined) return null;
    return locateQuote(view.report.text, { start: request.quoteStart, end: request.quoteEnd });
  }, [view, request]);

  const blocks = useMemo(() => {
    if (!view) return [];
    return groupBlocks(
      layoutReport({
        text: view.report.text,
        furniture: view.report.furniture,
        marks: view.marks,
        caveats: showCaveats ? view.caveats : [],
        focus,
      }),
    );
  }, [view, focus, showCaveats]);

  const entities = useMemo(() => new Map((view?.entities ?? []).map((e) => [e.id, e])), [view]);
  const caveats = useMemo(() => new Map((view?.caveats ?? []).map((c) => [c.id, c])), [view]);

  // A new report or quote: start at the quote (or the top), and move focus there.
  useEffect(() => {
    setOpenMark(null);
    if (!view) return;
    const target = rootRef.current?.querySelector<HTMLElement>('#bp-focus');
    if (target) {
      target.setAttribute('tabindex', '-1');
      target.scrollIntoView?.({ block: 'center', behavior: reducedMotion ? 'auto' : 'smooth' });
      target.focus({ preventScroll: true });
    } else {
      rootRef.current?.scrollTo?.({ top: 0 });
      headingRef.current?.focus({ preventScroll: true });
    }
  }, [view, request]);

  // The controller closes the card (e.g. Esc): forget the open mark too.
  useEffect(() => {
    if (reader.cardFor === null) setOpenMark(null);
  }, [reader.cardFor]);

  // A card asked for with the report (a search result, "More in the side panel"): open it at the
  // entity's mark inside the quote, else its first mark in the report.
  useEffect(() => {
    if (!view || !reader.cardFor || openMark !== null) return;
    const inQuote = view.marks.findIndex((m) => m.entity === reader.cardFor && (!focus || (m.start >= focus.start && m.end <= focus.end)));
    const i = inQuote >= 0 ? inQuote : view.marks.findIndex((m) => m.entity === reader.cardFor);
    if (i >= 0) setOpenMark(i);
  }, [view, reader.cardFor]);

  const onMark = (i: number) => {
    const mark = view?.marks[i];
    if (!mark) return;
    if (openMark === i) {
      setOpenMark(null);
      onShowCard(null);
    } else {
      setOpenMark(i);
      onShowCard(mark.entity);
    }
  };

  const closeCard = () => {
    const i = openMark;
    setOpenMark(null);
    onShowCard(null);
    if (i !== null) rootRef.current?.querySelectorAll<HTMLElement>('.bp-mark[aria-expanded="true"]')[0]?.focus();
  };

  return (
    <div class="bp-reader" ref={rootRef} data-report={request.id} aria-busy={view || reader.error ? undefined : 'true'}>
      <div class="bp-reader-bar">
        <button type="button" class="bp-back" onClick={() => onBack()}>
          <BackIcon />
          Page summary
        </button>
      </div>
      {reader.error ? (
        <p class="bp-error" role="alert">
          {reader.error}
        </p>
      ) : !view ? (
        <p class="bp-none" role="status">
          Loading the report…
        </p>
      ) : (
        <article class="bp-article" aria-labelledby="bp-reader-h">
          <header class="bp-article-head">
            <p class="bp-kicker">Report in Backstory’s knowledge base</p>
            <h2 class="bp-article-title" id="bp-reader-h" tabIndex={-1} ref={headingRef}>
              {view.report.headline}
            </h2>
            <ReportMeta report={view.ref} />
            {view.report.notes.length ? (
              <ul class="bp-report-notes">
                {view.report.notes.map((n, i) => (
                  <li key={i}>{n.text}</li>
                ))}
              </ul>
            ) : null}
            <p class="bp-reader-legend">
              {plural(new Set(view.marks.map((m) => m.entity)).size, 'name')} marked: choose one for its card.
              {showCaveats && view.caveats.length ? (
                <>
                  {' '}
                  {plural(view.caveats.length, 'caveat')}: quotes <mark class="bp-cq bp-sev-medium">highlighted</mark>, notes after the paragraph.
                </>
              ) : null}
            </p>
            {showCaveats && view.caveats.some((c) => c.severity === 'high') ? (
              <p class="bp-reader-high">
                {view.caveats
                  .filter((c) => c.severity === 'high')
                  .map((c) => (
                    <CaveatBadge key={c.id} severity={c.severity} label={c.label} />
                  ))}
              </p>
            ) : null}
          </header>
          <ReportText
            blocks={blocks}
            marks={view.marks}
            entities={entities}
            caveats={caveats}
            showCaveats={showCaveats}
            openMark={openMark}
            onMark={onMark}
            card={
              openMark !== null && reader.cardFor ? (
                <InlineCard
                  card={reader.card}
                  name={entities.get(reader.cardFor)?.name ?? ''}
                  showCaveats={showCaveats}
                  onClose={closeCard}
                  onOpenReport={onOpenReport}
                  onSelectEntity={(id) => onShowCard(id)}
                />
              ) : null
            }
          />
        </article>
      )}
    </div>
  );
}
