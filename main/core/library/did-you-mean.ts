// "Did you mean": when a query's rare words have far more common spellings one edit away, the
// respelt query is counted under the same filter and offered when it finds far more.
import { QueryError } from '../errors';
import { respeltQuery } from '../search/query/spelling';
import type { IndexSearchResult, QueryOptions, SearchIndexApi } from '../search/types';
import type { SearchFilter } from '../search/query/query-eval';

/** How many times the articles a suggestion must find, against the query's own. */
export const SUGGESTION_FACTOR = 5;

/** The respelt query and its count, when it finds SUGGESTION_FACTOR times `total` or more. */
export async function didYouMean(
  query: string,
  result: IndexSearchResult,
  total: number,
  count: (query: string) => Promise<number>,
): Promise<{ didYouMean?: { query: string; total: number } }> {
  if (!result.suggested?.length) return {};
  const respelt = respeltQuery(query, result.suggested);
  if (respelt === null) return {};
  let found: number;
  try {
    found = await count(respelt);
  } catch (e) {
    // Past the work limit: no suggestion, the answer stands.
    if (e instanceof QueryError) return {};
    throw e;
  }
  return found > total && found >= total * SUGGESTION_FACTOR
    ? { didYouMean: { query: respelt, total: found } }
    : {};
}

/** Counts the hits of `query` that `keep` keeps, with the search's own options. */
export function hitCounter(
  index: SearchIndexApi,
  filter: SearchFilter | undefined,
  keep: (id: string) => boolean,
  options: QueryOptions,
): (query: string) => Promise<number> {
  return async (query) => {
    const r = await index.search(query, filter, options);
    let n = 0;
    for (const hit of r.hits) if (keep(hit.id)) n++;
    return n;
  };
}
