// Walks a watched folder for its article files with their stamps, one folder listing at a
// time, so a folder of any size is never held in memory at once. Hidden folders are skipped
// as the import skips them; links are not followed (a link could lead anywhere, or in a loop).
import type { Dirent } from 'node:fs';
import { opendir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { errorMessage } from '../../contract/error-message';
import { isArticleName, isSkippedFolderName } from '../../contract/import-rules';
import type { FileStamp } from './seen-files';

/** An article file found in a watched folder. */
export interface ScannedFile {
  path: string;
  stamp: FileStamp;
}

/** A folder or file the scan could not read; the scan goes on without it. */
export interface ScanProblem {
  path: string;
  message: string;
}

/** Yields every article file under `root`; problems go to `onProblem`, never stop the walk. */
export async function* scanFolder(
  root: string,
  onProblem: (problem: ScanProblem) => void,
  skip: (path: string) => boolean = () => false,
): AsyncGenerator<ScannedFile> {
  const folders = [root];
  while (folders.length > 0) {
    const dir = folders.pop()!;
    let handle;
    try {
      handle = await opendir(dir, { bufferSize: 64 });
    } catch (e) {
      onProblem({ path: dir, message: `cannot read the folder: ${errorMessage(e)}` });
      continue;
    }
    try {
      for await (const entry of handle as AsyncIterable<Dirent>) {
        const path = join(dir, entry.name);
        if (skip(path)) continue;
        if (entry.isDirectory()) {
          if (!isSkippedFolderName(entry.name)) folders.push(path);
        } else if (entry.isFile() && isArticleName(entry.name)) {
          const found = await stampOf(path);
          if (found) yield { path, stamp: found };
        }
      }
    } catch (e) {
      onProblem({ path: dir, message: `cannot list the folder: ${errorMessage(e)}` });
    }
  }
}

/** A file's size and modification time, or null when it is gone or not a regular file. */
export async function stampOf(path: string): Promise<FileStamp | null> {
  try {
    const s = await stat(path);
    return s.isFile() ? { size: s.size, mtimeMs: s.mtimeMs } : null;
  } catch {
    return null;
  }
}
