// The on-disk form of a segment's postings: a fixed header, the terms as UTF-8 joined by
// newlines (no term holds one: tokens are letters, marks and digits, tags have their white
// space collapsed), then the five arrays (offsets, docs, weights, position offsets,
// positions), little-endian and 4-byte aligned. Reading it back
// is a few memory copies, not a JSON parse of a Lunr object graph.
import { isMainThread } from 'node:worker_threads';
import { FIELD_COUNT, type PostingData } from './postings';

const MAGIC = 0x58505241; // "ARPX"
const VERSION = 3;
const HEADER_WORDS = 7;

const align4 = (n: number): number => (n + 3) & ~3;

/**
 * The bytes of a postings file as parts to write one after another: a header, then views on
 * `p`'s own arrays (nothing copied).
 */
export function postingsParts(p: PostingData): Uint8Array[] {
  const terms = Buffer.from(p.terms.join('\n'), 'utf8');
  const head = Buffer.alloc(HEADER_WORDS * 4 + align4(terms.length));
  const header = [
    MAGIC,
    VERSION,
    p.terms.length,
    p.docs.length,
    terms.length,
    FIELD_COUNT,
    p.positions.length,
  ];
  header.forEach((v, i) => head.writeUInt32LE(v, i * 4));
  terms.copy(head, HEADER_WORDS * 4);
  // Positions are bytes and go last, so every array before them stays 4-byte aligned.
  const parts: Uint8Array[] = [head];
  for (const arr of [p.offsets, p.docs, p.weights, p.posOffsets, p.positions]) {
    parts.push(new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength));
  }
  const pad = align4(p.positions.length) - p.positions.length;
  if (pad > 0) parts.push(new Uint8Array(pad));
  return parts;
}

/** Serialises postings to one buffer. */
export function encodePostings(p: PostingData): Buffer {
  return Buffer.concat(postingsParts(p));
}

/** Where each part of a postings file lies, from its header (byte offsets into the file). */
export interface PostingsLayout {
  termCount: number;
  postingCount: number;
  positionCount: number;
  /** The terms' UTF-8 text: [HEADER_BYTES, HEADER_BYTES + termBytes). */
  termBytes: number;
  offsetsAt: number;
  docsAt: number;
  weightsAt: number;
  posOffsetsAt: number;
  positionsAt: number;
  /** The file's size. */
  size: number;
}

/** Bytes of the fixed header: a reader needs them to find everything else. */
export const POSTINGS_HEADER_BYTES = HEADER_WORDS * 4;

/** The layout a postings file's header describes; throws when it is not one of this version. */
export function postingsLayout(header: Uint8Array): PostingsLayout {
  if (header.length < POSTINGS_HEADER_BYTES) throw new Error('postings file is truncated');
  const view = new DataView(header.buffer, header.byteOffset, POSTINGS_HEADER_BYTES);
  const word = (i: number): number => view.getUint32(i * 4, true);
  const [magic, version, termCount, postingCount, termBytes, fields, positionCount] = [
    0, 1, 2, 3, 4, 5, 6,
  ].map(word) as [number, number, number, number, number, number, number];
  if (magic !== MAGIC || version !== VERSION || fields !== FIELD_COUNT) {
    throw new Error('not a postings file of this version');
  }
  const offsetBytes = (termCount * FIELD_COUNT + 1) * 4;
  const offsetsAt = POSTINGS_HEADER_BYTES + align4(termBytes);
  const docsAt = offsetsAt + offsetBytes;
  const weightsAt = docsAt + postingCount * 4;
  const posOffsetsAt = weightsAt + postingCount * 4;
  const positionsAt = posOffsetsAt + offsetBytes;
  return {
    termCount,
    postingCount,
    positionCount,
    termBytes,
    offsetsAt,
    docsAt,
    weightsAt,
    posOffsetsAt,
    positionsAt,
    size: positionsAt + align4(positionCount),
  };
}

/**
 * The postings of a file whose bytes are `image` (the whole file, 4-byte aligned in its
 * buffer), as views on it; the terms are decoded from it. Only the header, the terms and
 * both offset tables need to be in `image` yet (a lazy reader fills the rest on demand).
 */
export function viewPostings(image: Uint8Array, layout: PostingsLayout): PostingData {
  const { buffer, byteOffset } = image;
  const u32 = (at: number, count: number) => new Uint32Array(buffer, byteOffset + at, count);
  const slots = layout.termCount * FIELD_COUNT + 1;
  const text = Buffer.from(buffer, byteOffset, image.byteLength).toString(
    'utf8',
    POSTINGS_HEADER_BYTES,
    POSTINGS_HEADER_BYTES + layout.termBytes,
  );
  const terms = layout.termCount === 0 ? [] : text.split('\n');
  if (terms.length !== layout.termCount) throw new Error('postings file has the wrong term count');
  const offsets = u32(layout.offsetsAt, slots);
  const posOffsets = u32(layout.posOffsetsAt, slots);
  if (
    offsets[slots - 1] !== layout.postingCount ||
    posOffsets[slots - 1] !== layout.positionCount
  ) {
    throw new Error('postings file is inconsistent');
  }
  return {
    terms,
    offsets,
    docs: u32(layout.docsAt, layout.postingCount),
    weights: new Float32Array(buffer, byteOffset + layout.weightsAt, layout.postingCount),
    posOffsets,
    positions: new Uint8Array(buffer, byteOffset + layout.positionsAt, layout.positionCount),
  };
}

/**
 * Parses a buffer from encodePostings; throws when it is not one. `shared`: the arrays are
 * copied into shared memory, for a result a worker hands to another thread; else, on the
 * thread that keeps them (a command-line search loads on the main thread), they are views on
 * `buf` where it is aligned, which saves copying every segment at a cold start.
 */
export function decodePostings(buf: Uint8Array, shared = !isMainThread): PostingData {
  const layout = postingsLayout(buf);
  if (buf.length !== layout.size) throw new Error('postings file has the wrong size');
  if (!shared && buf.byteOffset % 4 === 0) return viewPostings(buf, layout);
  // A copy into a fresh, aligned (and, for another thread, shared) buffer: a file buffer may
  // start at any offset.
  const image = shared
    ? new Uint8Array(new SharedArrayBuffer(buf.length))
    : new Uint8Array(buf.length);
  image.set(buf);
  return viewPostings(image, layout);
}
