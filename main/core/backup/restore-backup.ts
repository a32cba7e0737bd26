// restore: a backup into an empty or new folder, all or nothing.
//
// The archive's directory is checked against its manifest first (nothing written yet); then
// every file is extracted into a temp folder beside the target and its checksum compared; the
// restored library is opened there once so its catalogue and search index are rebuilt; only
// then is the temp folder renamed into place. Any failure removes the temp folder, so the
// target is never left half-restored.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { BackupProgress, RestoreResult } from '../../contract/backup';
import { errorMessage } from '../../contract/error-message';
import { isErrno } from '../errno';
import { ArchiveError, isArchiveError } from '../errors';
import { openLibrary } from '../library';
import { fsyncDir } from '../store/atomic-write';
import { DamagedBackupError } from './damaged-backup-error';
import { extractVerified } from './extract-verified';
import { inspectBackup } from './inspect-backup';
import { ZipSource } from './zip-source';

/** Opens the restored folder as a library (rebuilding its caches) and closes it again. */
export type RebuildLibrary = (
  dir: string,
  onProgress: (p: { done: number; total: number }) => void,
) => Promise<void>;

export interface RestoreOptions {
  onProgress?: (p: BackupProgress) => void;
  signal?: AbortSignal;
  /**
   * How the restored library is opened once so its caches are ready; by default in this
   * thread, without workers. Null leaves them to the library's first open (the app opens it
   * in its engine thread, with progress).
   */
  rebuild?: RebuildLibrary | null;
}

/** Restores the backup `file` into `targetDir`, which must be empty or not exist yet. */
export async function restoreBackup(
  file: string,
  targetDir: string,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  const started = performance.now();
  const backup = resolve(file);
  const target = resolve(targetDir);
  const targetExists = await checkTarget(target);
  const { manifest, problems } = await withZip(backup, inspectBackup);
  if (problems.length > 0) throw new DamagedBackupError(backup, problems);

  const parent = dirname(target);
  // The first folder this made, if any: removed again when the restore fails or is cancelled.
  const madeParent = await mkdir(parent, { recursive: true });
  const temp = join(parent, `.${basename(target)}.restore-${randomBytes(6).toString('hex')}.tmp`);
  await mkdir(temp);
  let placed = false;
  try {
    const extraction = await withZip(backup, (zip) =>
      extractVerified(zip, manifest, temp, options),
    );
    if (extraction.problems.length > 0) throw new DamagedBackupError(backup, extraction.problems);
    throwIfCancelled(options.signal);
    const rebuild = options.rebuild === undefined ? rebuildInThread : options.rebuild;
    await rebuild?.(temp, (p) => options.onProgress?.({ phase: 'indexing', ...p }));
    // The last moment a cancel can still take effect: after the rename the library exists.
    throwIfCancelled(options.signal);
    if (targetExists) await rmdir(target);
    await rename(temp, target);
    placed = true;
    await fsyncDir(parent);
    return {
      library: target,
      backup,
      backupCreatedAt: manifest.createdAt,
      files: extraction.files,
      bytes: extraction.bytes,
      contents: extraction.counter.contents(),
      tookMs: performance.now() - started,
    };
  } catch (e) {
    await rm(temp, { recursive: true, force: true }).catch(() => undefined);
    if (madeParent !== undefined && !placed) {
      await rm(madeParent, { recursive: true, force: true }).catch(() => undefined);
    }
    if (isArchiveError(e)) throw e;
    if (isErrno(e, 'ENOTEMPTY') || isErrno(e, 'EEXIST')) {
      throw new ArchiveError(
        'BAD_ARGUMENT',
        `${target} was filled while the backup was restored; nothing was restored.`,
      );
    }
    throw new ArchiveError('IO', `Cannot restore into ${target}: ${errorMessage(e)}`);
  }
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ArchiveError('CANCELLED', 'The restore was cancelled.');
}

/** True when the target exists (an empty folder); throws when it cannot be restored into. */
async function checkTarget(target: string): Promise<boolean> {
  let names: string[];
  try {
    if (!(await stat(target)).isDirectory()) {
      throw new ArchiveError(
        'BAD_ARGUMENT',
        `${target} is a file; restore into an empty or new folder. Nothing was restored.`,
      );
    }
    names = await readdir(target);
  } catch (e) {
    if (isErrno(e, 'ENOENT')) return false;
    if (isArchiveError(e)) throw e;
    throw new ArchiveError('IO', `Cannot look into ${target}: ${errorMessage(e)}`);
  }
  if (names.length > 0) {
    throw new ArchiveError(
      'BAD_ARGUMENT',
      `${target} is not empty (it holds ${names.length === 1 ? names[0] : `${names[0]} and ${names.length - 1} more`}); restore only into an empty or new folder. Nothing was restored.`,
    );
  }
  return true;
}

async function withZip<T>(path: string, use: (zip: ZipSource) => Promise<T>): Promise<T> {
  const zip = await ZipSource.open(path);
  try {
    return await use(zip);
  } finally {
    zip.close();
  }
}

/** The default rebuild: open the library in this thread (creating its caches), then close it. */
const rebuildInThread: RebuildLibrary = async (dir, onProgress) => {
  const lib = await openLibrary(dir, { create: false, onIndexProgress: onProgress });
  await lib.close();
};
