// @vitest-environment happy-dom
//
// DOM-level properties of the page mapping (issue #7), on random DOM trees in
// happy-dom, through lib/page's own functions: text blocks
// (collectTextBlocks), spotting (spotText), and the block-offset → text-node
// mapping of marks (MarkIndex.add, which uses locate). For every mark:
//
// - it lies inside its text nodes' bounds: start in [0, start node length),
//   end in (0, end node length], start before end;
// - it either sits in one text node, or spans adjacent inline nodes correctly:
//   every node between its start and end (document order) belongs to the same
//   block — text nodes of that block, inline elements, and elements that are
//   never rendered (script, style, template) — never a block element, a <br>, a
//   form field, an editable region or other rendered content we skip;
// - the DOM text it covers, without never-rendered elements, is exactly the
//   matched surface;
// - the hit-test index finds it at every caret offset inside it.
// And every block is a run of text nodes under one block parent, in document
// order, whose text is their data concatenated.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMatcher, hydrateMatcher } from '../../lib/match/compile';
import { createContextState } from '../../lib/match/resolve';
import { MarkIndex, type PageMention } from '../../lib/page/core/marks';
import { spotText } from '../../lib/page/core/spot';
import { blockAncestor, collectTextBlocks, isInlineElement, isSkippedElement, type TextBlock } from '../../lib/page/core/text-blocks';

const RUNS = Math.max(200, Math.floor((Number(process.env.FC_RUNS ?? 10000) || 10000) / 10));

const matcher = hydrateMatcher(
  compileMatcher([
    { text: 'Vladimir Putin', entityIds: ['vladimir-putin'] },
    { text: 'Putin', entityIds: ['vladimir-putin'] },
    { text: 'Xi Jinping', entityIds: ['xi-jinping'] },
    { text: 'Xi', entityIds: ['xi-jinping'], needsContext: true },
    { text: 'Moscow', entityIds: ['moscow'] },
    { text: 'MQ-9 Reaper', entityIds: ['mq-9'] },
  ]),
);

/** Never rendered: text inside is not part of what the reader sees. */
const UNRENDERED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

// --- Random DOM trees -------------------------------------------------------

type Piece =
  | { kind: 'text'; text: string }
  | { kind: 'inline'; tag: string; children: Piece[] }
  | { kind: 'block'; tag: string; children: Piece[] }
  | { kind: 'skip'; tag: string; text: string }
  | { kind: 'editable'; text: string }
  | { kind: 'br' };

// Names whole and in halves (so that trees split them across nodes), and filler.
const WORDS = ['Vladimir', 'Putin', 'Vladimir ', ' Putin', 'Vladimir Putin', 'Xi', 'Jinping', 'Xi ', ' Jinping', 'Moscow', 'MQ', '-9', ' Reaper', 'Vla', 'dimir', 'Pu', 'tin', "'s", 's', 'said', 'x', '9'];
const GAPS = [' ', '  ', '\n', '\u00a0', '\u00ad', '\u200b', ',', '.', '', '-'];
const text = fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(...GAPS)), { minLength: 0, maxLength: 5 }).map((xs) => xs.join(''));
const INLINE = ['b', 'i', 'em', 'strong', 'span', 'a', 'mark', 'small', 'wbr', 'news-tag'];
const BLOCK = ['p', 'div', 'li', 'h2', 'section', 'blockquote', 'td'];
const SKIP = ['script', 'style', 'code', 'button', 'textarea', 'kbd', 'select', 'svg', 'template'];

const piece: fc.Arbitrary<Piece> = fc.letrec<{ piece: Piece }>((tie) => ({
  piece: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 6, arbitrary: text.map((t): Piece => ({ kind: 'text', text: t })) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('inline' as const), tag: fc.constantFrom(...INLINE), children: fc.array(tie('piece'), { maxLength: 3 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('block' as const), tag: fc.constantFrom(...BLOCK), children: fc.array(tie('piece'), { maxLength: 3 }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('skip' as const), tag: fc.constantFrom(...SKIP), text }) },
    { weight: 2, arbitrary: text.map((t): Piece => ({ kind: 'editable', text: t })) },
    { weight: 1, arbitrary: fc.constant<Piece>({ kind: 'br' }) },
  ),
})).piece;

const tree = fc.array(piece, { minLength: 1, maxLength: 8 });

