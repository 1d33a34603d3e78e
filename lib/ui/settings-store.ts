// The settings as persisted with WXT storage (extension-local storage: never
// synced anywhere). Read and written through parseSettings (the zod schema with a
// default per field), so a corrupt or older value never breaks the extension or
// loses valid choices.
import { storage } from '@wxt-dev/storage';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../shared/settings';

/**
 * The stored shape's version. Bump it when a change to Settings needs more than
 * the schema's field-by-field defaults, and add the step to SETTINGS_MIGRATIONS
 * (tests/unit/settings-store.test.ts runs every step on an old value).
 */
export const SETTINGS_VERSION = 1;

/** Migration steps: `n` brings a value stored at version n-1 to version n. */
export const SETTINGS_MIGRATIONS: Record<number, (old: unknown) => unknown> = {};

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  // Defined (even empty) so WXT records the version with the first save: a
  // later version then knows which steps to run on this value.
  migrations: SETTINGS_MIGRATIONS,
});

export async function loadSettings(): Promise<Settings> {
  return parseSettings(await settingsItem.getValue());
}

export async function saveSettings(update: Partial<Settings> | ((s: Settings) => Settings)): Promise<Settings> {
  const current = await loadSettings();
  const next = parseSettings(typeof update === 'function' ? update(current) : { ...current, ...update });
  await settingsItem.setValue(next);
  return next;
}

/** Call `listener` with parsed settings whenever they change (in any extension context). */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => listener(parseSettings(value)));
}
