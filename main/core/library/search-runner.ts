// search(): index hits filtered by the catalogue, sorted, paged, with snippets and highlights.
import { performance } from 'node:perf_hooks';
import { QueryError } from '../errors';
import type { Catalog } from '../store/catalog';
import type { ArticleStore } from '../store/article-store';
import { SNIPPET_CHARS as SCANNED_CHARS } from '../search/query/matched-words';
import { stableFilter, type SearchFilter } from '../search/query/query-eval';
import type { NameMatcher, SearchIndexApi, QueryOptions } from '../search/types';
import type { ArticleRecord } from '../store/article-file';
import type { SearchHit, SearchQuery, SearchResult, TextRange } from '../../contract/types';
import { cleanArticle } from '../text/parse-article';
import { sourceTextOf } from '../html/source-text';
import { loadStored } from './article-text';
import { checkPaging, recordFilter, sortRecords } from './list-query';
import { toMeta } from './meta';
import { didYouMean, hitCounter } from './did-you-mean';

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
  deps: {
    index: SearchIndexApi;
    catalog: Catalog;
    store: ArticleStore;
    makeSnippet: MakeSnippet;
    /** A further condition on records (a saved search's date range). */
    restrict?: (r: ArticleRecord) => boolean;
    /** The library's entities, for person:, org: and place: (docs/entities.md). */
    names?: NameMatcher;
  },
): Promise<SearchResult> {
  const started = performance.now();
  const { offset, limit } = checkPaging(q.offset, q.limit, DEFAULT_LIMIT);
  const filtered = recordFilter({
    view: q.view,
    tags: q.tags,
    place: q.place,
    language: q.language,
    collection: q.collection,
    from: q.from,
    to: q.to,
  });
  const restrict = deps.restrict;
  const keep = restrict ? (r: ArticleRecord) => filtered(r) && restrict(r) : filtered;
  const query = typeof q.query === 'string' ? q.query : '';
  if (query.trim() === '')
    return { total: 0, hits: [], partial: false, tookMs: performance.now() - started };
  const records = deps.catalog.records;
  const spelling: QueryOptions = {
    exact: q.exact === true,
    anyWord: q.anyWord === true,
    collectionOf: (id) => records.get(id)?.collection,
    dateOf: (id) => records.get(id)?.articleDate,
    ...(deps.names ? { names: deps.names } : {}),
  };
  const result = await deps.index.search(
    query,
    indexFilter(q, deps.catalog, keep, restrict !== undefined),
    spelling,
  );
  // A common word hits tens of thousands of articles. The index applied the filter to every
  // hit already; each is checked again (the catalogue may have changed while the search
  // waited) only as far as the page needs, since those record lookups dominated the time.
  const sort = q.sort ?? 'relevance';
  const order = q.order ?? (sort === 'title' ? 'asc' : 'desc');
  let page: { r: ArticleRecord; score: number }[] = [];
  let total = 0;
  // Least relevant first needs every hit, like the other sorts.
  if (sort === 'title' || sort === 'date' || sort === 'imported' || order === 'asc') {
    const found: ArticleRecord[] = [];
    const scoreOf = new Map<string, number>();
    for (const hit of result.hits) {
      const r = records.get(hit.id);
      if (!r || !keep(r)) continue;
      found.push(r);
      scoreOf.set(r.id, hit.score);
    }
    if (sort !== 'relevance') sortRecords(found, sort, order);
    else if (order === 'asc') found.reverse();
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
    page.map(({ r, score }) => makeHit(query, r, score, deps, spelling)),
  );
  const kept = (id: string): boolean => {
    const r = deps.catalog.records.get(id);
    return r !== undefined && keep(r);
  };
  const filter = indexFilter(q, deps.catalog, keep, restrict !== undefined);
  const count = (options: QueryOptions) => hitCounter(deps.index, filter, kept, options);
  return {
    total,
    hits,
    partial: result.partial,
    tookMs: performance.now() - started,
    ...(result.capped.length > 0 ? { capped: result.capped } : {}),
    ...(result.corrected?.length ? { corrected: result.corrected } : {}),
    ...(result.ignored?.length ? { ignored: result.ignored } : {}),
    ...(result.passage ? { passage: true } : {}),
    ...(total === 0 && !spelling.anyWord && !result.passage
      ? await anyWordCount(query, count({ ...spelling, anyWord: true }))
      : {}),
    ...(await didYouMean(query, result, total, count(spelling))),
  };
}

