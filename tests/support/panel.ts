// The side panel's view of a page (lib/panel/types.ts PageSummary), for panel tests:
// `pageSummary(url, title, { 'xi-jinping': 4, … })`, mentions in that order.
import type { PageSummary } from '../../lib/panel/types';

export function pageSummary(url: string, title: string, counts: Record<string, number>, rest: Partial<PageSummary> = {}): PageSummary {
  return { url, title, active: true, mentions: Object.entries(counts).map(([entity, count]) => ({ entity, count })), ...rest };
}
