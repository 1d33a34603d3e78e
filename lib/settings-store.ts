// The settings as persisted with WXT storage (extension-local storage: never
// synced anywhere). Read and written through parseSettings, so a corrupt or
// older value never breaks the extension or loses valid choices.
import { storage } from '@wxt-dev/storage';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from './settings';

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
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
