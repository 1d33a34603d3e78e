// Whether a file's bytes are a report we can read: not empty, not binary, not
// too large, valid text. Each problem is one line that names the file.

/** Reports larger than this are refused (a news report is a few tens of KB). */
export const MAX_REPORT_BYTES = 5 * 1024 * 1024;

export type Decoded = { ok: true; text: string } | { ok: false; error: string };

/** Decode a report's bytes as UTF-8 text, or say in one line why not. */
export function decodeReport(file: string, bytes: Uint8Array): Decoded {
  if (bytes.length > MAX_REPORT_BYTES) return { ok: false, error: `${file}: too large (${(bytes.length / 1024 / 1024).toFixed(1)} MB; the limit is 5 MB)` };
  if (bytes.length === 0) return { ok: false, error: `${file}: the file is empty` };
  if (bytes.includes(0)) return { ok: false, error: `${file}: a binary file, not plain text` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: `${file}: not valid UTF-8 text` };
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') return { ok: false, error: `${file}: the file has no text` };
  // Control characters other than tab and line breaks mark a binary file.
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127) control++;
  }
  if (control > Math.max(2, text.length / 1000)) return { ok: false, error: `${file}: a binary file, not plain text` };
  return { ok: true, text };
}
