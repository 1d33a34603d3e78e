// The content script's zod-free settings reader (lib/page/core/reader-settings.ts)
// must agree with lib/shared/settings.ts everywhere: same defaults, same parsing of
// any stored value, same per-site rule.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../../lib/kb/schema';
import { activeOnHost, ENTITY_TYPE_LIST, READER_DEFAULTS, readSettings } from '../../lib/page/core/reader-settings';
import { DEFAULT_SETTINGS, isActiveOn, parseSettings } from '../../lib/shared/settings';

const host = fc.oneof(
  fc.constantFrom('example.com', 'www.example.com', 'news.example.com', 'EXAMPLE.com', ' example.com ', '127.0.0.1', 'localhost:8080', '[::1]', 'bad host!', ''),
  fc.domain(),
);
const anyValue = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.array(fc.string()));
const field = {
  enabled: fc.oneof(fc.boolean(), anyValue),
  siteMode: fc.oneof(fc.constantFrom('all-except', 'only-allowed'), anyValue),
  blockedSites: fc.oneof(fc.array(host), anyValue),
  allowedSites: fc.oneof(fc.array(host), anyValue),
  entityTypes: fc.oneof(fc.subarray([...ENTITY_TYPES]), fc.array(fc.constantFrom(...ENTITY_TYPES, 'planet', 'Person')), anyValue),
  highlightStyle: fc.oneof(fc.constantFrom('underline', 'background', 'off'), anyValue),
  markMode: fc.oneof(fc.constantFrom('every', 'first'), anyValue),
  typeMarks: fc.oneof(
    fc.dictionary(fc.constantFrom(...ENTITY_TYPES), fc.constantFrom('every', 'first', 'off')),
    fc.dictionary(fc.constantFrom(...ENTITY_TYPES, 'planet'), fc.oneof(fc.constantFrom('every', 'first', 'off', 'all'), anyValue)),
    anyValue,
  ),
  markCommonPlaces: fc.oneof(fc.boolean(), anyValue),
  hoverDelayMs: fc.oneof(fc.integer({ min: 0, max: 4000 }), fc.double({ min: 99, max: 3001 }), anyValue),
  trigger: fc.oneof(fc.constantFrom('hover', 'click', 'modifier-hover'), anyValue),
  showCaveats: fc.oneof(fc.boolean(), anyValue),
  theme: fc.oneof(fc.constantFrom('auto', 'light', 'dark'), anyValue),
};
const stored = fc.oneof(fc.record(field, { requiredKeys: [] }), anyValue, fc.object());

describe('reader settings (zod-free) agree with lib/shared/settings.ts', () => {
  it('has the same defaults and entity types', () => {
    expect(READER_DEFAULTS).toEqual(DEFAULT_SETTINGS);
    expect([...ENTITY_TYPE_LIST]).toEqual([...ENTITY_TYPES]);
    expect(readSettings(undefined)).toEqual(DEFAULT_SETTINGS);
  });

  it('parses any stored value as parseSettings does', () => {
    fc.assert(
      fc.property(stored, (value) => {
        expect(readSettings(value)).toEqual(parseSettings(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('decides "active on this host" as isActiveOn does', () => {
    fc.assert(
      fc.property(stored, host, (value, h) => {
        const s = parseSettings(value);
        expect(activeOnHost(s, h)).toBe(isActiveOn(s, h));
      }),
      { numRuns: 2000 },
    );
  });

  it('turns a site off by its list, subdomains included', () => {
    const s = readSettings({ blockedSites: ['www.Example.com'] });
    expect(s.blockedSites).toEqual(['example.com']);
    expect(activeOnHost(s, 'example.com')).toBe(false);
    expect(activeOnHost(s, 'news.example.com')).toBe(false);
    expect(activeOnHost(s, 'example.org')).toBe(true);
    expect(activeOnHost({ ...s, enabled: false }, 'example.org')).toBe(false);
  });
});

describe('per-type marking (options)', () => {
  it('"off" leaves the type out of entityTypes; every / first set an override; "as above" removes it', async () => {
    const { withTypeMark } = await import('../../components/options/TypeMarks');
    const { typeMarkMode } = await import('../../lib/shared/settings');
    let s = { ...DEFAULT_SETTINGS };
    s = { ...s, ...withTypeMark(s, 'place', 'off') };
    expect(s.entityTypes).not.toContain('place');
    expect(typeMarkMode(s, 'place')).toBe('off');
    s = { ...s, ...withTypeMark(s, 'place', 'every') };
    expect(s.entityTypes).toContain('place');
    expect(typeMarkMode(s, 'place')).toBe('every');
    expect(typeMarkMode(s, 'person')).toBe('first'); // the default: first mention in the article
    s = { ...s, ...withTypeMark(s, 'place', 'default') };
    expect(s.typeMarks).toEqual({});
    expect(readSettings(s)).toEqual(parseSettings(s));
  });
});
