// Helpers for facade tests: open a library with the fake index, write article files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LibraryEngine, OpenOptions } from '../../../main/core/engine';
import { openLibraryWith } from '../../../main/core/library/library-engine';
import { fakeDeps } from './fake-index';

/** Opens a library at `dir` with the in-memory fake index. */
export function openFake(dir: string, options: OpenOptions = {}): Promise<LibraryEngine> {
  return openLibraryWith(dir, options, fakeDeps());
}

/** Writes text files under `dir` and returns their paths. */
export function writeArticles(dir: string, files: Record<string, string | Uint8Array>): string[] {
  return Object.entries(files).map(([name, data]) => {
    const path = join(dir, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, data);
    return path;
  });
}

/** A distinct, plausible article text. */
export function article(n: number, title = `Article number ${n}`): string {
  return `${title}\n\nLONDON - This is the body of article ${n}, with enough words to read.\n\nA second paragraph for ${n}.`;
}
