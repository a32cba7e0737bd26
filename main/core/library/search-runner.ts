// search(): index hits filtered by the catalogue, sorted, paged, with snippets and highlights.
import { performance } from 'node:perf_hooks';
import type { Catalog } from '../store/catalog';
import type { ArticleStore } from '../store/article-store';
import type { SearchIndexApi } from '../search/types';
import type { ArticleRecord } from '../store/article-file';
import type { SearchHit, SearchQuery, SearchResult, TextRange } from '../types';
import { loadArticle } from './article-text';
import { checkPaging, recordFilter, sortRecords } from './list-query';
import { toMeta } from './meta';

export type MakeSnippet = (
  text: string,
  ranges: TextRange[],
  maxChars: number,
) => { snippet: string; matches: TextRange[] };

const SNIPPET_CHARS = 240;
const DEFAULT_LIMIT = 20;

/**
 * Runs a search. A blank query returns no hits (total 0) rather than an error: the app shows
 * the article list when the search box is empty.
 */
export async function runSearch(
  q: SearchQuery,
  deps: { index: SearchIndexApi; catalog: Catalog; store: ArticleStore; makeSnippet: MakeSnippet },
): Promise<SearchResult> {
  const started = performance.now();
  const { offset, limit } = checkPaging(q.offset, q.limit, DEFAULT_LIMIT);
  const keep = recordFilter({ view: q.view, tags: q.tags, place: q.place, language: q.language });
  const query = typeof q.query === 'string' ? q.query : '';
  if (query.trim() === '')
    return { total: 0, hits: [], partial: false, tookMs: performance.now() - started };
  const records = deps.catalog.records;
  const result = await deps.index.search(query, (id) => {
    const r = records.get(id);
    return r !== undefined && keep(r);
  });
  const scores = new Map<string, number>();
  const found: ArticleRecord[] = [];
  for (const hit of result.hits) {
    const r = records.get(hit.id);
    if (!r || !keep(r) || scores.has(hit.id)) continue;
    scores.set(hit.id, hit.score);
    found.push(r);
  }
  const sort = q.sort ?? 'relevance';
  if (sort === 'title') sortRecords(found, 'title', 'asc');
  else if (sort === 'date' || sort === 'imported') sortRecords(found, sort, 'desc');
  // The page's files are read together: snippets wait on I/O more than on the CPU.
  const hits: SearchHit[] = await Promise.all(
    found.slice(offset, offset + limit).map((r) => makeHit(query, r, scores.get(r.id) ?? 0, deps)),
  );
  return {
    total: found.length,
    hits,
    partial: result.partial,
    tookMs: performance.now() - started,
  };
}

async function makeHit(
  query: string,
  r: ArticleRecord,
  score: number,
  deps: { index: SearchIndexApi; store: ArticleStore; makeSnippet: MakeSnippet },
): Promise<SearchHit> {
  let snippet = r.excerpt;
  let snippetMatches: TextRange[] = [];
  try {
    const { clean } = await loadArticle(deps.store, r.id);
    const made = deps.makeSnippet(
      clean.body,
      deps.index.highlight(query, clean.body, r.language),
      SNIPPET_CHARS,
    );
    snippet = made.snippet;
    snippetMatches = made.matches;
  } catch {
    // A damaged or vanished file still shows as a hit, with its stored excerpt.
  }
  return {
    id: r.id,
    title: r.title,
    score,
    snippet,
    snippetMatches,
    titleMatches: deps.index.highlight(query, r.title, r.language),
    meta: toMeta(r),
  };
}
