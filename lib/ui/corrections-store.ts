// The reader's "Not this" corrections as persisted with WXT storage
// (extension-local storage: never synced, never sent anywhere). The content
// script reads and writes the same key directly (entrypoints/content/index.ts,
// lib/link/correct.ts CORRECTIONS_KEY); this is the settings page's side,
// validated with zod (lib/link/corrections.ts).
import { storage } from '@wxt-dev/storage';
import { CORRECTIONS_KEY, EMPTY_CORRECTIONS, parseCorrections, removeCorrection, type CorrectionsFile } from '../link/corrections';

export const correctionsItem = storage.defineItem<unknown>(`local:${CORRECTIONS_KEY}`);

export async function loadCorrections(): Promise<CorrectionsFile> {
  return parseCorrections(await correctionsItem.getValue()).file;
}

/** Undo one "Not this": open pages bring the marks back at once (they watch this key). */
export async function undoCorrection(c: { site: string; surface: string; entity: string }): Promise<CorrectionsFile> {
  const next = removeCorrection(await loadCorrections(), c);
  await correctionsItem.setValue(next);
  return next;
}

export function watchCorrections(listener: (file: CorrectionsFile) => void): () => void {
  return correctionsItem.watch((value) => listener(value === null || value === undefined ? EMPTY_CORRECTIONS : parseCorrections(value).file));
}
