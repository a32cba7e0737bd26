// The on-disk shape of one article: its metadata, a revision and the original bytes.
import type { ArticleMeta } from '../../contract/types';

/** Format of article files; readers refuse files with a higher number as corrupt/newer. */
export const ARTICLE_FORMAT = 1;

/** What the catalogue keeps per article: the metadata plus the index revision. */
export interface ArticleRecord extends ArticleMeta {
  /** Incremented whenever an indexed field (tags) changes; the index reconciles on it. */
  rev: number;
}

export interface StoredArticle {
  record: ArticleRecord;
  original: Uint8Array;
}

interface ArticleFileJson {
  format: number;
  record: ArticleRecord;
  /** The original bytes, base64, never altered after import. */
  original: string;
}

/** Serialises an article for its file. */
export function encodeArticleFile(article: StoredArticle): string {
  const json: ArticleFileJson = {
    format: ARTICLE_FORMAT,
    record: article.record,
    original: Buffer.from(article.original).toString('base64'),
  };
  return JSON.stringify(json);
}

/** Parses and validates an article file; throws an Error with the reason when it is damaged. */
export function decodeArticleFile(text: string, expectedId: string): StoredArticle {
  let json: Partial<ArticleFileJson>;
  try {
    json = JSON.parse(text) as Partial<ArticleFileJson>;
  } catch {
    throw new Error('not valid JSON (the file is truncated or damaged)');
  }
  if (typeof json.format !== 'number' || json.format > ARTICLE_FORMAT) {
    throw new Error(`unknown article file format ${String(json.format)}`);
  }
  const record = json.record;
  if (!record || typeof record !== 'object') throw new Error('no metadata record');
  validateRecord(record, expectedId);
  if (typeof json.original !== 'string') throw new Error('no original text');
  const original = Buffer.from(json.original, 'base64');
  if (original.length !== record.byteLength) {
    throw new Error(
      `original text is ${original.length} bytes; the record says ${record.byteLength}`,
    );
  }
  return {
    record,
    original: new Uint8Array(original.buffer, original.byteOffset, original.length),
  };
}

/** Checks the fields a catalogue record must have; throws naming the first bad one. */
export function validateRecord(record: ArticleRecord, expectedId?: string): void {
  if (expectedId !== undefined && record.id !== expectedId) {
    throw new Error(`id ${String(record.id)} does not match the file name ${expectedId}`);
  }
  const strings: (keyof ArticleRecord)[] = [
    'id',
    'title',
    'language',
    'encoding',
    'sourceName',
    'importedAt',
    'excerpt',
  ];
  for (const key of strings) {
    if (typeof record[key] !== 'string') throw new Error(`field ${key} is missing`);
  }
  const numbers: (keyof ArticleRecord)[] = [
    'rev',
    'wordCount',
    'readingMinutes',
    'byteLength',
    'position',
  ];
  for (const key of numbers) {
    if (typeof record[key] !== 'number') throw new Error(`field ${key} is missing`);
  }
  if (!Array.isArray(record.tags)) throw new Error('field tags is missing');
  if (typeof record.read !== 'boolean' || typeof record.favourite !== 'boolean') {
    throw new Error('fields read/favourite are missing');
  }
}
