// "Corrections" in settings (issue #14): every "Not this" the reader said on a
// card, as site, the words on the page, the entry they do not mean, and Undo.
// Undo brings the marks back in open tabs at once (they watch the stored
// corrections). Pure props: the list, the entries' names and the undo action
// come from the options page's wiring (entrypoints/options/main.tsx).
import type { Correction } from '../../lib/link/corrections';

export interface CorrectionsProps {
  corrections: readonly Correction[];
  /** The KB's display name of an entity, or its id while unknown. */
  nameOf: (entity: string) => string;
  onUndo: (c: Correction) => void;
}

export function Corrections({ corrections, nameOf, onUndo }: CorrectionsProps) {
  const list = [...corrections].sort((a, b) => b.at - a.at);
  return (
    <section class="op-card" aria-labelledby="op-h-corrections" data-setting="corrections">
      <h2 class="op-h" id="op-h-corrections">
        Corrections <span class="bp-count">{list.length}</span>
      </h2>
      <p class="op-sub">Names you told Backstory not to link (“Not this” on a card), per site. Kept on this device only; Undo brings the marks back.</p>
      {list.length ? (
        <table class="op-corrections">
          <thead>
            <tr>
              <th scope="col">Site</th>
              <th scope="col">Name</th>
              <th scope="col">Is not</th>
              <th scope="col">
                <span class="bp-sr">Undo</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((c) => (
              <tr key={`${c.site}\u0000${c.surface}\u0000${c.entity}`} data-correction={`${c.site} ${c.surface} ${c.entity}`}>
                <td>{c.site}</td>
                <td>“{c.surface}”</td>
                <td>{nameOf(c.entity)}</td>
                <td>
                  <button type="button" class="bp-btn" aria-label={`Undo: link “${c.surface}” to ${nameOf(c.entity)} on ${c.site} again`} onClick={() => onUndo(c)}>
                    Undo
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="bp-none">None yet. “Not this” on a card stops a name being linked on that site.</p>
      )}
    </section>
  );
}

