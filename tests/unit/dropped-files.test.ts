// Dropping a folder of reports on the options page (issue #18, point 2): every
// file under it is found, level by level and batch by batch, hidden ones left
// out; without the entries API the plain file list is used.
import { describe, expect, it } from 'vitest';
import { filesOf, takeDrop, type DroppedEntry } from '../../lib/ui/dropped-files';

const file = (name: string): DroppedEntry => ({ isFile: true, isDirectory: false, name, file: (ok) => ok(new File([`${name}\n\nbody`], name)) });
/** A folder whose reader hands out its entries in batches of `batch` (Chromium: 100), then an empty batch. */
const folder = (name: string, children: DroppedEntry[], batch = 100): DroppedEntry => ({
  isFile: false,
  isDirectory: true,
  name,
  createReader: () => {
    let at = 0;
    return {
      readEntries: (ok) => {
        const part = children.slice(at, at + batch);
        at += part.length;
        ok(part);
      },
    };
  },
});

describe('files of a drop', () => {
  it('reads folders every level down, in order, marking what came from inside a folder', async () => {
    const found = await filesOf([file('loose.txt'), folder('trial', [file('day-1.txt'), folder('exhibits', [file('a.html'), file('b.md')]), file('notes.pdf')])]);
    expect(found.map((f) => [f.file.name, f.inFolder])).toEqual([
      ['loose.txt', false],
      ['day-1.txt', true],
      ['a.html', true],
      ['b.md', true],
      ['notes.pdf', true],
    ]);
  });

  it('reads a big folder to the end, batch after batch', async () => {
    const many = Array.from({ length: 250 }, (_, i) => file(`r${i}.txt`));
    const found = await filesOf([folder('big', many, 100)]);
    expect(found).toHaveLength(250);
    expect(found.at(-1)!.file.name).toBe('r249.txt');
  });

  it('leaves out hidden files and folders', async () => {
    const found = await filesOf([folder('reports', [file('.DS_Store'), folder('.git', [file('config')]), file('one.txt')])]);
    expect(found.map((f) => f.file.name)).toEqual(['one.txt']);
  });

  it('takes the entries at drop time, and falls back to the file list without the entries API', async () => {
    const entry = folder('f', [file('x.txt')]);
    const withEntries = takeDrop({ items: [{ kind: 'file', webkitGetAsEntry: () => entry }, { kind: 'string' }] });
    expect((await withEntries.files()).map((f) => f.file.name)).toEqual(['x.txt']);
    const plain = takeDrop({ files: [new File(['a'], 'a.txt')] });
    expect((await plain.files()).map((f) => [f.file.name, f.inFolder])).toEqual([['a.txt', false]]);
  });
});
