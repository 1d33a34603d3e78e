// Deriving the reader's KB off the options page's main thread: the pipeline
// takes a few hundred milliseconds per report, which would freeze the page's
// progress bar and Cancel button. Started by ./page-env.ts.
import type { KbDocument } from '../kb/document';
import type { PackReport } from './pack';
import { deriveReaderKb, knownFromKb, type Review } from './pipeline';

/** The bundled KB comes with each request (validated by the page): a worker has no extension API to read the package. */
export type DeriveRequest = { id: number; bundled: KbDocument; reports: PackReport[]; review: Review };
export type DeriveReply = { id: number; ok: true; derived: ReturnType<typeof deriveReaderKb> } | { id: number; ok: false; error: string };

self.addEventListener('message', (event: MessageEvent<DeriveRequest>) => {
  const { id, bundled, reports, review } = event.data;
  void (async () => {
    try {
      const derived = deriveReaderKb(bundled, reports, knownFromKb(bundled), review);
      self.postMessage({ id, ok: true, derived } satisfies DeriveReply);
    } catch (error) {
      self.postMessage({ id, ok: false, error: (error as Error)?.message ?? String(error) } satisfies DeriveReply);
    }
  })();
});
