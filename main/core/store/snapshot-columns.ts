// Format 3 of catalog.json: records as columns. Numbers go in one Float64Array, repeated short
// strings (language, encoding, place, tags) in tables, and the other strings in two pools:
// Latin-1 text at one byte a character and the rest as UTF-16. A cold open decodes each pool
// in one pass (no UTF-8 decoding, no JSON parsing of 100,000 rows) and cuts the strings out of
// it with slice(), which V8 does without copying. Ids are the exception: they are Map keys,
// and lookups with sliced keys measured 3-5 times slower, so all are copied flat at the end.
import type { ArticleRecord } from './article-file';

export const COLUMNS_FORMAT = 5;
/** The format before highlight counts: the same layout with NUMS_3 numbers a record. */
export const COLUMNS_FORMAT_3 = 3;
/** The format before source folders and collections: the same layout with NUMS_4 numbers. */
export const COLUMNS_FORMAT_4 = 4;

/** Sorted id orders saved with the snapshot, so that a cold open need not sort. */
export interface SnapshotOrders {
  /** What the orders depend on (the collation); a reader with another key ignores them. */
  key: string;
  /** Order name -> every id in that order. */
  lists: Record<string, readonly string[]>;
}

export interface DecodedColumns {
  records: ArticleRecord[];
  orders: { key: string; lists: Map<string, string[]> } | null;
}

// Slots per record in the numbers column.
const REV = 0;
const WORDS = 1;
const MINUTES = 2;
const BYTES = 3;
const POSITION = 4;
const FLAGS = 5;
const PLACE = 6;
const LANGUAGE = 7;
const ENCODING = 8;
const TAGS = 9;
const HIGHLIGHTS = 10;
const NOTES = 11;
// Table references: -1 null, -2 absent (an article imported before folders were recorded).
const FOLDER = 12;
const COLLECTION = 13;
const NUMS = 14;
const NUMS_4 = 12;
const NUMS_3 = 10;
// Strings per record, in pool order.
const STRS = 8;
const READ = 1;
const FAVOURITE = 2;
// Snapshots written before this flag existed have the bit clear, as their records had no guess.
const ENCODING_GUESSED = 4;
const NOT_LATIN1 = /[\u0100-\uffff]/;
// Wide strings read one by one before the whole wide pool is decoded (see openColumns).
const WIDE_READS_ALONE = 256;

interface Meta {
  places: string[];
  languages: string[];
  encodings: string[];
  tags: string[];
  /** Source folders and collections (format 5; absent before). */
  folders?: string[];
  collections?: string[];
  /** Characters in each string pool (the sections are padded). */
  latin1Chars: number;
  utf16Chars: number;
  orders: { key: string; names: string[] } | null;
}

/** Values seen once each, numbered in order of first sight. */
class Table {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  of(value: string | null): number {
    if (value === null) return -1;
    let n = this.index.get(value);
    if (n === undefined) {
      n = this.values.length;
      this.values.push(value);
      this.index.set(value, n);
    }
    return n;
  }
}

const align8 = (n: number): number => Math.ceil(n / 8) * 8;
// Pool strings are joined this many at a time on their way into the body: one string of the
// whole pool (tens of MB at 100,000 articles) and its buffer were copies the peak paid for.
const POOL_JOIN = 4096;

/** Writes `strings` back to back at `at` in `into`; returns the bytes written. */
function writePool(
  into: Buffer,
  at: number,
  strings: readonly string[],
  encoding: 'latin1' | 'utf16le',
): number {
  let written = 0;
  for (let i = 0; i < strings.length; i += POOL_JOIN) {
    const run = strings.slice(i, i + POOL_JOIN).join('');
    written += into.write(run, at + written, encoding);
  }
  return written;
}

