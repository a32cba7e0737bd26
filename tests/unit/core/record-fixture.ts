// A catalogue record with the given id, title and import time, everything else plain.
import type { ArticleRecord } from '../../../main/core/store/article-file';

/** A minimal record for sort-order tests. */
export function recordFixture(id: string, title: string, importedAt: string): ArticleRecord {
  return {
    id,
    rev: 1,
    title,
    place: null,
    language: 'en',
    wordCount: 1,
    readingMinutes: 1,
    encoding: 'utf-8',
    sourceName: `${id}.txt`,
    sourcePath: null,
    byteLength: 1,
    importedAt,
    articleDate: null,
    tags: [],
    read: false,
    favourite: false,
    position: 0,
    trashedAt: null,
    excerpt: '',
  };
}