function build(parent: Node, pieces: Piece[]): void {
  for (const p of pieces) {
    switch (p.kind) {
      case 'text':
        // Empty text nodes too: pages have them.
        parent.appendChild(document.createTextNode(p.text));
        break;
      case 'inline':
      case 'block': {
        const el = document.createElement(p.tag);
        if (p.tag === 'wbr') {
          parent.appendChild(el);
          break;
        }
        build(el, p.children);
        parent.appendChild(el);
        break;
      }
      case 'skip': {
        const el = document.createElement(p.tag);
        if (p.tag === 'template') (el as HTMLTemplateElement).content.appendChild(document.createTextNode(p.text));
        else el.appendChild(document.createTextNode(p.text));
        parent.appendChild(el);
        break;
      }
      case 'editable': {
        const el = document.createElement('span');
        el.setAttribute('contenteditable', 'true');
        el.appendChild(document.createTextNode(p.text));
        parent.appendChild(el);
        break;
      }
      case 'br':
        parent.appendChild(document.createElement('br'));
        break;
    }
  }
}

// --- Reading the DOM back, independently of lib/page --------------------------

/**
 * Every node in document order under root (pre-order), without template
 * contents: they are not in the tree (a browser's <template> has no child
 * nodes), although happy-dom's `template.firstChild` returns its content's first child.
 */
function documentOrder(root: Node): Node[] {
  const out: Node[] = [];
  const walk = (n: Node) => {
    out.push(n);
    if (n.nodeType === 1 && (n as Element).tagName.toUpperCase() === 'TEMPLATE') return;
    for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
  };
  walk(root);
  return out;
}

function insideUnrendered(n: Node, root: Node): boolean {
  for (let p = n.parentNode; p && p !== root; p = p.parentNode) if (p.nodeType === 1 && UNRENDERED.has((p as Element).tagName.toUpperCase())) return true;
  return false;
}

/** What the reader sees between two boundary points: text node data, without never-rendered elements. */
function visibleText(root: Node, m: PageMention): string {
  const order = documentOrder(root);
  const i = order.indexOf(m.startNode);
  const j = order.indexOf(m.endNode);
  let s = '';
  for (let k = i; k <= j; k++) {
    const n = order[k]!;
    if (n.nodeType !== 3 || insideUnrendered(n, root)) continue;
    const data = (n as Text).data;
    s += data.slice(n === m.startNode ? m.startOffset : 0, n === m.endNode ? m.endOffset : data.length);
  }
  return s;
}

/** Nodes strictly between a mark's start and end nodes that a mark must not cross. */
function crossed(root: Node, m: PageMention, blockNodes: ReadonlySet<Text>): string[] {
  const order = documentOrder(root);
  const i = order.indexOf(m.startNode);
  const j = order.indexOf(m.endNode);
  const bad: string[] = [];
  for (let k = i + 1; k < j; k++) {
    const n = order[k]!;
    if (insideUnrendered(n, root)) continue;
    if (n.nodeType === 3) {
      if (!blockNodes.has(n as Text) && (n as Text).data.length > 0) bad.push(`text "${(n as Text).data}" of another block`);
      continue;
    }
    if (n.nodeType !== 1) continue;
    const el = n as Element;
    const tag = el.tagName.toUpperCase();
    if (UNRENDERED.has(tag)) continue;
    if (isSkippedElement(el)) bad.push(`skipped <${tag.toLowerCase()}>`);
    else if (!isInlineElement(el)) bad.push(`block <${tag.toLowerCase()}>`);
  }
  return bad;
}

// --- The properties -----------------------------------------------------------

