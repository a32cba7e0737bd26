// The words of the watch status line: which folders are watched and what happened last.
import type { WatchStatus } from '../../../main/contract/watch';

const count = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** The last part of a path, whichever separator it uses. */
export function folderName(path: string): string {
  const parts = path.split(/[\\/]+/).filter((p) => p !== '');
  return parts.at(-1) ?? path;
}

/** The status line, e.g. "Watching 2 folders · added 3 articles from inbox"; null when idle. */
export function watchStatusText(status: WatchStatus): string | null {
  if (!status.running || status.folders === 0) return null;
  const head =
    status.watching === status.folders
      ? `Watching ${count(status.folders, 'folder')}`
      : `Watching ${status.watching} of ${count(status.folders, 'folder')}`;
  const tail = activity(status);
  return tail ? `${head} · ${tail}` : head;
}

function activity(status: WatchStatus): string | null {
  if (status.pending > 0) return `importing ${count(status.pending, 'file')}…`;
  if (status.catchingUp) return 'catching up…';
  const batch = status.lastBatch;
  if (!batch) return null;
  const from = folderName(batch.folder);
  if (batch.imported > 0) return `added ${count(batch.imported, 'article')} from ${from}`;
  if (batch.restored > 0) return `took ${count(batch.restored, 'article')} out of the trash`;
  if (batch.failed > 0) return `${count(batch.failed, 'file')} from ${from} could not be imported`;
  return null;
}

/** One line about the watcher's problems (a folder missing, a permission refused), or null. */
export function watchProblemText(status: WatchStatus): string | null {
  const missing = status.folders - status.watching;
  if (status.running && missing > 0) {
    return `${count(missing, 'folder')} missing or unreadable`;
  }
  const last = status.problems.at(-1);
  return last ? `${folderName(last.path)}: ${last.message}` : null;
}
