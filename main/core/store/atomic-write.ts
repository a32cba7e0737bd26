// Crash-safe file writes: temp file, fsync, rename, fsync of the directory.
import { randomBytes } from 'node:crypto';
import { open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const TEMP_SUFFIX = '.tmp';

/** The temp file name used while `path` is being written; `sweepTempFiles` knows the shape. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
}

/** True for names that `tempPathFor` makes. */
export function isTempName(name: string): boolean {
  return name.startsWith('.') && name.endsWith(TEMP_SUFFIX);
}

/** Writes and fsyncs a file at `path` (which should be a fresh temp path). */
async function writeAndSync(path: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(path, 'wx', 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Fsyncs a directory so that renames and unlinks inside it survive a power cut. */
export async function fsyncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (e) {
    // Some platforms (Windows) cannot open or sync directories; the rename is still atomic.
    if (!isUnsupportedDirSync(e)) throw e;
  } finally {
    await handle?.close();
  }
}

function isUnsupportedDirSync(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'EISDIR' || code === 'EPERM' || code === 'EINVAL' || code === 'EBADF';
}

/** Replaces `path` with `data` atomically: readers see the old or the new file, never a mix. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await writeFilesAtomic([{ path, data }]);
}

export interface FileWrite {
  path: string;
  data: string | Uint8Array;
}

/**
 * Writes many files atomically with few fsyncs: every temp file is written and synced,
 * then all are renamed, then each directory involved is synced once. When this resolves,
 * every file is durable; if it throws, some may be in place and the others untouched.
 */
export async function writeFilesAtomic(writes: FileWrite[]): Promise<void> {
  const temps = writes.map((w) => ({ ...w, temp: tempPathFor(w.path) }));
  try {
    await Promise.all(temps.map((t) => writeAndSync(t.temp, t.data)));
    for (const t of temps) await rename(t.temp, t.path);
  } catch (e) {
    await Promise.all(temps.map((t) => unlink(t.temp).catch(() => undefined)));
    throw e;
  }
  // An import chunk spreads over dozens of shard folders; syncing them one by one cost
  // more than writing the files, so they are synced together.
  const dirs = new Set(writes.map((w) => dirname(w.path)));
  await Promise.all([...dirs].map(fsyncDir));
}

/** Deletes leftover temp files (from a crash mid-write) in the given folders; returns how many. */
export async function sweepTempFiles(dirs: string[]): Promise<number> {
  let removed = 0;
  for (const dir of dirs) {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
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
