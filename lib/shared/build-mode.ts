/// <reference types="vite/client" />
// Which build this is. `import.meta.env.MODE` is replaced by a literal at build
// time ('production' for `npm run build`, 'debug' for `npm run build:debug`,
// 'test' under vitest), so code behind `if (DEBUG)` is dropped from releases.
// (lib/page/core/debug.ts has its own copy: the content script's bundle folds it
// in place.)
export const DEBUG: boolean = import.meta.env.MODE !== 'production';
