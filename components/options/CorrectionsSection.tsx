// The "Corrections" section wired to the extension: the stored corrections
// (lib/ui/corrections-store.ts, watched, so a "Not this" in a tab shows here
// at once) and the entries' names from the KB (the background's cards).
import { useEffect, useState } from 'preact/hooks';
import type { CorrectionsFile } from '../../lib/link/corrections';
import { sendMessage } from '../../lib/shared/messages';
import { loadCorrections, undoCorrection, watchCorrections } from '../../lib/ui/corrections-store';
import { Corrections } from './Corrections';

export function CorrectionsSection() {
  const [file, setFile] = useState<CorrectionsFile | null>(null);
  const [names, setNames] = useState<Record<string, string>>({});
  useEffect(() => {
    void loadCorrections().then(setFile);
    return watchCorrections(setFile);
  }, []);
  const missing = [...new Set((file?.corrections ?? []).map((c) => c.entity))].filter((id) => !(id in names));
  useEffect(() => {
    if (missing.length === 0) return;
    sendMessage('getCards', { ids: missing }).then(
      (cards) => setNames((n) => ({ ...n, ...Object.fromEntries(missing.map((id, i) => [id, cards[i]?.name ?? id])) })),
      () => setNames((n) => ({ ...n, ...Object.fromEntries(missing.map((id) => [id, id])) })),
    );
  }, [missing.join('\u0000')]);
  if (!file) return null;
  return <Corrections corrections={file.corrections} nameOf={(id) => names[id] ?? id} onUndo={(c) => void undoCorrection(c).then(setFile)} />;
}
