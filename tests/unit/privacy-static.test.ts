// Static privacy check of the BUILT bundles (.output/chrome-mv3 and
// .output/firefox-mv3): nothing in the code we ship can reach the network or
// load code from anywhere but the package.
//
// - Every URL literal in a .js/.html/.css file must be on ALLOWED_URLS, each
//   with the honest reason it is harmless (XML namespaces, JSON-schema ids that
//   are labels, not fetched). A new one fails the test until someone reviews it.
// - Network APIs: `fetch` may only be called on `runtime.getURL(...)` (our own
//   package files); XMLHttpRequest, WebSocket, EventSource, sendBeacon,
//   importScripts, WebRTC, WebTransport and native messaging must not appear.
// - Remote or dynamic code: no `eval`, no dynamic `import()` of anything but a
//   package-relative path or `runtime.getURL("/<package file>")`, no string
//   timers, no `<script src>` from elsewhere.
//   The only `Function` constructor uses are zod's (listed below, with why).
// The extension pages' CSP (tests/unit/manifest.test.ts) blocks all of this at
// run time too; this test keeps it out of the code.
// Needs `npm run build` (npm test builds first).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/read-data';

const TARGETS = ['chrome-mv3', 'firefox-mv3'] as const;

interface Allowed {
  /** The whole URL as it appears in the bundle. */
  url: string | RegExp;
  /** When set, the code around the URL (±200 chars) must match too. */
  context?: RegExp;
  why: string;
}

const ALLOWED_URLS: Allowed[] = [
  // XML namespace names: identifiers compared as strings (createElementNS, namespaceURI checks); never fetched.
  { url: 'http://www.w3.org/2000/svg', why: 'SVG namespace name (Preact createElementNS for the card icons)' },
  { url: 'http://www.w3.org/1999/xlink', why: 'XLink namespace name (Preact attribute handling)' },
  { url: 'http://www.w3.org/1999/xhtml', why: 'XHTML namespace name (Preact; our check that a document is HTML)' },
  { url: 'http://www.w3.org/1998/Math/MathML', why: 'MathML namespace name (Preact createElementNS)' },
  { url: 'http://www.w3.org/XML/1998/namespace', why: 'XML namespace name (Preact attribute handling)' },
  // zod (bundled in the background for KB validation): JSON-schema "$schema" ids written into
  // generated JSON Schema objects by z.toJSONSchema, which we never call; never fetched.
  { url: 'http://json-schema.org/draft-04/schema#', why: 'zod toJSONSchema $schema id (a label, not fetched)' },
  { url: 'http://json-schema.org/draft-07/schema#', why: 'zod toJSONSchema $schema id (a label, not fetched)' },
  { url: 'https://json-schema.org/draft/2020-12/schema', why: 'zod toJSONSchema $schema id (a label, not fetched)' },
  // zod's IPv6 check builds `new URL("http://[" + value + "]")` to parse an address locally: URL parsing, no request.
  { url: /^http:\/\/\[\$\{[\w$]+\}\]$/, why: 'zod z.ipv6(): parses a template URL with new URL() to validate an address; no request' },
  // The options page reads a site the reader types ("example.com/news") by parsing
  // `http://<input>` with new URL() to get its host name: URL parsing, no request.
  { url: /^http:\/\/\$\{[\w$]+\}$/, context: /`http:\/\/\$\{[\w$]+\}`\);let [\w$]+;try\{const [\w$]+=new URL\(/, why: 'host-name parsing of a typed site with new URL(); no request' },
  // WXT's wxt/browser throws this text when no extension API exists (a build or test misconfiguration): message text only.
  { url: 'https://github.com/wxt-dev/wxt/issues/371', context: /must be loaded in a web extension environment/, why: "text of WXT's 'no browser API' error message" },
  { url: 'https://wxt.dev/guide/go-further/testing.html', context: /mock 'wxt\/browser' correctly/, why: "text of WXT's 'no browser API' error message" },
  // Issue #18: the reader's pipeline (options page, its worker, background) bundles data/ignore-names.json, whose reasons quote a report's credit line.
  { url: 'https://swarajyamag.com/…', context: /Republication credit in report 003/, why: 'a reason string in data/ignore-names.json (text shown to no one, never fetched)' },
];

/**
 * `fetch` calls other than on runtime.getURL, each with why it cannot reach the
 * network. Matched on the code around the call.
 */
const ALLOWED_FETCH: { context: RegExp; why: string }[] = [
  {
    // Vite's modulepreload polyfill (in the extension pages' shared chunk): for each
    // <link rel="modulepreload"> in our own HTML it fetches the href, i.e. our own
    // chunks (the HTML check below proves every link href is a package path).
    // It can go: `build: { modulePreload: { polyfill: false } }` in wxt.config.ts's
    // vite config (both browsers support modulepreload natively).
    context: /[\w$]+\.ep\)return;[\w$]+\.ep=!0;const [\w$]+=[\w$]+\([\w$]+\);fetch\([\w$]+\.href,[\w$]+\)/,
    why: "Vite's modulepreload polyfill: fetches only our own HTML's <link rel=modulepreload> chunks",
  },
];

