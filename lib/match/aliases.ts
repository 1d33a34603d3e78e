// The matcher's alias list from KB entities: every alias text once, with all
// the entities it may name (the resolver and the linker choose among them).
// Shared by the KB build, the page matcher (lib/link/data.ts) and the bench.
import type { MatchAliasInput } from './types';

/** What the matcher needs of an entity (lib/kb/schema.ts `Entity` fits). */
export interface AliasedEntity {
  id: string;
  name: string;
  aliases: readonly { text: string; needsContext: boolean; nonstandard?: boolean; reportsOnly?: boolean; caseSensitive?: boolean }[];
}

/**
 * The matcher's alias table for a set of entities. 'pages' (the content script,
 * the CLI's spot) leaves out the aliases too generic to link on the open web;
 * 'reports' (the KB build) uses them all.
 */
export function matcherAliases(entities: readonly AliasedEntity[], purpose: 'pages' | 'reports' = 'pages'): MatchAliasInput[] {
  const byText = new Map<string, MatchAliasInput>();
  for (const entity of entities) {
    const aliases = entity.aliases.some((a) => a.text === entity.name)
      ? entity.aliases
      : [{ text: entity.name, needsContext: false, nonstandard: false, reportsOnly: false } as AliasedEntity['aliases'][number], ...entity.aliases];
    for (const alias of aliases) {
      if (purpose === 'pages' && alias.reportsOnly) continue;
      const existing = byText.get(alias.text);
      if (existing) {
        if (!existing.entityIds.includes(entity.id)) existing.entityIds.push(entity.id);
        existing.needsContext ||= alias.needsContext;
        continue;
      }
      byText.set(alias.text, {
        text: alias.text,
        entityIds: [entity.id],
        needsContext: alias.needsContext,
        ...(alias.caseSensitive === undefined ? {} : { caseSensitive: alias.caseSensitive }),
      });
    }
  }
  return [...byText.values()];
}
