// The list's rows: listArticles pages, or search pages while a query is typed.
import { useCallback } from 'react';
import type { ArticleSort, ListQuery, SearchSort } from '../../../main/contract/types';
import { getClient } from '../api/client';
import type { Row } from './ArticleRow';
import type { Filters } from '../sidebar/Sidebar';
import { fetchAllIds } from './fetch-all-ids';
import { usePagedQuery, type Page } from './usePagedQuery';

/** Each sort's usual direction: newest first, titles A to Z; `reversed` flips it. */
export const DEFAULT_ORDER: Record<ArticleSort, 'asc' | 'desc'> = {
  imported: 'desc',
  date: 'desc',
  title: 'asc',
};
const orderOf = (sort: ArticleSort, reversed: boolean) =>
  reversed ? (DEFAULT_ORDER[sort] === 'asc' ? 'desc' : 'asc') : DEFAULT_ORDER[sort];

// Short: a search at a few thousand articles takes tens of ms, and answers to older text are
// dropped (usePagedQuery), so the final text is what shows, within 100 ms of the last key.
export const SEARCH_DEBOUNCE_MS = 40;

/** How a search reads its words beyond the text (see SearchQuery). */
export interface SearchMode {
  exact?: boolean;
  anyWord?: boolean;
}

function filterArgs(
  f: Filters,
): Pick<ListQuery, 'view' | 'tags' | 'place' | 'language' | 'collection' | 'from' | 'to'> {
  return {
    view: f.view,
    ...(f.tags.length > 0 ? { tags: f.tags } : {}),
    ...(f.place ? { place: f.place } : {}),
    ...(f.language ? { language: f.language } : {}),
    ...(f.collection ? { collection: f.collection } : {}),
    ...(f.from !== undefined ? { from: f.from } : {}),
    ...(f.to !== undefined ? { to: f.to } : {}),
  };
}

/** The rows the list shows for a query (search) or the filters alone (list). */
export function useArticleRows(
  query: string,
  filters: Filters,
  listSort: ArticleSort,
  searchSort: SearchSort,
  /** Changes when the same query should be fetched again (library changed, index ready). */
  refresh: unknown,
  /** The sort runs against its usual direction (never for best match). */
  reversed = false,
  /** Search the words as typed (no corrected spellings), or any of them rather than all. */
  mode: SearchMode = {},
  /** The list shows one version of each story (searches show every version). */
  hideVersions = false,
) {
  const q = query.trim();
  const { exact = false, anyWord = false } = mode;
  const key = JSON.stringify({
    q,
    filters,
    sort: q ? searchSort : listSort,
    reversed,
    ...(q && (exact || anyWord) ? { exact, anyWord } : {}),
    ...(!q && hideVersions ? { hideVersions } : {}),
  });
  const fetchPage = useCallback(
    async (offset: number, limit: number): Promise<Page<Row>> => {
      const api = getClient();
      if (q) {
        const r = await api.call('search', {
          query: q,
          offset,
          limit,
          sort: searchSort,
          ...(searchSort !== 'relevance' && reversed
            ? { order: orderOf(searchSort, reversed) }
            : {}),
          ...filterArgs(filters),
          ...(exact ? { exact } : {}),
          ...(anyWord ? { anyWord } : {}),
        });
        return {
          total: r.total,
          tookMs: r.tookMs,
          partial: r.partial,
          notes: {
            ...(r.corrected ? { corrected: r.corrected } : {}),
            ...(r.ignored ? { ignored: r.ignored } : {}),
            ...(r.passage ? { passage: true } : {}),
            ...(r.anyWordTotal !== undefined ? { anyWordTotal: r.anyWordTotal } : {}),
            ...(r.didYouMean ? { didYouMean: r.didYouMean } : {}),
          },
          items: r.hits.map((h) => ({
            meta: h.meta,
            snippet: h.snippet,
            snippetMatches: h.snippetMatches,
            titleMatches: h.titleMatches,
          })),
        };
      }
      const page = await api.call('listArticles', {
        ...filterArgs(filters),
        sort: listSort,
        order: orderOf(listSort, reversed),
        offset,
        limit,
        ...(hideVersions ? { hideVersions } : {}),
      });
      return { total: page.total, items: page.items.map((meta) => ({ meta })) };
    },
    [q, filters, listSort, searchSort, reversed, exact, anyWord, hideVersions],
  );
  const paged = usePagedQuery(key, refresh, fetchPage, { delayMs: q ? SEARCH_DEBOUNCE_MS : 0 });
  const shownQuery = paged.shownKey ? (JSON.parse(paged.shownKey) as { q: string }).q : '';
  // Select all: every row's id, fetched in pages for the query shown now.
  const allIds = useCallback(() => fetchAllIds(fetchPage, paged.total), [fetchPage, paged.total]);
  return { ...paged, key, shownQuery, allIds };
}
