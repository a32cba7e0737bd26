// The on-disk form of a segment's postings: a fixed header, the terms as UTF-8 joined by
// newlines (no term holds one: tokens are letters, marks and digits, tags have their white
// space collapsed), then the five arrays (offsets, docs, weights, position offsets,
// positions), little-endian and 4-byte aligned. Reading it back
// is a few memory copies, not a JSON parse of a Lunr object graph.
import { isMainThread } from 'node:worker_threads';
import { FIELD_COUNT, sharedU32, type PostingData } from './postings';

const MAGIC = 0x58505241; // "ARPX"
const VERSION = 3;
const HEADER_WORDS = 7;

const align4 = (n: number): number => (n + 3) & ~3;

/** Serialises postings to one buffer. */
export function encodePostings(p: PostingData): Buffer {
  const terms = Buffer.from(p.terms.join('\n'), 'utf8');
  const termsEnd = HEADER_WORDS * 4 + align4(terms.length);
  // Positions are bytes and go last, so every array before them stays 4-byte aligned.
  const arrays = [p.offsets, p.docs, p.weights, p.posOffsets, p.positions];
  const size = termsEnd + arrays.reduce((n, a) => n + align4(a.byteLength), 0);
  const out = Buffer.alloc(size);
  const header = [
    MAGIC,
    VERSION,
    p.terms.length,
    p.docs.length,
    terms.length,
    FIELD_COUNT,
    p.positions.length,
  ];
  header.forEach((v, i) => out.writeUInt32LE(v, i * 4));
  terms.copy(out, HEADER_WORDS * 4);
  let at = termsEnd;
  for (const arr of arrays) {
    Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength).copy(out, at);
    at += align4(arr.byteLength);
  }
  return out;
}

/**
 * Parses a buffer from encodePostings; throws when it is not one. `shared`: the arrays are
 * copied into shared memory, for a result a worker hands to another thread; else, on the
 * thread that keeps them (a command-line search loads on the main thread), they are views on
 * `buf` where it is aligned, which saves copying every segment at a cold start.
 */
export function decodePostings(buf: Uint8Array, shared = !isMainThread): PostingData {
  const data = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (data.length < HEADER_WORDS * 4) throw new Error('postings file is truncated');
  const [magic, version, termCount, postingCount, termBytes, fields, positionCount] = Array.from(
    { length: HEADER_WORDS },
    (_, i) => data.readUInt32LE(i * 4),
  ) as [number, number, number, number, number, number, number];
  if (magic !== MAGIC || version !== VERSION || fields !== FIELD_COUNT) {
    throw new Error('not a postings file of this version');
  }
  const termsEnd = HEADER_WORDS * 4 + align4(termBytes);
  const offsetBytes = (termCount * FIELD_COUNT + 1) * 4;
  if (data.length !== termsEnd + offsetBytes * 2 + postingCount * 8 + align4(positionCount)) {
    throw new Error('postings file has the wrong size');
  }
  const text = data.toString('utf8', HEADER_WORDS * 4, HEADER_WORDS * 4 + termBytes);
  const terms = termCount === 0 ? [] : text.split('\n');
  if (terms.length !== termCount) throw new Error('postings file has the wrong term count');
  // Views on the file, or copies into fresh, aligned, shared buffers (a file buffer may start
  // at any offset).
  const inPlace = !shared && data.byteOffset % 4 === 0;
  const u32 = (start: number, count: number): Uint32Array => {
    if (inPlace) return new Uint32Array(data.buffer, data.byteOffset + start, count);
    const out = sharedU32(count);
    new Uint8Array(out.buffer).set(data.subarray(start, start + count * 4));
    return out;
  };
  const offsets = u32(termsEnd, termCount * FIELD_COUNT + 1);
  const docs = u32(termsEnd + offsetBytes, postingCount);
  const weightWords = u32(termsEnd + offsetBytes + postingCount * 4, postingCount);
  const weights = new Float32Array(weightWords.buffer, weightWords.byteOffset, weightWords.length);
  const posStart = termsEnd + offsetBytes + postingCount * 8;
  const posOffsets = u32(posStart, termCount * FIELD_COUNT + 1);
  const positionsAt = data.byteOffset + posStart + offsetBytes;
  const positions = inPlace
    ? new Uint8Array(data.buffer, positionsAt, positionCount)
    : new Uint8Array(new SharedArrayBuffer(positionCount));
  if (!inPlace) positions.set(new Uint8Array(data.buffer, positionsAt, positionCount));
  if (
    offsets[offsets.length - 1] !== postingCount ||
    posOffsets[posOffsets.length - 1] !== positionCount
  ) {
    throw new Error('postings file is inconsistent');
  }
  return { terms, offsets, docs, weights, posOffsets, positions };
}
