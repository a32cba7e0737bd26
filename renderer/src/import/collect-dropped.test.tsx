// The renderer's walk of dropped folders applies the engine's rules (main/contract/import-rules.ts).
import { describe, expect, it } from 'vitest';
import { collectDropped } from './collect-dropped';

type Tree = { [name: string]: string | Tree };

/** A FileSystemEntry tree like a browser hands over for a dropped folder. */
function entry(name: string, node: string | Tree, parent = ''): FileSystemEntry {
  const fullPath = `${parent}/${name}`;
  if (typeof node === 'string') {
    const file = new File([node], name);
    return {
      name,
      fullPath,
      isFile: true,
      isDirectory: false,
      file: (ok: (f: File) => void) => ok(file),
    } as unknown as FileSystemEntry;
  }
  const children = Object.entries(node).map(([n, child]) => entry(n, child, fullPath));
  return {
    name,
    fullPath,
    isFile: false,
    isDirectory: true,
    createReader: () => {
      let given = false;
      return {
        readEntries: (ok: (batch: FileSystemEntry[]) => void) => {
          const batch = given ? [] : children;
          given = true;
          ok(batch);
        },
      };
    },
  } as unknown as FileSystemEntry;
}

const folder: Tree = {
  'README.md': '# About',
  'ORIGINAL-README.TXT': 'About',
  'LICENSE.txt': 'MIT',
  'a.txt': 'A\n\ntext',
  'b.pdf': '%PDF',
  '.git': { 'c.txt': 'hidden' },
  sub: { 'd.md': 'D\n\ntext' },
};

describe('collectDropped', () => {
  it("skips a dropped folder's README, licence, hidden folders and other files", async () => {
    const got = await collectDropped([entry('corpus', folder)], []);
    expect(got.files.map((f) => f.name)).toEqual(['corpus/a.txt', 'corpus/sub/d.md']);
    expect(got.skipped).toBe(5);
  });

  it('always takes a file dropped by itself, whatever its name', async () => {
    const got = await collectDropped([entry('README.md', '# About')], []);
    expect(got.files.map((f) => f.name)).toEqual(['README.md']);
    expect(got.skipped).toBe(0);
  });

  it('applies the same rules to a picked folder (webkitRelativePath)', async () => {
    const picked = (path: string): File => {
      const file = new File(['x'], path.split('/').pop() ?? path);
      Object.defineProperty(file, 'webkitRelativePath', { value: path });
      return file;
    };
    const files = ['.cache/a.txt', 'README.md', 'x/.git/b.txt', 'x/c.txt', 'x/LICENSE.md'].map(
      (p) => picked(`corpus/${p}`),
    );
    const got = await collectDropped(null, files);
    expect(got.files.map((f) => f.name)).toEqual(['corpus/x/c.txt']);
    expect(got.skipped).toBe(4);
  });
});
