// Makes file creation fail with ENOSPC, the way a full disk does, for tests. Used in-process
// (injectDiskFull) and as a preload for spawned processes (node --import this file) with
// AR_ENOSPC_UNDER=<folder> and AR_ENOSPC_AFTER=<files created before the disk is "full">.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { resolve, sep } from 'node:path';

export interface DiskFullOptions {
  /** Only files created under this folder count and fail. */
  under: string;
  /** How many files may still be created (or appended to) before every further one fails. */
  after: number;
}

const enospc = (path: string): NodeJS.ErrnoException =>
  Object.assign(new Error(`ENOSPC: no space left on device, open '${path}'`), {
    code: 'ENOSPC',
    errno: -28,
    syscall: 'open',
    path,
  });

/** Starts failing creations of new files under `under`; returns the function that stops it. */
export function injectDiskFull(options: DiskFullOptions): () => void {
  const root = resolve(options.under) + sep;
  let left = options.after;
  const realOpen = fs.open;
  const realWriteFileSync = fs.writeFileSync;
  const creates = (flags: unknown): boolean => typeof flags === 'string' && /[wax]/.test(flags);
  const full = (path: unknown, flags: unknown): boolean => {
    if (typeof path !== 'string' || !resolve(path).startsWith(root) || !creates(flags)) {
      return false;
    }
    if (left > 0) {
      left--;
      return false;
    }
    return true;
  };
  const open = ((path: fs.PathLike, flags: unknown, ...rest: unknown[]) => {
    const callback = rest.at(-1);
    if (full(path, flags) && typeof callback === 'function') {
      process.nextTick(() => callback(enospc(String(path))));
      return;
    }
    return (realOpen as (...args: unknown[]) => void)(path, flags, ...rest);
  }) as typeof fs.open;
  const writeFileSync = ((file: unknown, data: unknown, opts?: unknown) => {
    const flag = typeof opts === 'object' && opts !== null && 'flag' in opts ? opts.flag : 'w';
    if (full(file, flag)) {
      // A full disk still creates the (empty) file before the write fails.
      realWriteFileSync(file as string, '', { flag: typeof flag === 'string' ? flag : 'w' });
      throw enospc(String(file));
    }
    return (realWriteFileSync as (...args: unknown[]) => void)(file, data, opts);
  }) as typeof fs.writeFileSync;
  // Appends to files opened under the folder (the article packs) count and fail as writes.
  const realOpenSync = fs.openSync;
  const realWriteSync = fs.writeSync;
  const watched = new Set<number>();
  const openSync = ((path: fs.PathLike, flags?: unknown, mode?: unknown) => {
    const fd = (realOpenSync as (...args: unknown[]) => number)(path, flags, mode);
    if (resolve(String(path)).startsWith(root) && creates(flags === 'r+' ? 'a' : flags)) {
      watched.add(fd);
    }
    return fd;
  }) as typeof fs.openSync;
  const writeSync = ((fd: number, ...rest: unknown[]) => {
    if (watched.has(fd)) {
      if (left > 0) left--;
      else throw enospc(`fd ${fd}`);
    }
    return (realWriteSync as (...args: unknown[]) => number)(fd, ...rest);
  }) as typeof fs.writeSync;
  const realCloseSync = fs.closeSync;
  const closeSync = ((fd: number) => {
    watched.delete(fd);
    realCloseSync(fd);
  }) as typeof fs.closeSync;
  fs.open = open;
  fs.writeFileSync = writeFileSync;
  fs.closeSync = closeSync;
  fs.openSync = openSync;
  fs.writeSync = writeSync;
  syncBuiltinESMExports();
  return () => {
    fs.open = realOpen;
    fs.writeFileSync = realWriteFileSync;
    fs.openSync = realOpenSync;
    fs.writeSync = realWriteSync;
    fs.closeSync = realCloseSync;
    syncBuiltinESMExports();
  };
}

if (process.env.AR_ENOSPC_UNDER) {
  injectDiskFull({
    under: process.env.AR_ENOSPC_UNDER,
    after: Number(process.env.AR_ENOSPC_AFTER ?? 0),
  });
}
