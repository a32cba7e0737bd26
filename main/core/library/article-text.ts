// Loads an article file and derives the texts the reader and the index need.
import { errorMessage } from '../../contract/error-message';
import { ArchiveError } from '../errors';
import type { ArticleRecord, StoredArticle } from '../store/article-file';
import type { ArticleStore } from '../store/article-store';
import type { IndexDoc } from '../search/types';
import { decodeWithEncoding } from '../text/decode';
import { cleanArticle, type CleanArticle } from '../text/parse-article';
import { sourceTextOf } from '../html/source-text';
import { notFound } from './ids';

export interface LoadedArticle {
  stored: StoredArticle;
  original: string;
  clean: CleanArticle;
}

/** Reads one article file; NOT_FOUND when it is gone, LIBRARY_CORRUPT when damaged. */
export async function loadStored(store: ArticleStore, id: string): Promise<StoredArticle> {
  let stored: StoredArticle | null;
  try {
    stored = await store.read(id);
  } catch (e) {
    throw new ArchiveError(
      'LIBRARY_CORRUPT',
      `The article at ${store.pathOf(id)} is damaged: ${errorMessage(e)}`,
    );
  }
  if (!stored) throw notFound(id);
  return stored;
}

/** Reads an article and decodes and cleans its text. */
export async function loadArticle(store: ArticleStore, id: string): Promise<LoadedArticle> {
  const stored = await loadStored(store, id);
  const original = decodeWithEncoding(stored.original, stored.record.encoding);
  return { stored, original, clean: cleanArticle(sourceTextOf(stored, original)) };
}

/** The index document of an article, from its record and clean body. */
export function toIndexDoc(record: ArticleRecord, body: string): IndexDoc {
  return {
    id: record.id,
    rev: record.rev,
    title: record.title,
    body,
    tags: [...record.tags],
    place: record.place,
    language: record.language,
    ...(record.highlights?.length
      ? {
          notes: record.highlights.map((h) => h.note).filter((n) => n.trim() !== ''),
          highlights: record.highlights.map((h) => h.selector[0].exact),
        }
      : {}),
  };
}
