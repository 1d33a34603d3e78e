// The per-site list: the sites listed for the current mode, each with a
// remove button, and a field to add one, validated with a clear error. Pure
// props (the typed text and its error are local UI state).
import { useId, useRef, useState } from 'preact/hooks';
import { parseHostInput } from '../../lib/shared/settings';

export interface SiteListProps {
  sites: readonly string[];
  mode: 'all-except' | 'only-allowed';
  onAdd: (host: string) => void;
  onRemove: (host: string) => void;
}

export function SiteList({ sites, mode, onAdd, onRemove }: SiteListProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const noun = mode === 'all-except' ? 'Sites where Backstory is off' : 'Sites where Backstory runs';
  const submit = (e: Event) => {
    e.preventDefault();
    const result = parseHostInput(text, sites);
    if (!result.ok) {
      setError(result.error);
      input.current?.focus();
      return;
    }
    setError(null);
    setText('');
    onAdd(result.host);
  };
  return (
    <div class="op-sites" data-setting="sites">
      <h3 class="op-subhead" id={`${id}-h`}>
        {noun} <span class="bp-count">{sites.length}</span>
      </h3>
      {sites.length ? (
        <ul class="op-site-list" aria-labelledby={`${id}-h`}>
          {sites.map((s) => (
            <li class="op-site" key={s}>
              <span class="op-site-name">{s}</span>
              <button type="button" class="bp-btn op-remove" aria-label={`Remove ${s}`} onClick={() => onRemove(s)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="op-empty">{mode === 'all-except' ? 'None: Backstory runs on every site.' : 'None yet: Backstory runs nowhere until you add a site.'}</p>
      )}
      <form class="op-add" onSubmit={submit} noValidate>
        <label class="op-label" for={`${id}-in`}>
          Add a site
        </label>
        <div class="op-add-row">
          <input
            ref={input}
            id={`${id}-in`}
            class={`op-input${error ? ' op-invalid' : ''}`}
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            placeholder="example.com"
            value={text}
            aria-invalid={error ? 'true' : 'false'}
            aria-describedby={`${id}-help${error ? ` ${id}-err` : ''}`}
            onInput={(e) => {
              setText((e.target as HTMLInputElement).value);
              if (error) setError(null);
            }}
          />
          <button type="submit" class="bp-btn">
            Add
          </button>
        </div>
        <p class="op-help" id={`${id}-help`}>
          A site includes its subdomains: example.com also covers news.example.com. You can paste a page’s address.
        </p>
        {error ? (
          <p class="op-error" id={`${id}-err`} role="alert">
            {error}
          </p>
        ) : null}
      </form>
    </div>
  );
}
