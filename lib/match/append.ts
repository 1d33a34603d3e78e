import type { KbEntity } from '../kb/document';
import type { PackedMatcher } from './packed';
export function appendToPacked(packed: PackedMatcher, _entities: readonly KbEntity[]): PackedMatcher {
  return packed;
}
