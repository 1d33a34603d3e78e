// Our extension pages (popup, side panel, options, first-run) act only on a
// person's input (issue #17, point 2): a script-made click, key or submit
// (`isTrusted === false`) is stopped at the window in the capture phase, before
// any of our handlers see it. Form value events (input, change) are not
// actions and pass: a file input's `change` is never trusted in some browsers'
// automation, and nothing is done on it without a button press. A submit is
// dispatched by the browser even when a script calls `form.requestSubmit()`,
// so it also needs a submitter (a button pressed or the field's Enter: a bare
// `requestSubmit()` has none) and the person's recent gesture
// (`navigator.userActivation`).
const ACTION_EVENTS = ['click', 'auxclick', 'dblclick', 'contextmenu', 'keydown', 'keyup', 'keypress', 'submit', 'pointerdown', 'pointerup', 'mousedown', 'mouseup', 'drop'] as const;

const submitterOf = (e: Event): Element | null => (e as SubmitEvent).submitter ?? null;

export function acceptTrustedEventsOnly(win: Pick<Window, 'addEventListener' | 'navigator'>): () => void {
  const drop = (e: Event) => {
    if (e.isTrusted && (e.type !== 'submit' || (submitterOf(e) !== null && win.navigator.userActivation?.isActive !== false))) return;
    e.stopImmediatePropagation();
    e.preventDefault();
  };
  for (const type of ACTION_EVENTS) win.addEventListener(type, drop, { capture: true });
  return () => {
    for (const type of ACTION_EVENTS) (win as Window).removeEventListener(type, drop, { capture: true });
  };
}