/** Encodes records (in the order given) as a format-5 body plus its section lengths. */
export function encodeColumns(
  records: readonly ArticleRecord[],
  orders: SnapshotOrders | null,
): { body: Buffer; sections: number[] } {
  const count = records.length;
  const nums = new Float64Array(count * NUMS);
  const lens = new Int32Array(count * STRS);
  const tagRefs: number[] = [];
  const latin1: string[] = [];
  const utf16: string[] = [];
  const places = new Table();
  const languages = new Table();
  const encodings = new Table();
  const tags = new Table();
  const folders = new Table();
  const collections = new Table();
  const put = (slot: number, s: string | null): void => {
    if (s === null) return void (lens[slot] = -1);
    if (s.length >= 2 ** 30) throw new Error('a catalogue string is too long');
    const wide = NOT_LATIN1.test(s);
    (wide ? utf16 : latin1).push(s);
    lens[slot] = s.length * 2 + (wide ? 1 : 0);
  };
  records.forEach((r, i) => {
    const n = i * NUMS;
    nums[n + REV] = r.rev;
    nums[n + WORDS] = r.wordCount;
    nums[n + MINUTES] = r.readingMinutes;
    nums[n + BYTES] = r.byteLength;
    nums[n + POSITION] = r.position;
    nums[n + FLAGS] =
      (r.read ? READ : 0) |
      (r.favourite ? FAVOURITE : 0) |
      (r.encodingGuessed ? ENCODING_GUESSED : 0);
    nums[n + PLACE] = places.of(r.place);
    nums[n + LANGUAGE] = languages.of(r.language);
    nums[n + ENCODING] = encodings.of(r.encoding);
    nums[n + TAGS] = r.tags.length;
    nums[n + HIGHLIGHTS] = r.highlightCount ?? 0;
    nums[n + NOTES] = r.noteCount ?? 0;
    nums[n + FOLDER] = r.sourceFolder === undefined ? -2 : folders.of(r.sourceFolder);
    nums[n + COLLECTION] = r.collection === undefined ? -2 : collections.of(r.collection);
    for (const t of r.tags) tagRefs.push(tags.of(t));
    const s = i * STRS;
    put(s, r.id);
    put(s + 1, r.title);
    put(s + 2, r.sourceName);
    put(s + 3, r.sourcePath);
    put(s + 4, r.importedAt);
    put(s + 5, r.articleDate);
    put(s + 6, r.trashedAt);
    put(s + 7, r.excerpt);
  });
  const kept = orders ? orderRows(records, orders.lists) : new Map<string, Uint32Array>();
  let latin1Chars = 0;
  for (const x of latin1) latin1Chars += x.length;
  let utf16Chars = 0;
  for (const x of utf16) utf16Chars += x.length;
  const meta: Meta = {
    places: places.values,
    languages: languages.values,
    encodings: encodings.values,
    tags: tags.values,
    folders: folders.values,
    collections: collections.values,
    latin1Chars,
    utf16Chars,
    orders: orders && kept.size ? { key: orders.key, names: [...kept.keys()] } : null,
  };
  // The body is written in place, each section padded to 8 bytes: building the sections apart
  // and concatenating them held the catalogue two and three times over at every compaction
  // (docs/benchmarks.md, "The catalogue written in place").
  const bytes = (a: ArrayBufferView): Uint8Array =>
    new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const fixed: Uint8Array[] = [
    Buffer.from(JSON.stringify(meta)),
    bytes(nums),
    bytes(new Uint32Array(tagRefs)),
    bytes(lens),
  ];
  const orderParts = [...kept.values()].map(bytes);
  const sections = [
    ...fixed.map((p) => align8(p.length)),
    align8(latin1Chars),
    align8(utf16Chars * 2),
    ...orderParts.map((p) => align8(p.length)),
  ];
  const body = Buffer.alloc(sections.reduce((a, b) => a + b, 0));
  let at = 0;
  fixed.forEach((p, i) => {
    body.set(p, at);
    at += sections[i]!;
  });
  const pools: [readonly string[], 'latin1' | 'utf16le', number][] = [
    [latin1, 'latin1', latin1Chars],
    [utf16, 'utf16le', utf16Chars * 2],
  ];
  for (const [strings, encoding, size] of pools) {
    if (writePool(body, at, strings, encoding) !== size) throw new Error('a pool did not fit');
    at += align8(size);
  }
  orderParts.forEach((p, i) => {
    body.set(p, at);
    at += sections[fixed.length + 2 + i]!;
  });
  return { body, sections };
}

