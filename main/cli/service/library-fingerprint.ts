// What a change to a library changes on disk, as far as `list` and `search` can tell: every
// write journals its records (or rewrites the catalogue snapshot), and the search index
// rewrites its manifest whenever its segments change. Files are replaced by rename, so their
// inode changes too.
import { statSync } from 'node:fs';
import { join } from 'node:path';

const FILES = ['manifest.json', 'catalog.json', 'catalog.journal', join('index', 'manifest.json')];

/** A string that changes whenever the library's catalogue or index does. */
export function libraryFingerprint(dir: string): string {
  return FILES.map((name) => {
    try {
      const s = statSync(join(dir, name), { bigint: true });
      return `${s.ino}:${s.size}:${s.mtimeNs}`;
    } catch {
      return '-';
    }
  }).join('|');
}
