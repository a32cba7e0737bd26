import { ArticleList } from './ArticleList';
import { ListHeader } from './ListHeader';
import { ListMessage } from './ListMessage';
import { useSelection } from './SelectionContext';
import type { ListQuery } from './useListQuery';
import { SearchBar } from '../search/SearchBar';

export const VIEW_LABELS = {
  all: 'All articles',
  unread: 'Unread',
  favourites: 'Favourites',
  trash: 'Trash',
};

/** The middle pane: the search field, the count and sort, and the list (or why it is empty). */
export function ListPane({ list }: { list: ListQuery }) {
  const { rows, filters, searching, attachSearchField } = list;
  const selection = useSelection();
  const { attachList } = selection;
  const error: unknown = rows.error;
  const showMessage = error || (rows.total === 0 && rows.shownKey !== null && !rows.loading);
  // Arrow down or Enter in the search field moves to the results.
  const leaveSearch = () => {
    selection.focusList();
    if (selection.focus === null && rows.total > 0) selection.move(1);
  };
  return (
    <section className="pane list-pane" aria-label="Articles">
      <SearchBar
        ref={attachSearchField}
        value={list.query}
        onChange={list.setQuery}
        onLeave={leaveSearch}
      />
      <ListHeader
        searching={searching}
        loading={rows.loading}
        total={rows.total}
        partial={rows.partial}
        tookMs={rows.tookMs}
        filters={filters}
        onFilters={list.setFilters}
        sort={list.sort}
        onSort={list.setSort}
        viewLabel={VIEW_LABELS[filters.view]}
      />
      {showMessage ? (
        <ListMessage error={error} searching={searching} view={filters.view} />
      ) : (
        <ArticleList
          ref={attachList}
          count={rows.total}
          rowAt={rows.rowAt}
          loadRange={rows.loadRange}
          dataVersion={rows.generation}
          label={searching ? 'Search results' : VIEW_LABELS[filters.view]}
          busy={rows.loading}
        />
      )}
    </section>
  );
}
