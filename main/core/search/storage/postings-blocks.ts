// Checksums of a postings file by block, kept beside it (seg-N.blocks), so that a reader can
// check only the parts it reads. A command-line search needs the postings of a few words, yet
// the SHA-256 of a whole file made it read and hash every segment (217 MB at 100,000
// articles). The blocks file names the SHA-256 of the postings file it describes and checks
// itself: a missing, damaged or stale one just means reading the whole file, as before.
import { crc32 } from 'node:zlib';

const MAGIC = Buffer.from('ARPXBLK1', 'latin1');
// Small enough that the few words of a query read little beside their postings, large enough
// that the table stays a few KB per 100 MB.
export const BLOCK_BYTES = 16 * 1024;
const SHA_BYTES = 32;
const HEAD_BYTES = MAGIC.length + SHA_BYTES + 8;

/** The blocks file of a postings file name (seg-N.postings → seg-N.blocks). */
export const blocksFileOf = (indexFile: string): string =>
  indexFile.replace(/\.postings$/, '.blocks');

/**
 * The CRC-32 of each `blockBytes` block of the bytes `parts` make one after another (the last
 * block may be shorter).
 */
export function blockChecksums(
  parts: readonly Uint8Array[],
  blockBytes = BLOCK_BYTES,
): Uint32Array {
  const sums: number[] = [];
  let crc = 0;
  let filled = 0;
  for (const part of parts) {
    for (let at = 0; at < part.length;) {
      const n = Math.min(blockBytes - filled, part.length - at);
      crc = crc32(part.subarray(at, at + n), crc);
      filled += n;
      at += n;
      if (filled === blockBytes) {
        sums.push(crc);
        crc = 0;
        filled = 0;
      }
    }
  }
  if (filled > 0) sums.push(crc);
  return Uint32Array.from(sums);
}

/** The blocks file for postings bytes (`parts` one after another) whose SHA-256 is `sha256`. */
export function encodeBlocks(parts: readonly Uint8Array[], sha256: string): Buffer {
  const sums = blockChecksums(parts);
  const out = Buffer.alloc(HEAD_BYTES + sums.length * 4 + 4);
  MAGIC.copy(out, 0);
  Buffer.from(sha256, 'hex').copy(out, MAGIC.length);
  out.writeUInt32LE(BLOCK_BYTES, MAGIC.length + SHA_BYTES);
  out.writeUInt32LE(sums.length, MAGIC.length + SHA_BYTES + 4);
  sums.forEach((s, i) => out.writeUInt32LE(s, HEAD_BYTES + i * 4));
  out.writeUInt32LE(crc32(out.subarray(0, out.length - 4)), out.length - 4);
  return out;
}

/** Block size and checksums a blocks file gives. */
export interface PostingsBlocks {
  blockBytes: number;
  sums: Uint32Array;
}

/**
 * The checksums in a blocks file, when it is intact and describes the postings file with
 * SHA-256 `sha256` and `fileSize` bytes; else null.
 */
export function parseBlocks(buf: Buffer, sha256: string, fileSize: number): PostingsBlocks | null {
  if (buf.length < HEAD_BYTES + 4 || !buf.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  if (crc32(buf.subarray(0, buf.length - 4)) !== buf.readUInt32LE(buf.length - 4)) return null;
  if (buf.toString('hex', MAGIC.length, MAGIC.length + SHA_BYTES) !== sha256) return null;
  const blockBytes = buf.readUInt32LE(MAGIC.length + SHA_BYTES);
  const count = buf.readUInt32LE(MAGIC.length + SHA_BYTES + 4);
  if (blockBytes === 0 || blockBytes % 4 !== 0) return null;
  if (count !== Math.ceil(fileSize / blockBytes) || buf.length !== HEAD_BYTES + count * 4 + 4) {
    return null;
  }
  const sums = new Uint32Array(count);
  for (let i = 0; i < count; i++) sums[i] = buf.readUInt32LE(HEAD_BYTES + i * 4);
  return { blockBytes, sums };
}
