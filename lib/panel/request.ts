// Small parsers for the panel's inputs from outside: the `?tab=` override and
// the pending report request the background records in storage.session.
import type { ReportRequest } from './types';

/** A pending request older than this was meant for a panel that never opened. */
export const PENDING_MAX_AGE_MS = 5 * 60_000;

/** `pendingReport` ({ id, quoteStart?, quoteEnd?, at }) as a request, or null when absent, malformed or stale. */
export function parseReportRequest(value: unknown, now = Date.now()): ReportRequest | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (typeof v.id !== 'string' || !v.id) return null;
  if (typeof v.at === 'number' && now - v.at > PENDING_MAX_AGE_MS) return null;
  const int = (x: unknown) => (typeof x === 'number' && Number.isInteger(x) && x >= 0 ? x : undefined);
  const quoteStart = int(v.quoteStart);
  const quoteEnd = int(v.quoteEnd);
  // From a card's "More in the side panel": the entity whose card opens in the panel.
  const entity = typeof v.entity === 'string' && /^[a-z0-9][a-z0-9-]{0,100}$/.test(v.entity) ? v.entity : undefined;
  return { id: v.id, ...(quoteStart !== undefined && quoteEnd !== undefined && quoteEnd > quoteStart ? { quoteStart, quoteEnd } : {}), ...(entity ? { entity } : {}) };
}

/** `?tab=<id>` pins a panel or popup to one tab (tests; Firefox; a panel opened as a page). */
export function fixedTabFromUrl(href: string): number | null {
  const raw = new URL(href).searchParams.get('tab');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  return Number(raw);
}

/** The host of a page URL as the site lists keep it, or null for pages without one. */
export function pageHost(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.hostname ? u.hostname.toLowerCase().replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}
