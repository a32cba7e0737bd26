// Recognises Node's system errors (ENOENT, EACCES, ...) without casting what was thrown.

/** A Node system error: an object with an errno-style string code. */
export type ErrnoError = NodeJS.ErrnoException & { code: string };

// Errno codes are "E" and capitals ("ENOENT", "EACCES"); Node's own "ERR_..." codes and the
// ArchiveError codes ("NOT_FOUND", "IO") do not match, so those errors are not taken for these.
const ERRNO_CODE = /^E[A-Z0-9]+$/;

/** True when `e` is a system error, and when codes are given, one with one of those codes. */
export function isErrno(e: unknown, code?: string | readonly string[]): e is ErrnoError {
  if (typeof e !== 'object' || e === null) return false;
  const actual = (e as { code?: unknown }).code;
  if (typeof actual !== 'string' || !ERRNO_CODE.test(actual)) return false;
  if (code === undefined) return true;
  return typeof code === 'string' ? actual === code : code.includes(actual);
}

/** The system error code of `e` ("ENOENT"), or undefined when it is not a system error. */
export function errnoCode(e: unknown): string | undefined {
  return isErrno(e) ? e.code : undefined;
}
