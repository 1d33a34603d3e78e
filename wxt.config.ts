import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import { extensionPageShell } from './scripts/vite/extension-page-shell';

// The content script runs on every page, so its size is budgeted (docs/PERFORMANCE.md,
// tests/unit/content-size.test.ts): Vite's own terser minifier (Vite 7 loads it with
// import(), so the old `require is not defined` is gone) with three compress passes.
// Measured on the Chrome build: 45,288 B, against 45,157 B for the former hand plugin
// that ran terser over esbuild's output and patched WXT's result expression back with
// a regex, and 46,106 B for esbuild alone (`npm run build:chrome && wc -c
// .output/chrome-mv3/content-scripts/content.js`). WXT appends its result expression
// (`content;`) after this step, so nothing needs patching back.
const CONTENT_SCRIPT_MINIFY = {
  minify: 'terser',
  terserOptions: { ecma: 2020, compress: { passes: 3 }, format: { comments: false } },
} as const;

// The manifest is a function of the target browser: Chrome gets `side_panel`,
// Firefox gets `sidebar_action` and its gecko settings; neither gets the other's keys.
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'assets/public',
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    // The content script runs on every page: it gets the browser's own API
    // object (lib/page/core/browser-api.ts) instead of webextension-polyfill, and terser.
    // Measured: with `wxt/browser` (the polyfill) the content script is 54,762 B
    // against 45,157 B, over the 50,000 B budget (tests/unit/page-browser-api.test.ts).
    // WXT's ContentScriptContext posts our extension id to the page window
    // (WXT 0.21 has no option to stop it): the content script gets an inert
    // stand-in and keeps its own lifecycle (lib/page/core/lifecycle.ts).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((e) => e.type === 'content-script')) return;
      const alias = config.resolve?.alias ?? {};
      const list = Array.isArray(alias) ? alias : Object.entries(alias).map(([find, replacement]) => ({ find, replacement }));
      const own = (path: string) => fileURLToPath(new URL(path, import.meta.url));
      config.resolve = {
        ...config.resolve,
        alias: [
          { find: /^wxt\/browser$/, replacement: own('lib/page/core/browser-api.ts') },
          { find: /^wxt\/utils\/content-script-context$/, replacement: own('lib/page/core/lifecycle.ts') },
          ...list,
        ],
      };
      config.build = { ...config.build, ...CONTENT_SCRIPT_MINIFY };
    },
  },
  // MV3 for both browsers: one background model (Chrome service worker, Firefox event page).
  manifestVersion: 3,
  vite: () => ({
    plugins: [extensionPageShell()],
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    // FlexSearch's light build for the side panel's search (issue #18): Index and its encoder
    // only. The full bundle carries worker code (a Blob worker, import("worker_threads"))
    // we never use and the privacy checks would rightly question.
    resolve: { alias: [{ find: /^flexsearch$/, replacement: fileURLToPath(new URL('node_modules/flexsearch/dist/flexsearch.light.module.min.js', import.meta.url)) }] },
    // No module-preload polyfill: it is a fetch() wrapper we don't need in extension pages.
    build: {
      chunkSizeWarningLimit: 1024,
      modulePreload: { polyfill: false },
      // Our browsers (Chrome 128+, Firefox 140+) run ES2022 as is: no down-levelled syntax in the bundles.
      target: 'es2022',
      rollupOptions: {
        // zod 4 places explanatory comments next to its `@__PURE__` annotations, where
        // Rollup cannot read them: Rollup drops the comment (the code is unchanged) and
        // says so on every build. Only that notice, and only for dependencies, is
        // silenced, so that any other warning stands out.
        onwarn(warning, warn) {
          if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/')) return;
          warn(warning);
        },
      },
    },
  }),
  // The sources archive Firefox's review asks for: everything needed to rebuild, nothing generated.
  zip: {
    excludeSources: ['tests/**', 'docs/screenshots/**', 'assets/public/kb/**', 'bench-results/**', 'coverage/**', 'test-results/**', 'web-ext-artifacts/**', '**/.tmp/**'],
  },
  manifest: ({ browser }) => {
    // The card chunk (entrypoints/card-ui.ts): the content script imports it on
    // first need, and a content script's import() of an extension file is a
    // load by the page, so the file must be web-accessible to the pages the
    // content script runs on. Only that one file. Chrome also gets
    // use_dynamic_url: the file is reachable only at a per-session URL, so a
    // page cannot detect Backstory by probing its static URL.
    // The linker chunk (entrypoints/linker.ts) is imported the same way, before the first read.
    const cardChunk = { resources: ['card-ui.js', 'linker.js'], matches: ['<all_urls>'] };
    const common = {
      name: 'Backstory',
      description:
        'Context for news readers: who and what a report mentions, what other reports say, and how well each fact is supported. Works offline; sends nothing.',
      // storage: settings and per-site choices. Nothing else is asked for:
      // the content script is declared statically and the KB ships in the package.
      // contextMenus (issue #18): the page's "Save this page to Backstory…" item.
      permissions: ['storage', 'contextMenus'],
      // Issue #18: Save this page from the keyboard. Alt+Shift+S: the page's own keys are
      // Alt+Shift+N / Alt+Shift+P (lib/page/keyboard.ts), so no clash; the reader can change it.
      commands: {
        'save-page': { suggested_key: { default: 'Alt+Shift+S' }, description: 'Save this page to your Backstory reports' },
      },
      content_security_policy: {
        extension_pages: "script-src 'self'; object-src 'self'",
      },
    };
    if (browser === 'firefox') {
      return {
        ...common,
        web_accessible_resources: [cardChunk],
        browser_specific_settings: {
          gecko: {
            id: 'backstory@backstory.invalid',
            strict_min_version: '140.0',
            data_collection_permissions: { required: ['none'] },
          },
          // Desktop Firefox reads data_collection_permissions from 140 (the current ESR, Debian's firefox-esr),
          // Firefox for Android from 142.
          gecko_android: { strict_min_version: '142.0' },
        },
      };
    }
    return {
      ...common,
      permissions: [...common.permissions, 'sidePanel'],
      web_accessible_resources: [{ ...cardChunk, use_dynamic_url: true }],
    };
  },
});
