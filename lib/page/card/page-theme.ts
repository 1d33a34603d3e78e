// The page's own theme where a card opens: the first non-transparent
// background from the mention up (its computed colour), light or dark by
// luminance. Cards follow the page, not only the system setting (issue #16).
// Card chunk only.

/** "rgb(1, 2, 3)" / "rgba(1, 2, 3, 0.5)" / "rgb(1 2 3 / 50%)" → [r, g, b, a], or null. */
export function parseColour(css: string): [number, number, number, number] | null {
  const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+)(%?))?\s*\)$/i.exec(css.trim());
  if (!m) return null;
  let a = m[4] === undefined ? 1 : Number(m[4]);
  if (m[5] === '%') a /= 100;
  return [Number(m[1]), Number(m[2]), Number(m[3]), a];
}

/** WCAG relative luminance of an sRGB colour (0 black … 1 white). */
export function luminance(r: number, g: number, b: number): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/**
 * 'dark' or 'light' from the first opaque-enough background at or above `el`,
 * or null when no element up to the root paints one (the browser's canvas
 * shows: the caller falls back to the system setting).
 */
export function pageThemeAt(el: Element | null, win: Window): 'light' | 'dark' | null {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const c = parseColour(win.getComputedStyle(e).backgroundColor);
    if (!c || c[3] < 0.5) continue;
    // Luminance 0.18 is where black and white text contrast equally with the background.
    return luminance(c[0], c[1], c[2]) < 0.18 ? 'dark' : 'light';
  }
  return null;
}