/**
 * When all the words found nothing: how many articles hold any of them, to offer (not to show
 * unasked). Nothing when that is none too, or the query has only one word to start with.
 */
async function anyWordCount(
  query: string,
  count: (query: string) => Promise<number>,
): Promise<{ anyWordTotal?: number }> {
  let n;
  try {
    n = await count(query);
  } catch (e) {
    // Past the work limit: the offer is left out, the (empty) answer stands.
    if (e instanceof QueryError) return {};
    throw e;
  }
  return n > 0 ? { anyWordTotal: n } : {};
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
  restricted = false,
): (id: string) => boolean {
  const view = q.view ?? 'all';
  const plain =
    !restricted &&
    !q.tags?.length &&
    q.place === undefined &&
    q.language === undefined &&
    q.collection === undefined &&
    q.from === undefined &&
    q.to === undefined;
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
  spelling: QueryOptions,
): Promise<SearchHit> {
  let snippet = r.excerpt;
  let snippetMatches: TextRange[] = [];
  let body: string | null = null;
  try {
    body = await snippetBody(deps.store, r.id);
  } catch {
    // A damaged or vanished file still shows as a hit, with its stored excerpt.
  }
  // The words the search matched, as the index knows them (no stemming of the hit's text
  // where it can avoid it); only the opening of a huge article is looked at.
  const texts = { title: r.title, body: body ?? '' };
  const marks = deps.index.matchedRanges?.(query, r.id, texts, undefined, spelling);
  if (body !== null) {
    const ranges =
      marks?.body ?? deps.index.highlight(query, body.slice(0, SCANNED_CHARS), r.language);
    const made = deps.makeSnippet(body, ranges, SNIPPET_CHARS);
    snippet = made.snippet;
    snippetMatches = made.matches;
  }
  return {
    id: r.id,
    title: r.title,
    score,
    snippet,
    snippetMatches,
    titleMatches: marks?.title ?? deps.index.highlight(query, r.title, r.language),
    meta: toMeta(r),
  };
}

// A snippet needs only the opening of a body (matched-words.ts looks at SCANNED_CHARS of it).
// Cleaning a 10 MB original took ~50 ms per hit, and typing a query repeats the same hits, so
// long originals are cleaned up to a line end past twice that (cleaning works line by line,
// so that opening is the indexed body's own) and the result kept for a few articles.
const OPENING_CHARS = SCANNED_CHARS * 2;
const OPENINGS_KEPT = 16;
const openings = new WeakMap<ArticleStore, Map<string, string>>();

/** The clean body of an article, or for a long one the opening of it that snippets use. */
async function snippetBody(store: ArticleStore, id: string): Promise<string> {
  let kept = openings.get(store);
  const cached = kept?.get(id);
  if (cached !== undefined) return cached;
  const stored = await loadStored(store, id);
  const original = sourceTextOf(stored);
  if (original.length <= OPENING_CHARS) return cleanArticle(original).body;
  const lineEnd = original.indexOf('\n', OPENING_CHARS);
  const body = cleanArticle(lineEnd < 0 ? original : original.slice(0, lineEnd)).body;
  if (!kept) openings.set(store, (kept = new Map()));
  if (kept.size >= OPENINGS_KEPT) kept.delete(kept.keys().next().value!);
  kept.set(id, body);
  return body;
}
