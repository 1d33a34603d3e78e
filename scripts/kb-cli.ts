// `npm run -s kb -- <command> [--json FILE]`: the KB for people and for tests.
// Output is JSON on stdout (`-s` keeps npm's banner off it), or in FILE with `--json FILE`.
//   stats                 JSON { reports, entities, aliases, claims, caveats }
//   inspect "<name>"      the card data for the entity with that name or alias, as JSON
//   spot [--text] [--all] FILE.html  one JSON line per link { surface, entity, start, end, reason, why } (scripts/kb-spot.ts)
//   caveats               JSON array of every caveat
//   extract FILE...       plain-text reports → JSON { reports, entities, claims, caveats } (scripts/kb-extract.ts)
//   add FILE... [--pack P] adds reports to a KB pack on disk (scripts/kb-add.ts)
import { entityCard, memoryReader } from '../lib/kb/card';
import { kbStats, type KbDocument } from '../lib/kb/document';
import { DataError } from '../lib/kb/inputs';
import { printToFile, takeJsonOption } from './cli-output';
import { runAdd } from './kb-add';
import { runExtract } from './kb-extract';
import { spotCommand } from './kb-spot';
import { buildKbFromDisk } from './read-data';

const USAGE = `usage: npm run -s kb -- stats | inspect "<name or alias>" | spot [--text] [--all] FILE.html | caveats | extract FILE... | add FILE... [--pack PACK.json]  [--json FILE]`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function main(argv: string[]): Promise<void> {
  const [command, arg] = argv;
  if (!command) fail(USAGE);
  if (command === 'extract') {
    process.exitCode = runExtract(argv.slice(1));
    return;
  }
  if (command === 'add') {
    process.exitCode = runAdd(argv.slice(1));
    return;
  }
  let kb: KbDocument;
  try {
    kb = buildKbFromDisk();
  } catch (error) {
    if (error instanceof DataError) fail(`KB build failed: ${error.message}`);
    throw error;
  }
  switch (command) {
    case 'stats':
      console.log(JSON.stringify(kbStats(kb), null, 2));
      return;
    case 'inspect': {
      if (!arg) fail('usage: npm run kb -- inspect "<name or alias>"');
      const reader = memoryReader(kb);
      const ids = await reader.findByName(arg);
      if (ids.length === 0) fail(`No entity is called "${arg}". Try a name or alias from data/entities.json.`);
      const cards = await Promise.all(ids.map((id) => entityCard(reader, id)));
      console.log(JSON.stringify(cards.length === 1 ? cards[0] : cards, null, 2));
      return;
    }
    case 'spot': {
      const result = await spotCommand(kb, argv.slice(1));
      if ('error' in result) fail(result.error);
      for (const line of result.lines) console.log(line);
      return;
    }
    case 'caveats':
      // One object per caveat, most severe first, with its provenance (ClaimReview-like):
      // who made the claim, where it appears, how sure we are, and as of when.
      console.log(
        JSON.stringify(
          kb.caveats.map((c) => ({
            id: c.id,
            kind: c.kind,
            severity: c.severity,
            report: c.report,
            quote: c.quote,
            start: c.start,
            end: c.end,
            label: c.label,
            explanation: c.explanation,
            origin: c.origin,
            rule: c.rule,
            reasoning: c.reasoning,
            confidence: c.confidence,
            claimant: c.claimant,
            context: c.context,
            validAsOf: c.validAsOf,
            firstAppearance: c.firstAppearance,
            appearances: c.appearances,
            supersededBy: c.supersededBy,
            entities: c.entities,
            claims: c.claims,
            related: c.related,
            scope: c.scope,
          })),
          null,
          2,
        ),
      );
      return;
    default:
      fail(`Unknown command "${command}". ${USAGE}`);
  }
}

const options = takeJsonOption(process.argv.slice(2));
if (options.error) fail(`${options.error}\n${USAGE}`);
if (options.jsonFile) await printToFile(options.jsonFile, () => main(options.args));
else await main(options.args);
