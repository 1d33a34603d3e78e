// What a reader's KB means, for comparing an incremental change with a
// derivation from scratch (tests/unit/reader-append.test.ts,
// reader-delete.test.ts): records as sets (lists whose order an incremental
// write may change are sorted), and every entity's card through the
// background's layer against the card of the from-scratch KB.
import { expect } from 'vitest';
import type { ReaderDatabase } from '../../lib/db/reader-store';
import { entityCard } from '../../lib/kb/card';
import type { KbDocument } from '../../lib/kb/document';
import { createReaderLayer } from '../../lib/reader-kb/background';
import { mergedReader, readerKbReader } from '../../lib/reader-kb/merge';
import type { ReaderDerived } from '../../lib/reader-kb/pipeline';
import type { installedKb } from './reader-setup';

const sorted = <T>(xs: readonly T[]) => [...xs].map((x) => JSON.stringify(x)).sort();

/** What a KB means to a reader, lists as sets: reports, entities with their aliases, reports, facts, support and caveats, claims with support, caveats. */
export function meaning(d: ReaderDerived | null) {
  if (!d) return null;
  const kb: Pick<KbDocument, 'reports' | 'entities' | 'claims' | 'caveats'> = d.kb;
  const byId = <T extends { id: string }>(xs: readonly T[], f: (x: T) => unknown) => Object.fromEntries([...xs].sort((a, b) => a.id.localeCompare(b.id)).map((x) => [x.id, f(x)]));
  return {
    reports: byId(kb.reports, (r) => [r.headline, r.mentions]),
    entities: byId(kb.entities, (e) => ({
      name: e.name,
      type: e.type,
      aliases: sorted(e.aliases.map((a) => [a.text, a.mentions, [...a.reports].sort()])),
      reports: sorted(e.reports),
      facts: sorted(e.facts),
      related: sorted(e.related),
      dates: sorted(e.dates),
      support: e.support,
      caveats: sorted(e.caveats),
      reportCaveats: sorted(e.reportCaveats),
    })),
    claims: byId(kb.claims, (c) => [c.text, c.report, c.support, sorted(c.entities)]),
    caveats: byId(kb.caveats, (c) => [c.kind, c.report, c.quote, c.explanation, sorted(c.entities), sorted(c.related)]),
    list: sorted(d.entities.map((e) => ({ ...e, aliases: [...e.aliases].sort(), reports: [...e.reports].sort() }))),
  };
}

/** The cards of every entity of the reader's KB, from the stored records through the background's layer. */
export async function cards(readerDb: ReaderDatabase, kb: Awaited<ReturnType<typeof installedKb>>, bundled: KbDocument, expected: ReaderDerived) {
  const layer = createReaderLayer({ kb, openReaderDb: async () => readerDb, fetchBundle: async () => bundled });
  const fromScratch = mergedReader(await kb.reader(), readerKbReader(expected.kb));
  for (const e of expected.kb.entities) {
    const card = await layer.card(e.id);
    const want = await entityCard(fromScratch, e.id);
    expect({ id: e.id, support: card?.support, reports: sorted(card?.reports ?? []), caveats: sorted(card?.caveats ?? []), facts: sorted(card?.facts ?? []) }).toEqual({
      id: e.id,
      support: want?.support,
      reports: sorted(want?.reports ?? []),
      caveats: sorted(want?.caveats ?? []),
      facts: sorted(want?.facts ?? []),
    });
  }
}
