// Issue #14 point 5, in real Chromium: where two KB entities compete for a
// name and the page does not decide, the card says which entries fit and
// offers each; choosing one opens its card. The bundled KB has no shared name,
// so this test builds its own KB with the real builder: the bundled data plus
// a second entity that shares the alias "Washington" (a US state), and loads
// the debug build with that KB in place of the bundled one.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildKb } from '../../lib/kb/build';
import { parseInputs } from '../../lib/kb/inputs';
import { readDataFiles } from '../../scripts/read-data';
import { EXTENSION_DIR, ROOT } from './harness';
import { EVERY_MENTION, useExtension } from '../support/fixtures';
import { ReaderPage } from '../support/reader-page';

/** The bundled data, with one more entity named "Washington". */
function kbWithSharedName() {
  const files = readDataFiles();
  const data = JSON.parse(files.get('data/entities.json')!) as { entities: object[] };
  data.entities.push({
    id: 'washington-state',
    type: 'place',
    name: 'Washington State',
    aliases: [
      { text: 'Washington', case: 'capitalised', shared: true, needsContext: true, note: 'The US state.' },
      { text: 'Washington State', case: 'capitalised' },
    ],
    description: 'A state of the United States (an entity of this test KB only).',
    descriptionSource: { report: '004_98ffcff286fe7b4b', quote: 'Washington noted that China has refrained from condemning Russia and has instead provided it with economic assistance.' },
  });
  files.set('data/entities.json', JSON.stringify(data));
  return buildKb(parseInputs(files));
}

describe('"Or did you mean …?" where two KB entities share a name', () => {
  let dir: string | undefined;
  const ext = useExtension({
    pages: () => join(ROOT, 'tests/fixtures/linking'),
    settings: EVERY_MENTION,
    viewport: { width: 1100, height: 700 },
    // The debug build with this test's KB in place of the bundled one.
    extensionDir: () => {
      dir = mkdtempSync(join(tmpdir(), 'backstory-shared-name-'));
      cpSync(EXTENSION_DIR, dir, { recursive: true });
      const kb = kbWithSharedName();
      writeFileSync(join(dir, 'kb/kb.json'), JSON.stringify(kb));
      writeFileSync(join(dir, 'kb/kb.hash'), `${kb.hash}\n`);
      return dir;
    },
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a name both fit is not guessed: the card lists both, each with its type and description, and opens the one the reader picks', async () => {
    const reader = new ReaderPage(ext.page);
    await reader.goto(`${ext.server.url}/summit.html`);
    const washingtons = (await reader.marks()).filter((m) => m.text === 'Washington');
    expect(washingtons.length).toBeGreaterThan(0);
    // Nothing on the page tells the capital from the state: marked as ambiguous, with both candidates.
    for (const m of washingtons) expect(m).toMatchObject({ entity: null, reason: 'ambiguous', candidates: ['washington', 'washington-state'] });

    const card = await reader.hover('Washington');
    await expect.poll(() => card.locator('.bs-pv-what').first().textContent()).toBe('“Washington” fits 2 entries in the reports. Backstory does not guess which one this page means.');
    const choices = card.locator('.bs-choice');
    await expect.poll(() => choices.count()).toBe(2);
    expect(await choices.locator('.bs-choice-name').allTextContents()).toEqual(['Washington', 'Washington State']);
    expect(await card.getByRole('button', { name: 'None of these' }).count()).toBe(1);

    // The reader picks the state (a real click): its own card opens.
    await choices.nth(1).click();
    await expect.poll(() => reader.dialog.locator('h2').textContent()).toBe('Washington State');
    await expect.poll(() => reader.dialog.locator('[data-part=what]').textContent()).toContain('A state of the United States');
  });
});
