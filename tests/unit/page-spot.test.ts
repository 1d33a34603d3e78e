// The page layer in Node (the CLI's `npm run kb -- spot`, over happy-dom) finds
// the same marks as the extension in Chromium: the hand-written golden lists
// of the static fixture pages. Plus the all-caps rule and block reading rules.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compilePageMatcher } from '../../lib/link/data';
import { hydrateMatcher, type Matcher } from '../../lib/match/compile';
import { createLinkState } from '../../lib/link/linker';
import { createContextState } from '../../lib/match/resolve';
import { isLowerCaseWord, isShouting, pageOffsets, spotBlocks, spotText, useLinker } from '../../lib/page/core/spot';
import { linkText } from '../../lib/link/linker';
import { collectTextBlocks } from '../../lib/page/core/text-blocks';
import { buildKbFromDisk, ROOT } from '../../scripts/read-data';

let matcher: Matcher;
const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });

function parse(html: string): Document {
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

beforeAll(() => {
  useLinker(linkText);
  matcher = hydrateMatcher(compilePageMatcher(buildKbFromDisk()));
});
afterAll(async () => {
  await window.happyDOM.close();
});

describe('spotting pages in Node (the CLI path)', () => {
  for (const name of ['sample-news', 'reading-article', 'reading-lookalikes']) {
    it(`finds the golden marks of ${name}`, () => {
      const doc = parse(readFileSync(join(ROOT, 'tests/fixtures/pages', `${name}.html`), 'utf8'));
      const blocks = collectTextBlocks(doc.body, doc);
      const found = pageOffsets(blocks, spotBlocks(matcher, blocks)).map(({ surface, entity, reason }) => ({ text: surface, entity, reason }));
      const golden = JSON.parse(readFileSync(join(ROOT, 'tests/golden/pages', `${name}.json`), 'utf8'));
      expect(found).toEqual(golden);
    });
  }

  it('reads a name split across inline elements as one, and links side by side as separate items', () => {
    const doc = parse('<body><p><b>Xi</b> Jinping met <a href="#"><em>Vladimir</em> Putin</a>.</p><nav><a>World</a><a>US</a><a>Europe</a></nav></body>');
    const blocks = collectTextBlocks(doc.body, doc);
    expect(blocks.map((b) => b.text)).toEqual(['Xi Jinping met Vladimir Putin.', 'World', 'US', 'Europe']);
    expect(pageOffsets(blocks, spotBlocks(matcher, blocks)).map((m) => m.surface)).toEqual(['Xi Jinping', 'Vladimir Putin', 'Europe']);
  });

  it('never reads scripts, styles, form fields, editable regions or our own UI', () => {
    const doc = parse(
      '<body><p>Putin</p><script>Putin</script><style>.Putin{}</style><textarea>Putin</textarea><input value="Putin"><div contenteditable="true">Putin</div>' +
        '<div contenteditable="false">Moscow</div><div role="textbox">Putin</div><backstory-ui>Putin</backstory-ui><button>Putin</button><code>Putin</code></body>',
    );
    expect(collectTextBlocks(doc.body, doc).map((b) => b.text)).toEqual(['Putin', 'Moscow']);
  });

  it('in capitals, a short case-sensitive alias that needs context is not evidence of a name', () => {
    expect(isShouting('BREAKING: PUTIN TELLS US ENVOY')).toBe(true);
    expect(isShouting('US officials said Putin would go')).toBe(false);
    expect(isShouting('US')).toBe(false); // too short to tell
    // A page about them (its title names Putin and the United States): a bare surname needs that since the linker (lib/link).
    const page = () => createLinkState('Putin and the United States');
    const shout = spotText(matcher, 'BREAKING: PUTIN TELLS US ENVOY TALKS ARE OFF', page()).map((m) => m.surface);
    expect(shout).toEqual(['PUTIN']);
    const normal = spotText(matcher, 'US officials said Putin would go to Moscow.', page()).map((m) => m.surface);
    expect(normal).toEqual(['US', 'Putin', 'Moscow']);
  });

  it('context never makes a lower-case word a name: "bingo night" is not the company, "Bingo" after its full name is', () => {
    const state = createContextState();
    const spot = (text: string) => spotText(matcher, text, state).map((m) => ({ text: m.surface, entity: m.entityId, reason: m.reason }));
    expect(spot('Xian Bingo Intelligent Aviation Technology signed the agreement.')).toEqual([
      { text: 'Xian Bingo Intelligent Aviation Technology', entity: 'xian-bingo', reason: 'alias' },
    ]);
    expect(spot('Bingo later denied it.')).toEqual([{ text: 'Bingo', entity: 'xian-bingo', reason: 'context-full-name' }]);
    expect(spot("Friday's bingo night is cancelled.")).toEqual([]);
    expect(spot('BINGO DENIES DRONE REPORT')).toEqual([{ text: 'BINGO', entity: 'xian-bingo', reason: 'context-full-name' }]);
    // Only capitalised, context-needing, case-insensitive aliases: a direct alias in lower case still links.
    const [putin] = spotText(matcher, 'vladimir putin spoke.', createContextState());
    expect(putin?.entityId).toBe('vladimir-putin');
    expect(isLowerCaseWord(matcher, 'vladimir putin spoke.', putin!)).toBe(false);
  });
});
