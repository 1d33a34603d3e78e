// Reader settings: the schema, defaults and the rules that use them. Pure; the
// storage item that persists them lives in lib/ui/settings-store.ts.
import { z } from 'zod';
import { ENTITY_TYPES, EntityType } from '../kb/schema';

export const HighlightStyle = z.enum(['underline', 'background', 'off']);
export const MarkMode = z.enum(['every', 'first']);
/** Per type: every mention, the first in the article body, or none. */
export const TypeMarkMode = z.enum(['every', 'first', 'off']);
export type TypeMarkMode = z.infer<typeof TypeMarkMode>;
export const Trigger = z.enum(['hover', 'click', 'modifier-hover']);
export const Theme = z.enum(['auto', 'light', 'dark']);
export const SiteMode = z.enum(['all-except', 'only-allowed']);

/** A hostname as the per-site list keeps it: lowercase, no port, no leading "www.". */
export const Host = z
  .string()
  .trim()
  .toLowerCase()
  .transform((h) => h.replace(/^www\./, ''))
  .pipe(z.string().regex(/^[a-z0-9.-]+$|^\[[0-9a-f:]+\]$/, 'must be a host name such as example.com'));

export const Settings = z.object({
  /** Global switch. */
  enabled: z.boolean(),
  /** 'all-except': run everywhere but `sites`; 'only-allowed': run only on `sites`. */
  siteMode: SiteMode,
  /** Hosts listed for the current mode (blocked in 'all-except', allowed in 'only-allowed'). */
  blockedSites: z.array(Host),
  allowedSites: z.array(Host),
  entityTypes: z.array(EntityType).min(0),
  highlightStyle: HighlightStyle,
  /** 'first': only the first mention of each entity in the article body; 'every': every mention on the page. */
  markMode: MarkMode,
  /** Per-type overrides of `markMode` ('off': that type is not marked, like leaving it out of `entityTypes`). */
  typeMarks: z.partialRecord(EntityType, TypeMarkMode),
  /** Mark very common places too (the place the page is about, capitals used as metonyms: "Moscow said"). */
  markCommonPlaces: z.boolean(),
  hoverDelayMs: z.number().int().min(100).max(3000),
  trigger: Trigger,
  showCaveats: z.boolean(),
  theme: Theme,
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  siteMode: 'all-except',
  blockedSites: [],
  allowedSites: [],
  entityTypes: [...ENTITY_TYPES],
  highlightStyle: 'underline',
  markMode: 'first',
  typeMarks: {},
  markCommonPlaces: false,
  hoverDelayMs: 500,
  trigger: 'hover',
  showCaveats: true,
  theme: 'auto',
};

/** How a type is marked: off when left out of `entityTypes`, else its override or `markMode`. */
export function typeMarkMode(settings: Pick<Settings, 'entityTypes' | 'markMode' | 'typeMarks'>, type: EntityType): TypeMarkMode {
  if (!settings.entityTypes.includes(type)) return 'off';
  return settings.typeMarks[type] ?? settings.markMode;
}

/** Normalise a hostname the way the site lists store it. */
export function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/^www\./, '').replace(/:\d+$/, '');
}

/**
 * Parse stored settings. Unknown or invalid fields fall back to their defaults
 * one by one, so a bad value never loses the reader's other choices.
 */
export function parseSettings(value: unknown): Settings {
  const input = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const shape = Settings.shape;
  for (const key of Object.keys(shape) as (keyof Settings)[]) {
    if (!(key in input)) continue;
    const parsed = shape[key].safeParse(input[key]);
    if (parsed.success) out[key] = parsed.data;
  }
  return out as Settings;
}

/** Is Backstory active on a page of this host? */
export function isActiveOn(settings: Settings, host: string): boolean {
  if (!settings.enabled) return false;
  const h = normaliseHost(host);
  const listed = (list: readonly string[]) => list.some((s) => h === s || h.endsWith(`.${s}`));
  return settings.siteMode === 'all-except' ? !listed(settings.blockedSites) : listed(settings.allowedSites);
}

/**
 * Settings after turning this host on or off, in whichever mode is active.
 * A listed site covers its subdomains, so turning a host on in 'all-except'
 * (or off in 'only-allowed') also removes the listed parent that covers it:
 * afterwards `isActiveOn(result, host) === active` (with the global switch on).
 */
export function withSiteActive(settings: Settings, host: string, active: boolean): Settings {
  const h = normaliseHost(host);
  const without = (list: readonly string[]) => list.filter((s) => s !== h && !h.endsWith(`.${s}`));
  if (settings.siteMode === 'all-except') {
    return { ...settings, blockedSites: active ? without(settings.blockedSites) : [...without(settings.blockedSites), h].sort() };
  }
  return { ...settings, allowedSites: active ? [...without(settings.allowedSites), h].sort() : without(settings.allowedSites) };
}

export type HostInput = { ok: true; host: string } | { ok: false; error: string };

/**
 * A host name typed by the reader ("example.com", "https://www.example.com/news",
 * "*.example.com", "localhost:8080"), as the site lists keep it, or an error
 * that says what is wrong. `existing` catches duplicates and sites already covered.
 */
export function parseHostInput(input: string, existing: readonly string[] = []): HostInput {
  const raw = input.trim();
  if (!raw) return { ok: false, error: 'Type a site, for example example.com.' };
  if (/\s/.test(raw)) return { ok: false, error: 'A site name has no spaces, for example example.com.' };
  let candidate = raw.replace(/^\*\./, '');
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(candidate)) candidate = `http://${candidate}`;
  let hostname: string;
  try {
    const url = new URL(candidate);
    if (!/^https?:$/.test(url.protocol)) return { ok: false, error: 'Only web sites (http or https) can be listed.' };
    hostname = url.hostname;
  } catch {
    return { ok: false, error: `“${raw}” is not a site name. Type one like example.com.` };
  }
  const host = normaliseHost(hostname);
  const ipv4 = /^\d{1,3}(\.\d{1,3}){3}$/.test(host);
  const ipv6 = /^\[[0-9a-f:]+\]$/.test(host);
  if (!ipv4 && !ipv6 && host !== 'localhost') {
    if (!host.includes('.')) return { ok: false, error: `“${host}” has no dot: type the full site name, for example ${host}.com.` };
    const labels = host.split('.');
    if (labels.some((l) => l.length === 0 || l.length > 63 || !/^[a-z0-9-]+$/.test(l) || l.startsWith('-') || l.endsWith('-'))) {
      return { ok: false, error: `“${host}” is not a valid site name.` };
    }
    if (/^\d+$/.test(labels[labels.length - 1]!)) return { ok: false, error: `“${host}” is not a valid site name.` };
  }
  const parsed = Host.safeParse(host);
  if (!parsed.success) return { ok: false, error: `“${host}” is not a valid site name.` };
  if (existing.includes(parsed.data)) return { ok: false, error: `${parsed.data} is already in the list.` };
  const parent = existing.find((s) => parsed.data.endsWith(`.${s}`));
  if (parent) return { ok: false, error: `${parsed.data} is already covered by ${parent} (a site includes its subdomains).` };
  return { ok: true, host: parsed.data };
}
