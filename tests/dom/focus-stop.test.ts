// Where Tab goes after the last mark (lib/page/card/focus-stop.ts `nextTabbable`):
// the page's first element after the mark, in document order, that Tab would
// stop at. The rest of the focus stop needs a real browser (tests/browser/tab-marks.test.ts).
import { describe, expect, it } from 'vitest';
import { nextTabbable } from '../../lib/page/card/focus-stop';

function page(html: string) {
  // Test markup of our own, parsed and moved in (no innerHTML: the lint rule is for page text).
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  document.body.replaceChildren(...[...parsed.body.childNodes].map((n) => document.adoptNode(n)));
  const mark = document.getElementById('mark')!.firstChild!;
  return (skip: Element = document.createElement('x')) => {
    const el = nextTabbable(document, mark, skip);
    return el ? el.id : null;
  };
}

describe('the page’s next focusable element after a mark', () => {
  it('skips what Tab skips: tabindex -1, disabled, inert, plain elements', () => {
    const next = page(`
      <a id="before" href="#">before</a>
      <p id="mark">Putin said</p>
      <a id="plain">no href</a><span tabindex="-1" id="minus">x</span>
      <button id="off" disabled>off</button>
      <div inert><a id="inert" href="#">inert</a></div>
      <p><a id="link" href="#">next</a></p>`);
    expect(next()).toBe('link');
  });

  it('finds fields, tabindex 0 and editable regions, inside the mark’s own block too', () => {
    expect(page(`<p id="mark">Putin <a id="inline" href="#">said</a></p><input id="field">`)()).toBe('inline');
    expect(page(`<p id="mark">Putin</p><div id="t" tabindex="0">card</div>`)()).toBe('t');
    expect(page(`<p id="mark">Putin</p><textarea id="c"></textarea>`)()).toBe('c');
  });

  it('never our own host, and null when nothing follows', () => {
    const next = page(`<p id="mark">Putin</p><a id="ours" href="#">host</a>`);
    expect(next(document.getElementById('ours')!)).toBeNull();
    expect(page(`<p id="mark">Putin</p><p>the end</p>`)()).toBeNull();
  });
});
