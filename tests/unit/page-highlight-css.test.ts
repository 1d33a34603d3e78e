// The one stylesheet Backstory adds to pages styles only our own highlights.
import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../../lib/kb/schema';
import { ACTIVE_HIGHLIGHT, ALL_HIGHLIGHTS, AMBIGUOUS_HIGHLIGHT, CURRENT_HIGHLIGHT, highlightCss, TYPE_HIGHLIGHT } from '../../lib/page/core/highlight-css';

const RULE = /^::highlight\((backstory-[a-z-]+)\) \{[^{}@]*\}$/;

describe('page highlight stylesheet', () => {
  for (const style of ['underline', 'background', 'off'] as const) {
    it(`holds only ::highlight(backstory-*) rules (${style})`, () => {
      const rules = highlightCss(style).split('\n');
      for (const rule of rules) {
        const m = RULE.exec(rule);
        expect(m, rule).not.toBeNull();
        expect(ALL_HIGHLIGHTS).toContain(m![1]);
      }
      // No other selector, no at-rule, no import, no url(): nothing can reach page elements.
      expect(highlightCss(style)).not.toMatch(/@|url\(|\*|html|body|:root/);
    });
  }

  it('marks every type (and ambiguous names) unless the style is off; focus marks always show', () => {
    for (const type of ENTITY_TYPES) expect(highlightCss('underline')).toContain(`::highlight(${TYPE_HIGHLIGHT[type]})`);
    expect(highlightCss('background')).toContain(`::highlight(${AMBIGUOUS_HIGHLIGHT}) { background-color`);
    const off = highlightCss('off');
    for (const type of ENTITY_TYPES) expect(off).not.toContain(TYPE_HIGHLIGHT[type]);
    expect(off).toContain(CURRENT_HIGHLIGHT);
    expect(off).toContain(ACTIVE_HIGHLIGHT);
  });

  it('names one highlight per entity type, all prefixed backstory-', () => {
    expect(Object.keys(TYPE_HIGHLIGHT).sort()).toEqual([...ENTITY_TYPES].sort());
    for (const name of ALL_HIGHLIGHTS) expect(name).toMatch(/^backstory-[a-z]+$/);
  });
});
