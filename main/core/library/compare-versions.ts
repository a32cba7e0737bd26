// compareVersions: another version's clean body against an article's, sentence by sentence.
import type { VersionDiff } from '../../contract/versions';
import type { ArticleRecord } from '../store/article-file';
import type { ArticleStore } from '../store/article-store';
import { diffSentences } from '../text/sentence-diff';
import { loadArticle } from './article-text';

/** How `other`'s body differs from `base`'s (the article open), in `base`'s reading order. */
export async function compareVersions(
  store: ArticleStore,
  base: ArticleRecord,
  other: ArticleRecord,
): Promise<VersionDiff> {
  const [a, b] = await Promise.all([loadArticle(store, base.id), loadArticle(store, other.id)]);
  return diffSentences(a.clean.body, b.clean.body, base.language);
}
