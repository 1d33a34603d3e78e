// Turning a site on or off (the popup's one click) always gives the state asked
// for, in both site modes, including subdomains of listed sites.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isActiveOn, withSiteActive, type Settings } from '../../lib/shared/settings';

const label = fc.constantFrom('example', 'news', 'www', 'a', 'b-c', 'co', 'uk');
const host = fc.array(label, { minLength: 2, maxLength: 4 }).map((ls) => ls.join('.'));

describe('withSiteActive', () => {
  it('turning a host on makes it active, off makes it inactive, in both modes', () => {
    fc.assert(
      fc.property(fc.constantFrom('all-except', 'only-allowed' as const), fc.array(host, { maxLength: 5 }), fc.array(host, { maxLength: 5 }), host, fc.boolean(), (siteMode, blocked, allowed, h, on) => {
        const s: Settings = { ...DEFAULT_SETTINGS, siteMode: siteMode as Settings['siteMode'], blockedSites: blocked, allowedSites: allowed };
        const next = withSiteActive(s, h, on);
        expect(isActiveOn(next, h)).toBe(on);
        // The other mode's list is left alone.
        if (siteMode === 'all-except') expect(next.allowedSites).toEqual(allowed);
        else expect(next.blockedSites).toEqual(blocked);
      }),
    );
  });

  it('turning on a subdomain of a blocked site unblocks the site that covers it', () => {
    const s = { ...DEFAULT_SETTINGS, blockedSites: ['example.com', 'other.org'] };
    expect(withSiteActive(s, 'news.example.com', true).blockedSites).toEqual(['other.org']);
    expect(withSiteActive(s, 'www.Example.com:8080', false).blockedSites).toEqual(['example.com', 'other.org']);
  });
});
