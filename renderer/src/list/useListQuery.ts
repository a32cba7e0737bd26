// What the list shows: the search text, the sidebar's filters, the sort order (one for the
// list, remembered, and one for search results) and the rows they give.
import { useCallback, useRef, useState } from 'react';
import {
  articleSortSchema,
  searchSortSchema,
  type ArticleSort,
  type SearchSort,
} from '../../../main/contract/types';
import { usePersistentState } from '../shared/usePersistentState';
import type { Filters } from '../sidebar/Sidebar';
import { useArticleRows, type SearchMode } from './useArticleRows';

const isSort = (v: unknown): v is ArticleSort => articleSortSchema.safeParse(v).success;
const NO_FILTERS: Filters = { view: 'all', tags: [], place: null, language: null };

export interface ListQuery {
  query: string;
  setQuery(query: string): void;
  /** True while the search text is not blank. */
  searching: boolean;
  filters: Filters;
  setFilters(filters: Filters): void;
  /** The sort in use: the search sort while searching, else the list sort. */
  sort: ArticleSort | SearchSort;
  /** Sets the sort in use; a value that is not one of its sorts is ignored. */
  setSort(sort: string): void;
  /** The sort runs against its usual direction (oldest first, Z to A). */
  reversed: boolean;
  setReversed(reversed: boolean): void;
  rows: ReturnType<typeof useArticleRows>;
  /** Ref callback for the search field. */
  attachSearchField(el: HTMLInputElement | null): void;
  /** Focuses the search field with its text selected. */
  focusSearch(): void;
  /** Reruns the search shown with the words as typed, or with any of them; reset by typing. */
  setSearchMode(mode: SearchMode): void;
}

/** The list's query state and its rows; `refresh` changes when the rows should be fetched again. */
export function useListQuery(refresh: unknown, hideVersions = false): ListQuery {
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [query, setQuery] = useState('');
  const [listSort, setListSort] = usePersistentState<ArticleSort>('ar.sort', 'imported', isSort);
  const [searchSort, setSearchSort] = useState<SearchSort>('relevance');
  const [reversed, setReversed] = usePersistentState<boolean>(
    'ar.sortReversed',
    false,
    (v): v is boolean => typeof v === 'boolean',
  );
  // The mode belongs to the text it was chosen for: a new text searches all words again.
  const [mode, setMode] = useState<{ text: string; mode: SearchMode }>({ text: '', mode: {} });
  const activeMode = mode.text === query.trim() ? mode.mode : {};
  const rows = useArticleRows(
    query,
    filters,
    listSort,
    searchSort,
    refresh,
    reversed,
    activeMode,
    hideVersions,
  );
  const searchField = useRef<HTMLInputElement | null>(null);
  const searching = query.trim() !== '';
  const attachSearchField = useCallback((el: HTMLInputElement | null) => {
    searchField.current = el;
  }, []);
  const focusSearch = useCallback(() => {
    searchField.current?.focus();
    searchField.current?.select();
  }, []);
  return {
    query,
    setQuery,
    searching,
    filters,
    setFilters,
    sort: searching ? searchSort : listSort,
    setSort: (sort) => {
      if (searching) {
        const parsed = searchSortSchema.safeParse(sort);
        if (parsed.success) setSearchSort(parsed.data);
      } else {
        const parsed = articleSortSchema.safeParse(sort);
        if (parsed.success) setListSort(parsed.data);
      }
    },
    reversed,
    setReversed,
    rows,
    attachSearchField,
    focusSearch,
    setSearchMode: (m) => setMode({ text: query.trim(), mode: m }),
  };
}
