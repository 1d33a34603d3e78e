// A section of the side panel: a heading that is also a disclosure button
// (aria-expanded), a count, an optional one-line description, and its content.
// Pure props; open/closed is local UI state.
import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';

export interface PanelSectionProps {
  title: string;
  count?: number;
  /** Says what the section is, under the heading. */
  lead?: ComponentChildren;
  initiallyOpen?: boolean;
  /** data-section, for tests and screenshots. */
  name: string;
  children: ComponentChildren;
}

export function PanelSection({ title, count, lead, initiallyOpen = true, name, children }: PanelSectionProps) {
  const [open, setOpen] = useState(initiallyOpen);
  const id = useId();
  return (
    <section class="bp-section" data-section={name} aria-labelledby={`${id}-h`}>
      <h2 class="bp-section-h" id={`${id}-h`}>
        <button type="button" class="bp-section-toggle" aria-expanded={open ? 'true' : 'false'} aria-controls={`${id}-body`} onClick={() => setOpen(!open)}>
          <span class="bp-chevron" aria-hidden="true" />
          <span class="bp-section-title">{title}</span>
          {count !== undefined ? <span class="bp-count">{count}</span> : null}
        </button>
      </h2>
      <div class="bp-section-body" id={`${id}-body`} hidden={!open}>
        {lead ? <p class="bp-lead">{lead}</p> : null}
        {children}
      </div>
    </section>
  );
}
