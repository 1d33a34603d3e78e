// The IndexedDB schema, as a TypeScript type (idb's DBSchema). The background
// alone opens this database: a content script's IndexedDB would belong to the
// page's origin.
import type { DBSchema } from 'idb';
import type { KbCaveat, KbClaim, KbEntity, KbReport, KbStats } from '../kb/document';
import type { PackedMatcher } from '../match/packed';

export const DB_NAME = 'backstory';
export const DB_VERSION = 1;

export interface KbMeta {
  key: 'active';
  hash: string;
  version: number;
  stats: KbStats;
  loadedAt: number;
}

/** A reader's own correction (e.g. "this link is wrong"); user data, kept across KB upgrades. */
export interface Correction {
  id?: number;
  kbHash: string;
  entity: string;
  kind: 'wrong-link' | 'note';
  text: string;
  url: string;
  createdAt: number;
}

export interface BackstoryDB extends DBSchema {
  // --- The KB: replaced as a whole, in one transaction, when the bundle changes.
  meta: { key: string; value: KbMeta };
  entities: { key: string; value: KbEntity };
  /** Folded name or alias → entity ids. */
  names: { key: string; value: { name: string; ids: string[] } };
  claims: { key: string; value: KbClaim; indexes: { report: string } };
  caveats: { key: string; value: KbCaveat; indexes: { report: string } };
  reports: { key: string; value: KbReport };
  matcher: { key: string; value: { key: 'active'; hash: string; compiled: PackedMatcher } };
  // --- The reader's own data: never cleared by a KB load.
  corrections: { key: number; value: Correction };
  seenReports: { key: string; value: { report: string; seenAt: number } };
}

export const KB_STORES = ['meta', 'entities', 'names', 'claims', 'caveats', 'reports', 'matcher'] as const;
export const USER_STORES = ['corrections', 'seenReports'] as const;
