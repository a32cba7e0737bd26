// Select all: the list is paged and virtualised, so the ids of every row are fetched in pages
// (a few at a time) rather than read from the rows in view.
import { LIMITS } from '../../../main/contract/limits';
import type { FetchPage } from './usePagedQuery';

// Search pages are capped at LIMITS.searchLimit; lists could take more, one size serves both.
const PAGE = 1000;
const PARALLEL = 4;

/** The ids of rows 0..total-1 in list order, at most as many as one call may name. */
export async function fetchAllIds<T extends { meta: { id: string } }>(
  fetchPage: FetchPage<T>,
  total: number,
): Promise<string[]> {
  const count = Math.min(total, LIMITS.idsPerCall);
  const offsets: number[] = [];
  for (let offset = 0; offset < count; offset += PAGE) offsets.push(offset);
  const pages: string[][] = [];
  for (let i = 0; i < offsets.length; i += PARALLEL) {
    const batch = offsets.slice(i, i + PARALLEL);
    const got = await Promise.all(
      batch.map((offset) => fetchPage(offset, Math.min(PAGE, count - offset))),
    );
    pages.push(...got.map((p) => p.items.map((row) => row.meta.id)));
  }
  return [...new Set(pages.flat())].slice(0, count);
}
