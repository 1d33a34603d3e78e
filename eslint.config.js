import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'assets/public/kb/', 'coverage/', 'bench-results/', '**/.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Page text and report text are untrusted: never parse them as HTML or code.
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Untrusted text: use textContent or Preact.' },
        { property: 'outerHTML', message: 'Untrusted text: use textContent or Preact.' },
        { property: 'insertAdjacentHTML', message: 'Untrusted text: use textContent or Preact.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Untrusted text: render it as text.' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Folders say where code runs (each folder's README): what may import what.
  {
    files: ['lib/page/core/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { group: ['preact', 'preact/*', '@floating-ui/*', '**/components/**', '../card/*', '**/page/card/*'], allowTypeImports: true, message: 'lib/page/core runs in every page: the card UI loads lazily (lib/page/card, card-ui.ts).' },
          { group: ['zod', 'zod/*', 'webextension-polyfill', '@wxt-dev/webextension-polyfill', 'flexsearch', '@mozilla/readability', 'idb'], message: 'lib/page/core runs in every page and stays small: no zod, polyfill, search, Readability or IndexedDB here.' },
        ],
      }],
    },
  },
  {
    files: ['lib/page/card/**', 'lib/link/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{ group: ['**/background/**', '**/db/**', '**/panel/**', '**/ui/**', 'idb'], allowTypeImports: true, message: 'Page code talks to the background by message only.' }],
      }],
    },
  },
  {
    files: ['components/panel/**', 'components/popup/**', 'components/options/**', 'components/welcome/**', 'lib/panel/**', 'lib/ui/**', 'lib/reader-kb/**', 'entrypoints/sidepanel/**', 'entrypoints/popup/**', 'entrypoints/options/**', 'entrypoints/welcome/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{ group: ['**/page/core/**', '**/page/card/**', '@/lib/page/**'], allowTypeImports: true, message: 'Extension pages do not import page code: ask the page through the panel bridge (lib/shared/messages.ts).' }],
      }],
    },
  },
  {
    files: ['lib/background/**', 'entrypoints/background.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{ group: ['preact', 'preact/*', '**/components/**', '**/page/core/**', '**/page/card/**', '@/lib/page/**'], allowTypeImports: true, message: 'The background has no DOM and no page code.' }],
      }],
    },
  },
  {
    files: ['lib/shared/**', 'lib/kb/**', 'lib/match/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{ group: ['preact', 'preact/*', '**/components/**', '**/page/**', '**/background/**', '**/db/**', '**/panel/**', '**/ui/**', 'idb', 'wxt/*', '@wxt-dev/*'], allowTypeImports: true, message: 'Shared, KB and matcher code is pure: it runs in every context and in Node.' }],
      }],
    },
  },
  {
    files: ['scripts/**', 'tests/**', '*.config.*'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
