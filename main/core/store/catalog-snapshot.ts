// catalog.json: every record at one moment, with a header line that lets a reader validate it.
// The body is in columns (snapshot-columns.ts), which a cold open of a big library decodes
// several times quicker than JSON; format-2 files (JSON rows) from older versions still load.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { endianness } from 'node:os';
import * as zlib from 'node:zlib';
import { z } from 'zod';
import { errorMessage } from '../../contract/error-message';
import { isErrno } from '../errno';
import { parseRecord, type ArticleRecord } from './article-file';
import { writeFileAtomic } from './atomic-write';
import {
  COLUMNS_FORMAT,
  COLUMNS_FORMAT_3,
  COLUMNS_FORMAT_4,
  encodeColumns,
  openColumns,
  type SnapshotOrders,
  type SnapshotRows,
} from './snapshot-columns';
import { ROWS_FORMAT, decodeRows } from './snapshot-rows';

export type { SnapshotOrders } from './snapshot-columns';

/** A snapshot as read: records in import order, the saved orders, and the file's format. */
export interface LoadedSnapshot {
  /** The records by row, each built when first asked for (see openColumns). */
  rows: SnapshotRows;
  /** Every record, built on first use. */
  readonly records: ArticleRecord[];
  orders: { key: string; lists: Map<string, string[]> } | null;
  format: number;
}

/** A loaded snapshot over its rows; `records` builds them all the first time it is read. */
function loaded(rows: SnapshotRows, orders: LoadedSnapshot['orders'], format: number) {
  let all: ArticleRecord[] | null = null;
  const snapshot: LoadedSnapshot = {
    rows,
    get records() {
      return (all ??= rows.ids.map((_, i) => rows.record(i)));
    },
    orders,
    format,
  };
  return snapshot;
}

/** Rows over records already built (format 2). */
function rowsOf(records: ArticleRecord[]): SnapshotRows {
  return {
    ids: records.map((r) => r.id),
    record: (row) => records[row]!,
    rev: (row) => records[row]!.rev,
    trashed: (row) => records[row]!.trashedAt !== null,
    legacy: (row) =>
      records[row]!.sourceFolder === undefined || records[row]!.collection === undefined,
  };
}

/** The format `writeSnapshot` writes; a snapshot in another one is rewritten when it can be. */
export const SNAPSHOT_FORMAT = COLUMNS_FORMAT;

/** A fast checksum of the body: zlib's CRC-32 where Node has it, else SHA-1. */
function checksum(body: Buffer): string {
  const crc32 = (zlib as { crc32?: (data: Buffer) => number }).crc32;
  if (crc32) return `crc32:${crc32(body).toString(16)}`;
  return `sha1:${createHash('sha1').update(body).digest('hex')}`;
}

// Import order (the default list order, reversed): records are loaded in it, so the default
// order is the load order and other orders can be saved as row numbers.
const byImport = (a: ArticleRecord, b: ArticleRecord): number =>
  a.importedAt < b.importedAt ? -1 : a.importedAt > b.importedAt ? 1 : a.id < b.id ? -1 : 1;

type SnapshotHeader = Omit<z.infer<typeof headerSchema>, 'checksum'>;

/** The header line a reader checks before `body`. */
function headerLine(body: Buffer, header: SnapshotHeader): Buffer {
  return Buffer.from(`${JSON.stringify({ ...header, checksum: checksum(body) })}\n`);
}

/** Wraps a body in the header line a reader checks. */
export function snapshotFile(body: Buffer, header: SnapshotHeader): Buffer {
  return Buffer.concat([headerLine(body, header), body]);
}

/** Writes all records atomically, in import order, with any sorted orders given. */
export async function writeSnapshot(
  path: string,
  records: Iterable<ArticleRecord>,
  orders: SnapshotOrders | null = null,
): Promise<void> {
  const sorted = [...records].sort(byImport);
  const { body, sections } = encodeColumns(sorted, orders);
  const header = { format: COLUMNS_FORMAT, count: sorted.length, endian: endianness(), sections };
  // The header and the body as two parts: one buffer of both was another copy of the body.
  await writeFileAtomic(path, [headerLine(body, header), body]);
}

/** Reads a snapshot; null when it is missing, damaged or of an unknown format (a cache miss). */
export async function loadSnapshot(path: string): Promise<LoadedSnapshot | null> {
  const read = await readSnapshotFile(path);
  return 'snapshot' in read ? read.snapshot : null;
}

/** A snapshot, or why there is none: missing, or damaged with the reason (for check()). */
export type SnapshotRead = { snapshot: LoadedSnapshot } | { missing: true } | { damaged: string };

const headerSchema = z.object({
  format: z.number(),
  count: z.number().int().nonnegative(),
  checksum: z.string(),
  endian: z.string().optional(),
  sections: z.array(z.number().int().nonnegative()).optional(),
  fields: z.string().optional(),
});

/** Reads and verifies a snapshot file. */
export async function readSnapshotFile(path: string): Promise<SnapshotRead> {
  let data: Buffer;
  try {
    // At once, not through the promise API: that reads in 512 KB steps, each a round trip to
    // libuv's pool, and a cold `list` at 100,000 articles (a 70 MB snapshot) waited ~55 ms
    // for them. Nothing else can go on before the catalogue is loaded anyway.
    data = readFileSync(path);
  } catch (e) {
    if (isErrno(e, 'ENOENT')) return { missing: true };
    return { damaged: `cannot be read (${errorMessage(e)})` };
  }
  const newline = data.indexOf(0x0a);
  if (newline < 0) return { damaged: 'has no header line (truncated)' };
  let json: unknown;
  try {
    json = JSON.parse(data.subarray(0, newline).toString('utf8'));
  } catch {
    return { damaged: 'its header is not valid JSON' };
  }
  const parsed = headerSchema.safeParse(json);
  if (!parsed.success) return { damaged: 'its header is malformed' };
  const header = parsed.data;
  const body = data.subarray(newline + 1);
  if (checksum(body) !== header.checksum) return { damaged: 'checksum mismatch' };
  try {
    if (
      header.format === COLUMNS_FORMAT ||
      header.format === COLUMNS_FORMAT_4 ||
      header.format === COLUMNS_FORMAT_3
    ) {
      if (header.endian !== endianness()) return { damaged: 'written with another byte order' };
      // openColumns checks every field's type and refuses missing required ones; the records
      // are built as they are used.
      const columns = openColumns(body, header.count, header.sections, header.format);
      return { snapshot: loaded(columns, columns.orders, header.format) };
    }
    if (header.format === ROWS_FORMAT) {
      const records = decodeRows(body, header.count, header.fields).map((r) => parseRecord(r));
      return { snapshot: loaded(rowsOf(records), null, header.format) };
    }
  } catch (e) {
    return { damaged: `its body does not decode (${errorMessage(e)})` };
  }
  return { damaged: `unknown format ${header.format}` };
}

/** The records of a snapshot in import order; null when it cannot be used. */
export async function readSnapshot(path: string): Promise<ArticleRecord[] | null> {
  return (await loadSnapshot(path))?.records ?? null;
}
