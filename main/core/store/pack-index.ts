// A pack's index (<number>.idx beside it): where each of its records lies, so that opening a
// library reads a few bytes per article instead of every pack. A cache only: it names the
// pack's nonce, is never synced, and whatever it does not cover is read from the pack itself.
import { crc32 } from 'node:zlib';
import type { PackEntry } from './article-pack';

const INDEX_MAGIC = Buffer.from('ARPKIDX\x01', 'latin1');
const INDEX_HEADER_BYTES = 16;
const ENTRY_BYTES = 32;
const KINDS = ['article', 'tombstone', 'damaged'] as const;

/** The first bytes of the index of the pack with this nonce. */
export function indexHeader(nonce: Buffer): Buffer {
  return Buffer.concat([INDEX_MAGIC, nonce]);
}

/** Index lines for these entries, to append to the index. */
export function encodeIndexEntries(entries: readonly PackEntry[]): Buffer {
  const out = Buffer.alloc(entries.length * ENTRY_BYTES);
  entries.forEach((e, i) => {
    const at = i * ENTRY_BYTES;
    out.write(e.id.padEnd(16, '-'), at, 16, 'latin1');
    out.writeUInt8(KINDS.indexOf(e.kind), at + 16);
    out.writeUInt32LE(e.offset, at + 20);
    out.writeUInt32LE(e.length, at + 24);
    out.writeUInt32LE(crc32(out.subarray(at, at + 28)), at + 28);
  });
  return out;
}

// CRC-32 (zlib's polynomial) computed in place: calling zlib.crc32 on a subarray per line
// allocated a Buffer for each, and reading a 10,000-article index cost a cold search 20 ms.
const CRC_TABLE = ((): Int32Array => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** zlib's CRC-32 of buf[from, to). */
function crc32Of(buf: Uint8Array, from: number, to: number): number {
  let c = -1;
  for (let i = from; i < to; i++) c = CRC_TABLE[(c ^ buf[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** True when buf[from, from + 16) is 16 lower-case hex digits (an article id). */
function isHexId(buf: Uint8Array, from: number): boolean {
  for (let i = from; i < from + 16; i++) {
    const b = buf[i]!;
    if (!((b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x66))) return false;
  }
  return true;
}

/** The lines of an index that are usable: how many, and where the last one's record ends. */
export interface CheckedIndex {
  buf: Buffer;
  count: number;
  end: number;
}

/**
 * The usable lines of an index for the pack with `nonce`, `packSize` bytes long: those up to
 * the first line that is torn, damaged or out of order. Null when the index is not this
 * pack's. Nothing is allocated per line, so a reader that looks up a few articles
 * (`lastEntryOf`) never builds the entries.
 */
export function checkIndex(
  buf: Buffer,
  nonce: Buffer,
  packSize: number,
  firstOffset: number,
): CheckedIndex | null {
  if (buf.length < INDEX_HEADER_BYTES) return null;
  if (!buf.subarray(0, INDEX_HEADER_BYTES).equals(indexHeader(nonce))) return null;
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let end = firstOffset;
  let count = 0;
  for (let at = INDEX_HEADER_BYTES; at + ENTRY_BYTES <= buf.length; at += ENTRY_BYTES) {
    if (crc32Of(buf, at, at + 28) !== view.getUint32(at + 28, true)) break;
    const kind = KINDS[buf[at + 16]!];
    const offset = view.getUint32(at + 20, true);
    const length = view.getUint32(at + 24, true);
    if (!kind || (kind !== 'damaged' && !isHexId(buf, at)) || offset !== end) break;
    if (offset + length > packSize) break;
    end = offset + length;
    count++;
  }
  return { buf, count, end };
}

/** The entry on line `line` of a checked index. */
function entryAt(index: CheckedIndex, line: number, id: string): PackEntry {
  const at = INDEX_HEADER_BYTES + line * ENTRY_BYTES;
  const { buf } = index;
  return {
    id,
    kind: KINDS[buf[at + 16]!]!,
    offset: buf.readUInt32LE(at + 20),
    length: buf.readUInt32LE(at + 24),
  };
}

/** Every usable entry of a checked index, in order. */
export function indexEntries(index: CheckedIndex): PackEntry[] {
  const { buf, count } = index;
  const ids: string[] = [];
  const text = buf.toString('latin1', 0, INDEX_HEADER_BYTES + count * ENTRY_BYTES);
  for (let line = 0; line < count; line++) {
    const at = INDEX_HEADER_BYTES + line * ENTRY_BYTES;
    ids.push(isHexId(buf, at) ? text.slice(at, at + 16) : '');
  }
  // Sliced out of one string, the ids would be slow Map keys (pack-set.ts keys a Map by them);
  // one JSON round trip makes flat copies of all of them.
  const flat = JSON.parse(JSON.stringify(ids)) as string[];
  return flat.map((id, line) => entryAt(index, line, id));
}

const ARTICLE_ID = /^[0-9a-f]{16}$/;

/** The last usable entry naming `id` (its newest in this pack), found in place; else null. */
export function lastEntryOf(index: CheckedIndex, id: string): PackEntry | null {
  // Only ids in this form are named by an index line (any other line names none).
  if (!ARTICLE_ID.test(id)) return null;
  const key = Buffer.from(id, 'latin1');
  let from = INDEX_HEADER_BYTES + (index.count - 1) * ENTRY_BYTES;
  while (from >= INDEX_HEADER_BYTES) {
    const at = index.buf.lastIndexOf(key, from);
    if (at < INDEX_HEADER_BYTES) return null;
    // A match across two lines, or inside one's numbers, is not an id.
    if ((at - INDEX_HEADER_BYTES) % ENTRY_BYTES === 0) {
      return entryAt(index, (at - INDEX_HEADER_BYTES) / ENTRY_BYTES, id);
    }
    from = at - 1;
  }
  return null;
}

/**
 * The entries an index holds for the pack with `nonce`, `packSize` bytes long: those up to the
 * first line that is torn, damaged or out of order. Null when the index is not this pack's.
 */
export function parseIndex(
  buf: Buffer,
  nonce: Buffer,
  packSize: number,
  firstOffset: number,
): PackEntry[] | null {
  const index = checkIndex(buf, nonce, packSize, firstOffset);
  return index && indexEntries(index);
}
