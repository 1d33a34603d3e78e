// "Your reports" on the options page (issue #18): add reports from files or a
// folder (or by dropping them), see each file's result, export the pack,
// import a pack (what it adds and what conflicts is shown first), delete one
// report or all of them. Takes the library (lib/reader-kb/library.ts) as a
// prop; the page wires it to IndexedDB.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { describeOutcome, type AddOutcome } from '../../lib/reader-kb/add';
import type { FileLike, PackPlan, ReaderLibrary } from '../../lib/reader-kb/library';
import type { Pack, PackEntity, PackReport } from '../../lib/reader-kb/pack';
import { ENTITY_TYPES, type EntityType } from '../../lib/kb/schema';
import { takeDrop } from '../../lib/ui/dropped-files';

export interface YourReportsProps {
  library: Pick<ReaderLibrary, 'importFiles' | 'list' | 'deleteAll' | 'deleteReports' | 'exportPack' | 'planPackImport' | 'applyPackImport' | 'review'>;
  /** Offer the pack to the reader as a download. */
  download: (pack: Pack) => void;
}

const asFileLike = (f: File): FileLike => ({ name: f.webkitRelativePath || f.name, size: f.size, bytes: async () => new Uint8Array(await f.arrayBuffer()) });
const isReport = (f: File) => /\.(txt|html?|md)$/i.test(f.name);

/** One name the reader's reports added, with the reader's review actions. */
type ReviewAction = { reject: true } | { rename: string } | { type: EntityType } | { mergeInto: string };

function NameReview({ entity, others, onReview }: { entity: PackEntity; others: PackEntity[]; onReview: (action: ReviewAction) => Promise<void> }) {
  const [renaming, setRenaming] = useState(false);
  const [text, setText] = useState(entity.name);
  const [busy, setBusy] = useState(false);
  const run = (action: Parameters<typeof onReview>[0]) => {
    setBusy(true);
    void onReview(action).finally(() => setBusy(false));
  };
  return (
    <li class="op-site yr-name">
      {renaming ? (
        <form
          class="yr-rename"
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim() === '') return;
            setRenaming(false);
            run({ rename: text });
          }}
        >
          <input class="op-input" value={text} aria-label={`New name for ${entity.name}`} onInput={(e) => setText((e.target as HTMLInputElement).value)} />
          <button type="submit" class="bp-btn op-remove">
            Save
          </button>
          <button type="button" class="bp-btn op-remove" onClick={() => setRenaming(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <span>{entity.name}</span>
      )}
      <span class="yr-name-actions">
        <select class="op-input yr-type" aria-label={`Type of ${entity.name}`} value={entity.type} disabled={busy} onChange={(e) => run({ type: (e.target as HTMLSelectElement).value as EntityType })}>
          {ENTITY_TYPES.map((t) => (
            <option value={t} key={t}>
              {t}
            </option>
          ))}
        </select>
        <select
          class="op-input yr-type"
          aria-label={`Merge ${entity.name} into another name`}
          value=""
          disabled={busy || others.length === 0}
          onChange={(e) => {
            const into = (e.target as HTMLSelectElement).value;
            if (into) run({ mergeInto: into });
          }}
        >
          <option value="">Merge into…</option>
          {others.map((o) => (
            <option value={o.id} key={o.id}>
              {o.name}
            </option>
          ))}
        </select>
        <button type="button" class="bp-btn op-remove" disabled={busy} onClick={() => setRenaming(true)} aria-label={`Rename ${entity.name}`}>
          Rename…
        </button>
        <button type="button" class="bp-btn op-remove" disabled={busy} onClick={() => run({ reject: true })} aria-label={`Reject ${entity.name}: not a name`}>
          Reject
        </button>
      </span>
    </li>
  );
}

function Results({ outcomes }: { outcomes: AddOutcome[] }) {
  if (outcomes.length === 0) return null;
  return (
    <ul class="yr-results" aria-label="Results">
      {outcomes.map((o, i) => (
        <li class={`yr-result yr-${o.status}`} key={`${o.file}-${i}`}>
          <span class="yr-file">{o.file}</span> <span class="yr-outcome">{describeOutcome(o)}</span>
        </li>
      ))}
    </ul>
  );
}

