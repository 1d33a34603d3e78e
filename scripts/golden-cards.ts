// The golden cards (issue #16): what the card preview says for every corpus
// entity on the bundled sample page, as JSON, so a change in what a card says
// is a visible diff. `npx tsx scripts/golden-cards.ts` prints it;
// `--write` updates tests/golden/cards-sample-page.json (read it before
// committing). tests/unit/golden-cards.test.ts checks the file is current.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { goldenCards } from './golden-cards-lib';
import { ROOT } from './read-data';

const out = JSON.stringify(await goldenCards(), null, 2) + '\n';
if (process.argv.includes('--write')) writeFileSync(join(ROOT, 'tests/golden/cards-sample-page.json'), out);
else process.stdout.write(out);
