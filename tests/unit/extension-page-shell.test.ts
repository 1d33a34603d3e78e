// The extension pages' shared document (scripts/vite/extension-page-shell.ts): each
// entrypoint's index.html says only what is its own, and the build completes it
// into a page whose head has the charset, viewport and light/dark metas and
// whose body mounts the app from ./main.tsx.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { completePage } from '../../scripts/vite/extension-page-shell';

const ENTRYPOINTS = join(__dirname, '../../entrypoints');
const pages = readdirSync(ENTRYPOINTS).filter((d) => existsSync(join(ENTRYPOINTS, d, 'index.html')));

function parse(html: string): Document {
  const win = new Window();
  win.document.write(html);
  return win.document as unknown as Document;
}

describe('extension pages share one document shell', () => {
  it('finds the four extension pages', () => {
    expect(pages.sort()).toEqual(['options', 'popup', 'sidepanel', 'welcome']);
  });

  it.each(pages)('%s: completed with the shared head, its own title and one app mount', (name) => {
    const source = readFileSync(join(ENTRYPOINTS, name, 'index.html'), 'utf8');
    expect(source).toContain('data-backstory-page');
    const page = completePage(source);
    // Standards mode, not quirks: the doctype comes first.
    expect(page.trimStart().toLowerCase().startsWith('<!doctype html>')).toBe(true);
    const doc = parse(page);
    const head = doc.head;
    expect(head.querySelector('meta[charset]')?.getAttribute('charset')).toBe('utf-8');
    expect(head.querySelector('meta[name="color-scheme"]')?.getAttribute('content')).toBe('light dark');
    expect(head.querySelector('meta[name="viewport"]')).not.toBeNull();
    expect(doc.title).toMatch(/Backstory/);
    // The page's own manifest metas stay in the head, where WXT and the browser read them.
    for (const meta of parse(source).querySelectorAll('meta[name^="manifest."]')) {
      expect(head.querySelector(`meta[name="${meta.getAttribute('name')}"]`)?.getAttribute('content')).toBe(meta.getAttribute('content'));
    }
    expect(doc.body.querySelectorAll('#app')).toHaveLength(1);
    const scripts = [...doc.querySelectorAll('script')];
    expect(scripts.map((s) => [s.getAttribute('type'), s.getAttribute('src')])).toEqual([['module', './main.tsx']]);
    expect(existsSync(join(ENTRYPOINTS, name, 'main.tsx'))).toBe(true);
  });

  it('leaves a document without the marker as it is', () => {
    const other = '<!doctype html><html><head><title>x</title></head><body></body></html>';
    expect(completePage(other)).toBe(other);
  });
});
