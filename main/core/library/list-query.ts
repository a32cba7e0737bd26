// Filtering, sorting and paging of catalogue records for list() and search().
import { ArchiveError } from '../errors';
import type { ArticleRecord } from '../store/article-file';
import type {
  ArticleMeta,
  ArticlePage,
  ArticleSort,
  LibraryView,
  SortOrder,
} from '../../contract/types';
import { hasTag } from './tags';
import { collectionKey } from '../organise/collection-name';
import { withinBounds } from '../../contract/date-range';
import { nameCollator } from '../text/name-collator';

export interface RecordFilter {
  view?: LibraryView;
  tags?: string[];
  place?: string;
  language?: string;
  collection?: string;
  /** Dated on or after / on or before these days (ISO); undated articles are then left out. */
  from?: string;
  to?: string;
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
  const collection = filter.collection === undefined ? undefined : collectionKey(filter.collection);
  const dated = filter.from !== undefined || filter.to !== undefined;
  const bounds = { from: filter.from ?? null, to: filter.to ?? null };
  return (r) => {
    if (view === 'trash' ? r.trashedAt === null : r.trashedAt !== null) return false;
    if (view === 'unread' && r.read) return false;
    if (view === 'favourites' && !r.favourite) return false;
    if (place !== undefined && (r.place ?? '').toLowerCase() !== place) return false;
    if (language !== undefined && r.language.toLowerCase() !== language) return false;
    if (collection !== undefined && collectionKey(r.collection ?? '') !== collection) return false;
    if (dated && !withinBounds(r.articleDate, bounds)) return false;
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
    (query.tags?.length ?? 0) > 0 ||
    query.place !== undefined ||
    query.language !== undefined ||
    query.collection !== undefined ||
    query.from !== undefined ||
    query.to !== undefined;
  if (filtered || (view !== 'all' && view !== 'trash')) return null;
  return view === 'trash' ? trashed : count - trashed;
}

/** Names the title collation in use (locale, options, ICU version), for saved sort orders. */
export function titleCollation(): string {
  return JSON.stringify({ ...nameCollator().resolvedOptions(), icu: process.versions.icu ?? '' });
}

/**
 * Sorts records in place; ties fall back to import time, then id, so pages are stable. The
 * date sort uses the article's own date, and undated articles come last in both directions
 * (the day a file was imported says nothing about when it was written).
 */
export function sortRecords(
  records: ArticleRecord[],
  sort: ArticleSort,
  order: SortOrder,
): ArticleRecord[] {
  if (!['imported', 'date', 'title'].includes(sort)) {
    throw new ArchiveError('BAD_ARGUMENT', `Unknown sort "${String(sort)}"`);
  }
  if (order !== 'asc' && order !== 'desc') {
    throw new ArchiveError('BAD_ARGUMENT', `Unknown order "${String(order)}"`);
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
    if (sort === 'title') return nameCollator().compare(a.title, b.title);
    if (sort === 'date') {
      const x = a.articleDate ?? '';
      const y = b.articleDate ?? '';
      return x < y ? -1 : x > y ? 1 : 0;
    }
    return 0;
  };
  return records.sort((a, b) => {
    if (sort === 'date') {
      const undated = Number(a.articleDate === null) - Number(b.articleDate === null);
      if (undated !== 0) return undated;
    }
    return sign * (primary(a, b) || tie(a, b));
  });
}

/** For the date sort: how many records of an ascending order are dated (they come first). */
export function datedCount(
  ids: readonly string[],
  records: ReadonlyMap<string, ArticleRecord>,
): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((records.get(ids[mid]!)?.articleDate ?? null) !== null) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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

/**
 * One page of `sorted` records that `keep` lets through, each as `meta` makes it. With the
 * total `counted` already known (no filter), the walk stops at the end of the page.
 */
export function pageOf(
  sorted: Iterable<ArticleRecord>,
  keep: (r: ArticleRecord) => boolean,
  offset: number,
  limit: number,
  counted: number | null,
  meta: (r: ArticleRecord) => ArticleMeta,
): ArticlePage {
  const items: ArticleMeta[] = [];
  let total = 0;
  for (const r of sorted) {
    if (!keep(r)) continue;
    if (total >= offset && items.length < limit) items.push(meta(r));
    total++;
    if (counted !== null && items.length >= limit) break;
  }
  return { total: counted ?? total, offset, items };
}
