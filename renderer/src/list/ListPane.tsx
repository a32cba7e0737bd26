import type { KeyboardEvent, MouseEvent, ReactNode } from 'react';
import type { ListDensity } from '../../../main/contract/settings';
import { ArticleList } from './ArticleList';
import { ListHeader } from './ListHeader';
import { ListMessage } from './ListMessage';
import { useSelection } from './SelectionContext';
import type { ListQuery } from './useListQuery';
import { SearchBar } from '../search/SearchBar';
import { Timeline } from '../timeline/Timeline';

export const VIEW_LABELS = {
  all: 'All articles',
  unread: 'Unread',
  favourites: 'Favourites',
  trash: 'Trash',
};

interface Props {
  list: ListQuery;
  /** Shown before the search field (the sidebar toggle). */
  lead?: ReactNode;
  /** An article was opened on purpose (a plain click or Enter): where the list and the
   * reader share one pane, the reader takes it. */
  onShowReader?(): void;
  /** Row density (a setting) and how to change it. */
  density?: ListDensity;
  onDensity?(density: ListDensity): void;
  /** One version of each story (a setting) and how to change it. */
  hideVersions?: boolean;
  onHideVersions?(hide: boolean): void;
}

const plain = (e: { ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }) =>
  !e.ctrlKey && !e.metaKey && !e.shiftKey && !e.altKey;
const inList = (e: { target: EventTarget }, what: string) =>
  e.target instanceof Element && e.target.closest(what) !== null;

/** The middle pane: the search field, the count and sort, and the list (or why it is empty). */
export function ListPane(props: Props) {
  const { list, lead, onShowReader, density, onDensity } = props;
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
  // Selection moves (j/k, arrows, Ctrl/Shift+click) stay in the list.
  const onClick = (e: MouseEvent) => {
    if (plain(e) && inList(e, '.list-scroller [role="option"]')) onShowReader?.();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && plain(e) && inList(e, '.list-scroller')) onShowReader?.();
  };
  return (
    // The handlers only listen for what the list itself already handled.
    <section
      className="pane list-pane"
      aria-label="Articles"
      onClick={onClick}
      onKeyDown={onKeyDown}
    >
      <div className="list-top">
        {lead}
        <SearchBar
          ref={attachSearchField}
          value={list.query}
          onChange={list.setQuery}
          onLeave={leaveSearch}
          onDone={selection.focusList}
        />
      </div>
      <Timeline
        query={rows.shownQuery}
        filters={filters}
        onFilters={list.setFilters}
        hideVersions={props.hideVersions}
        refresh={`${rows.shownKey ?? ''}#${rows.generation}`}
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
        reversed={list.reversed}
        onReversed={list.setReversed}
        density={density}
        onDensity={onDensity}
        hideVersions={props.hideVersions}
        onHideVersions={props.onHideVersions}
        viewLabel={VIEW_LABELS[filters.view]}
        notes={rows.notes}
        onSearchMode={list.setSearchMode}
        onQuery={list.setQuery}
      />
      {showMessage ? (
        <ListMessage
          error={error}
          searching={searching}
          view={filters.view}
          viewLabel={VIEW_LABELS[filters.view]}
          anyWordTotal={rows.notes?.anyWordTotal}
          onAnyWord={() => list.setSearchMode({ anyWord: true })}
          onSearchAll={() => list.setFilters({ ...filters, view: 'all' })}
        />
      ) : (
        <ArticleList
          ref={attachList}
          count={rows.total}
          rowAt={rows.rowAt}
          loadRange={rows.loadRange}
          dataVersion={rows.generation}
          label={searching ? 'Search results' : VIEW_LABELS[filters.view]}
          busy={rows.loading}
          density={density}
        />
      )}
    </section>
  );
}
