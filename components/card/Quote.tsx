// An exact quote from a report, shown as a quotation. The text content is the
// quote exactly (other views compare it with the report text); the quotation
// marks come from CSS, and are left out when the quote has its own.
const OPEN = /^[“"‘']/;
const CLOSE = /[”"’']$/;

export function Quote({ text, class: cls }: { text: string; class?: string }) {
  const own = OPEN.test(text) && CLOSE.test(text);
  return <blockquote class={`bs-quote${own ? ' bs-own-quotes' : ''}${cls ? ` ${cls}` : ''}`}>{text}</blockquote>;
}
