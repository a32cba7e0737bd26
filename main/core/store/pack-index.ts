// A pack's index (<number>.idx beside it): where each of its records lies, so that opening a
// library reads a few bytes per article instead of every pack. A cache only: it names the
// pack's nonce, is never synced, and whatever it does not cover is read from the pack itself.
import { crc32 } from 'node:zlib';
import type { PackEntry } from './article-pack';

const INDEX_MAGIC = Buffer.from('ARPKIDX\x01', 'latin1');
const INDEX_HEADER_BYTES = 16;
const ENTRY_BYTES = 32;
const KINDS = ['article', 'tombstone', 'damaged'] as const;
const HEX_ID = /^[0-9a-f]{16}$/;

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
  if (buf.length < INDEX_HEADER_BYTES) return null;
  if (!buf.subarray(0, INDEX_HEADER_BYTES).equals(indexHeader(nonce))) return null;
  const entries: PackEntry[] = [];
  let end = firstOffset;
  for (let at = INDEX_HEADER_BYTES; at + ENTRY_BYTES <= buf.length; at += ENTRY_BYTES) {
    if (crc32(buf.subarray(at, at + 28)) !== buf.readUInt32LE(at + 28)) break;
    const raw = buf.toString('latin1', at, at + 16);
    const kind = KINDS[buf.readUInt8(at + 16)];
    const offset = buf.readUInt32LE(at + 20);
    const length = buf.readUInt32LE(at + 24);
    const id = HEX_ID.test(raw) ? raw : '';
    if (!kind || (kind !== 'damaged' && !id) || offset !== end || offset + length > packSize) break;
    entries.push({ id, kind, offset, length });
    end = offset + length;
  }
  return entries;
}
