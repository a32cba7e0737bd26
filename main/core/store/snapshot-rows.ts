// Format 2 of catalog.json (one JSON array per record), still read so that a library saved by
// an older version opens from its snapshot; the next compaction rewrites it in the current form.
import type { ArticleRecord } from './article-file';

export const ROWS_FORMAT = 2;

/** Field order of a format-2 row; the header names it and a mismatch is a cache miss. */
export const ROW_FIELDS = [
  'id',
  'rev',
  'title',
  'place',
  'language',
  'wordCount',
  'readingMinutes',
  'encoding',
  'sourceName',
  'sourcePath',
  'byteLength',
  'importedAt',
  'articleDate',
  'tags',
  'read',
  'favourite',
  'position',
  'trashedAt',
  'excerpt',
] as const satisfies readonly (keyof ArticleRecord)[];

/** Encodes records as a format-2 body (kept for migration tests and as the reference form). */
export function encodeRows(records: readonly ArticleRecord[]): Buffer {
  return Buffer.from(JSON.stringify(records.map((r) => ROW_FIELDS.map((f) => r[f]))));
}

/** Decodes a format-2 body; throws when it is not an array of `count` rows. */
export function decodeRows(body: Buffer, count: number, fields: unknown): ArticleRecord[] {
  if (fields !== ROW_FIELDS.join(',')) throw new Error('unknown row fields');
  const rows = JSON.parse(body.toString('utf8')) as unknown[][];
  if (!Array.isArray(rows) || rows.length !== count) throw new Error('wrong row count');
  const records: ArticleRecord[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) records[i] = fromRow(rows[i]!);
  return records;
}

/**
 * A record from a row, as one object literal: every record gets the same hidden class (keys
 * added one by one in a loop made 100,000 dictionary-mode objects, slower to build and read).
 */
function fromRow(row: unknown[]): ArticleRecord {
  const r = {
    id: row[0],
    rev: row[1],
    title: row[2],
    place: row[3],
    language: row[4],
    wordCount: row[5],
    readingMinutes: row[6],
    encoding: row[7],
    sourceName: row[8],
    sourcePath: row[9],
    byteLength: row[10],
    importedAt: row[11],
    articleDate: row[12],
    tags: row[13],
    read: row[14],
    favourite: row[15],
    position: row[16],
    trashedAt: row[17],
    excerpt: row[18],
  } satisfies Record<(typeof ROW_FIELDS)[number], unknown>;
  return r as unknown as ArticleRecord;
}
