// Render a Preact tree into a fresh element of the happy-dom document, inside
// act() so effects have run when the test reads it; unmounted and the body
// cleared after each test.
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach } from 'vitest';

/** Call at a test file's top level; returns `mount(node) → the element it rendered into`. */
export function usePreactRoot(): (node: ComponentChild) => HTMLElement {
  let root: HTMLElement | null = null;
  afterEach(() => {
    if (root) render(null, root);
    root = null;
    document.body.textContent = '';
  });
  return (node) => {
    root = document.createElement('div');
    document.body.append(root);
    const into = root;
    act(() => render(node, into));
    return into;
  };
}
