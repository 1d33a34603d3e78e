// The files of a drop on an extension page, folders included: a dropped folder
// arrives in `dataTransfer.files` as one empty entry, so its files are read
// through the entries API (`webkitGetAsEntry`, in Chromium and Firefox), every
// level down. The entries must be taken synchronously in the drop handler
// (the DataTransfer is emptied once it returns); reading them is async.

/** The parts of the entries API this uses (FileSystemEntry and friends). */
export interface DroppedEntry {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  file?(success: (file: File) => void, failure?: (error: unknown) => void): void;
  createReader?(): { readEntries(success: (entries: DroppedEntry[]) => void, failure?: (error: unknown) => void): void };
}

interface DropItems {
  items?: ArrayLike<{ kind: string; webkitGetAsEntry?(): unknown }>;
  files?: ArrayLike<File>;
}

/** Take the drop's entries now (call in the drop handler, before any await); `files()` reads them. */
export function takeDrop(data: DropItems | null | undefined): { files(): Promise<DroppedFile[]> } {
  const entries: DroppedEntry[] = [];
  for (const item of Array.from(data?.items ?? [])) {
    const entry = item.kind === 'file' ? (item.webkitGetAsEntry?.() as DroppedEntry | null | undefined) : null;
    if (entry) entries.push(entry);
  }
  // Without the entries API: the plain file list (folders cannot be read then).
  const plain = Array.from(data?.files ?? []);
  return { files: () => (entries.length ? filesOf(entries) : Promise.resolve(plain.map((file) => ({ file, inFolder: false })))) };
}

export interface DroppedFile {
  file: File;
  /** Found inside a dropped folder (not dropped itself). */
  inFolder: boolean;
}

/** Every file under these entries, in order, folders read recursively; hidden files and folders (".git") are left out. */
export async function filesOf(entries: readonly DroppedEntry[], inFolder = false): Promise<DroppedFile[]> {
  const out: DroppedFile[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    if (entry.isFile && entry.file) {
      out.push({ file: await new Promise<File>((resolve, reject) => entry.file!(resolve, reject)), inFolder });
    } else if (entry.isDirectory && entry.createReader) {
      const reader = entry.createReader();
      // readEntries returns a folder's entries in batches (100 in Chromium) until an empty one.
      for (;;) {
        const batch = await new Promise<DroppedEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
        if (!batch.length) break;
        out.push(...(await filesOf(batch, true)));
      }
    }
  }
  return out;
}
