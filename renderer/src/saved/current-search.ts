// The search the list shows, as a saved search's query and filters, and back.
import type { SavedFilters, SavedSearch } from '../../../main/contract/organise';
import { searchSortSchema } from '../../../main/contract/types';
import type { Filters } from '../sidebar/Sidebar';
import { rangeLabel } from '../timeline/timeline-format';

/** What the list shows now: its text, the sidebar's and the timeline's filters and the sort. */
export interface CurrentSearch {
  query: string;
  filters: Filters;
  sort: string;
  reversed: boolean;
}

/** The usual direction of a sort: titles A to Z, everything else best or newest first. */
const usualOrder = (sort: string) => (sort === 'title' ? 'asc' : 'desc');

/** The filters of a saved search for what the list shows (empty ones left out). */
export function filtersOf(current: CurrentSearch): SavedFilters {
  const f = current.filters;
  const parsed = searchSortSchema.safeParse(current.sort);
  const sort = parsed.success ? parsed.data : undefined;
  const order = usualOrder(current.sort);
  return {
    ...(f.view !== 'all' ? { view: f.view } : {}),
    ...(f.tags.length > 0 ? { tags: f.tags } : {}),
    ...(f.collection ? { collection: f.collection } : {}),
    ...(f.from !== undefined ? { from: f.from } : {}),
    ...(f.to !== undefined ? { to: f.to } : {}),
    ...(sort && sort !== 'relevance' && sort !== 'imported' ? { sort } : {}),
    ...(current.reversed ? { order: order === 'asc' ? 'desc' : 'asc' } : {}),
  };
}

/** The list state that shows a saved search. */
export function currentOf(s: SavedSearch): CurrentSearch {
  const f = s.filters;
  const sort = f.sort ?? (s.query.trim() === '' ? 'imported' : 'relevance');
  return {
    query: s.query,
    filters: {
      view: f.view ?? 'all',
      tags: f.tags ?? [],
      place: null,
      language: null,
      collection: f.collection ?? null,
      ...(f.from !== undefined ? { from: f.from } : {}),
      ...(f.to !== undefined ? { to: f.to } : {}),
    },
    sort,
    reversed: f.order !== undefined && f.order !== usualOrder(sort),
  };
}

/** True when the list shows what `s` asks for. */
export function isShowing(s: SavedSearch, current: CurrentSearch): boolean {
  const want = currentOf(s);
  const same = (a: string | null | undefined, b: string | null | undefined) =>
    (a ?? '').toLowerCase() === (b ?? '').toLowerCase();
  return (
    want.query.trim() === current.query.trim() &&
    want.filters.view === current.filters.view &&
    same(want.filters.collection, current.filters.collection) &&
    same(want.filters.from, current.filters.from) &&
    same(want.filters.to, current.filters.to) &&
    want.filters.tags.join('\n').toLowerCase() === current.filters.tags.join('\n').toLowerCase()
  );
}

/** A few words on a saved search's filters, for its dialog and tooltip. */
export function describeFilters(f: SavedFilters): string {
  const parts = [
    f.view && f.view !== 'all' ? `view: ${f.view}` : null,
    f.tags?.length ? `tags: ${f.tags.join(', ')}` : null,
    f.collection ? `collection: ${f.collection}` : null,
    // Worded as the timeline's chip words the range.
    f.from || f.to ? `date: ${rangeLabel(f.from, f.to)}` : null,
    f.sort ? `sorted by ${f.sort}${f.order ? ` (${f.order})` : ''}` : null,
  ].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(' · ') : 'no filters';
}