/** Row numbers of each complete order; an order that is not a permutation of ids is dropped. */
function orderRows(
  records: readonly ArticleRecord[],
  lists: Record<string, readonly string[]>,
): Map<string, Uint32Array> {
  const row = new Map<string, number>();
  records.forEach((r, i) => row.set(r.id, i));
  const out = new Map<string, Uint32Array>();
  for (const [name, ids] of Object.entries(lists)) {
    if (ids.length !== records.length) continue;
    const rows = new Uint32Array(ids.length);
    const seen = new Uint8Array(ids.length);
    let ok = true;
    for (let j = 0; j < ids.length && ok; j++) {
      const n = row.get(ids[j]!);
      if (n === undefined || seen[n]) ok = false;
      else {
        seen[n] = 1;
        rows[j] = n;
      }
    }
    if (ok) out.set(name, rows);
  }
  return out;
}

/** A table of the header (an array of strings in every snapshot written); none is empty. */
const tableOf = (table: readonly string[] | undefined): readonly string[] =>
  Array.isArray(table) ? table : [];

/** Copies a section into a fresh typed array (sections need not be aligned in the file). */
function copyOut<T extends Float64Array | Int32Array | Uint32Array>(
  make: new (n: number) => T,
  bytes: Buffer,
): T {
  const out = new make(bytes.length / make.prototype.BYTES_PER_ELEMENT);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

/**
 * A snapshot body opened but not decoded: every column checked, the ids cut out, and each
 * record built only when asked for. A cold `list` or `search` shows a page of 20 articles
 * (docs/benchmarks.md, "Cold command line"), and building all 100,000 records, most of which
 * then lived until exit, was a tenth of its time plus much of its garbage collection.
 */
export interface SnapshotColumns extends SnapshotRows {
  /** The saved sorted orders, when the snapshot has them. */
  readonly orders: DecodedColumns['orders'];
}

/** Records of a snapshot by row number, each built when asked for. */
export interface SnapshotRows {
  /** Every id, in row order (flat strings, quick as Map keys). */
  readonly ids: readonly string[];
  /** A new record for a row, exactly as decodeColumns builds it. */
  record(row: number): ArticleRecord;
  /** The row's revision, without building its record. */
  rev(row: number): number;
  /** Whether the row's record is in the trash, without building it. */
  trashed(row: number): boolean;
  /** Whether the row's record lacks its source folder or its collection (older imports). */
  legacy(row: number): boolean;
}

/** Decodes a format-5 (or 4 or 3) body; throws when any part of it is inconsistent. */
export function decodeColumns(
  body: Buffer,
  count: number,
  sections: unknown,
  format = COLUMNS_FORMAT,
): DecodedColumns {
  const columns = openColumns(body, count, sections, format);
  const records: ArticleRecord[] = new Array(count);
  for (let i = 0; i < count; i++) records[i] = columns.record(i);
  return { records, orders: columns.orders };
}

/**
 * Opens a format-5 (or 4 or 3) body for reading records one at a time; throws, as
 * decodeColumns does, when any part of it is inconsistent, so a damaged snapshot is still
 * refused at open and never half-used.
 */
export function openColumns(
  body: Buffer,
  count: number,
  sections: unknown,
  format = COLUMNS_FORMAT,
): SnapshotColumns {
  const per = format === COLUMNS_FORMAT_3 ? NUMS_3 : format === COLUMNS_FORMAT_4 ? NUMS_4 : NUMS;
  if (!Array.isArray(sections) || sections.length < 6) throw new Error('bad sections');
  const cuts: Buffer[] = [];
  let at = 0;
  for (const len of sections as unknown[]) {
    if (typeof len !== 'number' || len % 8 || at + len > body.length) throw new Error('bad size');
    cuts.push(body.subarray(at, at + len));
    at += len;
  }
  const meta = JSON.parse(cuts[0]!.toString('utf8').replace(/\0+$/, '')) as Meta;
  const nums = copyOut(Float64Array, cuts[1]!);
  const tagRefs = copyOut(Uint32Array, cuts[2]!);
  const lens = copyOut(Int32Array, cuts[3]!);
  if (nums.length < count * per || lens.length < count * STRS) throw new Error('short columns');
  if (
    !Number.isSafeInteger(meta.latin1Chars) ||
    !Number.isSafeInteger(meta.utf16Chars) ||
    meta.latin1Chars < 0 ||
    meta.utf16Chars < 0 ||
    meta.latin1Chars > cuts[4]!.length ||
    meta.utf16Chars * 2 > cuts[5]!.length
  ) {
    throw new Error('bad pool size');
  }
  const latin1 = cuts[4]!.toString('latin1', 0, meta.latin1Chars);
  // The wide pool (excerpts with a curly quote, titles in other scripts…) is decoded when a
  // record first needs it: at 100,000 articles it was 35 MB and a tenth of a cold `list`.
  const utf16Bytes = cuts[5]!;
  let utf16Pool: string | null = null;
  const utf16 = (): string =>
    (utf16Pool ??= utf16Bytes.toString('utf16le', 0, meta.utf16Chars * 2));
  // The first few wide strings are decoded alone: a cold `search` builds its 20 hits' records,
  // and decoding the whole pool for their excerpts cost it ~45 ms at 100,000 articles.
  let wideReads = 0;
  const wide = (from: number, to: number): string =>
    utf16Pool === null && ++wideReads <= WIDE_READS_ALONE
      ? utf16Bytes.toString('utf16le', from * 2, to * 2)
      : utf16().slice(from, to);
  const folders = tableOf(meta.folders);
  const collections = tableOf(meta.collections);
  // Where each row's strings and tags begin, found in one pass that also checks every length,
  // required string and table reference the records will use.
  // (Int32: a pool is one string, and no string is 2^31 characters long.)
  const latin1At = new Int32Array(count);
  const utf16At = new Int32Array(count);
  const tagsAt = new Int32Array(count);
  const cut: string[] = new Array(count);
  // One plain loop with nothing called per row: it runs cold, once per process, on every row.
  // A table reference is a whole number within its table, or -1 for none (checked as numbers:
  // indexing an array with a double from the Float64Array took a slow path, 10 ms a 10,000).
  const places = tableOf(meta.places);
  const languages = tableOf(meta.languages);
  const encodings = tableOf(meta.encodings);
  const bad = (size: number, n: number): boolean =>
    n !== -1 && !(n >= 0 && n < size && Math.floor(n) === n);
  const tagTable = tableOf(meta.tags);
  const hasFolders = per > COLLECTION;
  let o1 = 0;
  let o16 = 0;
  let t = 0;
  for (let i = 0; i < count; i++) {
    const n = i * per;
    const s = i * STRS;
    latin1At[i] = o1;
    utf16At[i] = o16;
    tagsAt[i] = t;
    const tagCount = nums[n + TAGS]!;
    if (!Number.isInteger(tagCount) || tagCount < 0 || tagCount > tagRefs.length - t) {
      throw new Error('bad table reference');
    }
    for (const end = t + tagCount; t < end; t++) {
      if (tagTable[tagRefs[t]!] === undefined) throw new Error('bad table reference');
    }
    if (
      lens[s]! < 0 ||
      lens[s + 1]! < 0 ||
      lens[s + 2]! < 0 ||
      lens[s + 4]! < 0 ||
      lens[s + 7]! < 0
    ) {
      throw new Error('a required field is missing');
    }
    // The id comes first in its pool: cut out here, copied flat below.
    const idLen = lens[s]!;
    cut[i] =
      idLen & 1 ? utf16().slice(o16, o16 + (idLen >>> 1)) : latin1.slice(o1, o1 + (idLen >>> 1));
    for (let k = s; k < s + STRS; k++) {
      const v = lens[k]!;
      if (v < 0) continue;
      if (v & 1) o16 += v >>> 1;
      else o1 += v >>> 1;
    }
    if (
      bad(places.length, nums[n + PLACE]!) ||
      bad(languages.length, nums[n + LANGUAGE]!) ||
      bad(encodings.length, nums[n + ENCODING]!) ||
      (hasFolders &&
        ((nums[n + FOLDER] !== -2 && bad(folders.length, nums[n + FOLDER]!)) ||
          (nums[n + COLLECTION] !== -2 && bad(collections.length, nums[n + COLLECTION]!))))
    ) {
      throw new Error('bad table reference');
    }
  }
  // (A pool decodes to exactly its count of characters: the sizes were checked above.)
  if (o1 !== latin1.length || o16 !== meta.utf16Chars) {
    throw new Error('string pools do not match their lengths');
  }
  const entry = (table: readonly string[], n: number): string | null =>
    n === -1 ? null : table[n]!;
  // The string slots of one row, read in pool order from the row's start.
  const rowStrings = (row: number): (string | null)[] => {
    let a = latin1At[row]!;
    let b = utf16At[row]!;
    const out: (string | null)[] = new Array(STRS);
    for (let k = 0; k < STRS; k++) {
      const v = lens[row * STRS + k]!;
      if (v < 0) out[k] = null;
      else if (v & 1) out[k] = wide(b, (b += v >>> 1));
      else out[k] = latin1.slice(a, (a += v >>> 1));
    }
    return out;
  };
  // The ids were cut out of the pools like the other strings; one JSON round trip makes flat
  // copies of all of them (a copy per id out of the file's bytes cost a cold open 7 ms more).
  const ids = JSON.parse(JSON.stringify(cut)) as string[];
  const record = (row: number): ArticleRecord => {
    const n = row * per;
    const tagCount = nums[n + TAGS]!;
    const tags: string[] = new Array(tagCount);
    const t0 = tagsAt[row]!;
    for (let k = 0; k < tagCount; k++) tags[k] = tagTable[tagRefs[t0 + k]!]!;
    const str = rowStrings(row);
    const flags = nums[n + FLAGS]!;
    const rec: ArticleRecord = {
      id: ids[row]!,
      rev: nums[n + REV]!,
      title: str[1]!,
      place: entry(places, nums[n + PLACE]!),
      language: entry(languages, nums[n + LANGUAGE]!)!,
      wordCount: nums[n + WORDS]!,
      readingMinutes: nums[n + MINUTES]!,
      encoding: entry(encodings, nums[n + ENCODING]!)!,
      sourceName: str[2]!,
      sourcePath: str[3] ?? null,
      byteLength: nums[n + BYTES]!,
      importedAt: str[4]!,
      articleDate: str[5] ?? null,
      tags,
      read: (flags & READ) !== 0,
      favourite: (flags & FAVOURITE) !== 0,
      position: nums[n + POSITION]!,
      trashedAt: str[6] ?? null,
      excerpt: str[7]!,
    };
    // Absent rather than false when not guessed, as in the article files (and only on a few).
    if (flags & ENCODING_GUESSED) rec.encodingGuessed = true;
    if (per > HIGHLIGHTS) {
      // Absent when none, as catalogEntry leaves them.
      if (nums[n + HIGHLIGHTS]! > 0) rec.highlightCount = nums[n + HIGHLIGHTS]!;
      if (nums[n + NOTES]! > 0) rec.noteCount = nums[n + NOTES]!;
    }
    if (per > COLLECTION) {
      const folder = nums[n + FOLDER]!;
      const collection = nums[n + COLLECTION]!;
      if (folder !== -2) rec.sourceFolder = entry(folders, folder);
      if (collection !== -2) rec.collection = entry(collections, collection);
    }
    return rec;
  };
  return {
    ids,
    orders: decodeOrders(meta, cuts.slice(6), ids),
    record,
    rev: (row) => nums[row * per + REV]!,
    trashed: (row) => lens[row * STRS + 6]! >= 0,
    legacy: (row) =>
      per <= COLLECTION || nums[row * per + FOLDER] === -2 || nums[row * per + COLLECTION] === -2,
  };
}

function decodeOrders(meta: Meta, parts: Buffer[], rowIds: readonly string[]) {
  if (!meta.orders || meta.orders.names.length !== parts.length) return null;
  const lists = new Map<string, string[]>();
  meta.orders.names.forEach((name, k) => {
    const rows = copyOut(Uint32Array, parts[k]!);
    const seen = new Uint8Array(rowIds.length);
    const ids: string[] = new Array(rowIds.length);
    for (let j = 0; j < rowIds.length; j++) {
      const n = rows[j]!;
      const id = rowIds[n];
      if (id === undefined || seen[n]) throw new Error('bad order');
      seen[n] = 1;
      ids[j] = id;
    }
    lists.set(name, ids);
  });
  return { key: meta.orders.key, lists };
}
