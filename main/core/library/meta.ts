// Catalogue records as the public ArticleMeta (without engine-internal fields).
import type { ArticleRecord } from '../store/article-file';
import type { ArticleMeta } from '../../contract/types';

/** Copies a record into a plain ArticleMeta, dropping `rev`. */
export function toMeta(r: ArticleRecord): ArticleMeta {
  const { rev: _rev, ...meta } = r;
  // Records of articles imported before collections have theirs derived on open.
  return { ...meta, tags: [...meta.tags], collection: meta.collection ?? null };
}
