// Our one adopted style sheet in the page (only `::highlight(...)` rules,
// highlight-css.ts). `document.adoptedStyleSheets` is shared with the page, which
// may reset it: `keep()` puts ours back (called on mark changes and pointer frames).
import type { Settings } from '../../shared/settings';
import { adoptedSheets } from './adopted-sheets';
import { highlightCss, type HighlightNames } from './highlight-css';

export interface PageSheet {
  adopt(style: Settings['highlightStyle'], names: HighlightNames): void;
  /** Re-adopt the sheet if the page removed it. */
  keep(): void;
  drop(): void;
}

export function createPageSheet(doc: Document, win: Window & typeof globalThis): PageSheet {
  let sheet: CSSStyleSheet | null = null;
  let last: { style: Settings['highlightStyle']; names: HighlightNames } | null = null;
  const adopt = (style: Settings['highlightStyle'], names: HighlightNames) => {
    sheet ??= new win.CSSStyleSheet();
    last = { style, names };
    sheet.replaceSync(highlightCss(style, names));
    const current = adoptedSheets(doc);
    if (current.includes(sheet)) return;
    try {
      current.push(sheet);
    } catch {
      doc.adoptedStyleSheets = [...current, sheet];
    }
  };
  return {
    adopt,
    keep: () => {
      if (sheet && last && !adoptedSheets(doc).includes(sheet)) adopt(last.style, last.names);
    },
    drop: () => {
      if (!sheet) return;
      const current = adoptedSheets(doc);
      const i = current.indexOf(sheet);
      if (i < 0) return;
      try {
        current.splice(i, 1);
      } catch {
        doc.adoptedStyleSheets = current.filter((s) => s !== sheet);
      }
    },
  };
}
