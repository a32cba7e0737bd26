// catalog.json: every record at one moment, with a header that lets a reader validate it.
// Records are stored as arrays in FIELDS order: half the size of keyed objects, and much
// quicker to parse, which is what a cold open of a big library waits for.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import * as zlib from 'node:zlib';
import { validateRecord, type ArticleRecord } from './article-file';
import { writeFileAtomic } from './atomic-write';

const SNAPSHOT_FORMAT = 2;

const FIELDS = [
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

interface SnapshotHeader {
  format: number;
  count: number;
  fields: string;
  checksum: string;
}

/** A fast checksum of the body: zlib's CRC-32 where Node has it, else SHA-1. */
function checksum(body: Buffer): string {
  const crc32 = (zlib as { crc32?: (data: Buffer) => number }).crc32;
  if (crc32) return `crc32:${crc32(body).toString(16)}`;
  return `sha1:${createHash('sha1').update(body).digest('hex')}`;
}

/** Writes all records atomically: a header line, then the records as one JSON array. */
export async function writeSnapshot(path: string, records: Iterable<ArticleRecord>): Promise<void> {
  const rows: unknown[][] = [];
  for (const r of records) rows.push(FIELDS.map((f) => r[f]));
  const body = Buffer.from(JSON.stringify(rows));
  const header: SnapshotHeader = {
    format: SNAPSHOT_FORMAT,
    count: rows.length,
    fields: FIELDS.join(','),
    checksum: checksum(body),
  };
  await writeFileAtomic(path, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), body]));
}

/** Reads a snapshot; null when it is missing, damaged or from another format (a cache miss). */
export async function readSnapshot(path: string): Promise<ArticleRecord[] | null> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch {
    return null;
  }
  const newline = data.indexOf(0x0a);
  if (newline < 0) return null;
  try {
    const header = JSON.parse(data.subarray(0, newline).toString('utf8')) as SnapshotHeader;
    if (header.format !== SNAPSHOT_FORMAT || header.fields !== FIELDS.join(',')) return null;
    const body = data.subarray(newline + 1);
    if (checksum(body) !== header.checksum) return null;
    const rows = JSON.parse(body.toString('utf8')) as unknown[][];
    if (!Array.isArray(rows) || rows.length !== header.count) return null;
    const records: ArticleRecord[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const r = {} as Record<string, unknown>;
      for (let f = 0; f < FIELDS.length; f++) r[FIELDS[f]!] = row[f];
      validateRecord(r as unknown as ArticleRecord);
      records[i] = r as unknown as ArticleRecord;
    }
    return records;
  } catch {
    return null;
  }
}
