// The reader settings as the content script reads them: the same rules as
// lib/shared/settings.ts (parseSettings, isActiveOn), written without zod so the
// content script bundle stays small: the same schema with `zod/mini` (z.catch per
// field) took the content script from 45,157 B to 67,614 B, over its 50,000 B
// budget (`npm run build:chrome && wc -c .output/chrome-mv3/content-scripts/content.js`).
// tests/unit/page-settings.test.ts checks, with generated inputs, that both give
// the same answers.
import type { Settings } from '../../shared/settings';
import type { EntityType } from '../../kb/schema';

export type { Settings };

/** Same as ENTITY_TYPES in lib/kb/schema.ts (kept in step by a unit test). */
export const ENTITY_TYPE_LIST: readonly EntityType[] = ['person', 'organisation', 'place', 'weapon', 'event', 'agreement'];

/** Same as DEFAULT_SETTINGS in lib/shared/settings.ts (kept in step by a unit test). */
export const READER_DEFAULTS: Settings = {
  enabled: true,
  siteMode: 'all-except',
  blockedSites: [],
  allowedSites: [],
  entityTypes: [...ENTITY_TYPE_LIST],
  highlightStyle: 'underline',
  markMode: 'first',
  typeMarks: {},
  markCommonPlaces: false,
  hoverDelayMs: 500,
  trigger: 'hover',
  showCaveats: true,
  theme: 'auto',
};

/** The storage.local key of the settings item (`local:settings` in lib/ui/settings-store.ts). */
export const SETTINGS_STORAGE_KEY = 'settings';

const HOST_RE = /^[a-z0-9.-]+$|^\[[0-9a-f:]+\]$/;

function hostList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: string[] = [];
  for (const item of value) {
    if (typeof item !== 'string') return undefined;
    const h = item.trim().toLowerCase().replace(/^www\./, '');
    if (!HOST_RE.test(h)) return undefined;
    out.push(h);
  }
  return out;
}

function oneOf<T extends string>(options: readonly T[]) {
  return (value: unknown): T | undefined => (typeof value === 'string' && (options as readonly string[]).includes(value) ? (value as T) : undefined);
}

const boolean = (value: unknown) => (typeof value === 'boolean' ? value : undefined);

const FIELDS: { [K in keyof Settings]: (value: unknown) => Settings[K] | undefined } = {
  enabled: boolean,
  siteMode: oneOf(['all-except', 'only-allowed'] as const),
  blockedSites: hostList,
  allowedSites: hostList,
  entityTypes: (value) => {
    if (!Array.isArray(value)) return undefined;
    const types = value as unknown[];
    return types.every((t) => typeof t === 'string' && (ENTITY_TYPE_LIST as readonly string[]).includes(t)) ? (types as EntityType[]) : undefined;
  },
  highlightStyle: oneOf(['underline', 'background', 'off'] as const),
  markMode: oneOf(['every', 'first'] as const),
  typeMarks: (value) =>
    value && typeof value === 'object' && !Array.isArray(value) && Object.entries(value).every(([k, m]) => (ENTITY_TYPE_LIST as readonly string[]).includes(k) && ['every', 'first', 'off'].includes(m as string))
      ? { ...(value as Settings['typeMarks']) }
      : undefined,
  markCommonPlaces: boolean,
  hoverDelayMs: (value) => (typeof value === 'number' && Number.isInteger(value) && value >= 100 && value <= 3000 ? value : undefined),
  trigger: oneOf(['hover', 'click', 'modifier-hover'] as const),
  showCaveats: boolean,
  theme: oneOf(['auto', 'light', 'dark'] as const),
};

/** parseSettings without zod: invalid or missing fields fall back to their defaults one by one. */
export function readSettings(value: unknown): Settings {
  const input = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const out: Record<string, unknown> = { ...READER_DEFAULTS, entityTypes: [...READER_DEFAULTS.entityTypes], typeMarks: {} };
  for (const key of Object.keys(FIELDS) as (keyof Settings)[]) {
    if (!(key in input)) continue;
    const parsed = FIELDS[key](input[key]);
    if (parsed !== undefined) out[key] = parsed;
  }
  return out as unknown as Settings;
}

/** isActiveOn without zod. */
export function activeOnHost(settings: Settings, host: string): boolean {
  if (!settings.enabled) return false;
  const h = host.trim().toLowerCase().replace(/^www\./, '').replace(/:\d+$/, '');
  const listed = (list: readonly string[]) => list.some((s) => h === s || h.endsWith(`.${s}`));
  return settings.siteMode === 'all-except' ? !listed(settings.blockedSites) : listed(settings.allowedSites);
}
