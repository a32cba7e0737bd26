// Crash-safe file writes: temp file, fsync, rename, fsync of the directory.
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsync,
  open,
  openSync,
  renameSync,
  unlinkSync,
  writeFile,
  writeFileSync,
} from 'node:fs';
import { readdir, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isErrno } from '../errno';
import { diskFullOr } from './disk-full';

const TEMP_SUFFIX = '.tmp';

/** The temp file name used while `path` is being written; `sweepTempFiles` knows the shape. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
}

/** True for names that `tempPathFor` makes. */
export function isTempName(name: string): boolean {
  return name.startsWith('.') && name.endsWith(TEMP_SUFFIX);
}

/** Fsyncs a directory so that renames and unlinks inside it survive a power cut. */
export async function fsyncDir(dir: string): Promise<void> {
  let fd: number | null = null;
  try {
    fd = openSync(dir, 'r');
    await fsyncFd(fd);
  } catch (e) {
    // Some platforms (Windows) cannot open or sync directories; the rename is still atomic.
    if (!isUnsupportedDirSync(e)) throw e;
  } finally {
    if (fd !== null) closeAll([fd]);
  }
}

function isUnsupportedDirSync(e: unknown): boolean {
  return isErrno(e, ['EISDIR', 'EPERM', 'EINVAL', 'EBADF']);
}

/** What a file is written from: text, bytes, or bytes in parts written back to back. */
export type FileData = string | Uint8Array | readonly Uint8Array[];

/** Replaces `path` with `data` atomically: readers see the old or the new file, never a mix. */
export async function writeFileAtomic(path: string, data: FileData): Promise<void> {
  await writeFilesAtomic([{ path, data }]);
}

export interface FileWrite {
  path: string;
  data: FileData;
}

/**
 * Writes many files atomically with few fsyncs: every temp file is written and synced,
 * then all are renamed, then each directory involved is synced once. When this resolves,
 * every file is durable; if it throws, some may be in place and the others untouched.
 *
 * Creating and fsyncing go to the thread pool, all at once: they wait on the disk and on
 * the folder (a create blocks while the folder is being synced, ~1 ms each when done in
 * place). Writing a few kilobytes to the page cache, closing and renaming take microseconds
 * and cost several times more CPU as promise calls than done in place.
 */
export async function writeFilesAtomic(writes: FileWrite[]): Promise<void> {
  const temps = writes.map((w) => ({ ...w, temp: tempPathFor(w.path) }));
  const fds: number[] = [];
  let failedPath = writes[0]?.path ?? '';
  try {
    // Settled, not raced: a failure must wait for every file still being created, or
    // those would be left behind after the clean-up.
    const made = await Promise.allSettled(
      temps.map(async (t) => {
        const fd = await openFd(t.temp);
        fds.push(fd);
        // A catalogue snapshot is tens of MB: written off this thread, not in place.
        // Parts follow each other: a write to a descriptor goes on where the last one ended.
        for (const part of partsOf(t.data)) {
          if (part.length > IN_PLACE_BYTES) await writeFd(fd, part);
          else writeFileSync(fd, part);
        }
        await fsyncFd(fd);
      }),
    );
    const failed = made.findIndex((r) => r.status === 'rejected');
    if (failed >= 0) {
      failedPath = temps[failed]!.path;
      throw (made[failed] as PromiseRejectedResult).reason;
    }
    closeAll(fds.splice(0));
    for (const t of temps) {
      failedPath = t.path;
      renameSync(t.temp, t.path);
    }
  } catch (e) {
    closeAll(fds);
    for (const t of temps) {
      try {
        unlinkSync(t.temp);
      } catch {
        // Never created, or already renamed into place.
      }
    }
    throw diskFullOr(e, failedPath);
  }
  // An import chunk spreads over dozens of shard folders; syncing them one by one cost
  // more than writing the files, so they are synced together.
  const dirs = new Set(writes.map((w) => dirname(w.path)));
  await Promise.all([...dirs].map(fsyncDir));
}

const IN_PLACE_BYTES = 256 * 1024;

const partsOf = (data: FileData): readonly (string | Uint8Array)[] =>
  typeof data === 'string' || data instanceof Uint8Array ? [data] : data;

const writeFd = (fd: number, data: string | Uint8Array): Promise<void> =>
  new Promise((resolve, reject) => writeFile(fd, data, (e) => (e ? reject(e) : resolve())));

const openFd = (path: string): Promise<number> =>
  new Promise((resolve, reject) =>
    open(path, 'wx', 0o644, (e, fd) => (e ? reject(e) : resolve(fd))),
  );

const fsyncFd = (fd: number): Promise<void> =>
  new Promise((resolve, reject) => fsync(fd, (e) => (e ? reject(e) : resolve())));

function closeAll(fds: number[]): void {
  for (const fd of fds) {
    try {
      closeSync(fd);
    } catch {
      // The data was synced or the write is being abandoned; a failed close changes neither.
    }
  }
}

/** Deletes leftover temp files (from a crash mid-write) in the given folders; returns how many. */
export async function sweepTempFiles(dirs: string[]): Promise<number> {
  let removed = 0;
  for (const dir of dirs) {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      // A folder that is gone or cannot be listed has no temp files we could remove.
      continue;
    }
    for (const name of names) {
      if (!isTempName(name)) continue;
      await unlink(join(dir, name)).catch(() => undefined);
      removed++;
    }
  }
  return removed;
}
