// Inline icons (no files, no fonts): decorative, hidden from screen readers.
export function CloseIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" fill="none" />
    </svg>
  );
}

export function GearIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d="M6.9 1.5h2.2l.35 1.8c.4.14.78.36 1.12.63l1.74-.6 1.1 1.9-1.38 1.2a4.4 4.4 0 010 1.3l1.38 1.2-1.1 1.9-1.74-.6c-.34.27-.72.49-1.12.63l-.35 1.8H6.9l-.35-1.8a4.3 4.3 0 01-1.12-.63l-1.74.6-1.1-1.9 1.38-1.2a4.4 4.4 0 010-1.3L2.59 5.23l1.1-1.9 1.74.6c.34-.27.72-.49 1.12-.63z"
        fill="none"
        stroke="currentColor"
        stroke-width="1.2"
        stroke-linejoin="round"
      />
      <circle cx="8" cy="7.8" r="1.9" fill="none" stroke="currentColor" stroke-width="1.2" />
    </svg>
  );
}

export function BackIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M10 3.5L5.5 8l4.5 4.5" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" fill="none" />
    </svg>
  );
}
