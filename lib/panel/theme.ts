// The theme of Backstory's own pages: the setting ('auto', 'light', 'dark'),
// with 'auto' following the system (prefers-color-scheme), applied as
// <html data-theme="light|dark"> so one set of CSS rules serves both.
import type { Settings } from '../shared/settings';

export type ResolvedTheme = 'light' | 'dark';

export function resolveTheme(setting: Settings['theme'], prefersDark: boolean): ResolvedTheme {
  if (setting === 'light' || setting === 'dark') return setting;
  return prefersDark ? 'dark' : 'light';
}

/**
 * Keep <html data-theme> in step with the setting and the system. Returns a
 * function that applies a new setting, and calls `onChange` with the resolved theme.
 */
export function themeController(doc: Document, win: Window, onChange?: (theme: ResolvedTheme) => void): (setting: Settings['theme']) => ResolvedTheme {
  const media = win.matchMedia?.('(prefers-color-scheme: dark)');
  let setting: Settings['theme'] = 'auto';
  const apply = () => {
    const theme = resolveTheme(setting, !!media?.matches);
    if (doc.documentElement.dataset.theme !== theme) {
      doc.documentElement.dataset.theme = theme;
      onChange?.(theme);
    }
    return theme;
  };
  media?.addEventListener?.('change', apply);
  return (next) => {
    setting = next;
    return apply();
  };
}
