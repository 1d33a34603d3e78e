// Writing the reader's KB off the options page's main thread: the pipeline
// takes a few hundred milliseconds per report, which would freeze the page's
// progress bar and Cancel button. Started by ./page-env.ts.
import type { KbDocument } from '../kb/document';
import { updateReaderKb, type UpdateInput, type UpdateResult } from './incremental';

/** The bundled KB comes with each request (validated by the page): a worker has no extension API to read the package. */
export type DeriveRequest = { id: number; bundled: KbDocument; input: UpdateInput };
export type DeriveReply = { id: number; ok: true; result: UpdateResult } | { id: number; ok: false; error: string };

self.addEventListener('message', (event: MessageEvent<DeriveRequest>) => {
  const { id, bundled, input } = event.data;
  try {
    const result = updateReaderKb(bundled, input);
    self.postMessage({ id, ok: true, result } satisfies DeriveReply);
  } catch (error) {
    self.postMessage({ id, ok: false, error: (error as Error)?.message ?? String(error) } satisfies DeriveReply);
  }
});
