// Deriving the reader's KB off the options page's main thread: the pipeline
// takes a few hundred milliseconds per report, which would freeze the page's
// progress bar and Cancel button. Started by ./page-env.ts.
import { parseKbDocument, type KbDocument } from '../kb/document';
import type { PackReport } from './pack';
import { deriveReaderKb, knownFromKb, type Review } from './pipeline';

export type DeriveRequest = { id: number; bundleUrl: string; reports: PackReport[]; review: Review };
export type DeriveReply = { id: number; ok: true; derived: ReturnType<typeof deriveReaderKb> } | { id: number; ok: false; error: string };

let bundled: Promise<KbDocument> | null = null;

self.addEventListener('message', (event: MessageEvent<DeriveRequest>) => {
  const { id, bundleUrl, reports, review } = event.data;
  void (async () => {
    try {
      bundled ??= fetch(bundleUrl).then(async (r) => parseKbDocument(await r.json()));
      const kb = await bundled;
      const derived = deriveReaderKb(kb, reports, knownFromKb(kb), review);
      self.postMessage({ id, ok: true, derived } satisfies DeriveReply);
    } catch (error) {
      bundled = null;
      self.postMessage({ id, ok: false, error: (error as Error)?.message ?? String(error) } satisfies DeriveReply);
    }
  })();
});
