// The list's rows: listArticles pages, or search pages while a query is typed.
import { useCallback } from 'react';
import type { ArticleSort, ListQuery, SearchSort } from '../../../main/contract/types';
import { getClient } from '../api/client';
import type { Row } from './ArticleRow';
import type { Filters } from '../sidebar/Sidebar';
import { usePagedQuery, type Page } from './usePagedQuery';

const ORDER: Record<ArticleSort, 'asc' | 'desc'> = { imported: 'desc', date: 'desc', title: 'asc' };

export const SEARCH_DEBOUNCE_MS = 150;

function filterArgs(f: Filters): Pick<ListQuery, 'view' | 'tags' | 'place' | 'language'> {
  return {
    view: f.view,
    ...(f.tags.length > 0 ? { tags: f.tags } : {}),
    ...(f.place ? { place: f.place } : {}),
    ...(f.language ? { language: f.language } : {}),
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
) {
  const q = query.trim();
  const key = JSON.stringify({ q, filters, sort: q ? searchSort : listSort });
  const fetchPage = useCallback(
    async (offset: number, limit: number): Promise<Page<Row>> => {
      const api = getClient();
      if (q) {
        const r = await api.call('search', {
          query: q,
          offset,
          limit,
          sort: searchSort,
          ...filterArgs(filters),
        });
        return {
          total: r.total,
          tookMs: r.tookMs,
          partial: r.partial,
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
        order: ORDER[listSort],
        offset,
        limit,
      });
      return { total: page.total, items: page.items.map((meta) => ({ meta })) };
    },
    [q, filters, listSort, searchSort],
  );
  const paged = usePagedQuery(key, refresh, fetchPage, { delayMs: q ? SEARCH_DEBOUNCE_MS : 0 });
  const shownQuery = paged.shownKey ? (JSON.parse(paged.shownKey) as { q: string }).q : '';
  return { ...paged, key, shownQuery };
}
