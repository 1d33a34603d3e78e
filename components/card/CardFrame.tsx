// The dialog frame every card shares: a labelled dialog with the type line, the
// title, and buttons for settings, back and close. Pure props.
import type { ComponentChildren, Ref } from 'preact';
import { BackIcon, CloseIcon, GearIcon } from './Icons';

export interface CardFrameProps {
  /** id of the title element (the dialog's accessible name). */
  titleId: string;
  title: ComponentChildren;
  /** The line above the title ("Person"), with the type's colour dot. */
  kicker?: ComponentChildren;
  /** Type (class name suffix) for the colour of the kicker dot. */
  tone?: string;
  onClose?: () => void;
  onSettings?: () => void;
  onBack?: () => void;
  footer?: ComponentChildren;
  children?: ComponentChildren;
  dialogRef?: Ref<HTMLDivElement>;
  /** 'light' or 'dark' */
  theme?: 'light' | 'dark';
  busy?: boolean;
  /**
   * Rendered ahead of time, hidden, for a card about to open on hover: not a
   * dialog yet (no role, no label), so nothing counts or announces it.
   */
  prepared?: boolean;
}

export function CardFrame({ titleId, title, kicker, tone, onClose, onSettings, onBack, footer, children, dialogRef, theme = 'light', busy, prepared }: CardFrameProps) {
  return (
    <div
      ref={dialogRef}
      class={`bs-card bs-theme-${theme}`}
      role={prepared ? undefined : 'dialog'}
      aria-labelledby={prepared ? undefined : titleId}
      aria-busy={busy ? 'true' : undefined}
      tabIndex={-1}
    >
      <header class="bs-header">
        <div class="bs-header-text">
          {kicker ? (
            <p class={`bs-kicker${tone ? ` bs-type-${tone}` : ''}`}>
              <span class="bs-dot" aria-hidden="true" />
              {kicker}
            </p>
          ) : null}
          <h2 class="bs-title" id={titleId}>
            {title}
          </h2>
        </div>
        <div class="bs-actions">
          {onBack ? (
            <button type="button" class="bs-icon-btn" aria-label="Back" title="Back" onClick={onBack}>
              <BackIcon />
            </button>
          ) : null}
          {onSettings ? (
            <button type="button" class="bs-icon-btn" aria-label="Backstory settings" title="Backstory settings" onClick={onSettings}>
              <GearIcon />
            </button>
          ) : null}
          {onClose ? (
            <button type="button" class="bs-icon-btn" aria-label="Close" title="Close (Esc)" onClick={onClose}>
              <CloseIcon />
            </button>
          ) : null}
        </div>
      </header>
      <div class="bs-body">{children}</div>
      {footer ? <footer class="bs-footer">{footer}</footer> : null}
    </div>
  );
}
