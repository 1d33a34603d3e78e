// A minimal entity card for tests of the card layer: a name, a one-line
// description quoting one report, and nothing else.
import type { EntityCard } from '../../lib/kb/card';
import type { EntityType } from '../../lib/kb/schema';

export const ONE_REPORT = { id: '001_5b362b16a11063f8', headline: 'A report', publisher: 'unknown', url: null, date: '2023-02-24', dateInferred: false, dateReason: '', republishedFrom: null };

export function minimalCard(id: string, name: string, type: EntityType, description = `${name}, in the reports.`, aliases: string[] = []): EntityCard {
  return {
    id,
    type,
    name,
    description,
    descriptionSource: { quote: name, report: ONE_REPORT },
    spellings: [],
    aliases,
    facts: [],
    reports: [],
    caveats: [],
    related: [],
    dates: [],
    totals: { facts: 0, reports: 0, caveats: 0 },
  };
}
