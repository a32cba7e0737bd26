// Reads the articles of a bulk edit in large sequential reads rather than one read each.
import { decodeArticleFile, type StoredArticle } from '../store/article-file';
import type { ArticleStore } from '../store/article-store';
import { loadStored } from './article-text';

/**
 * Each article of `ids` (best given in ArticleStore.diskOrder), in that order; one the
 * sequential read cannot give is read alone, which throws NOT_FOUND or LIBRARY_CORRUPT as
 * loadStored does.
 */
export async function* storedInOrder(
  store: ArticleStore,
  ids: readonly string[],
): AsyncGenerator<StoredArticle> {
  for await (const batch of store.readRaw(ids)) {
    for (const { id, payload } of batch) {
      let stored: StoredArticle | null = null;
      if (payload) {
        try {
          stored = decodeArticleFile(payload.toString('utf8'), id);
        } catch {
          // Read alone below, which says what is wrong with it.
        }
      }
      yield stored ?? (await loadStored(store, id));
    }
  }
}
