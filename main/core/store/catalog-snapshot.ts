// catalog.json: every record at one moment, with a header that lets a reader validate it.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { validateRecord, type ArticleRecord } from './article-file';
import { writeFileAtomic } from './atomic-write';

const SNAPSHOT_FORMAT = 1;

interface SnapshotHeader {
  format: number;
  count: number;
  sha1: string;
}

/** Writes all records atomically: a header line, then the records as one JSON array. */
export async function writeSnapshot(path: string, records: Iterable<ArticleRecord>): Promise<void> {
  const list = [...records];
  const body = JSON.stringify(list);
  const header: SnapshotHeader = {
    format: SNAPSHOT_FORMAT,
    count: list.length,
    sha1: createHash('sha1').update(body).digest('hex'),
  };
  await writeFileAtomic(path, `${JSON.stringify(header)}\n${body}`);
}

/** Reads a snapshot; null when it is missing, damaged or from another format (a cache miss). */
export async function readSnapshot(path: string): Promise<ArticleRecord[] | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return null;
  }
  const newline = text.indexOf('\n');
  if (newline < 0) return null;
  try {
    const header = JSON.parse(text.slice(0, newline)) as SnapshotHeader;
    const body = text.slice(newline + 1);
    if (header.format !== SNAPSHOT_FORMAT) return null;
    if (createHash('sha1').update(body).digest('hex') !== header.sha1) return null;
    const records = JSON.parse(body) as ArticleRecord[];
    if (!Array.isArray(records) || records.length !== header.count) return null;
    for (const r of records) validateRecord(r);
    return records;
  } catch {
    return null;
  }
}
