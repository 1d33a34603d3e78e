// DIAGNOSTIC ONLY: lib/page/text-blocks.ts with the proposed `iterateTextBlocks`
// (scripts/bench/fast-blocks.ts). The benchmark bundles a second copy of the
// page code in which lib/page/reader.ts imports this module instead, to measure
// what the change would be worth end to end. Not used by the extension.
export * from '../../lib/page/text-blocks';
export { fastTextBlocks as iterateTextBlocks } from './fast-blocks';
