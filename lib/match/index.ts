// The core matcher: pure TypeScript, no DOM, no Node, no extension APIs.
export * from './types';
export { compileMatcher, createMatcher, hydrateMatcher, type Matcher } from './compile';
export { scan } from './scan';
export { createContextState, NEARBY_CHARS, resolveMentions, type ContextState } from './resolve';
export { aliasKey, defaultCaseSensitive } from './chars';
