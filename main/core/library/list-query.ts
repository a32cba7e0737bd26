// Filtering, sorting and paging of catalogue records for list() and search().
import { ArchiveError } from '../errors';
import type { ArticleRecord } from '../store/article-file';
import type { ArticleSort, LibraryView, SortOrder } from '../../contract/types';
import { hasTag } from './tags';

export interface RecordFilter {
  view?: LibraryView;
  tags?: string[];
  place?: string;
  language?: string;
}

/** Builds a predicate for a view plus tag/place/language filters. */
export function recordFilter(filter: RecordFilter): (r: ArticleRecord) => boolean {
  const view = filter.view ?? 'all';
  if (!['all', 'unread', 'favourites', 'trash'].includes(view)) {
    throw new ArchiveError('BAD_ARGUMENT', `Unknown view "${String(view)}"`);
  }
  const tags = filter.tags ?? [];
  const place = filter.place?.toLowerCase();
  const language = filter.language?.toLowerCase();
  return (r) => {
    if (view === 'trash' ? r.trashedAt === null : r.trashedAt !== null) return false;
    if (view === 'unread' && r.read) return false;
    if (view === 'favourites' && !r.favourite) return false;
    if (place !== undefined && (r.place ?? '').toLowerCase() !== place) return false;
    if (language !== undefined && r.language.toLowerCase() !== language) return false;
    return tags.every((t) => hasTag(r.tags, t));
  };
}

/** The total of an unfiltered list (all or trash view) from the counts; null when filtered. */
export function unfilteredTotal(
  query: RecordFilter,
  count: number,
  trashed: number,
): number | null {
  const view = query.view ?? 'all';
  const filtered =
    (query.tags?.length ?? 0) > 0 || query.place !== undefined || query.language !== undefined;
  if (filtered || (view !== 'all' && view !== 'trash')) return null;
  return view === 'trash' ? trashed : count - trashed;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Names the title collation in use (locale, options, ICU version), for saved sort orders. */
export function titleCollation(): string {
  return JSON.stringify({ ...collator.resolvedOptions(), icu: process.versions.icu ?? '' });
}

/** Date used by the "date" sort: the article's own date, else the day it was imported. */
const dateKey = (r: ArticleRecord): string => r.articleDate ?? r.importedAt.slice(0, 10);

/** Sorts records in place; ties fall back to import time, then id, so pages are stable. */
export function sortRecords(
  records: ArticleRecord[],
  sort: ArticleSort,
  order: SortOrder,
): ArticleRecord[] {
  if (!['imported', 'date', 'title'].includes(sort)) {
    throw new ArchiveError('BAD_ARGUMENT', `Unknown sort "${String(sort)}"`);
  }
  const sign = order === 'asc' ? 1 : -1;
  const tie = (a: ArticleRecord, b: ArticleRecord) =>
    a.importedAt < b.importedAt
      ? -1
      : a.importedAt > b.importedAt
        ? 1
        : a.id < b.id
          ? -1
          : a.id > b.id
            ? 1
            : 0;
  const primary = (a: ArticleRecord, b: ArticleRecord): number => {
    if (sort === 'title') return collator.compare(a.title, b.title);
    if (sort === 'date') {
      const x = dateKey(a);
      const y = dateKey(b);
      return x < y ? -1 : x > y ? 1 : 0;
    }
    return 0;
  };
  return records.sort((a, b) => sign * (primary(a, b) || tie(a, b)));
}

/** Checks paging arguments and returns them with defaults. */
export function checkPaging(
  offset: unknown,
  limit: unknown,
  defaultLimit: number,
): { offset: number; limit: number } {
  const o = offset ?? 0;
  const l = limit ?? defaultLimit;
  if (typeof o !== 'number' || !Number.isInteger(o) || o < 0) {
    throw new ArchiveError(
      'BAD_ARGUMENT',
      `offset must be a whole number of 0 or more, not ${String(o)}`,
    );
  }
  if (typeof l !== 'number' || !Number.isInteger(l) || l < 0) {
    throw new ArchiveError(
      'BAD_ARGUMENT',
      `limit must be a whole number of 0 or more, not ${String(l)}`,
    );
  }
  return { offset: o, limit: l };
}
