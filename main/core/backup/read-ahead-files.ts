// Reads a list of files in order with a few reads in flight, so a backup keeps the disk busy
// without holding more than a handful of files in memory.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isErrno } from '../errno';

export type ReadOutcome =
  | { path: string; bytes: Buffer }
  /** Gone between the listing and the read (an emptied trash, a removed article). */
  | { path: string; bytes: null };

/** Yields each file's bytes (read once), in the order given, with up to `inFlight` reads at once. */
export async function* readAheadFiles(
  dir: string,
  paths: readonly string[],
  inFlight = 8,
): AsyncGenerator<ReadOutcome> {
  const pending: Promise<ReadOutcome>[] = [];
  let next = 0;
  const start = (path: string): Promise<ReadOutcome> =>
    readFile(join(dir, ...path.split('/'))).then(
      (bytes) => ({ path, bytes }),
      (e: unknown) => {
        if (isErrno(e, 'ENOENT')) return { path, bytes: null };
        throw e;
      },
    );
  try {
    while (next < paths.length || pending.length > 0) {
      while (next < paths.length && pending.length < inFlight) pending.push(start(paths[next++]!));
      yield await pending.shift()!;
    }
  } finally {
    // Stopped early (a failure, a cancel): let the reads in flight settle without an unhandled rejection.
    for (const p of pending) p.catch(() => undefined);
  }
}
