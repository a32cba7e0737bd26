// versions.bin: each article's near-duplicate signature, a cache of the article files (a
// signature is computed from the clean body, so it can always be computed again). Layout:
// "ARVS", format, shingle words, bins, cleaner version, then per article a one-byte id length,
// the id (ASCII) and the signature bytes. Anything unexpected discards the whole file.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isErrno } from '../errno';
import { writeFileAtomic } from './atomic-write';

export const SIGNATURE_CACHE_FILE = 'versions.bin';
const MAGIC = 'ARVS';
const FORMAT = 1;
const HEADER = 8;

/** What a cache was computed with; a cache made with anything else is ignored. */
export interface SignatureCacheKey {
  shingleWords: number;
  bins: number;
  cleanerVersion: number;
  /** Bytes per signature. */
  bytes: number;
}

/** Reads the cache: the signatures, or null when it is missing, damaged or from other parameters. */
export async function readSignatureCache(
  dir: string,
  key: SignatureCacheKey,
): Promise<Map<string, Uint8Array> | null> {
  let data: Buffer;
  try {
    data = await readFile(join(dir, SIGNATURE_CACHE_FILE));
  } catch (e) {
    if (isErrno(e, ['ENOENT'])) return null;
    throw e;
  }
  return decodeSignatureCache(data, key);
}

/** Parses a cache file's bytes; null when they are not a whole cache made with `key`. */
export function decodeSignatureCache(
  data: Uint8Array,
  key: SignatureCacheKey,
): Map<string, Uint8Array> | null {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.length);
  if (buf.length < HEADER || buf.toString('latin1', 0, 4) !== MAGIC) return null;
  if (buf[4] !== FORMAT || buf[5] !== key.shingleWords || buf[6] !== key.bins) return null;
  if (buf[7] !== key.cleanerVersion) return null;
  const out = new Map<string, Uint8Array>();
  let at = HEADER;
  while (at < buf.length) {
    const idLength = buf[at]!;
    const end = at + 1 + idLength + key.bytes;
    if (idLength === 0 || end > buf.length) return null;
    const id = buf.toString('latin1', at + 1, at + 1 + idLength);
    out.set(id, new Uint8Array(buf.subarray(at + 1 + idLength, end)));
    at = end;
  }
  return out;
}

/** The bytes of a cache holding these signatures. */
export function encodeSignatureCache(
  sigs: ReadonlyMap<string, Uint8Array>,
  key: SignatureCacheKey,
): Buffer {
  const parts: Buffer[] = [
    Buffer.from([
      ...Buffer.from(MAGIC, 'latin1'),
      FORMAT,
      key.shingleWords,
      key.bins,
      key.cleanerVersion,
    ]),
  ];
  for (const [id, sig] of sigs) {
    const idBytes = Buffer.from(id, 'latin1');
    if (idBytes.length === 0 || idBytes.length > 255 || sig.length !== key.bytes) continue;
    parts.push(Buffer.from([idBytes.length]), idBytes, Buffer.from(sig));
  }
  return Buffer.concat(parts);
}

/** Replaces the cache atomically. */
export async function writeSignatureCache(
  dir: string,
  sigs: ReadonlyMap<string, Uint8Array>,
  key: SignatureCacheKey,
): Promise<void> {
  await writeFileAtomic(join(dir, SIGNATURE_CACHE_FILE), encodeSignatureCache(sigs, key));
}
