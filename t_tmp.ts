import { readFileSync } from 'node:fs';
import { extractReports } from './lib/kb/extract';
const files = process.argv.slice(2);
const { result } = extractReports(files.map((f) => ({ file: f, text: readFileSync(f, 'utf8') })), { entities: [], ignore: [] });
console.log(result.entities.map((e) => `${e.name}[${e.type}${e.aliases.length > 1 ? ' ' + e.aliases.slice(1).join('/') : ''}]`).join('; '));
console.log(result.caveats.length, result.claims.length);
