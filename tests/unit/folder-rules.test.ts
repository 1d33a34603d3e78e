// Project rule (issue #19): the folder says where code runs, and ESLint's
// no-restricted-imports enforces what each folder may import. These cases lint
// a one-line module placed in each folder and check the rule fires (or not).
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';

const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(file: string, source: string): Promise<boolean> {
  const [result] = await eslint.lintText(source, { filePath: file });
  return result!.messages.some((m) => m.ruleId === '@typescript-eslint/no-restricted-imports');
}

describe('folders say where code runs', () => {
  it('every folder under lib/ has a README saying what runs there', () => {
    for (const dir of ['page', 'page/core', 'page/card', 'shared', 'ui', 'panel', 'background', 'db', 'kb', 'match', 'link', 'reader-kb']) {
      expect(existsSync(`lib/${dir}/README.md`), `lib/${dir}/README.md`).toBe(true);
    }
  });

  it('the content script core may not import Preact, components or the card chunk (types are fine)', async () => {
    expect(await restricted('lib/page/core/x.ts', "import { h } from 'preact';\nexport const x = h;\n")).toBe(true);
    expect(await restricted('lib/page/core/x.ts', "import { CardLayer } from '../card/card-layer';\nexport const x = CardLayer;\n")).toBe(true);
    expect(await restricted('lib/page/core/x.ts', "import { TYPE_LABEL } from '../../../components/card/x';\nexport const x = TYPE_LABEL;\n")).toBe(true);
    expect(await restricted('lib/page/core/x.ts', "import { z } from 'zod';\nexport const x = z;\n")).toBe(true);
    expect(await restricted('lib/page/core/x.ts', "import type { CardLayer } from '../card/card-layer';\nexport type X = CardLayer;\n")).toBe(false);
    expect(await restricted('lib/page/core/x.ts', "import { formatDate } from '../../shared/format';\nexport const x = formatDate;\n")).toBe(false);
  });

  it('extension pages may not import page code', async () => {
    for (const file of ['components/panel/X.tsx', 'components/popup/X.tsx', 'components/options/X.tsx', 'lib/panel/x.ts', 'entrypoints/sidepanel/x.ts']) {
      expect(await restricted(file, "import { runBackstory } from '@/lib/page/core/app';\nexport const x = runBackstory;\n"), file).toBe(true);
    }
    expect(await restricted('lib/panel/x.ts', "import { pageText } from '../shared/page-claims';\nexport const x = pageText;\n")).toBe(false);
  });

  it('the background has no DOM UI and no page code; shared, KB and matcher code stays pure', async () => {
    expect(await restricted('lib/background/x.ts', "import { h } from 'preact';\nexport const x = h;\n")).toBe(true);
    expect(await restricted('lib/background/x.ts', "import { runBackstory } from '../page/core/app';\nexport const x = runBackstory;\n")).toBe(true);
    for (const file of ['lib/shared/x.ts', 'lib/kb/x.ts', 'lib/match/x.ts']) {
      expect(await restricted(file, "import { openDB } from 'idb';\nexport const x = openDB;\n"), file).toBe(true);
      expect(await restricted(file, "import { storage } from '@wxt-dev/storage';\nexport const x = storage;\n"), file).toBe(true);
    }
  });
});
