// related(): the articles most like one, from the search index, minus the trash and minus the
// article's own versions (the same story, which the reader shows apart).
import { LIMITS } from '../../contract/limits';
import { DEFAULT_RELATED_LIMIT, type RelatedResult } from '../../contract/related';
import { ArchiveError } from '../errors';
import type { SearchIndexApi } from '../search/types';
import type { ArticleStore } from '../store/article-store';
import type { Catalog } from '../store/catalog';
import { loadArticle } from './article-text';
import { assertId, notFound } from './ids';

/**
 * The articles most similar to `id` by their weighted terms, best first: never the article
 * itself, one of its versions, nor one in the trash (the article itself may be trashed). NOT_FOUND for an unknown
 * id, BAD_ARGUMENT for a malformed one or a limit outside 1..LIMITS.relatedLimit.
 */
export async function relatedArticles(
  args: { id: string; limit?: number },
  deps: {
    index: () => Promise<SearchIndexApi>;
    catalog: Catalog;
    store: ArticleStore;
    /** The other versions of an article (near-duplicates of its body). */
    versionsOf: (id: string) => Promise<string[]>;
  },
): Promise<RelatedResult> {
  if (!args || typeof args !== 'object') {
    throw new ArchiveError('BAD_ARGUMENT', 'Expected the id of an article');
  }
  const { id } = args;
  assertId(id);
  const limit = args.limit ?? DEFAULT_RELATED_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > LIMITS.relatedLimit) {
    throw new ArchiveError(
      'BAD_ARGUMENT',
      `The limit must be a whole number between 1 and ${LIMITS.relatedLimit}, not ${String(limit)}`,
    );
  }
  const record = deps.catalog.records.get(id);
  if (!record) throw notFound(id);
  const { clean } = await loadArticle(deps.store, id);
  const index = await deps.index();
  if (!index.moreLikeThis) return { hits: [] };
  const { records, trashedIds } = deps.catalog;
  const versions = new Set(await deps.versionsOf(id));
  const keep = (other: string): boolean =>
    records.has(other) && !trashedIds.has(other) && !versions.has(other);
  const texts = { title: record.title, body: clean.body, language: record.language };
  const found = await index.moreLikeThis(id, texts, limit, keep);
  const hits: RelatedResult['hits'] = [];
  for (const hit of found.hits) {
    const r = records.get(hit.id);
    // The catalogue may have changed while the index answered.
    if (r && !trashedIds.has(r.id) && !versions.has(r.id))
      hits.push({ id: r.id, title: r.title, score: hit.score });
  }
  return { hits };
}
