// Which articles a purge (delete for good) may remove: only articles already in the trash, so
// a stray id can never delete a live article without the trash step people can undo.
import { ArchiveError } from '../errors';
import type { ArticleRecord } from '../store/article-file';
import { checkIds, notFound } from './ids';

/** Checks that every id names a trashed article; returns the ids without repeats. */
export function trashedIds(records: ReadonlyMap<string, ArticleRecord>, ids: unknown): string[] {
  const list = checkIds(ids);
  if (list.length === 0) throw new ArchiveError('BAD_ARGUMENT', 'Name at least one article.');
  for (const id of list) {
    const record = records.get(id);
    if (!record) throw notFound(id);
    if (record.trashedAt === null) {
      throw new ArchiveError(
        'BAD_ARGUMENT',
        `Article ${id} is not in the trash; only trashed articles can be deleted for good.`,
      );
    }
  }
  return list;
}
