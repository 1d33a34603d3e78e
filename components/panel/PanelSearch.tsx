// Search in the side panel (issue #18): names, claims and report text, over
// the bundled reports and the reader's own (lib/reader-kb/search.ts). The
// index is built the first time the field gets the focus. Results are
// buttons (Tab, or ↓ / ↑ from the field, moves through them; Esc goes back
// to the field, and there clears the search); a name opens its card over the report it is described from, a
// claim or a report opens the report at the quote.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { TYPE_LABEL } from '../../lib/shared/format';
import type { SearchIndex, SearchResults, SearchTarget } from '../../lib/reader-kb/search';

export interface PanelSearchProps {
  /** Build (or return the built) index. */
  load: () => Promise<SearchIndex>;
  onOpen: (target: SearchTarget) => void;
}

const EMPTY: SearchResults = { entities: [], claims: [], reports: [] };

function count(r: SearchResults): string {
  const parts = [
    [r.entities.length, 'name', 'names'],
    [r.claims.length, 'claim', 'claims'],
    [r.reports.length, 'report', 'reports'],
  ] as const;
  const found = parts.filter(([n]) => n > 0).map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
  return found.length ? `Found ${found.join(', ')}.` : 'Nothing found.';
}

export function PanelSearch({ load, onOpen }: PanelSearchProps) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState<SearchIndex | null>(null);
  const [state, setState] = useState<'idle' | 'building' | 'ready' | 'failed'>('idle');
  const [results, setResults] = useState<SearchResults>(EMPTY);
  const list = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);

  const ensure = () => {
    if (state === 'building') return;
    setState('building');
    load().then(
      (built) => {
        setIndex(built);
        setState('ready');
      },
      () => setState('failed'),
    );
  };
  useEffect(() => {
    setResults(index && query.trim() ? index.search(query) : EMPTY);
  }, [index, query]);

  const searching = query.trim() !== '';
  const status = state === 'building' ? 'Preparing the search…' : state === 'failed' ? 'The search could not be prepared.' : searching && index ? count(results) : '';
  const open = (target: SearchTarget) => onOpen(target);
  const hasResults = results.entities.length + results.claims.length + results.reports.length > 0;

  return (
    <div class="bp-search" role="search" aria-label="Search the reports">
      <input
        id={`${id}-q`}
        ref={input}
        class="bp-search-input"
        type="search"
        aria-label="Search names, claims and report text"
        placeholder="Search names, claims and reports"
        autocomplete="off"
        value={query}
        onFocus={ensure}
        onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && query) {
            e.preventDefault();
            e.stopPropagation();
            setQuery('');
          } else if (e.key === 'ArrowDown') {
            const first = list.current?.querySelector('button');
            if (first) {
              e.preventDefault();
              first.focus();
            }
          }
        }}
      />
      <p class="bp-sr" role="status" aria-live="polite">
        {status}
      </p>
      {status && state !== 'ready' ? <p class="bp-search-note">{status}</p> : null}
      {searching && index ? (
        <div
          class="bp-search-results"
          ref={list}
          onKeyDown={(e) => {
            // ↑ / ↓ move through the results; Esc goes back to the field.
            const buttons = [...(list.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
            const at = buttons.indexOf(e.target as HTMLButtonElement);
            if (at < 0) return;
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              const next = at + (e.key === 'ArrowDown' ? 1 : -1);
              if (next < 0) input.current?.focus();
              else buttons[Math.min(next, buttons.length - 1)]?.focus();
            } else if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              input.current?.focus();
            }
          }}
        >
          {!hasResults ? <p class="bp-search-note">Nothing in the reports matches “{query.trim()}”.</p> : null}
          {results.entities.length ? (
            <section aria-labelledby={`${id}-e`}>
              <h2 class="bp-search-h" id={`${id}-e`}>
                Names
              </h2>
              <ul class="bp-search-list" aria-labelledby={`${id}-e`}>
                {results.entities.map((h) => (
                  <li key={h.key}>
                    <button type="button" class="bp-search-hit" onClick={() => open(h.open)} aria-label={`${h.name}, ${TYPE_LABEL[h.type].toLowerCase()}: open its card`}>
                      <span class="bp-search-title">{h.name}</span> <span class="bp-search-meta">{TYPE_LABEL[h.type]}</span>
                      <span class="bp-search-snippet">{h.description}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {results.claims.length ? (
            <section aria-labelledby={`${id}-c`}>
              <h2 class="bp-search-h" id={`${id}-c`}>
                Claims
              </h2>
              <ul class="bp-search-list" aria-labelledby={`${id}-c`}>
                {results.claims.map((h) => (
                  <li key={h.key}>
                    <button type="button" class="bp-search-hit" onClick={() => open(h.open)}>
                      <span class="bp-search-snippet">“{h.text}”</span>
                      <span class="bp-search-meta">{h.report}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {results.reports.length ? (
            <section aria-labelledby={`${id}-r`}>
              <h2 class="bp-search-h" id={`${id}-r`}>
                Report text
              </h2>
              <ul class="bp-search-list" aria-labelledby={`${id}-r`}>
                {results.reports.map((h) => (
                  <li key={h.key}>
                    <button type="button" class="bp-search-hit" onClick={() => open(h.open)}>
                      <span class="bp-search-title">{h.title}</span>
                      <span class="bp-search-snippet">{h.snippet}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
