// Argument checks for article ids.
import { ArchiveError } from '../errors';

const ID = /^[0-9a-f]{16}$/;

/** Throws BAD_ARGUMENT unless `id` is 16 lower-case hex digits. */
export function assertId(id: unknown): asserts id is string {
  if (typeof id !== 'string' || !ID.test(id)) {
    throw new ArchiveError(
      'BAD_ARGUMENT',
      `Not an article id: ${JSON.stringify(id)} (expected 16 hex digits)`,
    );
  }
}

/** Checks a list of ids and returns it without repeats. */
export function checkIds(ids: unknown): string[] {
  if (!Array.isArray(ids)) throw new ArchiveError('BAD_ARGUMENT', 'Expected a list of article ids');
  for (const id of ids) assertId(id);
  return [...new Set(ids as string[])];
}

/** The NOT_FOUND error for an id with no article. */
export function notFound(id: string): ArchiveError {
  return new ArchiveError('NOT_FOUND', `No article with id ${id}`);
}
