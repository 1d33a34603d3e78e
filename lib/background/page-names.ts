// The names Backstory uses inside pages (CSS highlight names, the tag of the
// element hosting our closed shadow root), chosen at random once per install
// and kept in extension storage, so a page script cannot detect Backstory by a
// fixed name (issue #17). The background makes them and hands them to the
// content script (message `pageNames`); pages never see storage.
import { z } from 'zod';
import { DEBUG } from '../shared/build-mode';
import { HIGHLIGHT_KINDS, type HighlightKind } from '../shared/highlight-names';
import type { PageNames } from '../shared/messages';

export const PAGE_NAMES_KEY = 'pageNames';

const IDENT = /^[a-z][a-z0-9-]{2,40}$/;
/** A valid custom element name of ours: lower-case letters around one hyphen. */
const HOST_TAG = /^[a-z]{2,12}-[a-z]{2,12}$/;
const RESERVED_TAGS = new Set(['annotation-xml', 'color-profile', 'font-face', 'font-face-src', 'font-face-uri', 'font-face-format', 'font-face-name', 'missing-glyph']);

const STORED = z.object({
  highlights: z.object(Object.fromEntries(HIGHLIGHT_KINDS.map((k) => [k, z.string().regex(IDENT)])) as Record<HighlightKind, z.ZodString>),
  host: z.string().regex(HOST_TAG).refine((t) => !RESERVED_TAGS.has(t)),
  /**
   * Tests of other features only (tests/browser/harness.ts pins readable names
   * with it, so they can inspect the card): an open shadow root, honoured by
   * debug builds only (`toPageNames`). Never set by Backstory itself; the page
   * cannot write extension storage.
   */
  openShadowRoot: z.literal(true).optional(),
});
export type StoredPageNames = z.infer<typeof STORED>;

export interface NamesStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const ALNUM = LETTERS + '0123456789';

function randomString(length: number, alphabet: string, random: (n: number) => Uint8Array): string {
  let out = '';
  for (const b of random(length)) out += alphabet[b % alphabet.length];
  return out;
}

/** A fresh set of names (unique highlight names, a host tag that is a valid custom element name). */
export function makePageNames(random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): StoredPageNames {
  const used = new Set<string>();
  const highlights = {} as Record<HighlightKind, string>;
  for (const kind of HIGHLIGHT_KINDS) {
    let name: string;
    do name = randomString(1, LETTERS, random) + randomString(9, ALNUM, random);
    while (used.has(name));
    used.add(name);
    highlights[kind] = name;
  }
  let host: string;
  do host = `${randomString(3 + (random(1)[0]! % 5), LETTERS, random)}-${randomString(3 + (random(1)[0]! % 6), LETTERS, random)}`;
  while (RESERVED_TAGS.has(host));
  return { highlights, host };
}

/**
 * This install's names: the stored ones when valid, else new ones (stored).
 * `pinned`: names a test harness put in the package (scripts/firefox.ts, whose
 * browser offers tests no way into extension storage); a release has none.
 */
export async function ensurePageNames(storage: NamesStorage, make: () => StoredPageNames = makePageNames, pinned?: () => Promise<unknown>): Promise<StoredPageNames> {
  const all: Record<string, unknown> = await storage.get(PAGE_NAMES_KEY).catch(() => ({}));
  const stored = STORED.safeParse(all[PAGE_NAMES_KEY]);
  if (stored.success) return stored.data;
  const fromPackage = pinned ? STORED.safeParse(await pinned().catch(() => undefined)) : null;
  const names = fromPackage?.success ? fromPackage.data : make();
  await storage.set({ [PAGE_NAMES_KEY]: names });
  return names;
}

/** What the content script gets. */
export function toPageNames(stored: StoredPageNames): PageNames {
  return { highlights: stored.highlights, host: stored.host, ...(DEBUG && stored.openShadowRoot ? { openShadowRoot: true } : {}) };
}
