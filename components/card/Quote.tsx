// An exact quote from a report, shown as a quotation. Pure props.
export function Quote({ text, class: cls }: { text: string; class?: string }) {
  return <q class={`bs-quote${cls ? ` ${cls}` : ''}`}>{text}</q>;
}
