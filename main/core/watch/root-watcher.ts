// One watched folder under chokidar: reports article files that were added or written to, and
// errors (a folder it may not read). Whether the folder itself is there is checked by the
// caller, which starts a new watcher when a folder comes back.
import type { Stats } from 'node:fs';
import { basename } from 'node:path';
import type * as Chokidar from 'chokidar';
import type { FSWatcher } from 'chokidar';
import { errorMessage } from '../../contract/error-message';
import { isArticleName, isSkippedFolderName } from '../../contract/import-rules';
import { isErrno } from '../errno';
import type { FileStamp } from './seen-files';
import { isUnder } from './seen-files';
import { lazyPackage } from '../lazy-package';

const chokidar = lazyPackage<typeof Chokidar>('chokidar');

/** What a watcher reports. */
export interface RootWatcherEvents {
  /** An article file was added or written to (with its stamp when the watcher had it). */
  file(path: string, stamp: FileStamp | null): void;
  /** Something could not be watched or read; watching goes on. */
  problem(path: string, message: string): void;
}

/** A running watcher over one folder. */
export interface RootWatcher {
  /** Resolves once the folder's tree is being watched. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/** Starts watching one folder. */
export type StartWatcher = (
  root: string,
  events: RootWatcherEvents,
  ignore: (path: string) => boolean,
) => RootWatcher;

/** The chokidar watcher: non-recursive watches per folder, the same on Linux, macOS, Windows. */
export const startChokidar: StartWatcher = (root, events, ignore) => {
  const ignored = (path: string, stats?: Stats): boolean => {
    if (path === root) return false;
    if (ignore(path) || !isUnder(path, root)) return true;
    const name = basename(path);
    if (isSkippedFolderName(name)) return true;
    return stats?.isFile() === true && !isArticleName(name);
  };
  const onFile = (path: string, stats?: Stats) => {
    if (!isArticleName(basename(path))) return;
    events.file(path, stats ? { size: stats.size, mtimeMs: stats.mtimeMs } : null);
  };
  const watcher: FSWatcher = chokidar().watch(root, {
    ignoreInitial: true,
    persistent: true,
    followSymlinks: false,
    alwaysStat: true,
    ignorePermissionErrors: false,
    ignored,
  });
  watcher.on('add', onFile);
  watcher.on('change', onFile);
  watcher.on('error', (error: unknown) => {
    const path = isErrno(error) && error.path ? error.path : root;
    events.problem(path, errorMessage(error));
  });
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return { ready, close: () => watcher.close() };
};
