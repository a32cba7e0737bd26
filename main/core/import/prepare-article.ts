// Turns one file's bytes into a stored article and its index document, or a failure reason.
import { createHash } from 'node:crypto';
import type { ArticleRecord, StoredArticle } from '../store/article-file';
import type { IndexDoc } from '../search/types';
import { decodeBytes, DecodeError } from '../text/decode';
import { parseArticle } from '../text/parse-article';
import { collectionOfFolder } from '../organise/collection-name';
import { readWebPage, type WebPageFacts } from '../html/read-web-page';
import { webPageKindOf } from '../html/web-page-kind';
import { applyWebPageFacts } from '../html/web-page-record';

export type Prepared =
  { ok: true; article: StoredArticle; doc: IndexDoc } | { ok: false; reason: string };

/** The article id of some bytes: the first 16 hex digits of their SHA-256. */
export function articleIdOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}

/** Decodes and parses one file; every failure comes back as a one-line reason. */
export function prepareArticle(
  bytes: Uint8Array,
  source: { name: string; path: string | null; folder?: string | null },
  importedAt: string,
  id: string = articleIdOf(bytes),
): Prepared {
  if (bytes.length === 0) return { ok: false, reason: 'file is empty' };
  let decoded;
  let page: WebPageFacts | null = null;
  try {
    // A saved web page is cleaned from its extracted article, not from its markup.
    const kind = webPageKindOf(source.name);
    if (kind === null) decoded = decodeBytes(bytes);
    else ({ decoded, facts: page } = readWebPage(bytes, kind));
  } catch (e) {
    if (e instanceof DecodeError) return { ok: false, reason: e.message };
    throw e;
  }
  if (decoded.text.trim() === '') return { ok: false, reason: 'file is empty (only white space)' };
  const parsed = parseArticle(decoded.text);
  const record: ArticleRecord = {
    id,
    rev: 1,
    title: parsed.title,
    place: parsed.place,
    language: parsed.language,
    wordCount: parsed.wordCount,
    readingMinutes: parsed.readingMinutes,
    encoding: decoded.encoding,
    sourceName: source.name,
    sourcePath: source.path,
    sourceFolder: source.folder ?? null,
    collection: collectionOfFolder(source.folder),
    byteLength: bytes.length,
    importedAt,
    articleDate: parsed.articleDate,
    tags: [],
    read: false,
    favourite: false,
    position: 0,
    trashedAt: null,
    excerpt: parsed.excerpt,
  };
  // Left out when sure, as on the articles imported before guesses were recorded.
  if (decoded.guessed) record.encodingGuessed = true;
  if (page) applyWebPageFacts(record, page);
  const doc: IndexDoc = {
    id,
    rev: record.rev,
    title: record.title,
    body: parsed.body,
    tags: [],
    place: record.place,
    language: record.language,
  };
  return { ok: true, article: { record, original: bytes }, doc };
}
