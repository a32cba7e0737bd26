// The index's loading state in the UI: "Indexing…" in the sidebar footer while stats say the
// index is not ready, the partial-results notice over search results, and the search
// running again once indexReady arrives.
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiArgs, ApiEvent, ApiEvents, ApiMethod } from '../../../main/contract/api-contract';
import type { LibraryStats, SearchResult } from '../../../main/contract/types';
import { createClient, setClient } from '../api/client';
import { ListHeader } from '../list/ListHeader';
import type { Filters } from '../sidebar/Sidebar';
import { SidebarPane } from '../sidebar/SidebarPane';
import { useArticleRows } from '../list/useArticleRows';
import { useLibraryData } from './useLibrary';

const filters: Filters = { view: 'all', tags: [], place: null, language: null };
const noop = () => undefined;

function stats(ready: boolean): LibraryStats {
  return {
    libraryPath: '/lib',
    articles: 3,
    unread: 3,
    favourites: 0,
    trash: 0,
    tags: [],
    places: [],
    languages: [],
    totalBytes: 100,
    index: { ready, segments: ready ? 2 : 1, documents: 3 },
  };
}

/** A fake main process: the index is loading until `finishIndex()`, then it is whole. */
function fakeMain() {
  let ready = false;
  const searches: ApiArgs<'search'>[] = [];
  const listeners = new Map<ApiEvent, Set<(p: unknown) => void>>();
  const hit = (n: number) => ({
    id: `id${n}`,
    title: `Article ${n}`,
    score: 1,
    snippet: 'text',
    snippetMatches: [],
    titleMatches: [],
    meta: { id: `id${n}` } as SearchResult['hits'][number]['meta'],
  });
  const answer = (method: ApiMethod, args: unknown): unknown => {
    if (method === 'stats') return stats(ready);
    if (method === 'search') {
      searches.push(args as ApiArgs<'search'>);
      const hits = ready ? [hit(1), hit(2), hit(3)] : [hit(1)];
      return { total: hits.length, hits, partial: !ready, tookMs: 1 } satisfies SearchResult;
    }
    return { total: 0, offset: 0, items: [] };
  };
  const client = createClient({
    call: (method, args) => Promise.resolve({ ok: true, value: answer(method, args) as never }),
    on: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (p: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (p: unknown) => void);
    },
    pathsForFiles: () => [],
  });
  const emit = <E extends ApiEvent>(event: E, payload: ApiEvents[E]) =>
    listeners.get(event)?.forEach((l) => l(payload));
  return {
    client,
    searches,
    finishIndex() {
      ready = true;
      emit('indexReady', { documents: 3, segments: 2 });
    },
  };
}

function SearchHarness({ query }: { query: string }) {
  const library = useLibraryData();
  const rows = useArticleRows(query, filters, 'imported', 'relevance', library.refresh);
  return (
    <>
      <SidebarPane
        stats={library.stats}
        indexReady={library.indexReady}
        filters={filters}
        onFilters={noop}
        onManageTags={noop}
        onImport={noop}
        onEmptyTrash={noop}
        onShortcuts={noop}
      />
      <ListHeader
        searching
        loading={rows.loading}
        total={rows.total}
        partial={rows.partial}
        filters={filters}
        onFilters={noop}
        sort="relevance"
        onSort={noop}
        viewLabel="All articles"
      />
    </>
  );
}

afterEach(cleanup);

describe('index status', () => {
  it('the sidebar footer says "Indexing…" only while the index is not ready', () => {
    const props = {
      stats: stats(false),
      filters,
      onFilters: noop,
      onManageTags: noop,
      onImport: noop,
      onEmptyTrash: noop,
      onShortcuts: noop,
    };
    const { rerender } = render(<SidebarPane {...props} indexReady={false} />);
    expect(screen.getByTestId('index-status').textContent).toBe('Indexing…');
    rerender(<SidebarPane {...props} indexReady />);
    expect(screen.queryByTestId('index-status')).toBeNull();
  });

  it('a partial search says the results may be incomplete; a whole one or a list does not', () => {
    const props = {
      loading: false,
      total: 4,
      filters,
      onFilters: noop,
      sort: 'relevance' as const,
      onSort: noop,
      viewLabel: 'All articles',
    };
    const { rerender } = render(<ListHeader {...props} searching partial />);
    expect(screen.getByTestId('partial-notice').textContent).toBe(
      'Index still loading — results may be incomplete',
    );
    rerender(<ListHeader {...props} searching partial={false} />);
    expect(screen.queryByTestId('partial-notice')).toBeNull();
    rerender(<ListHeader {...props} searching={false} partial />);
    expect(screen.queryByTestId('partial-notice')).toBeNull();
  });

  it('runs a partial search again when indexReady arrives, and the notices go', async () => {
    const main = fakeMain();
    setClient(main.client);
    render(<SearchHarness query="tehran" />);
    await waitFor(() => expect(screen.getByTestId('partial-notice')).toBeTruthy());
    expect(screen.getByTestId('index-status').textContent).toBe('Indexing…');
    expect(screen.getByTestId('list-count').textContent).toBe('1 result so far');
    // One search, or two when the debounce fires before the first stats arrive (the search
    // runs again once they say the index is loading): it depends on the machine's timing.
    const before = main.searches.length;
    expect(before).toBeGreaterThanOrEqual(1);

    act(() => main.finishIndex());
    await waitFor(() => expect(screen.queryByTestId('partial-notice')).toBeNull());
    expect(screen.getByTestId('list-count').textContent).toBe('3 results');
    expect(screen.queryByTestId('index-status')).toBeNull();
    expect(main.searches.length).toBeGreaterThan(before);
    expect(main.searches.every((s) => s.query === 'tehran')).toBe(true);
  });
});
