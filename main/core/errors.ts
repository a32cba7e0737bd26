import type { ErrorCode } from '../contract/types';

/** An engine failure with a code and a message written for people. */
export class ArchiveError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ArchiveError';
  }
}

/** A query that cannot be run; the message explains why in one line. */
export class QueryError extends ArchiveError {
  constructor(message: string) {
    super('BAD_QUERY', message);
    this.name = 'QueryError';
  }
}

/** True for errors the engine raised on purpose (as opposed to bugs). */
export const isArchiveError = (e: unknown): e is ArchiveError => e instanceof ArchiveError;
