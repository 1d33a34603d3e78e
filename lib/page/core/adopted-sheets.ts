// The adopted style sheets of a document or shadow root, as a list with its
// array methods. Firefox before 142 shows a content script an opaque view of
// that list (no length, no methods, not iterable); there it is read through
// the page's own object (`wrappedJSObject`, Firefox's way past that view). The
// branch is Firefox-only at build time: the Chrome bundle carries none of it.
export function adoptedSheets(scope: Document | ShadowRoot): CSSStyleSheet[] {
  const list = scope.adoptedStyleSheets;
  if (import.meta.env.FIREFOX && list && list.length === undefined) return (scope as unknown as { wrappedJSObject: Document | ShadowRoot }).wrappedJSObject.adoptedStyleSheets;
  return list;
}
