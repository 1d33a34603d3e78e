import { defineConfig } from 'wxt';

// The manifest is a function of the target browser: Chrome gets `side_panel`,
// Firefox gets `sidebar_action` and its gecko settings; neither gets the other's keys.
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'assets/public',
  modules: ['@wxt-dev/webextension-polyfill'],
  // MV3 for both browsers: one background model (Chrome service worker, Firefox event page).
  manifestVersion: 3,
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    // No module-preload polyfill: it is a fetch() wrapper we don't need in extension pages.
    build: { chunkSizeWarningLimit: 1024, modulePreload: { polyfill: false } },
  }),
  // The sources archive Firefox's review asks for: everything needed to rebuild, nothing generated.
  zip: {
    excludeSources: ['tests/**', 'docs/screenshots/**', 'assets/public/kb/**', 'bench-results/**', 'coverage/**', 'test-results/**', 'web-ext-artifacts/**', '**/.tmp/**'],
  },
  manifest: ({ browser }) => {
    const common = {
      name: 'Backstory',
      description:
        'Context for news readers: who and what a report mentions, what other reports say, and how well each fact is supported. Works offline; sends nothing.',
      // storage: settings and per-site choices. Nothing else is asked for:
      // the content script is declared statically and the KB ships in the package.
      permissions: ['storage'],
      content_security_policy: {
        extension_pages: "script-src 'self'; object-src 'self'",
      },
    };
    if (browser === 'firefox') {
      return {
        ...common,
        browser_specific_settings: {
          gecko: {
            id: 'backstory@backstory.invalid',
            strict_min_version: '142.0',
            data_collection_permissions: { required: ['none'] },
          },
        },
      };
    }
    return { ...common, permissions: [...common.permissions, 'sidePanel'] };
  },
});
