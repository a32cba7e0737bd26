// "No space left" and "quota exceeded" from any write become one DISK_FULL error, so people see
// what happened (and what was kept) instead of an INTERNAL errno.
import { basename } from 'node:path';
import { isErrno } from '../errno';
import { ArchiveError } from '../errors';

const FULL_CODES = ['ENOSPC', 'EDQUOT'] as const;

/** True for a write that failed for lack of space (raw errno or already a DISK_FULL error). */
export function isDiskFull(e: unknown): boolean {
  return isErrno(e, FULL_CODES) || (e instanceof ArchiveError && e.code === 'DISK_FULL');
}

/**
 * The DISK_FULL error for a failed write of `path` when `e` says the disk is full; any other
 * error is returned unchanged. Store writes are atomic, so the file is as it was before.
 */
export function diskFullOr(e: unknown, path: string): unknown {
  if (!isErrno(e, FULL_CODES)) return e;
  const why = e.code === 'EDQUOT' ? 'The disk quota is used up' : 'The disk is full';
  return new ArchiveError(
    'DISK_FULL',
    `${why}: ${basename(path)} could not be saved, and the library's files were left as they were.`,
  );
}
