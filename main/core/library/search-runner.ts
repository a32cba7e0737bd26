// search(): index hits filtered by the catalogue, sorted, paged, with snippets and highlights.
import { performance } from 'node:perf_hooks';
import type { Catalog } from '../store/catalog';
import type { ArticleStore } from '../store/article-store';
import { rangesOfWords } from '../search/query/matched-words';
import { stableFilter, type SearchFilter } from '../search/query/query-eval';
import type { SearchIndexApi } from '../search/types';
import type { ArticleRecord } from '../store/article-file';
import type { SearchHit, SearchQuery, SearchResult, TextRange } from '../../contract/types';
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
  const result = await deps.index.search(query, indexFilter(q, deps.catalog, keep));
  // A common word hits tens of thousands of articles. The index applied the filter to every
  // hit already; each is checked again (the catalogue may have changed while the search
  // waited) only as far as the page needs, since those record lookups dominated the time.
  const sort = q.sort ?? 'relevance';
  let page: { r: ArticleRecord; score: number }[] = [];
  let total = 0;
  if (sort === 'title' || sort === 'date' || sort === 'imported') {
    const found: ArticleRecord[] = [];
    const scoreOf = new Map<string, number>();
    for (const hit of result.hits) {
      const r = records.get(hit.id);
      if (!r || !keep(r)) continue;
      found.push(r);
      scoreOf.set(r.id, hit.score);
    }
    sortRecords(found, sort, sort === 'title' ? 'asc' : 'desc');
    total = found.length;
    page = found.slice(offset, offset + limit).map((r) => ({ r, score: scoreOf.get(r.id)! }));
  } else {
    let i = 0;
    for (; i < result.hits.length && total < offset + limit; i++) {
      const hit = result.hits[i]!;
      const r = records.get(hit.id);
      if (!r || !keep(r)) continue;
      if (total >= offset) page.push({ r, score: hit.score });
      total++;
    }
    total += result.hits.length - i;
  }
  // The page's files are read together: snippets wait on I/O more than on the CPU.
  const hits: SearchHit[] = await Promise.all(
    page.map(({ r, score }) => makeHit(query, r, score, deps)),
  );
  return {
    total,
    hits,
    partial: result.partial,
    tookMs: performance.now() - started,
  };
}

/**
 * The filter the index applies per candidate. The plain views need only the trash set (a
 * record lookup per candidate cost more than the rest of a common-word search); anything
 * else checks the record. Ids the index holds but the catalogue lacks are always dropped.
 */
function indexFilter(
  q: SearchQuery,
  catalog: Catalog,
  keep: (r: ArticleRecord) => boolean,
): (id: string) => boolean {
  const view = q.view ?? 'all';
  const plain = !q.tags?.length && q.place === undefined && q.language === undefined;
  if (plain && (view === 'all' || view === 'trash')) return plainFilter(catalog, view);
  const records = catalog.records;
  return (id) => {
    const r = records.get(id);
    return r !== undefined && keep(r);
  };
}

// A plain view's verdict on an id changes only when the catalogue gains or loses ids or the
// trash changes. The same filter is handed out until then, marked stable, so the index
// keeps its verdicts across searches instead of asking again for every candidate.
interface PlainFilter {
  membership: number;
  trash: Set<string>;
  filter: SearchFilter;
}
const plainFilters = new WeakMap<Catalog, Map<string, PlainFilter>>();
// Comparing a large trash on every search would cost what the cache saves.
const TRASH_SNAPSHOT_LIMIT = 10_000;

function plainFilter(catalog: Catalog, view: 'all' | 'trash'): SearchFilter {
  const trashed = catalog.trashedIds;
  const records = catalog.records;
  const make =
    view === 'trash'
      ? (id: string) => trashed.has(id) && records.has(id)
      : trashed.size === 0
        ? (id: string) => records.has(id)
        : (id: string) => records.has(id) && !trashed.has(id);
  if (trashed.size > TRASH_SNAPSHOT_LIMIT) return make;
  let byView = plainFilters.get(catalog);
  if (!byView) plainFilters.set(catalog, (byView = new Map()));
  const cached = byView.get(view);
  if (cached && cached.membership === catalog.membership && sameSet(cached.trash, trashed)) {
    return cached.filter;
  }
  const filter = stableFilter(make);
  byView.set(view, { membership: catalog.membership, trash: new Set(trashed), filter });
  return filter;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of b) if (!a.has(x)) return false;
  return true;
}

async function makeHit(
  query: string,
  r: ArticleRecord,
  score: number,
  deps: { index: SearchIndexApi; store: ArticleStore; makeSnippet: MakeSnippet },
): Promise<SearchHit> {
  let snippet = r.excerpt;
  let snippetMatches: TextRange[] = [];
  // From the index's word positions when it has them: no stemming of the hit's text.
  const words = deps.index.matchedWords?.(query, r.id) ?? null;
  try {
    const { clean } = await loadArticle(deps.store, r.id);
    const made = deps.makeSnippet(
      clean.body,
      words
        ? rangesOfWords(clean.body, words.body)
        : deps.index.highlight(query, clean.body, r.language),
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
    titleMatches: words
      ? rangesOfWords(r.title, words.title)
      : deps.index.highlight(query, r.title, r.language),
    meta: toMeta(r),
  };
}
