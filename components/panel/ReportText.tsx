// A report's text in the reader: paragraphs, with its marks (buttons that show
// the entity's card), the caveats' quotes highlighted with a note after the
// paragraph, the quote it was opened at, and page furniture set apart and
// collapsed. Text is rendered as text nodes only. Pure props.
import type { ComponentChildren } from 'preact';
import type { KbCaveat } from '../../lib/kb/document';
import { SEVERITY_ORDER } from '../../lib/kb/card';
import type { ReaderBlock, ReaderParagraph, ReaderSegment } from '../../lib/panel/report-view';
import type { ReportMark } from '../../lib/panel/types';
import { CaveatBadge } from '../card/CaveatBadge';
import { TYPE_LABEL } from '../../lib/shared/format';
import type { EntityType } from '../../lib/kb/schema';

export interface ReportTextProps {
  blocks: readonly ReaderBlock[];
  marks: readonly ReportMark[];
  entities: ReadonlyMap<string, { name: string; type: EntityType }>;
  caveats: ReadonlyMap<string, KbCaveat>;
  showCaveats: boolean;
  /** The mark whose card is open (index into marks). */
  openMark: number | null;
  onMark: (index: number) => void;
  /** Rendered after the paragraph holding the open mark. */
  card: ComponentChildren;
}

function worst(ids: readonly string[], caveats: ReadonlyMap<string, KbCaveat>): KbCaveat | undefined {
  return ids
    .map((id) => caveats.get(id))
    .filter((c): c is KbCaveat => c !== undefined)
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])[0];
}

function Segment({ seg, props, firstFocus }: { seg: ReaderSegment; props: ReportTextProps; firstFocus: boolean }) {
  let node: ComponentChildren = seg.text;
  if (seg.mark !== null) {
    const mark = props.marks[seg.mark]!;
    const e = props.entities.get(mark.entity);
    if (e) {
      const open = props.openMark === seg.mark;
      node = (
        <button
          type="button"
          class={`bp-mark bs-type-${e.type}`}
          data-entity={mark.entity}
          aria-expanded={open ? 'true' : 'false'}
          title={`${e.name} · ${TYPE_LABEL[e.type]}`}
          onClick={() => props.onMark(seg.mark!)}
        >
          {seg.text}
        </button>
      );
    }
  }
  const caveat = props.showCaveats ? worst(seg.caveats, props.caveats) : undefined;
  if (caveat) node = <mark class={`bp-cq bp-sev-${caveat.severity}`}>{node}</mark>;
  if (seg.focus) {
    node = (
      <span class="bp-focus" id={firstFocus ? 'bp-focus' : undefined} data-focus={firstFocus ? 'start' : 'more'}>
        {node}
      </span>
    );
  }
  return <>{node}</>;
}

function Paragraph({ p, props }: { p: ReaderParagraph; props: ReportTextProps }) {
  const openHere = props.openMark !== null && p.segments.some((s) => s.mark === props.openMark);
  const notes = props.showCaveats ? p.caveatsEnding.map((id) => props.caveats.get(id)).filter((c): c is KbCaveat => c !== undefined) : [];
  let focusSeen = false;
  return (
    <>
      <p class="bp-para" data-start={p.start}>
        {p.segments.map((seg) => {
          const first = seg.focus && !focusSeen;
          if (seg.focus) focusSeen = true;
          return <Segment key={seg.start} seg={seg} props={props} firstFocus={first} />;
        })}
      </p>
      {notes.length ? (
        <ul class="bp-notes">
          {notes.map((c) => (
            <li class={`bp-note bp-sev-${c.severity}`} key={c.id} data-caveat={c.id}>
              <CaveatBadge severity={c.severity} label={c.label} compact />
              <span class="bp-note-text">{c.explanation}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {openHere ? props.card : null}
    </>
  );
}

export function ReportText(props: ReportTextProps) {
  return (
    <div class="bp-report-text">
      {props.blocks.map((b) =>
        b.furniture ? (
          <details class="bp-furniture" key={`f${b.paragraphs[0]!.start}`} open={b.paragraphs.some((p) => p.segments.some((s) => s.focus || s.mark === props.openMark))}>
            <summary>
              Page furniture, not part of the report <span class="bp-count">{b.paragraphs.length}</span>
            </summary>
            {b.paragraphs.map((p) => (
              <Paragraph key={p.start} p={p} props={props} />
            ))}
          </details>
        ) : (
          b.paragraphs.map((p) => <Paragraph key={p.start} p={p} props={props} />)
        ),
      )}
    </div>
  );
}
