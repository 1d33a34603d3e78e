// Settings in WXT storage (fakeBrowser's storage.local): validated on the way
// in and out, versioned, and kept across extension updates.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, parseHostInput, type Settings } from '../../lib/shared/settings';
import { CHANGED_PREFERENCES } from '../support/settings';

// @wxt-dev/browser picks `globalThis.chrome` when it is first loaded (by the
// dynamic imports below, after this line has run).
(globalThis as { chrome?: unknown }).chrome = fakeBrowser;

/** A fresh copy of the store module: what a new extension version (or a restart) loads. */
async function freshStore() {
  vi.resetModules();
  return import('../../lib/ui/settings-store');
}

const mine: Settings = {
  ...DEFAULT_SETTINGS,
  siteMode: 'only-allowed',
  allowedSites: ['example.com', 'news.example.org'],
  blockedSites: ['ads.example.net'],
  ...CHANGED_PREFERENCES,
  entityTypes: [...CHANGED_PREFERENCES.entityTypes],
};

beforeEach(() => {
  fakeBrowser.reset();
});

describe('settings store', () => {
  it('gives the defaults on a fresh install', async () => {
    const { loadSettings } = await freshStore();
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('saves, and records the version with the first save', async () => {
    const { saveSettings, loadSettings, SETTINGS_VERSION } = await freshStore();
    await saveSettings(() => mine);
    expect(await loadSettings()).toEqual(mine);
    const raw = await fakeBrowser.storage.local.get(['settings', 'settings$']);
    expect(raw.settings).toEqual(mine);
    expect(raw.settings$).toEqual({ v: SETTINGS_VERSION });
  });

  it('keeps the reader’s choices across an extension update', async () => {
    const first = await freshStore();
    await first.saveSettings(() => mine);
    const updated = await freshStore();
    expect(await updated.loadSettings()).toEqual(mine);
  });

  it('reads a value stored before the item was versioned (no meta) as version 1, unchanged', async () => {
    await fakeBrowser.storage.local.set({ settings: mine });
    const { loadSettings, settingsItem } = await freshStore();
    expect(await loadSettings()).toEqual(mine);
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({ settings: mine });
    await settingsItem.migrate();
    expect(await loadSettings()).toEqual(mine);
  });

  it('runs every migration step from version 1 up to the current version', async () => {
    const { SETTINGS_VERSION, SETTINGS_MIGRATIONS } = await freshStore();
    for (let v = 2; v <= SETTINGS_VERSION; v++) expect(typeof SETTINGS_MIGRATIONS[v]).toBe('function');
    expect(Object.keys(SETTINGS_MIGRATIONS).map(Number).every((v) => v >= 2 && v <= SETTINGS_VERSION)).toBe(true);
  });

  it('keeps valid choices when a stored value is partly invalid or from an unknown shape', async () => {
    await fakeBrowser.storage.local.set({
      settings: { ...mine, hoverDelayMs: 99999, theme: 'neon', obsolete: true, markMode: undefined },
      settings$: { v: 1 },
    });
    const { loadSettings } = await freshStore();
    const s = await loadSettings();
    expect(s.hoverDelayMs).toBe(DEFAULT_SETTINGS.hoverDelayMs);
    expect(s.theme).toBe(DEFAULT_SETTINGS.theme);
    expect(s.markMode).toBe(DEFAULT_SETTINGS.markMode);
    expect(s.allowedSites).toEqual(mine.allowedSites);
    expect(s.trigger).toBe('click');
    expect('obsolete' in s).toBe(false);
  });

  it('still reads settings written by a newer version (after a downgrade)', async () => {
    await fakeBrowser.storage.local.set({ settings: mine, settings$: { v: 99 } });
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { loadSettings } = await freshStore();
    expect(await loadSettings()).toEqual(mine);
    error.mockRestore();
  });

  it('never stores an invalid value: saves go through parseSettings', async () => {
    const { saveSettings } = await freshStore();
    const saved = await saveSettings({ hoverDelayMs: 5, blockedSites: ['Example.COM'] } as Partial<Settings>);
    expect(saved.hoverDelayMs).toBe(DEFAULT_SETTINGS.hoverDelayMs);
    expect(saved.blockedSites).toEqual(['example.com']);
  });

  it('tells watchers in other contexts about changes, parsed', async () => {
    const { saveSettings, watchSettings } = await freshStore();
    const seen: Settings[] = [];
    const off = watchSettings((s) => seen.push(s));
    await saveSettings({ enabled: false });
    await vi.waitFor(() => expect(seen.at(-1)?.enabled).toBe(false));
    off();
  });
});

describe('parseHostInput', () => {
  it('accepts host names, addresses and pasted URLs, normalised', () => {
    expect(parseHostInput('example.com')).toEqual({ ok: true, host: 'example.com' });
    expect(parseHostInput('  WWW.Example.com ')).toEqual({ ok: true, host: 'example.com' });
    expect(parseHostInput('https://www.bbc.co.uk/news/world-123?x=1')).toEqual({ ok: true, host: 'bbc.co.uk' });
    expect(parseHostInput('news.example.org:8080/path')).toEqual({ ok: true, host: 'news.example.org' });
    expect(parseHostInput('*.example.net')).toEqual({ ok: true, host: 'example.net' });
    expect(parseHostInput('localhost:3000')).toEqual({ ok: true, host: 'localhost' });
    expect(parseHostInput('127.0.0.1')).toEqual({ ok: true, host: '127.0.0.1' });
    expect(parseHostInput('münchen.de')).toEqual({ ok: true, host: 'xn--mnchen-3ya.de' });
  });

  it('rejects what is not a site, saying why', () => {
    const error = (input: string, existing: string[] = []) => {
      const r = parseHostInput(input, existing);
      return r.ok ? null : r.error;
    };
    expect(error('')).toMatch(/Type a site/);
    expect(error('exa mple.com')).toMatch(/no spaces/);
    expect(error('example')).toMatch(/no dot/);
    expect(error('-bad-.com')).toMatch(/not a valid site name/);
    expect(error('ftp://example.com')).toMatch(/Only web sites/);
    expect(error('http://')).toMatch(/not a site name/);
    expect(error('example.com', ['example.com'])).toMatch(/already in the list/);
    expect(error('news.example.com', ['example.com'])).toMatch(/already covered by example.com/);
  });
});
