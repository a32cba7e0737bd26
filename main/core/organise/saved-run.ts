// Running a saved search: its query with its filters, or the filtered list when the query is
// blank, answered as a search result either way (the CLI's `saved run` prints it as search does).
import { performance } from 'node:perf_hooks';
import type { SavedSearch } from '../../contract/organise';
import type { ArticlePage, ListQuery, SearchQuery, SearchResult } from '../../contract/types';
import type { ArticleRecord } from '../store/article-file';

/** What running needs from the engine: list and search with a further record condition. */
export interface SavedRunDeps {
  list(query: ListQuery, restrict?: (r: ArticleRecord) => boolean): Promise<ArticlePage>;
  search(query: SearchQuery, restrict?: (r: ArticleRecord) => boolean): Promise<SearchResult>;
}

/** A page of what a saved search finds. */
export async function runSaved(
  s: SavedSearch,
  page: { limit?: number; offset?: number },
  deps: SavedRunDeps,
): Promise<SearchResult> {
  const started = performance.now();
  const f = s.filters;
  const restrict = dateRange(f.from, f.to);
  const common = {
    ...(f.view !== undefined ? { view: f.view } : {}),
    ...(f.tags !== undefined && f.tags.length > 0 ? { tags: f.tags } : {}),
    ...(f.collection !== undefined ? { collection: f.collection } : {}),
    ...(f.order !== undefined ? { order: f.order } : {}),
    ...(page.limit !== undefined ? { limit: page.limit } : {}),
    ...(page.offset !== undefined ? { offset: page.offset } : {}),
  };
  if (s.query.trim() !== '') {
    return deps.search(
      { query: s.query, ...common, ...(f.sort ? { sort: f.sort } : {}) },
      restrict,
    );
  }
  // Without words there is no relevance: the list's newest-first import order stands in.
  const sort = f.sort === undefined || f.sort === 'relevance' ? 'imported' : f.sort;
  const listed = await deps.list({ ...common, sort }, restrict);
  return {
    total: listed.total,
    hits: listed.items.map((meta) => ({
      id: meta.id,
      title: meta.title,
      score: 0,
      snippet: meta.excerpt,
      snippetMatches: [],
      titleMatches: [],
      meta,
    })),
    partial: false,
    tookMs: performance.now() - started,
  };
}

/** How many articles a saved search finds. */
export async function countSaved(s: SavedSearch, deps: SavedRunDeps): Promise<number> {
  let result = await runSaved(s, { limit: 1 }, deps);
  // A count must not miss the index segments still loading after an open.
  for (let waited = 0; result.partial && waited < COUNT_WAIT_MS; waited += COUNT_RETRY_MS) {
    await new Promise((done) => setTimeout(done, COUNT_RETRY_MS));
    result = await runSaved(s, { limit: 1 }, deps);
  }
  return result.total;
}

// How long a count waits for index segments still loading, and how often it looks again.
const COUNT_WAIT_MS = 60_000;
const COUNT_RETRY_MS = 100;

/** Articles dated within [from, to] (ISO days, either end open); undefined when no range. */
export function dateRange(
  from: string | undefined,
  to: string | undefined,
): ((r: ArticleRecord) => boolean) | undefined {
  if (from === undefined && to === undefined) return undefined;
  return (r) =>
    r.articleDate !== null &&
    (from === undefined || r.articleDate >= from) &&
    (to === undefined || r.articleDate.slice(0, 10) <= to);
}
