import type { Plugin } from 'vite';

// Every extension page (options, popup, side panel, welcome) has the same
// document around its Preact app: the same head metas and one mount point
// that loads its `main.tsx`. That part is written once, here. Each page's
// `index.html` keeps only what is its own: its title and WXT's `manifest.*`
// metas (WXT reads those from the file itself), inside
// `<html data-backstory-page>…</html>`; the doctype is added here too.
const SHARED_HEAD = [
  '<meta charset="utf-8" />',
  '<meta name="viewport" content="width=device-width, initial-scale=1" />',
  // The pages follow the reader's light or dark theme.
  '<meta name="color-scheme" content="light dark" />',
];
const BODY = ['<body>', '<div id="app"></div>', '<script type="module" src="./main.tsx"></script>', '</body>'];

/** The whole page from its own part (a file under entrypoints/, not page input). */
export function completePage(html: string): string {
  const open = /<html\b[^>]*\bdata-backstory-page\b[^>]*>/.exec(html);
  const close = html.lastIndexOf('</html>');
  if (!open || close < 0) return html;
  const start = open.index + open[0].length;
  const doctype = /^\s*<!doctype html>/i.test(html) ? '' : '<!doctype html>\n';
  return `${doctype}${html.slice(0, start)}\n<head>\n${SHARED_HEAD.join('\n')}${html.slice(start, close)}</head>\n${BODY.join('\n')}\n</html>\n`;
}

export function extensionPageShell(): Plugin {
  return {
    name: 'backstory:extension-page-shell',
    // 'pre': before Vite resolves the page's scripts, so main.tsx is bundled as if written in the file.
    transformIndexHtml: { order: 'pre', handler: completePage },
  };
}