export function YourReports({ library, download }: YourReportsProps) {
  const id = useId();
  const [reports, setReports] = useState<PackReport[]>([]);
  const [entities, setEntities] = useState<PackEntity[]>([]);
  const [allEntities, setAllEntities] = useState<PackEntity[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [outcomes, setOutcomes] = useState<AddOutcome[]>([]);
  const [status, setStatus] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [plan, setPlan] = useState<PackPlan | null>(null);
  const [replace, setReplace] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const supportsFolders = typeof HTMLInputElement !== 'undefined' && 'webkitdirectory' in HTMLInputElement.prototype;

  const refresh = async () => {
    const list = await library.list();
    setReports(list.reports);
    setEntities(list.entities.filter((e) => e.isNew));
    setAllEntities([...list.entities].sort((a, b) => a.name.localeCompare(b.name)));
  };
  useEffect(() => {
    void refresh();
  }, []);

  async function importFiles(files: File[]) {
    if (files.length === 0 || progress) return;
    setError(null);
    setPlan(null);
    setOutcomes([]);
    const controller = new AbortController();
    abort.current = controller;
    setProgress({ done: 0, total: files.length });
    setStatus(`Adding ${files.length} file${files.length === 1 ? '' : 's'}…`);
    const seen: AddOutcome[] = [];
    let summary = '';
    try {
      const { outcomes: all, cancelled } = await library.importFiles(files.map(asFileLike), {
        signal: controller.signal,
        onProgress: (p) => {
          seen.push(p.outcome);
          setOutcomes([...seen]);
          setProgress({ done: p.done, total: p.total });
        },
      });
      const count = (s: AddOutcome['status']) => all.filter((o) => o.status === s).length;
      summary = `${cancelled ? 'Cancelled. ' : ''}${count('added')} added, ${count('duplicate')} skipped as duplicates, ${count('failed')} failed${cancelled ? `, ${files.length - all.length} not read` : ''}.`;
    } catch (e) {
      setError(`The import stopped: ${(e as Error)?.message ?? String(e)}. Reports added before this are kept.`);
    } finally {
      abort.current = null;
      // The list first, then the announcement: what the status says is already on screen.
      await refresh();
      setProgress(null);
      setStatus(summary);
    }
  }

  async function choosePack(file: File | undefined) {
    if (!file) return;
    setError(null);
    setOutcomes([]);
    const planned = await library.planPackImport(await file.text());
    if (!planned.ok) {
      setPlan(null);
      setError(`${file.name}: ${planned.error}`);
      return;
    }
    setReplace(new Set());
    setPlan(planned.plan);
  }

  async function applyPlan() {
    if (!plan) return;
    const done = await library.applyPackImport(plan, replace);
    setPlan(null);
    setOutcomes(done);
    const added = done.filter((o) => o.status === 'added').length;
    await refresh();
    setStatus(`Pack imported: ${added} report${added === 1 ? '' : 's'} added.`);
  }

  const onFiles = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    void importFiles(files);
  };

  return (
    <section
      class={`op-card yr${dragging ? ' yr-drop' : ''}`}
      aria-labelledby={`${id}-h`}
      onDragOver={(e) => {
        if (!e.dataTransfer?.types.includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        // Folders too: their reports (.txt, .html, .md), every level down; a file dropped itself is tried
        // whatever its name (a wrong one gets its reason).
        const dropped = takeDrop(e.dataTransfer);
        void dropped.files().then((found) => importFiles(found.filter((d) => !d.inFolder || isReport(d.file)).map((d) => d.file)));
      }}
    >
      <h2 class="op-h" id={`${id}-h`}>
        Your reports
      </h2>
      <p class="op-help">
        Reports you add are read the way Backstory reads its own: the names in them are marked on pages, and their cards cite your reports. They stay on this device. Plain text is read as a headline line, a blank line, then the body.
      </p>

      <div class="yr-pickers">
        <label class="yr-pick">
          <span class="op-label">Add reports (.txt, .html, .md)</span>
          <input type="file" multiple accept=".txt,.html,.md" disabled={!!progress} onChange={onFiles} data-testid="report-files" />
        </label>
        {supportsFolders ? (
          <label class="yr-pick">
            <span class="op-label">Add a folder</span>
            <input
              type="file"
              {...{ webkitdirectory: '' }}
              disabled={!!progress}
              onChange={(e) => {
                const input = e.target as HTMLInputElement;
                const files = [...(input.files ?? [])].filter(isReport);
                input.value = '';
                void importFiles(files);
              }}
            />
          </label>
        ) : null}
      </div>
      <p class="op-help">Or drop files or folders here. Files over 5 MB, binary files and empty files are refused with a reason; the others are still added.</p>

      {progress ? (
        <div class="yr-progress">
          <progress max={progress.total} value={progress.done} aria-label="Import progress" />
          <span>
            {progress.done} of {progress.total}
          </span>
          <button type="button" class="bp-btn" onClick={() => abort.current?.abort()}>
            Cancel
          </button>
        </div>
      ) : null}
      <p class="op-status" role="status" aria-live="polite">
        {status}
      </p>
      {error ? (
        <p class="op-error" role="alert">
          {error}
        </p>
      ) : null}
      <Results outcomes={outcomes} />

      {plan ? (
        <div class="yr-plan" role="group" aria-label="Pack to import">
          <p>
            This pack adds {plan.adds.length} report{plan.adds.length === 1 ? '' : 's'}
            {plan.duplicates.length ? `; ${plan.duplicates.length} you already have will be skipped` : ''}
            {plan.conflicts.length ? `; ${plan.conflicts.length} differ from your copy (choose below)` : ''}.
          </p>
          {plan.adds.length ? (
            <ul class="yr-list" aria-label="Reports the pack adds">
              {plan.adds.map((r) => (
                <li key={r.id}>{r.title}</li>
              ))}
            </ul>
          ) : null}
          {plan.duplicates.length ? (
            <ul class="yr-list" aria-label="Already here">
              {plan.duplicates.map((d) => (
                <li key={d.report.id}>
                  {d.report.title}: {d.reason}
                </li>
              ))}
            </ul>
          ) : null}
          {plan.conflicts.map((c) => (
            <label class="op-check" key={c.theirs.id}>
              <input
                type="checkbox"
                checked={replace.has(c.theirs.id)}
                onChange={(e) => {
                  const next = new Set(replace);
                  if ((e.target as HTMLInputElement).checked) next.add(c.theirs.id);
                  else next.delete(c.theirs.id);
                  setReplace(next);
                }}
              />
              Replace my copy of “{c.mine.title}” with the pack’s “{c.theirs.title}”
            </label>
          ))}
          <div class="yr-actions">
            <button type="button" class="bp-btn" onClick={() => void applyPlan()} disabled={plan.adds.length + replace.size === 0}>
              Add {plan.adds.length + replace.size} report{plan.adds.length + replace.size === 1 ? '' : 's'}
            </button>
            <button type="button" class="bp-btn" onClick={() => setPlan(null)}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}

      <div class="yr-saved">
        <h3 class="op-subhead">
          {reports.length} report{reports.length === 1 ? '' : 's'} added by you{entities.length ? `, ${entities.length} new name${entities.length === 1 ? '' : 's'}` : ''}
        </h3>
        {reports.length ? (
          <ul class="yr-list" aria-label="Your reports">
            {reports.map((r) => (
              <li class="op-site" key={r.id}>
                <span>{r.title}</span>
                <button type="button" class="bp-btn op-remove" aria-label={`Delete “${r.title}”`} onClick={() => void library.deleteReports([r.id]).then(refresh)}>
                  Delete
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p class="op-empty">None yet.</p>
        )}
        {entities.length ? (
          <>
            <h3 class="op-subhead">Names your reports added</h3>
            <p class="op-help">Rejected names are never proposed again, also when you import the report again. Merging makes a name another form of the one you choose.</p>
            <ul class="yr-list" aria-label="Names your reports added">
              {entities.map((e) => (
                <NameReview
                  key={e.id}
                  entity={e}
                  others={allEntities.filter((o) => o.id !== e.id)}
                  onReview={async (action) => {
                    await library.review(e, action);
                    await refresh();
                    setStatus(
                      'reject' in action
                        ? `“${e.name}” rejected.`
                        : 'rename' in action
                          ? `Renamed to “${action.rename.trim()}”.`
                          : 'mergeInto' in action
                            ? `“${e.name}” merged into “${allEntities.find((o) => o.id === action.mergeInto)?.name ?? action.mergeInto}”.`
                            : `“${e.name}”: type changed to ${action.type}.`,
                    );
                  }}
                />
              ))}
            </ul>
          </>
        ) : null}
      </div>

      <div class="yr-actions">
        <button type="button" class="bp-btn" onClick={() => void library.exportPack().then(download)}>
          Export…
        </button>
        <label class="yr-pick">
          <span class="op-label">Import a pack</span>
          <input
            type="file"
            accept=".json,application/json"
            onChange={(e) => {
              const input = e.target as HTMLInputElement;
              const f = input.files?.[0];
              input.value = '';
              void choosePack(f);
            }}
          />
        </label>
        {confirming ? (
          <span class="op-confirm" role="group" aria-label="Confirm delete">
            <span>
              Delete all {reports.length} of your reports and the names they added? This cannot be undone; export first to keep a copy.
            </span>
            <button
              type="button"
              class="bp-btn op-danger"
              onClick={() => {
                setConfirming(false);
                void library.deleteAll().then(async () => {
                  setOutcomes([]);
                  await refresh();
                  setStatus('All your reports were deleted.');
                });
              }}
            >
              Delete all
            </button>
            <button type="button" class="bp-btn" onClick={() => setConfirming(false)}>
              Keep them
            </button>
          </span>
        ) : (
          <button type="button" class="bp-btn op-danger" onClick={() => setConfirming(true)} disabled={reports.length === 0}>
            Delete all my reports…
          </button>
        )}
      </div>
    </section>
  );
}
