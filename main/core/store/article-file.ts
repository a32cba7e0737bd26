// The on-disk shape of one article: its metadata, a revision and the original bytes.
import { z } from 'zod';
import { articleMetaSchema, type ArticleMeta } from '../../contract/types';
import { LIMITS } from '../../contract/limits';
import { storedHighlightSchema, type StoredHighlight } from '../../contract/highlights';

/** Format of article files; readers refuse files with a higher number as corrupt/newer. */
export const ARTICLE_FORMAT = 1;

/** What the catalogue keeps per article: the metadata plus the index revision. */
export interface ArticleRecord extends ArticleMeta {
  /** Incremented whenever an indexed field (tags, highlights) changes; the index reconciles on it. */
  rev: number;
  /**
   * The reader's highlights and notes, in the article file only: the catalogue keeps their
   * counts (catalogEntry), so a cold open does not parse every note of the library.
   */
  highlights?: StoredHighlight[];
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

/**
 * A record on disk: the contract's article metadata plus the revision. Fields a newer version
 * may add are kept (loose), so reading and writing back never drops them.
 */
export const articleRecordSchema = z.looseObject({
  ...articleMetaSchema.shape,
  rev: z.number().int().positive(),
  highlights: z.array(storedHighlightSchema).max(LIMITS.highlightsPerArticle).optional(),
}) satisfies z.ZodType<ArticleRecord>;

/**
 * The record as the catalogue keeps it: the highlights replaced by their counts (absent when
 * there are none, as on every article before highlights existed).
 */
export function catalogEntry(record: ArticleRecord): ArticleRecord {
  // A web page's byline and site name are shown with the article, not in lists.
  const {
    highlights,
    highlightCount: _h,
    noteCount: _n,
    byline: _b,
    siteName: _s,
    ...rest
  } = record;
  if (!highlights || highlights.length === 0) return rest;
  const notes = highlights.filter((h) => h.note.trim() !== '').length;
  return { ...rest, highlightCount: highlights.length, ...(notes > 0 ? { noteCount: notes } : {}) };
}

const articleFileSchema = z.looseObject({
  format: z.number().int().positive(),
  record: z.unknown(),
  original: z.string(),
});

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
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('not valid JSON (the file is truncated or damaged)');
  }
  const file = articleFileSchema.safeParse(json);
  if (!file.success) throw new Error(describeIssue(file.error));
  if (file.data.format > ARTICLE_FORMAT) {
    throw new Error(`unknown article file format ${file.data.format}`);
  }
  const record = parseRecord(file.data.record, expectedId);
  const original = Buffer.from(file.data.original, 'base64');
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
export function validateRecord(record: unknown, expectedId?: string): void {
  parseRecord(record, expectedId);
}

/** A record as read from disk (a journal line, an article file); throws naming the first bad field. */
export function parseRecord(value: unknown, expectedId?: string): ArticleRecord {
  const parsed = articleRecordSchema.safeParse(value);
  if (!parsed.success) throw new Error(describeIssue(parsed.error));
  if (expectedId !== undefined && parsed.data.id !== expectedId) {
    throw new Error(`id ${parsed.data.id} does not match the file name ${expectedId}`);
  }
  return parsed.data;
}

/** "field tags is missing or not a list of text" for the first problem zod found. */
function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const field = issue?.path.filter((p) => typeof p === 'string').join('.') ?? '';
  if (!field) return 'no metadata record';
  if (field === 'record') return 'no metadata record';
  if (field === 'original') return 'no original text';
  return `field ${field.replace(/^record\./, '')} is missing or wrong`;
}