/** Tokens that make or enable a network request or remote code. */
const FORBIDDEN_TOKENS: { name: string; re: RegExp }[] = [
  { name: 'XMLHttpRequest', re: /\bXMLHttpRequest\b/g },
  { name: 'WebSocket', re: /\bWebSocket\b/g },
  { name: 'EventSource', re: /\bEventSource\b/g },
  { name: 'sendBeacon', re: /\bsendBeacon\b/g },
  { name: 'importScripts', re: /\bimportScripts\b/g },
  { name: 'RTCPeerConnection', re: /\bRTCPeerConnection\b/g },
  { name: 'WebTransport', re: /\bWebTransport\b/g },
  { name: 'native messaging', re: /\b(connectNative|sendNativeMessage)\b/g },
  { name: 'eval', re: /(?<![\w$.])eval\s*\(/g },
  { name: 'string timer', re: /\bset(Timeout|Interval)\(\s*["'`]/g },
  { name: 'document.write', re: /\bdocument\.write(ln)?\s*\(/g },
];

/** `Function` constructor uses that are allowed, by their surrounding code. */
const ALLOWED_FUNCTION_CTOR: { context: RegExp; why: string }[] = [
  {
    context: /try\{const [\w$]+=Function;return new [\w$]+\(""\),!0\}catch\{return!1\}/,
    why:
      "zod's allowsEval probe: tries `new Function('')` once to see whether eval is allowed. Under MV3's CSP it is not, the probe throws and zod never compiles code.",
  },
  {
    context: /compile\(\)\{const [\w$]+=Function,/,
    why: "zod's JIT for object schemas (Doc.compile): only used when the allowsEval probe above succeeded, which MV3's CSP prevents; the code it would compile comes from our own schemas, never from input.",
  },
];

interface BundleFile {
  target: string;
  path: string;
  text: string;
}

function bundleFiles(): BundleFile[] {
  const out: BundleFile[] = [];
  for (const target of TARGETS) {
    const dir = join(ROOT, '.output', target);
    if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`${dir} is missing: run \`npm run build\` first (npm test does).`);
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const full = join(d, e.name);
        if (e.isDirectory()) walk(full);
        else if (/\.(m?js|html|css)$/.test(e.name)) out.push({ target, path: relative(dir, full), text: readFileSync(full, 'utf8') });
      }
    };
    walk(dir);
  }
  return out;
}

function context(text: string, index: number, length: number, around = 80): string {
  return text.slice(Math.max(0, index - around), index + length + around).replace(/\s+/g, ' ');
}

const files = bundleFiles();

describe('built bundles make no network request and load no remote code', () => {
  it('scans real bundles', () => {
    // Guard against a vacuous pass: the background is always there.
    expect(files.some((f) => f.target === 'chrome-mv3' && f.path === 'background.js')).toBe(true);
    expect(files.some((f) => f.target === 'firefox-mv3' && f.path === 'background.js')).toBe(true);
  });

  it('contains only reviewed URL literals', () => {
    const unknown: string[] = [];
    const URL_RE = /\b(?:https?|wss?|ftp):\/\/[^\s"'`)<>\\,;]*/g;
    for (const f of files) {
      for (const m of f.text.matchAll(URL_RE)) {
        const url = m[0];
        const around = f.text.slice(Math.max(0, m.index - 200), m.index + url.length + 200);
        const ok = ALLOWED_URLS.some((a) => (typeof a.url === 'string' ? a.url === url : a.url.test(url)) && (!a.context || a.context.test(around)));
        if (!ok) unknown.push(`${f.target}/${f.path}: ${url}\n    …${context(f.text, m.index, url.length)}…`);
      }
      // Protocol-relative URLs ("//cdn.example/x.js") in string literals.
      for (const m of f.text.matchAll(/["'`]\/\/[a-z0-9-]+\.[a-z0-9.-]+\//gi)) {
        unknown.push(`${f.target}/${f.path}: protocol-relative ${m[0]}\n    …${context(f.text, m.index, m[0].length)}…`);
      }
    }
    expect(unknown, 'URL literals nobody has reviewed (add to ALLOWED_URLS only with an honest reason)').toEqual([]);
  });

  it('calls fetch only on the extension\'s own files (runtime.getURL)', () => {
    const bad: string[] = [];
    let calls = 0;
    for (const f of files) {
      for (const m of f.text.matchAll(/(?<![\w$])fetch\b/g)) {
        const after = f.text.slice(m.index + 5, m.index + 5 + 200);
        // A call on runtime.getURL("/…"), e.g. fetch(browser.runtime.getURL("/kb/kb.json")).
        if (/^\s*\(\s*[\w$.]+\.runtime\.getURL\(\s*["'`]\/?[\w/.-]+["'`]\s*\)/.test(after)) {
          calls++;
          continue;
        }
        const around = f.text.slice(Math.max(0, m.index - 120), m.index + 80);
        if (ALLOWED_FETCH.some((a) => a.context.test(around))) continue;
        bad.push(`${f.target}/${f.path}: …${context(f.text, m.index, 5)}…`);
      }
    }
    expect(bad, 'fetch used on something other than runtime.getURL("<package file>")').toEqual([]);
    // The background reads the bundled KB in each build.
    expect(calls).toBeGreaterThanOrEqual(2);
  });

  it('uses no other network API, eval, string timer or document.write', () => {
    const found: string[] = [];
    for (const f of files) {
      for (const t of FORBIDDEN_TOKENS) {
        for (const m of f.text.matchAll(t.re)) {
          // webextension-polyfill's API metadata table (argument counts it uses to wrap callback APIs)
          // names sendNativeMessage; nothing calls it, and it needs the nativeMessaging permission,
          // which tests/unit/manifest.test.ts forbids.
          if (t.name === 'native messaging' && f.text.startsWith('sendNativeMessage:{minArgs:', m.index)) continue;
          found.push(`${f.target}/${f.path}: ${t.name}: …${context(f.text, m.index, m[0].length)}…`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('uses the Function constructor only where zod does (never with input; blocked by the CSP)', () => {
    const found: string[] = [];
    for (const f of files) {
      for (const m of f.text.matchAll(/(?<![\w$.])(?:new\s+)?Function\s*[;,(]|=\s*Function\s*[;,]/g)) {
        const ctx = f.text.slice(Math.max(0, m.index - 60), m.index + 80);
        if (ALLOWED_FUNCTION_CTOR.some((a) => a.context.test(ctx))) continue;
        found.push(`${f.target}/${f.path}: …${context(f.text, m.index, m[0].length)}…`);
      }
    }
    expect(found).toEqual([]);
  });

  it('imports code only from the package', () => {
    const bad: string[] = [];
    for (const f of files) {
      // Dynamic import(): only package-relative paths.
      for (const m of f.text.matchAll(/(?<![\w$.])import\s*\(\s*([^)]{0,120})/g)) {
        const arg = m[1]!.trim();
        if (/^["'`](\.{0,2}\/)[\w/.-]+["'`]$/.test(arg)) continue;
        // A file of our own package by its extension URL, `import(chrome.runtime.getURL("/card-ui.js"))`
        // as written (the content script's card chunk; the form Mozilla's linter accepts), like fetch above.
        const own = /^(?:chrome|browser)\.runtime\.getURL\(\s*["'`](\/[\w/.-]+)["'`]\s*$/.exec(arg);
        if (own && existsSync(join(ROOT, '.output', f.target, own[1]!))) continue;
        // WXT/Vite preload helper: import(url) of its own chunk list, resolved against the extension origin.
        if (/^[\w$]+$/.test(arg) && /__vite|chunk|modulepreload/i.test(f.text.slice(Math.max(0, m.index - 400), m.index))) continue;
        bad.push(`${f.target}/${f.path}: …${context(f.text, m.index, m[0].length)}…`);
      }
      if (f.path.endsWith('.html')) {
        for (const m of f.text.matchAll(/<(script|link|iframe|img|object|embed)\b[^>]*>/gi)) {
          const src = /\b(src|href)\s*=\s*["']?([^"'\s>]+)/i.exec(m[0])?.[2];
          if (src !== undefined && /^([a-z][a-z0-9+.-]*:|\/\/)/i.test(src)) bad.push(`${f.target}/${f.path}: ${m[0]}`);
        }
        // Inline scripts would be blocked by our CSP; none should be shipped.
        for (const m of f.text.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
          if (m[1]!.trim()) bad.push(`${f.target}/${f.path}: inline <script>`);
        }
      }
      if (f.path.endsWith('.css')) {
        for (const m of f.text.matchAll(/@import\s+(url\()?\s*["']?([^"')\s;]+)/gi)) {
          if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(m[2]!)) bad.push(`${f.target}/${f.path}: ${m[0]}`);
        }
        for (const m of f.text.matchAll(/url\(\s*["']?([^"')\s]+)/gi)) {
          if (/^(https?:|\/\/)/i.test(m[1]!)) bad.push(`${f.target}/${f.path}: ${m[0]}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });
});
