// One pack file (articles/packs/<number>.pack): a header, then records appended in order. A
// record is an article (its article-file JSON) or a tombstone; for one id the newest wins.
// Each record carries its own checksum, so a torn tail (a crash mid-append) or a damaged record
// is recognised and never taken for an article.
import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';

/** "ARPACK", a zero and the pack format; then an 8-byte nonce that changes when it is rewritten. */
const PACK_MAGIC = Buffer.from('ARPACK\0\x01', 'latin1');
/** Bytes before the first record. */
export const PACK_HEADER_BYTES = 16;

// A zero byte opens every record: JSON text never holds one, so a search for the next record
// after damage cannot stop inside an article's text.
const RECORD_MAGIC = Buffer.from([0x00, 0x41, 0x52, 0xec]);
/** Bytes of a record before its payload: magic, kind, 3 spare, id, payload length, crc32. */
export const RECORD_HEADER_BYTES = 32;
const ID_BYTES = 16;
const HEX_ID = /^[0-9a-f]{16}$/;

export type RecordKind = 'article' | 'tombstone';
const KIND_CODE: Record<RecordKind, number> = { article: 1, tombstone: 2 };

/** Where one record lies in its pack; `length` counts the header. */
export interface PackEntry {
  id: string;
  kind: RecordKind | 'damaged';
  offset: number;
  length: number;
}

/** A fresh nonce for a new or rewritten pack. */
export function newNonce(): Buffer {
  return randomBytes(8);
}

/** The first bytes of a pack. */
export function packHeader(nonce: Buffer): Buffer {
  return Buffer.concat([PACK_MAGIC, nonce]);
}

/** The nonce of a pack from its first bytes; null when they are not a pack header. */
export function packNonce(header: Buffer): Buffer | null {
  if (header.length < PACK_HEADER_BYTES) return null;
  if (!header.subarray(0, PACK_MAGIC.length).equals(PACK_MAGIC)) return null;
  return Buffer.from(header.subarray(PACK_MAGIC.length, PACK_HEADER_BYTES));
}

/** One record's bytes. */
export function encodeRecord(id: string, kind: RecordKind, payload: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(RECORD_HEADER_BYTES + payload.length);
  RECORD_MAGIC.copy(out, 0);
  out.writeUInt8(KIND_CODE[kind], 4);
  out.fill(0, 5, 8);
  out.write(id, 8, ID_BYTES, 'latin1');
  out.writeUInt32LE(payload.length, 24);
  out.set(payload, RECORD_HEADER_BYTES);
  out.writeUInt32LE(recordCrc(out, 0, payload.length), 28);
  return out;
}

function recordCrc(buf: Buffer, at: number, payloadLength: number): number {
  const head = crc32(buf.subarray(at + 4, at + 28));
  const start = at + RECORD_HEADER_BYTES;
  return crc32(buf.subarray(start, start + payloadLength), head);
}

type Checked =
  { ok: true; entry: PackEntry } | { ok: false; torn: boolean; id: string | null; reason: string };

/** Checks the record at `at` of `buf` (the pack's bytes from `base`). */
export function checkRecord(buf: Buffer, at: number, base = 0): Checked {
  const fail = (torn: boolean, reason: string): Checked => ({
    ok: false,
    torn,
    id: idAt(buf, at),
    reason,
  });
  if (buf.length - at < RECORD_HEADER_BYTES) return fail(true, 'the record is cut short');
  if (!buf.subarray(at, at + 4).equals(RECORD_MAGIC)) return fail(false, 'no record starts here');
  const length = buf.readUInt32LE(at + 24);
  if (at + RECORD_HEADER_BYTES + length > buf.length) return fail(true, 'the record is cut short');
  const code = buf.readUInt8(at + 4);
  const kind = code === 1 ? 'article' : code === 2 ? 'tombstone' : null;
  const id = idAt(buf, at);
  if (recordCrc(buf, at, length) !== buf.readUInt32LE(at + 28) || !kind || !id) {
    return fail(false, 'the record is damaged (its checksum does not match)');
  }
  return { ok: true, entry: { id, kind, offset: base + at, length: RECORD_HEADER_BYTES + length } };
}

function idAt(buf: Buffer, at: number): string | null {
  if (buf.length - at < 8 + ID_BYTES) return null;
  const id = buf.toString('latin1', at + 8, at + 8 + ID_BYTES);
  return HEX_ID.test(id) ? id : null;
}

/** The payload of a checked record held in `buf` at `at`. */
export function recordPayload(buf: Buffer, at: number): Buffer {
  return buf.subarray(
    at + RECORD_HEADER_BYTES,
    at + RECORD_HEADER_BYTES + buf.readUInt32LE(at + 24),
  );
}

export interface PackScan {
  entries: PackEntry[];
  /** Where the last whole record ends: bytes after it are a torn tail. */
  validEnd: number;
}

/**
 * Reads the records of `buf`, the pack's bytes from offset `base`. A record that fails its
 * check is skipped up to the next record that passes (a 'damaged' entry, named by its id when
 * the id is still legible); when none follows, it and the rest are a torn tail.
 */
export function scanRecords(buf: Buffer, base: number): PackScan {
  const entries: PackEntry[] = [];
  let at = 0;
  while (at < buf.length) {
    const checked = checkRecord(buf, at, base);
    if (checked.ok) {
      entries.push(checked.entry);
      at += checked.entry.length;
      continue;
    }
    const next = nextRecord(buf, at + 1);
    if (next === null) break;
    entries.push({ id: checked.id ?? '', kind: 'damaged', offset: base + at, length: next - at });
    at = next;
  }
  return { entries, validEnd: base + at };
}

function nextRecord(buf: Buffer, from: number): number | null {
  for (let i = buf.indexOf(RECORD_MAGIC, from); i >= 0; i = buf.indexOf(RECORD_MAGIC, i + 1)) {
    if (checkRecord(buf, i).ok) return i;
  }
  return null;
}
