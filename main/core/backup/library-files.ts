// Which files of a library folder a backup holds: everything the user would miss (manifest,
// article files, saved searches, tag rules, …, including files later versions add), but not the
// caches rebuilt from the article files, the lock, or temp files of writes in progress.
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { SkippedFile } from '../../contract/backup';
import { errorMessage } from '../../contract/error-message';
import { isErrno } from '../errno';
import { ArchiveError } from '../errors';
import { isTempName } from '../store/atomic-write';
import { LOCK_NAME } from '../store/lock';
import { DATE_FINDER_MARK_FILE } from '../library/date-finder-mark';
import { isPortableSegment } from './entry-name';

/**
 * Top-level names left out: caches rebuilt from the article files on open (catalogue, search
 * index, version signatures, entity cache), the dates mark (without it the next reindex finds
 * every date again) and the writer's lock. Leaving the caches out keeps a backup small and
 * always consistent: a writer replaces them while they would be read.
 */
const LEFT_OUT = new Set([
  LOCK_NAME,
  'catalog.json',
  'catalog.journal',
  'index',
  'versions.bin',
  'entities.json',
  DATE_FINDER_MARK_FILE,
]);

/** True when a top-level name of the library folder is left out of backups. */
export function isLeftOut(name: string): boolean {
  return LEFT_OUT.has(name) || name.startsWith(`${LOCK_NAME}.`);
}

export interface LibraryFileList {
  /** Paths relative to the library folder, "/"-separated, in a stable order. */
  files: string[];
  /** Files that cannot go into a backup (a link, a name not portable to every OS). */
  skipped: SkippedFile[];
}

/** Lists the files a backup of the library at `dir` holds. */
export async function listLibraryFiles(dir: string): Promise<LibraryFileList> {
  const files: string[] = [];
  const skipped: SkippedFile[] = [];
  await walk(dir, '', files, skipped);
  return { files, skipped };
}

async function walk(
  dir: string,
  prefix: string,
  files: string[],
  skipped: SkippedFile[],
): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(join(dir, prefix), { withFileTypes: true });
  } catch (e) {
    // A folder removed while listed (an emptied shard) has nothing left to back up.
    if (prefix !== '' && isErrno(e, 'ENOENT')) return;
    throw new ArchiveError(
      'IO',
      `Cannot list ${join(dir, prefix)} for the backup: ${errorMessage(e)}`,
    );
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const name = entry.name;
    const path = prefix === '' ? name : `${prefix}/${name}`;
    // Temp files are writes in progress (or a crash's leftovers); dotfiles are no library's.
    if (isTempName(name) || name.startsWith('.')) continue;
    if (prefix === '' && isLeftOut(name)) continue;
    // A pack's index is a cache of the pack beside it, read again from the pack when missing.
    if (prefix === 'articles/packs' && name.endsWith('.idx')) continue;
    if (!isPortableSegment(name)) {
      skipped.push({ path, reason: 'its name is not portable to every OS' });
    } else if (entry.isDirectory()) {
      await walk(dir, path, files, skipped);
    } else if (entry.isFile()) {
      files.push(path);
    } else {
      skipped.push({ path, reason: 'not a regular file (a link or a device)' });
    }
  }
}