function check(pieces: Piece[]) {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  build(root, pieces);
  const blocks: TextBlock[] = collectTextBlocks(root, document);
  const index = new MarkIndex(() => undefined);
  const state = createContextState();
  const allNodes = documentOrder(root);
  let lastPos = -1;
  for (const block of blocks) {
    // The block: its nodes' data, in document order, under one block parent.
    expect(block.text).toBe(block.nodes.map((n) => n.data).join(''));
    expect(block.starts).toEqual(block.nodes.map((_, k) => block.nodes.slice(0, k).reduce((a, n) => a + n.data.length, 0)));
    const parents = new Set(block.nodes.map((n) => blockAncestor(n)));
    expect(parents.size).toBe(1);
    for (const n of block.nodes) {
      const pos = allNodes.indexOf(n);
      expect(pos).toBeGreaterThan(lastPos);
      lastPos = pos;
      // Never text we must not read.
      let skipped = false;
      for (let p = n.parentNode; p && p !== root; p = p.parentNode) if (p.nodeType === 1 && isSkippedElement(p as Element)) skipped = true;
      expect(skipped).toBe(false);
    }
    const mentions = spotText(matcher, block.text, state);
    const tracked = index.add(block, mentions, (a) => matcher.aliases[a]?.text ?? '');
    if (!tracked) continue;
    const nodes = new Set(block.nodes);
    tracked.mentions.forEach((m, k) => {
      const raw = mentions[k]!;
      const where = `"${m.surface}" in block ${JSON.stringify(block.text)}`;
      // Inside the text nodes' bounds.
      expect(nodes.has(m.startNode) && nodes.has(m.endNode), where).toBe(true);
      expect(m.startOffset, where).toBeGreaterThanOrEqual(0);
      expect(m.startOffset, where).toBeLessThan(m.startNode.data.length);
      expect(m.endOffset, where).toBeGreaterThan(0);
      expect(m.endOffset, where).toBeLessThanOrEqual(m.endNode.data.length);
      if (m.startNode === m.endNode) expect(m.startOffset, where).toBeLessThan(m.endOffset);
      else expect(block.nodes.indexOf(m.startNode), where).toBeLessThan(block.nodes.indexOf(m.endNode));
      // Spans adjacent inline nodes only, and covers exactly the surface.
      expect(crossed(root, m, nodes), where).toEqual([]);
      expect(visibleText(root, m), where).toBe(block.text.slice(raw.start, raw.end));
      expect(block.text.slice(raw.start, raw.end)).toBe(m.surface);
      // The hit-test index finds it at every caret offset inside it.
      for (const n of block.nodes.slice(block.nodes.indexOf(m.startNode), block.nodes.indexOf(m.endNode) + 1)) {
        const from = n === m.startNode ? m.startOffset : 0;
        const to = n === m.endNode ? m.endOffset : n.data.length;
        for (let o = from; o <= to; o++) expect(index.at(n, o), `${where} at ${o} in "${n.data}"`).toContain(m);
      }
    });
  }
}

describe('page mapping (property, happy-dom)', () => {
  it('every mark lies inside its text nodes and spans only adjacent inline nodes of its block', () => {
    fc.assert(fc.property(tree, (pieces) => check(pieces)), { numRuns: RUNS });
  });

  it('never spans rendered content it skips (examples)', () => {
    for (const tag of ['code', 'button', 'textarea', 'svg', 'kbd']) {
      check([{ kind: 'text', text: 'Vladimir ' }, { kind: 'skip', tag, text: 'x' }, { kind: 'text', text: ' Putin' }]);
    }
    check([{ kind: 'text', text: 'Xi ' }, { kind: 'editable', text: 'typed' }, { kind: 'text', text: ' Jinping' }]);
    // Scripts and styles show nothing: the text around them is one.
    check([{ kind: 'text', text: 'Vladimir ' }, { kind: 'skip', tag: 'script', text: 'var x;' }, { kind: 'text', text: 'Putin' }]);
    const blocks = collectTextBlocks(document.body.firstChild!, document);
    expect(blocks.map((b) => b.text)).toEqual(['Vladimir Putin']);
  });

  it('a name split over inline elements is one mark over adjacent nodes (examples)', () => {
    const cases: Piece[][] = [
      [{ kind: 'inline', tag: 'b', children: [{ kind: 'text', text: 'Vladimir' }] }, { kind: 'text', text: ' Putin said' }],
      [{ kind: 'text', text: 'Pu' }, { kind: 'inline', tag: 'em', children: [{ kind: 'text', text: 'tin' }] }, { kind: 'text', text: "'s" }],
      [{ kind: 'inline', tag: 'a', children: [{ kind: 'inline', tag: 'em', children: [{ kind: 'text', text: 'Xi' }] }, { kind: 'text', text: ' Jinping' }] }],
    ];
    for (const c of cases) {
      check(c);
      const blocks = collectTextBlocks(document.body.firstChild!, document);
      expect(blocks).toHaveLength(1);
      expect(spotText(matcher, blocks[0]!.text, createContextState()).length).toBe(1);
    }
  });
});
