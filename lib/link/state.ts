// The page linker's state (lib/link/linker.ts), kept apart from the linker so
// that the content script's core (the reader) can create it without bundling
// the linker, which it loads as a chunk (lib/link/chunk.ts).
import { createContextState, type ContextState } from '../match/resolve';

export type RejectReason = 'case' | 'capitals' | 'longer-name' | 'other-person' | 'other-place' | 'regnal-number' | 'named-thing' | 'claimed' | 'no-introduction' | 'no-context' | 'needs-context' | 'corrected';

/** A candidate the linker found and did not link. */
export interface Rejected {
  start: number;
  end: number;
  surface: string;
  alias: number;
  /** The KB entities the words could have named. */
  candidates: string[];
  reason: RejectReason;
  /** The other name ("Hunter Biden", "Toledo, Ohio"), or for 'claimed' the entity id or name that claimed it. */
  name?: string;
}

export interface Claim {
  /** The KB entity the alias means from here on, or null for another one. */
  id: string | null;
  name: string;
  /** Made by the page title: the page's subject keeps the name ("The private life of Xi Mingze"). */
  sticky?: boolean;
}

/** Page-level linker state; one per page (or SPA view). Extends the matcher's context state. */
export interface LinkState extends ContextState {
  title: string;
  titleDone: boolean;
  /** Entities linked on the page so far (title included). */
  evidence: Set<string>;
  /** Entities linked in the title; entities a name in the title could be (a headline often uses the surname). */
  titleLinked: Set<string>;
  titleNamed: Set<string>;
  titleWords: Set<string>;
  /** Alias → who it means on this page from now on. */
  claims: Map<number, Claim>;
  /** Candidates not linked, in reading order (capped at 500). */
  rejected: Rejected[];
}

export function createLinkState(title = ''): LinkState {
  return { ...createContextState(), title, titleDone: false, evidence: new Set(), titleLinked: new Set(), titleNamed: new Set(), titleWords: new Set(), claims: new Map(), rejected: [] };
}

