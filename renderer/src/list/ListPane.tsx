import type { KeyboardEvent, MouseEvent, Ref } from 'react';
import type { ArticleSort, SearchSort } from '../../../main/contract/types';
import type { useArticleRows } from './useArticleRows';
import { ArticleList, type ArticleListHandle } from './ArticleList';
import { ListHeader } from './ListHeader';
import { ListMessage } from './ListMessage';
import { SearchBar } from '../search/SearchBar';
import type { Filters } from '../sidebar/Sidebar';

export const VIEW_LABELS = {
  all: 'All articles',
  unread: 'Unread',
  favourites: 'Favourites',
  trash: 'Trash',
};

interface Props {
  searchRef: Ref<HTMLInputElement>;
  listRef: Ref<ArticleListHandle>;
  query: string;
  onQuery(query: string): void;
  /** Arrow down or Enter in the search field. */
  onLeaveSearch(): void;
  rows: ReturnType<typeof useArticleRows>;
  filters: Filters;
  onFilters(f: Filters): void;
  listSort: ArticleSort;
  onListSort(sort: ArticleSort): void;
  searchSort: SearchSort;
  onSearchSort(sort: SearchSort): void;
  selected: ReadonlySet<string>;
  focus: number | null;
  openId: string | null;
  onRowClick(index: number, e: MouseEvent): void;
  onListKey(e: KeyboardEvent<HTMLDivElement>): void;
}

/** The middle pane: the search field, the count and sort, and the list (or why it is empty). */
export function ListPane({ searchRef, listRef, ...props }: Props) {
  const { rows, filters } = props;
  const searching = props.query.trim() !== '';
  const error: unknown = rows.error;
  const showMessage = error || (rows.total === 0 && rows.shownKey !== null && !rows.loading);
  return (
    <section className="pane list-pane" aria-label="Articles">
      <SearchBar
        ref={searchRef}
        value={props.query}
        onChange={props.onQuery}
        onLeave={props.onLeaveSearch}
      />
      <ListHeader
        searching={searching}
        loading={rows.loading}
        total={rows.total}
        partial={rows.partial}
        tookMs={rows.tookMs}
        filters={filters}
        onFilters={props.onFilters}
        sort={searching ? props.searchSort : props.listSort}
        onSort={(s) =>
          searching ? props.onSearchSort(s as SearchSort) : props.onListSort(s as ArticleSort)
        }
        viewLabel={VIEW_LABELS[filters.view]}
      />
      {showMessage ? (
        <ListMessage error={error} searching={searching} view={filters.view} />
      ) : (
        <ArticleList
          ref={listRef}
          count={rows.total}
          rowAt={rows.rowAt}
          loadRange={rows.loadRange}
          selected={props.selected}
          focus={props.focus}
          openId={props.openId}
          dataVersion={rows.generation}
          label={searching ? 'Search results' : VIEW_LABELS[filters.view]}
          onRowClick={props.onRowClick}
          onKeyDown={props.onListKey}
        />
      )}
    </section>
  );
}
