// One watcher import batch told in a few numbers and titles, for the status line and the
// command line's one line per batch.
import type { ImportSummary } from '../../contract/types';
import type { WatchBatch } from '../../contract/watch';

// Titles (and failures) a batch names at most.
const TITLES = 3;

/** What a batch of `files` files from `folder` came to. */
export function summariseBatch(
  summary: ImportSummary,
  folder: string,
  files: number,
  at: Date,
): WatchBatch {
  return {
    folder,
    at: at.toISOString(),
    files,
    imported: summary.imported.length,
    duplicates: summary.duplicates.length,
    restored: summary.restored?.length ?? 0,
    failed: summary.failed.length,
    titles: summary.imported.slice(0, TITLES).map((e) => e.title),
    failures: summary.failed.slice(0, TITLES).map(({ path, reason }) => ({ path, reason })),
  };
}

/** The paths the import handled (and so need not be tried again until they change). */
export function handledPaths(summary: ImportSummary): Set<string> {
  const paths = new Set<string>();
  for (const list of [summary.imported, summary.duplicates, summary.restored ?? [], summary.failed])
    for (const e of list) paths.add(e.path);
  return paths;
}
