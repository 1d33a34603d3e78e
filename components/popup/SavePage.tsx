// "Save this page" (issue #18): the page's article as Backstory read it, with
// its title, publisher and date from the page's metadata, all editable, then
// Save. Shown in the toolbar popup (its "Save this page…" button) and in the
// small window the context menu and the keyboard shortcut open. Only a
// person's click saves: the button ignores untrusted events.
import { useEffect, useId, useState } from 'preact/hooks';
import { describeOutcome, type AddOutcome } from '../../lib/reader-kb/add';
import type { DraftResult, SaveFields } from '../../lib/reader-kb/save';

export interface SavePageProps {
  /** Read the page and propose the report (lib/reader-kb/save.ts draftFromHtml). */
  load: () => Promise<DraftResult>;
  /** Store it (through the background, the same pipeline as an import). */
  save: (fields: SaveFields) => Promise<AddOutcome | { error: string }>;
  onDone: () => void;
}

type State = { step: 'reading' } | { step: 'failed'; reason: string } | { step: 'form' } | { step: 'saving' } | { step: 'saved'; outcome: AddOutcome };

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

export function SavePage({ load, save, onDone }: SavePageProps) {
  const id = useId();
  const [state, setState] = useState<State>({ step: 'reading' });
  const [fields, setFields] = useState<SaveFields>({ title: '', publisher: '', date: '', body: '', url: null });
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    load().then(
      (r) => {
        if (!alive) return;
        if (!r.ok) return setState({ step: 'failed', reason: r.reason });
        setFields({ title: r.draft.title, publisher: r.draft.publisher, date: r.draft.date, body: r.draft.body, url: r.draft.url });
        setState({ step: 'form' });
      },
      (e: unknown) => alive && setState({ step: 'failed', reason: `Backstory could not read this page (${(e as Error)?.message ?? 'no answer'}). Reload the page and try again.` }),
    );
    return () => {
      alive = false;
    };
  }, []);

  const field = (key: 'title' | 'publisher' | 'date', label: string, hint?: string) => (
    <label class="sv-field" for={`${id}-${key}`}>
      <span class="sv-label">{label}</span>
      <input
        id={`${id}-${key}`}
        class="sv-input"
        value={fields[key]}
        placeholder={hint}
        disabled={state.step === 'saving'}
        onInput={(e) => setFields({ ...fields, [key]: (e.target as HTMLInputElement).value })}
      />
    </label>
  );

  if (state.step === 'reading') {
    return (
      <p class="pp-found" role="status">
        Reading the article…
      </p>
    );
  }
  if (state.step === 'failed') {
    return (
      <div class="sv">
        <p class="sv-error" role="alert">
          {state.reason}
        </p>
        <button type="button" class="bp-btn" onClick={onDone}>
          Back
        </button>
      </div>
    );
  }
  if (state.step === 'saved') {
    const o = state.outcome;
    return (
      <div class="sv">
        <p class={o.status === 'added' ? 'pp-found pp-found-yes' : 'sv-error'} role="status" data-testid="save-result">
          {o.status === 'added' ? `Saved: “${o.title}”. Its names are marked on your open pages.` : describeOutcome(o)}
        </p>
        <button type="button" class="bp-btn" onClick={onDone}>
          Done
        </button>
      </div>
    );
  }
  return (
    <form
      class="sv"
      aria-label="Save this page"
      onSubmit={(e) => {
        e.preventDefault();
        // Only a person's own click or Enter saves (a synthetic event from a script is not trusted).
        if (!e.isTrusted || state.step !== 'form') return;
        setError(null);
        setState({ step: 'saving' });
        save(fields).then(
          (outcome) => {
            if ('error' in outcome) {
              setError(outcome.error);
              setState({ step: 'form' });
            } else setState({ step: 'saved', outcome });
          },
          (err: unknown) => {
            setError(`Not saved: ${(err as Error)?.message ?? 'the background did not answer'}. Nothing was lost; try again.`);
            setState({ step: 'form' });
          },
        );
      }}
    >
      {field('title', 'Title')}
      {field('publisher', 'Publisher')}
      {field('date', 'Date', 'YYYY-MM-DD')}
      <details class="sv-text">
        <summary>
          The article text ({words(fields.body).toLocaleString('en')} words)
        </summary>
        <textarea
          class="sv-input sv-body"
          aria-label="Article text"
          value={fields.body}
          rows={8}
          disabled={state.step === 'saving'}
          onInput={(e) => setFields({ ...fields, body: (e.target as HTMLTextAreaElement).value })}
        />
      </details>
      {error ? (
        <p class="sv-error" role="alert">
          {error}
        </p>
      ) : null}
      {fields.url ? <p class="pp-fine sv-url">From {fields.url}</p> : null}
      <p class="pp-fine">Kept in this browser only, with your other reports (Settings → Your reports).</p>
      <div class="pp-actions">
        <button type="submit" class="bp-btn bp-btn-primary" disabled={state.step === 'saving'}>
          {state.step === 'saving' ? 'Saving…' : 'Save'}
        </button>
        <button type="button" class="bp-btn" onClick={onDone} disabled={state.step === 'saving'}>
          Cancel
        </button>
      </div>
    </form>
  );
}
