// Least privilege, read from the BUILT manifests (what a store reviewer and a
// browser actually see), for both browsers: no broad or sensitive permission, no
// host permission, a strict extension-page CSP, nothing for other extensions or
// web pages to connect to, and every permission justified in README's
// "Privacy and permissions" table. Needs `npm run build` (npm test builds first).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/read-data';

const TARGETS = ['chrome-mv3', 'firefox-mv3'] as const;
/** The card chunk (entrypoints/card-ui.ts) and the linker chunk (entrypoints/linker.ts): the only web-accessible files. */
const CARD_CHUNK = 'card-ui.js';
const LINKER_CHUNK = 'linker.js';
type Target = (typeof TARGETS)[number];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Manifest = Record<string, any>;

function manifest(target: Target): Manifest {
  const file = join(ROOT, '.output', target, 'manifest.json');
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (npm test does).`);
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/** Permissions a news-reading extension has no business asking for. */
const FORBIDDEN_PERMISSIONS = [
  'tabs', 'history', 'cookies', 'webRequest', 'webRequestBlocking', 'webRequestAuthProvider', 'webNavigation',
  '<all_urls>', 'activeTab', 'scripting', 'debugger', 'downloads', 'management', 'nativeMessaging', 'proxy',
  'privacy', 'browsingData', 'bookmarks', 'topSites', 'geolocation', 'identity', 'clipboardRead', 'pageCapture',
  'tabCapture', 'desktopCapture', 'declarativeNetRequest', 'declarativeNetRequestWithHostAccess',
  'declarativeNetRequestFeedback', 'userScripts', 'contentSettings', 'sessions', 'readingList', 'tabGroups',
  'unlimitedStorage', 'background', 'offscreen', 'search', 'dns', 'webRequestFilterResponse', 'find',
];

/** The rows of README's "Privacy and permissions" table: first-column text (backticks kept). */
function readmePermissionRows(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('## Privacy and permissions');
  expect(start, 'README.md has a "## Privacy and permissions" section').toBeGreaterThanOrEqual(0);
  const rest = readme.slice(start + 3);
  const end = rest.search(/^## /m);
  const section = end < 0 ? rest : rest.slice(0, end);
  return section
    .split('\n')
    .filter((l) => /^\|/.test(l) && !/^\|\s*-/.test(l))
    .map((l) => l.split('|')[1]!.trim())
    .filter((c) => c && c !== 'permission');
}

/** A CSP string as directive → sources. */
function parseCsp(csp: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}

describe.each(TARGETS)('built manifest (%s)', (target) => {
  const m = manifest(target);
  const permissions: string[] = [...(m.permissions ?? []), ...(m.optional_permissions ?? [])];

  it('is MV3 and asks for no broad or sensitive permission', () => {
    expect(m.manifest_version).toBe(3);
    for (const p of permissions) {
      expect(FORBIDDEN_PERMISSIONS, `permission '${p}' in ${target}`).not.toContain(p);
      // A host pattern in `permissions` (MV2 style) would be a host permission.
      expect(p, `permission '${p}' looks like a host pattern`).not.toMatch(/[:/*]/);
    }
    // Only what we justify; a new one must be added to README's table (next test) and here.
    expect(permissions.filter((p) => !['storage', 'sidePanel', 'contextMenus'].includes(p)), `unexpected permissions in ${target}`).toEqual([]);
  });

  it('asks for no host permission (the content script is declared statically)', () => {
    expect(m.host_permissions ?? []).toEqual([]);
    expect(m.optional_host_permissions ?? []).toEqual([]);
  });

  it('keeps content script matches to web pages and declares only packaged files', () => {
    for (const cs of m.content_scripts ?? []) {
      for (const match of cs.matches as string[]) {
        expect(match, `content script match in ${target}`).toMatch(/^(<all_urls>|(\*|https?):\/\/[^/]+\/.*)$/);
      }
      for (const file of [...(cs.js ?? []), ...(cs.css ?? [])] as string[]) {
        expect(file).not.toMatch(/^[a-z]+:/i);
        expect(existsSync(join(ROOT, '.output', target, file)), `${file} is in the package`).toBe(true);
      }
    }
  });

  it('has a strict CSP for extension pages (only its own scripts; no eval, no remote code)', () => {
    const csp = m.content_security_policy?.extension_pages;
    expect(typeof csp, 'content_security_policy.extension_pages is set').toBe('string');
    const directives = parseCsp(csp as string);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    const objectSrc = directives.get('object-src');
    if (objectSrc) expect(objectSrc.every((s) => s === "'self'" || s === "'none'")).toBe(true);
    for (const [name, sources] of directives) {
      for (const s of sources) {
        expect(s, `${name} in ${target}`).not.toMatch(/^'unsafe-|^'wasm-unsafe-eval'|^https?:|^\*|^data:|^blob:|^wss?:/);
      }
    }
    // No sandbox pages (they may run eval) and no MV2-style string CSP.
    expect(m.content_security_policy?.sandbox).toBeUndefined();
    expect(m.sandbox).toBeUndefined();
  });

  it('lets no web page or other extension connect to it', () => {
    expect(m.externally_connectable).toBeUndefined();
    // No update server of ours: updates come from the store only.
    expect(m.update_url).toBeUndefined();
    expect(m.browser_specific_settings?.gecko?.update_url).toBeUndefined();
    expect(m.oauth2).toBeUndefined();
    expect(m.key).toBeUndefined();
  });

  it('exposes no broad web-accessible resources: only the card and linker chunks (no globs, no pages, not the KB)', () => {
    const war: Manifest[] = m.web_accessible_resources ?? [];
    for (const entry of war) {
      // MV3 form only: objects with resources and matches.
      expect(typeof entry, 'web_accessible_resources entries are MV3 objects').toBe('object');
      for (const r of entry.resources as string[]) {
        expect(r, `web-accessible resource in ${target}`).not.toMatch(/\*/);
        expect(existsSync(join(ROOT, '.output', target, r)), `${r} is in the package`).toBe(true);
        // The two scripts the content script imports: the card chunk on first need (entrypoints/card-ui.ts), the linker chunk before its first read (entrypoints/linker.ts).
        if (r === CARD_CHUNK || r === LINKER_CHUNK) continue;
        expect(r, 'scripts and pages are never web-accessible').not.toMatch(/\.(js|mjs|html|json|wasm)$/);
      }
      expect(entry.extension_ids ?? [], 'no extension may load our resources').toEqual([]);
      expect(entry.use_dynamic_url === undefined || entry.use_dynamic_url === true).toBe(true);
      // Only to the pages the content script runs on.
      const scriptMatches = new Set((m.content_scripts ?? []).flatMap((cs: Manifest) => cs.matches as string[]));
      for (const match of entry.matches as string[]) expect(scriptMatches, `web-accessible to ${match}`).toContain(match);
    }
    // Exactly the two chunks; Chrome reaches them only at a per-session URL (use_dynamic_url), so a
    // page cannot detect the extension by probing its static URL (Firefox's URLs are per install).
    expect(war).toEqual([{ resources: [CARD_CHUNK, LINKER_CHUNK], matches: ['<all_urls>'], ...(target === 'chrome-mv3' ? { use_dynamic_url: true } : {}) }]);
  });

  it('lists its icons (16-128 px, what the toolbar and the stores show), each a PNG of its size in the package', () => {
    const m = manifest(target);
    expect(Object.keys(m.icons ?? {}).sort()).toEqual(['128', '16', '32', '48']);
    for (const [size, file] of Object.entries(m.icons as Record<string, string>)) {
      const png = readFileSync(join(ROOT, '.output', target, file));
      expect(png.subarray(1, 4).toString('latin1'), `${file} is a PNG`).toBe('PNG');
      // IHDR: width and height, big-endian, at bytes 16 and 20.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], `${file} is ${size}×${size}`).toEqual([Number(size), Number(size)]);
    }
  });

  it('justifies every permission in README\'s "Privacy and permissions" table', () => {
    const rows = readmePermissionRows();
    const named = rows.flatMap((r) => [...r.matchAll(/`([^`]+)`/g)].map((x) => x[1]!));
    for (const p of permissions) expect(named, `README's permission table has a row for \`${p}\``).toContain(p);
    if ((m.content_scripts ?? []).length > 0) {
      expect(rows.some((r) => /content script/i.test(r)), "README's table has a row for the content script's matches").toBe(true);
    }
  });
});

describe('per-browser manifest keys', () => {
  it('Chrome gets the side panel, not Firefox keys', () => {
    const m = manifest('chrome-mv3');
    expect(m.browser_specific_settings).toBeUndefined();
    expect(m.sidebar_action).toBeUndefined();
    if (m.side_panel) expect(m.permissions).toContain('sidePanel');
  });

  it('Firefox gets its gecko settings, declares no data collection, and no Chrome-only keys', () => {
    const m = manifest('firefox-mv3');
    expect(m.browser_specific_settings?.gecko?.id).toMatch(/@/);
    expect(m.browser_specific_settings?.gecko?.data_collection_permissions).toEqual({ required: ['none'] });
    expect(m.permissions ?? []).not.toContain('sidePanel');
    expect(m.side_panel).toBeUndefined();
    // Firefox MV3 runs the background as an event page (scripts), not a service worker.
    expect(m.background?.service_worker).toBeUndefined();
  });
});
