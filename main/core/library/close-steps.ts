// Closing a library is several saves; each runs even when one before it failed (the lock must
// always be released), and a full disk is reported with what was kept.
import { ArchiveError } from '../errors';
import { isDiskFull } from '../store/disk-full';

/** Runs every step in order, then throws the first failure (DISK_FULL said plainly). */
export async function runCloseSteps(steps: (() => Promise<void>)[]): Promise<void> {
  let first: unknown = null;
  let failed = false;
  for (const step of steps) {
    try {
      await step();
    } catch (e) {
      if (!failed) first = e;
      failed = true;
    }
  }
  if (!failed) return;
  if (isDiskFull(first)) {
    // Closing writes only caches (the search index, a compacted catalogue): every change was
    // already durable in the article files and the catalogue journal.
    throw new ArchiveError(
      'DISK_FULL',
      'The disk is full: every change was kept, but the search index and catalogue caches could not be saved; they are brought up to date the next time the library opens.',
    );
  }
  throw first;
}
