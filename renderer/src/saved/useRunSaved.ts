// Showing a saved search in the list: its text, filters and sort.
import { useEffect, useState } from 'react';
import type { SavedSearch } from '../../../main/contract/organise';
import type { ListQuery } from '../list/useListQuery';
import { currentOf } from './current-search';

/** A function that shows a saved search in the list. */
export function useRunSaved(list: ListQuery): (s: SavedSearch) => void {
  // The list keeps one sort for searches and one for the plain list, chosen by whether there
  // is text: the sort is set once the new text is in.
  const [pending, setPending] = useState<{ sort: string; reversed: boolean } | null>(null);
  const { searching, setSort, setReversed } = list;
  useEffect(() => {
    if (!pending) return;
    setSort(pending.sort);
    setReversed(pending.reversed);
    setPending(null);
  }, [pending, searching, setSort, setReversed]);
  return (s) => {
    const next = currentOf(s);
    list.setQuery(next.query);
    list.setFilters(next.filters);
    setPending({ sort: next.sort, reversed: next.reversed });
  };
}
