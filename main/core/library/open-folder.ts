// Gets a folder ready to be a library: exists, has a manifest, is locked, has no temp debris.
import { mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { errorMessage } from '../../contract/error-message';
import { isErrno } from '../errno';
import { ArchiveError } from '../errors';
import { sweepTempFiles, isTempName } from '../store/atomic-write';
import { acquireLock, type LibraryLock } from '../store/lock';
import { readManifest, writeManifest } from '../store/manifest';
import { markDatesCurrent } from './date-finder-mark';

// Names a library folder may hold before its manifest exists (a crash during creation).
const LIBRARY_NAMES = new Set([
  'manifest.json',
  'lock',
  'articles',
  'catalog.json',
  'catalog.journal',
  'index',
]);

/** Checks, creates and locks the folder; returns the lock (null for read-only opens). */
export async function prepareFolder(
  dir: string,
  options: { create: boolean; readOnly: boolean },
): Promise<LibraryLock | null> {
  const info = await stat(dir).catch((e: unknown) => {
    if (isErrno(e, 'ENOENT')) return null;
    throw new ArchiveError('IO', `Cannot open the library at ${dir}: ${errorMessage(e)}`);
  });
  if (info && !info.isDirectory()) {
    throw new ArchiveError('BAD_ARGUMENT', `The library path ${dir} is a file, not a folder.`);
  }
  if (!info) {
    if (!options.create || options.readOnly) {
      throw new ArchiveError('NOT_FOUND', `There is no library at ${dir}.`);
    }
    await mkdir(dir, { recursive: true });
  }
  const manifest = await readManifest(dir);
  if (options.readOnly) {
    if (!manifest) await refuseForeignFolder(dir, 'NOT_FOUND');
    return null;
  }
  if (!manifest) await refuseForeignFolder(dir, 'BAD_ARGUMENT');
  const lock = await acquireLock(dir);
  try {
    if (!manifest) {
      await writeManifest(dir);
      // Empty, so dated by this finder: its imports date every article with it.
      await markDatesCurrent(dir);
    }
    // The index writes its files with the same temp names; only a writer's crash leaves them.
    await sweepTempFiles([dir, join(dir, 'index')]);
    return lock;
  } catch (e) {
    await lock.release();
    throw e;
  }
}

/** Refuses to turn a folder full of other things (say, Documents) into a library. */
async function refuseForeignFolder(dir: string, code: 'NOT_FOUND' | 'BAD_ARGUMENT'): Promise<void> {
  const names = await readdir(dir);
  const foreign = names.filter(
    (n) => !LIBRARY_NAMES.has(n) && !isTempName(n) && !n.startsWith('lock.'),
  );
  if (foreign.length > 0) {
    throw new ArchiveError(
      code,
      `${dir} is not an Archive Reader library (it has no manifest.json and holds other files, e.g. ${foreign[0]}).`,
    );
  }
}
