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

/**
 * The reader's settings, each field with its default: a field that is missing,
 * corrupt or from an older version falls back to its default alone (`.catch`),
 * so a bad value never loses the reader's other choices. Unknown fields are dropped.
 */
export const Settings = z.object({
  /** Global switch. */
  enabled: z.boolean().catch(true),
  /** 'all-except': run everywhere but `sites`; 'only-allowed': run only on `sites`. */
  siteMode: SiteMode.catch('all-except'),
  /** Hosts listed for the current mode (blocked in 'all-except', allowed in 'only-allowed'). */
  blockedSites: z.array(Host).catch(() => []),
  allowedSites: z.array(Host).catch(() => []),
  entityTypes: z.array(EntityType).catch(() => [...ENTITY_TYPES]),
  highlightStyle: HighlightStyle.catch('underline'),
  /** 'first': only the first mention of each entity in the article body; 'every': every mention on the page. */
  markMode: MarkMode.catch('first'),
  /** Per-type overrides of `markMode` ('off': that type is not marked, like leaving it out of `entityTypes`). */
  typeMarks: z.partialRecord(EntityType, TypeMarkMode).catch(() => ({})),
  /** Mark very common places too (the place the page is about, capitals used as metonyms: "Moscow said"). */
  markCommonPlaces: z.boolean().catch(false),
  hoverDelayMs: z.number().int().min(100).max(3000).catch(500),
  trigger: Trigger.catch('hover'),
  showCaveats: z.boolean().catch(true),
  theme: Theme.catch('auto'),
});
export type Settings = z.output<typeof Settings>;

/** Parse stored settings (anything: an older, corrupt or missing value) field by field. */
export function parseSettings(value: unknown): Settings {
  // A copy: an array or other object stands for no settings, not for a failure.
  return Settings.parse(value && typeof value === 'object' ? { ...value } : {});
}

export const DEFAULT_SETTINGS: Settings = parseSettings(undefined);

/** How a type is marked: off when left out of `entityTypes`, else its override or `markMode`. */
export function typeMarkMode(settings: Pick<Settings, 'entityTypes' | 'markMode' | 'typeMarks'>, type: EntityType): TypeMarkMode {
  if (!settings.entityTypes.includes(type)) return 'off';
  return settings.typeMarks[type] ?? settings.markMode;
}

/** Normalise a hostname the way the site lists store it. */
export function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/^www\./, '').replace(/:\d+$/, '');
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
